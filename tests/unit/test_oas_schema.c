/* oas3-schema through the public API: string formats, enum suggestions,
 * JSON positions, and one linter shared by several threads. The fixtures in
 * spec-fixtures/oas/ cover every object table; these cases need many small
 * documents or threads. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "adrlint/adrlint.h"

static adr_linter *linter;

static void setup(void)
{
    adr_options o = ADR_OPTIONS_INIT;
    const char *paths[] = {PLUGIN_DIR};
    o.profile = "adr-2.2";
    o.flags = ADR_OPTION_NO_DEFAULT_PLUGINS;
    o.plugin_paths = paths;
    o.plugin_path_count = 1;
    cr_assert_eq(adr_linter_new(&linter, &o), ADR_OK, "%s", adr_last_error());
}

static void teardown(void)
{
    adr_linter_free(linter);
}

TestSuite(oas_schema, .init = setup, .fini = teardown);

/* The oas3-schema findings of a document as "LINE:COL MESSAGE" lines. */
static void findings(const char *doc, const char *name, char *out, size_t cap)
{
    adr_result *r;
    cr_assert_eq(adr_linter_lint_buffer(linter, doc, strlen(doc), name, &r), ADR_OK);
    size_t w = 0;
    out[0] = 0;
    for (size_t i = 0; i < adr_result_count(r); i++) {
        const adr_diagnostic *d = adr_result_get(r, i);
        if (strcmp(d->code, "oas3-schema") != 0) continue;
        int n = snprintf(out + w, cap - w, "%u:%u %s\n", d->range.start.line + 1,
                         d->range.start.column_utf16 + 1, d->message);
        if (n > 0 && (size_t)n < cap - w) w += (size_t)n;
    }
    adr_result_free(r);
}

/* A document whose contact has the given email and url, in version v. */
static void contact_doc(char *buf, size_t cap, const char *v, const char *email, const char *url)
{
    snprintf(buf, cap,
             "openapi: %s\ninfo:\n  title: T\n  version: 1.0.0\n  contact:\n    email: '%s'\n"
             "    url: '%s'\npaths: {}\n",
             v, email, url);
}

Test(oas_schema, email_format)
{
    static const char *const good[] = {"api@example.org", "first.last+tag@sub.example.nl",
                                       "o'brien@example.org", "x@a-b.c0"};
    static const char *const bad[] = {"api.example.org",  "api@localhost",    "@example.org",
                                      "a..b@example.org", "api@-example.org", "api@example..org",
                                      "a b@example.org",  "api@example.org."};
    char doc[512], got[2048];
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        contact_doc(doc, sizeof doc, "3.0.3", good[i], "https://example.org");
        findings(doc, "email.yaml", got, sizeof got);
        cr_expect_str_empty(got, "%s: %s", good[i], got);
    }
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        contact_doc(doc, sizeof doc, "3.0.3", bad[i], "https://example.org");
        findings(doc, "email.yaml", got, sizeof got);
        cr_expect_str_eq(got, "6:12 \"email\" property must match format \"email\".\n", "%s",
                         bad[i]);
    }
}

Test(oas_schema, uri_reference_in_30_uri_in_31)
{
    /* Relative references are URI references, but not URIs. */
    static const char *const refs[] = {"https://example.org/a?b=c#d",
                                       "/contact",
                                       "contact.html",
                                       "//example.org/x",
                                       "mailto:api@example.org",
                                       "https://[::1]:8080/",
                                       "a%20b",
                                       "#frag"};
    static const char *const neither[] = {"https://example.org/a b",
                                          "https://example.org/{id}",
                                          "https://example.org/%zz",
                                          "a#b#c",
                                          "back\\slash",
                                          "https://example.org/[x]"};
    char doc[512], got[2048];
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) {
        contact_doc(doc, sizeof doc, "3.0.3", "api@example.org", refs[i]);
        findings(doc, "uri.yaml", got, sizeof got);
        cr_expect_str_empty(got, "%s: %s", refs[i], got);
        contact_doc(doc, sizeof doc, "3.1.0", "api@example.org", refs[i]);
        findings(doc, "uri.yaml", got, sizeof got);
        bool absolute = strchr(refs[i], ':') && refs[i][0] != '/' && refs[i][0] != '#';
        if (absolute)
            cr_expect_str_empty(got, "3.1 %s: %s", refs[i], got);
        else
            cr_expect_str_eq(got, "7:10 \"url\" property must match format \"uri\".\n", "%s",
                             refs[i]);
    }
    for (size_t i = 0; i < sizeof neither / sizeof *neither; i++) {
        contact_doc(doc, sizeof doc, "3.0.3", "api@example.org", neither[i]);
        findings(doc, "uri.yaml", got, sizeof got);
        cr_expect_str_eq(got, "7:10 \"url\" property must match format \"uri-reference\".\n", "%s",
                         neither[i]);
    }
}

