/* One linter, many threads: results equal the single-threaded run. (The
 * ThreadSanitizer job runs this too.) */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "adrlint/adrlint.h"

#define THREADS 8
#define ROUNDS 20

static const char *const files[] = {
    FIXTURES_DIR "/examples/bibliotheek.yaml",
    FIXTURES_DIR "/versioning/nlgov-include-major-version-in-uri/fail-missing.yaml",
    FIXTURES_DIR "/core/invalid-ref/fail-missing.yaml",
    FIXTURES_DIR "/core/parser/fail-bad-json.json",
};
#define NFILES (sizeof files / sizeof files[0])

static adr_linter *linter;
static char expected[NFILES][8192];

static void render(adr_result *r, char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    for (size_t i = 0; i < adr_result_count(r) && len < n; i++) {
        const adr_diagnostic *d = adr_result_get(r, i);
        len += (size_t)snprintf(out + len, n - len, "%u:%u %s %s %s\n", d->range.start.line,
                                d->range.start.column_utf16, d->code, d->path, d->message);
    }
}

static void *worker(void *arg)
{
    size_t seed = (size_t)arg;
    char got[8192];
    for (int round = 0; round < ROUNDS; round++) {
        size_t f = (seed + (size_t)round) % NFILES;
        adr_result *r;
        if (adr_linter_lint_file(linter, files[f], &r) != ADR_OK) return (void *)1;
        render(r, got, sizeof got);
        adr_result_free(r);
        if (strcmp(got, expected[f]) != 0) return (void *)2;
    }
    return NULL;
}

Test(threads, shared_linter_gives_identical_results)
{
    cr_assert_eq(adr_linter_new(&linter, NULL), ADR_OK, "%s", adr_last_error());
    for (size_t f = 0; f < NFILES; f++) {
        adr_result *r;
        cr_assert_eq(adr_linter_lint_file(linter, files[f], &r), ADR_OK, "%s", adr_last_error());
        cr_assert_gt(adr_result_count(r), 0, "%s has findings", files[f]);
        render(r, expected[f], sizeof expected[f]);
        adr_result_free(r);
    }
    pthread_t t[THREADS];
    for (size_t i = 0; i < THREADS; i++)
        cr_assert_eq(pthread_create(&t[i], NULL, worker, (void *)i), 0);
    for (size_t i = 0; i < THREADS; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        cr_assert_null(ret, "thread %zu: %s", i, ret == (void *)1 ? "lint failed" : "results differ");
    }
    adr_linter_free(linter);
}
