/* The library calls behind the CLI, from C as a binding would make them:
 * old struct versions still accepted, rule settings, ignore files and what
 * a result says about them, formats by name, failures-only output. Run
 * with the directory of the test documents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adrlint/adrlint.h"

static int failures;

#define CHECK(cond)                                                                            \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "%s:%d: failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond, \
                    adr_last_error());                                                         \
            failures++;                                                                        \
        }                                                                                      \
    } while (0)

static size_t count_code(const adr_result *r, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < adr_result_count(r); i++)
        if (strcmp(adr_result_get(r, i)->code, code) == 0) n++;
    return n;
}

/* A version 1 caller knows nothing of the fields after max_ref_files:
 * whatever lies there must not be read. */
static void old_options_version(void)
{
    adr_options o;
    memset(&o, 0xA5, sizeof o);
    CHECK(adr_options_init(&o, 1) == ADR_OK);
    o.ignore_file = "/nonexistent/ignore.yaml";
    o.rule_settings = (const adr_rule_setting *)&o;
    o.rule_setting_count = 99;
    o.version = 1;
    adr_linter *L = NULL;
    CHECK(adr_linter_new(&L, &o) == ADR_OK);
    CHECK(L && adr_linter_ignore_file(L) == NULL);
    adr_linter_free(L);
    CHECK(adr_options_init(&o, 3) == ADR_EVERSION);
    o.version = 3;
    CHECK(adr_linter_new(&L, &o) == ADR_EVERSION && L == NULL);
}

static void rule_settings(void)
{
    adr_rule_setting off[] = {{"nlgov:semver", ADR_SEVERITY_OFF},
                              {"nlgov:missing-header", ADR_SEVERITY_HINT}};
    adr_options o = ADR_OPTIONS_INIT;
    o.rule_settings = off;
    o.rule_setting_count = 2;
    adr_linter *L = NULL;
    CHECK(adr_linter_new(&L, &o) == ADR_OK);
    adr_result *r = NULL;
    CHECK(adr_linter_lint_file(L, "findings.yaml", &r) == ADR_OK);
    CHECK(count_code(r, "nlgov:semver") == 0);
    CHECK(count_code(r, "nlgov:missing-header") == 1);
    CHECK(adr_result_get(r, 0)->severity == ADR_SEVERITY_HINT);
    CHECK(adr_linter_rule_find(L, "nlgov:semver")->severity == ADR_SEVERITY_OFF);
    adr_result_free(r);
    adr_linter_free(L);

    adr_rule_setting bad[] = {{"nlgov:no-such-rule", ADR_SEVERITY_OFF}};
    o.rule_settings = bad;
    o.rule_setting_count = 1;
    CHECK(adr_linter_new(&L, &o) == ADR_ENOTFOUND && L == NULL);
    CHECK(strstr(adr_last_error(), "nlgov:no-such-rule") != NULL);
}

