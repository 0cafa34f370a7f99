/* Decoding of scalars whose value differs from their source text: quoted
 * scalars with escapes or line breaks, multi-line plain scalars and block
 * scalars, following YAML 1.2 chapters 6.5 (line folding), 7 (flow scalars)
 * and 8.1 (block scalars).
 *
 * libfyaml 0.7.12 can produce these texts (fy_token_get_text), but it is the
 * most expensive call of a parse, and for some double-quoted scalars it
 * leaks its buffer. Decoding straight from the source bytes is cheaper and
 * exact; tests/unit/test_scalar.c checks it against libfyaml on every scalar
 * of the corpus. Forms this decoder does not handle (an explicit block
 * indentation indicator) return NULL so the caller falls back. */
#include "scalar.h"

#include <string.h>

typedef struct out {
    char *p;
    size_t len, cap;
    adr_arena *arena;
    bool oom;
} out;

static bool reserve(out *o, size_t extra)
{
    if (o->len + extra <= o->cap) return true;
    size_t ncap = o->cap ? o->cap * 2 : 64;
    while (ncap < o->len + extra)
        ncap *= 2;
    char *np = adr_arena_alloc(o->arena, ncap);
    if (!np) {
        o->oom = true;
        return false;
    }
    if (o->len) memcpy(np, o->p, o->len);
    o->p = np;
    o->cap = ncap;
    return true;
}

static void put(out *o, const char *s, size_t n)
{
    if (!n || !reserve(o, n)) return;
    memcpy(o->p + o->len, s, n);
    o->len += n;
}

static void putc1(out *o, char c)
{
    if (!reserve(o, 1)) return;
    o->p[o->len++] = c;
}

static void put_utf8(out *o, unsigned long cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    put(o, b, n);
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t';
}

/* Length of a line break at s[i] ("\n" or "\r\n"), 0 when none. */
static size_t line_break(const char *s, size_t i, size_t end)
{
    if (i < end && s[i] == '\n') return 1;
    if (i + 1 < end && s[i] == '\r' && s[i + 1] == '\n') return 2;
    return 0;
}

