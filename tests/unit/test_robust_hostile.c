/* Hostile inputs (tests/hostile/ and files generated here in a temporary
 * directory): each is linted by the adrlint command of the build tree in a
 * child process, and the test asserts what a user would see (the error
 * message, or the findings with their positions) and that the lint took
 * less than 10 s and bounded memory (the child's peak RSS from wait4), and
 * did not crash or leak (in the ASan build LeakSanitizer fails the
 * command's exit status). The return codes of the same failures through
 * the API are checked in-process at the end.
 *
 * Big inputs (100 MB, a million keys) are written at test time, never
 * committed. */
#define _GNU_SOURCE /* wait4 */
#include <criterion/criterion.h>
#include <spawn.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "adrlint/adrlint.h"

extern char **environ;

#include "sanitized.h"
#ifdef SANITIZED
/* ASan's shadow memory and its 256 MB quarantine of freed blocks count in
 * the peak RSS; the bounds stay bounds, only looser. */
#define MEM_MB(mb) ((mb)*3 + 512)
/* ... and ASan runs them about three times slower: the largest input (35 MB,
 * 3 s in a release build) took 10.4 s in CI on a slow spell. Still a
 * bound: a quadratic or hanging case takes minutes. */
#define TIME_LIMIT 30.0
#else
#define MEM_MB(mb) (mb)
#define TIME_LIMIT 10.0
#endif

#define HOSTILE_DIR FIXTURES_DIR "/../tests/hostile"

/* What a lint gave. */
typedef struct outcome {
    int exit;            /* the CLI's: 0 clean, 1 findings, 2 error */
    char error[1024];    /* its message on standard error, without "adrlint: " */
    size_t count;        /* findings */
    char findings[4096]; /* the first findings, "LINE:COL CODE MESSAGE\n", 1-based as stylish */
    double seconds;
    long maxrss_mb;
} outcome;

static char tmp[64];

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void read_findings(outcome *o, const char *json_path)
{
    struct json_object *all = json_object_from_file(json_path);
    cr_assert_not_null(all, "the JSON report does not parse");
    cr_assert(json_object_is_type(all, json_type_array));
    o->count = json_object_array_length(all);
    size_t len = 0;
    for (size_t i = 0; i < o->count && len < sizeof o->findings - 1; i++) {
        struct json_object *d = json_object_array_get_idx(all, i), *range, *start, *line, *chr,
                           *code, *msg;
        cr_assert(json_object_object_get_ex(d, "range", &range) &&
                  json_object_object_get_ex(range, "start", &start) &&
                  json_object_object_get_ex(start, "line", &line) &&
                  json_object_object_get_ex(start, "character", &chr) &&
                  json_object_object_get_ex(d, "code", &code) &&
                  json_object_object_get_ex(d, "message", &msg));
        int n = snprintf(o->findings + len, sizeof o->findings - len, "%d:%d %s %s\n",
                         json_object_get_int(line) + 1, json_object_get_int(chr) + 1,
                         json_object_get_string(code), json_object_get_string(msg));
        if (n < 0) break;
        len += (size_t)n;
    }
    json_object_put(all);
}

/* Runs "adrlint lint -f json" on path (mode "file") or with path on
 * standard input (mode "stream") in a child process, and fails the test if
 * it crashes, leaks (the ASan build's LeakSanitizer fails its exit status)
 * or runs for more than twice the time limit (then it is killed, so a hang
 * fails instead of blocking the suite). */
