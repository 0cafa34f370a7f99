/* The validator: one recursive pass over schema and instance.
 *
 * Keywords are checked in ajv's order (type; $ref, const, enum, not, anyOf,
 * oneOf, allOf, if; then the number, string, array and object keywords)
 * and, unless all errors are asked for, a schema stops at its first error,
 * so the error reported is the one Spectral reports. anyOf/oneOf try their
 * branches quietly first; only when none fits are the branches run again
 * to collect what each of them objects to, as ajv lists them.
 *
 * Termination: recursion only descends into the instance, except through
 * $ref/allOf/anyOf/oneOf/not chains on the same value, which a depth limit
 * cuts; a step budget bounds the time an exponential anyOf nest can take.
 * Both give up by treating the value as valid. */
#include "internal.h"

#include <string.h>

#define MAX_DEPTH  200
#define STEP_LIMIT 4000000u

typedef struct vc {
    adr_schema_ctx *sc;
    unsigned flags;
    bool d2020;
    bool report; /* record errors */
    bool all;    /* continue after an error */
    bool aborted;
    int depth;
    uint32_t steps;
} vc;

/* Annotations for unevaluatedProperties/Items: which properties and how
 * many leading items of one instance some keyword has looked at. */
typedef struct evl {
    uint64_t *bits;
    uint32_t nbits;
    uint32_t items;
    bool all_items;
    uint64_t inl[4];
} evl;

static void evl_init(vc *c, evl *e, const adr_node *in)
{
    memset(e, 0, sizeof *e);
    uint32_t n = in->type == ADR_NODE_MAP ? in->len : 0;
    e->nbits = n;
    if (n <= 64 * ADR_ARRAY_LEN(e->inl)) {
        e->bits = e->inl;
    } else {
        e->bits = adr_arena_zalloc(&c->sc->arena, ((n + 63) / 64) * sizeof *e->bits);
        if (!e->bits) {
            c->sc->oom = true;
            e->nbits = 0;
        }
    }
}

static void evl_mark(evl *e, uint32_t i)
{
    if (e && i < e->nbits) e->bits[i / 64] |= 1ull << (i % 64);
}

static bool evl_has(const evl *e, uint32_t i)
{
    return i < e->nbits && (e->bits[i / 64] >> (i % 64)) & 1;
}

static void evl_merge(evl *dst, const evl *src)
{
    if (!dst) return;
    for (uint32_t i = 0; i < (dst->nbits + 63) / 64 && i < (src->nbits + 63) / 64; i++)
        dst->bits[i] |= src->bits[i];
    if (src->items > dst->items) dst->items = src->items;
    dst->all_items |= src->all_items;
}

/* A fresh annotation set for a branch when the caller tracks them. */
static evl *branch_evl(vc *c, evl *parent, evl *storage, const adr_node *in)
{
    if (!parent) return NULL;
    evl_init(c, storage, in);
    return storage;
}

static serr *push(vc *c, int kind, const adr_node *in, const cschema *s, const adr_node *at)
{
    if (!c->report) return NULL;
    adr_schema_ctx *sc = c->sc;
    if (!adr_grow((void **)&sc->errs, &sc->caperrs, sc->nerrs + 1, sizeof *sc->errs)) {
        sc->oom = true;
        return NULL;
    }
    serr *e = &sc->errs[sc->nerrs++];
    memset(e, 0, sizeof *e);
    e->kw = (uint8_t)kind;
    e->instance = in;
    e->schema = s;
    e->at = at ? at : s->node;
    return e;
}

#define FAIL()                     \
    do {                           \
        valid = false;             \
        if (!c->all) return false; \
    } while (0)

static bool vs(vc *c, cschema *s, const adr_node *in, evl *ev);

static bool vsn(vc *c, const adr_node *schema, const adr_node *in, evl *ev)
{
    cschema *s = adr_cs_get(c->sc, schema, c->d2020);
    return s ? vs(c, s, in, ev) : true;
}

/* Validates without recording errors and stopping at the first. */
static bool quiet(vc *c, const adr_node *schema, const adr_node *in, evl *ev)
{
    bool report = c->report, all = c->all;
    c->report = c->all = false;
    bool ok = vsn(c, schema, in, ev);
    c->report = report;
    c->all = all;
    return ok;
}

/* Runs a failed branch again to record its errors (ajv lists the first
 * error of every failed anyOf/oneOf branch). */
static void explain(vc *c, const adr_node *schema, const adr_node *in)
{
    if (c->report) vsn(c, schema, in, NULL);
}

#define NONE   UINT32_MAX
#define SCR(i) (c->sc->scratch[(i)])

/* Reserves n scratch slots (indexes, not pointers: a nested call may move
 * the buffer). Returns the first slot, or SIZE_MAX on OOM. */
static size_t scratch(vc *c, size_t n)
{
    adr_schema_ctx *sc = c->sc;
    if (sc->stop + n > sc->scap &&
        !adr_grow((void **)&sc->scratch, &sc->scap, sc->stop + n, sizeof *sc->scratch)) {
        sc->oom = true;
        return SIZE_MAX;
    }
    size_t at = sc->stop;
    sc->stop += n;
    return at;
}

static ckids *kids(vc *c, cschema *s)
{
    if (!s->kids) {
        s->kids = adr_arena_zalloc(&c->sc->arena, sizeof *s->kids);
        if (!s->kids) c->sc->oom = true;
    }
    return s->kids;
}

