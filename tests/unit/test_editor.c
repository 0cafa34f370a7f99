/* The editor-support ABI: adr_ignore_edit on block, flow and JSON mappings,
 * adr_linter_lint_buffers with unsaved sources, adr_result_file. */
#include "helpers.h"

#include "adrlint/adrlint.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Applies adr_ignore_edit to text and returns the edited text (malloc'd). */
static char *ignored(const char *text, const char *name, const char *path, const char *code)
{
    adr_range r;
    char *repl = NULL;
    int rc = adr_ignore_edit(text, strlen(text), name, path, code, &r, &repl);
    cr_assert_eq(rc, ADR_OK, "adr_ignore_edit(%s): %d %s", path, rc, adr_last_error());
    cr_assert_leq(r.start.offset, r.end.offset);
    size_t n = strlen(text), m = strlen(repl);
    char *out = malloc(n - (r.end.offset - r.start.offset) + m + 1);
    memcpy(out, text, r.start.offset);
    memcpy(out + r.start.offset, repl, m);
    strcpy(out + r.start.offset + m, text + r.end.offset);
    adr_free(repl);
    return out;
}

#define assert_edit(text, name, path, code, want)             \
    do {                                                      \
        char *got_ = ignored((text), (name), (path), (code)); \
        cr_assert_str_eq(got_, (want));                       \
        free(got_);                                           \
    } while (0)

Test(ignore_edit, scalar_finding_goes_to_the_enclosing_block_mapping)
{
    assert_edit("openapi: 3.0.3\ninfo:\n  title: T\n  version: \"1.2\"\n", "a.yaml",
                "/info/version", "nlgov:semver",
                "openapi: 3.0.3\ninfo:\n  x-lint-ignore: nlgov:semver\n  title: T\n"
                "  version: \"1.2\"\n");
}

Test(ignore_edit, range_is_an_insertion_with_positions)
{
    const char *text = "openapi: 3.0.3\ninfo:\n  title: T\n";
    adr_range r;
    char *repl;
    cr_assert_eq(adr_ignore_edit(text, strlen(text), "a.yaml", "/info", "c", &r, &repl), ADR_OK);
    cr_assert_eq(r.start.line, 2);
    cr_assert_eq(r.start.column, 2);
    cr_assert_eq(r.start.column_utf16, 2);
    cr_assert_eq(r.start.offset, 23);
    cr_assert_eq(r.end.offset, 23);
    cr_assert_str_eq(repl, "x-lint-ignore: c\n  ");
    adr_free(repl);
}

Test(ignore_edit, mapping_in_a_sequence_keeps_the_dash)
{
    assert_edit("p:\n  - name: x\n    in: query\n", "a.yaml", "/p/0/in", "c:d",
                "p:\n  - x-lint-ignore: c:d\n    name: x\n    in: query\n");
}

Test(ignore_edit, root_of_a_yaml_document)
{
    assert_edit("# head\nopenapi: 3.0.3\n", "a.yaml", "", "oas3-schema",
                "# head\nx-lint-ignore: oas3-schema\nopenapi: 3.0.3\n");
}

Test(ignore_edit, existing_scalar_becomes_a_block_list)
{
    assert_edit("info:\n  x-lint-ignore: a\n  version: v\n", "a.yaml", "/info/version", "b",
                "info:\n  x-lint-ignore:\n    - a\n    - b\n  version: v\n");
}

Test(ignore_edit, existing_block_list_gets_an_item)
{
    assert_edit("info:\n  x-lint-ignore:\n  - a\n  - b # why\n  version: v\n", "a.yaml", "/info",
                "c", "info:\n  x-lint-ignore:\n  - a\n  - b # why\n  - c\n  version: v\n");
}

Test(ignore_edit, existing_flow_list_gets_an_item)
{
    assert_edit("info:\n  x-lint-ignore: [a]\n  version: v\n", "a.yaml", "/info", "c",
                "info:\n  x-lint-ignore: [a, \"c\"]\n  version: v\n");
    assert_edit("info:\n  x-lint-ignore: []\n", "a.yaml", "/info", "c",
                "info:\n  x-lint-ignore: [\"c\"]\n");
}

