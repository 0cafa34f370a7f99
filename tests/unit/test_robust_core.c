/* Regression tests for the core bugs the fuzzers, the hostile inputs and
 * the allocation-failure test found (docs/fuzzing.md lists them). Each
 * test names the input that once went wrong and asserts what is right. */
#include "helpers.h"
#include "engine/engine.h"
#include "ref/ref.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static adr_doc *parse_via(const char *text, size_t n, bool json, size_t json_line,
                          bool libfyaml_only)
{
    char *buf = adr_xmalloc(n + 1);
    memcpy(buf, text, n);
    buf[n] = 0;
    adr_doc_limits lim = {1000, 10000000, json_line, libfyaml_only};
    adr_doc *d = adr_doc_parse(json ? "t.json" : "t.yaml", buf, n, json, &lim);
    cr_assert_not_null(d);
    return d;
}

/* libfyaml only: the JSON reader takes valid JSON whatever its lines. */
static adr_doc *parse_lim(const char *text, size_t n, bool json, size_t json_line)
{
    return parse_via(text, n, json, json_line, true);
}

/* ---- core/doc ---- */

Test(robust_doc, empty_value_sits_after_its_colon)
{
    /* Was offset 0: libfyaml gives an empty scalar no marks. */
    adr_doc *d = parse("k:\n  k:\n", false);
    cr_assert_eq(d->nerrors, 0);
    adr_node *v = at(d, "/k/k");
    cr_assert_eq(v->type, ADR_NODE_NULL);
    assert_pos(d, v->start, 1, 4, 4);
    uint32_t s, e;
    adr_node_spectral_range(at(d, "/k"), &s, &e);
    cr_assert_leq(s, e);
    adr_doc_free(d);
}

Test(robust_doc, collection_ending_in_an_alias_ends_at_the_alias)
{
    /* The block sequence used to end where the anchored list ends: before
     * it began. */
    adr_doc *d = parse("a: &x [1]\nb:\n- *x\n- *x\n", false);
    adr_node *b = at(d, "/b");
    assert_pos(d, b->end, 3, 4, 4);
    uint32_t s, e;
    adr_node_spectral_range(b, &s, &e);
    cr_assert_eq(e, b->end, "range ends at the last alias, not inside the anchor");
    cr_assert_lt(s, e);
    /* A flow sequence ends after its bracket. */
    adr_doc_free(d);
    d = parse("a0: &a0 [lol,lol]\na1: [*a0,*a0]\n", false);
    adr_node_spectral_range(at(d, "/a1"), &s, &e);
    cr_assert_leq(s, e);
    adr_doc_free(d);
}

Test(robust_doc, collection_keys_are_never_duplicates_and_name_their_path)
{
    adr_doc *d = parse("? {}\n: 1\n? {}\n: 2\n? [a, b]\n: {x: 1}\n", false);
    cr_assert_eq(d->nerrors, 0, "two {} keys are two keys");
    cr_assert_eq(d->root->len, 3);
    const adr_node *x = d->root->u.pairs[2].value->u.pairs[0].value;
    char *p = pointer_of(x);
    cr_assert_str_eq(p, "/[a, b]/x", "the key's source text, not the bytes of its item array");
    adr_xfree(p);
    adr_doc_free(d);
}

Test(robust_doc, duplicates_and_merges_stay_linear_and_keep_positions)
{
    /* 20,000 keys each defined twice, then merged into another map: the
     * quadratic versions took seconds. */
    adr_buf b;
    adr_buf_init(&b);
    adr_buf_puts(&b, "base: &b\n");
    for (int i = 0; i < 20000; i++)
        adr_buf_printf(&b, "  k%d: 1\n", i);
    for (int i = 0; i < 20000; i++)
        adr_buf_printf(&b, "  k%d: 2\n", i);
    adr_buf_puts(&b, "m:\n  own: 1\n  <<: *b\n  x-lint-ignore: semver\n");
    clock_t t0 = clock();
    adr_doc *d = parse_n(b.data, b.len, false);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    cr_assert_lt(secs, 2.0, "%.2f s", secs);
    cr_assert_eq(d->nerrors, 20000);
    cr_assert_str_eq(d->errors[0].message, "Duplicate key: k0");
    assert_pos(d, d->errors[0].start, 20001, 2, 2);
    adr_node *m = at(d, "/m");
    cr_assert_eq(m->len, 20002, "own, x-lint-ignore and the 20,000 merged keys");
    cr_assert(m->flags & ADR_NF_MERGED);
    cr_assert(m->flags & ADR_NF_LINT_IGNORE);
    /* The map's own pairs keep their index once << is gone. */
    adr_node *ign = at(d, "/m/x-lint-ignore");
    cr_assert_eq(m->u.pairs[ign->index].value, ign);
    cr_assert(adr_node_is(at(d, "/m/k7"), "2"), "the later duplicate wins");
    adr_doc_free(d);
    adr_buf_free(&b);
}

