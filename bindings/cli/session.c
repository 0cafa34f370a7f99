/* Linting many files: configuration discovery per file, one linter per
 * distinct configuration (a monorepo can hold several), and a pool of
 * threads sharing those linters (adr_linter is thread-safe). Results are
 * stored by argument index, so the output does not depend on which thread
 * finished first. */
#include "session.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool session_option(session *s, int id, const char *arg, bool *bad)
{
    switch (id) {
    case OPT_RULESET: s->ruleset = arg; return true;
    case OPT_PROFILE: s->profile = arg; return true;
    case OPT_STDIN_FILEPATH: s->stdin_path = arg; return true;
    case OPT_ALLOW_PLUGINS: s->allow_plugins = true; return true;
    case OPT_QUIET: s->quiet = true; return true;
    case OPT_VERBOSE: s->verbose = true; return true;
    case OPT_SKIP_RULE: {
        const char **n = realloc(s->skip, (s->nskip + 1) * sizeof *n);
        if (!n) {
            *bad = true;
            return true;
        }
        s->skip = n;
        s->skip[s->nskip++] = arg;
        return true;
    }
    case OPT_JOBS: {
        char *end;
        errno = 0;
        long j = strtol(arg, &end, 10);
        if (errno || *end || end == arg || j < 1 || j > 256) {
            cli_error("--jobs takes a number from 1 to 256, not '%s'", arg);
            *bad = true;
        }
        s->jobs = j;
        return true;
    }
    default: return false;
    }
}

bool session_start(session *s)
{
    size_t n = s->nfiles ? s->nfiles : 1;
    s->file_linter = calloc(n, sizeof *s->file_linter);
    s->results = calloc(n, sizeof *s->results);
    s->errors = calloc(n, sizeof *s->errors);
    return s->file_linter && s->results && s->errors;
}

static bool is_stdin(const char *f)
{
    return strcmp(f, "-") == 0;
}

/* The linter for a configuration (NULL: none), made on first use. */
static size_t linter_for(session *s, const char *config)
{
    for (size_t i = 0; i < s->nlinters; i++) {
        const char *c = s->linters[i].config;
        if ((!c && !config) || (c && config && strcmp(c, config) == 0))
            return s->linters[i].linter ? i : SIZE_MAX;
    }
    session_linter *nl = realloc(s->linters, (s->nlinters + 1) * sizeof *nl);
    if (!nl) return SIZE_MAX;
    s->linters = nl;
    session_linter *sl = &s->linters[s->nlinters++];
    sl->config = config ? strdup(config) : NULL;
    sl->linter = NULL;
    adr_rule_setting *settings = calloc(s->nskip ? s->nskip : 1, sizeof *settings);
    if (!settings || (config && !sl->config)) {
        free(settings);
        cli_error("out of memory");
        return SIZE_MAX;
    }
    for (size_t i = 0; i < s->nskip; i++)
        settings[i] = (adr_rule_setting){s->skip[i], ADR_SEVERITY_OFF};
    adr_options opts = ADR_OPTIONS_INIT;
    opts.profile = s->profile;
    opts.config_path = config;
    opts.ignore_file = s->ignore_file;
    opts.rule_settings = settings;
    opts.rule_setting_count = s->nskip;
    if (s->allow_plugins) opts.flags |= ADR_OPTION_ALLOW_PLUGINS;
    int rc = adr_linter_new(&sl->linter, &opts);
    free(settings);
    if (rc != ADR_OK) {
        /* Said once per configuration, however many files it covers. */
        cli_error("%s", adr_last_error());
        return SIZE_MAX;
    }
    return s->nlinters - 1;
}

