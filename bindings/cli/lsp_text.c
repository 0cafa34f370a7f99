/* Document texts as the protocol sees them: lines ended by "\n", "\r\n" or
 * "\r", positions counted in UTF-16 or UTF-8 code units, edits applied by
 * range. Also file: URIs and the cheap "is this OpenAPI?" test. */
#include "lsp.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool build_lines(text *t)
{
    size_t cap = 64, n = 0;
    uint32_t *lines = malloc(cap * sizeof *lines);
    if (!lines) return false;
    lines[n++] = 0;
    const char *d = t->data;
    for (size_t i = 0; i < t->len; i++) {
        if (d[i] != '\n' && d[i] != '\r') continue;
        if (d[i] == '\r' && i + 1 < t->len && d[i + 1] == '\n') i++;
        if (n == cap) {
            uint32_t *nl = realloc(lines, cap * 2 * sizeof *lines);
            if (!nl) {
                free(lines);
                return false;
            }
            lines = nl;
            cap *= 2;
        }
        lines[n++] = (uint32_t)(i + 1);
    }
    t->lines = lines;
    t->nlines = n;
    return true;
}

/* A text of len bytes whose data the caller fills, then text_done(). */
static text *text_alloc(size_t len)
{
    /* Offsets are 32-bit, as in libadrlint. */
    if (len >= UINT32_MAX) return NULL;
    text *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->refs = 1;
    t->data = malloc(len + 1);
    if (!t->data) {
        free(t);
        return NULL;
    }
    t->data[len] = 0;
    t->len = len;
    return t;
}

static text *text_done(text *t)
{
    if (!build_lines(t)) {
        free(t->data);
        free(t);
        return NULL;
    }
    return t;
}

text *text_new(const char *data, size_t len)
{
    text *t = text_alloc(len);
    if (!t) return NULL;
    if (len) memcpy(t->data, data, len);
    return text_done(t);
}

text *text_ref(text *t)
{
    if (t) __atomic_add_fetch(&t->refs, 1, __ATOMIC_RELAXED);
    return t;
}

void text_unref(text *t)
{
    if (!t || __atomic_sub_fetch(&t->refs, 1, __ATOMIC_ACQ_REL) != 0) return;
    free(t->lines);
    free(t->data);
    free(t);
}

/* Where line i's content ends, before its line break. */
static size_t line_end(const text *t, size_t i)
{
    if (i + 1 >= t->nlines) return t->len;
    size_t e = t->lines[i + 1];
    if (e > 0 && t->data[e - 1] == '\n') e--;
    if (e > 0 && t->data[e - 1] == '\r' && e > t->lines[i]) e--;
    return e;
}

static size_t seq_len(unsigned char c)
{
    if (c < 0xC0) return 1; /* ASCII, or a stray continuation byte */
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    return 4;
}

size_t text_offset(const text *t, lsp_pos p, pos_encoding enc)
{
    if (p.line >= t->nlines) return t->len;
    size_t i = t->lines[p.line], end = line_end(t, p.line);
    uint32_t units = 0;
    while (i < end && units < p.character) {
        size_t n = seq_len((unsigned char)t->data[i]);
        if (i + n > end) n = end - i;
        uint32_t u = enc == ENC_UTF8 ? (uint32_t)n : (n == 4 ? 2 : 1);
        if (units + u > p.character) break;
        units += u;
        i += n;
    }
    return i;
}

lsp_pos text_position(const text *t, size_t offset, pos_encoding enc)
{
    if (offset > t->len) offset = t->len;
    size_t lo = 0, hi = t->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (t->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    lsp_pos p = {(uint32_t)lo, 0};
    size_t ls = t->lines[lo];
    if (enc == ENC_UTF8) {
        p.character = (uint32_t)(offset - ls);
        return p;
    }
    for (size_t i = ls; i < offset; i++) {
        unsigned char c = (unsigned char)t->data[i];
        if ((c & 0xC0) != 0x80) p.character += c >= 0xF0 ? 2 : 1;
    }
    return p;
}

text *text_edit(const text *t, lsp_pos start, lsp_pos end, const char *ins, size_t inslen,
                pos_encoding enc)
{
    size_t s = text_offset(t, start, enc), e = text_offset(t, end, enc);
    if (e < s) e = s;
    size_t n = t->len - (e - s);
    if (inslen >= UINT32_MAX - n) return NULL;
    text *nt = text_alloc(n + inslen);
    if (!nt) return NULL;
    memcpy(nt->data, t->data, s);
    if (inslen) memcpy(nt->data + s, ins, inslen);
    memcpy(nt->data + s + inslen, t->data + e, t->len - e);
    return text_done(nt);
}

/* ---- URIs ---- */

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *uri_to_path(const char *uri)
{
    if (!uri || strncasecmp(uri, "file://", 7) != 0) return NULL;
    const char *p = uri + 7;
    /* file://localhost/x and file:///x name the same file; other hosts are
     * not files of this machine. */
    if (strncasecmp(p, "localhost/", 10) == 0) p += 9;
    if (*p != '/') return NULL;
    size_t n = strcspn(p, "?#");
    char *out = malloc(n + 1);
    if (!out) return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '%') {
            out[w++] = p[i];
            continue;
        }
        int hi = i + 2 < n ? hexval(p[i + 1]) : -1;
        int lo = hi >= 0 ? hexval(p[i + 2]) : -1;
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
            free(out);
            return NULL;
        }
        out[w++] = (char)(hi * 16 + lo);
        i += 2;
    }
    out[w] = 0;
    return out;
}

