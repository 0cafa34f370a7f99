/* Compiled schemas: each schema node is read once per run and dialect into
 * a keyword table with its limits parsed, so validating thousands of
 * examples against shared component schemas costs no more key scans. */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- numbers ---------------------------------------------------------- */

static bool parse_radix(const char *s, size_t n, int base, uint64_t *out)
{
    uint64_t v = 0;
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++) {
        int d;
        char c = s[i];
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return false;
        if (d >= base || v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) return false;
        v = v * (uint64_t)base + (uint64_t)d;
    }
    *out = v;
    return true;
}

static bool set_from_u64(snum *o, bool neg, uint64_t u)
{
    if ((!neg && u > (uint64_t)INT64_MAX) || (neg && u > (uint64_t)INT64_MAX + 1)) return false;
    o->i = neg ? (int64_t)(0 - u) : (int64_t)u;
    o->isint = o->dec = true;
    o->mant = o->i;
    o->scale = 0;
    o->v = (long double)o->i;
    return true;
}

bool adr_snum_parse(const adr_node *n, snum *o)
{
    memset(o, 0, sizeof *o);
    if (!n || (n->type != ADR_NODE_INT && n->type != ADR_NODE_FLOAT)) return false;
    const char *s = n->u.text;
    size_t len = n->len;
    char tmp[128];
    if (len >= sizeof tmp) len = sizeof tmp - 1;
    memcpy(tmp, s, len);
    tmp[len] = 0;
    o->ok = true;
    size_t i = 0;
    bool neg = false;
    if (tmp[0] == '+' || tmp[0] == '-') {
        neg = tmp[0] == '-';
        i++;
    }
    const char *t = tmp + i;
    if (t[0] == '.' && (t[1] == 'i' || t[1] == 'I')) {
        o->v = neg ? -HUGE_VALL : HUGE_VALL;
        return true;
    }
    if (t[0] == '.' && (t[1] == 'n' || t[1] == 'N')) {
        o->v = NAN;
        return true;
    }
    if (t[0] == '0' && (t[1] == 'x' || t[1] == 'o')) {
        uint64_t u;
        o->int_text = true;
        if (parse_radix(t + 2, strlen(t + 2), t[1] == 'x' ? 16 : 8, &u) && set_from_u64(o, neg, u))
            return true;
        o->v = strtold(tmp, NULL);
        return true;
    }
    /* Decimal: collect the significant digits as an integer mantissa. */
    uint64_t mant = 0;
    bool overflow = false, seen_point = false, exp_form = false;
    int32_t frac = 0;
    for (; tmp[i]; i++) {
        char c = tmp[i];
        if (c >= '0' && c <= '9') {
            if (mant > (UINT64_MAX - 9) / 10) {
                /* Digits beyond 19 only count when they are not zeros. */
                if (c != '0') overflow = true;
                if (!seen_point) frac--;
            } else {
                mant = mant * 10 + (uint64_t)(c - '0');
                if (seen_point) frac++;
            }
        } else if (c == '.') {
            seen_point = true;
        } else if (c == 'e' || c == 'E') {
            exp_form = true;
            break;
        } else {
            break;
        }
    }
    long e = exp_form ? strtol(tmp + i + 1, NULL, 10) : 0;
    o->int_text = !seen_point && !exp_form;
    o->v = strtold(tmp, NULL);
    if (overflow || e > 100000 || e < -100000 || mant > (uint64_t)INT64_MAX) return true;
    int64_t m = neg ? -(int64_t)mant : (int64_t)mant;
    int32_t scale = frac - (int32_t)e;
    while (m != 0 && m % 10 == 0 && scale > -40) {
        m /= 10;
        scale--;
    }
    if (m == 0) scale = 0;
    o->dec = true;
    o->mant = m;
    o->scale = scale;
    if (scale <= 0) {
        int64_t v = m;
        bool fits = true;
        for (int32_t k = 0; k < -scale && fits; k++) {
            if (v > INT64_MAX / 10 || v < INT64_MIN / 10)
                fits = false;
            else
                v *= 10;
        }
        if (fits) {
            o->isint = true;
            o->i = v;
        }
    }
    return true;
}

