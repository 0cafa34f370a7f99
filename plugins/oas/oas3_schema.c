/* oas3-schema - /core/doc-openapi: the document is a valid OpenAPI 3.0 or
 * 3.1 description.
 *
 * Written natively from the OpenAPI Specification texts (tables in
 * oas3_schema_tables.c), with Spectral's messages: Spectral validates with
 * ajv against its own OpenAPI JSON Schemas and prints ajv's errors as
 * '"<last path segment>" property <ajv message>.'. This is the one rule that
 * walks the whole document itself: it validates structure, which the typed
 * walk cannot give (it skips what it does not understand). One pass, no
 * allocation per node. */
#include "oas3_schema.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Deeper nesting is reported by the parser's depth limit; the bound only
 * keeps references between files from recursing without end. */
#define MAX_DEPTH 1200

typedef struct followed {
    const adr_node *node;
    uint32_t obj;
} followed;

/* Per-run state: the field lookup tables and the reference targets that
 * were validated already. */
typedef struct vstate {
    bool built;
    uint8_t slots[O_COUNT][OAS_HASH_SLOTS]; /* field index + 1, 0 empty */
    uint8_t lens[O_COUNT][OAS_MAX_FIELDS];  /* field name lengths */
    followed *seen;
    size_t nseen, capseen;
} vstate;

typedef struct vc {
    const adr_host *h;
    adr_ctx *ctx;
    vstate *st;
    bool v31;
    unsigned depth;
    const adr_node *root;
} vc;

static const adr_node *v_obj(vc *c, const adr_node *n, oas_obj o);
static void v_obj_or_ref(vc *c, const adr_node *n, oas_obj o);
static void v_schema(vc *c, const adr_node *n);

/* -- Field lookup --------------------------------------------------------- */

/* Field names differ in length or in their first, middle or last byte
 * often enough for linear probing to settle in one or two steps. */
static unsigned key_hash(const char *s, size_t n)
{
    if (n == 0) return 0;
    return (unsigned)n * 31u + (unsigned char)s[0] * 7u + (unsigned char)s[n / 2] * 17u +
           (unsigned char)s[n - 1] * 131u;
}

static void build_tables(vstate *st)
{
    for (size_t o = 0; o < O_COUNT; o++) {
        const oas_spec *sp = &oas_specs[o];
        for (uint8_t i = 0; i < sp->nfields; i++) {
            const char *name = sp->fields[i].name;
            if (!name) continue;
            st->lens[o][i] = (uint8_t)strlen(name);
            unsigned s = key_hash(name, st->lens[o][i]) & (OAS_HASH_SLOTS - 1);
            while (st->slots[o][s])
                s = (s + 1) & (OAS_HASH_SLOTS - 1);
            st->slots[o][s] = (uint8_t)(i + 1);
        }
    }
    st->built = true;
}

/* The field of object type o named s, or NULL; *idx receives its index. */
static const oas_field *lookup(const vc *c, oas_obj o, const char *s, size_t n, unsigned *idx)
{
    const oas_spec *sp = &oas_specs[o];
    const uint8_t *slots = c->st->slots[o];
    for (unsigned h = key_hash(s, n) & (OAS_HASH_SLOTS - 1);; h = (h + 1) & (OAS_HASH_SLOTS - 1)) {
        uint8_t e = slots[h];
        if (!e) return NULL;
        const oas_field *f = &sp->fields[e - 1];
        if (c->st->lens[o][e - 1] == n && memcmp(f->name, s, n) == 0) {
            if (f->flags & (c->v31 ? FL_V30 : FL_V31)) return NULL;
            *idx = e - 1u;
            return f;
        }
    }
}

/* -- Reporting ------------------------------------------------------------ */

/* The last segment of n's path, as Spectral names it in messages: its key,
 * its index in a sequence, or nothing for a document root. */
static const char *prop_name(const vc *c, const adr_node *n, char *buf, size_t cap, size_t *len)
{
    const adr_host *h = c->h;
    const adr_node *k = h->key_of(n);
    if (k) {
        const char *t = h->text(k, len);
        if (t) return t;
    }
    const adr_node *p = h->parent(n);
    if (!p || h->type(p) != ADR_NODE_SEQ) return NULL;
    for (size_t i = 0, cnt = h->count(p); i < cnt; i++)
        if (h->item(p, i) == n) {
            int w = snprintf(buf, cap, "%zu", i);
            *len = w > 0 ? (size_t)w : 0;
            return buf;
        }
    return NULL;
}

/* Reports '"<name>" property <message>.' at node at, as Spectral's
 * oas3-schema prints an ajv error. */
static void rep(vc *c, const adr_node *at, const char *fmt, ...) ADR_PRINTF(3, 4);
static void rep(vc *c, const adr_node *at, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (w < 0) return;
    size_t ml = strlen(msg);
    /* Spectral appends "." even after "Did you mean ...?". */
    const char *dot = ml && msg[ml - 1] == '?' ? "" : ".";
    char ib[24];
    size_t nl = 0;
    const char *name = prop_name(c, at, ib, sizeof ib, &nl);
    if (name)
        c->h->report(c->ctx, at, "\"%.*s\" property %s%s", (int)nl, name, msg, dot);
    else
        c->h->report(c->ctx, at, "%s%s", msg, dot);
}

static void type_error(vc *c, const adr_node *at, const char *type)
{
    rep(c, at, "must be %s", type);
}

static void not_expected(vc *c, const adr_node *key, const adr_node *value)
{
    size_t n;
    const char *k = c->h->text(key, &n);
    c->h->report(c->ctx, value, "Property \"%.*s\" is not expected to be here.", (int)n, k);
}

/* -- Small value checks ---------------------------------------------------- */