Test(oas_schema, did_you_mean_only_when_close)
{
    char got[2048];
    findings("openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\npaths: {}\ncomponents:\n"
             "  schemas:\n    A: {type: strnig}\n    B: {type: q}\n    C: {type: 5}\n",
             "enum.yaml", got, sizeof got);
    cr_expect_str_eq(
        got, "6:15 \"type\" property must be equal to one of the allowed values: \"array\", "
             "\"boolean\", \"integer\", \"number\", \"object\", \"string\". Did you mean "
             "\"string\"?\n"
             "7:15 \"type\" property must be equal to one of the allowed values: \"array\", "
             "\"boolean\", \"integer\", \"number\", \"object\", \"string\".\n"
             "8:15 \"type\" property must be equal to one of the allowed values: \"array\", "
             "\"boolean\", \"integer\", \"number\", \"object\", \"string\".\n");
}

Test(oas_schema, json_positions)
{
    /* Spectral's columns: a scalar at its first character after the quote,
     * a missing field at the object that lacks it (just after the colon). */
    const char *doc = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": 5},\n"
                      "  \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {}}}}}\n}\n";
    char got[2048];
    findings(doc, "doc.json", got, sizeof got);
    cr_expect_str_eq(got, "3:10 \"info\" property must have required property \"version\".\n"
                          "3:21 \"title\" property must be string.\n"
                          "4:48 \"200\" property must have required property \"description\".\n");
}

Test(oas_schema, non_openapi_input_gets_no_structure_findings)
{
    static const char *const docs[] = {"",
                                       "just a string\n",
                                       "- a\n- b\n",
                                       "swagger: '2.0'\n",
                                       "openapi: 4.0.0\n",
                                       "openapi: [3]\n",
                                       "openapi: 3\n"};
    char got[2048];
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        findings(docs[i], "other.yaml", got, sizeof got);
        cr_expect_str_empty(got, "%s: %s", docs[i], got);
    }
}

static const char *shared_doc =
    "openapi: 3.0.3\ninfo:\n  title: T\npaths:\n  /a:\n    get:\n      responses:\n"
    "        '200': {}\ncomponents:\n  schemas:\n    A:\n      type: objekt\n"
    "      properties:\n        b: {type: array, items: {$ref: 'x.yaml#/B'}}\n";

static void *lint_many(void *arg)
{
    size_t *count = arg;
    for (int i = 0; i < 200; i++) {
        adr_result *r;
        if (adr_linter_lint_buffer(linter, shared_doc, strlen(shared_doc), "t.yaml", &r) != ADR_OK)
            return NULL;
        size_t n = 0;
        for (size_t k = 0; k < adr_result_count(r); k++)
            n += strcmp(adr_result_get(r, k)->code, "oas3-schema") == 0;
        if (i == 0)
            *count = n;
        else if (n != *count)
            *count = (size_t)-1;
        adr_result_free(r);
    }
    return NULL;
}

Test(oas_schema, one_linter_many_threads)
{
    /* The rule keeps its lookup tables and reference bookkeeping per run. */
    pthread_t t[4];
    size_t counts[4] = {0};
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, lint_many, &counts[i]);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < 4; i++)
        cr_expect_eq(counts[i], 3, "thread %d saw %zu findings", i, counts[i]);
}
