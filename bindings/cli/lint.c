/* adrlint lint */
#include "cli.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void lint_usage(FILE *f)
{
    fputs("Usage: adrlint lint [options] FILE...\n"
          "\n"
          "Lints OpenAPI documents; \"-\" reads standard input.\n"
          "\n"
          "Options:\n"
          "  --profile NAME          adr-2.0 (default), adr-2.1, adr-2.2; add \",future\" to see\n"
          "                          the next version's errors as warnings\n"
          "  -f, --format FORMAT     stylish (default) or json\n"
          "  -F, --fail-severity S   exit 1 on findings of S or worse: error (default), warn,\n"
          "                          info, hint\n"
          "  -q, --quiet             no \"No results\" line\n"
          "  -h, --help              show this help\n"
          "\n"
          "Exit status: 0 no findings at or above the fail severity, 1 there are, 2 usage,\n"
          "input, configuration or plugin error.\n",
          f);
}

static const char *arg_value(int argc, char **argv, int *i, const char *name)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) == 0 && a[n] == '=') return a + n + 1;
    if (*i + 1 >= argc) {
        cli_error("%s needs a value", name);
        return NULL;
    }
    return argv[++*i];
}

static bool is_opt(const char *a, const char *shrt, const char *lng)
{
    size_t n = strlen(lng);
    return (shrt && strcmp(a, shrt) == 0) || strcmp(a, lng) == 0 ||
           (strncmp(a, lng, n) == 0 && a[n] == '=');
}

int cmd_lint(int argc, char **argv)
{
    const char *profile = NULL, *format = "stylish";
    adr_severity fail = ADR_SEVERITY_ERROR;
    bool quiet = false;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files) return EXIT_TROUBLE;
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            files[nfiles++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_files = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            lint_usage(stdout);
            free(files);
            return EXIT_CLEAN;
        } else if (is_opt(a, NULL, "--profile")) {
            if (!(profile = arg_value(argc, argv, &i, "--profile"))) goto usage;
        } else if (is_opt(a, "-f", "--format")) {
            if (!(format = arg_value(argc, argv, &i, strcmp(a, "-f") == 0 ? "-f" : "--format")))
                goto usage;
        } else if (is_opt(a, "-F", "--fail-severity")) {
            const char *s = arg_value(argc, argv, &i, "--fail-severity");
            if (!s || adr_severity_parse(s, &fail) != ADR_OK || fail == ADR_SEVERITY_OFF) {
                cli_error("--fail-severity takes error, warn, info or hint");
                goto usage;
            }
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            quiet = true;
        } else {
            cli_error("unknown option '%s'", a);
            goto usage;
        }
    }
    if (nfiles == 0) {
        if (isatty(0)) {
            cli_error("no documents given");
            goto usage;
        }
        files[nfiles++] = "-";
    }
    if (strcmp(format, "stylish") != 0 && strcmp(format, "json") != 0) {
        cli_error("unknown format '%s' (stylish, json)", format);
        goto usage;
    }

    adr_options opts = ADR_OPTIONS_INIT;
    opts.profile = profile;
    adr_linter *linter;
    if (adr_linter_new(&linter, &opts) != ADR_OK) {
        cli_error("%s", adr_last_error());
        free(files);
        return EXIT_TROUBLE;
    }
    adr_result **results = calloc(nfiles, sizeof *results);
    size_t nres = 0;
    int status = EXIT_CLEAN;
    for (size_t i = 0; results && i < nfiles; i++) {
        adr_result *r = NULL;
        int rc = strcmp(files[i], "-") == 0 ? adr_linter_lint_fd(linter, 0, "<stdin>", &r)
                                             : adr_linter_lint_file(linter, files[i], &r);
        if (rc != ADR_OK) {
            cli_error("%s", adr_last_error());
            status = EXIT_TROUBLE;
            continue;
        }
        results[nres++] = r;
    }
    size_t total = 0;
    bool failing = false;
    for (size_t i = 0; i < nres; i++) {
        for (size_t k = 0; k < adr_result_count(results[i]); k++) {
            const adr_diagnostic *d = adr_result_get(results[i], k);
            total++;
            if (d->severity <= fail) failing = true;
        }
    }
    adr_write_options wo = ADR_WRITE_OPTIONS_INIT;
    wo.format = format;
    wo.fail_severity = fail;
    char *text = NULL;
    size_t len = 0;
    if (adr_result_write((const adr_result *const *)results, nres, &wo, &text, &len) == ADR_OK) {
        fwrite(text, 1, len, stdout);
        if (strcmp(format, "json") == 0) fputc('\n', stdout);
        adr_free(text);
    } else {
        cli_error("%s", adr_last_error());
        status = EXIT_TROUBLE;
    }
    if (total == 0 && !quiet && strcmp(format, "stylish") == 0 && status == EXIT_CLEAN)
        printf("No results with a severity of '%s' %sfound!\n", adr_severity_name(fail),
               fail == ADR_SEVERITY_ERROR ? "" : "or higher ");
    if (status == EXIT_CLEAN && failing) status = EXIT_FINDINGS;
    for (size_t i = 0; i < nres; i++) adr_result_free(results[i]);
    free(results);
    adr_linter_free(linter);
    free(files);
    return status;
usage:
    free(files);
    fputs("Run 'adrlint lint --help' for usage.\n", stderr);
    return EXIT_TROUBLE;
}
