/* "format": the formats OpenAPI documents use, checked by hand (no regex
 * engine on the hot path). The grammars are the RFCs' (3339 dates and
 * times, 3986 URIs, 4291 IPv6, 1123 host names, 4648 base64, 4122 UUIDs);
 * email follows ajv-formats' practical dot-atom form. Formats not listed
 * here pass, as the JSON Schema specification says they may. */
#include "internal.h"

#include <float.h>
#include <math.h>
#include <string.h>

static const struct {
    const char *name;
    int id;
} formats[] = {
    {"date", FMT_DATE},     {"date-time", FMT_DATE_TIME},
    {"time", FMT_TIME},     {"email", FMT_EMAIL},
    {"uri", FMT_URI},       {"uri-reference", FMT_URI_REFERENCE},
    {"uuid", FMT_UUID},     {"ipv4", FMT_IPV4},
    {"ipv6", FMT_IPV6},     {"hostname", FMT_HOSTNAME},
    {"byte", FMT_BYTE},     {"int32", FMT_INT32},
    {"int64", FMT_INT64},   {"float", FMT_FLOAT},
    {"double", FMT_DOUBLE},
};

int adr_format_id(const char *s, size_t n)
{
    for (size_t i = 0; i < ADR_ARRAY_LEN(formats); i++)
        if (strlen(formats[i].name) == n && memcmp(formats[i].name, s, n) == 0)
            return formats[i].id;
    return FMT_NONE;
}

bool adr_format_is_numeric(int id)
{
    return id == FMT_INT32 || id == FMT_INT64 || id == FMT_FLOAT || id == FMT_DOUBLE;
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool hex(char c)
{
    return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int num2(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!digit(s[i])) return false;
    return true;
}

/* ---- RFC 3339 --------------------------------------------------------- */

static bool is_date(const char *s, size_t n)
{
    static const int dim[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) || !digits(s + 5, 2) ||
        !digits(s + 8, 2))
        return false;
    int year = num2(s) * 100 + num2(s + 2), month = num2(s + 5), day = num2(s + 8);
    if (month < 1 || month > 12 || day < 1) return false;
    bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return day <= (month == 2 && leap ? 29 : dim[month]);
}

/* full-time: partial-time time-offset. The offset is required, as in RFC
 * 3339 and JSON Schema; a leap second must fall on 23:59:60 UTC. */
static bool is_time(const char *s, size_t n)
{
    if (n < 9 || s[2] != ':' || s[5] != ':' || !digits(s, 2) || !digits(s + 3, 2) ||
        !digits(s + 6, 2))
        return false;
    int h = num2(s), m = num2(s + 3), sec = num2(s + 6);
    size_t i = 8;
    if (s[i] == '.') {
        size_t d = ++i;
        while (i < n && digit(s[i]))
            i++;
        if (i == d) return false;
    }
    if (i >= n) return false;
    int off = 0;
    if (s[i] == 'Z' || s[i] == 'z') {
        i++;
    } else if (s[i] == '+' || s[i] == '-') {
        if (n - i != 6 || s[i + 3] != ':' || !digits(s + i + 1, 2) || !digits(s + i + 4, 2))
            return false;
        int oh = num2(s + i + 1), om = num2(s + i + 4);
        if (oh > 23 || om > 59) return false;
        off = (s[i] == '+' ? 1 : -1) * (oh * 60 + om);
        i += 6;
    } else {
        return false;
    }
    if (i != n || h > 23 || m > 59 || sec > 60) return false;
    if (sec == 60) {
        int utc = ((h * 60 + m - off) % 1440 + 1440) % 1440;
        if (utc != 23 * 60 + 59) return false;
    }
    return true;
}

static bool is_date_time(const char *s, size_t n)
{
    /* RFC 3339 allows a space for readability; ajv-formats does too. */
    return n > 11 && (s[10] == 'T' || s[10] == 't' || s[10] == ' ') && is_date(s, 10) &&
           is_time(s + 11, n - 11);
}

/* ---- RFC 3986 --------------------------------------------------------- */

/* Character classes of RFC 3986, one table lookup per character. */
#define C_UNRESERVED 0x01u
#define C_SUB_DELIM  0x02u
#define C_COLON_AT   0x04u /* ':' and '@' (pchar beyond the above) */
#define C_SLASH_Q    0x08u /* '/' and '?' (query and fragment beyond pchar) */

static const unsigned char uri_classes[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 2, 0, 0, 2, 0, 2, 2, 2, 2, 2, 2, 2, 1, 1, 8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 2, 0, 2, 0, 8,
    4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0,
};

static unsigned char uri_class(unsigned char c)
{
    return c < 128 ? uri_classes[c] : 0;
}

static bool unreserved(char c)
{
    return uri_class((unsigned char)c) & C_UNRESERVED;
}

static bool sub_delim(char c)
{
    return uri_class((unsigned char)c) & C_SUB_DELIM;
}

/* Accepts one character of the classes in mask at s[*i] (a
 * percent-encoding counts as one). */
