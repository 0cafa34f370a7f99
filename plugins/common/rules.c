#include "rules.h"

#include <stdio.h>

bool adr_r_text_eq(const adr_host *h, const adr_node *n, const char *s)
{
    size_t len;
    const char *t = h->text(n, &len);
    if (!t) return false;
    /* No strlen: s is nearly always a different word, told apart early. */
    for (size_t i = 0; i < len; i++)
        if (s[i] != t[i] || !s[i]) return false;
    return s[len] == 0;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool adr_r_text_eq_ci(const adr_host *h, const adr_node *n, const char *s)
{
    size_t len;
    const char *t = h->text(n, &len);
    if (!t || len != strlen(s)) return false;
    for (size_t i = 0; i < len; i++)
        if (lower(t[i]) != lower(s[i])) return false;
    return true;
}

char adr_r_status_class(const adr_host *h, const adr_node *key)
{
    size_t len;
    const char *t = h->text(key, &len);
    if (!t) return 0;
    if (len == 7 && memcmp(t, "default", 7) == 0) return 'd';
    if (len != 3 || t[0] < '1' || t[0] > '5') return 0;
    bool digits = t[1] >= '0' && t[1] <= '9' && t[2] >= '0' && t[2] <= '9';
    bool range = (t[1] == 'X' || t[1] == 'x') && (t[2] == 'X' || t[2] == 'x');
    return digits || range ? t[0] : 0;
}

const adr_node *adr_r_response_status(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    (void)h;
    if (v->kind != ADR_KIND_RESPONSE || !v->field || strcmp(v->field, "responses") != 0)
        return NULL;
    if (!h->enclosing(ctx, ADR_KIND_OPERATION)) return NULL;
    return v->key;
}

bool adr_r_server_url(const adr_host *h, const adr_node *server, char *out, size_t outsz)
{
    size_t len;
    const char *url = h->text(h->get(server, "url"), &len);
    if (!url || outsz == 0) return false;
    const adr_node *vars = h->get(server, "variables");
    size_t w = 0;
    bool ok = true;
    for (size_t i = 0; i < len; i++) {
        if (url[i] == '{') {
            const char *close = memchr(url + i, '}', len - i);
            if (close) {
                char name[128];
                size_t nl = (size_t)(close - url - i - 1);
                if (nl < sizeof name) {
                    memcpy(name, url + i + 1, nl);
                    name[nl] = 0;
                    size_t dl;
                    const char *def = h->text(h->get(h->get(vars, name), "default"), &dl);
                    if (def) {
                        if (w + dl >= outsz) return false;
                        memcpy(out + w, def, dl);
                        w += dl;
                        i = (size_t)(close - url);
                        continue;
                    }
                }
                ok = false;
            }
        }
        if (w + 1 >= outsz) return false;
        out[w++] = url[i];
    }
    out[w] = 0;
    return ok;
}

const char *adr_r_url_path(const char *url, size_t n, size_t *len)
{
    size_t i = 0;
    const char *scheme = NULL;
    for (size_t k = 0; k + 2 < n; k++) {
        if (url[k] == ':' && url[k + 1] == '/' && url[k + 2] == '/') {
            scheme = url + k;
            break;
        }
        if (url[k] == '/' || url[k] == '?' || url[k] == '#') break;
    }
    if (scheme) {
        i = (size_t)(scheme - url) + 3;
        while (i < n && url[i] != '/' && url[i] != '?' && url[i] != '#')
            i++;
    } else if (n >= 2 && url[0] == '/' && url[1] == '/') {
        i = 2;
        while (i < n && url[i] != '/' && url[i] != '?' && url[i] != '#')
            i++;
    }
    size_t e = i;
    while (e < n && url[e] != '?' && url[e] != '#')
        e++;
    *len = e - i;
    return url + i;
}
