/* adrlint rules */
#include "session.h"

#include <string.h>

static const cli_opt rules_opts[] = {
    {'r', "ruleset", true, OPT_RULESET},
    {0, "profile", true, OPT_PROFILE},
    {0, "allow-plugins", false, OPT_ALLOW_PLUGINS},
    {'h', "help", false, OPT_HELP},
};

int cmd_rules(int argc, char **argv)
{
    adr_options opts = ADR_OPTIONS_INIT;
    cli_parser p;
    cli_parser_init(&p, argc, argv, rules_opts, ADR_ARRAY_LEN_CLI(rules_opts));
    int id;
    while ((id = cli_next(&p)) != CLI_END) {
        switch (id) {
        case OPT_RULESET: opts.config_path = p.arg; break;
        case OPT_PROFILE: opts.profile = p.arg; break;
        case OPT_ALLOW_PLUGINS: opts.flags |= ADR_OPTION_ALLOW_PLUGINS; break;
        case OPT_HELP: fputs(cli_help_rules, stdout); return EXIT_CLEAN;
        case CLI_OPERAND: cli_error("unexpected argument '%s'", p.arg); /* fall through */
        default: fputs("Run 'adrlint rules --help' for usage.\n", stderr); return EXIT_TROUBLE;
        }
    }
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
        printf("%-*s  %-5s  %-*s  %s\n", (int)w, r->code, adr_severity_name(r->severity), (int)wid,
               r->rule_id[0] ? r->rule_id : "-", r->title);
    }
    adr_linter_free(linter);
    return EXIT_CLEAN;
}
