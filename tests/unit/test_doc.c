/* core/doc: positions, scalar typing, JSON pointers, limits and bad input. */
#include "helpers.h"

#include <stdio.h>

Test(doc, block_mapping_positions)
{
    adr_doc *d = parse("openapi: 3.0.3\ninfo:\n  title: Bieb\n  version: '1.0'\n", false);
    adr_node *title = at(d, "/info/title");
    assert_pos(d, title->start, 2, 9, 9);
    assert_pos(d, title->end, 2, 13, 13);
    adr_node *key = adr_node_key_of(title);
    cr_assert(adr_node_is(key, "title"));
    assert_pos(d, key->start, 2, 2, 2);
    assert_pos(d, key->end, 2, 7, 7);
    /* Quoted scalars include their quotes; the text excludes them. */
    adr_node *v = at(d, "/info/version");
    cr_assert(adr_node_is(v, "1.0"));
    cr_assert_eq(v->type, ADR_NODE_STRING);
    assert_pos(d, v->start, 3, 11, 11);
    assert_pos(d, v->end, 3, 16, 16);
    /* A block mapping starts at its first key and ends with its last value. */
    adr_node *info = at(d, "/info");
    assert_pos(d, info->start, 2, 2, 2);
    assert_pos(d, info->end, 3, 16, 16);
    adr_doc_free(d);
}

Test(doc, flow_collections_positions)
{
    adr_doc *d = parse("tags: [a, {name: b}]\n", false);
    adr_node *seq = at(d, "/tags");
    cr_assert_eq(seq->type, ADR_NODE_SEQ);
    cr_assert_eq(seq->len, 2);
    assert_pos(d, seq->start, 0, 6, 6);
    assert_pos(d, seq->end, 0, 20, 20);
    adr_node *m = at(d, "/tags/1");
    assert_pos(d, m->start, 0, 10, 10);
    assert_pos(d, m->end, 0, 19, 19);
    adr_node *b = at(d, "/tags/1/name");
    assert_pos(d, b->start, 0, 17, 17);
    adr_doc_free(d);
}

Test(doc, json_positions_and_escapes)
{
    adr_doc *d = parse("{\n  \"a\": {\"b\": [1, \"x\\ty\"]},\n  \"c\": true\n}\n", true);
    adr_node *x = at(d, "/a/b/1");
    cr_assert_eq(x->type, ADR_NODE_STRING);
    cr_assert_eq(x->len, 3);
    cr_assert(memcmp(x->u.text, "x\ty", 3) == 0);
    assert_pos(d, x->start, 1, 17, 17);
    assert_pos(d, x->end, 1, 23, 23);
    cr_assert_eq(at(d, "/a/b/0")->type, ADR_NODE_INT);
    cr_assert_eq(at(d, "/c")->type, ADR_NODE_BOOL);
    adr_node *a = at(d, "/a");
    assert_pos(d, a->start, 1, 7, 7);
    assert_pos(d, a->end, 1, 25, 25);
    adr_doc_free(d);
}

Test(doc, utf16_columns_of_non_ascii_text)
{
    /* é is 2 bytes and 1 UTF-16 unit; 😀 is 4 bytes and 2 units. */
    adr_doc *d =
        parse("k: \"caf\xc3\xa9 \xf0\x9f\x98\x80\"\nz: 1\nq: \"\xf0\x9f\x98\x80\" \n", false);
    adr_node *k = at(d, "/k");
    cr_assert_eq(k->len, 10);
    assert_pos(d, k->end, 0, 15, 12);
    adr_node *q = at(d, "/q");
    assert_pos(d, q->end, 2, 9, 7);
    adr_doc_free(d);
}

Test(doc, multiline_and_block_scalars)
{
    adr_doc *d = parse("a: |\n  een\n  twee\nb: >\n  drie\n  vier\nc: plain\n  folded\n", false);
    adr_node *a = at(d, "/a");
    cr_assert_eq(a->len, 9);
    cr_assert(memcmp(a->u.text, "een\ntwee\n", 9) == 0);
    /* A block scalar starts at its indicator, as editors and Spectral show it. */
    assert_pos(d, a->start, 0, 3, 3);
    assert_pos(d, at(d, "/b")->start, 3, 3, 3);
    adr_node *b = at(d, "/b");
    cr_assert(memcmp(b->u.text, "drie vier\n", b->len) == 0);
    adr_node *c = at(d, "/c");
    cr_assert(adr_node_is(c, "plain folded"));
    assert_pos(d, c->start, 6, 3, 3);
    adr_doc_free(d);
}