int adr_snum_cmp(const snum *a, const snum *b)
{
    if (a->isint && b->isint) return a->i < b->i ? -1 : a->i > b->i;
    if (a->dec && b->dec && a->scale == b->scale) return a->mant < b->mant ? -1 : a->mant > b->mant;
    if (isnan(a->v) || isnan(b->v)) return 2;
    return a->v < b->v ? -1 : a->v > b->v;
}

static bool pow10_128(int32_t k, __int128 *out)
{
    __int128 p = 1;
    if (k < 0 || k > 36) return false;
    for (int32_t i = 0; i < k; i++)
        p *= 10;
    *out = p;
    return true;
}

bool adr_snum_multiple(const snum *a, const snum *b)
{
    if (a->dec && b->dec && b->mant != 0) {
        int32_t s = a->scale > b->scale ? a->scale : b->scale;
        __int128 pa, pb;
        if (pow10_128(s - a->scale, &pa) && pow10_128(s - b->scale, &pb)) {
            /* |mant| < 2^63 and 10^18 < 2^60: the products fit when the
             * scales differ by at most 18. */
            if (s - a->scale <= 18 && s - b->scale <= 18) {
                __int128 A = (__int128)a->mant * pa, B = (__int128)b->mant * pb;
                return A % B == 0;
            }
        }
    }
    if (isnan(a->v) || isinf(a->v) || b->v == 0) return false;
    long double q = a->v / b->v;
    if (isinf(q)) return false;
    return fabsl(q - nearbyintl(q)) <= 1e-9L * (fabsl(q) > 1 ? fabsl(q) : 1);
}

bool adr_snum_integral(const snum *a)
{
    if (a->isint) return true;
    if (a->dec) return a->scale <= 0;
    return isfinite(a->v) && a->v == floorl(a->v);
}

void adr_snum_js(const snum *a, char *out, size_t outsz)
{
    if (a->isint) {
        snprintf(out, outsz, "%lld", (long long)a->i);
        return;
    }
    double d = (double)a->v;
    if (isnan(d)) {
        snprintf(out, outsz, "NaN");
        return;
    }
    if (isinf(d)) {
        snprintf(out, outsz, "%sInfinity", d < 0 ? "-" : "");
        return;
    }
    if (d == 0) {
        snprintf(out, outsz, "0");
        return;
    }
    /* Shortest round-tripping digits, then ECMAScript's Number::toString
     * layout (plain notation for exponents -7 < e < 21). */
    char buf[40];
    int p;
    for (p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, d);
        if (strtod(buf, NULL) == d) break;
    }
    char digits[24];
    size_t k = 0;
    const char *q = buf;
    bool neg = *q == '-';
    if (neg) q++;
    for (; *q && *q != 'e'; q++)
        if (*q >= '0' && *q <= '9' && k < sizeof digits - 1) digits[k++] = *q;
    digits[k] = 0;
    while (k > 1 && digits[k - 1] == '0')
        digits[--k] = 0;
    int n = atoi(q + 1) + 1; /* position of the decimal point */
    char res[64];
    size_t r = 0;
    if (neg) res[r++] = '-';
    if ((int)k <= n && n <= 21) {
        memcpy(res + r, digits, k);
        r += k;
        for (int z = 0; z < n - (int)k; z++)
            res[r++] = '0';
    } else if (0 < n && n <= 21) {
        memcpy(res + r, digits, (size_t)n);
        r += (size_t)n;
        res[r++] = '.';
        memcpy(res + r, digits + n, k - (size_t)n);
        r += k - (size_t)n;
    } else if (-6 < n && n <= 0) {
        res[r++] = '0';
        res[r++] = '.';
        for (int z = 0; z < -n; z++)
            res[r++] = '0';
        memcpy(res + r, digits, k);
        r += k;
    } else {
        res[r++] = digits[0];
        if (k > 1) {
            res[r++] = '.';
            memcpy(res + r, digits + 1, k - 1);
            r += k - 1;
        }
        r += (size_t)snprintf(res + r, sizeof res - r, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
    }
    res[r] = 0;
    snprintf(out, outsz, "%s", res);
}

/* ---- keyword table ---------------------------------------------------- */

/* Dialect membership: D30 the OAS 3.0 Schema Object (draft-04 based),
 * D20 JSON Schema 2020-12. Keywords of the other dialect are ignored, as a
 * validator for that dialect would. */
#define D30 1
#define D20 2

