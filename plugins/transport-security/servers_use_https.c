/* nlgov:servers-use-https - /core/transport/tls: every server URL uses
 * https. */
#include "ts.h"

static bool is_https(const char *url, size_t n)
{
    return ts_scheme_len(url, n) == 5 && adr_r_ieq(url, 5, "https");
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *url = h->get(v->node, "url");
    size_t rn;
    const char *raw = h->text(url, &rn);
    if (!raw || h->type(url) != ADR_NODE_STRING) return;
    /* Decide on the URL with its variables expanded from their defaults
     * ("{scheme}://..."); the message quotes the URL as written, like the
     * peers. A partial expansion (a variable without default) stays
     * NUL-terminated because the buffer starts zeroed. */
    char buf[2048] = {0};
    adr_r_server_url(h, v->node, buf, sizeof buf);
    size_t en = strlen(buf);
    if (is_https(buf, en)) return;
    size_t sl = ts_scheme_len(buf, en);
    if (h->adr_version(ctx) < 220) {
        /* ADR 2.0 and 2.1 peers accept only absolute https URLs: a
         * relative server URL gives no evidence of TLS. */
        h->report(ctx, url, "Server URL %.*s \"%.*s\" must match the pattern \"^https://.*\".",
                  (int)rn, raw, (int)rn, raw);
        return;
    }
    /* ADR 2.2 allows relative URLs: they resolve against the address the
     * description was fetched from, which is itself https. */
    if (sl == 0) return;
    if (rn >= 7 && memcmp(raw, "http://", 7) == 0) {
        h->report(ctx, url, "Server URL %.*s \"%.*s\" must not match the pattern \"^http://.*\".",
                  (int)rn, raw, (int)rn, raw);
        return;
    }
    /* What the 2.2 pattern misses: other schemes, capitals, and schemes
     * that come from a variable's default. */
    bool slashes = sl + 2 < en && buf[sl + 1] == '/' && buf[sl + 2] == '/';
    h->report(ctx, url, "Server URL %.*s must start with https:// instead of %.*s%s.", (int)rn, raw,
              (int)sl, buf, slashes ? "://" : ":");
}

const adr_rule adr_rule_servers_use_https = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:servers-use-https",
    .aliases = "servers-use-https",
    .rule_id = "/core/transport/tls",
    .title = "Server URLs use https",
    .rationale =
        "Information MUST be exchanged over TLS, everywhere and always (required by Dutch "
        "law); a server URL is where clients send their requests. Every server URL is checked: "
        "root, path item, operation, callback, webhook and link servers; a schema property "
        "named servers is not a server. Variables are expanded from their defaults and the "
        "scheme is compared case-insensitively, so {scheme}://... with default http and "
        "HTTP://... are caught, and https from a variable's default passes. Relative URLs "
        "(resolved against the https address of the description) are accepted under ADR 2.2, "
        "as its linter does, and reported under ADR 2.0 and 2.1, whose linters accept only "
        "^https://. The messages are the peers' wording for the pattern they check; schemes "
        "the 2.2 pattern misses get \"must start with https:// instead of ...\", the wording "
        "of the Logius servers-rule branch. This is ADR-TS 1.0 API-11 under ADR 2.0.",
    .doc_url = TS_DOC_URL "tls",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SERVER),
    .check = check,
};