Test(robust_doc, anchors_by_the_thousand_and_redefinition)
{
    adr_buf b;
    adr_buf_init(&b);
    for (int i = 0; i < 50000; i++)
        adr_buf_printf(&b, "a%d: &x%d v%d\n", i, i, i);
    adr_buf_puts(&b, "r: &x0 again\nl: [");
    for (int i = 0; i < 50000; i++)
        adr_buf_printf(&b, "*x%d, ", i);
    adr_buf_puts(&b, "*x0]\n");
    clock_t t0 = clock();
    adr_doc *d = parse_n(b.data, b.len, false);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    cr_assert_lt(secs, 2.0, "%.2f s: alias lookup must be hashed", secs);
    cr_assert_eq(d->nerrors, 0);
    cr_assert(adr_node_is(at(d, "/l/0"), "again"), "an alias takes the latest anchor");
    cr_assert(adr_node_is(at(d, "/l/49999"), "v49999"));
    adr_doc_free(d);
    adr_buf_free(&b);
}

Test(robust_doc, libfyaml_tab_double_free_is_avoided)
{
    /* libfyaml 0.7.12 frees a simple key twice on these and crashes. */
    static const char *const inputs[] = {"? e:\t:", "? e:\t|", "x:\n  ? e:\t- ", "? \"e\":\t:"};
    for (size_t i = 0; i < ADR_ARRAY_LEN(inputs); i++) {
        adr_doc *d = parse(inputs[i], false);
        adr_doc_free(d);
    }
    /* The same tabs elsewhere keep their meaning. */
    adr_doc *d = parse("a:\t|\n  x\nb: \"t\\tab:\t|\"\n", false);
    cr_assert_eq(d->nerrors, 0);
    cr_assert(adr_node_eqn(at(d, "/a"), "x\n", 2));
    cr_assert(adr_node_eqn(at(d, "/b"), "t\tab:\t|", 7));
    adr_doc_free(d);
}

Test(robust_doc, too_many_tag_directives)
{
    adr_buf b;
    adr_buf_init(&b);
    for (int i = 0; i < 101; i++)
        adr_buf_printf(&b, "%%TAG !t%d! tag:x,2000:%d/\n", i, i);
    adr_buf_puts(&b, "---\na: 1\n");
    adr_doc *d = parse_n(b.data, b.len, false);
    cr_assert(d->fatal);
    cr_assert_str_eq(d->errors[0].message,
                     "More than 100 %TAG directives (a document needs a few at most)");
    assert_pos(d, d->errors[0].start, 100, 0, 0);
    adr_doc_free(d);
    adr_buf_free(&b);
    d = parse("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n", false);
    cr_assert_eq(d->nerrors, 0, "a few directives are fine");
    adr_doc_free(d);
}

/* Compares two trees node by node. */
static void same_tree(const adr_node *a, const adr_node *b)
{
    cr_assert_eq(a->type, b->type);
    cr_assert_eq(a->start, b->start, "start %u vs %u", a->start, b->start);
    cr_assert_eq(a->end, b->end, "end %u vs %u at %u", a->end, b->end, a->start);
    cr_assert_eq(a->len, b->len);
    cr_assert_eq(a->flags, b->flags, "flags %x vs %x at %u", a->flags, b->flags, a->start);
    if (a->type == ADR_NODE_MAP) {
        for (uint32_t i = 0; i < a->len; i++) {
            same_tree(a->u.pairs[i].key, b->u.pairs[i].key);
            same_tree(a->u.pairs[i].value, b->u.pairs[i].value);
        }
    } else if (a->type == ADR_NODE_SEQ) {
        for (uint32_t i = 0; i < a->len; i++)
            same_tree(a->u.items[i], b->u.items[i]);
    } else {
        cr_assert(a->len == 0 || memcmp(a->u.text, b->u.text, a->len) == 0);
    }
}

Test(robust_doc, broken_json_lines_give_the_same_tree)
{
    static const char json[] =
        "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"a, [b] {c} \\\"d,\\\"\",\"version\":\"1\"},"
        "\"paths\":{\"/a\":{\"get\":{\"responses\":{\"200\":{\"description\":\"\\u00e9, ok\"}}}},"
        "\"/b\":[1,2,[3,{\"x\":[]}],-0.5e3,true,null]}}";
    adr_doc *whole = parse_lim(json, sizeof json - 1, true, SIZE_MAX);
    adr_doc *broken = parse_lim(json, sizeof json - 1, true, 8);
    cr_assert_eq(whole->nerrors, 0);
    cr_assert_eq(broken->nerrors, 0);
    same_tree(whole->root, broken->root);
    adr_doc_free(whole);
    adr_doc_free(broken);
    /* Errors keep their place in the original line. */
    static const char bad[] = "{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12,13],\"b\":[1,2,,3]}";
    whole = parse_lim(bad, sizeof bad - 1, true, SIZE_MAX);
    broken = parse_lim(bad, sizeof bad - 1, true, 8);
    cr_assert_gt(whole->nerrors, 0);
    cr_assert_gt(broken->nerrors, 0);
    cr_assert_eq(whole->errors[0].start, broken->errors[0].start);
    cr_assert_str_eq(whole->errors[0].message, broken->errors[0].message);
    adr_doc_free(whole);
    adr_doc_free(broken);
    /* libfyaml reads # as a comment to the end of the line, even in JSON:
     * no break may end one early (found by the doc fuzzer). */
    static const char comment[] = "{\"a\": [1, #2, 3, 4, 5, 6, 7, 8, 9]}\n";
    whole = parse_lim(comment, sizeof comment - 1, true, SIZE_MAX);
    broken = parse_lim(comment, sizeof comment - 1, true, 8);
    cr_assert_gt(whole->nerrors, 0);
    cr_assert_eq(broken->nerrors, whole->nerrors);
    cr_assert_eq(whole->errors[0].start, broken->errors[0].start);
    cr_assert_str_eq(whole->errors[0].message, broken->errors[0].message);
    adr_doc_free(whole);
    adr_doc_free(broken);
}

