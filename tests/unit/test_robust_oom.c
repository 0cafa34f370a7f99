/* Allocation failure, curl's "torture" way: a run is repeated with its
 * first, second, ... n-th allocation failing, for every n up to the number
 * of allocations the run makes. Each repetition must return ADR_ENOMEM
 * with "out of memory", or the result of the run without failures; never
 * crash, never give a wrong result, never leak (the sanitizer build checks
 * for leaks after the loop).
 *
 * The failure injector (adr_alloc_fail_after) sees what core allocates
 * through adr_xmalloc and friends, plugins' memory included (they allocate
 * through the host); libfyaml's, PCRE2's and json-c's own mallocs are not
 * hooked. The counter is process-wide: these tests are single-threaded
 * (ctest runs them with --jobs 1, each Criterion test in its own process). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adrlint/adrlint.h"
#include "util/util.h"

#include "sanitized.h"
#ifdef SANITIZED
#include <sanitizer/lsan_interface.h>
#endif

#define HOSTILE_DIR FIXTURES_DIR "/../tests/hostile"

static adr_options options(void)
{
    static const char *plugins[] = {PLUGIN_DIR};
    adr_options o = ADR_OPTIONS_INIT;
    o.flags = ADR_OPTION_NO_DEFAULT_PLUGINS;
    o.plugin_paths = plugins;
    o.plugin_path_count = 1;
    return o;
}

/* Every finding as a line, so a result compares as a string. */
static char *render(const adr_result *r)
{
    adr_buf b;
    adr_buf_init(&b);
    for (size_t i = 0; i < adr_result_count(r); i++) {
        const adr_diagnostic *d = adr_result_get(r, i);
        adr_buf_printf(&b, "%s %u:%u-%u:%u(%u) %s %d %s %s [%s] %s\n", d->source,
                       d->range.start.line, d->range.start.column, d->range.end.line,
                       d->range.end.column, d->range.start.column_utf16, d->code, d->severity,
                       d->rule_id, d->path, d->message, d->doc_url);
    }
    if (!b.data) adr_buf_puts(&b, "");
    return adr_buf_take(&b);
}

static void check_no_leaks(void)
{
#ifdef SANITIZED
    cr_assert_eq(__lsan_do_recoverable_leak_check(), 0, "memory leaked (see the report above)");
#endif
}

/* The n-th of 2 * total runs: first failing from the n-th allocation on
 * (sticky), then failing only the n-th (once: the code after the failure
 * runs with memory again, so a failure it swallows shows as a wrong
 * result). Returns n; *mode names the kind. */
static uint64_t arm(uint64_t i, uint64_t total, const char **mode)
{
    if (i <= total) {
        *mode = "from then on";
        adr_alloc_fail_after(i);
        return i;
    }
    *mode = "once";
    adr_alloc_fail_once(i - total);
    return i - total;
}

/* Lints path with each allocation failing in turn. */
static void torture_lint(const adr_linter *L, const char *path)
{
    adr_alloc_fail_after(0);
    adr_result *r = NULL;
    cr_assert_eq(adr_linter_lint_file(L, path, &r), ADR_OK, "%s", adr_last_error());
    uint64_t total = adr_alloc_count();
    char *expected = render(r);
    adr_result_free(r);
    cr_assert_gt(total, 10, "%s: only %llu allocations?", path, (unsigned long long)total);
    size_t failed = 0, succeeded = 0;
    for (uint64_t i = 1; i <= 2 * total; i++) {
        const char *mode;
        uint64_t n = arm(i, total, &mode);
        r = NULL;
        int rc = adr_linter_lint_file(L, path, &r);
        adr_alloc_fail_after(0);
        if (rc == ADR_OK) {
            /* A failure the code could absorb (a speed-up): the result
             * must still be the right one. */
            char *got = render(r);
            cr_assert_str_eq(got, expected, "%s: allocation %llu failed (%s), result differs", path,
                             (unsigned long long)n, mode);
            adr_xfree(got);
            adr_result_free(r);
            succeeded++;
        } else {
            cr_assert_eq(rc, ADR_ENOMEM, "%s: allocation %llu failed (%s), rc %d: %s", path,
                         (unsigned long long)n, mode, rc, adr_last_error());
            cr_assert_str_eq(adr_last_error(), "out of memory");
            cr_assert_null(r, "a result on failure");
            failed++;
        }
    }
    cr_log_info("%s: %llu allocations; of %llu runs with one failing, %zu returned ADR_ENOMEM, "
                "%zu absorbed the failure",
                path, (unsigned long long)total, (unsigned long long)(2 * total), failed,
                succeeded);
    adr_xfree(expected);
    check_no_leaks();
}

Test(oom, lint_of_a_document_with_external_refs)
{
    adr_options o = options();
    adr_linter *L = NULL;
    cr_assert_eq(adr_linter_new(&L, &o), ADR_OK, "%s", adr_last_error());
    torture_lint(L, HOSTILE_DIR "/refs/openapi.yaml");
    adr_linter_free(L);
}

Test(oom, lint_of_the_example_under_adr_2_2)
{
    adr_options o = options();
    o.profile = "adr-2.2";
    adr_linter *L = NULL;
    cr_assert_eq(adr_linter_new(&L, &o), ADR_OK, "%s", adr_last_error());
    torture_lint(L, FIXTURES_DIR "/examples/bibliotheek.yaml");
    torture_lint(L, FIXTURES_DIR "/core/parser/fail-bad-json.json");
    adr_linter_free(L);
}