static bool uchar(const char *s, size_t n, size_t *i, unsigned mask)
{
    unsigned char c = (unsigned char)s[*i];
    if (c == '%') {
        if (*i + 2 >= n || !hex(s[*i + 1]) || !hex(s[*i + 2])) return false;
        *i += 3;
        return true;
    }
    if (uri_class(c) & mask) {
        (*i)++;
        return true;
    }
    return false;
}

#define REG_NAME (C_UNRESERVED | C_SUB_DELIM)
#define USERINFO (C_UNRESERVED | C_SUB_DELIM) /* and ':', checked apart */
#define PCHAR    (C_UNRESERVED | C_SUB_DELIM | C_COLON_AT)
#define QCHAR    (PCHAR | C_SLASH_Q)

static bool is_ipv4(const char *s, size_t n)
{
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (part && (i >= n || s[i++] != '.')) return false;
        size_t st = i;
        int v = 0;
        while (i < n && digit(s[i]) && i - st < 3)
            v = v * 10 + (s[i++] - '0');
        if (i == st || v > 255 || (i - st > 1 && s[st] == '0')) return false;
    }
    return i == n;
}

static bool is_ipv6(const char *s, size_t n)
{
    size_t i = 0;
    int groups = 0;
    bool dbl = false;
    if (n >= 2 && s[0] == ':' && s[1] == ':') {
        dbl = true;
        i = 2;
        if (i == n) return true;
    } else if (n && s[0] == ':') {
        return false;
    }
    while (i < n) {
        /* An IPv4 tail counts as two groups and ends the address. */
        size_t e = i;
        while (e < n && s[e] != ':' && s[e] != '.')
            e++;
        if (e < n && s[e] == '.') {
            if (!is_ipv4(s + i, n - i)) return false;
            groups += 2;
            i = n;
            break;
        }
        size_t st = i;
        while (i < n && hex(s[i]) && i - st < 4)
            i++;
        if (i == st) return false;
        groups++;
        if (i == n) break;
        if (s[i] != ':') return false;
        i++;
        if (i < n && s[i] == ':') {
            if (dbl) return false;
            dbl = true;
            i++;
            if (i == n) break;
        } else if (i == n) {
            return false;
        }
    }
    return dbl ? groups <= 7 : groups == 8;
}

static bool ip_literal(const char *s, size_t n)
{
    if (n && (s[0] == 'v' || s[0] == 'V')) {
        size_t i = 1;
        while (i < n && hex(s[i]))
            i++;
        if (i == 1 || i >= n || s[i] != '.') return false;
        i++;
        if (i == n) return false;
        for (; i < n; i++)
            if (!unreserved(s[i]) && !sub_delim(s[i]) && s[i] != ':') return false;
        return true;
    }
    return is_ipv6(s, n);
}

static bool authority(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    size_t i = 0;
    if (at) {
        size_t un = (size_t)(at - s);
        while (i < un)
            if (s[i] == ':')
                i++;
            else if (!uchar(s, un, &i, USERINFO))
                return false;
        i = un + 1;
    }
    if (i < n && s[i] == '[') {
        const char *close = memchr(s + i, ']', n - i);
        if (!close || !ip_literal(s + i + 1, (size_t)(close - s - i - 1))) return false;
        i = (size_t)(close - s) + 1;
    } else {
        while (i < n && s[i] != ':')
            if (!uchar(s, n, &i, REG_NAME)) return false;
    }
    if (i < n) {
        if (s[i] != ':') return false;
        return digits(s + i + 1, n - i - 1);
    }
    return true;
}

/* path, query and fragment from i to the end, in one pass (URIs are the
 * most common format in examples). */
static bool tail(const char *s, size_t n, size_t i, bool noscheme_first)
{
    int part = 0; /* 0 path, 1 query, 2 fragment */
    bool first_segment = noscheme_first;
    for (; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (uri_class(ch) & (C_UNRESERVED | C_SUB_DELIM)) continue;
        switch (ch) {
        case '%':
            if (i + 2 >= n || !hex(s[i + 1]) || !hex(s[i + 2])) return false;
            i += 2;
            break;
        case '/': first_segment = false; break;
        case ':':
            /* path-noscheme: no colon in the first segment */
            if (part == 0 && first_segment) return false;
            break;
        case '@': break;
        case '?':
            if (part == 0) part = 1;
            break;
        case '#':
            if (part == 2) return false;
            part = 2;
            break;
        default: return false;
        }
    }
    return true;
}

/* hier-part or relative-part from i: "//" authority path-abempty, or a
 * path. */
static bool after_scheme(const char *s, size_t n, size_t i, bool relative)
{
    if (n - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
        size_t st = i + 2, e = st;
        while (e < n && s[e] != '/' && s[e] != '?' && s[e] != '#')
            e++;
        if (!authority(s + st, e - st)) return false;
        return tail(s, n, e, false);
    }
    return tail(s, n, i, relative);
}

