#include "words.h"

#include <string.h>

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Lower-case letters, digits and the bytes of non-ASCII characters ("ö"
 * in "coördinaten") all continue a word. */
static bool is_lowerish(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

size_t adr_r_words(const char *s, size_t n, adr_r_word *out, size_t max)
{
    size_t count = 0, i = 0;
    while (i < n && count < max) {
        while (i < n && !is_upper(s[i]) && !is_lowerish(s[i]))
            i++;
        if (i >= n) break;
        size_t start = i++;
        if (is_upper(s[start])) {
            /* A run of capitals is one word (an acronym), except that its
             * last capital starts the next word when a lower-case letter
             * follows ("APIKey"). */
            while (i < n && is_upper(s[i]))
                i++;
            /* An acronym's plural keeps its "s" ("APIs", "URLsList"). */
            if (i - start > 1 && i < n && s[i] == 's' && (i + 1 == n || !is_lowerish(s[i + 1]))) {
                out[count].s = s + start;
                out[count].n = ++i - start;
                count++;
                continue;
            }
            if (i - start > 1 && i < n && is_lowerish(s[i]) && !(s[i] >= '0' && s[i] <= '9')) i--;
        }
        while (i < n && is_lowerish(s[i]))
            i++;
        out[count].s = s + start;
        out[count].n = i - start;
        count++;
    }
    return count;
}

bool adr_r_ieq(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (l != n) return false;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != lower(lit[i])) return false;
    return true;
}

bool adr_r_istarts(const char *s, size_t n, const char *prefix)
{
    size_t l = strlen(prefix);
    return l <= n && adr_r_ieq(s, l, prefix);
}

bool adr_r_iends(const char *s, size_t n, const char *suffix)
{
    size_t l = strlen(suffix);
    return l <= n && adr_r_ieq(s + n - l, l, suffix);
}

int adr_r_list_find(const char *const *list, const char *s, size_t n)
{
    for (int i = 0; list[i]; i++)
        if (n && lower(s[0]) == lower(list[i][0]) && adr_r_ieq(s, n, list[i])) return i;
    return -1;
}

/* Whether words [first, last) concatenated equal entry, case-insensitively. */
static bool run_equals(const adr_r_word *w, size_t first, size_t last, const char *entry)
{
    /* Most runs fail on their first letter; no need to measure the entry. */
    if (lower(w[first].s[0]) != entry[0]) return false;
    size_t off = 0, len = strlen(entry);
    for (size_t k = first; k < last; k++) {
        if (off + w[k].n > len) return false;
        for (size_t j = 0; j < w[k].n; j++)
            if (lower(w[k].s[j]) != entry[off + j]) return false;
        off += w[k].n;
    }
    return off == len;
}

/* The entries of both list types, read through one accessor. */
typedef const char *(*entry_at)(const void *list, size_t i);

static const char *word_at(const void *list, size_t i)
{
    return ((const char *const *)list)[i];
}

static const char *term_at(const void *list, size_t i)
{
    return ((const adr_r_term *)list)[i].word;
}

static int find(const adr_r_word *w, size_t count, const void *list, entry_at at, bool at_end,
                size_t *first)
{
    for (size_t last = at_end ? count : 1; last <= count; last++) {
        for (size_t f = 0; f < last; f++) {
            for (size_t i = 0; at(list, i); i++) {
                if (run_equals(w, f, last, at(list, i))) {
                    *first = f;
                    return (int)i;
                }
            }
        }
    }
    return -1;
}

int adr_r_words_find(const adr_r_word *w, size_t count, const char *const *list, bool at_end,
                     size_t *first)
{
    return find(w, count, list, word_at, at_end, first);
}

const adr_r_term *adr_r_terms_find(const adr_r_word *w, size_t count, const adr_r_term *terms,
                                   bool at_end, size_t *first)
{
    int i = find(w, count, terms, term_at, at_end, first);
    return i >= 0 ? &terms[i] : NULL;
}
