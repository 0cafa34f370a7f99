/* nlgov:security-headers - /core/transport/security-headers: responses
 * document the security headers every API response returns. */
#include "ts.h"

#include <stdio.h>

/* The headers the standard requires in all API responses, minus two:
 * Content-Type, which OpenAPI expresses as a response's content (a header
 * named Content-Type is ignored by OAS), and Access-Control-Allow-Origin,
 * which depends on the CORS policy (/core/transport/cors, "if
 * applicable"). */
static const char *const required[] = {
    "Cache-Control",          "Content-Security-Policy", "Strict-Transport-Security",
    "X-Content-Type-Options", "X-Frame-Options",         NULL};
/* Documenting one of these shows the description means to list the
 * security headers (Cache-Control alone is often documented for caching). */
static const char *const security_only[] = {"Content-Security-Policy", "Strict-Transport-Security",
                                            "X-Content-Type-Options", "X-Frame-Options", NULL};

typedef struct state {
    bool responses;  /* an API response was seen */
    bool documented; /* one of them documents security headers */
} state;

static bool declares(const adr_host *h, const adr_node *headers, const char *name)
{
    for (size_t i = 0; i < h->count(headers); i++)
        if (adr_r_text_eq_ci(h, h->key_at(headers, i), name)) return true;
    return false;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    /* Responses of the API's own operations: callbacks and webhooks are
     * answered by the client. */
    if (!adr_r_response_status(h, ctx, v) || h->enclosing(ctx, ADR_KIND_CALLBACK)) return;
    const adr_visit *item = h->enclosing(ctx, ADR_KIND_PATH_ITEM);
    if (item && item->field && strcmp(item->field, "webhooks") == 0) return;
    state *st = h->state(ctx, sizeof *st);
    if (!st) return;
    st->responses = true;
    const adr_node *headers = h->get(v->node, "headers");
    bool documents = false;
    for (size_t i = 0; security_only[i] && !documents; i++)
        documents = declares(h, headers, security_only[i]);
    if (!documents) return;
    st->documented = true;
    char missing[256];
    size_t len = 0;
    missing[0] = 0;
    for (size_t i = 0; required[i]; i++) {
        if (declares(h, headers, required[i])) continue;
        int w = snprintf(missing + len, sizeof missing - len, "%s%s", len ? ", " : "", required[i]);
        if (w > 0 && (size_t)w < sizeof missing - len) len += (size_t)w;
    }
    if (len)
        h->report(ctx, headers, "Response does not document the security headers %s.", missing);
}

static void finish(const adr_host *h, adr_ctx *ctx)
{
    state *st = h->state(ctx, sizeof *st);
    if (st && st->responses && !st->documented)
        h->report(ctx, NULL,
                  "No response documents the security headers Cache-Control, "
                  "Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options "
                  "and X-Frame-Options.");
}

const adr_rule adr_rule_security_headers = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:security-headers",
    .rule_id = "/core/transport/security-headers",
    .title = "Responses document the mandatory security headers",
    .rationale =
        "Every API response must carry Cache-Control: no-store, Content-Security-Policy: "
        "frame-ancestors 'none', Strict-Transport-Security, X-Content-Type-Options: nosniff "
        "and X-Frame-Options: DENY. The standard tests this at runtime; a description that "
        "documents them tells clients what to expect. Few descriptions document headers a "
        "gateway adds, so this is a hint: once per document when no response documents any "
        "of them, and per response when a response documents some security headers but not "
        "all. Content-Type is a response's content in OpenAPI, and "
        "Access-Control-Allow-Origin depends on the CORS policy, so neither is asked for. "
        "Callback and webhook responses come from the client and are not checked. No peer "
        "checks this.",
    .doc_url = TS_DOC_URL "security-headers",
    .default_severity = ADR_SEVERITY_HINT,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_RESPONSE),
    .check = check,
    .finish = finish,
};