/* Validates against a subschema through a per-schema cache slot. */
static bool vkid(vc *c, cschema **slot, const adr_node *schema, const adr_node *in, evl *ev)
{
    if (!slot) return vsn(c, schema, in, ev);
    if (!*slot) *slot = adr_cs_get(c->sc, schema, c->d2020);
    return *slot ? vs(c, *slot, in, ev) : true;
}

static cschema **kid_array(vc *c, cschema *s, cschema ***field, uint32_t n)
{
    if (!kids(c, s)) return NULL;
    if (!*field) {
        *field = adr_arena_zalloc(&c->sc->arena, n * sizeof **field);
        if (!*field) c->sc->oom = true;
    }
    return *field;
}

static bool type_ok(vc *c, uint32_t types, const adr_node *in)
{
    switch (in->type) {
    case ADR_NODE_NULL: return types & T_NULL;
    case ADR_NODE_BOOL: return types & T_BOOL;
    case ADR_NODE_INT: return types & (T_INT | T_NUM);
    case ADR_NODE_FLOAT: {
        if (types & T_NUM) return true;
        /* 2020-12: 1.0 is an integer. draft-04 (OAS 3.0): an integer is a
         * number written without fraction or exponent. */
        if (!(types & T_INT) || !c->d2020) return false;
        snum v;
        return adr_snum_parse(in, &v) && adr_snum_integral(&v);
    }
    case ADR_NODE_STRING: return types & T_STR;
    case ADR_NODE_MAP: return types & T_OBJ;
    case ADR_NODE_SEQ: return types & T_ARR;
    default: return true;
    }
}

static bool is_number(const adr_node *n)
{
    return n->type == ADR_NODE_INT || n->type == ADR_NODE_FLOAT;
}

static bool key_eq(const adr_node *k, const char *s, size_t n)
{
    return k->type != ADR_NODE_MAP && k->type != ADR_NODE_SEQ && k->len == n &&
           memcmp(k->u.text, s, n) == 0;
}

/* Index of key in map, trying *hint first: examples usually list their
 * properties in the schema's order, which makes the lookup O(1). */
static long find_key(const adr_node *map, const char *s, size_t n, uint32_t *hint)
{
    uint32_t len = map->len;
    if (!len) return -1;
    uint32_t h = *hint < len ? *hint : 0;
    for (uint32_t k = 0; k < len; k++) {
        uint32_t i = h + k < len ? h + k : h + k - len;
        if (key_eq(map->u.pairs[i].key, s, n)) {
            *hint = i + 1;
            return i;
        }
    }
    return -1;
}

static const adr_node *map_get(const adr_node *map, const adr_node *key)
{
    if (!map || map->type != ADR_NODE_MAP || key->type == ADR_NODE_MAP || key->type == ADR_NODE_SEQ)
        return NULL;
    return adr_node_getn(map, key->u.text, key->len);
}

static cschema *through_refs(vc *c, cschema *s)
{
    for (int i = 0; s && (s->flags & CS_REF_ONLY) && i < 32; i++)
        s = adr_cs_ref(c->sc, s);
    return s;
}

static bool flagged(vc *c, const adr_node *prop_schema, uint32_t flag)
{
    cschema *p = adr_cs_get(c->sc, prop_schema, c->d2020);
    if (p && (p->flags & flag)) return true;
    p = p ? through_refs(c, p) : NULL;
    if (p && (p->flags & flag)) return true;
    /* 3.1: {$ref, readOnly} has both */
    if (p && cs_kw(p, KW_REF)) {
        cschema *t = adr_cs_ref(c->sc, p);
        if (t && (t->flags & flag)) return true;
    }
    return false;
}

/* A required property a request need not carry (readOnly) or a response
 * need not carry (writeOnly). The property's schema is looked up in the
 * schema's own properties and in those of its allOf parts. */
static bool relaxed(vc *c, cschema *s, const adr_node *name)
{
    uint32_t flag = (c->flags & ADR_VALIDATE_REQUEST)    ? CS_READONLY
                    : (c->flags & ADR_VALIDATE_RESPONSE) ? CS_WRITEONLY
                                                         : 0;
    if (!flag) return false;
    const adr_node *ps = map_get(cs_kw(s, KW_PROPERTIES), name);
    if (ps) return flagged(c, ps, flag);
    const adr_node *all = cs_kw(s, KW_ALLOF);
    for (uint32_t i = 0; all && i < all->len; i++) {
        cschema *part = through_refs(c, adr_cs_get(c->sc, all->u.items[i], c->d2020));
        ps = part ? map_get(cs_kw(part, KW_PROPERTIES), name) : NULL;
        if (ps) return flagged(c, ps, flag);
    }
    return false;
}

/* The oneOf/anyOf branch a discriminator selects, or -1 (then the
 * composition is evaluated as plain JSON Schema). */