Test(doc, scalar_types_follow_yaml_1_2)
{
    adr_doc *d = parse(
        "a: 12\nb: 1.5e3\nc: true\nd: ~\ne: yes\nf: '12'\ng: 0x1F\nh: .inf\ni: 1.2.3\nj:\n", false);
    cr_assert_eq(at(d, "/a")->type, ADR_NODE_INT);
    cr_assert_eq(at(d, "/b")->type, ADR_NODE_FLOAT);
    cr_assert_eq(at(d, "/c")->type, ADR_NODE_BOOL);
    cr_assert_eq(at(d, "/d")->type, ADR_NODE_NULL);
    cr_assert_eq(at(d, "/e")->type, ADR_NODE_STRING); /* YAML 1.1 only */
    cr_assert_eq(at(d, "/f")->type, ADR_NODE_STRING);
    cr_assert_eq(at(d, "/g")->type, ADR_NODE_INT);
    cr_assert_eq(at(d, "/h")->type, ADR_NODE_FLOAT);
    cr_assert_eq(at(d, "/i")->type, ADR_NODE_STRING);
    cr_assert_eq(at(d, "/j")->type, ADR_NODE_NULL);
    double v;
    cr_assert(adr_node_number(at(d, "/b"), &v));
    cr_assert_float_eq(v, 1500.0, 1e-9);
    adr_doc_free(d);
}

Test(doc, json_pointer_escaping)
{
    adr_doc *d = parse("paths:\n  /a/{id}:\n    get: {}\n  x~y: 1\n", false);
    adr_node *get = at(d, "/paths/~1a~1{id}/get");
    char *p = pointer_of(get);
    cr_assert_str_eq(p, "/paths/~1a~1{id}/get");
    adr_xfree(p);
    adr_node *xy = at(d, "/paths/x~0y");
    p = pointer_of(xy);
    cr_assert_str_eq(p, "/paths/x~0y");
    adr_xfree(p);
    /* %-encoding is decoded in URI fragments only. */
    cr_assert_null(adr_node_at_pointer(d->root, "/paths/~1a~1%7Bid%7D", 20, false));
    cr_assert_not_null(adr_node_at_pointer(d->root, "/paths/~1a~1%7Bid%7D", 20, true));
    p = pointer_of(d->root);
    cr_assert_str_eq(p, "");
    adr_xfree(p);
    adr_doc_free(d);
}

Test(doc, duplicate_keys_last_wins)
{
    adr_doc *d = parse("a: 1\nb: 2\na: 3\n", false);
    cr_assert_eq(d->root->len, 2);
    cr_assert(adr_node_is(at(d, "/a"), "3"));
    cr_assert_eq(d->nerrors, 1);
    cr_assert_str_eq(d->errors[0].code, "duplicate-key");
    cr_assert_str_eq(d->errors[0].message, "Duplicate key: a");
    assert_pos(d, d->errors[0].start, 2, 0, 0);
    /* The surviving pair's index matches its position. */
    char *p = pointer_of(at(d, "/a"));
    cr_assert_str_eq(p, "/a");
    adr_xfree(p);
    adr_doc_free(d);
}

Test(doc, duplicate_keys_in_large_maps)
{
    adr_buf b;
    adr_buf_init(&b);
    for (int i = 0; i < 100; i++)
        adr_buf_printf(&b, "k%d: %d\n", i, i);
    adr_buf_puts(&b, "k42: last\n");
    adr_doc *d = parse(b.data, false);
    adr_buf_free(&b);
    cr_assert_eq(d->root->len, 100);
    cr_assert(adr_node_is(at(d, "/k42"), "last"));
    cr_assert_eq(d->nerrors, 1);
    assert_pos(d, d->errors[0].start, 100, 0, 0);
    adr_doc_free(d);
}

