/* Identifier words and word lists for the heuristic rules (sensitive
 * parameter names, verbs in paths, geometry property names...). Names are
 * split into words at separators and camelCase boundaries, so a word list
 * matches "access_token", "accessToken" and "access-token" alike, and never
 * matches inside a word ("subsidie" does not contain the word "bsn"). */
#ifndef ADR_PLUGIN_WORDS_H
#define ADR_PLUGIN_WORDS_H

#include <stdbool.h>
#include <stddef.h>

/* One word of an identifier: a slice of the original text. */
typedef struct adr_r_word {
    const char *s;
    size_t n;
} adr_r_word;

/* Splits s (n bytes) into at most max words: at any byte that is not a
 * letter, digit or non-ASCII byte ('-', '_', '.', ' ', '$', ...), between a
 * lower-case letter or digit and an upper-case letter ("tokenType"), and
 * before the last capital of a run followed by a lower-case letter
 * ("APIKey" -> "API", "Key"), except that an acronym keeps its plural "s"
 * ("APIs", "URLsList" -> "URLs", "List"). Digits stay with the word before
 * them.
 * Returns the number of words stored. */
size_t adr_r_words(const char *s, size_t n, adr_r_word *out, size_t max);

/* ASCII case-insensitive comparisons of a slice with a NUL-terminated
 * literal. */
bool adr_r_ieq(const char *s, size_t n, const char *lit);
bool adr_r_istarts(const char *s, size_t n, const char *prefix);
bool adr_r_iends(const char *s, size_t n, const char *suffix);

/* Index of the entry of a NULL-terminated list that equals s (ASCII
 * case-insensitive), or -1. */
int adr_r_list_find(const char *const *list, const char *s, size_t n);

/* Looks for a run of consecutive words whose concatenation equals an entry
 * of list (entries are lower-case, without separators: "accesstoken"
 * matches "access_token", "accessToken" and "accesstoken"). With at_end the
 * run must end at the last word, the head of an English or Dutch compound
 * ("accessToken" is a token, "tokenType" is a type). Returns the entry's
 * index and sets *first to the run's first word, or returns -1. */
int adr_r_words_find(const adr_r_word *w, size_t count, const char *const *list, bool at_end,
                     size_t *first);

/* A word list entry with a note (what the word means, what to use
 * instead). Lists end with an entry whose word is NULL. */
typedef struct adr_r_term {
    const char *word;
    const char *note;
} adr_r_term;

/* adr_r_words_find for a list of terms; returns the matching term or NULL. */
const adr_r_term *adr_r_terms_find(const adr_r_word *w, size_t count, const adr_r_term *terms,
                                   bool at_end, size_t *first);

#endif
