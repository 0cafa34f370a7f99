#include "report.h"

#include <stdio.h>
#include <stdint.h>
#include <string.h>

size_t adr_utf16_len(const char *s, size_t n)
{
    size_t u = 0, i = 0;
    /* ASCII runs, eight bytes at a time, are one unit per byte. */
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
        u += 8;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) u += c >= 0xF0 ? 2 : 1;
    }
    return u;
}

void adr_pointer_segments(const char *pointer, void (*fn)(void *, const char *, size_t), void *user)
{
    if (!pointer || !*pointer) return;
    adr_buf seg;
    adr_buf_init(&seg);
    const char *p = pointer;
    while (*p == '/') {
        p++;
        size_t n = strcspn(p, "/");
        if (!memchr(p, '~', n)) {
            /* Most segments need no unescaping: pass them in place. */
            fn(user, p, n);
            p += n;
            continue;
        }
        adr_buf_reset(&seg);
        const char *end = p + n;
        while (p < end) {
            const char *t = memchr(p, '~', (size_t)(end - p));
            if (!t) t = end;
            adr_buf_putn(&seg, p, (size_t)(t - p));
            p = t;
            if (p < end) {
                bool esc = p + 1 < end && (p[1] == '0' || p[1] == '1');
                adr_buf_putc(&seg, esc && p[1] == '1' ? '/' : '~');
                p += esc ? 2 : 1;
            }
        }
        fn(user, seg.data ? seg.data : "", seg.len);
    }
    adr_buf_free(&seg);
}

/* JavaScript's !isNaN(Number(s)) for a string without surrounding spaces. */
static bool js_numeric(const char *s, size_t n)
{
    if (n == 0) return true;
    size_t i = 0;
    if (n > 2 && s[0] == '0' &&
        (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B')) {
        char k = (char)(s[1] | 0x20);
        for (i = 2; i < n; i++) {
            char c = s[i];
            bool ok = k == 'x'
                          ? ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
                      : k == 'o' ? (c >= '0' && c <= '7')
                                 : (c == '0' || c == '1');
            if (!ok) return false;
        }
        return true;
    }
    if (s[i] == '+' || s[i] == '-') i++;
    if (n - i == 8 && memcmp(s + i, "Infinity", 8) == 0) return true;
    size_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, digits++;
    }
    if (!digits) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        size_t ed = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, ed++;
        if (!ed) return false;
    }
    return i == n;
}

static void put_decoded(adr_buf *out, const char *s, size_t n)
{
    if (!memchr(s, '~', n)) {
        adr_buf_putn(out, s, n);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '~' && i + 1 < n && (s[i + 1] == '0' || s[i + 1] == '1')) {
            adr_buf_putc(out, s[i + 1] == '0' ? '~' : '/');
            i++;
        } else {
            adr_buf_putc(out, s[i]);
        }
    }
}

/* Appends one decoded segment in Spectral's dotted form. Spectral decodes
 * ~1 and ~0 once more over the printed path, hence the second decoding. */
static void dot_segment(adr_buf *out, const char *s, size_t n, bool first)
{
    if (n == 0) {
        adr_buf_putn(out, "['']", 4);
        return;
    }
    bool space = false;
    for (size_t i = 0; i < n && !space; i++)
        space = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' ||
                s[i] == '\v';
    /* Only a segment starting like a number can be one (JavaScript's
     * Number() also takes "Infinity"). */
    char c = s[0];
    bool numeric = !space &&
                   ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'I') &&
                   js_numeric(s, n);
    if (space)
        adr_buf_putn(out, "['", 2);
    else if (numeric)
        adr_buf_putc(out, '[');
    else if (!first)
        adr_buf_putc(out, '.');
    put_decoded(out, s, n);
    if (space)
        adr_buf_putn(out, "']", 2);
    else if (numeric)
        adr_buf_putc(out, ']');
}

typedef struct dotpath {
    adr_buf *out;
    bool first;
} dotpath;

static void dot_segment_cb(void *user, const char *s, size_t n)
{
    dotpath *d = user;
    dot_segment(d->out, s, n, d->first);
    d->first = false;
}

void adr_pointer_to_dotpath(adr_buf *out, const char *pointer)
{
    dotpath d = {out, true};
    adr_pointer_segments(pointer, dot_segment_cb, &d);
}

const char *adr_report_severity_word(adr_severity s)
{
    switch (s) {
    case ADR_SEVERITY_ERROR: return "error";
    case ADR_SEVERITY_WARN: return "warning";
    case ADR_SEVERITY_INFO: return "information";
    default: return "hint";
    }
}

