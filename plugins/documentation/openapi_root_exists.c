/* nlgov:openapi-root-exists - /core/doc-openapi: the root of the document
 * has an openapi field, so that it is recognised as OpenAPI 3 at all. */
#include "../common/rules.h"

/* JavaScript truthiness of a scalar, as Spectral's truthy function sees the
 * parsed value: null, false, 0 and "" are falsy. */
static bool truthy(const adr_host *h, const adr_node *n)
{
    switch (h->type(n)) {
    case ADR_NODE_NULL: return false;
    case ADR_NODE_BOOL: return h->boolean(n) == 1;
    case ADR_NODE_INT:
    case ADR_NODE_FLOAT: {
        double d;
        return !h->number(n, &d) || (d != 0 && d == d);
    }
    case ADR_NODE_STRING: {
        size_t len;
        h->text(n, &len);
        return len > 0;
    }
    default: return true;
    }
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *openapi = h->get(v->node, "openapi");
    /* A document that names another specification (an Arazzo workflow, an
     * AsyncAPI description) is no API description the ADR applies to; it
     * only gets the unrecognized-format warning, as in the later Logius
     * test case unrecognized-format-arazzo. */
    if (!openapi && (h->get(v->node, "arazzo") || h->get(v->node, "asyncapi"))) return;
    if (!openapi) {
        /* Reported at the document (1:1), where Spectral reports it. */
        h->report(ctx, NULL, "The root of the document must contain the `openapi` property.");
        return;
    }
    if (!truthy(h, openapi))
        h->report(ctx, openapi, "The root of the document must contain the `openapi` property.");
}

const adr_rule adr_rule_openapi_root_exists = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:openapi-root-exists",
    .aliases = "openapi-root-exists",
    .rule_id = "/core/doc-openapi",
    .title = "The document has a root openapi field",
    .rationale =
        "Without a root openapi field a document is not an OpenAPI 3 description, and most "
        "rules would pass it silently; Swagger 2.0 documents (swagger: \"2.0\") are reported "
        "too, since the ADR requires OpenAPI 3. The rule runs on any input, recognised as "
        "OpenAPI or not, except documents that declare another specification (arazzo, "
        "asyncapi), which are not API descriptions the ADR applies to. The Logius 2.1.0 "
        "linter lacks this rule (its openapi3 rule only looks at an existing field); adrlint "
        "enables it in every profile, since /core/doc-openapi requires an OpenAPI 3 document "
        "in every ADR version.",
    .doc_url = ADR_DON_URL "doc-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = 0,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
