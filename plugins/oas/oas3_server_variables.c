/* oas3-server-variables - /core/doc-openapi: the {variables} of a server URL
 * and its "variables" object match, defaults are in their enums, and the
 * substituted URLs are valid. */
#include "../common/rules.h"

#include <stdio.h>
#include <stdlib.h>

#define MAX_VARS 32
#define MAX_URL  2048
/* Bounds the combinations of enum values tried; Spectral stops at 5 bad
 * URLs, which keeps the common case short too. */
#define MAX_COMBINATIONS 4096

typedef struct var {
    const char *s;
    size_t n;
} var;

static bool is_ext(const char *s, size_t n)
{
    return n >= 2 && s[0] == 'x' && s[1] == '-';
}

static bool is_string(const adr_host *h, const adr_node *n)
{
    return h->type(n) == ADR_NODE_STRING;
}

/* The input Spectral's serverVariables function accepts; anything else is
 * "Invalid Server Object". */
static bool valid_input(const adr_host *h, const adr_node *server)
{
    if (!is_string(h, h->get(server, "url"))) return false;
    const adr_node *vars = h->get(server, "variables");
    if (!vars) return true;
    if (h->type(vars) != ADR_NODE_MAP) return false;
    for (size_t i = 0, n = h->count(vars); i < n; i++) {
        const adr_node *v = h->value_at(vars, i);
        if (h->type(v) != ADR_NODE_MAP) return false;
        for (size_t k = 0, m = h->count(v); k < m; k++) {
            const adr_node *key = h->key_at(v, k), *val = h->value_at(v, k);
            size_t kl;
            const char *ks = h->text(key, &kl);
            if (!ks) return false;
            if (is_ext(ks, kl)) continue;
            if (adr_r_text_eq(h, key, "enum")) {
                if (h->type(val) != ADR_NODE_SEQ) return false;
                for (size_t e = 0, en = h->count(val); e < en; e++)
                    if (!is_string(h, h->item(val, e))) return false;
            } else if (adr_r_text_eq(h, key, "default") || adr_r_text_eq(h, key, "description") ||
                       adr_r_text_eq(h, key, "examples")) {
                if (!is_string(h, val)) return false;
            } else {
                return false;
            }
        }
    }
    return true;
}

/* The distinct {names} in a URL, in order. */
static size_t url_vars(const char *url, size_t n, var *out, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (url[i] != '{') continue;
        const char *close = memchr(url + i + 1, '}', n - i - 1);
        if (!close) break;
        var v = {url + i + 1, (size_t)(close - url - i - 1)};
        i = (size_t)(close - url);
        if (v.n == 0) continue;
        bool dup = false;
        for (size_t k = 0; k < count && !dup; k++)
            dup = out[k].n == v.n && memcmp(out[k].s, v.s, v.n) == 0;
        if (!dup && count < max) out[count++] = v;
    }
    return count;
}

static const adr_node *var_named(const adr_host *h, const adr_node *vars, const var *v,
                                 const adr_node **key)
{
    for (size_t i = 0, n = h->count(vars); i < n; i++) {
        size_t kl;
        const char *k = h->text(h->key_at(vars, i), &kl);
        if (k && kl == v->n && memcmp(k, v->s, kl) == 0) {
            if (key) *key = h->key_at(vars, i);
            return h->value_at(vars, i);
        }
    }
    return NULL;
}

static bool in_enum(const adr_host *h, const adr_node *e, const adr_node *value)
{
    size_t vl;
    const char *vs = h->text(value, &vl);
    for (size_t i = 0, n = h->count(e); i < n; i++) {
        size_t l;
        const char *s = h->text(h->item(e, i), &l);
        if (s && vs && l == vl && memcmp(s, vs, l) == 0) return true;
    }
    return false;
}

/* Appends value as JavaScript's encodeURI would. */
static bool append_encoded(char *out, size_t *w, const char *s, size_t n)
{
    static const char keep[] = ";,/?:@&=+$-_.!~*'()#";
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                     (ch >= '0' && ch <= '9') || (ch && strchr(keep, ch));
        if (*w + 4 >= MAX_URL) return false;
        if (plain)
            out[(*w)++] = (char)ch;
        else
            *w += (size_t)snprintf(out + *w, 4, "%%%02X", ch);
    }
    return true;
}

