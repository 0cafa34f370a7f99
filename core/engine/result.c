#include "result.h"

#include <stdlib.h>
#include <string.h>

static int cmp_diag(const void *pa, const void *pb)
{
    const adr_diagnostic *a = pa, *b = pb;
    /* Sources are shared strings, one per file: equal pointers, same file. */
    int c = a->source == b->source ? 0 : strcmp(a->source, b->source);
    if (c) return c;
    if (a->range.start.line != b->range.start.line)
        return a->range.start.line < b->range.start.line ? -1 : 1;
    if (a->range.start.column_utf16 != b->range.start.column_utf16)
        return a->range.start.column_utf16 < b->range.start.column_utf16 ? -1 : 1;
    c = strcmp(a->code, b->code);
    if (c) return c;
    c = strcmp(a->path, b->path);
    if (c) return c;
    return strcmp(a->message, b->message);
}

static bool names_rule(const adr_node *v, const rule_entry *re)
{
    if (v->type == ADR_NODE_MAP || v->type == ADR_NODE_SEQ) return false;
    if (adr_node_is(v, re->info.code)) return true;
    /* Older codes named in aliases are accepted too. */
    const char *a = re->info.aliases;
    while (a && *a) {
        while (*a == ' ')
            a++;
        const char *e = a;
        while (*e && *e != ' ')
            e++;
        if (e > a && adr_node_eqn(v, a, (size_t)(e - a))) return true;
        a = e;
    }
    return false;
}

/* x-lint-ignore: CODE, or a list of codes, on the reported object or any
 * object around it (vacuum's convention). */
static bool inline_ignored(const diag_rec *d)
{
    for (const adr_node *n = d->node; n; n = n->parent) {
        if (n->type != ADR_NODE_MAP || !(n->flags & ADR_NF_LINT_IGNORE)) continue;
        const adr_node *v = adr_node_get(n, "x-lint-ignore");
        if (!v) continue;
        if (v->type == ADR_NODE_SEQ) {
            for (uint32_t i = 0; i < v->len; i++)
                if (names_rule(v->u.items[i], d->rule)) return true;
        } else if (names_rule(v, d->rule)) {
            return true;
        }
    }
    return false;
}

/* Findings are the same when they differ at most in their column: one
 * object reached along two paths (a $ref and its target) is one finding. */
static bool same(const adr_diagnostic *a, const adr_diagnostic *b)
{
    return a->range.start.line == b->range.start.line && strcmp(a->code, b->code) == 0 &&
           strcmp(a->source, b->source) == 0 && strcmp(a->path, b->path) == 0 &&
           strcmp(a->message, b->message) == 0;
}

/* Equal findings have the same line, code, source and path. Codes and
 * sources are shared strings (one per rule, one per file), so their
 * addresses stand for them; the message is left to same(). */
static uint64_t diag_hash(const adr_diagnostic *d)
{
    uint64_t h = adr_hash(d->path, strlen(d->path));
    h ^= ((uint64_t)d->range.start.line << 32) ^ (uint64_t)(uintptr_t)d->code ^
         ((uint64_t)(uintptr_t)d->source << 7);
    return h * 0x9E3779B97F4A7C15ull ^ (h >> 29);
}

/* Drops repeated findings, keeping the first in sort order. Hashed, so a
 * minified document with all its findings on one line stays linear. */
static bool dedupe(adr_diagnostic *diags, size_t *count)
{
    size_t n = *count, cap = 16;
    while (cap < n * 2)
        cap <<= 1;
    size_t *slots = adr_xmalloc(cap * sizeof *slots);
    if (!slots) return false;
    memset(slots, 0xff, cap * sizeof *slots);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        size_t h = (size_t)diag_hash(&diags[i]) & (cap - 1);
        while (slots[h] != SIZE_MAX && !same(&diags[slots[h]], &diags[i]))
            h = (h + 1) & (cap - 1);
        if (slots[h] != SIZE_MAX) continue;
        diags[w] = diags[i];
        slots[h] = w++;
    }
    adr_xfree(slots);
    *count = w;
    return true;
}

/* Sorts findings in Spectral's order and drops duplicates. */
static bool sort_dedup(adr_diagnostic *diags, size_t *count)
{
    if (*count < 2) return true;
    qsort(diags, *count, sizeof *diags, cmp_diag);
    return dedupe(diags, count);
}

/* The files of the run, and which ignore entries concern them. */
static bool record_files(run *r, adr_result *res)
{
    size_t n = r->ws.ndocs + r->ws.nmissing;
    res->files = adr_arena_alloc(&res->arena, (n ? n : 1) * sizeof *res->files);
    if (!res->files) return false;
    for (size_t i = 0; i < r->ws.ndocs; i++) {
        const adr_doc *doc = r->ws.docs[i];
        const char *f = adr_arena_strdup(&res->arena, doc->abs_path ? doc->abs_path : doc->name);
        if (!f) return false;
        res->files[res->nfiles++] = f;
    }
    /* Files a $ref named that could not be read: an editor lints again
     * when they appear. */
    for (size_t i = 0; i < r->ws.nmissing; i++) {
        const char *f = adr_arena_strdup(&res->arena, r->ws.missing[i]);
        if (!f) return false;
        res->files[res->nfiles++] = f;
    }
    const adr_linter *L = r->L;
    if (!L->nignores) return true;
    res->ignore_use = adr_arena_zalloc(&res->arena, L->nignores);
    if (!res->ignore_use) return false;
    res->nignore = L->nignores;
    for (size_t e = 0; e < L->nignores; e++)
        for (size_t i = 0; i < r->ws.ndocs; i++)
            if (r->ws.docs[i]->abs_path &&
                strcmp(r->ws.docs[i]->abs_path, L->ignores[e].pub.path) == 0) {
                res->ignore_use[e] = ADR_IGNORE_UNUSED;
                break;
            }
    return true;
}