char *adr_report_relpath(const char *path, const char *base)
{
    char *abs = adr_path_absolute(path);
    if (!abs) return NULL;
    /* Walk the common leading segments, then climb out of the rest of
     * base with "../". */
    size_t common = 0, i = 0;
    for (;;) {
        char a = abs[i], b = base[i];
        if ((a == '/' || a == 0) && (b == '/' || b == 0)) common = i;
        if (a != b || a == 0) break;
        i++;
    }
    if (base[common] == 0 && abs[common] == 0) {
        adr_xfree(abs);
        return adr_xstrdup(".");
    }
    adr_buf b;
    adr_buf_init(&b);
    for (const char *p = base + common; *p; p++)
        if (*p == '/' && p[1]) adr_buf_puts(&b, "../");
    if (strcmp(base, "/") == 0) b.len = 0;
    const char *rest = abs + common;
    while (*rest == '/')
        rest++;
    adr_buf_puts(&b, rest);
    adr_xfree(abs);
    if (b.len && b.data[b.len - 1] == '/') b.data[--b.len] = 0;
    return adr_buf_take(&b);
}

/* Length of the UTF-8 sequence at s (at most n bytes), 0 when it is not
 * valid UTF-8; *ok tells whether XML 1.0 allows the character. */
static size_t xml_char(const unsigned char *s, size_t n, bool *ok)
{
    unsigned c = s[0];
    *ok = false;
    if (c < 0x80) {
        *ok = c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
        return 1;
    }
    size_t len = c >= 0xF0 && c <= 0xF4  ? 4
                 : c >= 0xE0 && c < 0xF0 ? 3
                 : c >= 0xC2 && c < 0xE0 ? 2
                                         : 0;
    if (!len || len > n) return 0;
    uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    *ok = cp != 0xFFFE && cp != 0xFFFF;
    return len;
}

static void xml_text(adr_buf *out, const char *s, size_t n, bool escape)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        bool ok;
        size_t len = xml_char(u + i, n - i, &ok);
        if (!ok) {
            /* One replacement per character, or per invalid byte. */
            adr_buf_puts(out, "\xef\xbf\xbd");
            i += len ? len : 1;
            continue;
        }
        if (!escape) {
            adr_buf_putn(out, s + i, len);
            i += len;
            continue;
        }
        switch (s[i]) {
        case '&': adr_buf_puts(out, "&amp;"); break;
        case '<': adr_buf_puts(out, "&lt;"); break;
        case '>': adr_buf_puts(out, "&gt;"); break;
        case '"': adr_buf_puts(out, "&quot;"); break;
        case '\'': adr_buf_puts(out, "&apos;"); break;
        /* Attribute values would turn raw line breaks into spaces. */
        case '\n': adr_buf_puts(out, "&#10;"); break;
        case '\r': adr_buf_puts(out, "&#13;"); break;
        case '\t': adr_buf_puts(out, "&#9;"); break;
        default: adr_buf_putn(out, s + i, len);
        }
        i += len;
    }
}

void adr_report_xml(adr_buf *out, const char *s, size_t n)
{
    xml_text(out, s, n, true);
}

void adr_report_xml_raw(adr_buf *out, const char *s, size_t n)
{
    xml_text(out, s, n, false);
}

void adr_report_uri(adr_buf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            (c && strchr("-._~!$&'()*+,;=:@/", c))) {
            adr_buf_putc(out, (char)c);
        } else {
            adr_buf_putc(out, '%');
            adr_buf_putc(out, hex[c >> 4]);
            adr_buf_putc(out, hex[c & 15]);
        }
    }
}

void adr_report_hash(char out[17], const char *const *parts, size_t nparts)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t p = 0; p < nparts; p++) {
        /* The NUL separator keeps ("ab","c") and ("a","bc") apart. */
        const unsigned char *s = (const unsigned char *)parts[p];
        size_t n = strlen(parts[p]) + 1;
        for (size_t i = 0; i < n; i++) {
            h ^= s[i];
            h *= 1099511628211ull;
        }
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static void json_sep(adr_json *j, const char *key)
{
    if (j->depth > 0) adr_buf_puts(j->out, j->first ? "\n" : ",\n");
    for (int i = 0; i < j->depth; i++)
        adr_buf_puts(j->out, j->indent);
    if (key) {
        adr_buf_json_string(j->out, key, strlen(key));
        adr_buf_puts(j->out, ": ");
    }
    j->first = false;
}

void adr_json_begin(adr_json *j, const char *key, char open)
{
    json_sep(j, key);
    adr_buf_putc(j->out, open);
    j->depth++;
    j->first = true;
}

void adr_json_end(adr_json *j, char close)
{
    j->depth--;
    if (!j->first) {
        adr_buf_putc(j->out, '\n');
        for (int i = 0; i < j->depth; i++)
            adr_buf_puts(j->out, j->indent);
    }
    adr_buf_putc(j->out, close);
    j->first = false;
}

void adr_json_str(adr_json *j, const char *key, const char *s)
{
    json_sep(j, key);
    adr_buf_json_string(j->out, s, strlen(s));
}

void adr_json_int(adr_json *j, const char *key, long long v)
{
    json_sep(j, key);
    adr_buf_printf(j->out, "%lld", v);
}