Test(ignore_edit, empty_existing_value)
{
    assert_edit("info:\n  x-lint-ignore:\n  version: v\n", "a.yaml", "/info", "c",
                "info:\n  x-lint-ignore: c\n  version: v\n");
}

Test(ignore_edit, flow_mapping_in_yaml_gets_a_json_member)
{
    assert_edit("info: {title: T, version: '1'}\n", "a.yaml", "/info/version", "nlgov:semver",
                "info: {\"x-lint-ignore\": \"nlgov:semver\", title: T, version: '1'}\n");
    assert_edit("info: {}\n", "a.yaml", "/info", "c", "info: {\"x-lint-ignore\": \"c\"}\n");
}

Test(ignore_edit, json_members_one_per_line_keep_their_indentation)
{
    assert_edit(
        "{\n  \"info\": {\n    \"version\": \"1\"\n  }\n}\n", "a.json", "/info/version", "c",
        "{\n  \"info\": {\n    \"x-lint-ignore\": \"c\",\n    \"version\": \"1\"\n  }\n}\n");
}

Test(ignore_edit, json_on_one_line)
{
    assert_edit("{\"info\": {\"version\": \"1\"}}", "a.json", "/info", "c",
                "{\"info\": {\"x-lint-ignore\": \"c\", \"version\": \"1\"}}");
}

Test(ignore_edit, json_scalar_ignore_becomes_an_array)
{
    assert_edit("{\"x-lint-ignore\": \"a\", \"b\": 1}", "a.json", "/b", "c",
                "{\"x-lint-ignore\": [\"a\", \"c\"], \"b\": 1}");
}

Test(ignore_edit, codes_needing_quotes_are_quoted_in_block_style)
{
    assert_edit("a:\n  b: 1\n", "a.yaml", "/a", "-x y", "a:\n  x-lint-ignore: \"-x y\"\n  b: 1\n");
}

Test(ignore_edit, non_ascii_columns)
{
    const char *text = "a:\n  \xc3\xa9: 1\n  b: 2\n"; /* "é: 1" */
    adr_range r;
    char *repl;
    cr_assert_eq(adr_ignore_edit(text, strlen(text), "a.yaml", "/a/b", "c", &r, &repl), ADR_OK);
    cr_assert_eq(r.start.line, 1);
    cr_assert_eq(r.start.column, 2);
    adr_free(repl);
}

Test(ignore_edit, failures)
{
    adr_range r;
    char *repl = (char *)1;
    const char *t = "a:\n  x-lint-ignore: c\n  b: 1\n";
    cr_assert_eq(adr_ignore_edit(t, strlen(t), "a.yaml", "/nope", "c", &r, &repl), ADR_ENOTFOUND);
    cr_assert_null(repl);
    cr_assert_eq(adr_ignore_edit(t, strlen(t), "a.yaml", "/a/b", "c", &r, &repl), ADR_EINVAL);
    cr_assert_eq(adr_ignore_edit(t, strlen(t), "a.yaml", "/a", "", &r, &repl), ADR_EINVAL);
    cr_assert_eq(adr_ignore_edit(t, strlen(t), "a.yaml", NULL, "c", &r, &repl), ADR_EINVAL);
    const char *bad = "a: [1, 2\n";
    cr_assert_eq(adr_ignore_edit(bad, strlen(bad), "a.yaml", "/a", "c", &r, &repl), ADR_ENOTFOUND);
    const char *scalar = "just text\n";
    cr_assert_eq(adr_ignore_edit(scalar, strlen(scalar), "a.yaml", "", "c", &r, &repl),
                 ADR_ENOTFOUND);
}

/* ---- adr_linter_lint_buffers, adr_result_file ---- */

static char tmpdir[256];
static adr_linter *linter;

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/adrlint-editor-XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
    adr_options o = ADR_OPTIONS_INIT;
    const char *dirs[] = {PLUGIN_DIR};
    o.flags = ADR_OPTION_NO_DEFAULT_PLUGINS;
    o.plugin_paths = dirs;
    o.plugin_path_count = 1;
    cr_assert_eq(adr_linter_new(&linter, &o), ADR_OK, "%s", adr_last_error());
}

static void teardown(void)
{
    adr_linter_free(linter);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    cr_assert_eq(system(cmd), 0);
}

