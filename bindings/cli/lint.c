/* adrlint lint: Spectral's flags, one linter per configuration, N threads,
 * any number of output formats each to stdout or a file. */
#include "session.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    OPT_FORMAT = 1,
    OPT_OUTPUT,
    OPT_OUTPUT_FORMAT,
    OPT_FAIL_SEVERITY,
    OPT_ONLY_FAILURES,
    OPT_MAX_WARNINGS,
    OPT_IGNORE_FILE,
    OPT_COLOR
};

static const cli_opt lint_opts[] = {
    {'r', "ruleset", true, OPT_RULESET},
    {0, "profile", true, OPT_PROFILE},
    {'f', "format", true, OPT_FORMAT},
    {'o', "output", true, OPT_OUTPUT},
    {0, "output.", true, OPT_OUTPUT_FORMAT},
    {'F', "fail-severity", true, OPT_FAIL_SEVERITY},
    {'D', "display-only-failures", false, OPT_ONLY_FAILURES},
    {0, "max-warnings", true, OPT_MAX_WARNINGS},
    {0, "skip-rule", true, OPT_SKIP_RULE},
    {0, "ignore-file", true, OPT_IGNORE_FILE},
    {0, "stdin-filepath", true, OPT_STDIN_FILEPATH},
    {'j', "jobs", true, OPT_JOBS},
    {0, "color", true, OPT_COLOR},
    {0, "allow-plugins", false, OPT_ALLOW_PLUGINS},
    {'q', "quiet", false, OPT_QUIET},
    {'v', "verbose", false, OPT_VERBOSE},
    {'h', "help", false, OPT_HELP},
};

/* One requested output: a format and where it goes (NULL: stdout). */
typedef struct output {
    char *format;
    const char *path;
} output;

typedef struct lint_args {
    output *outs;
    size_t nouts;
    const char *plain_output; /* -o FILE */
    adr_severity fail;
    bool only_failures;
    long max_warnings; /* -1: no limit */
    enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color;
} lint_args;

static bool known_format(const char *name)
{
    for (size_t i = 0; i < adr_format_count(); i++)
        if (strcmp(adr_format_name(i), name) == 0) return true;
    return false;
}

static output *find_output(lint_args *a, const char *format, size_t len)
{
    for (size_t i = 0; i < a->nouts; i++)
        if (strlen(a->outs[i].format) == len && memcmp(a->outs[i].format, format, len) == 0)
            return &a->outs[i];
    return NULL;
}

/* -f json,sarif -f junit: formats in order, each once. */
static bool add_formats(lint_args *a, const char *list)
{
    const char *p = list;
    for (;;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char *name = strndup(p, len);
        output *n = realloc(a->outs, (a->nouts + 1) * sizeof *n);
        if (!name || !n) {
            free(name);
            cli_error("out of memory");
            return false;
        }
        a->outs = n;
        if (!known_format(name)) {
            cli_error("unknown format '%s' (stylish, text, json, sarif, junit, github-actions, "
                      "gitlab, markdown, ignore-file)",
                      name);
            free(name);
            return false;
        }
        if (find_output(a, name, len)) {
            cli_error("format '%s' is given twice", name);
            free(name);
            return false;
        }
        a->outs[a->nouts++] = (output){name, NULL};
        if (!e) return true;
        p = e + 1;
    }
}

/* Pairs -o FILE and -o.FORMAT FILE with the formats. */
typedef struct pending {
    const char *format;
    size_t len;
    const char *path;
} pending;

static bool assign_outputs(lint_args *a, const pending *pend, size_t npend)
{
    if (a->nouts == 0 && !add_formats(a, "stylish")) return false;
    if (a->plain_output) {
        if (a->nouts > 1) {
            cli_error("-o FILE goes with a single format; give -o.FORMAT FILE for each format");
            return false;
        }
        a->outs[0].path = a->plain_output;
    }
    for (size_t i = 0; i < npend; i++) {
        output *o = find_output(a, pend[i].format, pend[i].len);
        if (!o) {
            cli_error("--output.%.*s is given, but %.*s is not among the formats (-f %.*s)",
                      (int)pend[i].len, pend[i].format, (int)pend[i].len, pend[i].format,
                      (int)pend[i].len, pend[i].format);
            return false;
        }
        o->path = pend[i].path;
    }
    size_t to_stdout = 0;
    for (size_t i = 0; i < a->nouts; i++) {
        if (a->outs[i].path && strcmp(a->outs[i].path, "<stdout>") == 0) a->outs[i].path = NULL;
        if (!a->outs[i].path) to_stdout++;
    }
    if (to_stdout > 1) {
        cli_error("%zu formats would be written to standard output; give -o.FORMAT FILE for "
                  "all but one",
                  to_stdout);
        return false;
    }
    return true;
}