Test(robust_doc, positions_on_a_long_line_with_non_ascii)
{
    /* The UTF-16 column used to be counted from the line start on every
     * call; now from checkpoints. Check it against counting. */
    adr_buf b;
    adr_buf_init(&b);
    adr_buf_puts(&b, "\xef\xbb\xbf{\"a\":[");
    for (int i = 0; i < 5000; i++)
        adr_buf_printf(&b, "%s\"\xc3\xa9\xf0\x9f\x98\x80%d\"", i ? "," : "", i);
    adr_buf_puts(&b, "]}\nx");
    adr_doc *d = parse_n(b.data, b.len, true);
    for (uint32_t off = 0; off <= d->size; off += 977) {
        uint32_t ls = off < 3 ? off : 3, u16 = 0;
        for (uint32_t i = 3; i < off; i++) {
            if (d->buf[i] == '\n') {
                ls = i + 1;
                u16 = 0;
            } else if (((unsigned char)d->buf[i] & 0xC0) != 0x80) {
                u16 += (unsigned char)d->buf[i] >= 0xF0 ? 2 : 1;
            }
        }
        adr_position p = adr_doc_position(d, off);
        cr_assert_eq(p.column, off - ls, "byte column at %u", off);
        cr_assert_eq(p.column_utf16, u16, "UTF-16 column at %u: %u, counted %u", off,
                     p.column_utf16, u16);
    }
    adr_doc_free(d);
    adr_buf_free(&b);
}

/* ---- core/engine/glob.c ---- */

/* The backtracking matcher the NFA replaced, as the reference. */
static bool ref_match(const char *p, const char *s)
{
    while (*p) {
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            if (*p == '/') p++;
            for (;;) {
                if (ref_match(p, s)) return true;
                if (!*s) return false;
                s++;
            }
        }
        if (*p == '*') {
            p++;
            for (;;) {
                if (ref_match(p, s)) return true;
                if (!*s || *s == '/') return false;
                s++;
            }
        }
        if (!*s) return false;
        if (*p == '?') {
            if (*s == '/') return false;
        } else if (*p == '[') {
            const char *q = p + 1;
            bool neg = *q == '!' || *q == '^';
            if (neg) q++;
            bool hit = false;
            while (*q && *q != ']') {
                if (q[1] == '-' && q[2] && q[2] != ']') {
                    if (*s >= q[0] && *s <= q[2]) hit = true;
                    q += 3;
                } else {
                    if (*s == *q) hit = true;
                    q++;
                }
            }
            if (!*q || hit == neg) return false;
            p = q;
        } else if (*p != *s) {
            return false;
        }
        p++;
        s++;
    }
    return *s == 0;
}

Test(robust_glob, agrees_with_backtracking_and_stays_fast)
{
    static const char alphabet[] = "ab/*?[]!-";
    srand(20241124);
    for (int i = 0; i < 200000; i++) {
        char p[10], s[10];
        int pl = rand() % 9, sl = rand() % 9;
        for (int k = 0; k < pl; k++)
            p[k] = alphabet[rand() % 9];
        for (int k = 0; k < sl; k++)
            s[k] = "ab/-"[rand() % 4];
        p[pl] = s[sl] = 0;
        cr_assert_eq(adr_glob_match(p, s),
                     ref_match(p, s) ||
                         (!strchr(p, '/') && strrchr(s, '/') && ref_match(p, strrchr(s, '/') + 1)),
                     "pattern '%s' path '%s'", p, s);
    }
    clock_t t0 = clock();
    cr_assert(!adr_glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
                              "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac"));
    cr_assert(
        !adr_glob_match("a/**a**a**a**a**a**a**a**a**a**a**a**b",
                        "a/aaaaaaaaaaaaaaa/aaaaaaaaaaaaaaaaaaaa/aaaaaaaaaaaaaaaaaaaaaaaaa/c"));
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    cr_assert_lt(secs, 0.5, "%.2f s for two globs", secs);
}

/* ---- core/ref and core/util ---- */

Test(robust_ref, odd_file_names_in_refs)
{
    char dir[] = "/tmp/adrlint-robust-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    adr_doc_limits lim = {1000, 10000000, 0};
    adr_ws ws;
    adr_ws_init(&ws, dir, 1 << 20, 100, &lim);
    static const char text[] = "a: {$ref: \"x\\u0000y.yaml#/a\"}\nb: {$ref: 'no%8fsuch.yaml'}\n";
    adr_doc *d = parse_n(text, sizeof text - 1, false);
    char path[128];
    snprintf(path, sizeof path, "%s/main.yaml", dir);
    d->abs_path = adr_xstrdup(path);
    cr_assert(adr_ws_add(&ws, d));
    adr_ref_status st;
    const char *msg;
    cr_assert_null(adr_ws_deref(&ws, at(d, "/a"), &st, &msg, NULL));
    cr_assert_eq(st, ADR_REF_BAD);
    cr_assert_str_eq(msg, "The file name in this $ref holds a NUL character");
    cr_assert_null(adr_ws_deref(&ws, at(d, "/b"), &st, &msg, NULL));
    cr_assert_eq(st, ADR_REF_FILE);
    cr_assert_str_eq(msg, "Cannot read 'no%8fsuch.yaml': No such file or directory",
                     "quoted as written: the decoded name is no UTF-8");
    /* A name so long that the error message is cut: its reason used to be
     * looked for after the last ": ", in the middle of the decoded path. */
    adr_buf long_ref;
    adr_buf_init(&long_ref);
    adr_buf_puts(&long_ref, "c: {$ref: '");
    for (int i = 0; i < 300; i++)
        adr_buf_puts(&long_ref, "x%FF: ");
    adr_buf_puts(&long_ref, ".yaml'}\n");
    adr_doc *d2 = parse_n(long_ref.data, long_ref.len, false);
    d2->abs_path = adr_xstrdup(path);
    cr_assert(adr_ws_add(&ws, d2));
    cr_assert_null(adr_ws_deref(&ws, at(d2, "/c"), &st, &msg, NULL));
    cr_assert_eq(st, ADR_REF_FILE);
    const char *tail = "': the path is too long to report why";
    cr_assert_str_eq(msg + strlen(msg) - strlen(tail), tail, "%s", msg);
    cr_assert_null(strchr(msg, '\xff'), "the decoded name leaked into the message");
    adr_buf_free(&long_ref);
    adr_ws_destroy(&ws);
    rmdir(dir);
}

