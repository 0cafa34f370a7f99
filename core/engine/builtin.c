/* Rules the engine itself reports: reading the document and its $refs. */
#include "engine.h"

static const adr_rule parser_rule = {
    .struct_size = sizeof(adr_rule),
    .code = ADR_CODE_PARSER,
    .title = "The document is well-formed YAML or JSON",
    .rationale = "A document that does not parse cannot be checked. The finding gives the "
                 "position where reading stopped; invalid UTF-8, NUL bytes, nesting beyond "
                 "the depth limit and alias expansion beyond the node limit are reported "
                 "the same way.",
    .default_severity = ADR_SEVERITY_ERROR,
};

static const adr_rule duplicate_key_rule = {
    .struct_size = sizeof(adr_rule),
    .code = ADR_CODE_DUPLICATE_KEY,
    .title = "Mapping keys are unique",
    .rationale = "YAML forbids duplicate keys and JSON parsers disagree about them. adrlint "
                 "keeps the last value, as Spectral and JSON.parse do, and reports the "
                 "later key.",
    .default_severity = ADR_SEVERITY_ERROR,
};

static const adr_rule invalid_ref_rule = {
    .struct_size = sizeof(adr_rule),
    .code = ADR_CODE_INVALID_REF,
    .title = "Every $ref resolves",
    .rationale = "A $ref must point to an existing object: a JSON pointer into this document "
                 "or a relative file below the root directory. References that leave the "
                 "root directory are not read, so a document cannot make the linter read "
                 "arbitrary files.",
    .default_severity = ADR_SEVERITY_ERROR,
};

static const adr_rule unresolved_ref_rule = {
    .struct_size = sizeof(adr_rule),
    .code = ADR_CODE_UNRESOLVED_REF,
    .title = "Remote $refs are not fetched",
    .rationale = "adrlint never uses the network, so what a remote reference points to is "
                 "not checked. This is information, not an error: publish the referenced "
                 "file beside the document to have it checked.",
    .default_severity = ADR_SEVERITY_INFO,
};

const adr_rule *const adr_builtin_rules[] = {&parser_rule, &duplicate_key_rule, &invalid_ref_rule,
                                             &unresolved_ref_rule};
const size_t adr_builtin_rule_count = sizeof adr_builtin_rules / sizeof adr_builtin_rules[0];
