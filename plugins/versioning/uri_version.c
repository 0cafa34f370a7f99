/* nlgov:include-major-version-in-uri - /core/uri-version: every server URL
 * has a v<major> path segment equal to the major version of info.version,
 * and path keys carry no version. */
#include "../common/rules.h"

#include <stdio.h>
#include <stdlib.h>

/* Length of a version segment "v<digits>" at s, or 0. */
static size_t version_segment(const char *s, size_t n, long *major)
{
    if (n < 2 || (s[0] != 'v' && s[0] != 'V')) return 0;
    size_t i = 1;
    long m = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (m < 100000) m = m * 10 + (s[i] - '0');
        i++;
    }
    if (i == 1 || i != n) return 0;
    *major = m;
    return n;
}

/* Finds a v<major> segment in a path; returns 1 and sets major when found. */
static int find_version(const char *path, size_t n, long *major)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && path[i] == '/')
            i++;
        size_t s = i;
        while (i < n && path[i] != '/')
            i++;
        if (i > s && version_segment(path + s, i - s, major)) return 1;
    }
    return 0;
}

static long info_major(const adr_host *h, adr_ctx *ctx)
{
    size_t len;
    const char *v = h->text(h->get(h->get(h->root(ctx), "info"), "version"), &len);
    if (!v || !len || v[0] < '0' || v[0] > '9') return -1;
    long m = 0;
    for (size_t i = 0; i < len && v[i] >= '0' && v[i] <= '9'; i++)
        if (m < 100000) m = m * 10 + (v[i] - '0');
    return m;
}

static void check_server(const adr_host *h, adr_ctx *ctx, const adr_node *server)
{
    const adr_node *url = h->get(server, "url");
    if (!h->text(url, NULL)) return;
    char buf[2048];
    adr_r_server_url(h, server, buf, sizeof buf);
    size_t plen;
    const char *path = adr_r_url_path(buf, strlen(buf), &plen);
    long major;
    if (!find_version(path, plen, &major)) {
        h->report(ctx, url, "Include the major version number in the URI.");
        return;
    }
    long want = info_major(h, ctx);
    if (want >= 0 && want != major)
        h->report(ctx, url,
                  "The major version in the URI (v%ld) differs from the major version of "
                  "info.version (%ld).",
                  major, want);
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->kind == ADR_KIND_SERVER) {
        /* Link servers belong to other APIs, callback servers to the client. */
        if (v->field && strcmp(v->field, "servers") == 0 && !h->enclosing(ctx, ADR_KIND_CALLBACK))
            check_server(h, ctx, v->node);
        return;
    }
    /* A path item under paths: its key must not carry the version. */
    if (v->kind == ADR_KIND_PATH_ITEM && v->key && v->field && strcmp(v->field, "paths") == 0 &&
        !v->repeat) {
        size_t len;
        const char *path = h->text(v->key, &len);
        long major;
        if (path && find_version(path, len, &major))
            h->report(ctx, v->node,
                      "Put the major version in the server URL, not in the path %.*s.", (int)len,
                      path);
    }
}

const adr_rule adr_rule_uri_version = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:include-major-version-in-uri",
    .aliases = "include-major-version-in-uri",
    .rule_id = "/core/uri-version",
    .title = "Include the major version number in the URI",
    .rationale =
        "Each server URL, at the root, path and operation level, must contain a path segment "
        "v<major> (v1, not v1.2 or v1beta), equal to the major version of info.version; server "
        "variables are expanded from their defaults. The version belongs in the base path, so "
        "a version segment in a path key is reported too. The Spectral rulesets only check "
        "root servers with the unanchored pattern \\/v[\\d+], which accepts /v+, /v1beta and "
        "/v1.2 and rejects /v{version}, and never compare with info.version.",
    .doc_url = ADR_DON_URL "uri-version",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SERVER) | ADR_KIND_BIT(ADR_KIND_PATH_ITEM),
    .check = check,
};
