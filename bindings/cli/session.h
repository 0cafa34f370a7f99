/* What lint and baseline share: the options that pick configurations and
 * rules, one linter per distinct configuration, and linting the files on
 * N threads with results kept in argument order. */
#ifndef ADRLINT_CLI_SESSION_H
#define ADRLINT_CLI_SESSION_H

#include "cli.h"

typedef struct session_linter {
    char *config; /* absolute path, or NULL: no configuration */
    adr_linter *linter;
} session_linter;

typedef struct session {
    /* Options. */
    const char *ruleset;
    const char *profile;
    const char *ignore_file; /* NULL: the configuration's; "": none */
    const char *stdin_path;
    const char **skip;
    size_t nskip;
    bool allow_plugins, quiet, verbose;
    long jobs;
    /* Operands. */
    const char **files;
    size_t nfiles;
    /* Linters, one per configuration, created before linting starts. */
    session_linter *linters;
    size_t nlinters;
    /* Per file: its linter (SIZE_MAX when none could be made), its result
     * or the message of its failure. */
    size_t *file_linter;
    adr_result **results;
    char **errors;
    bool trouble; /* something was reported on stderr: exit 2 */
} session;

/* Parses the options shared by lint and baseline; returns true when arg
 * was one of them (and it is stored), sets *bad on an invalid value. */
enum {
    OPT_RULESET = 1000,
    OPT_PROFILE,
    OPT_SKIP_RULE,
    OPT_STDIN_FILEPATH,
    OPT_JOBS,
    OPT_ALLOW_PLUGINS,
    OPT_QUIET,
    OPT_VERBOSE,
    OPT_HELP
};
bool session_option(session *s, int id, const char *arg, bool *bad);

/* Allocates the per-file arrays for the operands collected in s->files. */
bool session_start(session *s);

/* Makes the linters (reporting failures), lints every file, reports the
 * files that failed. Sets s->trouble when anything went wrong. */
void session_run(session *s);

/* The distinct linters, for adr_write_options.linters; free with free(). */
const adr_linter **session_linter_list(const session *s, size_t *n);

/* The results that exist, in argument order; free with free(). */
const adr_result **session_result_list(const session *s, size_t *n);

void session_free(session *s);

#endif