static int hexv(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Flow scalars (plain, single- and double-quoted): line breaks fold. A
 * single break between text becomes a space, n breaks become n-1 newlines;
 * white space around breaks is dropped, except what an escape produced. */
static const char *decode_flow(adr_arena *arena, const char *s, size_t start, size_t end, int style,
                               size_t *len)
{
    out o = {NULL, 0, 0, arena, false};
    reserve(&o, end - start + 1);
    /* Start of the current run of literal white space in the output, or
     * SIZE_MAX when the output does not end in literal white space. */
    size_t ws_mark = SIZE_MAX;
    size_t i = start;
    while (i < end && !o.oom) {
        char c = s[i];
        size_t lb = line_break(s, i, end);
        if (lb) {
            if (ws_mark != SIZE_MAX) o.len = ws_mark;
            ws_mark = SIZE_MAX;
            size_t breaks = 0;
            while (i < end) {
                size_t b = line_break(s, i, end);
                if (!b) break;
                breaks++;
                i += b;
                while (i < end && is_ws(s[i]))
                    i++;
            }
            if (breaks == 1) {
                putc1(&o, ' ');
                /* The folded space does not count as trailing white space of
                 * a later line; it is the separator. */
            } else {
                for (size_t k = 1; k < breaks; k++)
                    putc1(&o, '\n');
            }
            continue;
        }
        if (style == ADR_SCALAR_SINGLE && c == '\'' && i + 1 < end && s[i + 1] == '\'') {
            putc1(&o, '\'');
            ws_mark = SIZE_MAX;
            i += 2;
            continue;
        }
        if (style == ADR_SCALAR_DOUBLE && c == '\\' && i + 1 < end) {
            char e = s[i + 1];
            size_t elb = line_break(s, i + 1, end);
            ws_mark = SIZE_MAX;
            if (elb) {
                /* An escaped line break joins the lines without a space. */
                i += 1 + elb;
                while (i < end && is_ws(s[i]))
                    i++;
                continue;
            }
            const char *rep = NULL;
            unsigned long cp = 0;
            size_t hex = 0;
            switch (e) {
            case '0': rep = "\0"; break;
            case 'a': rep = "\a"; break;
            case 'b': rep = "\b"; break;
            case 't':
            case '\t': rep = "\t"; break;
            case 'n': rep = "\n"; break;
            case 'v': rep = "\v"; break;
            case 'f': rep = "\f"; break;
            case 'r': rep = "\r"; break;
            case 'e': rep = "\x1b"; break;
            case ' ': rep = " "; break;
            case '"': rep = "\""; break;
            case '/': rep = "/"; break;
            case '\\': rep = "\\"; break;
            case 'N': cp = 0x85; break;
            case '_': cp = 0xA0; break;
            case 'L': cp = 0x2028; break;
            case 'P': cp = 0x2029; break;
            case 'x': hex = 2; break;
            case 'u': hex = 4; break;
            case 'U': hex = 8; break;
            default: return NULL; /* invalid escape: let libfyaml decide */
            }
            if (rep) {
                if (e == '0')
                    putc1(&o, '\0');
                else
                    put(&o, rep, 1);
                i += 2;
                continue;
            }
            if (hex) {
                if (i + 2 + hex > end) return NULL;
                for (size_t k = 0; k < hex; k++) {
                    int h = hexv(s[i + 2 + k]);
                    if (h < 0) return NULL;
                    cp = cp * 16 + (unsigned long)h;
                }
                i += 2 + hex;
                /* JSON spells characters outside the BMP as a UTF-16
                 * surrogate pair of two \u escapes. */
                if (hex == 4 && cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= end && s[i] == '\\' &&
                    s[i + 1] == 'u') {
                    unsigned long lo = 0;
                    for (size_t k = 0; k < 4; k++) {
                        int h = hexv(s[i + 2 + k]);
                        if (h < 0) return NULL;
                        lo = lo * 16 + (unsigned long)h;
                    }
                    if (lo < 0xDC00 || lo > 0xDFFF) return NULL;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return NULL;
            } else {
                i += 2;
            }
            put_utf8(&o, cp);
            continue;
        }
        if (is_ws(c)) {
            if (ws_mark == SIZE_MAX) ws_mark = o.len;
        } else {
            ws_mark = SIZE_MAX;
        }
        putc1(&o, c);
        i++;
    }
    if (o.oom) return NULL;
    /* Plain scalars never end in white space (the token excludes it). */
    *len = o.len;
    if (!o.p) return "";
    return o.p;
}

size_t adr_block_indicator(const char *s, size_t size, size_t start)
{
    /* The header line ("key: |-  # comment") precedes the content. */
    if (start == 0 || start > size) return SIZE_MAX;
    size_t hdr_end = start;
    if (s[hdr_end - 1] == '\n') {
        hdr_end--;
        if (hdr_end > 0 && s[hdr_end - 1] == '\r') hdr_end--;
    }
    size_t ls = hdr_end;
    while (ls > 0 && s[ls - 1] != '\n')
        ls--;
    /* The indicator is the last | or > followed only by chomping and
     * indentation indicators, white space and a comment. */
    size_t ind = SIZE_MAX;
    for (size_t k = ls; k < hdr_end; k++) {
        if (s[k] != '|' && s[k] != '>') continue;
        size_t j = k + 1;
        while (j < hdr_end && (s[j] == '+' || s[j] == '-' || (s[j] >= '0' && s[j] <= '9')))
            j++;
        size_t mods = j - k - 1;
        while (j < hdr_end && is_ws(s[j]))
            j++;
        if (mods <= 2 && (j == hdr_end || (s[j] == '#' && is_ws(s[j - 1])))) ind = k;
    }
    return ind;
}

/* Block scalars (| and >), as PyYAML's scanner implements chapter 8.1. */
static const char *decode_block(adr_arena *arena, const char *s, size_t size, size_t start,
                                size_t end, size_t given, size_t *len, bool *fallback)
{
    size_t ind = adr_block_indicator(s, size, start);
    if (ind == SIZE_MAX) {
        *fallback = true;
        return NULL;
    }
    size_t hdr_end = start;
    if (s[hdr_end - 1] == '\n') {
        hdr_end--;
        if (hdr_end > 0 && s[hdr_end - 1] == '\r') hdr_end--;
    }
    bool folded = s[ind] == '>';
    int chomp = 0; /* 0 clip, -1 strip, 1 keep */
    for (size_t j = ind + 1;
         j < hdr_end && (s[j] == '+' || s[j] == '-' || (s[j] >= '0' && s[j] <= '9')); j++) {
        if (s[j] == '+')
            chomp = 1;
        else if (s[j] == '-')
            chomp = -1;
        else if (!given) {
            /* An explicit indentation is relative to the parent's, which is
             * not known here. */
            *fallback = true;
            return NULL;
        }
    }
    /* Auto-detected indentation: the first non-empty line's, or more if a
     * leading white-space-only line is longer. */
    size_t indent = given, i = start;
    while (!given && i < end) {
        size_t sp = 0;
        while (i + sp < end && s[i + sp] == ' ')
            sp++;
        if (sp > indent) indent = sp;
        size_t lb = line_break(s, i + sp, end);
        if (!lb) break;
        i += sp + lb;
    }
    out o = {NULL, 0, 0, arena, false};
    reserve(&o, end - start + 1);
    i = start;
    /* Leading empty lines. */
    size_t breaks = 0;
    for (;;) {
        size_t sp = 0;
        while (sp < indent && i + sp < end && s[i + sp] == ' ')
            sp++;
        size_t lb = line_break(s, i + sp, end);
        if (!lb || i + sp >= end) break;
        breaks++;
        i += sp + lb;
    }
    size_t content_lines = 0;
    bool last_break = false;
    while (i < end && !o.oom) {
        /* Indentation of this line. */
        size_t sp = 0;
        while (sp < indent && i + sp < end && s[i + sp] == ' ')
            sp++;
        if (sp < indent) break; /* less indented: the scalar ended */
        i += sp;
        if (i >= end) break;
        for (size_t k = 0; k < breaks; k++)
            putc1(&o, '\n');
        bool leading_non_space = !is_ws(s[i]);
        size_t ls2 = i;
        while (i < end && s[i] != '\n' && !(s[i] == '\r' && i + 1 < end && s[i + 1] == '\n'))
            i++;
        put(&o, s + ls2, i - ls2);
        content_lines++;
        size_t lb = line_break(s, i, end);
        last_break = lb != 0;
        i += lb;
        /* Empty lines that follow. */
        breaks = 0;
        for (;;) {
            size_t k = 0;
            while (k < indent && i + k < end && s[i + k] == ' ')
                k++;
            size_t b = line_break(s, i + k, end);
            if (!b) break;
            breaks++;
            i += k + b;
        }
        size_t k = 0;
        while (k < indent && i + k < end && s[i + k] == ' ')
            k++;
        bool more = i + k < end && k == indent;
        if (more) {
            if (folded && lb && leading_non_space && !is_ws(s[i + k])) {
                if (!breaks) putc1(&o, ' ');
            } else if (lb) {
                putc1(&o, '\n');
            }
        } else {
            break;
        }
    }
    if (o.oom) return NULL;
    if (content_lines) {
        if (chomp >= 0 && last_break) putc1(&o, '\n');
        if (chomp == 1)
            for (size_t k = 0; k < breaks; k++)
                putc1(&o, '\n');
    } else if (chomp == 1) {
        for (size_t k = 0; k < breaks; k++)
            putc1(&o, '\n');
    }
    *len = o.len;
    return o.p ? o.p : "";
}

const char *adr_scalar_decode(adr_arena *arena, const char *buf, size_t size, size_t start,
                              size_t end, int style, size_t indent, size_t *len)
{
    bool fallback = false;
    if (end > size || start > end) return NULL;
    switch (style) {
    case ADR_SCALAR_PLAIN:
    case ADR_SCALAR_SINGLE:
    case ADR_SCALAR_DOUBLE: return decode_flow(arena, buf, start, end, style, len);
    case ADR_SCALAR_LITERAL:
    case ADR_SCALAR_FOLDED:
        return decode_block(arena, buf, size, start, end, indent, len, &fallback);
    default: return NULL;
    }
}