int adr_result_build(run *r, adr_result **out)
{
    adr_result *res = adr_xcalloc(1, sizeof *res);
    if (!res) goto oom;
    adr_arena_init(&res->arena, 16 * 1024);
    res->source = adr_arena_strdup(&res->arena, r->doc->name);
    if (!res->source || !record_files(r, res)) goto oom;
    if (r->ndiags) {
        res->diags = adr_arena_alloc(&res->arena, r->ndiags * sizeof *res->diags);
        if (!res->diags) goto oom;
        if (r->L->nignores) {
            res->suppressed = adr_arena_alloc(&res->arena, r->ndiags * sizeof *res->suppressed);
            if (!res->suppressed) goto oom;
        }
    }
    /* Strings shared by many findings are copied once. */
    const char **codes = adr_xcalloc(r->L->nrules ? r->L->nrules : 1, 3 * sizeof *codes);
    const char **sources = adr_xcalloc(r->ws.ndocs ? r->ws.ndocs : 1, sizeof *sources);
    if (!codes || !sources) {
        adr_xfree(codes);
        adr_xfree(sources);
        goto oom;
    }
    adr_buf path;
    adr_buf_init(&path);
    bool fail = false;
    for (size_t i = 0; i < r->ndiags && !fail; i++) {
        const diag_rec *d = &r->diags[i];
        if (d->node && inline_ignored(d)) continue;
        adr_diagnostic *o = &res->diags[res->count];
        size_t ri = d->rule->index;
        if (!codes[3 * ri]) {
            codes[3 * ri] = adr_arena_strdup(&res->arena, d->rule->info.code);
            codes[3 * ri + 1] = adr_arena_strdup(&res->arena, d->rule->info.rule_id);
            codes[3 * ri + 2] = adr_arena_strdup(&res->arena, d->rule->info.doc_url);
        }
        size_t di = 0;
        while (di < r->ws.ndocs && r->ws.docs[di] != d->doc)
            di++;
        if (di < r->ws.ndocs && !sources[di])
            sources[di] = adr_arena_strdup(&res->arena, d->doc->name);
        o->code = codes[3 * ri];
        o->rule_id = codes[3 * ri + 1];
        o->doc_url = codes[3 * ri + 2];
        o->severity = d->severity;
        o->source = di < r->ws.ndocs ? sources[di] : res->source;
        o->message = adr_arena_strdup(&res->arena, d->message);
        adr_buf_reset(&path);
        uint32_t s = d->start, e = d->end;
        if (d->node) {
            adr_node_pointer(d->node, &path);
            adr_node_spectral_range(d->node, &s, &e);
        }
        o->path = adr_arena_strndup(&res->arena, path.data ? path.data : "", path.len);
        o->range.start = adr_doc_position(d->doc, s);
        o->range.end = adr_doc_position_from(d->doc, o->range.start, e);
        if (!o->code || !o->rule_id || !o->doc_url || !o->source || !o->message || !o->path ||
            path.oom) {
            fail = true;
            break;
        }
        long ie = r->L->nignores && d->doc->abs_path
                      ? adr_ignore_find(r->L, d->doc->abs_path, o->code, o->path)
                      : -1;
        if (ie >= 0) {
            res->ignore_use[ie] = ADR_IGNORE_USED;
            res->suppressed[res->nsuppressed++] = *o;
            continue;
        }
        res->count++;
    }
    adr_buf_free(&path);
    adr_xfree(codes);
    adr_xfree(sources);
    if (fail) goto oom;
    if (!sort_dedup(res->diags, &res->count) || !sort_dedup(res->suppressed, &res->nsuppressed))
        goto oom;
    *out = res;
    return ADR_OK;
oom:
    if (res) {
        adr_arena_destroy(&res->arena);
        adr_xfree(res);
    }
    adr_set_error_oom();
    return ADR_ENOMEM;
}

size_t adr_result_count(const adr_result *result)
{
    return result ? result->count : 0;
}

const adr_diagnostic *adr_result_get(const adr_result *result, size_t i)
{
    return result && i < result->count ? &result->diags[i] : NULL;
}

const char *adr_result_source(const adr_result *result)
{
    return result ? result->source : NULL;
}

size_t adr_result_file_count(const adr_result *result)
{
    return result ? result->nfiles : 0;
}

const char *adr_result_file(const adr_result *result, size_t i)
{
    return result && i < result->nfiles ? result->files[i] : NULL;
}

adr_ignore_use adr_result_ignore_use(const adr_result *result, size_t entry)
{
    if (!result || entry >= result->nignore) return ADR_IGNORE_NOT_APPLICABLE;
    return (adr_ignore_use)result->ignore_use[entry];
}

size_t adr_result_suppressed_count(const adr_result *result)
{
    return result ? result->nsuppressed : 0;
}

const adr_diagnostic *adr_result_suppressed_get(const adr_result *result, size_t i)
{
    return result && i < result->nsuppressed ? &result->suppressed[i] : NULL;
}

void adr_result_free(adr_result *result)
{
    if (!result) return;
    adr_arena_destroy(&result->arena);
    adr_xfree(result);
}
