/* Glob matching for configuration overrides: "*" and "?" stay within a path
 * segment, "**" spans segments, "[abc]" is a character class. A pattern
 * without "/" matches the file name in any directory, as .gitignore does. */
#include "engine.h"

#include <string.h>

static bool match_here(const char *p, const char *s)
{
    while (*p) {
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            if (*p == '/') p++;
            for (;;) {
                if (match_here(p, s)) return true;
                if (!*s) return false;
                s++;
            }
        }
        if (*p == '*') {
            p++;
            for (;;) {
                if (match_here(p, s)) return true;
                if (!*s || *s == '/') return false;
                s++;
            }
        }
        if (!*s) return false;
        if (*p == '?') {
            if (*s == '/') return false;
        } else if (*p == '[') {
            const char *q = p + 1;
            bool neg = *q == '!' || *q == '^';
            if (neg) q++;
            bool hit = false;
            while (*q && *q != ']') {
                if (q[1] == '-' && q[2] && q[2] != ']') {
                    if (*s >= q[0] && *s <= q[2]) hit = true;
                    q += 3;
                } else {
                    if (*s == *q) hit = true;
                    q++;
                }
            }
            if (!*q || hit == neg) return false;
            p = q;
        } else if (*p != *s) {
            return false;
        }
        p++;
        s++;
    }
    return *s == 0;
}

bool adr_glob_match(const char *pattern, const char *path)
{
    while (pattern[0] == '.' && pattern[1] == '/') pattern += 2;
    while (path[0] == '.' && path[1] == '/') path += 2;
    if (!strchr(pattern, '/')) {
        const char *base = strrchr(path, '/');
        return match_here(pattern, base ? base + 1 : path) || match_here(pattern, path);
    }
    return match_here(pattern, path);
}
