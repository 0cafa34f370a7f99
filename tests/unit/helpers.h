/* Shared helpers for the white-box unit tests. */
#ifndef ADR_TEST_HELPERS_H
#define ADR_TEST_HELPERS_H

#include <criterion/criterion.h>
#include <string.h>

#include "doc/doc.h"
#include "util/util.h"

static inline adr_doc *parse_n(const char *text, size_t n, bool json)
{
    char *buf = adr_xmalloc(n + 1);
    memcpy(buf, text, n);
    buf[n] = 0;
    adr_doc_limits lim = {1000, 10000000};
    adr_doc *d = adr_doc_parse(json ? "test.json" : "test.yaml", buf, n, json, &lim);
    cr_assert_not_null(d);
    return d;
}

static inline adr_doc *parse(const char *text, bool json)
{
    return parse_n(text, strlen(text), json);
}

/* Node at a JSON pointer, asserting it exists. */
static inline adr_node *at(adr_doc *d, const char *ptr)
{
    adr_node *n = adr_node_at_pointer(d->root, ptr, strlen(ptr), false);
    cr_assert_not_null(n, "no node at %s", ptr);
    return n;
}

/* Asserts a 0-based line, byte column and UTF-16 column for an offset. */
#define assert_pos(d, off, l, c, c16)                                                  \
    do {                                                                               \
        adr_position p_ = adr_doc_position((d), (off));                                \
        cr_assert_eq(p_.line, (l), "line %u != %u", p_.line, (unsigned)(l));           \
        cr_assert_eq(p_.column, (c), "column %u != %u", p_.column, (unsigned)(c));     \
        cr_assert_eq(p_.column_utf16, (c16), "utf16 column %u != %u", p_.column_utf16, \
                     (unsigned)(c16));                                                 \
    } while (0)

static inline char *pointer_of(const adr_node *n)
{
    adr_buf b;
    adr_buf_init(&b);
    adr_node_pointer(n, &b);
    if (!b.data) adr_buf_puts(&b, "");
    return adr_buf_take(&b);
}

#endif
