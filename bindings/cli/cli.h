/* The adrlint command. It uses only the public headers. */
#ifndef ADRLINT_CLI_H
#define ADRLINT_CLI_H

#include <stdio.h>

#include "adrlint/adrlint.h"

/* Exit codes, as Spectral, ESLint and ruff use them. */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

int cmd_lint(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_docs(int argc, char **argv);

/* Prints "adrlint: <message>" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