Test(robust_util, long_error_messages_end_on_a_character)
{
    char name[1100];
    memset(name, 'a', sizeof name);
    /* é (2 bytes) straddling the 1 KiB cut */
    for (size_t i = 1000; i + 1 < sizeof name - 1; i += 2) {
        name[i] = (char)0xC3;
        name[i + 1] = (char)0xA9;
    }
    name[sizeof name - 1] = 0;
    for (int shift = 0; shift < 2; shift++) {
        adr_set_error("%.*s%s", shift, "x", name);
        const char *e = adr_get_error();
        size_t n = strlen(e);
        cr_assert_gt(n, 1000);
        cr_assert(((unsigned char)e[n - 1] & 0x80) == 0 || ((unsigned char)e[n - 2] == 0xC3),
                  "ends inside a character");
    }
}

Test(robust_doc, long_numbers_are_read_whole)
{
    /* The value was read from the first 63 characters only. */
    adr_buf b;
    adr_buf_init(&b);
    adr_buf_puts(&b, "big: 1");
    for (int i = 0; i < 300; i++)
        adr_buf_putc(&b, '0');
    adr_buf_puts(&b, "\nsmall: 0.");
    for (int i = 0; i < 100; i++)
        adr_buf_putc(&b, '0');
    adr_buf_puts(&b, "5\nhuge: 1e999999\nneg: -0\n");
    adr_doc *d = parse_n(b.data, b.len, false);
    double v;
    cr_assert(adr_node_number(at(d, "/big"), &v));
    cr_assert_float_eq(v, 1e300, 1e287);
    cr_assert(adr_node_number(at(d, "/small"), &v));
    cr_assert_float_eq(v, 5e-101, 1e-110);
    cr_assert(adr_node_number(at(d, "/huge"), &v));
    cr_assert(v > 1e308, "1e999999 is infinite");
    cr_assert(adr_node_number(at(d, "/neg"), &v));
    cr_assert(v == 0.0 && 1.0 / v < 0, "-0 keeps its sign");
    adr_doc_free(d);
    adr_buf_free(&b);
}

Test(robust_doc, nested_complex_keys_keep_paths_short)
{
    /* Each key contains all the deeper ones: its whole source text in
     * every path below it made reports quadratic in the input. */
    adr_buf b;
    adr_buf_init(&b);
    for (int i = 0; i < 200; i++)
        adr_buf_puts(&b, "{? ");
    adr_buf_puts(&b, "{deep: v}");
    for (int i = 0; i < 200; i++)
        adr_buf_puts(&b, " : x}");
    adr_doc *d = parse_n(b.data, b.len, false);
    cr_assert_eq(d->nerrors, 0);
    const adr_node *n = d->root;
    while (n->type == ADR_NODE_MAP && n->len && n->u.pairs[0].key->type == ADR_NODE_MAP)
        n = n->u.pairs[0].key;
    char *p = pointer_of(n->u.pairs[0].value);
    cr_assert_lt(strlen(p), 200 * (ADR_KEY_TEXT_MAX + 1) + 100, "path of %zu bytes", strlen(p));
    adr_xfree(p);
    adr_doc_free(d);
    adr_buf_free(&b);
}

/* ---- the JSON reader against libfyaml ---- */

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    adr_buf b;
    adr_buf_init(&b);
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        adr_buf_putn(&b, chunk, got);
    fclose(f);
    *n = b.len;
    char *text = malloc(b.len + 1);
    memcpy(text, b.data ? b.data : "", b.len);
    text[b.len] = 0;
    adr_buf_free(&b);
    return text;
}

/* The files the globs match, in order, read whole: calls fn with each
 * (and the index of its glob); returns how many there were. */
static size_t
each_file(const char *const *globs, size_t nglobs,
          void (*fn)(const char *path, const char *text, size_t n, size_t g, void *ctx), void *ctx)
{
    size_t files = 0;
    for (size_t g = 0; g < nglobs; g++) {
        glob_t gl;
        if (glob(globs[g], 0, NULL, &gl) != 0) continue;
        for (size_t k = 0; k < gl.gl_pathc; k++) {
            size_t n;
            char *text = read_all(gl.gl_pathv[k], &n);
            cr_assert_not_null(text, "%s", gl.gl_pathv[k]);
            fn(gl.gl_pathv[k], text, n, g, ctx);
            free(text);
            files++;
        }
        globfree(&gl);
    }
    return files;
}