static void ignore_file(void)
{
    FILE *f = fopen("api-ignore.yaml", "w");
    CHECK(f != NULL);
    fputs("findings.yaml:\n"
          "  nlgov:semver:\n"
          "    - '#/info/version'\n"
          "  nlgov:missing-header:\n"
          "    - '#/paths/~1dingen/get/responses/200'\n"
          "    - '#/paths/~1nowhere'\n"
          "other.yaml:\n"
          "  nlgov:semver: ['#/info/version']\n",
          f);
    fclose(f);
    adr_options o = ADR_OPTIONS_INIT;
    o.ignore_file = "api-ignore.yaml";
    adr_linter *L = NULL;
    CHECK(adr_linter_new(&L, &o) == ADR_OK);
    CHECK(adr_linter_ignore_count(L) == 4);
    const adr_ignore_entry *e = adr_linter_ignore_get(L, 2);
    CHECK(strcmp(e->file, "findings.yaml") == 0 && strcmp(e->pointer, "#/paths/~1nowhere") == 0);
    CHECK(e->position.line == 5 && e->position.column == 6);
    CHECK(adr_linter_ignore_get(L, 4) == NULL);
    adr_result *r = NULL;
    CHECK(adr_linter_lint_file(L, "findings.yaml", &r) == ADR_OK);
    CHECK(adr_result_count(r) == 1);
    CHECK(strcmp(adr_result_get(r, 0)->code, "unresolved-ref") == 0);
    CHECK(adr_result_suppressed_count(r) == 2);
    CHECK(strcmp(adr_result_suppressed_get(r, 0)->code, "nlgov:semver") == 0);
    CHECK(adr_result_suppressed_get(r, 2) == NULL);
    CHECK(adr_result_ignore_use(r, 0) == ADR_IGNORE_USED);
    CHECK(adr_result_ignore_use(r, 1) == ADR_IGNORE_USED);
    CHECK(adr_result_ignore_use(r, 2) == ADR_IGNORE_UNUSED);
    CHECK(adr_result_ignore_use(r, 3) == ADR_IGNORE_NOT_APPLICABLE);
    CHECK(adr_result_ignore_use(r, 4) == ADR_IGNORE_NOT_APPLICABLE);
    CHECK(adr_result_file_count(r) == 1);
    CHECK(adr_result_file(r, 0)[0] == '/' && strstr(adr_result_file(r, 0), "/findings.yaml"));
    CHECK(adr_result_file(r, 1) == NULL);

    /* The ignore-file format keeps the entry of the file not linted and
     * rewrites those of the linted one from what still occurs. */
    const adr_linter *ls[] = {L};
    adr_write_options wo = ADR_WRITE_OPTIONS_INIT;
    wo.format = "ignore-file";
    wo.linters = ls;
    wo.linter_count = 1;
    char *text = NULL;
    CHECK(adr_result_write((const adr_result *const *)&r, 1, &wo, &text, NULL) == ADR_OK);
    CHECK(text && strstr(text, "'other.yaml':\n  'nlgov:semver':\n    - '#/info/version'\n"));
    CHECK(text && strstr(text, "'#/paths/~1dingen/get/responses/200'"));
    CHECK(text && strstr(text, "unresolved-ref"));
    CHECK(text && !strstr(text, "nowhere"));
    adr_free(text);
    adr_result_free(r);
    adr_linter_free(L);

    /* "" means none, even when a configuration names one. */
    o.ignore_file = "";
    CHECK(adr_linter_new(&L, &o) == ADR_OK);
    CHECK(adr_linter_ignore_file(L) == NULL && adr_linter_ignore_count(L) == 0);
    adr_linter_free(L);

    f = fopen("api-ignore.yaml", "w");
    fputs("findings.yaml:\n  nlgov:no-such-rule: ['#/info']\n", f);
    fclose(f);
    o.ignore_file = "api-ignore.yaml";
    CHECK(adr_linter_new(&L, &o) == ADR_ECONFIG);
    CHECK(strstr(adr_last_error(), "api-ignore.yaml:2:3: unknown rule 'nlgov:no-such-rule'"));
    f = fopen("api-ignore.yaml", "w");
    fputs("findings.yaml:\n  nlgov:semver: ['info/version']\n", f);
    fclose(f);
    CHECK(adr_linter_new(&L, &o) == ADR_ECONFIG);
    CHECK(strstr(adr_last_error(), "api-ignore.yaml:2:18: 'info/version' is not a JSON pointer"));
    unlink("api-ignore.yaml");
}

static void formats(void)
{
    static const char *const names[] = {"stylish", "text",     "json",
                                        "sarif",   "junit",    "github-actions",
                                        "gitlab",  "markdown", "ignore-file"};
    CHECK(adr_format_count() == sizeof names / sizeof names[0]);
    for (size_t i = 0; i < adr_format_count(); i++)
        CHECK(strcmp(adr_format_name(i), names[i]) == 0);
    CHECK(adr_format_name(adr_format_count()) == NULL);

    adr_linter *L = NULL;
    CHECK(adr_linter_new(&L, NULL) == ADR_OK);
    adr_result *r = NULL;
    CHECK(adr_linter_lint_file(L, "findings.yaml", &r) == ADR_OK);
    /* A version 1 struct: format, fail_severity and color only. */
    struct {
        unsigned int version;
        const char *format;
        adr_severity fail_severity;
        int color;
    } v1 = {1, "text", ADR_SEVERITY_ERROR, 0};
    char *text = NULL;
    size_t len = 0;
    CHECK(adr_result_write((const adr_result *const *)&r, 1, (const adr_write_options *)&v1, &text,
                           &len) == ADR_OK);
    CHECK(text && len == strlen(text) && strstr(text, "findings.yaml:23:23 information"));
    adr_free(text);
    adr_write_options wo = ADR_WRITE_OPTIONS_INIT;
    wo.format = "text";
    wo.flags = ADR_WRITE_ONLY_FAILURES;
    CHECK(adr_result_write((const adr_result *const *)&r, 1, &wo, &text, NULL) == ADR_OK);
    CHECK(text && !strstr(text, "information") && strstr(text, "nlgov:semver"));
    adr_free(text);
    wo.format = "checkstyle";
    CHECK(adr_result_write((const adr_result *const *)&r, 1, &wo, &text, NULL) == ADR_ENOTFOUND);
    CHECK(text == NULL);
    wo.version = 9;
    wo.format = "text";
    CHECK(adr_result_write((const adr_result *const *)&r, 1, &wo, &text, NULL) == ADR_EVERSION);
    adr_result_free(r);
    adr_linter_free(L);
}

int main(int argc, char **argv)
{
    if (argc != 2 || chdir(argv[1]) != 0) {
        fprintf(stderr, "usage: %s DATA_DIR\n", argv[0]);
        return 2;
    }
    old_options_version();
    rule_settings();
    ignore_file();
    formats();
    if (failures) fprintf(stderr, "%d checks failed\n", failures);
    return failures ? 1 : 0;
}
