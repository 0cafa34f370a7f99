/* Lint through the public API and check what a user would see: the call
 * succeeds, every finding is well formed (its position agrees with the
 * bytes it points at, its texts are UTF-8), and the JSON report parses. */
#define _POSIX_C_SOURCE 200809L
#include "lint.h"

#include <json-c/json.h>

#include "adrlint/adrlint.h"

static const char *const profiles[] = {"adr-2.0", "adr-2.1,future", "adr-2.2"};
#define NPROFILES (sizeof profiles / sizeof profiles[0])
static adr_linter *linters[NPROFILES];

static void free_linters(void)
{
    for (size_t i = 0; i < NPROFILES; i++)
        adr_linter_free(linters[i]);
}

void fuzz_lint_init(void)
{
    if (linters[0]) return;
    for (size_t i = 0; i < NPROFILES; i++) {
        adr_options o = ADR_OPTIONS_INIT;
        o.profile = profiles[i];
        o.root_dir = fuzz_workspace();
        /* Small enough that alias bombs are stopped quickly, large enough
         * for every real document in the corpus. */
        o.max_nodes = 200000;
        int rc = adr_linter_new(&linters[i], &o);
        FUZZ_CHECK(rc == ADR_OK, "adr_linter_new(%s): %s", profiles[i], adr_last_error());
    }
    atexit(free_linters);
}

static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = *p < 0x80             ? 0
                   : (*p & 0xE0) == 0xC0 ? 1
                   : (*p & 0xF0) == 0xE0 ? 2
                   : (*p & 0xF8) == 0xF0 ? 3
                                         : 9;
        if (n == 9 || (n == 1 && *p < 0xC2)) return 0;
        p++;
        for (size_t i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80) return 0;
    }
    return 1;
}

/* Line, byte column and UTF-16 column of offset in data, as the public
 * position promises (a leading BOM is not counted). */
static void position_of(const uint8_t *data, size_t size, uint32_t off, adr_position *p)
{
    size_t bom = size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
    size_t ls = bom;
    p->line = 0;
    for (size_t i = bom; i < off && i < size; i++)
        if (data[i] == '\n') {
            p->line++;
            ls = i + 1;
        }
    if (off < ls) ls = off;
    p->column = off - (uint32_t)ls;
    p->column_utf16 = 0;
    for (size_t i = ls; i < off; i++)
        if ((data[i] & 0xC0) != 0x80) p->column_utf16 += data[i] >= 0xF0 ? 2 : 1;
}

static void check_position(const uint8_t *data, size_t size, const adr_position *got,
                           const adr_diagnostic *d)
{
    FUZZ_CHECK(got->offset <= size, "%s: offset %u beyond %zu bytes", d->code, got->offset, size);
    adr_position want;
    position_of(data, size, got->offset, &want);
    FUZZ_CHECK(got->line == want.line && got->column == want.column &&
                   got->column_utf16 == want.column_utf16,
               "%s at offset %u: %u:%u(%u), bytes say %u:%u(%u)", d->code, got->offset, got->line,
               got->column, got->column_utf16, want.line, want.column, want.column_utf16);
}

static void check_result(const uint8_t *data, size_t size, const char *name, adr_result *r)
{
    FUZZ_CHECK(strcmp(adr_result_source(r), name) == 0, "source %s", adr_result_source(r));
    size_t n = adr_result_count(r);
    for (size_t i = 0; i < n; i++) {
        const adr_diagnostic *d = adr_result_get(r, i);
        FUZZ_CHECK(d && d->code && d->code[0] && d->rule_id && d->message && d->message[0] &&
                       d->source && d->path && d->doc_url,
                   "finding %zu incomplete", i);
        FUZZ_CHECK(d->severity >= ADR_SEVERITY_ERROR && d->severity <= ADR_SEVERITY_HINT,
                   "%s: severity %d", d->code, (int)d->severity);
        FUZZ_CHECK(d->path[0] == 0 || d->path[0] == '/', "%s: path '%s'", d->code, d->path);
        FUZZ_CHECK(valid_utf8(d->message) && valid_utf8(d->path) && valid_utf8(d->source),
                   "%s: text is not UTF-8: %s %s %s", d->code, d->message, d->path, d->source);
        FUZZ_CHECK(d->range.start.offset <= d->range.end.offset, "%s: range %u..%u", d->code,
                   d->range.start.offset, d->range.end.offset);
        /* Positions in the linted buffer itself; checking a few is enough
         * and keeps a document with thousands of findings fast. */
        if (i < 64 && strcmp(d->source, name) == 0) {
            check_position(data, size, &d->range.start, d);
            check_position(data, size, &d->range.end, d);
        }
    }
    const adr_result *rs[1] = {r};
    adr_write_options wo = ADR_WRITE_OPTIONS_INIT;
    char *text = NULL;
    size_t len = 0;
    FUZZ_CHECK(adr_result_write(rs, 1, &wo, &text, &len) == ADR_OK, "stylish: %s",
               adr_last_error());
    FUZZ_CHECK(strlen(text) == len, "stylish length");
    adr_free(text);
    wo.format = "json";
    FUZZ_CHECK(adr_result_write(rs, 1, &wo, &text, &len) == ADR_OK, "json: %s", adr_last_error());
    struct json_tokener *tok = json_tokener_new_ex(64);
    struct json_object *j = json_tokener_parse_ex(tok, text, (int)len);
    FUZZ_CHECK(j && json_tokener_get_error(tok) == json_tokener_success, "json report: %s",
               json_tokener_error_desc(json_tokener_get_error(tok)));
    FUZZ_CHECK(json_object_is_type(j, json_type_array) && json_object_array_length(j) == n,
               "json report holds %zu findings", n);
    json_object_put(j);
    json_tokener_free(tok);
    adr_free(text);
}

void fuzz_lint(const uint8_t *data, size_t size, const char *name)
{
    char path[128];
    fuzz_path(name, path, sizeof path);
    adr_result *r = NULL;
    const adr_linter *L = linters[size % NPROFILES];
    int rc = adr_linter_lint_buffer(L, (const char *)data, size, path, &r);
    FUZZ_CHECK(rc == ADR_OK, "lint returned %d: %s", rc, adr_last_error());
    check_result(data, size, path, r);
    adr_result_free(r);
}
