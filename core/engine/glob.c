/* Glob matching for configuration overrides: "*" and "?" stay within a path
 * segment, "**" spans segments, "[abc]" is a character class. A pattern
 * without "/" matches the file name in any directory, as .gitignore does.
 *
 * The pattern is compiled to a list of tokens and run as an NFA over the
 * path: time is O(tokens * path length) whatever the pattern, where a
 * backtracking matcher goes exponential on "*a*a*a*a*b" and recurses once
 * per star (a configuration file comes from the repository being linted). */
#include "engine.h"

#include <string.h>

enum { T_LIT, T_ONE, T_CLASS, T_STAR, T_GLOBSTAR };

typedef struct token {
    unsigned char kind;
    bool neg;        /* T_CLASS: [!...] or [^...] */
    char c;          /* T_LIT */
    const char *set; /* T_CLASS: the members, up to set_end */
    const char *set_end;
} token;

/* Compiles pattern; returns the token count, or SIZE_MAX when the pattern
 * can match nothing (an unterminated class). */
static size_t compile(const char *p, token *t)
{
    size_t n = 0;
    while (*p) {
        token *k = &t[n++];
        memset(k, 0, sizeof *k);
        if (p[0] == '*' && p[1] == '*') {
            k->kind = T_GLOBSTAR;
            p += 2;
            /* A slash after the double star is optional: it may span nothing. */
            if (*p == '/') p++;
        } else if (*p == '*') {
            k->kind = T_STAR;
            p++;
        } else if (*p == '?') {
            k->kind = T_ONE;
            p++;
        } else if (*p == '[') {
            const char *q = p + 1;
            k->kind = T_CLASS;
            k->neg = *q == '!' || *q == '^';
            if (k->neg) q++;
            k->set = q;
            while (*q && *q != ']')
                q += q[1] == '-' && q[2] && q[2] != ']' ? 3 : 1;
            if (!*q) return SIZE_MAX;
            k->set_end = q;
            p = q + 1;
        } else {
            k->kind = T_LIT;
            k->c = *p++;
        }
    }
    return n;
}

static bool class_has(const token *k, char c)
{
    bool hit = false;
    for (const char *q = k->set; q < k->set_end;) {
        if (q[1] == '-' && q + 2 < k->set_end) {
            if (c >= q[0] && c <= q[2]) hit = true;
            q += 3;
        } else {
            if (c == *q) hit = true;
            q++;
        }
    }
    return hit != k->neg;
}

/* Marks state i active, and the states a star lets it skip to. */
static void activate(const token *t, size_t n, bool *on, size_t i)
{
    for (;;) {
        on[i] = true;
        if (i == n || (t[i].kind != T_STAR && t[i].kind != T_GLOBSTAR)) return;
        i++;
    }
}

static bool match_here(const token *t, size_t n, const char *s, bool *cur, bool *next)
{
    memset(cur, 0, n + 1);
    activate(t, n, cur, 0);
    for (; *s; s++) {
        memset(next, 0, n + 1);
        bool any = false;
        for (size_t i = 0; i < n; i++) {
            if (!cur[i]) continue;
            const token *k = &t[i];
            bool stay = false, advance = false;
            switch (k->kind) {
            case T_LIT: advance = *s == k->c; break;
            case T_ONE: advance = *s != '/'; break;
            case T_CLASS: advance = class_has(k, *s); break;
            case T_STAR: stay = *s != '/'; break;
            default: stay = true; break;
            }
            if (stay) activate(t, n, next, i);
            if (advance) activate(t, n, next, i + 1);
            any = any || stay || advance;
        }
        if (!any) return false;
        bool *tmp = cur;
        cur = next;
        next = tmp;
    }
    return cur[n];
}

bool adr_glob_match(const char *pattern, const char *path)
{
    while (pattern[0] == '.' && pattern[1] == '/')
        pattern += 2;
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    size_t len = strlen(pattern);
    token small_t[32];
    bool small_s[2 * 33];
    token *t = len <= 32 ? small_t : adr_xmalloc(len * sizeof *t);
    bool *states = len <= 32 ? small_s : adr_xmalloc(2 * (len + 1));
    bool hit = false;
    size_t n = t && states ? compile(pattern, t) : SIZE_MAX;
    if (n != SIZE_MAX) {
        bool *cur = states, *next = states + n + 1;
        if (!strchr(pattern, '/')) {
            const char *base = strrchr(path, '/');
            hit = match_here(t, n, base ? base + 1 : path, cur, next) ||
                  match_here(t, n, path, cur, next);
        } else {
            hit = match_here(t, n, path, cur, next);
        }
    }
    if (t != small_t) adr_xfree(t);
    if (states != small_s) adr_xfree(states);
    return hit;
}
