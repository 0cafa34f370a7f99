/* "pattern" and "patternProperties": ECMA-262 regular expressions run on
 * PCRE2. Each distinct pattern is translated and JIT-compiled once per run;
 * one that cannot be compiled is not checked (never a crash), and a match
 * that exceeds the match limit counts as a match, so catastrophic
 * backtracking cannot stall a lint. */
#include "internal.h"

#include <string.h>

struct rx_entry {
    const char *text; /* arena copy */
    size_t len;
    uint64_t hash;
    pcre2_code *re; /* NULL: did not compile */
};

/* ECMAScript WhiteSpace and LineTerminator beyond what PCRE2's \s (without
 * UCP) covers: NBSP, the Zs spaces, LS, PS and the BOM. */
#define ECMA_EXTRA_SPACE \
    "\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}"

static int hexv(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static long hexn(const char *s, size_t n, size_t count)
{
    if (n < count) return -1;
    long v = 0;
    for (size_t i = 0; i < count; i++) {
        int h = hexv(s[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool adr_schema_ecma_to_pcre2(const char *s, size_t n, adr_buf *o)
{
    bool in_class = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\\') {
            if (i + 1 >= n) return false; /* a trailing backslash is a syntax error */
            char e = s[++i];
            switch (e) {
            case 'B':
                /* Inside a class \B is an identity escape in ECMA and an
                 * error in PCRE2. */
                adr_buf_puts(o, in_class ? "B" : "\\B");
                break;
            case 'd':
            case 'D':
            case 'w':
            case 'W':
            case 'b':
            case 't':
            case 'n':
            case 'r':
            case 'f':
            case 'k':
            case 'p':
            case 'P':
                /* \p{..} is read with Unicode semantics, what the author
                 * means (JSON Schema recommends the u flag). */
                adr_buf_putc(o, '\\');
                adr_buf_putc(o, e);
                break;
            case 'c':
                if (i + 1 < n && ((s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
                                  (s[i + 1] >= 'A' && s[i + 1] <= 'Z'))) {
                    adr_buf_printf(o, "\\x{%x}", (unsigned)(s[i + 1] & 31));
                    i++;
                } else {
                    adr_buf_puts(o, "\\\\c");
                }
                break;
            case 's':
                adr_buf_puts(o, in_class ? "\\s" ECMA_EXTRA_SPACE : "[\\s" ECMA_EXTRA_SPACE "]");
                break;
            case 'S':
                /* Inside a class the complement cannot be spelled out;
                 * PCRE2's \S differs from ECMA's only on the rare Unicode
                 * spaces. */
                adr_buf_puts(o, in_class ? "\\S" : "[^\\s" ECMA_EXTRA_SPACE "]");
                break;
            case 'v': adr_buf_puts(o, "\\x{0b}"); break; /* PCRE2 \v is a class */
            case '0':
                if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') return false;
                adr_buf_puts(o, "\\x{0}");
                break;
            case 'x': {
                long v = hexn(s + i + 1, n - i - 1, 2);
                if (v < 0) {
                    adr_buf_putc(o, 'x'); /* Annex B identity escape */
                } else {
                    adr_buf_printf(o, "\\x{%lx}", v);
                    i += 2;
                }
                break;
            }
            case 'u': {
                long v = hexn(s + i + 1, n - i - 1, 4);
                if (v < 0) {
                    adr_buf_putc(o, 'u');
                    break;
                }
                i += 4;
                if (v >= 0xD800 && v <= 0xDBFF && i + 6 < n && s[i + 1] == '\\' &&
                    s[i + 2] == 'u') {
                    long lo = hexn(s + i + 3, n - i - 3, 4);
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                        i += 6;
                    }
                }
                /* A lone surrogate cannot occur in UTF-8 text. */
                if (v >= 0xD800 && v <= 0xDFFF) return false;
                adr_buf_printf(o, "\\x{%lx}", v);
                break;
            }
            default:
                if (e >= '1' && e <= '9') {
                    adr_buf_putc(o, '\\');
                    adr_buf_putc(o, e);
                } else if (is_alnum(e)) {
                    /* ECMA identity escape (\a is "a"); PCRE2 would read
                     * many of these as something else (\a BEL, \e ESC, \h,
                     * \R, \Q...). */
                    adr_buf_putc(o, e);
                } else {
                    /* \/ \- \. \$ ...: literal in both. */
                    adr_buf_putc(o, '\\');
                    adr_buf_putc(o, e);
                }
                break;
            }
            continue;
        }
        if (in_class) {
            if (c == ']') in_class = false;
            /* "[:" would start a POSIX class in PCRE2. */
            if (c == '[')
                adr_buf_puts(o, "\\[");
            else
                adr_buf_putc(o, c);
            continue;
        }
        if (c == '[') {
            if (i + 1 < n && s[i + 1] == ']') {
                adr_buf_puts(o, "(?!)"); /* [] matches nothing */
                i++;
                continue;
            }
            if (i + 2 < n && s[i + 1] == '^' && s[i + 2] == ']') {
                adr_buf_puts(o, "[\\s\\S]"); /* [^] matches anything */
                i += 2;
                continue;
            }
            in_class = true;
            adr_buf_putc(o, '[');
            if (i + 1 < n && s[i + 1] == '^') {
                adr_buf_putc(o, '^');
                i++;
            }
            /* A ']' right after '[' closes the class in ECMA but is a
             * literal in PCRE2; the empty cases were handled above. */
            continue;
        }
        if (c == '.') {
            adr_buf_puts(o, "[^\\n\\r\\x{2028}\\x{2029}]");
            continue;
        }
        adr_buf_putc(o, c);
    }
    return !in_class && !o->oom;
}

static pcre2_code *compile_rx(const char *pat, size_t n)
{
    adr_buf b;
    adr_buf_init(&b);
    pcre2_code *re = NULL;
    if (adr_schema_ecma_to_pcre2(pat, n, &b) && b.data) {
        int err;
        PCRE2_SIZE off;
        re = pcre2_compile((PCRE2_SPTR)b.data, b.len,
                           PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_NEVER_BACKSLASH_C, &err, &off,
                           NULL);
        if (re) pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* the interpreter is the fallback */
    }
    adr_buf_free(&b);
    return re;
}

pcre2_code *adr_rx_get(adr_schema_ctx *sc, const char *pat, size_t n)
{
    uint64_t h = adr_hash(pat, n);
    if (sc->rxcap) {
        size_t j = (size_t)h & (sc->rxcap - 1);
        while (sc->rx[j].text) {
            struct rx_entry *e = &sc->rx[j];
            if (e->hash == h && e->len == n && memcmp(e->text, pat, n) == 0) return e->re;
            j = (j + 1) & (sc->rxcap - 1);
        }
    }
    if ((sc->rxcount + 1) * 2 > sc->rxcap) {
        size_t ncap = sc->rxcap ? sc->rxcap * 2 : 64;
        struct rx_entry *nt = adr_xcalloc(ncap, sizeof *nt);
        if (!nt) {
            sc->oom = true;
            return NULL;
        }
        for (size_t i = 0; i < sc->rxcap; i++) {
            if (!sc->rx[i].text) continue;
            size_t j = (size_t)sc->rx[i].hash & (ncap - 1);
            while (nt[j].text)
                j = (j + 1) & (ncap - 1);
            nt[j] = sc->rx[i];
        }
        adr_xfree(sc->rx);
        sc->rx = nt;
        sc->rxcap = ncap;
    }
    const char *copy = adr_arena_strndup(&sc->arena, pat, n);
    if (!copy) {
        sc->oom = true;
        return NULL;
    }
    size_t j = (size_t)h & (sc->rxcap - 1);
    while (sc->rx[j].text)
        j = (j + 1) & (sc->rxcap - 1);
    sc->rx[j] = (struct rx_entry){copy, n, h, compile_rx(pat, n)};
    sc->rxcount++;
    return sc->rx[j].re;
}

int adr_rx_match(adr_schema_ctx *sc, pcre2_code *re, const char *s, size_t n)
{
    if (!re || !sc->md) return -1;
    int rc = pcre2_match(re, (PCRE2_SPTR)s, n, 0, 0, sc->md, sc->mctx);
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    return -1;
}

void adr_rx_free_all(adr_schema_ctx *sc)
{
    for (size_t i = 0; i < sc->rxcap; i++)
        if (sc->rx[i].re) pcre2_code_free(sc->rx[i].re);
    adr_xfree(sc->rx);
    sc->rx = NULL;
    sc->rxcap = sc->rxcount = 0;
}

int adr_schema_match(adr_schema_ctx *sc, const char *pattern, size_t plen, const char *s,
                     size_t len)
{
    pcre2_code *re = adr_rx_get(sc, pattern, plen);
    if (!re) return -1;
    return adr_rx_match(sc, re, s, len);
}