static bool is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool lower_eq(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (n != l) return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
        if (ch != lit[i]) return false;
    }
    return true;
}

/* Whether a URL with a scheme would parse, following the WHATWG URL rules
 * that matter here: special schemes need a host without forbidden code
 * points and a numeric port. Relative URLs are valid server URLs in
 * OpenAPI (Spectral, using `new URL()` without a base, rejects them). */
static bool url_ok(const char *u, size_t n)
{
    if (!n || !is_alpha(u[0])) return true;
    size_t i = 1;
    while (i < n && (is_alpha(u[i]) || (u[i] >= '0' && u[i] <= '9') || u[i] == '+' || u[i] == '-' ||
                     u[i] == '.'))
        i++;
    if (i >= n || u[i] != ':') return true;
    bool special = lower_eq(u, i, "http") || lower_eq(u, i, "https") || lower_eq(u, i, "ws") ||
                   lower_eq(u, i, "wss") || lower_eq(u, i, "ftp");
    if (!special) return true;
    i++;
    while (i < n && (u[i] == '/' || u[i] == '\\'))
        i++;
    size_t a = i;
    while (i < n && u[i] != '/' && u[i] != '\\' && u[i] != '?' && u[i] != '#')
        i++;
    size_t e = i;
    for (size_t k = a; k < e; k++)
        if (u[k] == '@') a = k + 1;
    if (a == e) return false;
    size_t colon = e;
    if (u[a] == '[') {
        const char *close = memchr(u + a, ']', e - a);
        if (!close) return false;
        size_t c = (size_t)(close - u) + 1;
        if (c < e && u[c] != ':') return false;
        colon = c < e ? c : e;
    } else {
        for (size_t k = a; k < e; k++)
            if (u[k] == ':') colon = k;
        if (colon == a) return false;
        for (size_t k = a; k < colon; k++) {
            unsigned char ch = (unsigned char)u[k];
            if (ch == '%' && k + 2 < colon) {
                /* An encoded space or other forbidden byte is still one. */
                char hex[3] = {u[k + 1], u[k + 2], 0};
                unsigned long d = strtoul(hex, NULL, 16);
                if (d <= 0x20 || strchr("#%/:<>?@[\\]^|", (int)d) || d == 0x7f) return false;
                k += 2;
                continue;
            }
            if (ch <= 0x20 || ch == 0x7f || strchr("#%<>[]^|", ch)) return false;
        }
    }
    if (colon < e) {
        unsigned long port = 0;
        for (size_t k = colon + 1; k < e; k++) {
            if (u[k] < '0' || u[k] > '9') return false;
            port = port * 10 + (unsigned long)(u[k] - '0');
            if (port > 65535) return false;
        }
    }
    return true;
}

typedef struct subst {
    var name;
    const adr_node *values; /* the enum, or the default (one value) */
    bool single;
    size_t count, at;
} subst;

