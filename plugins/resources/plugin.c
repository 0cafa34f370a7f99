/* Rule group "resources": ADR section 3.1 (/core/no-trailing-slash,
 * /core/path-segments-kebab-case, /core/query-keys-camel-case) and the
 * naming conventions the official linters add (schema and property names). */
#include "../common/rules.h"

extern const adr_rule adr_rule_path_keys_no_trailing_slash;
extern const adr_rule adr_rule_paths_no_trailing_slash;
extern const adr_rule adr_rule_paths_kebab_case;
extern const adr_rule adr_rule_query_keys_camel_case;
extern const adr_rule adr_rule_schema_camel_case;
extern const adr_rule adr_rule_property_casing;

ADR_DEFINE_PLUGIN("resources",
                  "Resources: no trailing slashes, kebab-case path segments, camelCase query "
                  "keys, schema and property names",
                  &adr_rule_path_keys_no_trailing_slash, &adr_rule_paths_no_trailing_slash,
                  &adr_rule_paths_kebab_case, &adr_rule_query_keys_camel_case,
                  &adr_rule_schema_camel_case, &adr_rule_property_casing)
