/* The adrlint command. It uses only the public headers. */
#ifndef ADRLINT_CLI_H
#define ADRLINT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "adrlint/adrlint.h"

/* Exit codes, as Spectral, ESLint and ruff use them. */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

#define ADR_ARRAY_LEN_CLI(a) (sizeof(a) / sizeof((a)[0]))

int cmd_lint(int argc, char **argv);
int cmd_baseline(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_docs(int argc, char **argv);
int cmd_lsp(int argc, char **argv);

/* Prints "adrlint: <message>" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The --help texts: the one source of the options, which docs/gen-man.py
 * turns into the man page's OPTIONS sections. */
extern const char cli_help_main[];
extern const char cli_help_lint[];
extern const char cli_help_baseline[];
extern const char cli_help_rules[];
extern const char cli_help_explain[];
extern const char cli_help_docs[];
extern const char cli_help_lsp[];

/* Command-line parsing, getopt_long-like but for Spectral's forms too:
 * "--name value", "--name=value", "-x value", "-xvalue", bundled short
 * flags ("-qD"), "--output.json FILE" and "-o.json FILE", "--" and "-". */
typedef struct cli_opt {
    char short_name;       /* 0: none */
    const char *long_name; /* without "--" */
    bool has_arg;
    int id;
} cli_opt;

typedef struct cli_parser {
    int argc;
    char **argv;
    int i;                  /* next argv index */
    const char *short_rest; /* inside bundled short options */
    bool only_operands;
    const cli_opt *opts;
    size_t nopts;
    /* Results of the last cli_next(): */
    const char *arg;    /* the option's value, or the operand */
    const char *suffix; /* "json" of --output.json (suffix_len bytes), else NULL */
    size_t suffix_len;
    const char *name; /* the option as written, for messages */
} cli_parser;

enum { CLI_END = -1, CLI_OPERAND = -2, CLI_BAD = -3 };

void cli_parser_init(cli_parser *p, int argc, char **argv, const cli_opt *opts, size_t nopts);
/* Returns an option id, CLI_OPERAND (p->arg is the operand), CLI_END, or
 * CLI_BAD (an error was printed). Options with has_arg and suffix: the id
 * of the option whose long name ends in "." (e.g. "output."). */
int cli_next(cli_parser *p);

#endif