static void check_substitutions(const adr_host *h, adr_ctx *ctx, const adr_node *server,
                                const adr_node *vars, subst *subs, size_t nsubs)
{
    size_t len;
    const char *url = h->text(h->get(server, "url"), &len);
    char bad[5][256];
    size_t nbad = 0;
    char out[MAX_URL];
    for (size_t tries = 0; tries < MAX_COMBINATIONS && nbad < 5; tries++) {
        size_t w = 0;
        bool fits = true;
        for (size_t i = 0; i < len && fits; i++) {
            const subst *s = NULL;
            const char *close = url[i] == '{' ? memchr(url + i, '}', len - i) : NULL;
            for (size_t k = 0; close && k < nsubs && !s; k++)
                if (subs[k].name.n == (size_t)(close - url - i - 1) &&
                    memcmp(subs[k].name.s, url + i + 1, subs[k].name.n) == 0)
                    s = &subs[k];
            if (s) {
                const adr_node *v = s->single ? s->values : h->item(s->values, s->at);
                size_t vl;
                const char *vs = h->text(v, &vl);
                fits = append_encoded(out, &w, vs ? vs : "", vs ? vl : 0);
                i = (size_t)(close - url);
            } else if (w + 1 < MAX_URL) {
                out[w++] = url[i];
            } else {
                fits = false;
            }
        }
        if (fits && !url_ok(out, w)) snprintf(bad[nbad++], sizeof bad[0], "%.*s", (int)w, out);
        /* Next combination, the last variable fastest. */
        size_t k = nsubs;
        while (k > 0 && ++subs[k - 1].at == subs[k - 1].count)
            subs[--k].at = 0;
        if (k == 0) break;
    }
    if (!nbad) return;
    char list[5 * 260];
    size_t w = 0;
    for (size_t i = 0; i < nbad; i++)
        w += (size_t)snprintf(list + w, sizeof list - w, "%s%s", i ? ", " : "", bad[i]);
    if (nbad == 5)
        h->report(ctx, vars,
                  "At least 5 substitutions of server variables resulted in invalid URLs: %s and "
                  "more",
                  list);
    else
        h->report(ctx, vars, "A few substitutions of server variables resulted in invalid URLs: %s",
                  list);
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->repeat) return;
    const adr_node *server = v->node;
    if (!valid_input(h, server)) {
        h->report(ctx, server, "Invalid Server Object");
        return;
    }
    size_t len;
    const char *url = h->text(h->get(server, "url"), &len);
    var found[MAX_VARS];
    size_t nfound = url_vars(url, len, found, MAX_VARS);
    const adr_node *vars = h->get(server, "variables");

    for (size_t i = 0, n = h->count(vars); i < n; i++) {
        var d;
        d.s = h->text(h->key_at(vars, i), &d.n);
        bool used = false;
        for (size_t k = 0; k < nfound && !used; k++)
            used = found[k].n == d.n && memcmp(found[k].s, d.s, d.n) == 0;
        if (!used)
            h->report(ctx, h->value_at(vars, i),
                      "Server's \"variables\" object has unused defined \"%.*s\" url variable.",
                      (int)d.n, d.s);
    }
    if (nfound == 0) return;

    char missed[1024];
    size_t w = 0;
    for (size_t k = 0; k < nfound; k++)
        if (!var_named(h, vars, &found[k], NULL) && w < sizeof missed)
            w += (size_t)snprintf(missed + w, sizeof missed - w, "%s%.*s", w ? ", " : "",
                                  (int)found[k].n, found[k].s);
    if (w)
        h->report(ctx, vars ? vars : server,
                  "Not all server's variables are described with \"variables\" object. Missed: "
                  "%s.",
                  missed);
    if (!vars) return;

    subst subs[MAX_VARS];
    size_t nsubs = 0;
    bool empty = false;
    for (size_t i = 0, n = h->count(vars); i < n; i++) {
        var d;
        d.s = h->text(h->key_at(vars, i), &d.n);
        bool used = false;
        for (size_t k = 0; k < nfound && !used; k++)
            used = found[k].n == d.n && memcmp(found[k].s, d.s, d.n) == 0;
        if (!used) continue;
        const adr_node *var_obj = h->value_at(vars, i);
        const adr_node *e = h->get(var_obj, "enum"), *def = h->get(var_obj, "default");
        if (e && def && !in_enum(h, e, def))
            h->report(ctx, def, "Server Variable \"%.*s\" has a default not listed in the enum.",
                      (int)d.n, d.s);
        if (!def)
            h->report(ctx, var_obj, "Server Variable \"%.*s\" has a missing default.", (int)d.n,
                      d.s);
        subst s = {d, e ? e : def, !e, e ? h->count(e) : def ? 1 : 0, 0};
        if (s.count == 0) empty = true;
        if (nsubs < MAX_VARS) subs[nsubs++] = s;
    }
    /* A variable without values leaves nothing to substitute (Spectral
     * tries no URL at all then). */
    if (nsubs && !empty) check_substitutions(h, ctx, server, vars, subs, nsubs);
}

const adr_rule adr_rule_oas3_server_variables = {
    .struct_size = sizeof(adr_rule),
    .code = "oas3-server-variables",
    .rule_id = "/core/doc-openapi",
    .title = "Server variables must be defined and valid and there must be no unused variables",
    .rationale =
        "Every {variable} in a server URL needs an entry in \"variables\" with a default that is "
        "one of its enum values, every entry must be used in the URL, and substituting the "
        "values must give valid URLs. Same checks and messages as Spectral's "
        "oas3-server-variables, for every server (root, path, operation, link, callback), "
        "except that relative server URLs, which OpenAPI allows, are not reported as invalid "
        "URLs (Spectral parses them without a base URL, so \"/api/{version}\" always failed).",
    .doc_url = ADR_DON_URL "doc-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SERVER),
    .check = check,
};
