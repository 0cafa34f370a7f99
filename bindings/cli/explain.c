/* adrlint explain CODE... and adrlint docs DIR: rule documentation generated
 * from the rule descriptors (title, ADR rule, rationale, URL, severities per
 * profile) and from the rule's own fixtures (what passes, what fails). The
 * same text serves the terminal, the rule pages under docs/rules and
 * docs/rules.md, so it is
 * never written twice. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ADRLINT_SOURCE_FIXTURES
#define ADRLINT_SOURCE_FIXTURES ""
#endif

#define MAX_PROFILES  8
#define EXAMPLE_LINES 40

typedef struct profiles {
    adr_linter *linters[MAX_PROFILES];
    const char *names[MAX_PROFILES];
    size_t count;
} profiles;

static void profiles_free(profiles *p)
{
    for (size_t i = 0; i < p->count; i++)
        adr_linter_free(p->linters[i]);
}

static int profiles_load(profiles *p)
{
    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < adr_profile_count() && p->count < MAX_PROFILES; i++) {
        adr_options o = ADR_OPTIONS_INIT;
        o.profile = adr_profile_name(i);
        if (adr_linter_new(&p->linters[p->count], &o) != ADR_OK) {
            cli_error("%s", adr_last_error());
            profiles_free(p);
            return -1;
        }
        p->names[p->count++] = o.profile;
    }
    return 0;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The fixtures directory: $ADRLINT_FIXTURES, the installed copy beside the
 * program, or the source tree this program was built from. */
static const char *fixtures_dir(void)
{
    static char found[PATH_MAX];
    const char *env = getenv("ADRLINT_FIXTURES");
    if (env && is_dir(env)) return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            int w = snprintf(found, sizeof found, "%s/../share/adrlint/spec-fixtures", exe);
            if (w > 0 && (size_t)w < sizeof found && is_dir(found)) return found;
        }
    }
    if (ADRLINT_SOURCE_FIXTURES[0] && is_dir(ADRLINT_SOURCE_FIXTURES))
        return ADRLINT_SOURCE_FIXTURES;
    return NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directory of a rule's fixtures (spec-fixtures/<plugin>/<code>/). */
static bool rule_fixture_dir(const char *root, const char *code, char *out, size_t n)
{
    char name[256];
    snprintf(name, sizeof name, "%s", code);
    for (char *c = name; *c; c++)
        if (*c == ':') *c = '-';
    DIR *d = opendir(root);
    if (!d) return false;
    struct dirent *de;
    bool ok = false;
    while (!ok && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        int w = snprintf(out, n, "%s/%s/%s", root, de->d_name, name);
        ok = w > 0 && (size_t)w < n && is_dir(out);
    }
    closedir(d);
    return ok;
}

/* The first fixture (by name) starting with prefix, as a malloc'd path. */
static char *first_fixture(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    if (!d) return NULL;
    char **names = NULL;
    size_t count = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *dot = strrchr(de->d_name, '.');
        if (strncmp(de->d_name, prefix, strlen(prefix)) != 0 || !dot ||
            (strcmp(dot, ".yaml") && strcmp(dot, ".yml") && strcmp(dot, ".json")))
            continue;
        char **nn = realloc(names, (count + 1) * sizeof *names);
        if (!nn) break;
        names = nn;
        names[count++] = strdup(de->d_name);
    }
    closedir(d);
    if (!count) {
        free(names);
        return NULL;
    }
    qsort(names, count, sizeof *names, cmp_str);
    size_t len = strlen(dir) + strlen(names[0]) + 2;
    char *path = malloc(len);
    if (path) snprintf(path, len, "%s/%s", dir, names[0]);
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return path;
}

static void print_file(FILE *out, const char *path, const char *indent)
{
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[1024];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        if (++n > EXAMPLE_LINES) {
            fprintf(out, "%s...\n", indent);
            break;
        }
        fprintf(out, "%s%s", indent, line);
        if (!strchr(line, '\n')) fputc('\n', out);
    }
    fclose(f);
}

/* The findings a fail fixture expects (its .expect file, which the fixture
 * test asserts), as "line:column message". */
