/* core/ref: local and file references, cycles, missing targets, remote
 * references and confinement to the root directory. */
#include "helpers.h"
#include "ref/ref.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[256];

static void write_file(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/adrlint-ref-XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
    char sub[300];
    snprintf(sub, sizeof sub, "%s/api", tmpdir);
    mkdir(sub, 0700);
}

static void teardown(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    cr_assert_eq(system(cmd), 0);
}

/* A workspace rooted at tmpdir/api holding the root document api/main.yaml. */
static adr_ws ws;
static adr_doc *load_root(const char *text)
{
    char root[300];
    snprintf(root, sizeof root, "%s/api", tmpdir);
    adr_doc_limits lim = {1000, 10000000};
    adr_ws_init(&ws, root, 1 << 20, 100, &lim);
    adr_doc *d = parse(text, false);
    char path[320];
    snprintf(path, sizeof path, "%s/api/main.yaml", tmpdir);
    d->abs_path = adr_xstrdup(path);
    cr_assert(adr_ws_add(&ws, d));
    return d;
}

static adr_node *deref(adr_node *obj, adr_ref_status *st, const char **msg)
{
    return adr_ws_deref(&ws, obj, st, msg, NULL);
}

TestSuite(ref, .init = setup, .fini = teardown);

Test(ref, local_pointer_and_chain)
{
    adr_doc *d = load_root("a: {$ref: '#/b'}\nb: {$ref: '#/c/d'}\nc: {d: {x: 1}}\n");
    adr_ref_status st;
    const char *msg;
    adr_node *t = deref(at(d, "/a"), &st, &msg);
    cr_assert_eq(st, ADR_REF_OK);
    cr_assert_eq(t, at(d, "/c/d"));
    /* A non-reference is returned as is. */
    cr_assert_eq(deref(at(d, "/c"), &st, &msg), at(d, "/c"));
    cr_assert_eq(st, ADR_REF_NOT_REF);
    adr_ws_destroy(&ws);
}

Test(ref, missing_target)
{
    adr_doc *d = load_root("a: {$ref: '#/components/schemas/Nope'}\n");
    adr_ref_status st;
    const char *msg;
    cr_assert_null(deref(at(d, "/a"), &st, &msg));
    cr_assert_eq(st, ADR_REF_MISSING);
    cr_assert_str_eq(msg, "'#/components/schemas/Nope' does not exist");
    adr_ws_destroy(&ws);
}

Test(ref, cycle_of_references)
{
    adr_doc *d = load_root("a: {$ref: '#/b'}\nb: {$ref: '#/c'}\nc: {$ref: '#/a'}\n");
    adr_ref_status st;
    const char *msg;
    cr_assert_null(deref(at(d, "/a"), &st, &msg));
    cr_assert_eq(st, ADR_REF_CYCLE);
    adr_ws_destroy(&ws);
}

Test(ref, relative_file_loaded_once)
{
    write_file("api/common.yaml", "schemas:\n  X: {type: string}\n  Y: {type: integer}\n");
    adr_doc *d =
        load_root("a: {$ref: 'common.yaml#/schemas/X'}\nb: {$ref: './common.yaml#/schemas/Y'}\n");
    adr_ref_status st;
    const char *msg;
    adr_node *x = deref(at(d, "/a"), &st, &msg);
    cr_assert_eq(st, ADR_REF_OK);
    adr_node *y = deref(at(d, "/b"), &st, &msg);
    cr_assert_eq(st, ADR_REF_OK);
    cr_assert_eq(ws.ndocs, 2);
    cr_assert_eq(x->doc, y->doc);
    cr_assert(adr_node_is(adr_node_get(y, "type"), "integer"));
    char *p = pointer_of(y);
    cr_assert_str_eq(p, "/schemas/Y");
    adr_xfree(p);
    adr_ws_destroy(&ws);
}

Test(ref, cycle_through_three_files)
{
    write_file("api/one.yaml", "x: {$ref: 'two.yaml#/x'}\n");
    write_file("api/two.yaml", "x: {$ref: 'three.yaml#/x'}\n");
    write_file("api/three.yaml", "x: {$ref: 'one.yaml#/x'}\n");
    adr_doc *d = load_root("a: {$ref: 'one.yaml#/x'}\n");
    adr_ref_status st;
    const char *msg;
    cr_assert_null(deref(at(d, "/a"), &st, &msg));
    cr_assert_eq(st, ADR_REF_CYCLE);
    cr_assert_eq(ws.ndocs, 4);
    adr_ws_destroy(&ws);
}

Test(ref, escaping_the_root_is_refused)
{
    write_file("secret.yaml", "password: hunter2\n");
    adr_doc *d = load_root("a: {$ref: '../secret.yaml#/password'}\nb: {$ref: '/etc/passwd'}\n");
    adr_ref_status st;
    const char *msg;
    cr_assert_null(deref(at(d, "/a"), &st, &msg));
    cr_assert_eq(st, ADR_REF_OUTSIDE);
    cr_assert_str_eq(msg, "'../secret.yaml' is outside the root directory and was not read");
    cr_assert_null(deref(at(d, "/b"), &st, &msg));
    cr_assert_eq(st, ADR_REF_OUTSIDE);
    cr_assert_eq(ws.ndocs, 1, "nothing outside the root was read");
    adr_ws_destroy(&ws);
}

Test(ref, remote_is_never_fetched)
{
    adr_doc *d = load_root("a: {$ref: 'https://example.org/x.yaml#/a'}\n");
    adr_ref_status st;
    const char *msg;
    cr_assert_null(deref(at(d, "/a"), &st, &msg));
    cr_assert_eq(st, ADR_REF_REMOTE);
    cr_assert(strstr(msg, "was not fetched") != NULL);
    adr_ws_destroy(&ws);
}

Test(ref, unreadable_and_malformed)
{
    adr_doc *d = load_root("a: {$ref: 'missing.yaml'}\nb: {$ref: '#name'}\nc: {$ref: 5}\n");
    adr_ref_status st;
    const char *msg;
    cr_assert_null(deref(at(d, "/a"), &st, &msg));
    cr_assert_eq(st, ADR_REF_FILE);
    cr_assert_str_eq(msg, "Cannot read 'missing.yaml': No such file or directory");
    cr_assert_null(deref(at(d, "/b"), &st, &msg));
    cr_assert_eq(st, ADR_REF_BAD);
    cr_assert_null(deref(at(d, "/c"), &st, &msg));
    cr_assert_eq(st, ADR_REF_BAD);
    adr_ws_destroy(&ws);
}