#define KW(name, id, dialects)              \
    {                                       \
        name, sizeof name - 1, id, dialects \
    }

static const struct kwdef {
    const char *name;
    uint32_t len;
    int kw;
    int dialects;
} kwdefs[] = {
    KW("$ref", KW_REF, D30 | D20),
    KW("type", KW_TYPE, D30 | D20),
    KW("enum", KW_ENUM, D30 | D20),
    KW("const", KW_CONST, D20),
    KW("multipleOf", KW_MULTIPLEOF, D30 | D20),
    KW("maximum", KW_MAXIMUM, D30 | D20),
    KW("minimum", KW_MINIMUM, D30 | D20),
    KW("exclusiveMaximum", KW_EXMAX, D30 | D20),
    KW("exclusiveMinimum", KW_EXMIN, D30 | D20),
    KW("maxLength", KW_MAXLENGTH, D30 | D20),
    KW("minLength", KW_MINLENGTH, D30 | D20),
    KW("pattern", KW_PATTERN, D30 | D20),
    KW("format", KW_FORMAT, D30 | D20),
    KW("items", KW_ITEMS, D30 | D20),
    KW("prefixItems", KW_PREFIXITEMS, D20),
    KW("additionalItems", KW_ADDITIONALITEMS, D30),
    KW("maxItems", KW_MAXITEMS, D30 | D20),
    KW("minItems", KW_MINITEMS, D30 | D20),
    KW("uniqueItems", KW_UNIQUEITEMS, D30 | D20),
    KW("contains", KW_CONTAINS, D20),
    KW("maxContains", KW_MAXCONTAINS, D20),
    KW("minContains", KW_MINCONTAINS, D20),
    KW("required", KW_REQUIRED, D30 | D20),
    KW("properties", KW_PROPERTIES, D30 | D20),
    KW("patternProperties", KW_PATTERNPROPERTIES, D30 | D20),
    KW("additionalProperties", KW_ADDITIONALPROPERTIES, D30 | D20),
    KW("maxProperties", KW_MAXPROPERTIES, D30 | D20),
    KW("minProperties", KW_MINPROPERTIES, D30 | D20),
    KW("propertyNames", KW_PROPERTYNAMES, D20),
    KW("dependencies", KW_DEPENDENCIES, D30),
    KW("dependentRequired", KW_DEPENDENTREQUIRED, D20),
    KW("dependentSchemas", KW_DEPENDENTSCHEMAS, D20),
    KW("allOf", KW_ALLOF, D30 | D20),
    KW("anyOf", KW_ANYOF, D30 | D20),
    KW("oneOf", KW_ONEOF, D30 | D20),
    KW("not", KW_NOT, D30 | D20),
    KW("if", KW_IF, D20),
    KW("then", KW_THEN, D20),
    KW("else", KW_ELSE, D20),
    KW("unevaluatedProperties", KW_UNEVALUATEDPROPERTIES, D20),
    KW("unevaluatedItems", KW_UNEVALUATEDITEMS, D20),
    KW("discriminator", KW_DISCRIMINATOR, D30 | D20),
};

/* Every key of a compiled schema is looked up, and most (description,
 * example, x-...) are not keywords: compare lengths before text. */
static int lookup_kw(const adr_node *key, int dialect)
{
    if (key->type == ADR_NODE_MAP || key->type == ADR_NODE_SEQ || key->len < 2) return -1;
    const char *s = key->u.text;
    /* title, x-..., nullable, readOnly, ...: no keyword starts like them */
    if (!memchr("$acdefimnoprtu", s[0], 14)) return -1;
    for (size_t i = 0; i < ADR_ARRAY_LEN(kwdefs); i++) {
        const struct kwdef *d = &kwdefs[i];
        if (d->len == key->len && d->name[1] == s[1] && memcmp(d->name, s, d->len) == 0)
            return (d->dialects & dialect) ? d->kw : -1;
    }
    return -1;
}

static uint32_t type_bit(const adr_node *t)
{
    static const struct {
        const char *name;
        uint32_t bit;
    } types[] = {{"null", T_NULL},  {"boolean", T_BOOL}, {"integer", T_INT}, {"number", T_NUM},
                 {"string", T_STR}, {"object", T_OBJ},   {"array", T_ARR}};
    if (!t || t->type != ADR_NODE_STRING) return 0;
    for (size_t i = 0; i < ADR_ARRAY_LEN(types); i++)
        if (adr_node_is(t, types[i].name)) return types[i].bit;
    return 0;
}

