#define _POSIX_C_SOURCE 200809L
/* The plugin loader, through the public API: a good plugin loads and runs,
 * broken ones are refused with a message naming the file and the reason. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adrlint/adrlint.h"

static int make(const char *const *paths, size_t n, const char *config, adr_linter **out)
{
    adr_options o = ADR_OPTIONS_INIT;
    o.flags = ADR_OPTION_NO_DEFAULT_PLUGINS;
    o.plugin_paths = paths;
    o.plugin_path_count = n;
    o.config_path = config;
    return adr_linter_new(out, &o);
}

static void expect_refused(const char *file, const char *reason)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", TEST_PLUGIN_DIR, file);
    const char *paths[] = {path};
    adr_linter *l = (adr_linter *)1;
    int rc = make(paths, 1, NULL, &l);
    cr_assert_eq(rc, ADR_EPLUGIN, "%s: rc %d (%s)", file, rc, adr_last_error());
    cr_assert_null(l, "a failed adr_linter_new leaves *out NULL");
    const char *msg = adr_last_error();
    cr_assert(strstr(msg, path) != NULL, "message names the file: %s", msg);
    cr_assert(strstr(msg, reason) != NULL, "message gives the reason '%s': %s", reason, msg);
}

Test(loader, good_plugin_loads_and_runs)
{
    char cfg[] = "/tmp/adrlint-loader-XXXXXX";
    int fd = mkstemp(cfg);
    cr_assert_geq(fd, 0);
    const char *text = "rules:\n  test:good: warn\n";
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    const char *paths[] = {TEST_PLUGIN_DIR "/good.so"};
    adr_linter *l;
    cr_assert_eq(make(paths, 1, cfg, &l), ADR_OK, "%s", adr_last_error());
    const adr_rule_info *r = adr_linter_rule_find(l, "test:good");
    cr_assert_not_null(r);
    cr_assert_str_eq(r->plugin, "test-good");
    cr_assert_eq(r->severity, ADR_SEVERITY_WARN);
    adr_result *res;
    cr_assert_eq(adr_linter_lint_buffer(l, "openapi: 3.0.3\n", 15, "x.yaml", &res), ADR_OK);
    cr_assert_eq(adr_result_count(res), 1);
    cr_assert_str_eq(adr_result_get(res, 0)->code, "test:good");
    cr_assert_str_eq(adr_result_get(res, 0)->message, "test plugin saw the document");
    adr_result_free(res);
    adr_linter_free(l);
    unlink(cfg);
}

Test(loader, missing_entry_symbol)
{
    expect_refused("no_symbol.so", "no symbol adr_plugin_v1");
}

Test(loader, wrong_abi_major)
{
    expect_refused("wrong_major.so", "plugin ABI major 2 is not supported (host speaks 1.");
}

Test(loader, newer_abi_minor)
{
    expect_refused("newer_minor.so", "needs plugin ABI 1.99");
}

Test(loader, entry_point_refuses)
{
    expect_refused("refuses.so", "returned NULL");
}

Test(loader, pattern_that_does_not_compile)
{
    expect_refused("bad_pattern.so", "rule 'test:bad-pattern' pattern 0:");
}

Test(loader, not_a_shared_object)
{
    expect_refused("not-a-library.so", "cannot load");
}

Test(loader, duplicate_rule_code)
{
    const char *paths[] = {PLUGIN_DIR "/versioning.so", TEST_PLUGIN_DIR "/duplicate_code.so"};
    adr_linter *l;
    cr_assert_eq(make(paths, 2, NULL, &l), ADR_EPLUGIN);
    const char *msg = adr_last_error();
    cr_assert(strstr(msg, "rule 'nlgov:semver' is already defined by") != NULL, "%s", msg);
    cr_assert(strstr(msg, "duplicate_code.so") != NULL, "%s", msg);
}

Test(loader, no_plugins_at_all)
{
    adr_linter *l;
    cr_assert_eq(make(NULL, 0, NULL, &l), ADR_EPLUGIN);
    cr_assert(strstr(adr_last_error(), "no rule plugins found") != NULL, "%s", adr_last_error());
}

Test(loader, environment_path_replaces_default)
{
    setenv("ADRLINT_PLUGIN_PATH", TEST_PLUGIN_DIR "/good.so", 1);
    adr_linter *l;
    int rc = adr_linter_new(&l, NULL);
    unsetenv("ADRLINT_PLUGIN_PATH");
    cr_assert_eq(rc, ADR_OK, "%s", adr_last_error());
    cr_assert_not_null(adr_linter_rule_find(l, "test:good"));
    cr_assert_null(adr_linter_rule_find(l, "nlgov:semver"), "the default directory was not read");
    adr_linter_free(l);
}

Test(loader, options_version_is_checked)
{
    adr_options o = ADR_OPTIONS_INIT;
    o.version = 99;
    adr_linter *l;
    cr_assert_eq(adr_linter_new(&l, &o), ADR_EVERSION);
    cr_assert(strstr(adr_last_error(), "invalid version 99") != NULL);
    cr_assert_eq(adr_options_init(&o, 99), ADR_EVERSION);
}

Test(loader, default_directory_beside_the_library)
{
    adr_linter *l;
    cr_assert_eq(adr_linter_new(&l, NULL), ADR_OK, "%s", adr_last_error());
    const adr_rule_info *r = adr_linter_rule_find(l, "semver");
    cr_assert_not_null(r, "aliases find rules");
    cr_assert_str_eq(r->code, "nlgov:semver");
    cr_assert_str_eq(r->plugin, "versioning");
    cr_assert_str_eq(adr_linter_profile(l), "adr-2.0");
    adr_linter_free(l);
}

Test(loader, cooperation_functions_of_abi_1_2)
{
    char cfg[] = "/tmp/adrlint-coop-XXXXXX";
    int fd = mkstemp(cfg);
    cr_assert_geq(fd, 0);
    const char *text =
        "extends: adr-2.0\nrules:\n  test:coop-first: info\n  test:coop-second: info\n";
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    const char *paths[] = {PLUGIN_DIR "/versioning.so", TEST_PLUGIN_DIR "/coop.so"};
    adr_linter *l;
    cr_assert_eq(make(paths, 2, cfg, &l), ADR_OK, "%s", adr_last_error());
    const char *doc = "openapi: 3.0.3\nx-test: {pattern: '^\\d{4}-[a-z]+$', value: 2024-abc}\n";
    adr_result *res;
    cr_assert_eq(adr_linter_lint_buffer(l, doc, strlen(doc), "x.yaml", &res), ADR_OK);
    const adr_diagnostic *d = NULL;
    for (size_t i = 0; i < adr_result_count(res); i++)
        if (strcmp(adr_result_get(res, i)->code, "test:coop-second") == 0)
            d = adr_result_get(res, i);
    cr_assert_not_null(d);
    /* Both rules counted in one block; the alias finds nlgov:semver. */
    cr_assert_str_eq(d->message, "shared visits 2, semver error, off-rule off, pattern 1");
    adr_result_free(res);
    adr_linter_free(l);
    unlink(cfg);
}