static void run(outcome *o, const char *mode, const char *path)
{
    char out[128], err[128];
    snprintf(out, sizeof out, "%s/.out.json", tmp);
    snprintf(err, sizeof err, "%s/.err.txt", tmp);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (strcmp(mode, "stream") == 0) posix_spawn_file_actions_addopen(&fa, 0, path, O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    char *args[] = {
        "adrlint", "lint", "-f", "json", (char *)(strcmp(mode, "stream") == 0 ? "-" : path), NULL};
    memset(o, 0, sizeof *o);
    double t0 = now();
    pid_t pid;
    int e = posix_spawn(&pid, ADRLINT_CLI, &fa, NULL, args, environ);
    posix_spawn_file_actions_destroy(&fa);
    cr_assert_eq(e, 0, "%s: %s", ADRLINT_CLI, strerror(e));
    int status;
    struct rusage ru;
    bool killed = false;
    pid_t w;
    while ((w = wait4(pid, &status, WNOHANG, &ru)) == 0) {
        if (now() - t0 > 2 * TIME_LIMIT) {
            kill(pid, SIGKILL);
            killed = true;
            w = wait4(pid, &status, 0, &ru);
            break;
        }
        usleep(2000);
    }
    cr_assert_eq(w, pid);
    o->seconds = now() - t0;
    o->maxrss_mb = ru.ru_maxrss / 1024;
    cr_assert(!killed, "%s: still running after %.0f s (a hang)", path, 2 * TIME_LIMIT);
    cr_assert(WIFEXITED(status), "%s: adrlint died of signal %d", path, WTERMSIG(status));
    o->exit = WEXITSTATUS(status);
    FILE *f = fopen(err, "r");
    cr_assert_not_null(f);
    size_t n = fread(o->error, 1, sizeof o->error - 1, f);
    fclose(f);
    o->error[n] = 0;
    cr_assert(o->exit <= 2, "%s: adrlint exited with %d (a leak under LeakSanitizer?): %s", path,
              o->exit, o->error);
    if (o->exit == 2) {
        /* "adrlint: MESSAGE\n" */
        cr_assert_eq(strncmp(o->error, "adrlint: ", 9), 0, "stderr: %s", o->error);
        memmove(o->error, o->error + 9, strlen(o->error + 9) + 1);
        size_t l = strlen(o->error);
        if (l && o->error[l - 1] == '\n') o->error[l - 1] = 0;
    } else {
        read_findings(o, out);
    }
}

static void assert_bounded(const outcome *o, const char *what, long max_mb)
{
    cr_log_info("%s: %.2f s, %ld MB", what, o->seconds, o->maxrss_mb);
    cr_assert_lt(o->seconds, TIME_LIMIT, "%s took %.1f s", what, o->seconds);
    cr_assert_leq(o->maxrss_mb, MEM_MB(max_mb), "%s peaked at %ld MB (limit %ld MB)", what,
                  o->maxrss_mb, (long)MEM_MB(max_mb));
}

/* The lint succeeded with count findings, the first ones as given. */
static void assert_findings(const outcome *o, size_t count, const char *first)
{
    cr_assert_lt(o->exit, 2, "lint failed: %s", o->error);
    cr_assert_eq(o->count, count, "%zu findings, expected %zu:\n%s", o->count, count, o->findings);
    cr_assert_eq(strncmp(o->findings, first, strlen(first)), 0, "findings:\n%s\nexpected:\n%s",
                 o->findings, first);
}

/* The lint failed with this message (exit status 2). */
static void assert_error(const outcome *o, const char *message)
{
    cr_assert_eq(o->exit, 2, "exit status %d, expected an error", o->exit);
    cr_assert_str_eq(o->error, message);
}

/* ---- a temporary directory for generated inputs ---- */

static void make_tmp(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/adrlint-hostile-XXXXXX");
    cr_assert_not_null(mkdtemp(tmp));
}

static void remove_tmp(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (tmp[0] && system(cmd) != 0) cr_log_warn("could not remove %s", tmp);
}

TestSuite(hostile, .init = make_tmp, .fini = remove_tmp, .timeout = 120);

/* A path in the temporary directory; valid until eight more calls. */
static const char *tmp_path(const char *name)
{
    static char paths[8][256];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", tmp, name);
    return p;
}

static FILE *create(const char *path)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s: %s", path, strerror(errno));
    return f;
}

static void finish(FILE *f)
{
    cr_assert_eq(fclose(f), 0, "writing a generated input: %s", strerror(errno));
}

static const char header[] = "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\n";

/* ---- aliases, nesting, tags ---- */

Test(hostile, billion_laughs_stops_at_the_expansion_limit)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/billion-laughs.yaml");
    /* 9^9 nodes after expansion; stopped at the alias that crosses 10 million */
    assert_findings(&o, 1,
                    "11:13 parser Document expands to more than 10000000 nodes (alias expansion "
                    "limit)\n");
    assert_bounded(&o, "billion laughs", 64);
}

Test(hostile, ten_thousand_levels_of_flow_nesting)
{
    const char *path = tmp_path("deep-flow.yaml");
    FILE *f = create(path);
    fprintf(f, "a: ");
    for (int i = 0; i < 10000; i++)
        fputc('[', f);
    for (int i = 0; i < 10000; i++)
        fputc(']', f);
    fputc('\n', f);
    finish(f);
    outcome o;
    run(&o, "file", path);
    /* The root map is level 1; the 1000th bracket opens level 1001. */
    assert_findings(&o, 1, "1:1003 parser Nesting deeper than 1000 levels\n");
    assert_bounded(&o, "deep flow nesting", 64);
}

