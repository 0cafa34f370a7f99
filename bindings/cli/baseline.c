/* adrlint baseline: lints the files and writes an ignore file suppressing
 * what it found, so that a legacy API fails only on new problems. The
 * existing ignore file at the output path is applied while linting, so its
 * entries for these files are rewritten from what still occurs (fixed
 * findings drop out) and its entries for other files are kept. */
#include "session.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OPT_OUTPUT = 1 };

static const cli_opt baseline_opts[] = {
    {'o', "output", true, OPT_OUTPUT},
    {'r', "ruleset", true, OPT_RULESET},
    {0, "profile", true, OPT_PROFILE},
    {0, "skip-rule", true, OPT_SKIP_RULE},
    {0, "stdin-filepath", true, OPT_STDIN_FILEPATH},
    {'j', "jobs", true, OPT_JOBS},
    {0, "allow-plugins", false, OPT_ALLOW_PLUGINS},
    {'q', "quiet", false, OPT_QUIET},
    {'v', "verbose", false, OPT_VERBOSE},
    {'h', "help", false, OPT_HELP},
};

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup(".");
    if (slash == path) return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

static int write_baseline(session *s, const char *out_path)
{
    size_t nres = 0, nlint = 0;
    const adr_result **res = session_result_list(s, &nres);
    const adr_linter **linters = session_linter_list(s, &nlint);
    char *dir = dir_of(out_path);
    int status = EXIT_TROUBLE;
    char *text = NULL;
    size_t len = 0;
    if (!res || !linters || !dir) {
        cli_error("out of memory");
        goto out;
    }
    adr_write_options wo = ADR_WRITE_OPTIONS_INIT;
    wo.format = "ignore-file";
    wo.linters = linters;
    wo.linter_count = nlint;
    wo.base_dir = dir;
    if (adr_result_write(res, nres, &wo, &text, &len) != ADR_OK) {
        cli_error("%s", adr_last_error());
        goto out;
    }
    FILE *f = fopen(out_path, "w");
    if (!f) {
        cli_error("%s: %s", out_path, strerror(errno));
        goto out;
    }
    bool ok = fwrite(text, 1, len, f) == len;
    if (fclose(f) != 0) ok = false;
    if (!ok) {
        cli_error("%s: cannot write: %s", out_path, strerror(errno));
        goto out;
    }
    if (!s->quiet) {
        size_t entries = 0;
        for (const char *p = text; (p = strstr(p, "\n    - ")) != NULL; p++)
            entries++;
        fprintf(stderr, "adrlint: wrote %zu ignore entr%s to %s\n", entries,
                entries == 1 ? "y" : "ies", out_path);
    }
    status = EXIT_CLEAN;
out:
    adr_free(text);
    free(dir);
    free(res);
    free(linters);
    return status;
}

int cmd_baseline(int argc, char **argv)
{
    session s = {0};
    s.jobs = 1;
    const char *out_path = ".adrlint-ignore.yaml";
    s.files = calloc((size_t)argc + 1, sizeof *s.files);
    bool bad = !s.files, help = false;
    if (bad) cli_error("out of memory");
    cli_parser p;
    cli_parser_init(&p, argc, argv, baseline_opts, ADR_ARRAY_LEN_CLI(baseline_opts));
    int id, status = EXIT_TROUBLE;
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
        } else if (id == OPT_OUTPUT) {
            out_path = p.arg;
        } else {
            session_option(&s, id, p.arg, &bad);
        }
    }
    if (help && !bad) {
        fputs(cli_help_baseline, stdout);
        status = EXIT_CLEAN;
        goto out;
    }
    if (!bad && s.nfiles == 0) {
        cli_error("no documents given");
        bad = true;
    }
    if (bad) {
        fputs("Run 'adrlint baseline --help' for usage.\n", stderr);
        goto out;
    }
    /* The ignore file being rewritten is the one applied (none yet: none). */
    s.ignore_file = access(out_path, F_OK) == 0 ? out_path : "";
    if (!session_start(&s)) {
        cli_error("out of memory");
        goto out;
    }
    session_run(&s);
    /* A file that could not be linted would lose its entries: write
     * nothing rather than a baseline that is silently incomplete. */
    if (s.trouble) {
        cli_error("%s not written", out_path);
        goto out;
    }
    status = write_baseline(&s, out_path);
out:
    session_free(&s);
    return status;
}