/* A non-negative integer limit; -1 when the keyword is unusable. */
static int64_t limit(const adr_node *n)
{
    snum v;
    if (!adr_snum_parse(n, &v) || !adr_snum_integral(&v) || !v.isint || v.i < 0) return -1;
    return v.i;
}

static bool is_true(const adr_node *n)
{
    return n && n->type == ADR_NODE_BOOL && (n->u.text[0] == 't' || n->u.text[0] == 'T');
}

/* Stores the present keywords densely, in KW_* order (cs_kw finds them by
 * counting mask bits). */
static bool pack(adr_schema_ctx *sc, cschema *s, const adr_node *const *kw, uint64_t mask)
{
    for (uint64_t m = mask; m; m &= m - 1)
        if (!kw[__builtin_ctzll(m)]) mask &= ~(m & -m);
    s->mask = mask;
    if (!mask) return true;
    s->kw = adr_arena_alloc(&sc->arena, (size_t)__builtin_popcountll(mask) * sizeof *s->kw);
    if (!s->kw) {
        sc->oom = true;
        s->mask = 0;
        return false;
    }
    size_t n = 0;
    for (uint64_t m = mask; m; m &= m - 1)
        s->kw[n++] = kw[__builtin_ctzll(m)];
    return true;
}

static void compile(adr_schema_ctx *sc, cschema *s, bool d2020)
{
    const adr_node *n = s->node;
    if (d2020) s->flags |= CS_2020;
    if (n->type == ADR_NODE_BOOL) {
        s->flags |= is_true(n) ? CS_TRUE : CS_FALSE;
        return;
    }
    if (n->type != ADR_NODE_MAP) {
        /* Not a schema at all: oas3-schema's business, not a reason to
         * reject examples. */
        s->flags |= CS_TRUE;
        return;
    }
    const adr_node *kw[KW_COUNT] = {0};
    uint64_t seen = 0;
    int dialect = d2020 ? D20 : D30;
    for (uint32_t i = 0; i < n->len; i++) {
        const adr_node *k = n->u.pairs[i].key, *v = n->u.pairs[i].value;
        int id = lookup_kw(k, dialect);
        if (id < 0) {
            if (!is_true(v)) continue;
            if (!d2020 && adr_node_is(k, "nullable"))
                s->flags |= CS_NULLABLE;
            else if (adr_node_is(k, "readOnly"))
                s->flags |= CS_READONLY;
            else if (adr_node_is(k, "writeOnly"))
                s->flags |= CS_WRITEONLY;
            continue;
        }
        kw[id] = v;
        seen |= 1ull << id;
    }
    if (kw[KW_REF] && kw[KW_REF]->type != ADR_NODE_STRING) kw[KW_REF] = NULL;
    /* OAS 3.0: a Reference Object stands for its target; siblings are
     * ignored (the resolved document Spectral validates has none). */
    if (!d2020 && kw[KW_REF]) {
        s->flags = (s->flags & CS_2020) | CS_REF_ONLY;
        pack(sc, s, kw, 1ull << KW_REF);
        return;
    }
    if (!seen) {
        s->flags |= CS_TRUE;
        return;
    }
    if (kw[KW_TYPE]) {
        const adr_node *t = kw[KW_TYPE];
        uint32_t types = 0;
        if (t->type == ADR_NODE_SEQ) {
            for (uint32_t i = 0; i < t->len; i++)
                types |= type_bit(t->u.items[i]);
        } else {
            types = type_bit(t);
        }
        s->types = (uint8_t)types;
        if (!types) kw[KW_TYPE] = NULL; /* unknown type names: no constraint */
    }
    if (kw[KW_ENUM] && kw[KW_ENUM]->type != ADR_NODE_SEQ) kw[KW_ENUM] = NULL;
    climits lim;
    memset(&lim, 0, sizeof lim);
    bool limits = false;
    if (kw[KW_MULTIPLEOF] &&
        (!adr_snum_parse(kw[KW_MULTIPLEOF], &lim.multipleof) || !(lim.multipleof.v > 0)))
        kw[KW_MULTIPLEOF] = NULL;
    if (kw[KW_MAXIMUM] && !adr_snum_parse(kw[KW_MAXIMUM], &lim.maximum)) kw[KW_MAXIMUM] = NULL;
    if (kw[KW_MINIMUM] && !adr_snum_parse(kw[KW_MINIMUM], &lim.minimum)) kw[KW_MINIMUM] = NULL;
    /* draft-04 (OAS 3.0): a boolean modifies maximum/minimum; a number is
     * accepted too, since that is what authors mean. */
    if (kw[KW_EXMAX]) {
        if (kw[KW_EXMAX]->type == ADR_NODE_BOOL) {
            if (!d2020 && is_true(kw[KW_EXMAX])) s->flags |= CS_EXMAX_BOOL;
            kw[KW_EXMAX] = NULL;
        } else if (!adr_snum_parse(kw[KW_EXMAX], &lim.exmax)) {
            kw[KW_EXMAX] = NULL;
        }
    }
    if (kw[KW_EXMIN]) {
        if (kw[KW_EXMIN]->type == ADR_NODE_BOOL) {
            if (!d2020 && is_true(kw[KW_EXMIN])) s->flags |= CS_EXMIN_BOOL;
            kw[KW_EXMIN] = NULL;
        } else if (!adr_snum_parse(kw[KW_EXMIN], &lim.exmin)) {
            kw[KW_EXMIN] = NULL;
        }
    }
    struct {
        int kw;
        int64_t *out;
    } lens[] = {{KW_MAXLENGTH, &lim.maxlength},     {KW_MINLENGTH, &lim.minlength},
                {KW_MAXITEMS, &lim.maxitems},       {KW_MINITEMS, &lim.minitems},
                {KW_MAXPROPERTIES, &lim.maxprops},  {KW_MINPROPERTIES, &lim.minprops},
                {KW_MAXCONTAINS, &lim.maxcontains}, {KW_MINCONTAINS, &lim.mincontains}};
    for (size_t i = 0; i < ADR_ARRAY_LEN(lens); i++) {
        if (!kw[lens[i].kw]) continue;
        *lens[i].out = limit(kw[lens[i].kw]);
        if (*lens[i].out < 0) kw[lens[i].kw] = NULL;
    }
    static const int numeric[] = {KW_MULTIPLEOF, KW_MAXIMUM,       KW_MINIMUM,       KW_EXMAX,
                                  KW_EXMIN,      KW_MAXLENGTH,     KW_MINLENGTH,     KW_MAXITEMS,
                                  KW_MINITEMS,   KW_MAXPROPERTIES, KW_MINPROPERTIES, KW_MAXCONTAINS,
                                  KW_MINCONTAINS};
    for (size_t i = 0; i < ADR_ARRAY_LEN(numeric); i++)
        limits |= kw[numeric[i]] != NULL;
    if (limits) {
        s->lim = adr_arena_alloc(&sc->arena, sizeof *s->lim);
        if (!s->lim) {
            sc->oom = true;
            return;
        }
        *s->lim = lim;
    }
    if (kw[KW_FORMAT]) {
        s->format = kw[KW_FORMAT]->type == ADR_NODE_STRING
                        ? (uint8_t)adr_format_id(kw[KW_FORMAT]->u.text, kw[KW_FORMAT]->len)
                        : FMT_NONE;
        if (s->format == FMT_NONE) kw[KW_FORMAT] = NULL;
    }
    if (kw[KW_PATTERN]) {
        if (kw[KW_PATTERN]->type != ADR_NODE_STRING) {
            kw[KW_PATTERN] = NULL;
        } else {
            s->pattern = adr_rx_get(sc, kw[KW_PATTERN]->u.text, kw[KW_PATTERN]->len);
            if (!s->pattern) s->flags |= CS_PATTERN_BAD;
        }
    }
    if (kw[KW_UNIQUEITEMS] && !is_true(kw[KW_UNIQUEITEMS])) kw[KW_UNIQUEITEMS] = NULL;
    static const int seqs[] = {KW_REQUIRED, KW_ALLOF, KW_ANYOF, KW_ONEOF, KW_PREFIXITEMS};
    for (size_t i = 0; i < ADR_ARRAY_LEN(seqs); i++)
        if (kw[seqs[i]] && (kw[seqs[i]]->type != ADR_NODE_SEQ || kw[seqs[i]]->len == 0))
            kw[seqs[i]] = NULL;
    static const int maps[] = {KW_PROPERTIES,        KW_PATTERNPROPERTIES, KW_DEPENDENCIES,
                               KW_DEPENDENTREQUIRED, KW_DEPENDENTSCHEMAS,  KW_DISCRIMINATOR};
    for (size_t i = 0; i < ADR_ARRAY_LEN(maps); i++)
        if (kw[maps[i]] && kw[maps[i]]->type != ADR_NODE_MAP) kw[maps[i]] = NULL;
    /* 2020-12 items is one schema; the draft-04 tuple form only in 3.0. */
    if (kw[KW_ITEMS] && d2020 && kw[KW_ITEMS]->type == ADR_NODE_SEQ) kw[KW_ITEMS] = NULL;
    static const int schemas[] = {KW_ITEMS,
                                  KW_ADDITIONALPROPERTIES,
                                  KW_ADDITIONALITEMS,
                                  KW_PROPERTYNAMES,
                                  KW_CONTAINS,
                                  KW_NOT,
                                  KW_IF,
                                  KW_THEN,
                                  KW_ELSE,
                                  KW_UNEVALUATEDPROPERTIES,
                                  KW_UNEVALUATEDITEMS};
    for (size_t i = 0; i < ADR_ARRAY_LEN(schemas); i++)
        if (kw[schemas[i]] && kw[schemas[i]]->type != ADR_NODE_MAP &&
            kw[schemas[i]]->type != ADR_NODE_BOOL &&
            !(schemas[i] == KW_ITEMS && kw[schemas[i]]->type == ADR_NODE_SEQ))
            kw[schemas[i]] = NULL;
    if (!pack(sc, s, kw, seen)) return;
    if (!s->mask && !(s->flags & CS_NULLABLE)) s->flags |= CS_TRUE;
}