Test(hostile, ten_thousand_levels_of_block_nesting)
{
    /* "- - - ... x": each "- " opens a block sequence one level deeper. */
    const char *path = tmp_path("deep-block.yaml");
    FILE *f = create(path);
    fprintf(f, "%sx-deep:\n", header);
    for (int i = 0; i < 10000; i++)
        fputs("- ", f);
    fputs("x\n", f);
    finish(f);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 1, "5:1999 parser Nesting deeper than 1000 levels\n");
    assert_bounded(&o, "deep block sequences", 64);

    /* Block maps, each indented one more space than its parent. */
    path = tmp_path("deep-maps.yaml");
    f = create(path);
    for (int i = 0; i < 1100; i++)
        fprintf(f, "%*sk:\n", i, "");
    fprintf(f, "%*sv\n", 1100, "");
    finish(f);
    run(&o, "file", path);
    assert_findings(&o, 1, "1001:1001 parser Nesting deeper than 1000 levels\n");
    assert_bounded(&o, "deep block maps", 64);
}

Test(hostile, custom_tags_by_the_hundred_thousand)
{
    const char *path = tmp_path("tags.yaml");
    FILE *f = create(path);
    fprintf(f, "%sx-tags:\n", header);
    for (int i = 0; i < 100000; i++)
        fprintf(f, "  - !t%d v%d\n", i, i);
    finish(f);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 0, "");
    assert_bounded(&o, "100,000 custom tags", 128);
}

Test(hostile, tag_directives_beyond_the_limit)
{
    /* libfyaml compares every %TAG directive with all earlier ones. */
    const char *path = tmp_path("tag-directives.yaml");
    FILE *f = create(path);
    for (int i = 0; i < 200000; i++)
        fprintf(f, "%%TAG !t%d! tag:example.com,2000:%d/\n", i, i);
    fprintf(f, "---\n%s", header);
    finish(f);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 1,
                    "101:1 parser More than 100 %TAG directives (a document needs a few at "
                    "most)\n");
    assert_bounded(&o, "200,000 %TAG directives", 64);
}

Test(hostile, aliases_as_keys)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/aliases-as-keys.yaml");
    /* *name and the plain key "version" are the same key. */
    assert_findings(&o, 1, "10:3 duplicate-key Duplicate key: version\n");
    assert_bounded(&o, "aliases as keys", 64);
}

Test(hostile, merge_key_cycle)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/merge-key-cycle.yaml");
    /* An anchor is complete only at its end: a map cannot merge itself. */
    assert_findings(&o, 1, "5:8 parser Unknown alias *base\n");
    assert_bounded(&o, "merge key cycle", 64);
}

/* ---- bytes ---- */

Test(hostile, invalid_utf8)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/invalid-utf8.yaml");
    assert_findings(&o, 1, "3:14 parser Invalid UTF-8 byte sequence\n");
}

Test(hostile, nul_byte)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/nul-byte.json");
    assert_findings(&o, 1, "1:42 parser NUL byte is not allowed in a YAML or JSON document\n");
}

Test(hostile, json_with_a_byte_order_mark)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/bom.json");
    /* The BOM is no column: "1.0" is the 56th character of line 1. */
    assert_findings(&o, 1, "1:56 nlgov:semver Version 1.0 is not in semver format.\n");
}

Test(hostile, empty_file)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/empty.yaml");
    assert_findings(&o, 1,
                    "1:1 nlgov:openapi-root-exists The root of the document must contain the "
                    "`openapi` property.\n");
}

Test(hostile, huge_numbers)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/huge-numbers.yaml");
    /* 1e999999, 2^1000, -0, 300 hex digits: numbers, parsed without harm. */
    assert_findings(&o, 2,
                    "2:27 nlgov:semver Version 1e999999 is not in semver format.\n"
                    "2:27 oas3-schema \"version\" property must be string.\n");
}

Test(hostile, duplicate_keys)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/duplicate-keys.yaml");
    /* The last one wins: its version is valid, so no semver finding. */
    assert_findings(&o, 1, "4:1 duplicate-key Duplicate key: info\n");
}

/* ---- size ---- */

static void write_scalar_file(const char *path, size_t bytes)
{
    FILE *f = create(path);
    static char chunk[1 << 16];
    memset(chunk, 'x', sizeof chunk);
    fputs("a: \"", f);
    for (size_t left = bytes; left;) {
        size_t n = left < sizeof chunk ? left : sizeof chunk;
        cr_assert_eq(fwrite(chunk, 1, n, f), n);
        left -= n;
    }
    fputs("\"\n", f);
    finish(f);
}