static void choose_linters(session *s)
{
    for (size_t i = 0; i < s->nfiles; i++) {
        const char *f = s->files[i];
        char *found = NULL;
        const char *config = s->ruleset;
        if (!config) {
            const char *from = is_stdin(f) ? (s->stdin_path ? s->stdin_path : "-") : f;
            int rc = adr_config_find(from, &found);
            if (rc != ADR_OK && rc != ADR_ENOTFOUND) {
                cli_error("%s", adr_last_error());
                s->trouble = true;
                s->file_linter[i] = SIZE_MAX;
                continue;
            }
            config = found;
        }
        s->file_linter[i] = linter_for(s, config);
        if (s->file_linter[i] == SIZE_MAX)
            s->trouble = true;
        else if (s->verbose && !s->quiet) {
            const adr_linter *L = s->linters[s->file_linter[i]].linter;
            const char *name = is_stdin(f) ? (s->stdin_path ? s->stdin_path : "<stdin>") : f;
            if (adr_linter_config(L))
                fprintf(stderr, "adrlint: %s: configuration %s (profile %s)\n", name,
                        adr_linter_config(L), adr_linter_profile(L));
            else
                fprintf(stderr, "adrlint: %s: no configuration (profile %s)\n", name,
                        adr_linter_profile(L));
        }
        adr_free(found);
    }
}

typedef struct pool {
    session *s;
    atomic_size_t next;
} pool;

static void lint_one(session *s, size_t i)
{
    if (s->file_linter[i] == SIZE_MAX) return;
    const adr_linter *L = s->linters[s->file_linter[i]].linter;
    const char *f = s->files[i];
    int rc = is_stdin(f) ? adr_linter_lint_fd(L, 0, s->stdin_path ? s->stdin_path : "<stdin>",
                                              &s->results[i])
                         : adr_linter_lint_file(L, f, &s->results[i]);
    /* adr_last_error() is per thread: keep the text for the main thread. */
    if (rc != ADR_OK) {
        s->errors[i] = strdup(adr_last_error());
        if (!s->errors[i]) s->errors[i] = strdup("out of memory");
    }
}

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->s->nfiles) break;
        lint_one(p->s, i);
    }
    return NULL;
}

void session_run(session *s)
{
    choose_linters(s);
    pool p = {s, 0};
    size_t nthreads = s->jobs > 1 ? (size_t)s->jobs : 1;
    if (nthreads > s->nfiles) nthreads = s->nfiles;
    pthread_t *threads = nthreads > 1 ? calloc(nthreads, sizeof *threads) : NULL;
    size_t started = 0;
    if (threads)
        while (started < nthreads && pthread_create(&threads[started], NULL, worker, &p) == 0)
            started++;
    /* The calling thread works too; with no thread started it does it all. */
    worker(&p);
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    for (size_t i = 0; i < s->nfiles; i++) {
        if (s->file_linter[i] != SIZE_MAX && !s->results[i]) {
            cli_error("%s", s->errors[i] ? s->errors[i] : "out of memory");
            s->trouble = true;
        }
    }
}

const adr_linter **session_linter_list(const session *s, size_t *n)
{
    const adr_linter **v = calloc(s->nlinters ? s->nlinters : 1, sizeof *v);
    *n = 0;
    if (!v) return NULL;
    for (size_t i = 0; i < s->nlinters; i++)
        if (s->linters[i].linter) v[(*n)++] = s->linters[i].linter;
    return v;
}

const adr_result **session_result_list(const session *s, size_t *n)
{
    const adr_result **v = calloc(s->nfiles ? s->nfiles : 1, sizeof *v);
    *n = 0;
    if (!v) return NULL;
    for (size_t i = 0; i < s->nfiles; i++)
        if (s->results[i]) v[(*n)++] = s->results[i];
    return v;
}

void session_free(session *s)
{
    for (size_t i = 0; i < s->nfiles && s->results; i++) {
        adr_result_free(s->results[i]);
        free(s->errors[i]);
    }
    for (size_t i = 0; i < s->nlinters; i++) {
        adr_linter_free(s->linters[i].linter);
        free(s->linters[i].config);
    }
    free(s->linters);
    free(s->results);
    free(s->errors);
    free(s->file_linter);
    free(s->skip);
    free(s->files);
}