static long discriminated(vc *c, cschema *s, const adr_node *branches, const adr_node *in)
{
    const adr_node *d = cs_kw(s, KW_DISCRIMINATOR);
    if (!d || in->type != ADR_NODE_MAP) return -1;
    const adr_node *pn = adr_node_getn(d, "propertyName", 12);
    if (!pn || pn->type != ADR_NODE_STRING) return -1;
    const adr_node *val = adr_node_getn(in, pn->u.text, pn->len);
    if (!val || val->type != ADR_NODE_STRING) return -1;
    const adr_node *m = map_get(adr_node_getn(d, "mapping", 7), val);
    const char *ref = val->u.text;
    size_t rn = val->len;
    if (m && m->type == ADR_NODE_STRING) {
        ref = m->u.text;
        rn = m->len;
    }
    const adr_node *target = NULL;
    const adr_node *root = d->doc->root;
    if (rn && ref[0] == '#') {
        target = adr_node_at_pointer((adr_node *)root, ref + 1, rn - 1, true);
    } else if (!memchr(ref, '/', rn) && !memchr(ref, '#', rn)) {
        /* A schema name: the implicit (or short) mapping. */
        const adr_node *schemas =
            adr_node_getn(adr_node_getn(root, "components", 10), "schemas", 7);
        target = adr_node_getn(schemas, ref, rn);
    }
    for (uint32_t i = 0; i < branches->len; i++) {
        const adr_node *b = branches->u.items[i];
        const adr_node *br = adr_node_getn(b, "$ref", 4);
        if (target) {
            const adr_node *t = br && c->sc->deref ? c->sc->deref(c->sc->deref_user, b) : b;
            if (t == target) return i;
        } else if (br && br->type == ADR_NODE_STRING && br->len == rn &&
                   memcmp(br->u.text, ref, rn) == 0) {
            return i;
        }
    }
    return -1;
}

static bool composition(vc *c, cschema *s, const adr_node *in, evl *ev, bool one)
{
    const adr_node *arr = cs_kw(s, one ? KW_ONEOF : KW_ANYOF);
    long sel = discriminated(c, s, arr, in);
    evl bstore;
    if (sel >= 0) {
        evl *be = branch_evl(c, ev, &bstore, in);
        if (!vsn(c, arr->u.items[sel], in, be)) return false;
        if (be) evl_merge(ev, be);
        return true;
    }
    uint32_t passing = 0;
    for (uint32_t i = 0; i < arr->len && !c->aborted; i++) {
        evl *be = branch_evl(c, ev, &bstore, in);
        if (!quiet(c, arr->u.items[i], in, be)) continue;
        passing++;
        if (be) evl_merge(ev, be);
        /* anyOf is settled by one branch unless annotations are wanted;
         * oneOf needs to know whether a second one fits. */
        if (one ? passing > 1 : !ev) break;
    }
    if (c->aborted) return true;
    if (one ? passing == 1 : passing > 0) return true;
    if (c->report) {
        for (uint32_t i = 0; i < arr->len; i++) {
            /* Under oneOf only the branches that failed have errors. */
            if (one && passing > 1 && quiet(c, arr->u.items[i], in, NULL)) continue;
            explain(c, arr->u.items[i], in);
        }
        push(c, one ? E_ONEOF : E_ANYOF, in, s, arr);
    }
    return false;
}

static bool in_enum(const adr_node *in, const adr_node *values)
{
    for (uint32_t i = 0; i < values->len; i++) {
        const adr_node *v = values->u.items[i];
        if (in->type == ADR_NODE_STRING) {
            if (v->type == ADR_NODE_STRING && v->len == in->len &&
                memcmp(v->u.text, in->u.text, in->len) == 0)
                return true;
        } else if (adr_json_equal(in, v)) {
            return true;
        }
    }
    return false;
}

static bool check_number(vc *c, cschema *s, const adr_node *in)
{
    bool valid = true;
    snum v;
    if (!adr_snum_parse(in, &v)) return true;
    if (cs_kw(s, KW_MAXIMUM)) {
        bool ex = (s->flags & CS_EXMAX_BOOL) != 0;
        int r = adr_snum_cmp(&v, &s->lim->maximum);
        if (r == 2 || (ex ? r >= 0 : r > 0)) {
            serr *e = push(c, ex ? E_EXMAX : E_MAXIMUM, in, s, cs_kw(s, KW_MAXIMUM));
            if (e) e->limit = &s->lim->maximum;
            FAIL();
        }
    }
    if (cs_kw(s, KW_MINIMUM)) {
        bool ex = (s->flags & CS_EXMIN_BOOL) != 0;
        int r = adr_snum_cmp(&v, &s->lim->minimum);
        if (r == 2 || (ex ? r <= 0 : r < 0)) {
            serr *e = push(c, ex ? E_EXMIN : E_MINIMUM, in, s, cs_kw(s, KW_MINIMUM));
            if (e) e->limit = &s->lim->minimum;
            FAIL();
        }
    }
    if (cs_kw(s, KW_EXMAX)) {
        int r = adr_snum_cmp(&v, &s->lim->exmax);
        if (r == 2 || r >= 0) {
            serr *e = push(c, E_EXMAX, in, s, cs_kw(s, KW_EXMAX));
            if (e) e->limit = &s->lim->exmax;
            FAIL();
        }
    }
    if (cs_kw(s, KW_EXMIN)) {
        int r = adr_snum_cmp(&v, &s->lim->exmin);
        if (r == 2 || r <= 0) {
            serr *e = push(c, E_EXMIN, in, s, cs_kw(s, KW_EXMIN));
            if (e) e->limit = &s->lim->exmin;
            FAIL();
        }
    }
    if (cs_kw(s, KW_MULTIPLEOF) && !adr_snum_multiple(&v, &s->lim->multipleof)) {
        serr *e = push(c, E_MULTIPLEOF, in, s, cs_kw(s, KW_MULTIPLEOF));
        if (e) e->limit = &s->lim->multipleof;
        FAIL();
    }
    if (s->format && adr_format_is_numeric(s->format) && !adr_format_check_number(s->format, &v)) {
        push(c, E_FORMAT, in, s, cs_kw(s, KW_FORMAT));
        FAIL();
    }
    return valid;
}

