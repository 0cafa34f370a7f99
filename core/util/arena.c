#include "util.h"

#include <stdio.h>
#include <string.h>

struct adr_arena_chunk {
    adr_arena_chunk *next;
    size_t size;
    /* data follows, 16-byte aligned */
};

#define CHUNK_HDR ((sizeof(adr_arena_chunk) + 15) & ~(size_t)15)

void adr_arena_init(adr_arena *a, size_t chunk_size)
{
    memset(a, 0, sizeof *a);
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
}

void adr_arena_destroy(adr_arena *a)
{
    adr_arena_chunk *c = a->head;
    while (c) {
        adr_arena_chunk *n = c->next;
        adr_xfree(c);
        c = n;
    }
    a->head = NULL;
    a->cur = a->end = NULL;
    a->total = 0;
}

void *adr_arena_alloc(adr_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    if ((size_t)(a->end - a->cur) < n) {
        size_t size = a->chunk_size;
        if (n > size / 4) {
            /* Large blocks get a chunk of their own, kept behind the head so
             * the current chunk's free space is not wasted. */
            adr_arena_chunk *c = adr_xmalloc(CHUNK_HDR + n);
            if (!c) return NULL;
            c->size = n;
            a->total += n;
            if (a->head) {
                c->next = a->head->next;
                a->head->next = c;
            } else {
                c->next = NULL;
                a->head = c;
                a->cur = a->end = (char *)c + CHUNK_HDR + n;
            }
            return (char *)c + CHUNK_HDR;
        }
        adr_arena_chunk *c = adr_xmalloc(CHUNK_HDR + size);
        if (!c) return NULL;
        c->size = size;
        c->next = a->head;
        a->head = c;
        a->cur = (char *)c + CHUNK_HDR;
        a->end = a->cur + size;
        a->total += size;
        /* Grow chunk size geometrically up to 4 MiB to keep chunk count low. */
        if (a->chunk_size < 4u * 1024 * 1024) a->chunk_size *= 2;
    }
    void *p = a->cur;
    a->cur += n;
    return p;
}

void *adr_arena_zalloc(adr_arena *a, size_t n)
{
    void *p = adr_arena_alloc(a, n);
    if (p) memset(p, 0, n);
    return p;
}

char *adr_arena_strndup(adr_arena *a, const char *s, size_t n)
{
    char *d = adr_arena_alloc(a, n + 1);
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *adr_arena_strdup(adr_arena *a, const char *s)
{
    return adr_arena_strndup(a, s, strlen(s));
}

char *adr_arena_vprintf(adr_arena *a, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, cp);
    va_end(cp);
    if (n < 0) return NULL;
    char *d = adr_arena_alloc(a, (size_t)n + 1);
    if (!d) return NULL;
    if ((size_t)n < sizeof small) {
        memcpy(d, small, (size_t)n + 1);
    } else {
        vsnprintf(d, (size_t)n + 1, fmt, ap);
    }
    return d;
}

char *adr_arena_printf(adr_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *r = adr_arena_vprintf(a, fmt, ap);
    va_end(ap);
    return r;
}
