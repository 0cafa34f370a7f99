/* nlgov:no-session-state - /core/stateless: no cookies, the usual carrier
 * of server-side session state. */
#include "heur.h"

/* Parts of the API's own exchange: not callbacks and webhooks, which the
 * client serves. */
static bool own(const adr_host *h, adr_ctx *ctx)
{
    if (h->enclosing(ctx, ADR_KIND_CALLBACK)) return false;
    const adr_visit *item = h->enclosing(ctx, ADR_KIND_PATH_ITEM);
    return !item || !item->field || strcmp(item->field, "webhooks") != 0;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    /* A shared header is checked on every visit: the first may be in a
     * callback, or under its component name. */
    if ((v->repeat && v->kind != ADR_KIND_HEADER) || !own(h, ctx)) return;
    size_t n;
    const char *name;
    switch (v->kind) {
    case ADR_KIND_PARAMETER: {
        const adr_node *in = h->get(v->node, "in");
        name = h->text(h->get(v->node, "name"), &n);
        if (h->is(in, "cookie") && name)
            h->report(ctx, in,
                      "Cookie parameter %.*s: a cookie suggests session state on the server; "
                      "a REST API is stateless, so send what a request needs with the request.",
                      (int)n, name);
        break;
    }
    case ADR_KIND_HEADER:
        /* Response headers only: the key is the header name. */
        name = h->text(v->key, &n);
        if (name && adr_r_ieq(name, n, "Set-Cookie") && h->enclosing(ctx, ADR_KIND_RESPONSE))
            h->report(ctx, v->node,
                      "The response sets a cookie: a cookie suggests session state on the server; "
                      "a REST API is stateless.");
        break;
    case ADR_KIND_SECURITY_SCHEME:
        name = h->text(h->get(v->node, "name"), &n);
        if (h->is(h->get(v->node, "type"), "apiKey") && h->is(h->get(v->node, "in"), "cookie"))
            h->report(ctx, h->get(v->node, "in"),
                      "API key %.*s is sent in a cookie: cookie authentication suggests a "
                      "server-side session; a REST API is stateless (send a token in a header).",
                      name ? (int)n : 0, name ? name : "");
        break;
    default: break;
    }
}

const adr_rule adr_rule_no_session_state = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:no-session-state",
    .rule_id = "/core/stateless",
    .title = "Do not keep session state on the server",
    .rationale =
        "Session state lives entirely with the client; the server keeps no notion of the "
        "client's interaction. Whether it does is for a human to judge. Cookies are how web "
        "applications usually tie requests to a server-side session, so as a hint adrlint "
        "reports cookie parameters, response headers named Set-Cookie (in any spelling) and "
        "apiKey security schemes sent in a cookie, in the API's own operations (not in "
        "callbacks or webhooks, which the client serves). No peer checks this.",
    .doc_url = HEUR_DOC_URL "stateless",
    .default_severity = ADR_SEVERITY_INFO,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PARAMETER) | ADR_KIND_BIT(ADR_KIND_HEADER) |
             ADR_KIND_BIT(ADR_KIND_SECURITY_SCHEME),
    .check = check,
};