static bool use_color(const lint_args *a, const output *o)
{
    if (a->color == COLOR_ALWAYS) return true;
    if (a->color == COLOR_NEVER || o->path) return false;
    /* https://no-color.org: set and not empty disables colour. */
    const char *nc = getenv("NO_COLOR");
    return isatty(1) && !(nc && *nc);
}

static bool write_text(const char *path, const char *text, size_t len)
{
    bool newline = len && text[len - 1] != '\n';
    if (!path) {
        fwrite(text, 1, len, stdout);
        if (newline) fputc('\n', stdout);
        return fflush(stdout) == 0;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        cli_error("%s: %s", path, strerror(errno));
        return false;
    }
    bool ok = fwrite(text, 1, len, f) == len;
    if (newline) ok = fputc('\n', f) != EOF && ok;
    if (fclose(f) != 0) ok = false;
    if (!ok) cli_error("%s: cannot write: %s", path, strerror(errno));
    return ok;
}

/* -v: ignore-file entries that matched nothing in the files they name.
 * Linters that share an ignore file are taken together. */
static void report_unused_ignores(const session *s)
{
    for (size_t l = 0; l < s->nlinters; l++) {
        const adr_linter *L = s->linters[l].linter;
        const char *ipath = L ? adr_linter_ignore_file(L) : NULL;
        if (!ipath) continue;
        bool seen = false;
        for (size_t k = 0; k < l && !seen; k++) {
            const adr_linter *K = s->linters[k].linter;
            seen = K && adr_linter_ignore_file(K) && strcmp(adr_linter_ignore_file(K), ipath) == 0;
        }
        if (seen) continue;
        for (size_t e = 0; e < adr_linter_ignore_count(L); e++) {
            adr_ignore_use use = ADR_IGNORE_NOT_APPLICABLE;
            for (size_t i = 0; i < s->nfiles; i++) {
                if (!s->results[i]) continue;
                const adr_linter *F = s->linters[s->file_linter[i]].linter;
                if (strcmp(adr_linter_ignore_file(F) ? adr_linter_ignore_file(F) : "", ipath))
                    continue;
                adr_ignore_use u = adr_result_ignore_use(s->results[i], e);
                if (u > use) use = u;
            }
            if (use != ADR_IGNORE_UNUSED) continue;
            const adr_ignore_entry *ie = adr_linter_ignore_get(L, e);
            fprintf(stderr, "adrlint: %s:%u:%u: unused ignore entry: %s %s %s matches no finding\n",
                    ipath, ie->position.line + 1, ie->position.column + 1, ie->file, ie->code,
                    ie->pointer);
        }
    }
}

static int finish(session *s, lint_args *a)
{
    size_t nres = 0, nlint = 0;
    const adr_result **res = session_result_list(s, &nres);
    const adr_linter **linters = session_linter_list(s, &nlint);
    if (!res || !linters) {
        free(res);
        free(linters);
        cli_error("out of memory");
        return EXIT_TROUBLE;
    }
    size_t shown = 0, warnings = 0;
    bool failing = false;
    for (size_t r = 0; r < nres; r++) {
        for (size_t i = 0; i < adr_result_count(res[r]); i++) {
            const adr_diagnostic *d = adr_result_get(res[r], i);
            if (d->severity <= a->fail) failing = true;
            if (d->severity == ADR_SEVERITY_WARN) warnings++;
            if (!a->only_failures || d->severity <= a->fail) shown++;
        }
    }
    bool human_stdout = false;
    for (size_t i = 0; i < a->nouts; i++) {
        output *o = &a->outs[i];
        adr_write_options wo = ADR_WRITE_OPTIONS_INIT;
        wo.format = o->format;
        wo.fail_severity = a->fail;
        wo.color = strcmp(o->format, "stylish") == 0 && use_color(a, o);
        wo.flags = a->only_failures ? ADR_WRITE_ONLY_FAILURES : 0;
        wo.linters = linters;
        wo.linter_count = nlint;
        char *text = NULL;
        size_t len = 0;
        if (adr_result_write(res, nres, &wo, &text, &len) != ADR_OK) {
            cli_error("%s", adr_last_error());
            s->trouble = true;
            continue;
        }
        if (!write_text(o->path, text, len)) s->trouble = true;
        adr_free(text);
        if (!o->path && (strcmp(o->format, "stylish") == 0 || strcmp(o->format, "text") == 0))
            human_stdout = true;
    }
    if (shown == 0 && human_stdout && !s->quiet && !s->trouble)
        printf("No results with a severity of '%s' %sfound!\n", adr_severity_name(a->fail),
               a->fail == ADR_SEVERITY_ERROR ? "" : "or higher ");
    if (s->verbose && !s->quiet) report_unused_ignores(s);
    bool too_many = a->max_warnings >= 0 && warnings > (size_t)a->max_warnings;
    if (too_many && !s->quiet)
        cli_error("%zu warning%s, more than --max-warnings %ld", warnings, warnings == 1 ? "" : "s",
                  a->max_warnings);
    free(res);
    free(linters);
    if (s->trouble) return EXIT_TROUBLE;
    return failing || too_many ? EXIT_FINDINGS : EXIT_CLEAN;
}

