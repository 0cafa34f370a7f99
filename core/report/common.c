#include "report.h"

#include <string.h>

size_t adr_utf16_len(const char *s, size_t n)
{
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) u += c >= 0xF0 ? 2 : 1;
    }
    return u;
}

void adr_pointer_segments(const char *pointer, void (*fn)(void *, const char *, size_t),
                          void *user)
{
    if (!pointer || !*pointer) return;
    adr_buf seg;
    adr_buf_init(&seg);
    const char *p = pointer;
    while (*p == '/') {
        p++;
        adr_buf_reset(&seg);
        while (*p && *p != '/') {
            if (p[0] == '~' && (p[1] == '0' || p[1] == '1')) {
                adr_buf_putc(&seg, p[1] == '0' ? '~' : '/');
                p += 2;
            } else {
                adr_buf_putc(&seg, *p++);
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
    if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' ||
                                 s[1] == 'b' || s[1] == 'B')) {
        char k = (char)(s[1] | 0x20);
        for (i = 2; i < n; i++) {
            char c = s[i];
            bool ok = k == 'x' ? ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
                      : k == 'o' ? (c >= '0' && c <= '7')
                                 : (c == '0' || c == '1');
            if (!ok) return false;
        }
        return true;
    }
    if (s[i] == '+' || s[i] == '-') i++;
    if (n - i == 8 && memcmp(s + i, "Infinity", 8) == 0) return true;
    size_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    }
    if (!digits) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        size_t ed = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, ed++;
        if (!ed) return false;
    }
    return i == n;
}

static bool has_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' ||
            s[i] == '\v')
            return true;
    return false;
}

typedef struct dot_ctx {
    adr_buf *out;
    size_t index;
} dot_ctx;

/* Spectral decodes ~1 and ~0 once more over the printed path. */
static void put_decoded(adr_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '~' && i + 1 < n && (s[i + 1] == '0' || s[i + 1] == '1')) {
            adr_buf_putc(out, s[i + 1] == '0' ? '~' : '/');
            i++;
        } else {
            adr_buf_putc(out, s[i]);
        }
    }
}

static void dot_seg(void *user, const char *s, size_t n)
{
    dot_ctx *c = user;
    if (n == 0) {
        adr_buf_puts(c->out, "['']");
    } else if (has_space(s, n)) {
        adr_buf_puts(c->out, "['");
        put_decoded(c->out, s, n);
        adr_buf_puts(c->out, "']");
    } else if (js_numeric(s, n)) {
        adr_buf_putc(c->out, '[');
        put_decoded(c->out, s, n);
        adr_buf_putc(c->out, ']');
    } else {
        if (c->index) adr_buf_putc(c->out, '.');
        put_decoded(c->out, s, n);
    }
    c->index++;
}

void adr_pointer_to_dotpath(adr_buf *out, const char *pointer)
{
    dot_ctx c = {out, 0};
    adr_pointer_segments(pointer, dot_seg, &c);
}
