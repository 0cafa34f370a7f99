/* nlgov:security-schemes-use-https - /core/transport/tls: OAuth2 flow
 * URLs and OpenID Connect discovery URLs use https. */
#include "ts.h"

/* The OAuth2 flows of OAS 3.x and the URL fields each may have. */
static const char *const flows[] = {"implicit", "password", "clientCredentials",
                                    "authorizationCode", NULL};
static const char *const flow_urls[] = {"authorizationUrl", "tokenUrl", "refreshUrl", NULL};

/* A URL with a scheme other than https. Relative references resolve
 * against the description's own (https) address, as OAS 3.1 allows. */
static bool insecure(const adr_host *h, const adr_node *url, const char **text, size_t *len)
{
    *text = h->text(url, len);
    if (!*text || h->type(url) != ADR_NODE_STRING) return false;
    size_t sl = ts_scheme_len(*text, *len);
    return sl && !(sl == 5 && adr_r_ieq(*text, 5, "https"));
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->repeat) return;
    const adr_node *type = h->get(v->node, "type");
    const char *t;
    size_t n;
    if (h->is(type, "openIdConnect")) {
        const adr_node *url = h->get(v->node, "openIdConnectUrl");
        if (insecure(h, url, &t, &n))
            h->report(ctx, url, "openIdConnectUrl %.*s must use https://.", (int)n, t);
        return;
    }
    if (!h->is(type, "oauth2")) return;
    const adr_node *fl = h->get(v->node, "flows");
    for (size_t f = 0; flows[f]; f++) {
        const adr_node *flow = h->get(fl, flows[f]);
        for (size_t u = 0; flow && flow_urls[u]; u++) {
            const adr_node *url = h->get(flow, flow_urls[u]);
            if (insecure(h, url, &t, &n))
                h->report(ctx, url, "OAuth2 %s flow %s %.*s must use https://.", flows[f],
                          flow_urls[u], (int)n, t);
        }
    }
}

const adr_rule adr_rule_security_schemes_use_https = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:security-schemes-use-https",
    .rule_id = "/core/transport/tls",
    .title = "OAuth2 and OpenID Connect URLs use https",
    .rationale =
        "Credentials, authorization codes and tokens travel to the authorizationUrl, tokenUrl "
        "and refreshUrl of an OAuth2 flow, and clients trust the configuration an "
        "openIdConnectUrl returns; ADR requires TLS for every exchange and OAuth 2.0 (RFC "
        "6749, sections 3.1 and 3.2) requires it for these endpoints in particular. A URL with "
        "any scheme other than https (compared case-insensitively) is reported; relative URLs "
        "resolve against the description's own address and pass. No peer checks this. It is "
        "an error where servers-use-https is a warning: a development server may "
        "legitimately be listed over http, a token endpoint may not.",
    .doc_url = TS_DOC_URL "tls",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SECURITY_SCHEME),
    .check = check,
};