Test(hostile, hundred_megabyte_scalar_is_over_the_limit)
{
    const char *path = tmp_path("huge.yaml");
    write_scalar_file(path, 100u << 20);
    outcome o;
    run(&o, "file", path);
    char msg[512];
    snprintf(msg, sizeof msg, "%s: file is larger than the limit of 67108864 bytes", path);
    assert_error(&o, msg);
    assert_bounded(&o, "a 100 MB file", 64);

    /* The same bytes as a stream: the limit applies while reading. */
    run(&o, "stream", path);
    assert_error(&o, "<stdin>: input is larger than the limit of 67108864 bytes");
    assert_bounded(&o, "a 100 MB stream", 100);
}

Test(hostile, thirty_megabyte_scalar_is_linted)
{
    const char *path = tmp_path("big.yaml");
    write_scalar_file(path, 30u << 20);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 1,
                    "1:1 nlgov:openapi-root-exists The root of the document must contain the "
                    "`openapi` property.\n");
    assert_bounded(&o, "a 30 MB scalar", 128);
}

Test(hostile, long_lines_and_keys)
{
    /* A 5 MB path key and a 20 MB line. */
    const char *path = tmp_path("long.yaml");
    FILE *f = create(path);
    fputs("openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /", f);
    for (int i = 0; i < 5 << 20; i++)
        fputc('a', f);
    fputs(": {}\nx-line: '", f);
    for (int i = 0; i < 20 << 20; i++)
        fputc('y', f);
    fputs("'\n", f);
    finish(f);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 0, "");
    assert_bounded(&o, "25 MB of long lines", 160);
}

Test(hostile, a_million_keys_in_one_map)
{
    /* Duplicate detection is hashed: a million properties and a thousand
     * repeated ones are linear work. */
    const char *path = tmp_path("million.yaml");
    FILE *f = create(path);
    fputs("openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\ncomponents:\n"
          "  schemas:\n    S:\n      type: object\n      properties:\n",
          f);
    for (int i = 0; i < 1000000; i++)
        fprintf(f, "        prop%d: {type: string}\n", i);
    for (int i = 0; i < 1000; i++)
        fprintf(f, "        prop%d: {type: integer}\n", i);
    finish(f);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 1000,
                    "1000009:9 duplicate-key Duplicate key: prop0\n"
                    "1000010:9 duplicate-key Duplicate key: prop1\n");
    /* 35 MB of input */
    assert_bounded(&o, "a million keys", 400);
}

Test(hostile, all_findings_on_one_line)
{
    /* Minified JSON: 100,000 findings on one 3 MB line. Positions, and
     * de-duplication, are constant time per finding. */
    const char *path = tmp_path("oneline.json");
    FILE *f = create(path);
    fputs("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1.0.0\"},\"paths\":{},"
          "\"components\":{\"schemas\":{\"S\":{\"type\":\"object\",\"properties\":{",
          f);
    for (int i = 0; i < 100000; i++)
        fprintf(f, "%s\"Prop_%d\":{\"type\":\"string\"}", i ? "," : "", i);
    fputs("}}}}}", f);
    finish(f);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 100000,
                    "1:139 nlgov:property-casing Properties must be lowerCamelCase.\n"
                    "1:166 nlgov:property-casing Properties must be lowerCamelCase.\n");
    assert_bounded(&o, "100,000 findings on one line", 400);
}

/* ---- files that are no regular files ---- */

Test(hostile, directory_given_as_a_file)
{
    outcome o;
    run(&o, "file", tmp);
    char msg[256];
    snprintf(msg, sizeof msg, "%s: is a directory", tmp);
    assert_error(&o, msg);
}

Test(hostile, symlink_loop)
{
    const char *a = tmp_path("loop-a.yaml"), *b = tmp_path("loop-b.yaml");
    cr_assert_eq(symlink(b, a), 0);
    cr_assert_eq(symlink(a, b), 0);
    outcome o;
    run(&o, "file", a);
    char msg[256];
    snprintf(msg, sizeof msg, "%s: Too many levels of symbolic links", a);
    assert_error(&o, msg);
}

