/* The name heuristic of the date-time rules. A field name is split into
 * words at case changes, digits and separators (geboorteDatum, GBA_datum,
 * expiration-date); the word lists below then decide. They are data, so
 * the heuristic can be read and extended without reading the code. */
#include "date_fields.h"

/* Words that name a date. Dutch "datum" is always a calendar date (Dutch
 * APIs say "tijdstip" for a moment), so it counts wherever it stands: as
 * the head of a compound (geboorteDatum, geboortedatum, einddatum: any word
 * that ends in "datum") and in front of what the date is of (datumIngang,
 * datumVan, datumEersteInschrijvingGBA). English "date" counts only as the
 * last word (birthDate, expiration_date) or before "of" (dateOfBirth):
 * dateCreated and dateModified hold timestamps in many APIs. */
static const char *const dutch_date_suffix = "datum";
static const char *const english_date = "date";
static const char *const english_date_before[] = {"of", NULL};

/* English compounds written as one word. The suffix "date" alone would
 * also catch update, candidate, validate, mandate. */
static const char *const english_compounds[] = {
    "birthdate", "startdate", "enddate",     "duedate",  "expirydate", "expirationdate",
    "issuedate", "deathdate", "releasedate", "stopdate", NULL};

/* A word after the date word that makes the field a date-time or a time
 * (aanmaakDatumTijd, geboorteDatumTijd, datumTijdstip, date-time-local); a
 * word ending in one of these counts too (datumOntvangsttijd). */
static const char *const time_words[] = {"tijd",      "tijdstip", "tijdstempel", "time", "times",
                                         "timestamp", "moment",   "uur",         "hour", NULL};
static const char *const time_suffixes[] = {"tijd", "tijdstip", "time", NULL};

/* A word after the date word that makes the field something about a date
 * rather than a date (datumFormaat, dateType, geboortedatumOnbekend). */
static const char *const about_words[] = {
    "formaat",      "format",      "type",     "soort",     "onbekend", "unknown",
    "indicatie",    "indicator",   "precisie", "precision", "notatie",  "notation",
    "omschrijving", "description", "tekst",    "text",      "label",    NULL};

/* A word before "datum" that makes it a geodetic datum (a reference system
 * such as NAP or ETRS89), not a date: verticalDatum, geodeticDatum. */
static const char *const geodetic_words[] = {"vertical",  "horizontal",  "geodetic",   "tidal",
                                             "verticaal", "horizontaal", "geodetisch", NULL};

#define MAX_WORDS 32

typedef struct word {
    const char *s;
    size_t n;
} word;

static bool is_lower(char c)
{
    return (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
}
static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}
static bool is_alnum(char c)
{
    return is_lower(c) || is_upper(c) || is_digit(c);
}
static char lower(char c)
{
    return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* Splits at separators, lower-to-upper and letter-digit changes, and before
 * the last capital of an acronym that starts a word (GBADatum: GBA, Datum). */
static size_t split(const char *s, size_t n, word *w)
{
    size_t count = 0, i = 0;
    while (i < n && count < MAX_WORDS) {
        while (i < n && !is_alnum(s[i]))
            i++;
        if (i >= n) break;
        size_t start = i++;
        while (i < n && is_alnum(s[i])) {
            char p = s[i - 1], c = s[i];
            if (is_lower(p) && is_upper(c)) break;
            if (is_digit(p) != is_digit(c)) break;
            if (is_upper(p) && is_upper(c) && i + 1 < n && is_lower(s[i + 1])) break;
            i++;
        }
        w[count].s = s + start;
        w[count].n = i - start;
        count++;
    }
    return count;
}

static bool word_is(word w, const char *t)
{
    size_t n = strlen(t);
    if (w.n != n) return false;
    for (size_t i = 0; i < n; i++)
        if (lower(w.s[i]) != t[i]) return false;
    return true;
}

static bool word_ends(word w, const char *t)
{
    size_t n = strlen(t);
    if (w.n < n) return false;
    word tail = {w.s + w.n - n, n};
    return word_is(tail, t);
}

static bool word_in(word w, const char *const *list)
{
    for (; *list; list++)
        if (word_is(w, *list)) return true;
    return false;
}

static bool word_ends_in(word w, const char *const *list)
{
    for (; *list; list++)
        if (word_ends(w, *list)) return true;
    return false;
}

/* Every date word above contains "dat" (any case): most names do not, and
 * are ruled out without being split. */
static bool has_dat(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if ((s[i] | 0x20) == 'd' && (s[i + 1] | 0x20) == 'a' && (s[i + 2] | 0x20) == 't')
            return true;
    return false;
}

bool adr_dt_is_date_name(const char *s, size_t n)
{
    if (!has_dat(s, n)) return false;
    word w[MAX_WORDS];
    size_t count = split(s, n, w);
    /* The last date word decides; what follows it qualifies it. */
    size_t at = count;
    for (size_t i = count; i-- > 0 && at == count;) {
        bool english = word_is(w[i], english_date) || word_in(w[i], english_compounds);
        if (word_ends(w[i], dutch_date_suffix) ||
            (english && (i + 1 == count || word_in(w[i + 1], english_date_before))))
            at = i;
    }
    if (at == count) return false;
    for (size_t i = at + 1; i < count; i++)
        if (word_in(w[i], time_words) || word_ends_in(w[i], time_suffixes) ||
            word_in(w[i], about_words))
            return false;
    if (at > 0 && word_is(w[at], dutch_date_suffix) && word_in(w[at - 1], geodetic_words))
        return false;
    return true;
}
