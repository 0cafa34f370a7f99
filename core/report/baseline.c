/* The "ignore-file" format: an ignore file (see adrlint.h) that suppresses
 * every finding of the results, plus the findings an ignore file already
 * suppressed in them, so that re-running a baseline keeps what it had.
 * Entries of the linters' ignore files for files none of the results read
 * are kept too: a baseline of some files does not forget the others.
 * Sorted by file, code and pointer, so a regenerated file diffs cleanly. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *file;
    const char *code;
    char *pointer;
} entry;

typedef struct entries {
    entry *v;
    size_t n, cap;
    bool oom;
} entries;

static int cmp_entry(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (c) return c;
    c = strcmp(a->code, b->code);
    return c ? c : strcmp(a->pointer, b->pointer);
}

static void add(entries *es, char *file, const char *code, char *pointer)
{
    if (!file || !pointer || !adr_grow((void **)&es->v, &es->cap, es->n + 1, sizeof *es->v)) {
        adr_xfree(file);
        adr_xfree(pointer);
        es->oom = true;
        return;
    }
    es->v[es->n++] = (entry){file, code, pointer};
}

/* A JSON pointer as a URI fragment, the way $refs spell them. */
static char *fragment(const char *pointer)
{
    adr_buf b;
    adr_buf_init(&b);
    adr_buf_putc(&b, '#');
    adr_report_uri(&b, pointer, strlen(pointer));
    return adr_buf_take(&b);
}

static void add_diags(entries *es, const adr_result *res, bool suppressed, const char *base)
{
    size_t n = suppressed ? adr_result_suppressed_count(res) : adr_result_count(res);
    for (size_t i = 0; i < n; i++) {
        const adr_diagnostic *d =
            suppressed ? adr_result_suppressed_get(res, i) : adr_result_get(res, i);
        add(es, adr_report_relpath(d->source, base), d->code, fragment(d->path));
    }
}

/* YAML scalar: plain-safe text in single quotes, anything else (control
 * characters) as a JSON string, which is a valid YAML double-quoted one. */
static void scalar(adr_buf *out, const char *s)
{
    bool printable = true;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f) printable = false;
    if (!printable) {
        adr_buf_json_string(out, s, strlen(s));
        return;
    }
    adr_buf_putc(out, '\'');
    for (; *s; s++) {
        if (*s == '\'') adr_buf_putc(out, '\'');
        adr_buf_putc(out, *s);
    }
    adr_buf_putc(out, '\'');
}

static bool read_by_results(const char *path, const adr_result *const *results, size_t count)
{
    for (size_t r = 0; r < count; r++)
        for (size_t f = 0; f < adr_result_file_count(results[r]); f++)
            if (strcmp(adr_result_file(results[r], f), path) == 0) return true;
    return false;
}

ADR_FORMATTER(ignore)
{
    entries es = {NULL, 0, 0, false};
    for (size_t r = 0; r < count; r++) {
        add_diags(&es, results[r], false, opts->base_dir);
        add_diags(&es, results[r], true, opts->base_dir);
    }
    for (size_t l = 0; l < opts->linter_count; l++) {
        const adr_linter *L = opts->linters[l];
        for (size_t i = 0; i < adr_linter_ignore_count(L); i++) {
            const adr_ignore_entry *e = adr_linter_ignore_get(L, i);
            if (read_by_results(e->path, results, count)) continue;
            add(&es, adr_report_relpath(e->path, opts->base_dir), e->code, adr_xstrdup(e->pointer));
        }
    }
    int rc = es.oom ? ADR_ENOMEM : 0;
    if (!rc) {
        if (es.n) qsort(es.v, es.n, sizeof *es.v, cmp_entry);
        adr_buf_puts(out, "# adrlint ignore file: the findings listed here are not reported.\n"
                          "# file (relative to this file) -> rule code -> JSON pointers.\n"
                          "# Written by 'adrlint baseline'; remove entries as they are fixed.\n");
        for (size_t i = 0; i < es.n; i++) {
            const entry *e = &es.v[i];
            if (i && cmp_entry(e, &es.v[i - 1]) == 0) continue;
            bool new_file = !i || strcmp(e->file, es.v[i - 1].file) != 0;
            if (new_file) {
                scalar(out, e->file);
                adr_buf_puts(out, ":\n");
            }
            if (new_file || strcmp(e->code, es.v[i - 1].code) != 0) {
                adr_buf_puts(out, "  ");
                scalar(out, e->code);
                adr_buf_puts(out, ":\n");
            }
            adr_buf_puts(out, "    - ");
            scalar(out, e->pointer);
            adr_buf_putc(out, '\n');
        }
    }
    for (size_t i = 0; i < es.n; i++) {
        adr_xfree(es.v[i].file);
        adr_xfree(es.v[i].pointer);
    }
    adr_xfree(es.v);
    return rc;
}