/* Our reader's tree and findings equal libfyaml's for text; returns
 * whether our reader took the document (libfyaml read it otherwise). */
static bool own_reader_equals_libfyaml(const char *text, size_t n, bool json)
{
    adr_doc *fast = parse_via(text, n, json, 0, false);
    adr_doc *slow = parse_via(text, n, json, 0, true);
    cr_assert(!slow->own_reader);
    cr_assert_eq(fast->nerrors, slow->nerrors, "errors %zu vs %zu", fast->nerrors, slow->nerrors);
    for (size_t i = 0; i < fast->nerrors; i++) {
        cr_assert_str_eq(fast->errors[i].code, slow->errors[i].code);
        cr_assert_str_eq(fast->errors[i].message, slow->errors[i].message);
        cr_assert_eq(fast->errors[i].start, slow->errors[i].start);
        cr_assert_eq(fast->errors[i].end, slow->errors[i].end);
    }
    cr_assert_eq(fast->fatal, slow->fatal);
    cr_assert_eq(fast->nnodes, slow->nnodes);
    same_tree(fast->root, slow->root);
    bool own = fast->own_reader;
    adr_doc_free(fast);
    adr_doc_free(slow);
    return own;
}

static void reader_equals_libfyaml(const char *text, size_t n)
{
    own_reader_equals_libfyaml(text, n, true);
}

Test(robust_doc, json_reader_equals_libfyaml)
{
    static const char *const docs[] = {
        "{}",
        "[]",
        " {\"a\" : 1 } \n",
        "\"s\"",
        "42",
        "-0.5e-3",
        "true",
        "null",
        "{\"a\":{},\"b\":[],\"c\":[{}],\"d\":[[[]]]}",
        "{\"n\":[0,-0,1,-1,10,1.5,1e5,1E+5,1e-5,12345678901234567890,0.000]}",
        "{\"e\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20ac\\ud83d\\ude00\\u0041\"}",
        "{\"raw\":\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\",\"sp\":\"  a  b  \"}",
        "{\r\n\t\"crlf\": [1,\r\n 2]\r\n}\r\n",
        "{\"dup\":1,\"x\":2,\"dup\":3}",
        "{\"<<\":{\"a\":1},\"b\":2}",
        "{\"x-lint-ignore\":[],\"$ref\":\"#/a\",\"a\":\"~\",\"b\":\"null\",\"c\":\"1\"}",
        "{\"long\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\n\"}",
        "\xef\xbb\xbf{\"bom\":true}",
        /* Not JSON: libfyaml reads these (and reports what is wrong). */
        "{\"a\":1,}",
        "[1,2,,3]",
        "{\"a\" 1}",
        "{'a':1}",
        "{\"a\":tru}",
        "[01]",
        "[1.]",
        "[.5]",
        "[+1]",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":\"\\udc00x\"}",
        "{\"a\":\"tab\there\"}",
        "{\"a\":1} # c",
        "{\"a\":1}}",
        "{\"a\":[1,2}",
        "",
        "   ",
        "{\"a\":1}\n{\"b\":2}",
        "[1 2]",
        "{\"a\":NaN}",
        "{a: 1}",
        "[\"a\"\n:1]",
        "\"s\"\t",
    };
    for (size_t i = 0; i < ADR_ARRAY_LEN(docs); i++)
        reader_equals_libfyaml(docs[i], strlen(docs[i]));
}

static void json_file_equal(const char *path, const char *text, size_t n, size_t g, void *ctx)
{
    (void)path, (void)g, (void)ctx;
    reader_equals_libfyaml(text, n);
}

Test(robust_doc, json_reader_equals_libfyaml_on_real_documents)
{
    /* Every JSON document of the corpus, the Logius cases and the fixtures. */
    static const char *const globs[] = {SHARED_DIR "/corpus/nlgov/*.json",
                                        SHARED_DIR "/corpus/bench/*.json",
                                        SHARED_DIR "/peer-cases/logius/*/openapi.json",
                                        FIXTURES_DIR "/*/*.json",
                                        FIXTURES_DIR "/*/*/*.json",
                                        FIXTURES_DIR "/*/*/*/*.json"};
    size_t files = each_file(globs, ADR_ARRAY_LEN(globs), json_file_equal, NULL);
    cr_assert_gt(files, 20, "only %zu JSON documents found", files);
}

/* The YAML reader takes the YAML API descriptions are written in and gives
 * libfyaml's tree for it, to the byte; anything else it leaves to libfyaml.
 * Each document here is read both ways and compared (tree, positions,
 * flags, text, errors); the first list must be taken by the reader (or it
 * would be compared with itself), the second must not. */
