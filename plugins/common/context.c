/* Helpers about where a visit is and what a node is called. */
#include "rules.h"

#include <stdio.h>

bool adr_r_in_callback(const adr_host *h, adr_ctx *ctx)
{
    if (h->enclosing(ctx, ADR_KIND_CALLBACK)) return true;
    const adr_visit *pi = h->enclosing(ctx, ADR_KIND_PATH_ITEM);
    return pi && pi->field && strcmp(pi->field, "webhooks") == 0;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool adr_r_media_type_is(const adr_host *h, const adr_node *key, const char *type)
{
    size_t len;
    const char *t = h->text(key, &len);
    if (!t) return false;
    /* Parameters (";charset=utf-8") and surrounding blanks do not change the
     * type. */
    size_t end = 0;
    while (end < len && t[end] != ';')
        end++;
    while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '\t'))
        end--;
    size_t n = strlen(type);
    if (end != n) return false;
    for (size_t i = 0; i < n; i++)
        if (lower(t[i]) != type[i]) return false;
    return true;
}

/* Appends s (n bytes) at *w, escaping as RFC 6901 does when esc is set. */
static void put(char *out, size_t outsz, size_t *w, const char *s, size_t n, bool esc)
{
    for (size_t i = 0; i < n; i++) {
        const char *piece = &s[i];
        size_t plen = 1;
        if (esc && s[i] == '~')
            piece = "~0", plen = 2;
        else if (esc && s[i] == '/')
            piece = "~1", plen = 2;
        for (size_t k = 0; k < plen; k++, (*w)++)
            if (*w + 1 < outsz) out[*w] = piece[k];
    }
}

size_t adr_r_pointer(const adr_host *h, const adr_node *node, char *out, size_t outsz)
{
    /* The chain from the root down to node; deeper documents are cut at
     * the root end, which never happens within the walk's depth limit. */
    enum { MAX_DEPTH = 2048 };
    const adr_node *chain[MAX_DEPTH];
    size_t depth = 0;
    for (const adr_node *n = node; n && h->parent(n) && depth < MAX_DEPTH; n = h->parent(n))
        chain[depth++] = n;
    size_t w = 0;
    put(out, outsz, &w, "#", 1, false);
    while (depth--) {
        const adr_node *n = chain[depth], *up = h->parent(n);
        put(out, outsz, &w, "/", 1, false);
        if (h->type(up) == ADR_NODE_SEQ) {
            char num[24];
            size_t i = 0;
            while (i < h->count(up) && h->item(up, i) != n)
                i++;
            int k = snprintf(num, sizeof num, "%zu", i);
            put(out, outsz, &w, num, (size_t)k, false);
        } else {
            size_t len;
            const char *key = h->text(h->key_of(n), &len);
            if (key) put(out, outsz, &w, key, len, true);
        }
    }
    if (outsz) out[w < outsz ? w : outsz - 1] = 0;
    return w;
}

const adr_node *adr_r_error_status(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *status = adr_r_response_status(h, ctx, v);
    if (!status || adr_r_in_callback(h, ctx)) return NULL;
    char c = adr_r_status_class(h, status);
    if (c == '4' || c == '5') return status;
    if (c != 'd') return NULL;
    const adr_visit *op = h->enclosing(ctx, ADR_KIND_OPERATION);
    const adr_node *responses = op ? h->get(op->node, "responses") : NULL;
    for (size_t i = 0; i < h->count(responses); i++)
        if (adr_r_status_class(h, h->key_at(responses, i)) == '2') return status;
    return NULL;
}
