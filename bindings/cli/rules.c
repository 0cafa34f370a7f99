/* adrlint rules */
#include "cli.h"

#include <string.h>

int cmd_rules(int argc, char **argv)
{
    const char *profile = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--profile") == 0 && i + 1 < argc) {
            profile = argv[++i];
        } else if (strncmp(argv[i], "--profile=", 10) == 0) {
            profile = argv[i] + 10;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            puts("Usage: adrlint rules [--profile NAME]\n\n"
                 "Lists every rule: code, severity in the profile, ADR rule and title.");
            return EXIT_CLEAN;
        } else {
            cli_error("unknown option '%s'", argv[i]);
            return EXIT_TROUBLE;
        }
    }
    adr_options opts = ADR_OPTIONS_INIT;
    opts.profile = profile;
    adr_linter *linter;
    if (adr_linter_new(&linter, &opts) != ADR_OK) {
        cli_error("%s", adr_last_error());
        return EXIT_TROUBLE;
    }
    size_t w = 0, wid = 1;
    for (size_t i = 0; i < adr_linter_rule_count(linter); i++) {
        size_t n = strlen(adr_linter_rule(linter, i)->code);
        size_t m = strlen(adr_linter_rule(linter, i)->rule_id);
        if (n > w) w = n;
        if (m > wid) wid = m;
    }
    printf("Profile %s\n\n", adr_linter_profile(linter));
    for (size_t i = 0; i < adr_linter_rule_count(linter); i++) {
        const adr_rule_info *r = adr_linter_rule(linter, i);
        printf("%-*s  %-5s  %-*s  %s\n", (int)w, r->code, adr_severity_name(r->severity),
               (int)wid, r->rule_id[0] ? r->rule_id : "-", r->title);
    }
    adr_linter_free(linter);
    return EXIT_CLEAN;
}
