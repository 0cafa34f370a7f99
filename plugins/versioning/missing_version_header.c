/* nlgov:missing-version-header - /core/version-header: 2xx and 3xx
 * responses declare the API-Version header. */
#include "../common/rules.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *status = adr_r_response_status(h, ctx, v);
    char c = status ? adr_r_status_class(h, status) : 0;
    /* Callback responses come from the API's clients, not from the API. */
    if ((c != '2' && c != '3') || adr_r_in_callback(h, ctx)) return;
    const adr_node *headers = h->get(v->node, "headers");
    if (!headers || h->type(headers) != ADR_NODE_MAP) return;
    /* HTTP header names are case-insensitive: any spelling counts. */
    for (size_t i = 0; i < h->count(headers); i++)
        if (adr_r_text_eq_ci(h, h->key_at(headers, i), "API-Version")) return;
    h->report(ctx, headers, "Return the full version number in a response header.");
}

const adr_rule adr_rule_missing_version_header = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:missing-version-header",
    .aliases = "missing-version-header",
    .rule_id = "/core/version-header",
    .title = "Return the full version number in a response header",
    .rationale =
        "Every 2xx and 3xx response must declare the API-Version header carrying the full "
        "version. Header names are case-insensitive in HTTP, so adrlint accepts any spelling "
        "(API-VERSION, api-Version), where the Spectral rulesets accept only five; \"2XX\" "
        "range keys count as well. Responses of callbacks and webhooks are skipped: they come "
        "from the API's clients.",
    .doc_url = ADR_DON_URL "version-header",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_RESPONSE),
    .check = check,
};
