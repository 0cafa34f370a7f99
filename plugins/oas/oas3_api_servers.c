/* oas3-api-servers - /core/doc-openapi: the document lists its servers (a
 * non-empty array of Server Objects). */
#include "../common/rules.h"

#define MESSAGE "OpenAPI \"servers\" must be present and non-empty array."

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *servers = h->get(v->node, "servers");
    if (!servers) {
        /* Spectral reports a missing field at the object that lacks it. */
        h->report(ctx, v->node, MESSAGE);
        return;
    }
    if (h->type(servers) != ADR_NODE_SEQ || h->count(servers) == 0) {
        h->report(ctx, servers, MESSAGE);
        return;
    }
    for (size_t i = 0, n = h->count(servers); i < n; i++)
        if (h->type(h->item(servers, i)) != ADR_NODE_MAP)
            h->report(ctx, h->item(servers, i), MESSAGE);
}

const adr_rule adr_rule_oas3_api_servers = {
    .struct_size = sizeof(adr_rule),
    .code = "oas3-api-servers",
    .rule_id = "/core/doc-openapi",
    .title = "OpenAPI \"servers\" must be present and non-empty array",
    .rationale =
        "The root \"servers\" array tells clients where the API lives; without it the base URL, "
        "and with it the major version in the URI, is unknown. Same check and message as "
        "Spectral's oas3-api-servers: a missing array is reported at the document root, an "
        "empty or non-array value at \"servers\", an item that is not an object at that item.",
    .doc_url = ADR_DON_URL "doc-openapi",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