Test(robust_doc, yaml_reader_equals_libfyaml)
{
    static const char *const taken[] = {
        "a: 1\n",
        "a: 1",
        "a:\n  b: 1\n  c: [1, 2]\n",
        "a:\n- 1\n- 2\nb: 3\n",
        "- a\n- b: 1\n  c: 2\n- - x\n  - y\n-\n  z\n",
        "a: |\n  line1\n  line2\nb: 2\n",
        "a: |-\n  x\n\n\nb: 1\n",
        "a: |+\n  x\n\n\nb: 1\n",
        "a: |+\n  x\n\n  \n",
        "a: >\n  folded\n  text\n\n  para\n    more\n  back\nb: 1\n",
        "a: >-\n  x",
        "a: |\n\n  after an empty line\n",
        "a: |  # comment\n  x\n",
        "a: |+\n            \nb: 1\n",
        "a: |\nb: 1\n",
        "a: |",
        "a: >-\n\n",
        "a: |+\n\n\n",
        "a:\n  b: |",
        "a: 'x'  # c",
        "a: [x]",
        "a:\n  b: |\nc: 1\n",
        "a: |2\n    indented\n  x\nb: 1\n",
        "a:\n  b: >2-\n     x\n    y\n",
        "- |\n  in a sequence\n- >+\n  folded\n\n",
        "a: 'it''s'\nb: \"esc \\u00e9 \\n \\\" \\x41 \\t \\\\ \\/ \\0 \\U0001F600\"\n",
        "a: \"multi\n  line\"\nb: 'single\n\n  para'\nc: \"joined\\\n  here\"\n",
        "a: plain\n  continued\n\n  para\nb: x # comment\n",
        "a: text\n  [with] {flow} &chars *in | it > too\n",
        "# comment\na: 1 # c\n# c2\n  # indented comment\nb:\n",
        "a:\nb: ~\nc: null\nd: true\ne: 0x1F\nf: 1.5e3\ng: .inf\nh: '1'\ni: 0o17\nj: -.5\n",
        "a: {b: 1, c: [x, 'y', \"z\"], d: {}, e: [[]]}\nb: []\nc: [a b, c:d, http://x]\n",
        "\"quoted key\": 1\n'k2': 2\n\"k3\" : 3\n",
        "a: b:c\nurl: http://x.y/z?q=1#frag\nc: a#b\n",
        "dup: 1\ndup: 2\n",
        "<<: {a: 1}\nb: 2\n",
        "x-lint-ignore: [a]\n$ref: '#/a'\n",
        "a: -1\nb: -x\nc: ?x\nd: :x\n",
        "key with spaces  : v\n",
        "  a: 1\n  b: 2\n",
        "a: caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\n",
        "\xef\xbb\xbf"
        "a: 1\n",
        "a: [1, 2]   # c\n",
        "a:\n  - |\n    lit\n  - 'q'\n  - {k: v}\n",
        "paths:\n  /a/{id}:\n    get:\n      responses:\n        '200':\n          description: "
        "ok\n",
        "a:\n\n  # between\n\n  b: 1\n",
        "---\na: 1\n",
        "# c\n---   # c\n\na: 1\n",
        /* CR LF line breaks. */
        "---\r\na: 1\r\nb:\r\n  - x\r\n  -\r\n    u\r\n  - y: z\r\n    w: v # c\r\n\r\n",
        "a: plain\r\n  continued\r\n\r\n  para\r\nb: \"q\r\n  uoted\\\r\n  x\"\r\nc: 'x\r\n\r\n  "
        "y'\r\n",
        "a: |\r\n  lit\r\n\r\n  eral\r\nb: >-\r\n  fol\r\n  ded\r\n\r\nc: |+\r\n  k\r\n\r\n",
        "a: [x, 'y', {z: 1}]\r\nb: {}\r\n",
        "a: |2\r\n    x\r\n  y\r\n",
    };
    static const char *const left[] = {
        "",
        "# only a comment\n",
        "just a scalar\n",
        "a: &x 1\nb: *x\n",
        "--- a: 1\n",
        "---\n---\na: 1\n",
        "--- |\n  x\n",
        "---\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: !!str 1\n",
        "? a\n: 1\n",
        "a:\tb\n",
        "a: 1\rb: 2\r",
        "a: 1\r\nb: x\ry\r\n",
        "a: [1,\r\n  2]\r\n",
        "a: [1,\n  2]\n",
        "a: b: c\n",
        "a: 1\n b: 2\n",
        "a:\n  - 1\n  b: 2\n",
        "a: 'unterminated\n",
        "a: \"bad \\q escape\"\n",
        "a: \"\\ud800\"\n",
        "a: |\n   x\n  y\n",
        "a: x\n#c\n  y\n",
        "- a\n  - b\n",
        "a: [1, ]\n",
        "a: [-, 1]\n",
        "a: {b}\n",
        "a: {b:1}\n",
        "a: x\x01y\n",
        "a: \xc2\x85\n",
        "a: |0\n  x\n",
        "a: |\n  \n    \n  x\n",
        "a: 1\nb",
        "'a\n  b': 1\n",
        "a:\n  b: |\n  c: 1\n",
        "a:\n- # c\n- x\n",
        "a:\n-\n- x\n",
        "- \n- x\n",
        "a:\n  - b: >-\n\n    c: 1\n",
    };
    for (size_t i = 0; i < ADR_ARRAY_LEN(taken); i++)
        cr_assert(own_reader_equals_libfyaml(taken[i], strlen(taken[i]), false),
                  "the YAML reader left this to libfyaml: %s", taken[i]);
    for (size_t i = 0; i < ADR_ARRAY_LEN(left); i++)
        cr_assert(!own_reader_equals_libfyaml(left[i], strlen(left[i]), false),
                  "the YAML reader took this: %s", left[i]);
    /* A short key whose colon comes 1,040 bytes on, past libfyaml's limit
     * for implicit keys. */
    char far[1045];
    memset(far, ' ', sizeof far);
    far[0] = 'a';
    memcpy(far + 1041, ": 1\n", 4);
    cr_assert(!own_reader_equals_libfyaml(far, sizeof far, false));
}