Test(doc, aliases_and_merge_keys)
{
    adr_doc *d = parse("base: &b {x: 1, y: 2}\nuse: *b\nmerged:\n  <<: *b\n  y: 3\n", false);
    cr_assert_eq(at(d, "/use"), at(d, "/base"));
    cr_assert(adr_node_is(at(d, "/merged/x"), "1"));
    cr_assert(adr_node_is(at(d, "/merged/y"), "3"));
    /* A shared node's path is where it is written. */
    char *p = pointer_of(at(d, "/use/x"));
    cr_assert_str_eq(p, "/base/x");
    adr_xfree(p);
    adr_doc_free(d);
}

Test(doc, billion_laughs_is_stopped)
{
    adr_buf b;
    adr_buf_init(&b);
    adr_buf_puts(&b, "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++)
        adr_buf_printf(&b,
                       "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n",
                       i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
    char *buf = adr_xstrndup(b.data, b.len);
    adr_doc_limits lim = {1000, 100000};
    adr_doc *d = adr_doc_parse("laughs.yaml", buf, b.len, false, &lim);
    adr_buf_free(&b);
    cr_assert_not_null(d);
    cr_assert(d->fatal);
    cr_assert_str_eq(d->errors[0].code, "parser");
    cr_assert(strstr(d->errors[0].message, "alias expansion limit") != NULL, "%s",
              d->errors[0].message);
    adr_doc_free(d);
}

Test(doc, depth_limit)
{
    size_t n = 5000;
    char *s = adr_xmalloc(2 * n + 1);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = 0;
    adr_doc_limits lim = {1000, 10000000};
    adr_doc *d = adr_doc_parse("deep.json", s, 2 * n, true, &lim);
    cr_assert_not_null(d);
    cr_assert(d->fatal);
    cr_assert_str_eq(d->errors[0].message, "Nesting deeper than 1000 levels");
    assert_pos(d, d->errors[0].start, 0, 1000, 1000);
    adr_doc_free(d);
}

Test(doc, bom_is_accepted_and_not_counted)
{
    adr_doc *d = parse("\xef\xbb\xbf{\"openapi\": \"3.0.3\"}", true);
    cr_assert_eq(d->nerrors, 0);
    adr_node *v = at(d, "/openapi");
    assert_pos(d, v->start, 0, 12, 12);
    adr_doc_free(d);
}

Test(doc, invalid_utf8_is_a_positioned_error)
{
    adr_doc *d = parse("a: 1\nb: caf\xe9\n", false);
    cr_assert(d->fatal);
    cr_assert_str_eq(d->errors[0].message, "Invalid UTF-8 byte sequence");
    assert_pos(d, d->errors[0].start, 1, 6, 6);
    adr_doc_free(d);
}

Test(doc, nul_byte_is_a_positioned_error)
{
    adr_doc *d = parse_n("a: 1\nb: x\0y\n", 12, false);
    cr_assert(d->fatal);
    cr_assert_str_eq(d->errors[0].message, "NUL byte is not allowed in a YAML or JSON document");
    assert_pos(d, d->errors[0].start, 1, 4, 4);
    adr_doc_free(d);
}

Test(doc, syntax_error_position_is_zero_based)
{
    adr_doc *d = parse("a: 1\nb: [1, 2\nc: 3\n", false);
    cr_assert(d->fatal);
    cr_assert_str_eq(d->errors[0].code, "parser");
    /* Reported at the bracket that was never closed, not at the end. */
    cr_assert_str_eq(d->errors[0].message, "Flow sequence without a closing bracket");
    assert_pos(d, d->errors[0].start, 1, 3, 3);
    adr_doc_free(d);
}

Test(doc, empty_document_has_a_null_root)
{
    adr_doc *d = parse("", false);
    cr_assert_eq(d->root->type, ADR_NODE_NULL);
    cr_assert_eq(d->nerrors, 0);
    adr_doc_free(d);
    d = parse("# only a comment\n", false);
    cr_assert_eq(d->root->type, ADR_NODE_NULL);
    adr_doc_free(d);
}

Test(doc, spectral_ranges)
{
    adr_doc *d =
        parse("{\n  \"info\": {\n    \"title\": \"x\",\n    \"version\": \"1\"\n  }\n}\n", true);
    uint32_t s, e;
    adr_node_spectral_range(at(d, "/info"), &s, &e);
    /* After the colon, to the end of the last descendant. */
    assert_pos(d, s, 1, 9, 9);
    assert_pos(d, e, 3, 18, 18);
    adr_node_spectral_range(d->root, &s, &e);
    assert_pos(d, s, 0, 0, 0);
    adr_node_spectral_range(at(d, "/info/title"), &s, &e);
    assert_pos(d, s, 2, 13, 13);
    adr_doc_free(d);
}

/* The input is checked sixteen bytes at a time: what it looks for must be
 * found wherever it falls in a block, and the line table built in the same
 * pass must be right for every line. */
Test(doc, input_scan_finds_bytes_at_every_offset)
{
    for (int pad = 0; pad < 40; pad++) {
        adr_buf b;
        adr_buf_init(&b);
        adr_buf_printf(&b, "a: %*s\nb: caf\xe9\n", pad, "");
        adr_doc *d = parse_n(b.data, b.len, false);
        cr_assert(d->fatal, "pad %d", pad);
        cr_assert_str_eq(d->errors[0].message, "Invalid UTF-8 byte sequence");
        assert_pos(d, d->errors[0].start, 1, 6, 6);
        adr_doc_free(d);
        adr_buf_reset(&b);
        adr_buf_printf(&b, "a: %*s\nb: x", pad, "");
        adr_buf_putc(&b, '\0');
        adr_buf_puts(&b, "y\n");
        d = parse_n(b.data, b.len, false);
        cr_assert(d->fatal, "pad %d", pad);
        cr_assert_str_eq(d->errors[0].message,
                         "NUL byte is not allowed in a YAML or JSON document");
        assert_pos(d, d->errors[0].start, 1, 4, 4);
        adr_doc_free(d);
        /* A tab before an indicator, which libfyaml 0.7.12 crashes on,
         * is found in any block too (ASan would see the double free). */
        adr_buf_reset(&b);
        adr_buf_printf(&b, "# %*s\n? e:\t:\n", pad, "");
        adr_doc_free(parse_n(b.data, b.len, false));
        adr_buf_free(&b);
    }
}

Test(doc, line_table_matches_the_text)
{
    adr_buf b;
    adr_buf_init(&b);
    for (int i = 0; i < 300; i++)
        adr_buf_printf(&b, "k%d: \"%*s\xc3\xa9\"\n", i, i % 37, "");
    adr_doc *d = parse_n(b.data, b.len, false);
    cr_assert_eq(d->nerrors, 0);
    for (int i = 0; i < 300; i++) {
        char ptr[16];
        snprintf(ptr, sizeof ptr, "/k%d", i);
        const adr_node *v = at(d, ptr);
        uint32_t col = (uint32_t)snprintf(NULL, 0, "k%d: ", i);
        assert_pos(d, v->start, (uint32_t)i, col, col);
        /* After the quote, the spaces and the two-byte e-acute. */
        assert_pos(d, v->end, (uint32_t)i, col + 1 + (uint32_t)(i % 37) + 3,
                   col + 1 + (uint32_t)(i % 37) + 2);
    }
    adr_doc_free(d);
    adr_buf_free(&b);
}

/* A range's end is positioned from its start when both share a line: the
 * result must be the one a full search gives, for every node. */
Test(doc, position_from_equals_position)
{
    adr_doc *d = parse("\xef\xbb\xbf"
                       "a: \"caf\xc3\xa9 \xf0\x9f\x98\x80\"\n"
                       "b: {x: [1, \"\xe2\x82\xac\"], y: z}\n"
                       "c: |\n  block\n  text\n",
                       false);
    cr_assert_eq(d->nerrors, 0);
    const char *ptrs[] = {"/a", "/b", "/b/x", "/b/x/1", "/b/y", "/c"};
    for (size_t i = 0; i < ADR_ARRAY_LEN(ptrs); i++) {
        const adr_node *n = at(d, ptrs[i]);
        adr_position s = adr_doc_position(d, n->start);
        for (uint32_t off = n->start; off <= n->end; off++) {
            adr_position want = adr_doc_position(d, off), got = adr_doc_position_from(d, s, off);
            cr_assert(want.line == got.line && want.column == got.column &&
                          want.column_utf16 == got.column_utf16 && want.offset == got.offset,
                      "%s at %u: %u:%u/%u vs %u:%u/%u", ptrs[i], off, got.line, got.column,
                      got.column_utf16, want.line, want.column, want.column_utf16);
        }
    }
    adr_doc_free(d);
}