static bool check_string(vc *c, cschema *s, const adr_node *in)
{
    bool valid = true;
    if (cs_kw(s, KW_MAXLENGTH) || cs_kw(s, KW_MINLENGTH)) {
        int64_t len = (int64_t)adr_utf8_len(in->u.text, in->len);
        if (cs_kw(s, KW_MAXLENGTH) && len > s->lim->maxlength) {
            serr *e = push(c, E_MAXLENGTH, in, s, cs_kw(s, KW_MAXLENGTH));
            if (e) e->a = s->lim->maxlength;
            FAIL();
        }
        if (cs_kw(s, KW_MINLENGTH) && len < s->lim->minlength) {
            serr *e = push(c, E_MINLENGTH, in, s, cs_kw(s, KW_MINLENGTH));
            if (e) e->a = s->lim->minlength;
            FAIL();
        }
    }
    if (s->pattern && adr_rx_match(c->sc, s->pattern, in->u.text, in->len) == 0) {
        push(c, E_PATTERN, in, s, cs_kw(s, KW_PATTERN));
        FAIL();
    }
    if (s->format && !adr_format_is_numeric(s->format) &&
        !adr_format_check_string(s->format, in->u.text, in->len)) {
        push(c, E_FORMAT, in, s, cs_kw(s, KW_FORMAT));
        FAIL();
    }
    return valid;
}

/* ajv's two uniqueItems loops differ in which pair they name: with scalar
 * item types it walks down remembering later indexes ("## later and
 * earlier"), otherwise it compares each item with the ones before it
 * ("## earlier and later"). */
static bool check_unique(vc *c, cschema *s, const adr_node *in)
{
    uint32_t n = in->len;
    if (n < 2) return true;
    cschema *it = cs_kw(s, KW_ITEMS) && cs_kw(s, KW_ITEMS)->type == ADR_NODE_MAP
                      ? through_refs(c, adr_cs_get(c->sc, cs_kw(s, KW_ITEMS), c->d2020))
                      : NULL;
    bool scalar = it && it->types && !(it->types & (T_OBJ | T_ARR));
    for (uint32_t i = n; i-- > 0;) {
        if (++c->steps > STEP_LIMIT) {
            c->aborted = true;
            return true;
        }
        const adr_node *x = in->u.items[i];
        if (scalar) {
            if (!type_ok(c, it->types, x)) continue;
            for (uint32_t j = i + 1; j < n; j++) {
                if (!adr_json_equal(x, in->u.items[j])) continue;
                serr *e = push(c, E_UNIQUEITEMS, in, s, cs_kw(s, KW_UNIQUEITEMS));
                if (e) e->a = j, e->b = i;
                return false;
            }
        } else {
            for (uint32_t j = i; j-- > 0;) {
                if (!adr_json_equal(x, in->u.items[j])) continue;
                serr *e = push(c, E_UNIQUEITEMS, in, s, cs_kw(s, KW_UNIQUEITEMS));
                if (e) e->a = j, e->b = i;
                return false;
            }
        }
    }
    return true;
}

static bool check_array(vc *c, cschema *s, const adr_node *in, evl *ev)
{
    bool valid = true;
    uint32_t n = in->len;
    if (cs_kw(s, KW_MAXITEMS) && n > s->lim->maxitems) {
        serr *e = push(c, E_MAXITEMS, in, s, cs_kw(s, KW_MAXITEMS));
        if (e) e->a = s->lim->maxitems;
        FAIL();
    }
    if (cs_kw(s, KW_MINITEMS) && n < s->lim->minitems) {
        serr *e = push(c, E_MINITEMS, in, s, cs_kw(s, KW_MINITEMS));
        if (e) e->a = s->lim->minitems;
        FAIL();
    }
    if (cs_kw(s, KW_UNIQUEITEMS) && !check_unique(c, s, in)) FAIL();
    /* Positional schemas: draft-04 tuple items + additionalItems, or
     * 2020-12 prefixItems + items. */
    const adr_node *tuple = c->d2020 ? cs_kw(s, KW_PREFIXITEMS)
                            : cs_kw(s, KW_ITEMS) && cs_kw(s, KW_ITEMS)->type == ADR_NODE_SEQ
                                ? cs_kw(s, KW_ITEMS)
                                : NULL;
    const adr_node *rest = c->d2020 ? cs_kw(s, KW_ITEMS)
                           : tuple  ? cs_kw(s, KW_ADDITIONALITEMS)
                                    : cs_kw(s, KW_ITEMS);
    uint32_t first = 0;
    if (tuple) {
        first = tuple->len < n ? tuple->len : n;
        for (uint32_t i = 0; i < first; i++)
            if (!vsn(c, tuple->u.items[i], in->u.items[i], NULL)) FAIL();
        if (ev && first > ev->items) ev->items = first;
    }
    if (rest && n > first) {
        if (rest->type == ADR_NODE_BOOL && rest->u.text[0] != 't' && rest->u.text[0] != 'T') {
            serr *e = push(c, E_EXTRA_ITEMS, in, s, rest);
            if (e) e->a = tuple ? tuple->len : 0;
            FAIL();
        } else {
            ckids *ks = rest->type == ADR_NODE_MAP ? kids(c, s) : NULL;
            for (uint32_t i = first; i < n && !c->aborted; i++)
                if (!vkid(c, ks ? &ks->items : NULL, rest, in->u.items[i], NULL)) FAIL();
            if (ev) ev->all_items = true;
        }
    }
    if (cs_kw(s, KW_CONTAINS)) {
        int64_t min = cs_kw(s, KW_MINCONTAINS) ? s->lim->mincontains : 1, count = 0;
        int64_t max = cs_kw(s, KW_MAXCONTAINS) ? s->lim->maxcontains : -1;
        for (uint32_t i = 0; i < n && !c->aborted; i++)
            if (quiet(c, cs_kw(s, KW_CONTAINS), in->u.items[i], NULL)) count++;
        if (count < min) {
            serr *e = push(c, E_CONTAINS_MIN, in, s, cs_kw(s, KW_CONTAINS));
            if (e) e->a = min;
            FAIL();
        } else if (max >= 0 && count > max) {
            serr *e = push(c, E_CONTAINS_MAX, in, s, cs_kw(s, KW_MAXCONTAINS));
            if (e) e->a = max;
            FAIL();
        }
    }
    return valid;
}