/* One YAML file: *ctx counts the files the reader took. Corpus files
 * (globs 0 and 1) must be taken, with LF and with CR LF breaks. */
static void yaml_file_equal(const char *path, const char *text, size_t n, size_t g, void *ctx)
{
    bool taken = own_reader_equals_libfyaml(text, n, false);
    *(size_t *)ctx += taken;
    if (g >= 2) return;
    cr_assert(taken, "the YAML reader left %s to libfyaml", path);
    /* The same document as a Windows editor saves it. */
    char *crlf = malloc(2 * n + 1);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\n') crlf[m++] = '\r';
        crlf[m++] = text[i];
    }
    cr_assert(own_reader_equals_libfyaml(crlf, m, false),
              "the YAML reader left %s with CR LF to libfyaml", path);
    free(crlf);
}

Test(robust_doc, yaml_reader_equals_libfyaml_on_real_documents)
{
    /* Every YAML document of the corpus and the fixtures; the corpus is
     * what the reader is for, so it must take each of those. */
    static const char *const globs[] = {SHARED_DIR "/corpus/nlgov/*.yaml",
                                        SHARED_DIR "/corpus/bench/*.yaml", FIXTURES_DIR "/*/*.yaml",
                                        FIXTURES_DIR "/*/*/*.yaml", FIXTURES_DIR "/*/*/*/*.yaml"};
    size_t own = 0;
    size_t files = each_file(globs, ADR_ARRAY_LEN(globs), yaml_file_equal, &own);
    cr_assert_gt(files, 100, "only %zu YAML documents found", files);
    /* Fixtures test odd YAML on purpose (syntax errors), but most are
     * plain API YAML. */
    cr_assert_geq(own * 100, files * 95, "the YAML reader took only %zu of %zu documents", own,
                  files);
}

Test(robust_doc, yaml_reader_leaves_deep_documents_to_libfyaml)
{
    /* The reader recurses once per level: up to 256 levels it reads the
     * document, deeper ones go to libfyaml (whose loop has no stack to
     * exhaust). Both trees are the same either way. */
    static const size_t depths[] = {250, 300};
    for (size_t d = 0; d < ADR_ARRAY_LEN(depths); d++) {
        adr_buf b;
        adr_buf_init(&b);
        for (size_t i = 0; i < depths[d]; i++) {
            for (size_t k = 0; k < i; k++)
                adr_buf_puts(&b, " ");
            adr_buf_puts(&b, "k:\n");
        }
        cr_assert(!b.oom);
        bool own = own_reader_equals_libfyaml(b.data, b.len, false);
        cr_assert_eq(own, depths[d] < 256, "depth %zu: own reader %d", depths[d], own);
        adr_buf_free(&b);
    }
}

/* ---- mutation differential ----
 *
 * Real documents broken a little -- a line deleted, doubled, indented or
 * outdented by a space, a YAML indicator or a line break inserted, a byte
 * deleted; CR LF line breaks -- are where a reader of the YAML subset is
 * likeliest to take something it should leave. Each mutant, read both
 * ways, must give the same tree and errors. The seed is fixed: a failure
 * names the mutant, which can be written out and read again. */

static uint64_t mut_state;

static bool same_tree_b(const adr_node *a, const adr_node *b)
{
    if (a->type != b->type || a->start != b->start || a->end != b->end || a->len != b->len ||
        a->flags != b->flags)
        return false;
    if (a->type == ADR_NODE_MAP) {
        for (uint32_t i = 0; i < a->len; i++)
            if (!same_tree_b(a->u.pairs[i].key, b->u.pairs[i].key) ||
                !same_tree_b(a->u.pairs[i].value, b->u.pairs[i].value))
                return false;
        return true;
    }
    if (a->type == ADR_NODE_SEQ) {
        for (uint32_t i = 0; i < a->len; i++)
            if (!same_tree_b(a->u.items[i], b->u.items[i])) return false;
        return true;
    }
    return a->len == 0 || memcmp(a->u.text, b->u.text, a->len) == 0;
}

/* Whether our reader took text, and whether its reading equals libfyaml's
 * (*equal). */
static bool own_reader_agrees(const char *text, size_t n, bool *equal)
{
    adr_doc *fast = parse_via(text, n, false, 0, false);
    adr_doc *slow = parse_via(text, n, false, 0, true);
    bool eq = fast->nerrors == slow->nerrors && fast->fatal == slow->fatal &&
              fast->nnodes == slow->nnodes;
    for (size_t i = 0; eq && i < fast->nerrors; i++)
        eq = fast->errors[i].start == slow->errors[i].start &&
             fast->errors[i].end == slow->errors[i].end &&
             strcmp(fast->errors[i].message, slow->errors[i].message) == 0;
    *equal = eq && same_tree_b(fast->root, slow->root);
    bool own = fast->own_reader;
    adr_doc_free(fast);
    adr_doc_free(slow);
    return own;
}

static size_t mut_rand(size_t n)
{
    mut_state = mut_state * 6364136223846793005ull + 1442695040888963407ull;
    return n ? (size_t)((mut_state >> 33) % n) : 0;
}

