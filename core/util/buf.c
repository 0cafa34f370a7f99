#include "util.h"

#include <stdio.h>
#include <string.h>

void adr_buf_init(adr_buf *b)
{
    memset(b, 0, sizeof *b);
}

void adr_buf_free(adr_buf *b)
{
    adr_xfree(b->data);
    memset(b, 0, sizeof *b);
}

void adr_buf_reset(adr_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = 0;
}

static bool reserve(adr_buf *b, size_t extra)
{
    if (b->oom) return false;
    if (b->len + extra + 1 <= b->cap) return true;
    if (!adr_grow((void **)&b->data, &b->cap, b->len + extra + 1, 1)) {
        b->oom = true;
        return false;
    }
    return true;
}

void adr_buf_putn(adr_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n)) return;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void adr_buf_puts(adr_buf *b, const char *s)
{
    adr_buf_putn(b, s, strlen(s));
}

void adr_buf_putc(adr_buf *b, char c)
{
    adr_buf_putn(b, &c, 1);
}

void adr_buf_repeat(adr_buf *b, char c, size_t n)
{
    if (!reserve(b, n)) return;
    memset(b->data + b->len, c, n);
    b->len += n;
    b->data[b->len] = 0;
}

void adr_buf_vprintf(adr_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0 || !reserve(b, (size_t)n)) return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void adr_buf_printf(adr_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    adr_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *adr_buf_take(adr_buf *b)
{
    if (b->oom) {
        adr_buf_free(b);
        return NULL;
    }
    if (!b->data && !reserve(b, 0)) return NULL;
    if (!b->data) return NULL;
    b->data[b->len] = 0;
    char *d = b->data;
    memset(b, 0, sizeof *b);
    return d;
}

void adr_buf_json_string(adr_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    adr_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
            if (c < 0x20) {
                u[0] = '\\';
                u[1] = 'u';
                u[2] = '0';
                u[3] = '0';
                u[4] = hex[c >> 4];
                u[5] = hex[c & 15];
                u[6] = 0;
                esc = u;
            }
        }
        if (esc) {
            adr_buf_putn(b, s + i - run, run);
            run = 0;
            adr_buf_puts(b, esc);
        } else {
            run++;
        }
    }
    adr_buf_putn(b, s + n - run, run);
    adr_buf_putc(b, '"');
}
