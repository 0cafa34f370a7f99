#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The failure injector is process-wide and only used by single-threaded
 * tests; a relaxed atomic keeps the counter itself race-free. */
static _Atomic uint64_t alloc_count;
static _Atomic uint64_t fail_at;
static _Atomic bool fail_once;

void adr_alloc_fail_after(uint64_t n)
{
    alloc_count = 0;
    fail_once = false;
    fail_at = n;
}

void adr_alloc_fail_once(uint64_t n)
{
    alloc_count = 0;
    fail_once = true;
    fail_at = n;
}

uint64_t adr_alloc_count(void)
{
    return alloc_count;
}

static bool should_fail(void)
{
    uint64_t n = ++alloc_count;
    uint64_t f = fail_at;
    return f != 0 && (fail_once ? n == f : n >= f);
}

void *adr_xmalloc(size_t n)
{
    if (should_fail()) return NULL;
    return malloc(n ? n : 1);
}

void *adr_xcalloc(size_t count, size_t n)
{
    if (should_fail()) return NULL;
    return calloc(count ? count : 1, n ? n : 1);
}

void *adr_xrealloc(void *p, size_t n)
{
    if (should_fail()) return NULL;
    return realloc(p, n ? n : 1);
}

void adr_xfree(void *p)
{
    free(p);
}

char *adr_xstrndup(const char *s, size_t n)
{
    char *d = adr_xmalloc(n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *adr_xstrdup(const char *s)
{
    return s ? adr_xstrndup(s, strlen(s)) : NULL;
}

bool adr_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return true;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem) return false;
        ncap *= 2;
    }
    void *np = adr_xrealloc(*p, ncap * elem);
    if (!np) return false;
    *p = np;
    *cap = ncap;
    return true;
}