static bool has_deps(const adr_node *in, const adr_node *deps, const adr_node **missing)
{
    for (uint32_t i = 0; i < deps->len; i++) {
        const adr_node *d = deps->u.items[i];
        if (d->type != ADR_NODE_STRING) continue;
        if (!adr_node_getn(in, d->u.text, d->len)) {
            *missing = d;
            return false;
        }
    }
    return true;
}

static bool check_dependencies(vc *c, cschema *s, const adr_node *in, evl *ev,
                               const adr_node *deps_map, bool allow_req, bool allow_schema)
{
    bool valid = true;
    for (uint32_t i = 0; deps_map && i < deps_map->len; i++) {
        const adr_node *k = deps_map->u.pairs[i].key, *v = deps_map->u.pairs[i].value;
        if (!map_get(in, k)) continue;
        if (v->type == ADR_NODE_SEQ && allow_req) {
            const adr_node *missing;
            if (!has_deps(in, v, &missing)) {
                serr *e = push(c, E_DEPENDENCIES, in, s, v);
                if (e) e->param = k;
                FAIL();
            }
        } else if ((v->type == ADR_NODE_MAP || v->type == ADR_NODE_BOOL) && allow_schema) {
            if (!vsn(c, v, in, ev)) FAIL();
        }
    }
    return valid;
}

static bool matches_pattern_props(vc *c, const adr_node *pp, const adr_node *key)
{
    for (uint32_t j = 0; pp && j < pp->len; j++) {
        const adr_node *pat = pp->u.pairs[j].key;
        pcre2_code *re = adr_rx_get(c->sc, pat->u.text, pat->len);
        if (re && adr_rx_match(c->sc, re, key->u.text, key->len) == 1) return true;
    }
    return false;
}

/* Position of a name among the schema's properties, or -1. Small
 * property lists are scanned from a hint; large ones get a hash index on
 * first use (shared component schemas are matched thousands of times). */
#define PROP_INDEX_MIN 12

static uint64_t name_hash(const char *s, size_t n)
{
    return adr_hash(s, n);
}

static void build_prop_index(vc *c, cschema *s, const adr_node *props)
{
    ckids *k = kids(c, s);
    if (!k) return;
    uint32_t cap = 32;
    while (cap < props->len * 2)
        cap *= 2;
    uint32_t *t = adr_arena_zalloc(&c->sc->arena, cap * sizeof *t);
    if (!t) {
        c->sc->oom = true;
        return;
    }
    for (uint32_t j = 0; j < props->len; j++) {
        const adr_node *key = props->u.pairs[j].key;
        if (key->type == ADR_NODE_MAP || key->type == ADR_NODE_SEQ) continue;
        uint32_t h = (uint32_t)name_hash(key->u.text, key->len) & (cap - 1);
        while (t[h])
            h = (h + 1) & (cap - 1);
        t[h] = j + 1;
    }
    k->prop_index = t;
    k->prop_cap = cap;
}

static long find_prop(vc *c, cschema *s, const adr_node *props, const char *name, size_t n,
                      uint32_t *hint)
{
    if (props->len < PROP_INDEX_MIN) return find_key(props, name, n, hint);
    /* in schema order more often than not: try the hint before hashing */
    if (*hint < props->len && key_eq(props->u.pairs[*hint].key, name, n)) return (long)(*hint)++;
    if (!s->kids || !s->kids->prop_index) build_prop_index(c, s, props);
    if (!s->kids || !s->kids->prop_index) return find_key(props, name, n, hint);
    const uint32_t *t = s->kids->prop_index;
    uint32_t cap = s->kids->prop_cap;
    for (uint32_t h = (uint32_t)name_hash(name, n) & (cap - 1); t[h]; h = (h + 1) & (cap - 1))
        if (key_eq(props->u.pairs[t[h] - 1].key, name, n)) {
            *hint = t[h];
            return (long)t[h] - 1;
        }
    return -1;
}

/* The object keywords, in ajv's order. Instance keys are matched with
 * "properties" once up front (inst[j]: the instance entry of property j,
 * pidx[i]: the property of instance entry i), so required, properties and
 * additionalProperties each cost one pass. */
