/* The language server's text handling: positions in UTF-16 and UTF-8 with
 * every kind of line break, edits, URIs, and the cheap OpenAPI test. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

static text *mk(const char *s)
{
    text *t = text_new(s, strlen(s));
    cr_assert_not_null(t);
    return t;
}

static size_t off(const text *t, uint32_t line, uint32_t ch, pos_encoding enc)
{
    return text_offset(t, (lsp_pos){line, ch}, enc);
}

/* "a" U+00E9 (2 bytes, 1 unit) U+1F4DA (4 bytes, 2 units) "b" */
static const char *mixed = "a\xc3\xa9\xf0\x9f\x93\x9a"
                           "b\nx";

Test(text, utf16_positions_count_surrogate_pairs_as_two)
{
    text *t = mk(mixed);
    cr_assert_eq(off(t, 0, 0, ENC_UTF16), 0);
    cr_assert_eq(off(t, 0, 1, ENC_UTF16), 1);
    cr_assert_eq(off(t, 0, 2, ENC_UTF16), 3);
    cr_assert_eq(off(t, 0, 3, ENC_UTF16), 3); /* inside the pair: its start */
    cr_assert_eq(off(t, 0, 4, ENC_UTF16), 7);
    cr_assert_eq(off(t, 0, 5, ENC_UTF16), 8);
    cr_assert_eq(off(t, 0, 99, ENC_UTF16), 8); /* past the end: the line's end */
    cr_assert_eq(off(t, 1, 1, ENC_UTF16), 10);
    cr_assert_eq(off(t, 7, 0, ENC_UTF16), 10); /* past the last line: the end */
    lsp_pos p = text_position(t, 7, ENC_UTF16);
    cr_assert_eq(p.line, 0);
    cr_assert_eq(p.character, 4);
    p = text_position(t, 10, ENC_UTF16);
    cr_assert_eq(p.line, 1);
    cr_assert_eq(p.character, 1);
    text_unref(t);
}

Test(text, utf8_positions_are_bytes)
{
    text *t = mk(mixed);
    cr_assert_eq(off(t, 0, 3, ENC_UTF8), 3);
    cr_assert_eq(off(t, 0, 2, ENC_UTF8), 1); /* inside é: its start */
    cr_assert_eq(off(t, 0, 7, ENC_UTF8), 7);
    lsp_pos p = text_position(t, 7, ENC_UTF8);
    cr_assert_eq(p.character, 7);
    text_unref(t);
}

Test(text, line_breaks_are_lf_crlf_and_cr)
{
    text *t = mk("a\r\nbb\rc\nd");
    cr_assert_eq(t->nlines, 4);
    cr_assert_eq(off(t, 1, 0, ENC_UTF16), 3);
    cr_assert_eq(off(t, 1, 9, ENC_UTF16), 5); /* before the \r */
    cr_assert_eq(off(t, 2, 0, ENC_UTF16), 6);
    cr_assert_eq(off(t, 3, 0, ENC_UTF16), 8);
    cr_assert_eq(off(t, 0, 5, ENC_UTF16), 1); /* not into the \r\n */
    lsp_pos p = text_position(t, 6, ENC_UTF16);
    cr_assert_eq(p.line, 2);
    cr_assert_eq(p.character, 0);
    text_unref(t);
}

Test(text, edits)
{
    text *t = mk("key: value\nnext: 1\n");
    text *u = text_edit(t, (lsp_pos){0, 5}, (lsp_pos){0, 10}, "other", 5, ENC_UTF16);
    cr_assert_str_eq(u->data, "key: other\nnext: 1\n");
    text *v = text_edit(u, (lsp_pos){1, 0}, (lsp_pos){2, 0}, "", 0, ENC_UTF16);
    cr_assert_str_eq(v->data, "key: other\n");
    cr_assert_eq(v->nlines, 2);
    /* An end before the start inserts at the start. */
    text *w = text_edit(v, (lsp_pos){0, 3}, (lsp_pos){0, 1}, "!", 1, ENC_UTF16);
    cr_assert_str_eq(w->data, "key!: other\n");
    /* Embedded NUL bytes survive. */
    text *x = text_edit(w, (lsp_pos){0, 0}, (lsp_pos){0, 0}, "\0", 1, ENC_UTF16);
    cr_assert_eq(x->len, w->len + 1);
    cr_assert_eq(x->data[0], 0);
    text_unref(t);
    text_unref(u);
    text_unref(v);
    text_unref(w);
    text_unref(x);
}