static bool is_ext(const char *s, size_t n)
{
    return n >= 2 && s[0] == 'x' && s[1] == '-';
}

static bool is_type(const vc *c, const adr_node *n, adr_node_type t)
{
    return c->h->type(n) == t;
}

static bool is_number(const vc *c, const adr_node *n)
{
    adr_node_type t = c->h->type(n);
    return t == ADR_NODE_INT || t == ADR_NODE_FLOAT;
}

static bool expect(vc *c, const adr_node *n, adr_node_type t, const char *name)
{
    if (is_type(c, n, t)) return true;
    type_error(c, n, name);
    return false;
}

static bool text_is(const adr_host *h, const adr_node *n, const char *s)
{
    return adr_r_text_eq(h, n, s);
}

static bool is_hex(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

static bool is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool is_alnum(char ch)
{
    return is_alpha(ch) || (ch >= '0' && ch <= '9');
}

/* RFC 3986 characters: unreserved, sub-delims, ":" and "@" (pchar), plus
 * the double quote ajv-formats' full uri patterns also let through. A table:
 * every $ref string goes through this. */
#define PC(ch) [(unsigned char)(ch)] = 1
static const unsigned char pchar_table[256] = {
    PC('-'), PC('.'), PC('_'), PC('~'), PC('!'), PC('$'), PC('&'), PC('\''), PC('('), PC(')'),
    PC('*'), PC('+'), PC(','), PC(';'), PC('='), PC(':'), PC('@'), PC('"'),  PC('0'), PC('1'),
    PC('2'), PC('3'), PC('4'), PC('5'), PC('6'), PC('7'), PC('8'), PC('9'),  PC('a'), PC('b'),
    PC('c'), PC('d'), PC('e'), PC('f'), PC('g'), PC('h'), PC('i'), PC('j'),  PC('k'), PC('l'),
    PC('m'), PC('n'), PC('o'), PC('p'), PC('q'), PC('r'), PC('s'), PC('t'),  PC('u'), PC('v'),
    PC('w'), PC('x'), PC('y'), PC('z'), PC('A'), PC('B'), PC('C'), PC('D'),  PC('E'), PC('F'),
    PC('G'), PC('H'), PC('I'), PC('J'), PC('K'), PC('L'), PC('M'), PC('N'),  PC('O'), PC('P'),
    PC('Q'), PC('R'), PC('S'), PC('T'), PC('U'), PC('V'), PC('W'), PC('X'),  PC('Y'), PC('Z'),
};
#undef PC

static bool is_pchar(char ch)
{
    return pchar_table[(unsigned char)ch] != 0;
}

/* ajv-formats' "uri-reference" (and "uri" when scheme is required): RFC
 * 3986 syntax, percent-encodings well formed, brackets only around an IP
 * literal host, one fragment. */
static bool valid_uri(const char *s, size_t n, bool need_scheme)
{
    size_t i = 0;
    if (n && is_alpha(s[0])) {
        size_t j = 1;
        while (j < n && (is_alnum(s[j]) || s[j] == '+' || s[j] == '-' || s[j] == '.'))
            j++;
        if (j < n && s[j] == ':') i = j + 1;
    }
    if (need_scheme && i == 0) return false;
    bool authority = i + 1 < n && s[i] == '/' && s[i + 1] == '/';
    size_t auth_end = i;
    if (authority) {
        auth_end = i + 2;
        while (auth_end < n && s[auth_end] != '/' && s[auth_end] != '?' && s[auth_end] != '#')
            auth_end++;
    }
    bool query = false, fragment = false;
    for (; i < n; i++) {
        char ch = s[i];
        if (ch == '%') {
            if (i + 2 >= n || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
            i += 2;
            continue;
        }
        if (ch == '#') {
            if (fragment) return false;
            fragment = true;
            continue;
        }
        if (ch == '?') {
            query = true;
            continue;
        }
        if (ch == '/') continue;
        if ((ch == '[' || ch == ']') && authority && i < auth_end && !query && !fragment) continue;
        if (!is_pchar(ch)) return false;
    }
    return true;
}

/* ajv-formats' full "email" format. */
static bool valid_email(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    if (!at || at == s) return false;
    size_t local = (size_t)(at - s);
    bool dot_ok = false;
    for (size_t i = 0; i < local; i++) {
        char ch = s[i];
        if (ch == '.') {
            if (!dot_ok) return false;
            dot_ok = false;
            continue;
        }
        if (!is_alnum(ch) && !strchr("!#$%&'*+/=?^_`{|}~-", ch)) return false;
        dot_ok = true;
    }
    if (!dot_ok) return false;
    /* Domain: at least two labels of [a-z0-9-]{1,63}, no '-' at either end. */
    const char *d = at + 1, *end = s + n;
    int labels = 0;
    while (d < end) {
        const char *e = d;
        while (e < end && *e != '.')
            e++;
        size_t ll = (size_t)(e - d);
        if (ll == 0 || ll > 63 || d[0] == '-' || d[ll - 1] == '-') return false;
        for (size_t i = 0; i < ll; i++)
            if (!is_alnum(d[i]) && d[i] != '-') return false;
        labels++;
        if (e == end) break;
        d = e + 1;
        if (d == end) return false;
    }
    return labels >= 2;
}

static void check_format(vc *c, const adr_node *v, unsigned fmt)
{
    size_t n;
    const char *s = c->h->text(v, &n);
    if (!s) return;
    if (fmt == F_URL) fmt = c->v31 ? F_URI : F_URI_REF;
    switch (fmt) {
    case F_EMAIL:
        if (!valid_email(s, n)) rep(c, v, "must match format \"email\"");
        break;
    case F_URI:
        if (!valid_uri(s, n, true)) rep(c, v, "must match format \"uri\"");
        break;
    case F_URI_REF:
        if (!valid_uri(s, n, false)) rep(c, v, "must match format \"uri-reference\"");
        break;
    default: break;
    }
}

/* Levenshtein distance, for Spectral's "Did you mean" suggestion. */
static size_t leven(const char *a, size_t an, const char *b, size_t bn)
{
    size_t row[64];
    if (bn >= 64) return (size_t)-1;
    for (size_t j = 0; j <= bn; j++)
        row[j] = j;
    for (size_t i = 1; i <= an; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= bn; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[bn];
}

/* Spectral's enum message: the allowed values, and the closest one when it
 * is close enough. */
static void enum_error(vc *c, const adr_node *v, const char *const *allowed)
{
    char list[512];
    size_t w = 0, count = 0;
    list[0] = 0;
    for (; allowed[count]; count++) {
        int k = snprintf(list + w, sizeof list - w, "%s\"%s\"", count ? ", " : "", allowed[count]);
        if (k > 0 && (size_t)k < sizeof list - w) w += (size_t)k;
    }
    size_t n;
    const char *s = is_type(c, v, ADR_NODE_STRING) ? c->h->text(v, &n) : NULL;
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; s && i < count; i++) {
        size_t d = leven(s, n, allowed[i], strlen(allowed[i]));
        if (d < best_d) best_d = d, best = allowed[i];
    }
    if (best && (count == 1 || best_d < strlen(best)))
        rep(c, v, "must be equal to one of the allowed values: %s. Did you mean \"%s\"?", list,
            best);
    else
        rep(c, v, "must be equal to one of the allowed values: %s", list);
}

static bool in_list(const adr_host *h, const adr_node *v, const char *const *allowed)
{
    size_t n;
    const char *s = h->text(v, &n);
    for (size_t i = 0; s && allowed[i]; i++)
        if (strlen(allowed[i]) == n && memcmp(allowed[i], s, n) == 0) return true;
    return false;
}

static void check_enum(vc *c, const adr_node *v, const char *const *allowed)
{
    if (!is_type(c, v, ADR_NODE_STRING) || !in_list(c->h, v, allowed)) enum_error(c, v, allowed);
}

/* JSON equality of two values (ajv's uniqueItems). */
static bool deep_equal(const adr_host *h, const adr_node *a, const adr_node *b)
{
    adr_node_type ta = h->type(a), tb = h->type(b);
    double da, db;
    if (h->number(a, &da) && h->number(b, &db)) return da == db;
    if (ta != tb) return false;
    if (ta == ADR_NODE_SEQ) {
        size_t n = h->count(a);
        if (n != h->count(b)) return false;
        for (size_t i = 0; i < n; i++)
            if (!deep_equal(h, h->item(a, i), h->item(b, i))) return false;
        return true;
    }
    if (ta == ADR_NODE_MAP) {
        size_t n = h->count(a);
        if (n != h->count(b)) return false;
        for (size_t i = 0; i < n; i++) {
            size_t kl;
            const char *k = h->text(h->key_at(a, i), &kl);
            const adr_node *other = NULL;
            for (size_t j = 0; k && j < n && !other; j++) {
                size_t ol;
                const char *ok = h->text(h->key_at(b, j), &ol);
                if (ok && ol == kl && memcmp(ok, k, kl) == 0) other = h->value_at(b, j);
            }
            if (!other || !deep_equal(h, h->value_at(a, i), other)) return false;
        }
        return true;
    }
    size_t la, lb;
    const char *sa = h->text(a, &la), *sb = h->text(b, &lb);
    return la == lb && (la == 0 || memcmp(sa, sb, la) == 0);
}

/* A cheap fingerprint of a value; equal values have equal fingerprints. */
static unsigned fingerprint(const adr_host *h, const adr_node *n)
{
    adr_node_type t = h->type(n);
    double d;
    if (h->number(n, &d)) return 1u;
    unsigned x = (unsigned)t * 2654435761u ^ (unsigned)h->count(n);
    /* A map's first key may be any of its keys in the other value, so only
     * a lone key (a Reference Object) is used. */
    const adr_node *s = t == ADR_NODE_MAP && h->count(n) == 1 ? h->value_at(n, 0) : n;
    size_t len;
    const char *txt = h->text(s, &len);
    for (size_t i = 0; txt && i < len; i++)
        x = (x ^ (unsigned char)txt[i]) * 16777619u;
    return x;
}

/* ajv's uniqueItems: the last item equal to an earlier one. */
static void check_unique(vc *c, const adr_node *arr)
{
    const adr_host *h = c->h;
    size_t n = h->count(arr);
    unsigned fp[64];
    bool use_fp = n <= sizeof fp / sizeof *fp;
    for (size_t i = 0; use_fp && i < n; i++)
        fp[i] = fingerprint(h, h->item(arr, i));
    for (size_t i = n; i-- > 1;)
        for (size_t j = i; j-- > 0;)
            if ((!use_fp || fp[i] == fp[j]) && deep_equal(h, h->item(arr, i), h->item(arr, j))) {
                rep(c, arr, "must not have duplicate items (items ## %zu and %zu are identical)", j,
                    i);
                return;
            }
}

static void check_min_items(vc *c, const adr_node *arr, size_t min)
{
    if (c->h->count(arr) < min) rep(c, arr, "must not have fewer than %zu items", min);
}

/* -- References ----------------------------------------------------------- */

static bool has_key(const adr_host *h, const adr_node *map, const char *key)
{
    return h->get(map, key) != NULL;
}

static const adr_node *doc_root(const adr_host *h, const adr_node *n)
{
    for (const adr_node *p = h->parent(n); p; p = h->parent(p))
        n = p;
    return n;
}

/* Records (target, type); false when it was recorded before. */
static bool first_visit(vc *c, const adr_node *t, oas_obj o)
{
    vstate *st = c->st;
    if (st->nseen * 2 >= st->capseen) {
        size_t cap = st->capseen ? st->capseen * 2 : 64;
        followed *slots = c->h->alloc(c->ctx, cap * sizeof *slots);
        if (!slots) return false;
        memset(slots, 0, cap * sizeof *slots);
        for (size_t i = 0; i < st->capseen; i++) {
            if (!st->seen[i].node) continue;
            size_t s = (((uintptr_t)st->seen[i].node >> 3) ^ st->seen[i].obj) & (cap - 1);
            while (slots[s].node)
                s = (s + 1) & (cap - 1);
            slots[s] = st->seen[i];
        }
        st->seen = slots;
        st->capseen = cap;
    }
    size_t s = (((uintptr_t)t >> 3) ^ (uint32_t)o) & (st->capseen - 1);
    while (st->seen[s].node) {
        if (st->seen[s].node == t && st->seen[s].obj == (uint32_t)o) return false;
        s = (s + 1) & (st->capseen - 1);
    }
    st->seen[s].node = t;
    st->seen[s].obj = (uint32_t)o;
    st->nseen++;
    return true;
}

/* The next segment of a JSON pointer from *p (which is at a '/'). */
static bool pointer_segment(const char **p, const char *end, const char **seg, size_t *len)
{
    if (*p >= end || **p != '/') return false;
    const char *s = ++*p;
    while (*p < end && **p != '/')
        ++*p;
    *seg = s;
    *len = (size_t)(*p - s);
    return true;
}

/* Whether the walk below validates what a fragment points into: anything
 * under a root field of this version, components maps included. Targets
 * under extensions or unknown keys are not walked. */
static bool walked(const vc *c, const char *frag, size_t n)
{
    const char *p = frag, *end = frag + n, *s1, *s2;
    size_t l1, l2;
    unsigned idx;
    /* "#" is the document itself, validated as such. */
    if (n == 0) return true;
    if (!pointer_segment(&p, end, &s1, &l1) || !lookup(c, O_ROOT, s1, l1, &idx)) return false;
    if (l1 != 10 || memcmp(s1, "components", 10) != 0) return true;
    return !pointer_segment(&p, end, &s2, &l2) || lookup(c, O_COMPONENTS, s2, l2, &idx) != NULL;
}

/* Reference targets are validated as what the reference stands for, once:
 * those in other files, and those in this document that the walk does not
 * reach (under an extension, or an unknown key). Everything else is
 * validated where it is defined. */
static void follow(vc *c, const adr_node *ref_obj, const adr_node *ref_value, oas_obj o)
{
    const adr_host *h = c->h;
    size_t n;
    const char *ref = h->text(ref_value, &n);
    if (!ref || n == 0) return;
    const char *hash = memchr(ref, '#', n);
    const char *frag = hash ? hash + 1 : ref + n;
    size_t fl = (size_t)(ref + n - frag);
    if (ref[0] == '#' && walked(c, frag, fl)) return;
    const adr_node *t = h->deref(c->ctx, ref_obj);
    if (!t || t == ref_obj) return;
    if (ref[0] != '#' && doc_root(h, t) == c->root && walked(c, frag, fl)) return;
    if (!first_visit(c, t, o)) return;
    if (o == O_SCHEMA)
        v_schema(c, t);
    else
        v_obj_or_ref(c, t, o);
}

/* A Reference Object: $ref (and in 3.1 summary, description); other keys
 * are ignored, as the specification says. */
static void v_reference(vc *c, const adr_node *n, oas_obj o)
{
    const adr_host *h = c->h;
    const adr_node *ref = h->get(n, "$ref");
    if (expect(c, ref, ADR_NODE_STRING, "string")) check_format(c, ref, F_URI_REF);
    if (c->v31) {
        const adr_node *s = h->get(n, "summary"), *d = h->get(n, "description");
        if (s) expect(c, s, ADR_NODE_STRING, "string");
        if (d) expect(c, d, ADR_NODE_STRING, "string");
    }
    follow(c, n, ref, o);
}

/* -- Values --------------------------------------------------------------- */

static void v_obj_or_ref(vc *c, const adr_node *n, oas_obj o)
{
    if (!is_type(c, n, ADR_NODE_MAP)) {
        /* Spectral's 3.0 schema has its own message for security schemes. */
        if (o == O_SECURITY_SCHEME)
            c->h->report(c->ctx, n, "Invalid security scheme.");
        else
            type_error(c, n, "object");
        return;
    }
    /* A Path Item's $ref is one of its fields, beside the others. */
    if (o != O_PATH_ITEM && has_key(c->h, n, "$ref"))
        v_reference(c, n, o);
    else
        v_obj(c, n, o);
}

static void v_schema(vc *c, const adr_node *n)
{
    adr_node_type t = c->h->type(n);
    if (c->v31) {
        if (t == ADR_NODE_BOOL) return;
        if (t != ADR_NODE_MAP) {
            type_error(c, n, "object,boolean");
            return;
        }
        /* $ref beside other keywords is a keyword of its own in 3.1. */
        const adr_node *ref = v_obj(c, n, O_SCHEMA);
        if (ref) follow(c, n, ref, O_SCHEMA);
        return;
    }
    if (!expect(c, n, ADR_NODE_MAP, "object")) return;
    if (has_key(c->h, n, "$ref"))
        v_reference(c, n, O_SCHEMA);
    else
        v_obj(c, n, O_SCHEMA);
}

static void v_schema_map(vc *c, const adr_node *m)
{
    if (!expect(c, m, ADR_NODE_MAP, "object")) return;
    for (size_t i = 0, n = c->h->count(m); i < n; i++)
        v_schema(c, c->h->value_at(m, i));
}

static void v_schema_arr(vc *c, const adr_node *a)
{
    if (!expect(c, a, ADR_NODE_SEQ, "array")) return;
    size_t n = c->h->count(a);
    if (c->v31) check_min_items(c, a, 1);
    for (size_t i = 0; i < n; i++)
        v_schema(c, c->h->item(a, i));
}

static const char *const types30[] = {"array",  "boolean", "integer", "number",
                                      "object", "string",  NULL};
static const char *const types31[] = {"array",  "boolean", "integer", "null",
                                      "number", "object",  "string",  NULL};

static void v_type(vc *c, const adr_node *v)
{
    const char *const *allowed = c->v31 ? types31 : types30;
    if (c->v31 && is_type(c, v, ADR_NODE_SEQ)) {
        check_min_items(c, v, 1);
        for (size_t i = 0, n = c->h->count(v); i < n; i++)
            check_enum(c, c->h->item(v, i), allowed);
        check_unique(c, v);
        return;
    }
    check_enum(c, v, allowed);
}

static void v_string_array(vc *c, const adr_node *a, bool unique)
{
    if (!expect(c, a, ADR_NODE_SEQ, "array")) return;
    for (size_t i = 0, n = c->h->count(a); i < n; i++)
        expect(c, c->h->item(a, i), ADR_NODE_STRING, "string");
    if (unique) check_unique(c, a);
}

/* JavaScript's Number.isInteger, without casting out-of-range values. */
static bool is_integral(double d)
{
    if (d != d) return false;
    if (d > 9.0e15 || d < -9.0e15) return d - d == 0; /* false for infinities */
    return d == (double)(long long)d;
}

static void v_nonneg_int(vc *c, const adr_node *v)
{
    double d;
    if (!c->h->number(v, &d) || !is_integral(d)) {
        type_error(c, v, "integer");
        return;
    }
    if (d < 0) rep(c, v, "must be >= 0");
}

static void v_security_requirements(vc *c, const adr_node *a)
{
    const adr_host *h = c->h;
    if (!expect(c, a, ADR_NODE_SEQ, "array")) return;
    for (size_t i = 0, n = h->count(a); i < n; i++) {
        const adr_node *req = h->item(a, i);
        if (!expect(c, req, ADR_NODE_MAP, "object")) continue;
        for (size_t k = 0, m = h->count(req); k < m; k++)
            v_string_array(c, h->value_at(req, k), false);
    }
}

static void v_value(vc *c, const adr_node *v, const oas_field *f)
{
    const adr_host *h = c->h;
    switch ((oas_vkind)f->kind) {
    case VK_ANY: break;
    case VK_STRING:
        if (expect(c, v, ADR_NODE_STRING, "string") && f->arg != F_NONE) check_format(c, v, f->arg);
        break;
    case VK_BOOL: expect(c, v, ADR_NODE_BOOL, "boolean"); break;
    case VK_NUMBER:
        if (!is_number(c, v)) type_error(c, v, "number");
        break;
    case VK_POS_NUMBER: {
        double d;
        if (!h->number(v, &d))
            type_error(c, v, "number");
        else if (d <= 0)
            rep(c, v, "must be > 0");
        break;
    }
    case VK_NONNEG_INT: v_nonneg_int(c, v); break;
    case VK_EXCLUSIVE:
        if (c->v31 && !is_number(c, v))
            type_error(c, v, "number");
        else if (!c->v31)
            expect(c, v, ADR_NODE_BOOL, "boolean");
        break;
    case VK_OBJ:
        if (expect(c, v, ADR_NODE_MAP, "object")) v_obj(c, v, (oas_obj)f->arg);
        break;
    case VK_OBJ_REF: v_obj_or_ref(c, v, (oas_obj)f->arg); break;
    case VK_MAP:
    case VK_MAP_REF:
    case VK_CONTENT:
        if (!expect(c, v, ADR_NODE_MAP, "object")) break;
        for (size_t i = 0, n = h->count(v); i < n; i++) {
            const adr_node *item = h->value_at(v, i);
            if (f->kind == VK_MAP_REF)
                v_obj_or_ref(c, item, (oas_obj)f->arg);
            else if (expect(c, item, ADR_NODE_MAP, "object"))
                v_obj(c, item, f->kind == VK_CONTENT ? O_MEDIA_TYPE : (oas_obj)f->arg);
        }
        if (f->kind == VK_CONTENT && f->arg) {
            size_t n = h->count(v);
            if (n < 1)
                rep(c, v, "must not have fewer than 1 properties");
            else if (n > 1)
                rep(c, v, "must not have more than 1 properties");
        }
        break;
    case VK_ARR:
    case VK_ARR_REF:
        if (!expect(c, v, ADR_NODE_SEQ, "array")) break;
        for (size_t i = 0, n = h->count(v); i < n; i++) {
            const adr_node *item = h->item(v, i);
            if (f->kind == VK_ARR_REF)
                v_obj_or_ref(c, item, (oas_obj)f->arg);
            else if (expect(c, item, ADR_NODE_MAP, "object"))
                v_obj(c, item, (oas_obj)f->arg);
        }
        if ((f->flags & FL_UNIQUE30) && !c->v31) check_unique(c, v);
        break;
    case VK_STR_ARR:
        v_string_array(c, v, false);
        if (c->v31 && (f->flags & FL_MIN1_31) && is_type(c, v, ADR_NODE_SEQ))
            check_min_items(c, v, 1);
        break;
    case VK_STR_MAP:
        if (!expect(c, v, ADR_NODE_MAP, "object")) break;
        for (size_t i = 0, n = h->count(v); i < n; i++)
            expect(c, h->value_at(v, i), ADR_NODE_STRING, "string");
        break;
    case VK_ANY_MAP: expect(c, v, ADR_NODE_MAP, "object"); break;
    case VK_ANY_ARR: expect(c, v, ADR_NODE_SEQ, "array"); break;
    case VK_ENUM: check_enum(c, v, oas_enums[f->arg]); break;
    case VK_SECREQ_ARR: v_security_requirements(c, v); break;
    case VK_SCHEMA: v_schema(c, v); break;
    case VK_SCHEMA_MAP: v_schema_map(c, v); break;
    case VK_SCHEMA_ARR: v_schema_arr(c, v); break;
    case VK_ADDL_PROPS:
        if (c->v31 || !is_type(c, v, ADR_NODE_BOOL)) {
            if (!c->v31 && !is_type(c, v, ADR_NODE_MAP))
                type_error(c, v, "object,boolean");
            else
                v_schema(c, v);
        }
        break;
    case VK_TYPE: v_type(c, v); break;
    case VK_REQUIRED:
        v_string_array(c, v, true);
        if (!c->v31 && is_type(c, v, ADR_NODE_SEQ)) check_min_items(c, v, 1);
        break;
    case VK_ENUM_VALUES:
        if (expect(c, v, ADR_NODE_SEQ, "array") && !c->v31) check_min_items(c, v, 1);
        break;
    case VK_DEP_REQUIRED:
        if (!expect(c, v, ADR_NODE_MAP, "object")) break;
        for (size_t i = 0, n = h->count(v); i < n; i++)
            v_string_array(c, h->value_at(v, i), true);
        break;
    }
}

/* -- Object-specific rules ------------------------------------------------- */

static void exclusive(vc *c, const adr_node *n, const char *a, const char *b)
{
    if (has_key(c->h, n, a) && has_key(c->h, n, b))
        c->h->report(c->ctx, n, "\"%s\" and \"%s\" are mutually exclusive.", a, b);
}

static bool is_status_code(const char *s, size_t n)
{
    if (n != 3 || s[0] < '1' || s[0] > '5') return false;
    return (s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9') ||
           (s[1] == 'X' && s[2] == 'X');
}

static void check_openapi_version(vc *c, const adr_node *root)
{
    const adr_node *v = c->h->get(root, "openapi");
    size_t n;
    const char *s = is_type(c, v, ADR_NODE_STRING) ? c->h->text(v, &n) : NULL;
    if (!s) return;
    /* ^3\.<minor>\.\d+(-.+)?$; Spectral's 3.0 pattern allows one patch
     * digit only, which would reject a valid 3.0.10. */
    char minor = c->v31 ? '1' : '0';
    bool ok = n >= 5 && s[0] == '3' && s[1] == '.' && s[2] == minor && s[3] == '.';
    size_t i = 4;
    while (ok && i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    ok = ok && i > 4 && (i == n || (s[i] == '-' && i + 1 < n));
    if (!ok) rep(c, v, "must match pattern \"^3\\.%c\\.\\d+(-.+)?$\"", minor);
}

static const char *const in30[] = {"path", "query", "header", "cookie", NULL};
static const char *const in31[] = {"query", "header", "path", "cookie", NULL};
static const char *const path_styles[] = {"matrix", "label", "simple", NULL};
static const char *const query_styles[] = {"form", "spaceDelimited", "pipeDelimited", "deepObject",
                                           NULL};

/* Parameter and Header: schema or content, and what content excludes. */
static void check_schema_or_content(vc *c, const adr_node *n)
{
    const adr_host *h = c->h;
    bool schema = has_key(h, n, "schema"), content = has_key(h, n, "content");
    if (schema && content) {
        h->report(c->ctx, n,
                  "Schema and content are mutually exclusive, at least one is required.");
    } else if (!schema && !content) {
        h->report(c->ctx, n, "\"schema\" or \"content\" must be present.");
    } else if (content) {
        /* These fields describe the serialization of a schema. */
        static const char *const schema_only[] = {"style", "explode", "allowReserved", "example",
                                                  "examples"};
        for (size_t i = 0; i < sizeof schema_only / sizeof *schema_only; i++) {
            const adr_node *f = h->get(n, schema_only[i]);
            if (f) h->report(c->ctx, f, "\"%s\" cannot be used with \"content\".", schema_only[i]);
        }
    }
    exclusive(c, n, "example", "examples");
}

static void check_parameter(vc *c, const adr_node *n)
{
    const adr_host *h = c->h;
    check_schema_or_content(c, n);
    const adr_node *in = h->get(n, "in");
    if (!in) {
        /* Spectral's 3.0 schema has its own message; its 3.1 schema just
         * requires the field. */
        if (c->v31)
            rep(c, n, "must have required property \"in\"");
        else
            h->report(c->ctx, n, "Parameter must have a valid \"in\" property.");
        return;
    }
    const char *const *allowed = c->v31 ? in31 : in30;
    if (!is_type(c, in, ADR_NODE_STRING) || !in_list(h, in, allowed)) {
        enum_error(c, in, allowed);
        return;
    }
    const adr_node *style = h->get(n, "style");
    if (!is_type(c, style, ADR_NODE_STRING) || has_key(h, n, "content")) style = NULL;
    if (text_is(h, in, "path")) {
        const adr_node *req = h->get(n, "required");
        if (!req)
            rep(c, n, "must have required property \"required\"");
        else if (h->boolean(req) != 1)
            rep(c, req, "must be equal to constant");
        if (style) check_enum(c, style, path_styles);
    } else if (text_is(h, in, "query")) {
        if (style) check_enum(c, style, query_styles);
    } else if (text_is(h, in, "header")) {
        if (style && !text_is(h, style, "simple")) rep(c, style, "must be equal to constant");
    } else if (style && !text_is(h, style, "form")) {
        rep(c, style, "must be equal to constant");
    }
    /* 3.1 lists these fields for query parameters only (3.0 says so in
     * prose, and Spectral's 3.0 schema lets them pass). */
    if (c->v31 && !text_is(h, in, "query")) {
        const adr_node *f;
        if ((f = h->get(n, "allowEmptyValue")))
            h->report(c->ctx, f, "\"allowEmptyValue\" only applies to query parameters.");
        if ((f = h->get(n, "allowReserved")) && !has_key(h, n, "content"))
            h->report(c->ctx, f, "\"allowReserved\" only applies to query parameters.");
    }
}

static void check_header(vc *c, const adr_node *n)
{
    const adr_host *h = c->h;
    check_schema_or_content(c, n);
    const adr_node *style = h->get(n, "style");
    if (style && !has_key(h, n, "content") && !text_is(h, style, "simple"))
        rep(c, style, "must be equal to constant");
    if (c->v31) {
        /* The 3.1 Header Object has no query-only fields. */
        const adr_node *f;
        if ((f = h->get(n, "allowEmptyValue"))) not_expected(c, h->key_of(f), f);
        if ((f = h->get(n, "allowReserved")) && !has_key(h, n, "content"))
            not_expected(c, h->key_of(f), f);
    }
}

static void check_responses(vc *c, const adr_node *n)
{
    const adr_host *h = c->h;
    size_t cnt = h->count(n);
    if (cnt == 0) {
        rep(c, n, "must not have fewer than 1 properties");
        return;
    }
    for (size_t i = 0; i < cnt; i++) {
        size_t kl;
        const char *k = h->text(h->key_at(n, i), &kl);
        if (k && (is_status_code(k, kl) || (kl == 7 && memcmp(k, "default", 7) == 0))) return;
    }
    rep(c, n, "must have required property \"default\"");
}

static bool component_name_ok(const char *s, size_t n)
{
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++)
        if (!is_alnum(s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '_') return false;
    return true;
}

static void check_component_names(vc *c, const adr_node *n)
{
    const adr_host *h = c->h;
    for (size_t i = 0, cnt = h->count(n); i < cnt; i++) {
        size_t kl;
        const char *k = h->text(h->key_at(n, i), &kl);
        const adr_node *map = h->value_at(n, i);
        if (!k || is_ext(k, kl) || !is_type(c, map, ADR_NODE_MAP)) continue;
        for (size_t j = 0, m = h->count(map); j < m; j++) {
            size_t nl;
            const char *name = h->text(h->key_at(map, j), &nl);
            if (name && !component_name_ok(name, nl))
                h->report(c->ctx, h->value_at(map, j),
                          "Component name \"%.*s\" must match pattern \"^[a-zA-Z0-9\\.\\-_]+$\".",
                          (int)nl, name);
        }
    }
}

static void check_link(vc *c, const adr_node *n)
{
    const adr_host *h = c->h;
    bool ref = has_key(h, n, "operationRef"), id = has_key(h, n, "operationId");
    if (ref && id)
        h->report(c->ctx, n, "\"operationRef\" and \"operationId\" are mutually exclusive.");
    else if (!ref && !id)
        h->report(c->ctx, n,
                  "A link must identify its operation with \"operationRef\" or "
                  "\"operationId\".");
}

static const char *const ss_types30[] = {"apiKey", "http", "oauth2", "openIdConnect", NULL};
static const char *const ss_types31[] = {"apiKey", "http",          "mutualTLS",
                                         "oauth2", "openIdConnect", NULL};

static void v_security_scheme(vc *c, const adr_node *n)
{
    const adr_host *h = c->h;
    const adr_node *type = h->get(n, "type");
    if (!type) {
        h->report(c->ctx, n, "Security scheme must have a valid type.");
        return;
    }
    const char *const *allowed = c->v31 ? ss_types31 : ss_types30;
    if (!is_type(c, type, ADR_NODE_STRING) || !in_list(h, type, allowed)) {
        enum_error(c, type, allowed);
        return;
    }
    oas_obj o = text_is(h, type, "apiKey")          ? O_SS_APIKEY
                : text_is(h, type, "http")          ? O_SS_HTTP
                : text_is(h, type, "oauth2")        ? O_SS_OAUTH2
                : text_is(h, type, "openIdConnect") ? O_SS_OIDC
                                                    : O_SS_MTLS;
    v_obj(c, n, o);
}

static bool is_bearer(const adr_host *h, const adr_node *scheme)
{
    return adr_r_text_eq_ci(h, scheme, "bearer");
}

static void extra_checks(vc *c, const adr_node *n, oas_obj o, const adr_node *ref)
{
    const adr_host *h = c->h;
    switch (o) {
    case O_ROOT:
        check_openapi_version(c, n);
        if (c->v31 && !has_key(h, n, "paths") && !has_key(h, n, "components") &&
            !has_key(h, n, "webhooks"))
            h->report(c->ctx, n,
                      "The document must have either \"paths\", \"webhooks\" or "
                      "\"components\".");
        break;
    case O_LICENSE:
        if (c->v31) exclusive(c, n, "identifier", "url");
        break;
    case O_COMPONENTS: check_component_names(c, n); break;
    case O_PARAMETER: check_parameter(c, n); break;
    case O_HEADER: check_header(c, n); break;
    case O_MEDIA_TYPE: exclusive(c, n, "example", "examples"); break;
    case O_EXAMPLE: exclusive(c, n, "value", "externalValue"); break;
    case O_LINK: check_link(c, n); break;
    case O_RESPONSES: check_responses(c, n); break;
    case O_PATH_ITEM:
        if (ref) follow(c, n, ref, O_PATH_ITEM);
        break;
    case O_SS_HTTP: {
        const adr_node *bf = h->get(n, "bearerFormat");
        if (bf && !is_bearer(h, h->get(n, "scheme")))
            h->report(c->ctx, bf, "\"bearerFormat\" only applies to the \"bearer\" scheme.");
        break;
    }
    default: break;
    }
}

/* -- Objects -------------------------------------------------------------- */

/* Validates map n as an object of type o: every key is a field of this
 * version, a patterned field or an extension; values have the field's type;
 * required fields are present. Returns the value of its "$ref" field, when
 * the type has one (Path Item, 3.1 Schema), so that it need not be looked
 * up again. */
static const adr_node *v_obj(vc *c, const adr_node *n, oas_obj o)
{
    const adr_host *h = c->h;
    if (o == O_SECURITY_SCHEME) {
        v_security_scheme(c, n);
        return NULL;
    }
    if (c->depth >= MAX_DEPTH) return NULL;
    c->depth++;
    const oas_spec *sp = &oas_specs[o];
    bool open = (sp->flags & (c->v31 ? OF_OPEN31 : OF_OPEN30)) != 0;
    uint64_t seen = 0;
    const adr_node *ref = NULL;
    for (size_t i = 0, cnt = h->count(n); i < cnt; i++) {
        const adr_node *key = h->key_at(n, i);
        const adr_node *val = h->value_at(n, i);
        size_t kl;
        const char *k = h->text(key, &kl);
        if (!k) continue;
        unsigned idx;
        const oas_field *f = lookup(c, o, k, kl, &idx);
        if (f) {
            seen |= 1ull << idx;
            if (f->name[0] == '$' && f->name[1] == 'r') ref = val;
            v_value(c, val, f);
            continue;
        }
        if ((sp->flags & OF_EXT) && is_ext(k, kl)) continue;
        switch (sp->pattern) {
        case P_PATHS:
            if (kl && k[0] == '/') {
                if (expect(c, val, ADR_NODE_MAP, "object")) v_obj(c, val, O_PATH_ITEM);
                continue;
            }
            break;
        case P_RESPONSES:
            if (is_status_code(k, kl)) {
                v_obj_or_ref(c, val, O_RESPONSE);
                continue;
            }
            break;
        case P_CALLBACK:
            if (expect(c, val, ADR_NODE_MAP, "object")) v_obj(c, val, O_PATH_ITEM);
            continue;
        default: break;
        }
        if (!open) not_expected(c, key, val);
    }
    unsigned req = c->v31 ? FL_REQ31 : FL_REQ30;
    for (unsigned i = 0; i < sp->nfields; i++) {
        const oas_field *f = &sp->fields[i];
        if ((f->flags & req) && !(seen & (1ull << i)))
            rep(c, n, "must have required property \"%s\"", f->name);
    }
    extra_checks(c, n, o, ref);
    c->depth--;
    return ref;
}

/* -- The rule ------------------------------------------------------------- */

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    uint32_t format = h->format(ctx);
    const adr_node *root = v->node;
    if (format & ADR_FORMAT_OAS3_OTHER) {
        /* One clear finding instead of a flood from the wrong tables. */
        const adr_node *ver = h->get(root, "openapi");
        size_t n;
        const char *s = h->text(ver, &n);
        h->report(ctx, ver,
                  "OpenAPI version %.*s is not supported: only OpenAPI 3.0.x and 3.1.x documents "
                  "can be validated.",
                  (int)n, s ? s : "");
        return;
    }
    vstate *st = h->state(ctx, sizeof *st);
    if (!st || h->type(root) != ADR_NODE_MAP) return;
    if (!st->built) build_tables(st);
    vc c = {h, ctx, st, (format & ADR_FORMAT_OAS3_1) != 0, 0, root};
    v_obj(&c, root, O_ROOT);
}

const adr_rule adr_rule_oas3_schema = {
    .struct_size = sizeof(adr_rule),
    .code = "oas3-schema",
    .rule_id = "/core/doc-openapi",
    .title = "Validate the structure of the OpenAPI 3 document",
    .rationale =
        "The document must be a valid OpenAPI 3.0 or 3.1 description: every object has the "
        "fields the specification defines for its version, with the right types, its required "
        "fields, allowed values (parameter \"in\" and \"style\", schema \"type\", security "
        "scheme \"type\" and \"in\") and no mutually exclusive fields together. Messages "
        "follow Spectral's oas3-schema, positioned at the offending value or, for a missing "
        "field, at the object that lacks it. Unlike Spectral, adrlint names the unknown "
        "property in 3.1 documents (Spectral says \"must not have unevaluated properties\"); "
        "says which fields are mutually exclusive instead of \"must not be valid\"; accepts x- "
        "extensions in Encoding Objects, \"server\" in 3.1 Link Objects, \"$ref\" in 3.1 "
        "path items, any link parameter value and openapi 3.0.10; checks component names, "
        "\"example\"/\"examples\" in 3.1 and \"value\"/\"externalValue\" in 3.0 media "
        "types and examples, and that a link names its operation; validates the targets of "
        "references into other files and into extensions. Swagger 2.0 and unknown versions get "
        "no findings here (see unrecognized-format); OpenAPI 3.2 gets one. Schemas are checked "
        "for the types of their keywords, not against the full JSON Schema meta-schema; "
        "\"pattern\" is not compiled.",
    .doc_url = ADR_DON_URL "doc-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