static void print_findings(FILE *out, const char *code, const char *path, const char *indent)
{
    char expect[PATH_MAX];
    const char *dot = strrchr(path, '.');
    snprintf(expect, sizeof expect, "%.*s.expect", (int)(dot - path), path);
    FILE *f = fopen(expect, "r");
    if (!f) return;
    char line[2048];
    size_t cl = strlen(code);
    while (fgets(line, sizeof line, f)) {
        char *sp = strchr(line, ' ');
        if (line[0] == '#' || !sp || strncmp(sp + 1, code, cl) != 0 || sp[1 + cl] != ' ') continue;
        fprintf(out, "%s%.*s %s", indent, (int)(sp - line), line, sp + 2 + cl);
    }
    fclose(f);
}

static const char *lang_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && strcmp(dot, ".json") == 0 ? "json" : "yaml";
}

/* Wraps text at 78 columns with an indent. */
static void print_wrapped(FILE *out, const char *text, const char *indent)
{
    const char *p = text;
    size_t width = 78 - strlen(indent);
    while (*p) {
        size_t len = strlen(p);
        size_t cut = len;
        if (len > width) {
            cut = width;
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut == 0) cut = width;
        }
        fprintf(out, "%s%.*s\n", indent, (int)cut, p);
        p += cut;
        while (*p == ' ')
            p++;
    }
}

static void explain_one(FILE *out, const profiles *p, const adr_rule_info *r, bool markdown)
{
    const char *fx = fixtures_dir();
    char dir[PATH_MAX];
    bool have = fx && rule_fixture_dir(fx, r->code, dir, sizeof dir);
    char *pass = have ? first_fixture(dir, "pass-") : NULL;
    char *fail = have ? first_fixture(dir, "fail-") : NULL;
    if (markdown) {
        fprintf(out, "# %s\n\n%s.\n\n", r->code, r->title);
        fprintf(out, "| | |\n|---|---|\n");
        fprintf(out, "| ADR rule | %s |\n", r->rule_id[0] ? r->rule_id : "(none)");
        fprintf(out, "| Rule group | %s |\n", r->plugin);
        fprintf(out, "| Default severity | %s |\n", adr_severity_name(r->default_severity));
        for (size_t i = 0; i < p->count; i++) {
            const adr_rule_info *pr = adr_linter_rule_find(p->linters[i], r->code);
            fprintf(out, "| Profile %s | %s |\n", p->names[i],
                    pr ? adr_severity_name(pr->severity) : "off");
        }
        if (r->aliases[0]) fprintf(out, "| Also accepted as | %s |\n", r->aliases);
        if (r->doc_url[0]) fprintf(out, "| Documentation | <%s> |\n", r->doc_url);
        fprintf(out, "\n## Rationale\n\n%s\n", r->rationale);
        if (pass) {
            fprintf(out, "\n## Passes\n\n```%s\n", lang_of(pass));
            print_file(out, pass, "");
            fprintf(out, "```\n");
        }
        if (fail) {
            fprintf(out, "\n## Fails\n\n```%s\n", lang_of(fail));
            print_file(out, fail, "");
            fprintf(out, "```\n\nFindings (line:column message):\n\n```\n");
            print_findings(out, r->code, fail, "");
            fprintf(out, "```\n");
        }
    } else {
        fprintf(out, "%s: %s\n\n", r->code, r->title);
        fprintf(out, "  ADR rule:    %s\n", r->rule_id[0] ? r->rule_id : "(none)");
        fprintf(out, "  Rule group:  %s\n", r->plugin);
        fprintf(out, "  Severity:   ");
        for (size_t i = 0; i < p->count; i++) {
            const adr_rule_info *pr = adr_linter_rule_find(p->linters[i], r->code);
            fprintf(out, " %s %s%s", p->names[i], pr ? adr_severity_name(pr->severity) : "off",
                    i + 1 < p->count ? "," : "\n");
        }
        if (r->aliases[0]) fprintf(out, "  Aliases:     %s\n", r->aliases);
        if (r->doc_url[0]) fprintf(out, "  Docs:        %s\n", r->doc_url);
        fputc('\n', out);
        print_wrapped(out, r->rationale, "  ");
        if (pass) {
            fprintf(out, "\n  Passes (%s):\n\n", strrchr(pass, '/') + 1);
            print_file(out, pass, "    ");
        }
        if (fail) {
            fprintf(out, "\n  Fails (%s):\n\n", strrchr(fail, '/') + 1);
            print_file(out, fail, "    ");
            fprintf(out, "\n  Findings:\n");
            print_findings(out, r->code, fail, "    ");
        }
    }
    free(pass);
    free(fail);
}

