/* One linter, many threads: results equal the single-threaded run. The
 * ThreadSanitizer job of tools/test.sh runs this too, which is why it is a
 * plain program: Criterion's sandbox does not start under TSan.
 *
 * The documents: a few fixtures, and the real NLGov APIs of the shared
 * corpus (../shared/corpus/nlgov) when it is there; in CI it must be. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adrlint/adrlint.h"

#define CHECK(cond, ...)                       \
    do {                                       \
        if (!(cond)) {                         \
            fprintf(stderr, "test_threads: "); \
            fprintf(stderr, __VA_ARGS__);      \
            fputc('\n', stderr);               \
            exit(1);                           \
        }                                      \
    } while (0)

#define THREADS   8
#define ROUNDS    3
#define MAX_FILES 64

static const char *const fixtures[] = {
    FIXTURES_DIR "/examples/bibliotheek.yaml",
    FIXTURES_DIR "/versioning/nlgov-include-major-version-in-uri/fail-missing.yaml",
    FIXTURES_DIR "/core/invalid-ref/fail-missing.yaml",
    FIXTURES_DIR "/core/parser/fail-bad-json.json",
};

static adr_linter *linter;
static char *files[MAX_FILES];
static size_t nfiles;
static char *expected[MAX_FILES];

/* Every finding, one per line: a result compares as a string. */
static char *render(adr_result *r)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f) return NULL;
    for (size_t i = 0; i < adr_result_count(r); i++) {
        const adr_diagnostic *d = adr_result_get(r, i);
        fprintf(f, "%s %u:%u-%u:%u %s %d %s %s\n", d->source, d->range.start.line,
                d->range.start.column_utf16, d->range.end.line, d->range.end.column_utf16, d->code,
                d->severity, d->path, d->message);
    }
    fclose(f);
    return out;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_corpus(void)
{
    const char *dir = SHARED_DIR "/corpus/nlgov";
    DIR *d = opendir(dir);
    if (!d) {
        CHECK(!getenv("CI"), "%s is missing (CI needs ../shared)", dir);
        fprintf(stderr, "test_threads: %s is missing: only the fixtures are linted\n", dir);
        return;
    }
    size_t first = nfiles;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && nfiles < MAX_FILES) {
        size_t n = strlen(e->d_name);
        if (n < 5 ||
            (strcmp(e->d_name + n - 5, ".yaml") != 0 && strcmp(e->d_name + n - 5, ".json") != 0))
            continue;
        size_t len = strlen(dir) + n + 2;
        files[nfiles] = malloc(len);
        snprintf(files[nfiles], len, "%s/%s", dir, e->d_name);
        nfiles++;
    }
    closedir(d);
    qsort(files + first, nfiles - first, sizeof *files, by_name);
    CHECK(nfiles > first, "no documents in %s", dir);
}

static void *worker(void *arg)
{
    size_t seed = (size_t)arg;
    for (int round = 0; round < ROUNDS; round++) {
        /* Each thread walks the files from its own starting point, so the
         * same document is linted on several threads at once. */
        for (size_t k = 0; k < nfiles; k++) {
            size_t f = (seed + (size_t)round + k) % nfiles;
            adr_result *r;
            if (adr_linter_lint_file(linter, files[f], &r) != ADR_OK) return (void *)1;
            char *got = render(r);
            adr_result_free(r);
            int same = got && strcmp(got, expected[f]) == 0;
            free(got);
            if (!same) return (void *)2;
        }
    }
    return NULL;
}

int main(void)
{
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++)
        files[nfiles++] = strdup(fixtures[i]);
    add_corpus();
    CHECK(adr_linter_new(&linter, NULL) == ADR_OK, "%s", adr_last_error());
    for (size_t f = 0; f < nfiles; f++) {
        adr_result *r;
        CHECK(adr_linter_lint_file(linter, files[f], &r) == ADR_OK, "%s: %s", files[f],
              adr_last_error());
        if (f < sizeof fixtures / sizeof fixtures[0])
            CHECK(adr_result_count(r) > 0, "%s has no findings", files[f]);
        expected[f] = render(r);
        CHECK(expected[f], "out of memory");
        adr_result_free(r);
    }
    pthread_t t[THREADS];
    for (size_t i = 0; i < THREADS; i++)
        CHECK(pthread_create(&t[i], NULL, worker, (void *)i) == 0, "pthread_create");
    for (size_t i = 0; i < THREADS; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        CHECK(!ret, "thread %zu: %s", i, ret == (void *)1 ? "lint failed" : "results differ");
    }
    printf("test_threads: %zu documents, %d threads, %d rounds each: identical results\n", nfiles,
           THREADS, ROUNDS);
    adr_linter_free(linter);
    for (size_t f = 0; f < nfiles; f++) {
        free(files[f]);
        free(expected[f]);
    }
    return 0;
}