typedef struct mline {
    const char *p;
    size_t len;
    const char *ins; /* inserted text (at ins_at), or NULL */
    size_t ins_at;
    size_t del_at; /* a byte deleted, or SIZE_MAX */
    int shift;     /* +1: a space before, -1: the first byte (a space) dropped */
} mline;

static void mutate(const char *text, size_t n, adr_buf *out)
{
    static const char *const bits[] = {
        ":",   "#",  "-",  "|",  ">",  "\"", "'",  "[",  "{",  "]",       "}",  ",",
        " ",   "\n", "? ", "&a", "*a", "!",  "|2", ">-", "|+", ": ",      " #", "---",
        "...", "\\", "%",  "@",  "`",  "  ", "- ", "\t", "\r", "\"a\": ", "{}", "[]",
    };
    size_t cap = 16, nl = 0;
    mline *lines = malloc(cap * sizeof *lines);
    for (size_t i = 0; i <= n;) {
        const char *e = memchr(text + i, '\n', n - i);
        size_t len = e ? (size_t)(e - (text + i)) : n - i;
        if (nl == cap) lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[nl++] = (mline){text + i, len, NULL, 0, SIZE_MAX, 0};
        i += len + 1;
    }
    size_t edits = 1 + mut_rand(3);
    for (size_t k = 0; k < edits; k++) {
        mline *l = &lines[mut_rand(nl)];
        switch (mut_rand(6)) {
        case 0: l->len = 0, l->p = ""; break; /* emptied (a deleted line, near enough) */
        case 1:                               /* doubled */
            if (nl == cap) lines = realloc(lines, (cap *= 2) * sizeof *lines);
            l = &lines[mut_rand(nl)];
            memmove(l + 1, l, (size_t)(lines + nl - l) * sizeof *l);
            nl++;
            break;
        case 2: l->shift = 1; break;
        case 3: l->shift = l->len && l->p[0] == ' ' ? -1 : 0; break;
        case 4:
            l->ins = bits[mut_rand(ADR_ARRAY_LEN(bits))];
            l->ins_at = mut_rand(l->len + 1);
            break;
        default: l->del_at = l->len ? mut_rand(l->len) : SIZE_MAX; break;
        }
    }
    bool crlf = mut_rand(5) == 0;
    adr_buf_reset(out);
    for (size_t i = 0; i < nl; i++) {
        const mline *l = &lines[i];
        if (l->shift > 0) adr_buf_putc(out, ' ');
        for (size_t j = l->shift < 0 ? 1 : 0; j <= l->len; j++) {
            if (l->ins && j == l->ins_at) adr_buf_puts(out, l->ins);
            if (j < l->len && j != l->del_at) adr_buf_putc(out, l->p[j]);
        }
        if (i + 1 < nl) adr_buf_puts(out, crlf ? "\r\n" : "\n");
    }
    free(lines);
}

typedef struct mut_docs {
    char *text[512];
    size_t len[512], n;
} mut_docs;

static void keep_doc(const char *path, const char *text, size_t n, size_t g, void *ctx)
{
    (void)path, (void)g;
    mut_docs *d = ctx;
    if (d->n == ADR_ARRAY_LEN(d->text)) return;
    d->text[d->n] = malloc(n + 1);
    memcpy(d->text[d->n], text, n + 1);
    d->len[d->n++] = n;
}

Test(robust_doc, yaml_reader_equals_libfyaml_on_mutated_documents)
{
    static const char *const globs[] = {SHARED_DIR "/corpus/nlgov/nl-brp-bevragen-resolved.yaml",
                                        SHARED_DIR "/corpus/nlgov/nl-objects-api.yaml",
                                        SHARED_DIR "/corpus/nlgov/nl-open-notificaties.yaml",
                                        FIXTURES_DIR "/*/*/*.yaml"};
    mut_docs docs = {0};
    each_file(globs, ADR_ARRAY_LEN(globs), keep_doc, &docs);
    size_t ndocs = docs.n;
    cr_assert_gt(ndocs, 100, "only %zu documents found", ndocs);
    adr_buf m;
    adr_buf_init(&m);
    /* Longer campaigns: ADRLINT_MUTANTS=200000 ADRLINT_MUTANT_SEED=7. */
    const char *env_runs = getenv("ADRLINT_MUTANTS"), *env_seed = getenv("ADRLINT_MUTANT_SEED");
    size_t taken = 0, runs = env_runs ? strtoul(env_runs, NULL, 10) : 2000;
    mut_state = env_seed ? strtoull(env_seed, NULL, 10) : 20261202;
    for (size_t r = 0; r < runs; r++) {
        /* The three larger documents a quarter of the time. */
        size_t d = mut_rand(4) == 0 ? mut_rand(3) : mut_rand(ndocs);
        mutate(docs.text[d], docs.len[d], &m);
        cr_assert(!m.oom);
        bool equal;
        taken += own_reader_agrees(m.data ? m.data : "", m.len, &equal);
        if (!equal) {
            const char *path = "mutant.yaml";
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(m.data, 1, m.len, f);
                fclose(f);
            }
            cr_assert_fail("mutant %zu (of document %zu) reads differently; written to %s", r, d,
                           path);
        }
    }
    /* Most mutants are still documents the reader takes. */
    cr_assert_gt(taken, runs / 4, "the YAML reader took %zu of %zu mutants", taken, runs);
    adr_buf_free(&m);
    for (size_t i = 0; i < ndocs; i++)
        free(docs.text[i]);
}
