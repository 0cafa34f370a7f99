/* Command-line parsing for the subcommands (see cli.h). */
#include "cli.h"

#include <string.h>

void cli_parser_init(cli_parser *p, int argc, char **argv, const cli_opt *opts, size_t nopts)
{
    memset(p, 0, sizeof *p);
    p->argc = argc;
    p->argv = argv;
    p->i = 1;
    p->opts = opts;
    p->nopts = nopts;
}

static const cli_opt *find_long(const cli_parser *p, const char *name, size_t len)
{
    for (size_t i = 0; i < p->nopts; i++)
        if (p->opts[i].long_name && strlen(p->opts[i].long_name) == len &&
            memcmp(p->opts[i].long_name, name, len) == 0)
            return &p->opts[i];
    return NULL;
}

static const cli_opt *find_short(const cli_parser *p, char c)
{
    for (size_t i = 0; i < p->nopts; i++)
        if (p->opts[i].short_name == c) return &p->opts[i];
    return NULL;
}

/* The value of an option: the rest of the argument, or the next one. */
static int take_value(cli_parser *p, const cli_opt *o, const char *attached)
{
    if (attached) {
        p->arg = attached;
        return o->id;
    }
    if (p->i >= p->argc) {
        cli_error("option %s needs a value", p->name);
        return CLI_BAD;
    }
    p->arg = p->argv[p->i++];
    return o->id;
}

static int next_short(cli_parser *p)
{
    static char name[3] = "-?";
    char c = *p->short_rest++;
    name[1] = c;
    p->name = name;
    const cli_opt *o = find_short(p, c);
    if (!o) {
        cli_error("unknown option '-%c'", c);
        return CLI_BAD;
    }
    const char *rest = *p->short_rest ? p->short_rest : NULL;
    if (!o->has_arg) {
        if (!rest) p->short_rest = NULL;
        return o->id;
    }
    p->short_rest = NULL;
    /* Spectral's "-o.<format> FILE". */
    if (rest && rest[0] == '.' && o->long_name) {
        size_t n = strlen(o->long_name);
        char longdot[64];
        if (n + 2 <= sizeof longdot) {
            memcpy(longdot, o->long_name, n);
            longdot[n] = '.';
            const cli_opt *dotted = find_long(p, longdot, n + 1);
            if (dotted) {
                if (!rest[1]) {
                    cli_error("option -%c. needs a format name", c);
                    return CLI_BAD;
                }
                p->suffix = rest + 1;
                p->suffix_len = strlen(rest + 1);
                return take_value(p, dotted, NULL);
            }
        }
    }
    return take_value(p, o, rest);
}

int cli_next(cli_parser *p)
{
    p->arg = p->suffix = NULL;
    p->suffix_len = 0;
    if (p->short_rest) return next_short(p);
    if (p->i >= p->argc) return CLI_END;
    const char *a = p->argv[p->i++];
    p->name = a;
    if (p->only_operands || a[0] != '-' || strcmp(a, "-") == 0) {
        p->arg = a;
        return CLI_OPERAND;
    }
    if (strcmp(a, "--") == 0) {
        p->only_operands = true;
        return cli_next(p);
    }
    if (a[1] != '-') {
        p->short_rest = a + 1;
        return next_short(p);
    }
    const char *name = a + 2;
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    const cli_opt *o = find_long(p, name, len);
    if (!o) {
        /* "--output.json": the option "output." with a suffix. */
        const char *dot = memchr(name, '.', len);
        if (dot) {
            o = find_long(p, name, (size_t)(dot - name) + 1);
            if (o && dot + 1 < name + len) {
                p->suffix = dot + 1;
                p->suffix_len = (size_t)(name + len - dot - 1);
            } else {
                o = NULL;
            }
        }
    }
    if (!o) {
        cli_error("unknown option '%.*s'", (int)(len + 2), a);
        return CLI_BAD;
    }
    if (!o->has_arg) {
        if (eq) {
            cli_error("option --%s takes no value", o->long_name);
            return CLI_BAD;
        }
        return o->id;
    }
    return take_value(p, o, eq ? eq + 1 : NULL);
}
