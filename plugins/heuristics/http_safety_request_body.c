/* nlgov:http-safety-request-body - /core/http-safety: GET, HEAD, DELETE
 * and TRACE have no request body. */
#include "heur.h"

/* Methods whose request content has no defined meaning (RFC 9110
 * sections 9.3.1, 9.3.2, 9.3.5) or is forbidden (TRACE, 9.3.8). */
static const char *const bodyless[] = {"get", "head", "delete", "trace", NULL};

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    size_t n;
    const char *method = h->text(v->key, &n);
    const adr_node *body = h->get(v->node, "requestBody");
    if (!method || !body || v->repeat || adr_r_list_find(bodyless, method, n) < 0) return;
    char upper[8];
    size_t i = 0;
    for (; i < n && i + 1 < sizeof upper; i++)
        upper[i] = method[i] >= 'a' && method[i] <= 'z' ? (char)(method[i] - 'a' + 'A') : method[i];
    upper[i] = 0;
    if (upper[0] == 'T')
        h->report(ctx, body, "TRACE has a request body: HTTP forbids content in TRACE requests.");
    else if (upper[0] == 'D')
        h->report(ctx, body,
                  "DELETE has a request body: HTTP gives it no meaning and intermediaries may "
                  "drop it; identify what to delete in the URI.");
    else
        h->report(ctx, body,
                  "%s has a request body: HTTP gives it no meaning and intermediaries may drop "
                  "it; send data with POST (a search as POST /_zoek).",
                  upper);
}

const adr_rule adr_rule_http_safety_request_body = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:http-safety-request-body",
    .rule_id = "/core/http-safety",
    .title = "No request body on GET, HEAD, DELETE and TRACE",
    .rationale =
        "GET and HEAD are safe and idempotent, DELETE idempotent; clients, caches and proxies "
        "rely on that. Whether an operation behaves so is for a human to judge; a request body "
        "on these methods is a strong sign it does not (a search or a command in disguise), "
        "and HTTP gives such content no meaning (RFC 9110), so intermediaries may drop it. "
        "TRACE must not carry content at all. OAS 3.0 does not even allow it for GET, HEAD "
        "and DELETE. No peer checks this.",
    .doc_url = HEUR_DOC_URL "http-safety",
    .default_severity = ADR_SEVERITY_INFO,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_OPERATION),
    .check = check,
};
