/* nlgov:missing-header - /core/version-header: 2xx and 3xx responses
 * document headers (at least API-Version). */
#include "../common/rules.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *status = adr_r_response_status(h, ctx, v);
    char c = status ? adr_r_status_class(h, status) : 0;
    /* Callback responses come from the API's clients, not from the API. */
    if ((c != '2' && c != '3') || adr_r_in_callback(h, ctx)) return;
    if (!h->get(v->node, "headers"))
        h->report(ctx, v->node, "Return the full version number in a response header.");
}

const adr_rule adr_rule_missing_header = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:missing-header",
    .aliases = "missing-header",
    .rule_id = "/core/version-header",
    .title = "Successful responses document their headers",
    .rationale =
        "Every 2xx and 3xx response must declare its headers, since it has to return the "
        "API-Version header. Unlike the Spectral rulesets, the status code is matched exactly "
        "(\"200\", \"2XX\"), so component names such as Response200 are not mistaken for "
        "status codes, and responses reached through $ref are checked where they are defined. "
        "Responses of callbacks and webhooks are skipped: they come from the API's clients. "
        "Error responses are not required to declare headers: the ADR lets responses of "
        "intermediaries (gateways, proxies) omit the version, and a description cannot tell "
        "which documented errors those are.",
    .doc_url = ADR_DON_URL "version-header",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_RESPONSE),
    .check = check,
};
