/* paths-open-api-json-specify-cors-header - /core/publish-openapi (ADR
 * 2.1.0 linter only): GET /openapi.json declares Access-Control-Allow-Origin
 * on its 2xx and 3xx responses. */
#include "../common/objects.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *status = adr_r_response_status(h, ctx, v);
    char c = status ? adr_r_status_class(h, status) : 0;
    if (c != '2' && c != '3') return;
    const adr_visit *op = h->enclosing(ctx, ADR_KIND_OPERATION);
    const adr_visit *item = h->enclosing(ctx, ADR_KIND_PATH_ITEM);
    if (!op || !item || !adr_r_text_eq(h, op->key, "get") || !item->field ||
        strcmp(item->field, "paths") != 0 || !adr_r_text_eq(h, item->key, "/openapi.json"))
        return;
    const adr_node *headers = h->get(v->node, "headers");
    /* Header names are case-insensitive in HTTP. */
    for (size_t i = 0; i < h->count(headers); i++)
        if (adr_r_text_eq_ci(h, h->key_at(headers, i), "Access-Control-Allow-Origin")) return;
    h->report(ctx, headers ? headers : adr_r_written(v),
              "The response of the `/openapi.json` resource should set the "
              "`access-control-allow-origin` header with value `*`");
}

const adr_rule adr_rule_openapi_json_cors = {
    .struct_size = sizeof(adr_rule),
    .code = "paths-open-api-json-specify-cors-header",
    .rule_id = "/core/publish-openapi",
    .title = "GET /openapi.json declares Access-Control-Allow-Origin",
    .rationale =
        "/core/publish-openapi requires a CORS policy that lets any origin read the OpenAPI "
        "document; the Logius 2.1.0 linter checks that the 2xx and 3xx responses of GET "
        "/openapi.json declare the access-control-allow-origin header (adr-2.1 profile only; "
        "2.2 removed the /openapi.json rules, Logius issue #227). Unlike that linter, adrlint "
        "matches the header name case-insensitively, as HTTP does (Access-Control-Allow-Origin "
        "counts), reports a response without any headers (at the response) instead of "
        "passing it, and accepts 2XX range keys. The header's value cannot be checked "
        "statically.",
    .doc_url = ADR_DON_URL "publish-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_RESPONSE),
    .check = check,
};