static bool object_keywords(vc *c, cschema *s, const adr_node *in, evl *ev)
{
    bool valid = true;
    uint32_t n = in->len;
    const adr_node *props = cs_kw(s, KW_PROPERTIES), *pp = cs_kw(s, KW_PATTERNPROPERTIES);
    const adr_node *ap = cs_kw(s, KW_ADDITIONALPROPERTIES), *req = cs_kw(s, KW_REQUIRED);
    if (cs_kw(s, KW_MAXPROPERTIES) && n > s->lim->maxprops) {
        serr *e = push(c, E_MAXPROPERTIES, in, s, cs_kw(s, KW_MAXPROPERTIES));
        if (e) e->a = s->lim->maxprops;
        FAIL();
    }
    if (cs_kw(s, KW_MINPROPERTIES) && n < s->lim->minprops) {
        serr *e = push(c, E_MINPROPERTIES, in, s, cs_kw(s, KW_MINPROPERTIES));
        if (e) e->a = s->lim->minprops;
        FAIL();
    }
    uint32_t np = props ? props->len : 0;
    size_t pidx = 0, inst = 0;
    if (np) {
        pidx = scratch(c, (size_t)n + np);
        if (pidx == SIZE_MAX) return true;
        inst = pidx + n;
        for (uint32_t j = 0; j < np; j++)
            SCR(inst + j) = NONE;
        uint32_t hint = 0;
        for (uint32_t i = 0; i < n; i++) {
            const adr_node *k = in->u.pairs[i].key;
            long j = k->type == ADR_NODE_MAP || k->type == ADR_NODE_SEQ
                         ? -1
                         : find_prop(c, s, props, k->u.text, k->len, &hint);
            SCR(pidx + i) = j < 0 ? NONE : (uint32_t)j;
            if (j >= 0 && SCR(inst + (size_t)j) == NONE) SCR(inst + (size_t)j) = i;
        }
    }
    if (req) {
        uint32_t phint = 0, ihint = 0;
        for (uint32_t r = 0; r < req->len; r++) {
            const adr_node *name = req->u.items[r];
            if (name->type != ADR_NODE_STRING) continue;
            long j = np ? find_prop(c, s, props, name->u.text, name->len, &phint) : -1;
            bool present = j >= 0 ? SCR(inst + (size_t)j) != NONE
                                  : find_key(in, name->u.text, name->len, &ihint) >= 0;
            if (present || relaxed(c, s, name)) continue;
            serr *e = push(c, E_REQUIRED, in, s, req);
            if (e) e->param = name;
            FAIL();
        }
    }
    if (cs_kw(s, KW_PROPERTYNAMES)) {
        const adr_node *names = cs_kw(s, KW_PROPERTYNAMES);
        for (uint32_t i = 0; i < n && !c->aborted; i++) {
            /* Keys are strings to JSON Schema whatever YAML made of them. */
            adr_node key = *in->u.pairs[i].key;
            if (key.type == ADR_NODE_MAP || key.type == ADR_NODE_SEQ) continue;
            key.type = ADR_NODE_STRING;
            if (quiet(c, names, &key, NULL)) continue;
            if (c->report) {
                size_t mark = c->sc->nerrs;
                explain(c, names, &key);
                /* ajv reports a key's errors at the object. */
                for (size_t k = mark; k < c->sc->nerrs; k++)
                    c->sc->errs[k].instance = in;
                serr *e = push(c, E_PROPERTYNAMES, in, s, names);
                if (e) e->param = in->u.pairs[i].key;
            }
            FAIL();
        }
    }
    if (ap) {
        bool is_false = ap->type == ADR_NODE_BOOL && ap->u.text[0] != 't' && ap->u.text[0] != 'T';
        bool is_true = ap->type == ADR_NODE_BOOL && !is_false;
        ckids *ks = is_false || is_true ? NULL : kids(c, s);
        for (uint32_t i = 0; i < n && !is_true && !c->aborted; i++) {
            const adr_node *k = in->u.pairs[i].key;
            if (k->type == ADR_NODE_MAP || k->type == ADR_NODE_SEQ) continue;
            if (np && SCR(pidx + i) != NONE) continue;
            if (pp && matches_pattern_props(c, pp, k)) continue;
            evl_mark(ev, i);
            if (is_false) {
                serr *e = push(c, E_ADDITIONAL, in, s, ap);
                if (e) e->param = k;
                FAIL();
            } else if (!vkid(c, ks ? &ks->addl : NULL, ap, in->u.pairs[i].value, NULL)) {
                FAIL();
            }
        }
        if (is_true)
            for (uint32_t i = 0; i < n; i++)
                evl_mark(ev, i);
    }
    if (cs_kw(s, KW_DEPENDENCIES) &&
        !check_dependencies(c, s, in, ev, cs_kw(s, KW_DEPENDENCIES), true, true))
        FAIL();
    if (cs_kw(s, KW_DEPENDENTREQUIRED) &&
        !check_dependencies(c, s, in, ev, cs_kw(s, KW_DEPENDENTREQUIRED), true, false))
        FAIL();
    if (cs_kw(s, KW_DEPENDENTSCHEMAS) &&
        !check_dependencies(c, s, in, ev, cs_kw(s, KW_DEPENDENTSCHEMAS), false, true))
        FAIL();
    if (np) {
        cschema **slots = kids(c, s) ? kid_array(c, s, &s->kids->props, np) : NULL;
        for (uint32_t j = 0; j < np && !c->aborted; j++) {
            uint32_t i = SCR(inst + j);
            if (i == NONE) continue;
            evl_mark(ev, i);
            if (!vkid(c, slots ? &slots[j] : NULL, props->u.pairs[j].value, in->u.pairs[i].value,
                      NULL))
                FAIL();
        }
    }
    for (uint32_t j = 0; pp && j < pp->len && !c->aborted; j++) {
        const adr_node *pat = pp->u.pairs[j].key;
        pcre2_code *re = adr_rx_get(c->sc, pat->u.text, pat->len);
        if (!re) continue;
        for (uint32_t i = 0; i < n; i++) {
            const adr_node *k = in->u.pairs[i].key;
            if (k->type == ADR_NODE_MAP || k->type == ADR_NODE_SEQ) continue;
            if (adr_rx_match(c->sc, re, k->u.text, k->len) != 1) continue;
            evl_mark(ev, i);
            if (!vsn(c, pp->u.pairs[j].value, in->u.pairs[i].value, NULL)) FAIL();
        }
    }
    return valid;
}

