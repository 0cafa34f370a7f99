/* Ignore files: file -> rule code -> JSON pointers of findings to suppress
 * (Redocly's .redocly.lint-ignore.yaml shape, which "adrlint baseline"
 * writes). Files are relative to the ignore file's directory; pointers are
 * URI fragments ("#/paths/~1pets/get"), percent-decoded before matching.
 *
 * Entries are matched exactly: a pattern that matched "anything below"
 * would hide new problems in a baselined API, the one thing a baseline
 * must not do. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* "#/a/b%7B" -> "/a/b{" in the arena; NULL when it is not a fragment. */
static const char *decode_pointer(adr_arena *a, const char *s, size_t n)
{
    if (n == 0 || s[0] != '#') return NULL;
    s++, n--;
    if (n && s[0] != '/') return NULL;
    char *out = adr_arena_alloc(a, n + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int hi, lo;
        if (s[i] == '%' && i + 2 < n && (hi = hexval(s[i + 1])) >= 0 &&
            (lo = hexval(s[i + 2])) >= 0) {
            out[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = 0;
    return out;
}

static int cmp_entry(const ignore_rec *a, const ignore_rec *b)
{
    int c = strcmp(a->pub.path, b->pub.path);
    if (c) return c;
    c = strcmp(a->pub.code, b->pub.code);
    if (c) return c;
    return strcmp(a->pointer, b->pointer);
}

typedef struct sort_item {
    const ignore_rec *rec;
    size_t index;
} sort_item;

static int cmp_item(const void *pa, const void *pb)
{
    const sort_item *a = pa, *b = pb;
    int c = cmp_entry(a->rec, b->rec);
    return c ? c : (a->index < b->index ? -1 : a->index > b->index);
}

static int load_doc(adr_linter *L, adr_doc *doc, const char *dir)
{
    const adr_node *root = doc->root;
    if (root->type == ADR_NODE_NULL) return 0;
    if (root->type != ADR_NODE_MAP)
        return adr_cfg_error(doc, root, "an ignore file maps file names to rule codes");
    size_t total = 0;
    for (uint32_t f = 0; f < root->len; f++) {
        const adr_node *codes = root->u.pairs[f].value;
        if (codes->type != ADR_NODE_MAP)
            return adr_cfg_error(doc, codes, "expected a mapping of rule codes to JSON pointers");
        for (uint32_t c = 0; c < codes->len; c++) {
            const adr_node *ptrs = codes->u.pairs[c].value;
            if (ptrs->type != ADR_NODE_SEQ)
                return adr_cfg_error(doc, ptrs, "expected a list of JSON pointers ('#/...')");
            total += ptrs->len;
        }
    }
    L->ignores = adr_xcalloc(total ? total : 1, sizeof *L->ignores);
    L->ignore_sorted = adr_xcalloc(total ? total : 1, sizeof *L->ignore_sorted);
    if (!L->ignores || !L->ignore_sorted) goto oom;
    adr_arena *a = &L->ignore_arena;
    for (uint32_t f = 0; f < root->len; f++) {
        const adr_node *fk = root->u.pairs[f].key, *codes = root->u.pairs[f].value;
        if (fk->type == ADR_NODE_MAP || fk->type == ADR_NODE_SEQ || fk->len == 0)
            return adr_cfg_error(doc, fk, "expected a file name");
        const char *file = adr_arena_strndup(a, fk->u.text, fk->len);
        if (!file) goto oom;
        char *joined = adr_path_join(dir, file);
        char *norm = joined ? adr_path_normalize(joined) : NULL;
        adr_xfree(joined);
        const char *path = norm ? adr_arena_strdup(a, norm) : NULL;
        adr_xfree(norm);
        if (!path) goto oom;
        for (uint32_t c = 0; c < codes->len; c++) {
            const adr_node *ck = codes->u.pairs[c].key, *ptrs = codes->u.pairs[c].value;
            const rule_entry *re = ck->type == ADR_NODE_MAP || ck->type == ADR_NODE_SEQ
                                       ? NULL
                                       : adr_registry_find(L, ck->u.text, ck->len);
            if (!re)
                return adr_cfg_error(
                    doc, ck, "unknown rule '%.*s'",
                    ck->type == ADR_NODE_MAP || ck->type == ADR_NODE_SEQ ? 0 : (int)ck->len,
                    ck->type == ADR_NODE_MAP || ck->type == ADR_NODE_SEQ ? "" : ck->u.text);
            for (uint32_t p = 0; p < ptrs->len; p++) {
                const adr_node *pn = ptrs->u.items[p];
                if (pn->type != ADR_NODE_STRING)
                    return adr_cfg_error(doc, pn, "expected a JSON pointer ('#/...')");
                ignore_rec *e = &L->ignores[L->nignores];
                e->pointer = decode_pointer(a, pn->u.text, pn->len);
                if (!e->pointer)
                    return adr_cfg_error(doc, pn, "'%.*s' is not a JSON pointer ('#/...')",
                                         (int)pn->len, pn->u.text);
                e->pub.file = file;
                e->pub.path = path;
                e->pub.code = re->info.code;
                e->pub.pointer = adr_arena_strndup(a, pn->u.text, pn->len);
                if (!e->pub.pointer) goto oom;
                e->pub.position = adr_doc_position(doc, pn->start);
                L->ignore_sorted[L->nignores] = L->nignores;
                L->nignores++;
            }
        }
    }
    sort_item *items = adr_xcalloc(L->nignores ? L->nignores : 1, sizeof *items);
    if (!items) goto oom;
    for (size_t i = 0; i < L->nignores; i++)
        items[i] = (sort_item){&L->ignores[i], i};
    qsort(items, L->nignores, sizeof *items, cmp_item);
    for (size_t i = 0; i < L->nignores; i++)
        L->ignore_sorted[i] = items[i].index;
    adr_xfree(items);
    return 0;
oom:
    adr_set_error_oom();
    return ADR_ENOMEM;
}

int adr_ignore_load(adr_linter *L, const char *path)
{
    L->ignore_path = adr_path_absolute(path);
    if (!L->ignore_path) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    adr_arena_init(&L->ignore_arena, 16 * 1024);
    char *data;
    size_t size;
    int rc = adr_read_file(path, L->max_file_size, &data, &size);
    if (rc) return rc;
    /* Ignore files of big legacy APIs have many entries: the limits of an
     * OpenAPI document apply, not those of a configuration. */
    adr_doc_limits lim = {64, L->max_nodes};
    adr_doc *doc;
    rc = adr_cfg_parse_buf(path, data, size, adr_doc_path_is_json(path), &lim, &doc);
    if (rc) return rc;
    char *dir = adr_path_dirname(L->ignore_path);
    rc = dir ? load_doc(L, doc, dir) : ADR_ENOMEM;
    if (!dir) adr_set_error_oom();
    adr_xfree(dir);
    adr_doc_free(doc);
    return rc;
}

long adr_ignore_find(const adr_linter *L, const char *abs_path, const char *code,
                     const char *pointer)
{
    ignore_rec key;
    key.pub.path = abs_path;
    key.pub.code = code;
    key.pointer = pointer;
    size_t lo = 0, hi = L->nignores;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_entry(&L->ignores[L->ignore_sorted[mid]], &key);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < L->nignores && cmp_entry(&L->ignores[L->ignore_sorted[lo]], &key) == 0)
        return (long)L->ignore_sorted[lo];
    return -1;
}

const char *adr_linter_ignore_file(const adr_linter *L)
{
    return L ? L->ignore_path : NULL;
}

size_t adr_linter_ignore_count(const adr_linter *L)
{
    return L ? L->nignores : 0;
}

const adr_ignore_entry *adr_linter_ignore_get(const adr_linter *L, size_t i)
{
    return L && i < L->nignores ? &L->ignores[i].pub : NULL;
}
