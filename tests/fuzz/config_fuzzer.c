/* Fuzzes configuration files: the input is written to .adrlint.yaml in the
 * workspace and loaded through adr_options.config_path (extends, rules,
 * overrides). A configuration either loads, and then lints files whose
 * names the override globs are matched against, or fails with
 * ADR_ECONFIG and a message that names the file, line and column. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include <ctype.h>

#include "adrlint/adrlint.h"

static adr_linter *keeper;
static char config[128];

/* Names the override globs are matched against; the last one gives
 * backtracking globs ("*a*a*a*b") room to go exponential. */
static const char *const names[] = {
    "openapi.yaml",
    "apis/v1/legacy/openapi.json",
    ("a/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"
     "aaaaaaaaaaaaaaaaaaaaaa.yaml"),
};

static void free_keeper(void)
{
    adr_linter_free(keeper);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_path(".adrlint.yaml", config, sizeof config);
    /* Holding one linter keeps the plugins loaded, so each input costs a
     * dlopen reference instead of a fresh load. */
    FUZZ_CHECK(adr_linter_new(&keeper, NULL) == ADR_OK, "%s", adr_last_error());
    atexit(free_keeper);
    return 0;
}

/* "PATH:LINE:COLUMN: message" with a positive line and column. */
static void check_message(const char *msg)
{
    size_t n = strlen(config);
    FUZZ_CHECK(strncmp(msg, config, n) == 0 && msg[n] == ':', "error without the file: %s", msg);
    const char *p = msg + n + 1;
    for (int field = 0; field < 2; field++) {
        FUZZ_CHECK(isdigit((unsigned char)*p) && *p != '0', "error without a position: %s", msg);
        while (isdigit((unsigned char)*p))
            p++;
        FUZZ_CHECK(*p == ':', "error without a position: %s", msg);
        p++;
    }
    FUZZ_CHECK(p[0] == ' ' && p[1], "error without a message: %s", msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(config, data, size);
    adr_options o = ADR_OPTIONS_INIT;
    o.config_path = config;
    o.root_dir = fuzz_workspace();
    adr_linter *L = NULL;
    int rc = adr_linter_new(&L, &o);
    if (rc != ADR_OK) {
        /* A plugin a configuration names is refused (ADR_EPLUGIN) or fails
         * to load; both, like every configuration error, have a position. */
        FUZZ_CHECK((rc == ADR_ECONFIG || rc == ADR_EPLUGIN) && L == NULL,
                   "adr_linter_new returned %d: %s", rc, adr_last_error());
        check_message(adr_last_error());
        return 0;
    }
    FUZZ_CHECK(adr_linter_profile(L) != NULL, "no profile");
    for (size_t i = 0; i < adr_linter_rule_count(L); i++) {
        const adr_rule_info *ri = adr_linter_rule(L, i);
        FUZZ_CHECK(ri && ri->severity >= ADR_SEVERITY_OFF && ri->severity <= ADR_SEVERITY_HINT,
                   "rule %zu severity", i);
    }
    static const char doc[] = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[256];
        adr_result *r = NULL;
        rc = adr_linter_lint_buffer(L, doc, sizeof doc - 1, fuzz_path(names[i], path, sizeof path),
                                    &r);
        FUZZ_CHECK(rc == ADR_OK, "lint returned %d: %s", rc, adr_last_error());
        adr_result_free(r);
    }
    adr_linter_free(L);
    return 0;
}
