/* Shared by the test_schema*.c files: parse a YAML document holding a
 * schema and a value, validate, and keep what a user would see of each
 * error (message, keyword, 1-based line:column of the value). */
#ifndef SCHEMA_HARNESS_H
#define SCHEMA_HARNESS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ref/ref.h"
#include "schema/schema.h"

typedef struct got_error {
    char message[512];
    char keyword[32];
    unsigned line, col;
} got_error;

static got_error got[64];
static size_t ngot;
static adr_ws test_ws;
static adr_schema_ctx *test_ctx;

static int collect(void *user, const adr_schema_error *e)
{
    (void)user;
    if (ngot < sizeof got / sizeof got[0]) {
        got_error *g = &got[ngot++];
        snprintf(g->message, sizeof g->message, "%s", e->message);
        snprintf(g->keyword, sizeof g->keyword, "%s", e->keyword);
        /* where a finding at this node starts (Spectral's range) */
        uint32_t start, end;
        adr_node_spectral_range(e->instance, &start, &end);
        adr_position p = adr_doc_position(e->instance->doc, start);
        g->line = p.line + 1;
        g->col = p.column_utf16 + 1;
    }
    return 0;
}

static const adr_node *ws_deref(void *user, const adr_node *obj)
{
    adr_ref_status st;
    const char *msg;
    return adr_ws_deref(user, obj, &st, &msg, NULL);
}

/* Loads text as the workspace's root document (name decides JSON/YAML);
 * dir is where relative $refs resolve (NULL: the current directory). */
static adr_doc *load(const char *text, const char *dir)
{
    adr_doc_limits lim = {1000, 1000000};
    adr_ws_destroy(&test_ws);
    adr_ws_init(&test_ws, dir ? dir : ".", 1 << 20, 16, &lim);
    size_t n = strlen(text);
    char *buf = malloc(n + 1);
    memcpy(buf, text, n + 1);
    adr_doc *doc = adr_doc_parse("test.yaml", buf, n, false, &lim);
    cr_assert(doc && doc->nerrors == 0, "test document does not parse: %s",
              doc && doc->nerrors ? doc->errors[0].message : "");
    if (dir) {
        char path[4096];
        snprintf(path, sizeof path, "%s/test.yaml", dir);
        doc->abs_path = adr_xstrdup(path);
    }
    adr_ws_add(&test_ws, doc);
    /* Compiled schemas are keyed by node address: a fresh context per
     * document, or a freed node's address could hit a stale entry. */
    adr_schema_ctx_free(test_ctx);
    test_ctx = adr_schema_ctx_new(ws_deref, &test_ws);
    cr_assert(test_ctx);
    return doc;
}

/* Validates the document's "value" against its "schema". */
static int check_in(const char *yaml, unsigned flags, const char *dir)
{
    adr_doc *doc = load(yaml, dir);
    ngot = 0;
    const adr_node *schema = adr_node_get(doc->root, "schema");
    const adr_node *value = adr_node_get(doc->root, "value");
    cr_assert(schema && value, "test document needs schema and value");
    return adr_schema_validate(test_ctx, schema, value, flags, collect, NULL);
}

static int check(const char *yaml, unsigned flags)
{
    return check_in(yaml, flags, NULL);
}

static void teardown_schema(void)
{
    adr_schema_ctx_free(test_ctx);
    test_ctx = NULL;
    adr_ws_destroy(&test_ws);
}

/* Asserts the i-th error's message and position. */
#define expect_error(i, msg, l, c)                                                      \
    do {                                                                                \
        cr_assert_gt(ngot, (size_t)(i), "expected an error #%d: %s", (int)(i), msg);    \
        cr_expect_str_eq(got[i].message, msg);                                          \
        cr_expect_eq(got[i].line, (unsigned)(l), "line of \"%s\": %u", got[i].message,  \
                     got[i].line);                                                      \
        cr_expect_eq(got[i].col, (unsigned)(c), "column of \"%s\": %u", got[i].message, \
                     got[i].col);                                                       \
    } while (0)

#define expect_only(msg, l, c)                                                 \
    do {                                                                       \
        cr_assert_eq(ngot, 1, "expected one error, got %zu (first: %s)", ngot, \
                     ngot ? got[0].message : "-");                             \
        expect_error(0, msg, l, c);                                            \
    } while (0)

#define expect_valid(yaml, flags)                                                             \
    do {                                                                                      \
        int rc_ = check(yaml, flags);                                                         \
        cr_expect_eq(rc_, 1, "expected valid, got %d (%s)", rc_, ngot ? got[0].message : ""); \
        cr_expect_eq(ngot, 0);                                                                \
    } while (0)

#define expect_invalid(yaml, flags, msg, l, c) \
    do {                                       \
        cr_expect_eq(check(yaml, flags), 0);   \
        expect_only(msg, l, c);                \
    } while (0)

#define D30 ADR_VALIDATE_OAS30
#define D20 ADR_VALIDATE_2020_12

#endif