Test(hostile, fifo_without_a_writer_does_not_hang)
{
    const char *path = tmp_path("fifo.yaml");
    cr_assert_eq(mkfifo(path, 0600), 0);
    outcome o;
    run(&o, "file", path);
    /* Nobody writes: it reads as an empty document. */
    assert_findings(&o, 1,
                    "1:1 nlgov:openapi-root-exists The root of the document must contain the "
                    "`openapi` property.\n");
    assert_bounded(&o, "a FIFO without a writer", 64);
}

Test(hostile, pipe_given_by_name_is_read)
{
    /* What a process substitution, <(generate-openapi), hands over: a
     * pipe's /dev/fd name. The child inherits the read end. */
    int p[2];
    cr_assert_eq(pipe(p), 0);
    static const char doc[] = "openapi: 3.0.3\ninfo: {title: t, version: '1.0'}\npaths: {}\n";
    cr_assert_eq(write(p[1], doc, sizeof doc - 1), (ssize_t)(sizeof doc - 1));
    close(p[1]);
    char path[64];
    snprintf(path, sizeof path, "/dev/fd/%d", p[0]);
    outcome o;
    run(&o, "file", path);
    close(p[0]);
    assert_findings(&o, 1, "2:27 nlgov:semver Version 1.0 is not in semver format.\n");
}

Test(hostile, dev_zero_is_refused)
{
    outcome o;
    run(&o, "file", "/dev/zero");
    assert_error(&o, "/dev/zero: a character device; give its contents on standard input (-) "
                     "instead");
    assert_bounded(&o, "/dev/zero", 64);
    /* As standard input the size limit ends it. */
    run(&o, "stream", "/dev/zero");
    assert_error(&o, "<stdin>: input is larger than the limit of 67108864 bytes");
    assert_bounded(&o, "/dev/zero on standard input", 100);
}

/* ---- references ---- */

Test(hostile, ref_cycle_through_three_files)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/ref-cycle/a.yaml");
    assert_findings(&o, 2,
                    "7:23 invalid-ref 'c.yaml#/Antwoord' is part of a $ref cycle that never "
                    "reaches an object\n"
                    "10:19 invalid-ref 'b.yaml#/Antwoord' is part of a $ref cycle that never "
                    "reaches an object\n");
    assert_bounded(&o, "a $ref cycle", 64);
}

Test(hostile, ref_escaping_the_root_directory)
{
    outcome o;
    run(&o, "file", HOSTILE_DIR "/ref-escape/api/openapi.yaml");
    assert_findings(&o, 3,
                    "7:23 invalid-ref '../secret.yaml' is outside the root directory and was "
                    "not read\n"
                    "8:23 invalid-ref 'sub/../../secret.yaml' is outside the root directory and "
                    "was not read\n"
                    "9:23 invalid-ref '%2e%2e/secret.yaml' is outside the root directory and was "
                    "not read\n");
}

Test(hostile, ref_escaping_through_a_symbolic_link)
{
    /* api/leak.yaml -> ../secret.yaml, api/etc -> .. : below the root by
     * name, outside it in fact. */
    cr_assert_eq(mkdir(tmp_path("api"), 0700), 0);
    FILE *f = create(tmp_path("secret.yaml"));
    fputs("Antwoord: {description: must never be read}\n", f);
    finish(f);
    cr_assert_eq(symlink("../secret.yaml", tmp_path("api/leak.yaml")), 0);
    cr_assert_eq(symlink("..", tmp_path("api/up")), 0);
    const char *path = tmp_path("api/openapi.yaml");
    f = create(path);
    fputs("openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n"
          "      responses:\n        '200': {$ref: 'leak.yaml#/Antwoord'}\n"
          "        '404': {$ref: 'up/secret.yaml#/Antwoord'}\n",
          f);
    finish(f);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 2,
                    "7:23 invalid-ref 'leak.yaml' is outside the root directory and was not "
                    "read\n"
                    "8:23 invalid-ref 'up/secret.yaml' is outside the root directory and was not "
                    "read\n");
}

Test(hostile, deeply_nested_ref_chains)
{
    /* 60 files, each referring to the next: the chain stops at 32. */
    for (int i = 0; i < 60; i++) {
        char name[32];
        snprintf(name, sizeof name, "chain%d.yaml", i);
        FILE *f = create(tmp_path(name));
        fprintf(f, "Antwoord: {$ref: 'chain%d.yaml#/Antwoord'}\n", i + 1);
        finish(f);
    }
    const char *path = tmp_path("chain.yaml");
    FILE *f = create(path);
    fputs("openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n"
          "      responses:\n        '200': {$ref: 'chain0.yaml#/Antwoord'}\n",
          f);
    finish(f);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 1, "7:23 invalid-ref Chain of more than 32 $refs\n");
    assert_bounded(&o, "a chain of 60 files", 64);
}