static size_t scheme_len(const char *s, size_t n)
{
    if (!n || !alpha(s[0])) return 0;
    size_t i = 1;
    while (i < n && (alpha(s[i]) || digit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
        i++;
    return i < n && s[i] == ':' ? i : 0;
}

static bool is_uri(const char *s, size_t n)
{
    size_t sl = scheme_len(s, n);
    return sl && after_scheme(s, n, sl + 1, false);
}

static bool is_uri_reference(const char *s, size_t n)
{
    size_t sl = scheme_len(s, n);
    if (sl) return after_scheme(s, n, sl + 1, false);
    return after_scheme(s, n, 0, true);
}

/* ---- the rest --------------------------------------------------------- */

static bool is_email(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    if (!at) return false;
    size_t ln = (size_t)(at - s);
    /* local part: dot-atom of atext */
    if (!ln || s[0] == '.' || s[ln - 1] == '.') return false;
    for (size_t i = 0; i < ln; i++) {
        char c = s[i];
        if (c == '.') {
            if (s[i + 1] == '.') return false;
        } else if (!(alpha(c) || digit(c) || strchr("!#$%&'*+/=?^_`{|}~-", c))) {
            return false;
        }
    }
    /* domain: two or more labels */
    const char *d = at + 1;
    size_t dn = n - ln - 1, i = 0;
    int labels = 0;
    while (i < dn) {
        size_t st = i;
        while (i < dn && (alpha(d[i]) || digit(d[i]) || d[i] == '-'))
            i++;
        if (i == st || d[st] == '-' || d[i - 1] == '-') return false;
        labels++;
        if (i == dn) break;
        if (d[i] != '.' || i + 1 == dn) return false;
        i++;
    }
    return labels >= 2;
}

static bool is_hostname(const char *s, size_t n)
{
    size_t len = n && s[n - 1] == '.' ? n - 1 : n;
    if (len < 1 || len > 253) return false;
    size_t i = 0;
    while (i < len) {
        size_t st = i;
        while (i < len && (alpha(s[i]) || digit(s[i]) || s[i] == '-'))
            i++;
        if (i == st || i - st > 63 || s[st] == '-' || s[i - 1] == '-') return false;
        if (i == len) break;
        if (s[i] != '.' || i + 1 == len) return false;
        i++;
    }
    return true;
}

static bool is_uuid(const char *s, size_t n)
{
    if (n != 36) return false;
    for (size_t i = 0; i < n; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !hex(s[i])) return false;
    }
    return true;
}

static bool b64(char c)
{
    return alpha(c) || digit(c) || c == '+' || c == '/';
}

static bool is_byte(const char *s, size_t n)
{
    if (n % 4) return false;
    for (size_t i = 0; i < n; i++) {
        if (b64(s[i])) continue;
        /* '=' only as the final one or two characters */
        if (s[i] != '=' || i < n - 2 || (i == n - 2 && s[n - 1] != '=')) return false;
    }
    return true;
}

bool adr_format_check_string(int id, const char *s, size_t n)
{
    switch (id) {
    case FMT_DATE: return is_date(s, n);
    case FMT_DATE_TIME: return is_date_time(s, n);
    case FMT_TIME: return is_time(s, n);
    case FMT_EMAIL: return is_email(s, n);
    case FMT_URI: return is_uri(s, n);
    case FMT_URI_REFERENCE: return is_uri_reference(s, n);
    case FMT_UUID: return is_uuid(s, n);
    case FMT_IPV4: return is_ipv4(s, n);
    case FMT_IPV6: return is_ipv6(s, n);
    case FMT_HOSTNAME: return is_hostname(s, n);
    case FMT_BYTE: return is_byte(s, n);
    default: return true;
    }
}

bool adr_format_check_number(int id, const snum *v)
{
    switch (id) {
    case FMT_INT32: return adr_snum_integral(v) && v->v >= -2147483648.0L && v->v <= 2147483647.0L;
    case FMT_INT64:
        if (v->isint) return true;
        return adr_snum_integral(v) && v->v >= -9223372036854775808.0L &&
               v->v < 9223372036854775808.0L;
    case FMT_FLOAT: return isfinite(v->v) && fabsl(v->v) <= (long double)FLT_MAX;
    case FMT_DOUBLE: return !isnan(v->v) && fabsl(v->v) <= (long double)DBL_MAX;
    default: return true;
    }
}

int adr_schema_format_string(const char *format, const char *s, size_t n)
{
    int id = format ? adr_format_id(format, strlen(format)) : FMT_NONE;
    if (id == FMT_NONE || adr_format_is_numeric(id) || !s) return -1;
    return adr_format_check_string(id, s, n);
}

int adr_schema_format_number(const char *format, const adr_node *num)
{
    int id = format ? adr_format_id(format, strlen(format)) : FMT_NONE;
    snum v;
    if (!adr_format_is_numeric(id) || !adr_snum_parse(num, &v)) return -1;
    return adr_format_check_number(id, &v);
}