Test(text, edit_on_a_non_ascii_line)
{
    text *t = mk("title: \"Biblioth\xc3\xa8que \xf0\x9f\x93\x9a\"\n");
    /* Replace the emoji: UTF-16 columns 21-23, UTF-8 columns 22-26. */
    text *u = text_edit(t, (lsp_pos){0, 21}, (lsp_pos){0, 23}, "X", 1, ENC_UTF16);
    cr_assert_str_eq(u->data, "title: \"Biblioth\xc3\xa8que X\"\n");
    text *v = text_edit(t, (lsp_pos){0, 22}, (lsp_pos){0, 26}, "X", 1, ENC_UTF8);
    cr_assert_str_eq(v->data, u->data);
    text_unref(t);
    text_unref(u);
    text_unref(v);
}

Test(uri, file_uris)
{
    char *p = uri_to_path("file:///home/a%20b/api%C3%A9.yaml");
    cr_assert_str_eq(p, "/home/a b/api\xc3\xa9.yaml");
    char *u = path_to_uri(p);
    cr_assert_str_eq(u, "file:///home/a%20b/api%C3%A9.yaml");
    free(p);
    free(u);
    p = uri_to_path("file://localhost/x.yaml");
    cr_assert_str_eq(p, "/x.yaml");
    free(p);
    cr_assert_null(uri_to_path("untitled:Untitled-1"));
    cr_assert_null(uri_to_path("file://server/share/x.yaml"));
    cr_assert_null(uri_to_path("file:///a%2"));
    cr_assert_null(uri_to_path("file:///a%00b"));
    cr_assert_null(uri_to_path("file:///a%zz"));
    p = path_normalize("/a/./b//../c/");
    cr_assert_str_eq(p, "/a/c");
    free(p);
    p = path_normalize("/../..");
    cr_assert_str_eq(p, "/");
    free(p);
}

static bool is_oas(const char *s)
{
    return text_is_openapi(s, strlen(s));
}

Test(openapi, block_yaml)
{
    cr_assert(is_oas("openapi: 3.0.3\ninfo: {}\n"));
    cr_assert(is_oas("# c\n---\ninfo:\n  title: x\nswagger: '2.0'\n"));
    cr_assert(is_oas("\xef\xbb\xbf\"openapi\": 3.1.0\n"));
    cr_assert(is_oas("openapi:\n  3.0.0\n"));
    cr_assert_not(is_oas("info:\n  openapi: 3.0.3\n")); /* not at the top */
    cr_assert_not(is_oas("openapiX: 1\n"));
    cr_assert_not(is_oas("openapi:3\n")); /* a plain scalar, not a key */
    cr_assert_not(is_oas("rules:\n  nlgov:semver: warn\n"));
    cr_assert_not(is_oas(""));
}

Test(openapi, json_and_flow)
{
    cr_assert(is_oas("{\"info\": {\"openapi\": 1}, \"openapi\": \"3.0.3\"}"));
    cr_assert(is_oas("  {\n  \"swagger\" : \"2.0\"}"));
    cr_assert(is_oas("{openapi: 3.0.3}"));
    cr_assert_not(is_oas("{\"info\": {\"openapi\": \"3.0.3\"}}"));
    cr_assert_not(is_oas("{\"a\": \"openapi\"}"));
    cr_assert_not(is_oas("[{\"openapi\": 1}]"));
    cr_assert_not(is_oas("{\"a\": \"\\\"}, \\\"openapi\\\": 1\"}"));
    cr_assert_not(is_oas("{\"a\": [1, {\"openapi\": 2}]}"));
}
