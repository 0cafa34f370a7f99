#include "ts.h"

static bool alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t ts_scheme_len(const char *url, size_t n)
{
    if (n == 0 || !alpha(url[0])) return 0;
    for (size_t i = 1; i < n; i++) {
        char c = url[i];
        if (c == ':') return i;
        if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return 0;
    }
    return 0;
}