static void write_file(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

static const char root_doc[] = "openapi: 3.0.3\n"
                               "info: {title: T, version: 1.0.0}\n"
                               "paths: {}\n"
                               "components:\n"
                               "  schemas:\n"
                               "    A:\n"
                               "      $ref: 'common.yaml#/B'\n"
                               "    M:\n"
                               "      $ref: 'missing.yaml#/C'\n";

static size_t count_code(const adr_result *res, const char *code, const char *source_suffix)
{
    size_t n = 0;
    for (size_t i = 0; i < adr_result_count(res); i++) {
        const adr_diagnostic *d = adr_result_get(res, i);
        size_t sl = strlen(d->source), xl = strlen(source_suffix);
        if (strcmp(d->code, code) == 0 && sl >= xl &&
            strcmp(d->source + sl - xl, source_suffix) == 0)
            n++;
    }
    return n;
}

TestSuite(lint_buffers, .init = setup, .fini = teardown);

Test(lint_buffers, unsaved_source_replaces_the_file_and_files_are_listed)
{
    write_file("common.yaml", "B:\n  type: object\n");
    char name[300];
    snprintf(name, sizeof name, "%s/main.yaml", tmpdir);
    adr_result *res;
    /* On disk B exists; only missing.yaml is an invalid-ref. */
    cr_assert_eq(adr_linter_lint_buffers(linter, root_doc, strlen(root_doc), name, NULL, 0, &res),
                 ADR_OK);
    cr_assert_eq(count_code(res, "invalid-ref", "main.yaml"), 1);
    cr_assert_eq(adr_result_file_count(res), 3);
    cr_assert_str_eq(adr_result_file(res, 0), name);
    char want[300];
    snprintf(want, sizeof want, "%s/common.yaml", tmpdir);
    cr_assert_str_eq(adr_result_file(res, 1), want);
    snprintf(want, sizeof want, "%s/missing.yaml", tmpdir);
    cr_assert_str_eq(adr_result_file(res, 2), want);
    cr_assert_null(adr_result_file(res, 3));
    adr_result_free(res);

    /* The unsaved common.yaml no longer has B: a second invalid-ref. */
    char cpath[300];
    snprintf(cpath, sizeof cpath, "%s/common.yaml", tmpdir);
    const char unsaved[] = "X:\n  type: object\n";
    adr_source src = {cpath, unsaved, sizeof unsaved - 1};
    cr_assert_eq(adr_linter_lint_buffers(linter, root_doc, strlen(root_doc), name, &src, 1, &res),
                 ADR_OK);
    cr_assert_eq(count_code(res, "invalid-ref", "main.yaml"), 2);
    adr_result_free(res);

    /* An unsaved missing.yaml makes the other reference valid. */
    char mpath[300];
    snprintf(mpath, sizeof mpath, "%s/missing.yaml", tmpdir);
    const char created[] = "C: {type: string}\n";
    adr_source two[] = {{mpath, created, sizeof created - 1}};
    cr_assert_eq(adr_linter_lint_buffers(linter, root_doc, strlen(root_doc), name, two, 1, &res),
                 ADR_OK);
    cr_assert_eq(count_code(res, "invalid-ref", "main.yaml"), 0);
    adr_result_free(res);
}

Test(lint_buffers, findings_in_an_unsaved_source_name_it)
{
    char name[300], cpath[300];
    snprintf(name, sizeof name, "%s/main.yaml", tmpdir);
    snprintf(cpath, sizeof cpath, "%s/common.yaml", tmpdir);
    const char broken[] = "B:\n  type: object\n  type: string\n";
    adr_source src = {cpath, broken, sizeof broken - 1};
    adr_result *res;
    cr_assert_eq(adr_linter_lint_buffers(linter, root_doc, strlen(root_doc), name, &src, 1, &res),
                 ADR_OK);
    cr_assert_eq(count_code(res, "duplicate-key", "/common.yaml"), 1);
    adr_result_free(res);
}

Test(lint_buffers, bad_arguments)
{
    adr_result *res;
    cr_assert_eq(adr_linter_lint_buffers(linter, "a: 1", 4, "x.yaml", NULL, 1, &res), ADR_EINVAL);
    cr_assert_eq(adr_result_file_count(NULL), 0);
    cr_assert_null(adr_result_file(NULL, 0));
}