Test(hostile, more_referenced_files_than_the_limit)
{
    /* 1,100 files, one reference each: the first 1,000 are read. */
    char path[256];
    snprintf(path, sizeof path, "%s", tmp_path("fanout.yaml"));
    FILE *root = create(path);
    fputs("openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\ncomponents:\n"
          "  schemas:\n",
          root);
    for (int i = 0; i < 1100; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%04d.yaml", i);
        FILE *f = create(tmp_path(name));
        fputs("S: {type: string}\n", f);
        finish(f);
        fprintf(root, "    S%04d: {$ref: 's%04d.yaml#/S'}\n", i, i);
    }
    finish(root);
    outcome o;
    run(&o, "file", path);
    assert_findings(&o, 100,
                    "1006:19 invalid-ref 's1000.yaml' not read: more than 1000 referenced "
                    "files\n");
    assert_bounded(&o, "1,100 referenced files", 128);
}

/* ---- the same failures through the API: their return codes ---- */

static adr_linter *api_linter(void)
{
    adr_options opts = ADR_OPTIONS_INIT;
    const char *plugins[] = {PLUGIN_DIR};
    opts.flags = ADR_OPTION_NO_DEFAULT_PLUGINS;
    opts.plugin_paths = plugins;
    opts.plugin_path_count = 1;
    adr_linter *L = NULL;
    cr_assert_eq(adr_linter_new(&L, &opts), ADR_OK, "%s", adr_last_error());
    return L;
}

Test(hostile, api_return_codes)
{
    adr_linter *L = api_linter();
    adr_result *r = (adr_result *)1;
    cr_assert_eq(adr_linter_lint_file(L, tmp, &r), ADR_EIO);
    cr_assert_null(r, "no result on failure");
    cr_assert_eq(adr_linter_lint_file(L, "/dev/zero", &r), ADR_EIO);
    cr_assert(strstr(adr_last_error(), "a character device"), "%s", adr_last_error());

    const char *big = tmp_path("over.yaml");
    write_scalar_file(big, (64u << 20) + 1);
    cr_assert_eq(adr_linter_lint_file(L, big, &r), ADR_ELIMIT);
    int fd = open("/dev/zero", O_RDONLY);
    cr_assert_eq(adr_linter_lint_fd(L, fd, NULL, &r), ADR_ELIMIT);
    close(fd);
    /* A buffer over the limit is refused before it is copied. */
    cr_assert_eq(adr_linter_lint_buffer(L, "", (64u << 20) + 1, "x.yaml", &r), ADR_ELIMIT);
    cr_assert_str_eq(adr_last_error(), "x.yaml: input is larger than the limit of 67108864 bytes");
    adr_linter_free(L);
}

Test(hostile, smaller_limits_through_the_options)
{
    /* Limits are options: a service can lower them per linter. */
    adr_options opts = ADR_OPTIONS_INIT;
    const char *plugins[] = {PLUGIN_DIR};
    opts.flags = ADR_OPTION_NO_DEFAULT_PLUGINS;
    opts.plugin_paths = plugins;
    opts.plugin_path_count = 1;
    opts.max_file_size = 1000;
    opts.max_depth = 10;
    opts.max_nodes = 50;
    adr_linter *L = NULL;
    cr_assert_eq(adr_linter_new(&L, &opts), ADR_OK, "%s", adr_last_error());
    adr_result *r = NULL;
    cr_assert_eq(adr_linter_lint_file(L, HOSTILE_DIR "/huge-numbers.yaml", &r), ADR_ELIMIT);
    static const char deep[] = "a: [[[[[[[[[[[[]]]]]]]]]]]]\n";
    cr_assert_eq(adr_linter_lint_buffer(L, deep, sizeof deep - 1, "deep.yaml", &r), ADR_OK);
    cr_assert_eq(adr_result_count(r), 1);
    cr_assert_str_eq(adr_result_get(r, 0)->message, "Nesting deeper than 10 levels");
    adr_result_free(r);
    cr_assert_eq(adr_linter_lint_file(L, HOSTILE_DIR "/billion-laughs.yaml", &r), ADR_OK);
    cr_assert_str_eq(adr_result_get(r, 0)->message,
                     "Document expands to more than 50 nodes (alias expansion limit)");
    adr_result_free(r);
    adr_linter_free(L);
}