/* ---- cache ------------------------------------------------------------ */

static size_t slot(const adr_node *n, bool d2020, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)n;
    h ^= h >> 29;
    h *= 0x9e3779b97f4a7c15ull;
    h ^= d2020;
    return (size_t)(h >> 17) & (cap - 1);
}

static bool grow(adr_schema_ctx *sc)
{
    size_t ncap = sc->cap ? sc->cap * 2 : 1024;
    cschema **nt = adr_xcalloc(ncap, sizeof *nt);
    if (!nt) return false;
    for (size_t i = 0; i < sc->cap; i++) {
        cschema *s = sc->table[i];
        if (!s) continue;
        size_t j = slot(s->node, (s->flags & CS_2020) != 0, ncap);
        while (nt[j])
            j = (j + 1) & (ncap - 1);
        nt[j] = s;
    }
    adr_xfree(sc->table);
    sc->table = nt;
    sc->cap = ncap;
    return true;
}

cschema *adr_cs_get(adr_schema_ctx *sc, const adr_node *schema, bool d2020)
{
    if (!schema) return NULL;
    if (sc->cap) {
        size_t j = slot(schema, d2020, sc->cap);
        while (sc->table[j]) {
            cschema *s = sc->table[j];
            if (s->node == schema && ((s->flags & CS_2020) != 0) == d2020) return s;
            j = (j + 1) & (sc->cap - 1);
        }
    }
    if ((sc->count + 1) * 2 > sc->cap && !grow(sc)) {
        sc->oom = true;
        return NULL;
    }
    cschema *s = adr_arena_zalloc(&sc->arena, sizeof *s);
    if (!s) {
        sc->oom = true;
        return NULL;
    }
    s->node = schema;
    compile(sc, s, d2020);
    size_t j = slot(schema, d2020, sc->cap);
    while (sc->table[j])
        j = (j + 1) & (sc->cap - 1);
    sc->table[j] = s;
    sc->count++;
    return s;
}

cschema *adr_cs_ref(adr_schema_ctx *sc, cschema *s)
{
    if (s->flags & CS_REF_RESOLVED) return s->ref;
    s->flags |= CS_REF_RESOLVED;
    const adr_node *t = sc->deref ? sc->deref(sc->deref_user, s->node) : NULL;
    s->ref = t && t != s->node ? adr_cs_get(sc, t, (s->flags & CS_2020) != 0) : NULL;
    return s->ref;
}