int cmd_lint(int argc, char **argv)
{
    session s = {0};
    s.jobs = 1;
    lint_args a = {0};
    a.fail = ADR_SEVERITY_ERROR;
    a.max_warnings = -1;
    pending *pend = calloc((size_t)argc + 1, sizeof *pend);
    size_t npend = 0;
    s.files = calloc((size_t)argc + 1, sizeof *s.files);
    int status = EXIT_TROUBLE;
    bool bad = !pend || !s.files, help = false;
    if (bad) cli_error("out of memory");
    cli_parser p;
    cli_parser_init(&p, argc, argv, lint_opts, ADR_ARRAY_LEN_CLI(lint_opts));
    int id;
    size_t nstdin = 0;
    while (!bad && (id = cli_next(&p)) != CLI_END) {
        if (id == CLI_BAD) {
            bad = true;
        } else if (id == CLI_OPERAND) {
            if (strcmp(p.arg, "-") == 0 && ++nstdin > 1) {
                cli_error("standard input ('-') can be linted once");
                bad = true;
            }
            s.files[s.nfiles++] = p.arg;
        } else if (id == OPT_HELP) {
            help = true;
        } else if (session_option(&s, id, p.arg, &bad)) {
            /* stored */
        } else if (id == OPT_FORMAT) {
            bad = !add_formats(&a, p.arg);
        } else if (id == OPT_OUTPUT) {
            a.plain_output = p.arg;
        } else if (id == OPT_OUTPUT_FORMAT) {
            pend[npend++] = (pending){p.suffix, p.suffix_len, p.arg};
        } else if (id == OPT_FAIL_SEVERITY) {
            if (adr_severity_parse(p.arg, &a.fail) != ADR_OK || a.fail == ADR_SEVERITY_OFF) {
                cli_error("--fail-severity takes error, warn, info or hint, not '%s'", p.arg);
                bad = true;
            }
        } else if (id == OPT_ONLY_FAILURES) {
            a.only_failures = true;
        } else if (id == OPT_MAX_WARNINGS) {
            char *end;
            a.max_warnings = strtol(p.arg, &end, 10);
            if (*end || end == p.arg || a.max_warnings < 0) {
                cli_error("--max-warnings takes a number of 0 or more, not '%s'", p.arg);
                bad = true;
            }
        } else if (id == OPT_IGNORE_FILE) {
            s.ignore_file = p.arg;
        } else if (id == OPT_COLOR) {
            if (strcmp(p.arg, "auto") == 0)
                a.color = COLOR_AUTO;
            else if (strcmp(p.arg, "always") == 0)
                a.color = COLOR_ALWAYS;
            else if (strcmp(p.arg, "never") == 0)
                a.color = COLOR_NEVER;
            else {
                cli_error("--color takes auto, always or never, not '%s'", p.arg);
                bad = true;
            }
        }
    }
    if (help && !bad) {
        fputs(cli_help_lint, stdout);
        status = EXIT_CLEAN;
        goto out;
    }
    if (!bad) bad = !assign_outputs(&a, pend, npend);
    if (!bad && s.nfiles == 0) {
        if (isatty(0)) {
            cli_error("no documents given");
            bad = true;
        } else {
            s.files[s.nfiles++] = "-";
        }
    }
    if (bad) {
        fputs("Run 'adrlint lint --help' for usage.\n", stderr);
        goto out;
    }
    if (!session_start(&s)) {
        cli_error("out of memory");
        goto out;
    }
    session_run(&s);
    status = finish(&s, &a);
out:
    for (size_t i = 0; i < a.nouts; i++)
        free(a.outs[i].format);
    free(a.outs);
    free(pend);
    session_free(&s);
    return status;
}