int cmd_explain(int argc, char **argv)
{
    bool markdown = false;
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "--markdown") == 0) {
            markdown = true;
        } else if (strcmp(argv[first], "-h") == 0 || strcmp(argv[first], "--help") == 0) {
            fputs(cli_help_explain, stdout);
            return EXIT_CLEAN;
        } else {
            cli_error("unknown option '%s'", argv[first]);
            return EXIT_TROUBLE;
        }
    }
    if (first >= argc) {
        cli_error("explain needs a rule code (see 'adrlint rules')");
        return EXIT_TROUBLE;
    }
    profiles p;
    if (profiles_load(&p) != 0) return EXIT_TROUBLE;
    int status = EXIT_CLEAN;
    for (int i = first; i < argc; i++) {
        const adr_rule_info *r = adr_linter_rule_find(p.linters[0], argv[i]);
        if (!r) {
            cli_error("unknown rule '%s' (see 'adrlint rules')", argv[i]);
            status = EXIT_TROUBLE;
            continue;
        }
        if (i > first) fputs(markdown ? "\n---\n\n" : "\n", stdout);
        explain_one(stdout, &p, r, markdown);
    }
    profiles_free(&p);
    return status;
}

static void page_name(const char *code, char *out, size_t n)
{
    snprintf(out, n, "%s.md", code);
    for (char *c = out; *c; c++)
        if (*c == ':') *c = '-';
}

int cmd_docs(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(cli_help_docs, stdout);
        return EXIT_CLEAN;
    }
    if (argc != 2 || argv[1][0] == '-') {
        fputs(cli_help_docs, stderr);
        return EXIT_TROUBLE;
    }
    const char *dir = argv[1];
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/rules", dir);
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        cli_error("%s: %s", dir, strerror(errno));
        return EXIT_TROUBLE;
    }
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_TROUBLE;
    }
    profiles p;
    if (profiles_load(&p) != 0) return EXIT_TROUBLE;
    snprintf(path, sizeof path, "%s/rules.md", dir);
    FILE *index = fopen(path, "w");
    if (!index) {
        cli_error("%s: %s", path, strerror(errno));
        profiles_free(&p);
        return EXIT_TROUBLE;
    }
    fprintf(index,
            "# Rules\n\nGenerated by `adrlint docs` from the rule descriptors; do not edit.\n"
            "Each rule's page has its rationale and an example that passes and one that "
            "fails.\n\n| Rule | ADR rule | Group |");
    for (size_t i = 0; i < p.count; i++)
        fprintf(index, " %s |", p.names[i]);
    fprintf(index, "\n|---|---|---|");
    for (size_t i = 0; i < p.count; i++)
        fprintf(index, "---|");
    fputc('\n', index);
    adr_linter *l = p.linters[0];
    int status = EXIT_CLEAN;
    for (size_t i = 0; i < adr_linter_rule_count(l); i++) {
        const adr_rule_info *r = adr_linter_rule(l, i);
        char page[300];
        page_name(r->code, page, sizeof page);
        fprintf(index, "| [%s](rules/%s) | %s | %s |", r->code, page,
                r->rule_id[0] ? r->rule_id : "", r->plugin);
        for (size_t k = 0; k < p.count; k++) {
            const adr_rule_info *pr = adr_linter_rule_find(p.linters[k], r->code);
            fprintf(index, " %s |", pr ? adr_severity_name(pr->severity) : "off");
        }
        fputc('\n', index);
        snprintf(path, sizeof path, "%s/rules/%s", dir, page);
        FILE *f = fopen(path, "w");
        if (!f) {
            cli_error("%s: %s", path, strerror(errno));
            status = EXIT_TROUBLE;
            continue;
        }
        explain_one(f, &p, r, true);
        fclose(f);
    }
    fprintf(index, "\nThe `future` modifier (`--profile adr-2.0,future`) adds the next ADR "
                   "version's errors as warnings, with \"(becomes an error in ADR x.y)\" "
                   "appended to their message.\n");
    fclose(index);
    profiles_free(&p);
    return status;
}