static bool check_object(vc *c, cschema *s, const adr_node *in, evl *ev)
{
    size_t mark = c->sc->stop;
    bool ok = object_keywords(c, s, in, ev);
    c->sc->stop = mark;
    return ok;
}

static bool check_unevaluated(vc *c, cschema *s, const adr_node *in, evl *own)
{
    bool valid = true;
    const adr_node *up = cs_kw(s, KW_UNEVALUATEDPROPERTIES), *ui = cs_kw(s, KW_UNEVALUATEDITEMS);
    if (up && in->type == ADR_NODE_MAP) {
        bool is_false = up->type == ADR_NODE_BOOL && up->u.text[0] != 't' && up->u.text[0] != 'T';
        for (uint32_t i = 0; i < in->len; i++) {
            if (evl_has(own, i)) continue;
            if (is_false) {
                serr *e = push(c, E_UNEVALUATED_PROPS, in, s, up);
                if (e) e->param = in->u.pairs[i].key;
                FAIL();
            } else if (!vsn(c, up, in->u.pairs[i].value, NULL)) {
                FAIL();
            }
            evl_mark(own, i);
        }
    }
    if (ui && in->type == ADR_NODE_SEQ && !own->all_items && own->items < in->len) {
        bool is_false = ui->type == ADR_NODE_BOOL && ui->u.text[0] != 't' && ui->u.text[0] != 'T';
        if (is_false) {
            serr *e = push(c, E_UNEVALUATED_ITEMS, in, s, ui);
            if (e) e->a = own->items;
            FAIL();
        } else {
            for (uint32_t i = own->items; i < in->len; i++)
                if (!vsn(c, ui, in->u.items[i], NULL)) FAIL();
        }
        own->all_items = true;
    }
    return valid;
}

static bool body(vc *c, cschema *s, const adr_node *in, evl *ev)
{
    bool valid = true;
    evl own;
    bool tracking = (cs_kw(s, KW_UNEVALUATEDPROPERTIES) && in->type == ADR_NODE_MAP) ||
                    (cs_kw(s, KW_UNEVALUATEDITEMS) && in->type == ADR_NODE_SEQ);
    evl *e = ev;
    if (tracking) {
        evl_init(c, &own, in);
        e = &own;
    }
    if (s->types && !type_ok(c, s->types, in)) {
        push(c, E_TYPE, in, s, cs_kw(s, KW_TYPE));
        FAIL();
    }
    if (cs_kw(s, KW_REF)) {
        cschema *t = adr_cs_ref(c->sc, s);
        if (t && !vs(c, t, in, e)) FAIL();
    }
    if (cs_kw(s, KW_CONST) && !adr_json_equal(in, cs_kw(s, KW_CONST))) {
        push(c, E_CONST, in, s, cs_kw(s, KW_CONST));
        FAIL();
    }
    if (cs_kw(s, KW_ENUM) && !in_enum(in, cs_kw(s, KW_ENUM))) {
        push(c, E_ENUM, in, s, cs_kw(s, KW_ENUM));
        FAIL();
    }
    if (cs_kw(s, KW_NOT) && quiet(c, cs_kw(s, KW_NOT), in, NULL) && !c->aborted) {
        push(c, E_NOT, in, s, cs_kw(s, KW_NOT));
        FAIL();
    }
    if (cs_kw(s, KW_ANYOF) && !composition(c, s, in, e, false)) FAIL();
    if (cs_kw(s, KW_ONEOF) && !composition(c, s, in, e, true)) FAIL();
    if (cs_kw(s, KW_ALLOF)) {
        const adr_node *all = cs_kw(s, KW_ALLOF);
        cschema **slots = kids(c, s) ? kid_array(c, s, &s->kids->allof, all->len) : NULL;
        for (uint32_t i = 0; i < all->len; i++)
            if (!vkid(c, slots ? &slots[i] : NULL, all->u.items[i], in, e)) FAIL();
    }
    if (cs_kw(s, KW_IF)) {
        evl istore;
        evl *ie = branch_evl(c, e, &istore, in);
        bool ok = quiet(c, cs_kw(s, KW_IF), in, ie);
        if (ok && ie) evl_merge(e, ie);
        const adr_node *branch = ok ? cs_kw(s, KW_THEN) : cs_kw(s, KW_ELSE);
        if (branch && !vsn(c, branch, in, e)) FAIL();
    }
    switch (in->type) {
    case ADR_NODE_INT:
    case ADR_NODE_FLOAT:
        if (!check_number(c, s, in)) FAIL();
        break;
    case ADR_NODE_STRING:
        if (!check_string(c, s, in)) FAIL();
        break;
    case ADR_NODE_SEQ:
        if (!check_array(c, s, in, e)) FAIL();
        break;
    case ADR_NODE_MAP:
        if (!check_object(c, s, in, e)) FAIL();
        break;
    default: break;
    }
    if (tracking) {
        if (!check_unevaluated(c, s, in, &own)) FAIL();
        if (valid) evl_merge(ev, &own);
    }
    return valid;
}

