/* Small building blocks shared by every stage: allocation (with a hook the
 * tests use to fail allocations), a chunked arena, a growable string and
 * vector helpers. */
#ifndef ADR_UTIL_H
#define ADR_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define ADR_INTERNAL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ADR_UNUSED                __attribute__((unused))
#define ADR_HOT_INLINE            inline __attribute__((always_inline))
#else
#define ADR_INTERNAL_PRINTF(f, a)
#define ADR_UNUSED
#define ADR_HOT_INLINE inline
#endif

#define ADR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* All allocations go through these, so a test can make the n-th fail. */
void *adr_xmalloc(size_t n);
void *adr_xcalloc(size_t count, size_t n);
void *adr_xrealloc(void *p, size_t n);
void adr_xfree(void *p);
char *adr_xstrdup(const char *s);
char *adr_xstrndup(const char *s, size_t n);

/* Fail the n-th allocation from now on (1-based) and every later one; 0
 * disables. For allocation-failure tests only. */
void adr_alloc_fail_after(uint64_t n);
/* Fail only the n-th allocation from now on: the code after a failure runs
 * with memory again, so a failure it swallows shows as a wrong result. */
void adr_alloc_fail_once(uint64_t n);
uint64_t adr_alloc_count(void);

/* Grows *p (an array of elem-sized items with capacity *cap) to hold at
 * least need items. Returns false on OOM, leaving *p untouched. */
bool adr_grow(void **p, size_t *cap, size_t need, size_t elem);

/* A chunked bump allocator: fast, never moves what it handed out, freed all
 * at once. Memory is 16-byte aligned. */
typedef struct adr_arena_chunk adr_arena_chunk;
typedef struct adr_arena {
    adr_arena_chunk *head;
    char *cur;
    char *end;
    size_t chunk_size;
    size_t total;
} adr_arena;

void adr_arena_init(adr_arena *a, size_t chunk_size);
void adr_arena_destroy(adr_arena *a);
void *adr_arena_alloc(adr_arena *a, size_t n);
void *adr_arena_zalloc(adr_arena *a, size_t n);
char *adr_arena_strndup(adr_arena *a, const char *s, size_t n);
char *adr_arena_strdup(adr_arena *a, const char *s);
char *adr_arena_printf(adr_arena *a, const char *fmt, ...) ADR_INTERNAL_PRINTF(2, 3);
char *adr_arena_vprintf(adr_arena *a, const char *fmt, va_list ap);

/* A growable NUL-terminated string. oom is set once an allocation failed;
 * later appends are ignored, so callers check once at the end. */
typedef struct adr_buf {
    char *data;
    size_t len;
    size_t cap;
    bool oom;
} adr_buf;

void adr_buf_init(adr_buf *b);
void adr_buf_free(adr_buf *b);
void adr_buf_reset(adr_buf *b);
void adr_buf_putn(adr_buf *b, const char *s, size_t n);
void adr_buf_puts(adr_buf *b, const char *s);
void adr_buf_putc(adr_buf *b, char c);
void adr_buf_printf(adr_buf *b, const char *fmt, ...) ADR_INTERNAL_PRINTF(2, 3);
void adr_buf_vprintf(adr_buf *b, const char *fmt, va_list ap);
void adr_buf_repeat(adr_buf *b, char c, size_t n);
/* Hands the string to the caller (free with adr_xfree); b is reset. NULL on OOM. */
char *adr_buf_take(adr_buf *b);

/* JSON string escaping (with the quotes). */
void adr_buf_json_string(adr_buf *b, const char *s, size_t n);

/* FNV-1a */
static inline uint64_t adr_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Thread-local last error (adr_last_error). */
void adr_set_error(const char *fmt, ...) ADR_INTERNAL_PRINTF(1, 2);
void adr_set_error_oom(void);
const char *adr_get_error(void);

/* Reads a whole file. Returns 0, or ADR_EIO / ADR_ELIMIT / ADR_ENOMEM with
 * the error set. *data is malloc'd (free with adr_xfree), NUL-terminated. */
int adr_read_file(const char *path, size_t max_size, char **data, size_t *size);
int adr_read_fd(int fd, size_t max_size, char **data, size_t *size);

/* Maps a regular file of at least 64 KiB read-only, so a big document is not
 * copied and its pages come from the page cache; anything else is read as
 * adr_read_file does. *mapped says which: release with adr_release_file.
 * A mapping is used only when the file's size is not a multiple of the page
 * size, so that data[size] is a readable NUL like adr_read_file's. */
int adr_map_file(const char *path, size_t max_size, char **data, size_t *size, bool *mapped);
void adr_release_file(char *data, size_t size, bool mapped);

/* Path helpers. Results are malloc'd. */
char *adr_path_dirname(const char *path);
char *adr_path_join(const char *dir, const char *rel);
/* Lexically normalises an absolute or relative path ("a/./b/../c" -> "a/c"). */
char *adr_path_normalize(const char *path);
/* 1 when path (normalised, absolute) lies inside dir (normalised, absolute). */
int adr_path_within(const char *path, const char *dir);
char *adr_path_absolute(const char *path);

#endif
