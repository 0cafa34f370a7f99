/* unrecognized-format - /core/doc-openapi: the document is an OpenAPI
 * description at all (an "openapi" 3.x or "swagger" 2.0 field). */
#include "../common/rules.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (h->format(ctx) != 0) return;
    h->report(ctx, v->node,
              "The provided document does not match any of the registered formats [OpenAPI 2.0 "
              "(Swagger), OpenAPI 3.x, OpenAPI 3.0.x, OpenAPI 3.1.x]");
}

const adr_rule adr_rule_unrecognized_format = {
    .struct_size = sizeof(adr_rule),
    .code = "unrecognized-format",
    .rule_id = "/core/doc-openapi",
    .title = "The document is not a recognized OpenAPI description",
    .rationale =
        "A document without an \"openapi\" 3.x field (or a Swagger 2.0 \"swagger\" field) is "
        "not an OpenAPI description, so none of the OpenAPI rules can check it. Spectral emits "
        "this warning itself, with the same message and position (1:1), listing the formats "
        "of the Logius ruleset. Documents with an unknown version such as \"openapi: 4.0.0\" get "
        "this one warning and no oas3-schema findings; Swagger 2.0 is a recognized format.",
    .doc_url = ADR_DON_URL "doc-openapi",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = 0,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