static bool vs(vc *c, cschema *s, const adr_node *in, evl *ev)
{
    if (c->aborted) return true;
    if (++c->steps > STEP_LIMIT || c->depth >= MAX_DEPTH) {
        c->aborted = true;
        return true;
    }
    if (s->flags & CS_TRUE) return true;
    if (s->flags & CS_FALSE) {
        push(c, E_FALSE, in, s, s->node);
        return false;
    }
    bool r;
    c->depth++;
    if (s->flags & CS_REF_ONLY) {
        cschema *t = adr_cs_ref(c->sc, s);
        r = t ? vs(c, t, in, ev) : true;
    } else if ((s->flags & CS_NULLABLE) && in->type == ADR_NODE_NULL) {
        /* nullable: true admits null whatever else the schema says, also
         * beside allOf/oneOf/anyOf/$ref: that is what authors mean by it
         * and what OAS 3.0.3 and 3.1's type: [T, "null"] express. */
        r = true;
    } else {
        r = body(c, s, in, ev);
    }
    c->depth--;
    return r;
}

adr_schema_ctx *adr_schema_ctx_new(adr_schema_deref_fn deref, void *deref_user)
{
    adr_schema_ctx *sc = adr_xcalloc(1, sizeof *sc);
    if (!sc) return NULL;
    sc->deref = deref;
    sc->deref_user = deref_user;
    adr_arena_init(&sc->arena, 64 * 1024);
    adr_buf_init(&sc->msg);
    sc->md = pcre2_match_data_create(1, NULL);
    sc->mctx = pcre2_match_context_create(NULL);
    sc->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!sc->md || !sc->mctx) {
        adr_schema_ctx_free(sc);
        return NULL;
    }
    /* A pattern that backtracks for ever is given up on, not waited for. */
    pcre2_set_match_limit(sc->mctx, 1000000);
    pcre2_set_depth_limit(sc->mctx, 10000);
    if (sc->jit) pcre2_jit_stack_assign(sc->mctx, NULL, sc->jit);
    return sc;
}

void adr_schema_ctx_free(adr_schema_ctx *sc)
{
    if (!sc) return;
    adr_rx_free_all(sc);
    pcre2_match_data_free(sc->md);
    pcre2_match_context_free(sc->mctx);
    pcre2_jit_stack_free(sc->jit);
    adr_xfree(sc->table);
    adr_xfree(sc->errs);
    adr_xfree(sc->scratch);
    adr_buf_free(&sc->msg);
    adr_arena_destroy(&sc->arena);
    adr_xfree(sc);
}

int adr_schema_validate(adr_schema_ctx *sc, const adr_node *schema, const adr_node *instance,
                        unsigned flags, adr_schema_error_fn fn, void *user)
{
    if (!sc || !schema || !instance) return 1;
    vc c;
    memset(&c, 0, sizeof c);
    c.sc = sc;
    c.flags = flags;
    c.d2020 = (flags & ADR_VALIDATE_2020_12) != 0;
    c.report = fn != NULL;
    c.all = (flags & ADR_VALIDATE_ALL_ERRORS) != 0;
    sc->nerrs = 0;
    sc->stop = 0;
    cschema *s = adr_cs_get(sc, schema, c.d2020);
    bool ok = s ? vs(&c, s, instance, NULL) : true;
    if (sc->oom) return ADR_ENOMEM;
    if (ok || c.aborted) return 1;
    if (fn) adr_serr_emit(sc, fn, user);
    return sc->oom ? ADR_ENOMEM : 0;
}

size_t adr_utf8_len(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

static bool truth(const adr_node *n)
{
    return n->u.text[0] == 't' || n->u.text[0] == 'T';
}

bool adr_json_equal(const adr_node *a, const adr_node *b)
{
    if (a == b) return true;
    if (is_number(a) && is_number(b)) {
        snum x, y;
        return adr_snum_parse(a, &x) && adr_snum_parse(b, &y) && adr_snum_cmp(&x, &y) == 0;
    }
    if (a->type != b->type) return false;
    switch (a->type) {
    case ADR_NODE_NULL: return true;
    case ADR_NODE_BOOL: return truth(a) == truth(b);
    case ADR_NODE_STRING: return a->len == b->len && memcmp(a->u.text, b->u.text, a->len) == 0;
    case ADR_NODE_SEQ:
        if (a->len != b->len) return false;
        for (uint32_t i = 0; i < a->len; i++)
            if (!adr_json_equal(a->u.items[i], b->u.items[i])) return false;
        return true;
    case ADR_NODE_MAP: {
        if (a->len != b->len) return false;
        uint32_t hint = 0;
        for (uint32_t i = 0; i < a->len; i++) {
            const adr_node *k = a->u.pairs[i].key;
            if (k->type == ADR_NODE_MAP || k->type == ADR_NODE_SEQ) return false;
            long j = find_key(b, k->u.text, k->len, &hint);
            if (j < 0 || !adr_json_equal(a->u.pairs[i].value, b->u.pairs[j].value)) return false;
        }
        return true;
    }
    default: return false;
    }
}