char *path_to_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *out = malloc(7 + 3 * n + 1);
    if (!out) return NULL;
    memcpy(out, "file://", 7);
    size_t w = 7;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            out[w++] = (char)c;
        } else {
            out[w++] = '%';
            out[w++] = hex[c >> 4];
            out[w++] = hex[c & 15];
        }
    }
    out[w] = 0;
    return out;
}

char *path_normalize(const char *path)
{
    size_t n = strlen(path);
    char *out = malloc(n + 2);
    if (!out) return NULL;
    size_t len = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t sl = (size_t)(e - p);
        if (sl == 0 || (sl == 1 && p[0] == '.')) {
            /* nothing */
        } else if (sl == 2 && p[0] == '.' && p[1] == '.') {
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0) len--;
        } else {
            out[len++] = '/';
            memcpy(out + len, p, sl);
            len += sl;
        }
        p = e;
    }
    if (len == 0) out[len++] = '/';
    out[len] = 0;
    return out;
}

/* ---- OpenAPI or not ---- */

static bool is_root_key(const char *s, size_t n)
{
    return (n == 7 && memcmp(s, "openapi", 7) == 0) || (n == 7 && memcmp(s, "swagger", 7) == 0);
}

static size_t skip_space(const char *d, size_t i, size_t len)
{
    while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
        i++;
    return i;
}

/* The end of a quoted scalar starting at d[i] (its quote), just after the
 * closing quote. */
static size_t skip_quoted(const char *d, size_t i, size_t len)
{
    char q = d[i++];
    while (i < len) {
        if (q == '"' && d[i] == '\\') {
            i += 2;
            continue;
        }
        if (d[i] == q) {
            if (q == '\'' && i + 1 < len && d[i + 1] == '\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i++;
    }
    return len;
}

/* JSON, or YAML whose root is a flow mapping: keys at depth 1. */
static bool flow_has_key(const char *d, size_t i, size_t len)
{
    int depth = 0;
    bool want_key = false;
    while (i < len) {
        char c = d[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
            if (i < len && d[i] == '#') { /* a YAML comment */
                while (i < len && d[i] != '\n' && d[i] != '\r')
                    i++;
            }
            continue;
        }
        if (c == '{' || c == '[') {
            depth++;
            want_key = depth == 1 && c == '{';
            i++;
            continue;
        }
        if (c == '}' || c == ']') {
            if (--depth <= 0) return false;
            i++;
            continue;
        }
        if (c == ',') {
            want_key = depth == 1;
            i++;
            continue;
        }
        if (c == ':') {
            want_key = false;
            i++;
            continue;
        }
        size_t ks, ke;
        if (c == '"' || c == '\'') {
            ks = i + 1;
            i = skip_quoted(d, i, len);
            ke = i > ks ? i - 1 : ks;
        } else {
            ks = i;
            while (i < len && !strchr(",:{}[] \t\r\n", d[i]))
                i++;
            ke = i;
            if (i == ks) i++;
        }
        if (want_key && depth == 1 && is_root_key(d + ks, ke - ks)) {
            size_t j = skip_space(d, i, len);
            if (j < len && d[j] == ':') return true;
        }
        want_key = false;
    }
    return false;
}

/* Block YAML: a line starting in column 0 with openapi: or swagger:. */
static bool block_has_key(const char *d, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && d[e] != '\n' && d[e] != '\r')
            e++;
        size_t k = i;
        char q = 0;
        if (k < e && (d[k] == '"' || d[k] == '\'')) q = d[k++];
        if (e - k >= 7 && is_root_key(d + k, 7)) {
            k += 7;
            if (q && k < e && d[k] == q)
                k++;
            else if (q)
                k = e;
            while (k < e && (d[k] == ' ' || d[k] == '\t'))
                k++;
            if (k < e && d[k] == ':' && (k + 1 == e || d[k + 1] == ' ' || d[k + 1] == '\t'))
                return true;
        }
        i = e + 1;
    }
    return false;
}

bool text_is_openapi(const char *d, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0) i = 3;
    /* The first thing that is not a comment, a directive or a document
     * marker decides between flow and block. */
    for (;;) {
        i = skip_space(d, i, len);
        if (i >= len) return false;
        bool marker = len - i >= 3 && memcmp(d + i, "---", 3) == 0 &&
                      (len - i == 3 || d[i + 3] == ' ' || d[i + 3] == '\t' || d[i + 3] == '\r' ||
                       d[i + 3] == '\n');
        if (d[i] == '#' || d[i] == '%') {
            while (i < len && d[i] != '\n' && d[i] != '\r')
                i++;
        } else if (marker) {
            i += 3;
        } else {
            break;
        }
    }
    if (d[i] == '{') return flow_has_key(d, i, len);
    size_t bom = len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    return block_has_key(d + bom, len - bom);
}