static void copy_file(const char *from, const char *to)
{
    char *data;
    size_t size;
    cr_assert_eq(adr_read_file(from, 1 << 20, &data, &size), ADR_OK);
    FILE *f = fopen(to, "w");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, size, f), size);
    fclose(f);
    adr_xfree(data);
}

/* Creating a linter: plugins, patterns, profiles and a configuration whose
 * override (relative to the configuration's directory) changes the result
 * of the document linted with it. */
Test(oom, linter_creation_with_a_configuration)
{
    char dir[] = "/tmp/adrlint-oom-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char cfg[128], api[128], doc[128], common[128];
    snprintf(cfg, sizeof cfg, "%s/.adrlint.yaml", dir);
    snprintf(api, sizeof api, "%s/api", dir);
    snprintf(doc, sizeof doc, "%s/api/openapi.yaml", dir);
    snprintf(common, sizeof common, "%s/api/common.yaml", dir);
    cr_assert_eq(mkdir(api, 0700), 0);
    copy_file(HOSTILE_DIR "/refs/openapi.yaml", doc);
    copy_file(HOSTILE_DIR "/refs/common.yaml", common);
    FILE *f = fopen(cfg, "w");
    cr_assert_not_null(f);
    fputs("extends: [adr-2.1, future]\n"
          "rules:\n"
          "  nlgov:semver: warn\n"
          "  nlgov:paths-kebab-case: {severity: hint}\n"
          "overrides:\n"
          "  - files: ['api/openapi.yaml', 'legacy/**']\n"
          "    rules: {nlgov:property-casing: off}\n",
          f);
    fclose(f);
    adr_options o = options();
    o.config_path = cfg;
    adr_alloc_fail_after(0);
    adr_linter *L = NULL;
    cr_assert_eq(adr_linter_new(&L, &o), ADR_OK, "%s", adr_last_error());
    uint64_t total = adr_alloc_count();
    adr_result *r = NULL;
    cr_assert_eq(adr_linter_lint_file(L, doc, &r), ADR_OK);
    char *expected = render(r);
    adr_result_free(r);
    adr_linter_free(L);
    cr_assert_null(strstr(expected, "property-casing"), "the override applies:\n%s", expected);
    for (uint64_t i = 1; i <= 2 * total; i++) {
        const char *mode;
        uint64_t n = arm(i, total, &mode);
        L = NULL;
        int rc = adr_linter_new(&L, &o);
        adr_alloc_fail_after(0);
        if (rc != ADR_OK) {
            cr_assert_eq(rc, ADR_ENOMEM, "allocation %llu failed (%s), rc %d: %s",
                         (unsigned long long)n, mode, rc, adr_last_error());
            cr_assert_str_eq(adr_last_error(), "out of memory");
            cr_assert_null(L);
            continue;
        }
        /* A linter that was created must be the right one. */
        cr_assert_eq(adr_linter_lint_file(L, doc, &r), ADR_OK);
        char *got = render(r);
        cr_assert_str_eq(got, expected, "allocation %llu failed (%s), the linter differs",
                         (unsigned long long)n, mode);
        adr_xfree(got);
        adr_result_free(r);
        adr_linter_free(L);
    }
    cr_log_info("adr_linter_new: %llu allocations", (unsigned long long)total);
    adr_xfree(expected);
    unlink(doc);
    unlink(common);
    unlink(cfg);
    rmdir(api);
    rmdir(dir);
    check_no_leaks();
}

/* More allocations: a minified document (one line of 60 kB, so the UTF-16
 * column checkpoints are built) with 1,500 findings and $refs to 40 files. */
Test(oom, lint_of_a_generated_document_with_many_findings)
{
    char dir[] = "/tmp/adrlint-oom-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[128];
    adr_buf b;
    adr_buf_init(&b);
    adr_buf_puts(&b, "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1.0\"},"
                     "\"paths\":{},\"components\":{\"schemas\":{");
    for (int i = 0; i < 40; i++) {
        snprintf(path, sizeof path, "%s/s%d.json", dir, i);
        FILE *f = fopen(path, "w");
        cr_assert_not_null(f);
        fprintf(f, "{\"S\": {\"type\": \"object\", \"properties\": {\"Eigen_%d\": {}}}}\n", i);
        fclose(f);
        adr_buf_printf(&b, "\"R%d\":{\"$ref\":\"s%d.json#/S\"},", i, i);
    }
    adr_buf_puts(&b, "\"S\":{\"type\":\"object\",\"properties\":{");
    for (int i = 0; i < 1500; i++)
        adr_buf_printf(&b, "%s\"Prop_%d\":{}", i ? "," : "", i);
    adr_buf_puts(&b, "}}}}}");
    cr_assert(!b.oom);
    snprintf(path, sizeof path, "%s/openapi.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fwrite(b.data, 1, b.len, f);
    fclose(f);
    adr_buf_free(&b);
    adr_options o = options();
    adr_linter *L = NULL;
    cr_assert_eq(adr_linter_new(&L, &o), ADR_OK, "%s", adr_last_error());
    torture_lint(L, path);
    adr_linter_free(L);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}
