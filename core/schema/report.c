/* Turning recorded errors into findings the way Spectral does: ajv's
 * messages, cleaned and prefixed by @stoplight/better-ajv-errors with the
 * name of the offending value ("\"id\" property type must be string"),
 * after dropping what it drops (an anyOf that failed deeper down reports
 * the deeper errors only; enum errors on one value merge). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static const char *const keywords[E_COUNT] = {
    [E_FALSE] = "false schema",
    [E_TYPE] = "type",
    [E_ENUM] = "enum",
    [E_CONST] = "const",
    [E_MULTIPLEOF] = "multipleOf",
    [E_MAXIMUM] = "maximum",
    [E_MINIMUM] = "minimum",
    [E_EXMAX] = "exclusiveMaximum",
    [E_EXMIN] = "exclusiveMinimum",
    [E_MAXLENGTH] = "maxLength",
    [E_MINLENGTH] = "minLength",
    [E_PATTERN] = "pattern",
    [E_FORMAT] = "format",
    [E_MAXITEMS] = "maxItems",
    [E_MINITEMS] = "minItems",
    [E_UNIQUEITEMS] = "uniqueItems",
    [E_CONTAINS_MIN] = "contains",
    [E_CONTAINS_MAX] = "contains",
    [E_REQUIRED] = "required",
    [E_ADDITIONAL] = "additionalProperties",
    [E_MAXPROPERTIES] = "maxProperties",
    [E_MINPROPERTIES] = "minProperties",
    [E_PROPERTYNAMES] = "propertyNames",
    [E_DEPENDENCIES] = "dependencies",
    [E_ANYOF] = "anyOf",
    [E_ONEOF] = "oneOf",
    [E_NOT] = "not",
    [E_UNEVALUATED_PROPS] = "unevaluatedProperties",
    [E_UNEVALUATED_ITEMS] = "unevaluatedItems",
    [E_EXTRA_ITEMS] = "items",
};

static bool inside(const adr_node *n, const adr_node *ancestor)
{
    for (const adr_node *p = n ? n->parent : NULL; p; p = p->parent)
        if (p == ancestor) return true;
    return false;
}

/* better-ajv-errors: "an anyOf error means there are more meaningful
 * errors inside": when errors exist below the value the anyOf failed on,
 * every error on that value itself is dropped. */
static void drop_shallow_anyof(adr_schema_ctx *sc)
{
    for (size_t i = 0; i < sc->nerrs; i++) {
        if (sc->errs[i].kw != E_ANYOF) continue;
        const adr_node *at = sc->errs[i].instance;
        bool deeper = false;
        for (size_t j = 0; j < sc->nerrs && !deeper; j++)
            deeper = !sc->errs[j].dropped && inside(sc->errs[j].instance, at);
        if (!deeper) continue;
        for (size_t j = 0; j < sc->nerrs; j++)
            if (sc->errs[j].instance == at) sc->errs[j].dropped = true;
    }
}

static void put_number(adr_buf *b, const adr_node *n)
{
    snum v;
    char tmp[64];
    if (adr_snum_parse(n, &v)) {
        adr_snum_js(&v, tmp, sizeof tmp);
        adr_buf_puts(b, tmp);
    } else {
        adr_buf_putn(b, n->u.text, n->len);
    }
}

/* JSON.stringify of a value, as better-ajv-errors lists enum values. */
static void put_json(adr_buf *b, const adr_node *n, int depth)
{
    if (depth > 64) {
        adr_buf_puts(b, "...");
        return;
    }
    switch (n->type) {
    case ADR_NODE_NULL: adr_buf_puts(b, "null"); break;
    case ADR_NODE_BOOL:
        adr_buf_puts(b, n->u.text[0] == 't' || n->u.text[0] == 'T' ? "true" : "false");
        break;
    case ADR_NODE_INT:
    case ADR_NODE_FLOAT: put_number(b, n); break;
    case ADR_NODE_STRING: adr_buf_json_string(b, n->u.text, n->len); break;
    case ADR_NODE_SEQ:
        adr_buf_putc(b, '[');
        for (uint32_t i = 0; i < n->len; i++) {
            if (i) adr_buf_putc(b, ',');
            put_json(b, n->u.items[i], depth + 1);
        }
        adr_buf_putc(b, ']');
        break;
    case ADR_NODE_MAP:
        adr_buf_putc(b, '{');
        for (uint32_t i = 0; i < n->len; i++) {
            const adr_node *k = n->u.pairs[i].key;
            if (i) adr_buf_putc(b, ',');
            if (k->type == ADR_NODE_MAP || k->type == ADR_NODE_SEQ)
                adr_buf_puts(b, "\"\"");
            else
                adr_buf_json_string(b, k->u.text, k->len);
            adr_buf_putc(b, ':');
            put_json(b, n->u.pairs[i].value, depth + 1);
        }
        adr_buf_putc(b, '}');
        break;
    default: break;
    }
}

/* Levenshtein distance over code points, for "Did you mean". */
static size_t leven(const char *a, size_t an, const char *b, size_t bn)
{
    uint32_t ca[256], cb[256];
    size_t n = 0, m = 0;
    for (size_t i = 0; i < an && n < 256; i++)
        if (((unsigned char)a[i] & 0xC0) != 0x80)
            ca[n++] = (unsigned char)a[i];
        else if (n)
            ca[n - 1] = ca[n - 1] * 64 + ((unsigned char)a[i] & 0x3F);
    for (size_t i = 0; i < bn && m < 256; i++)
        if (((unsigned char)b[i] & 0xC0) != 0x80)
            cb[m++] = (unsigned char)b[i];
        else if (m)
            cb[m - 1] = cb[m - 1] * 64 + ((unsigned char)b[i] & 0x3F);
    size_t row[257];
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t cur = row[j];
            size_t best = prev + (ca[i - 1] != cb[j - 1]);
            if (row[j] + 1 < best) best = row[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[m];
}

/* The allowed values of every enum error on the same value (better-ajv-
 * errors merges them), the "null" Spectral adds for nullable, and the
 * closest string when it is close enough. */
static void put_enum(adr_schema_ctx *sc, adr_buf *b, size_t first)
{
    const serr *e0 = &sc->errs[first];
    const adr_node *in = e0->instance;
    size_t count = 0;
    bool nullable = false;
    const adr_node *best = NULL;
    size_t best_w = 0;
    for (size_t i = first; i < sc->nerrs; i++) {
        const serr *e = &sc->errs[i];
        if (e->kw != E_ENUM || e->instance != in || (i != first && !e->dropped)) continue;
        const adr_node *vals = e->at;
        if (e->schema->flags & CS_NULLABLE) nullable = true;
        for (uint32_t k = 0; k < vals->len; k++) {
            const adr_node *v = vals->u.items[k];
            bool dup = false;
            for (size_t p = first; p <= i && !dup; p++) {
                const serr *pe = &sc->errs[p];
                if (pe->kw != E_ENUM || pe->instance != in || (p != first && !pe->dropped))
                    continue;
                uint32_t lim = p == i ? k : pe->at->len;
                for (uint32_t q = 0; q < lim && !dup; q++)
                    dup = adr_json_equal(pe->at->u.items[q], v);
            }
            if (dup) continue;
            if (count++) adr_buf_puts(b, ", ");
            put_json(b, v, 0);
            if (v->type == ADR_NODE_STRING && in->type == ADR_NODE_STRING && in->len) {
                size_t w = leven(in->u.text, in->len, v->u.text, v->len);
                if (!best || w < best_w) best = v, best_w = w;
            }
        }
    }
    if (nullable) {
        if (count++) adr_buf_puts(b, ", ");
        adr_buf_puts(b, "null");
    }
    if (best && (count == 1 || best_w < adr_utf8_len(best->u.text, best->len))) {
        adr_buf_puts(b, ". Did you mean ");
        adr_buf_json_string(b, best->u.text, best->len);
        adr_buf_putc(b, '?');
    }
}

static void put_types(adr_buf *b, const serr *e)
{
    const adr_node *t = e->at;
    if (t->type == ADR_NODE_SEQ) {
        for (uint32_t i = 0; i < t->len; i++) {
            if (i) adr_buf_putc(b, ',');
            if (t->u.items[i]->type == ADR_NODE_STRING)
                adr_buf_putn(b, t->u.items[i]->u.text, t->u.items[i]->len);
        }
    } else if (t->type == ADR_NODE_STRING) {
        adr_buf_putn(b, t->u.text, t->len);
    }
    /* Spectral turns nullable into type: [T, "null"]. */
    if (e->schema->flags & CS_NULLABLE) adr_buf_puts(b, ",null");
}

/* "\"name\" property " from the value's key or index; better-ajv-errors
 * falls back to the value's JavaScript type for a nameless root. */
static void put_subject(adr_buf *b, const adr_node *in, bool type)
{
    const adr_node *key = adr_node_key_of(in);
    if (key && key->type != ADR_NODE_MAP && key->type != ADR_NODE_SEQ) {
        adr_buf_putc(b, '"');
        adr_buf_putn(b, key->u.text, key->len);
        adr_buf_puts(b, type ? "\" property type " : "\" property ");
        return;
    }
    if (in->parent && in->parent->type == ADR_NODE_SEQ) {
        adr_buf_printf(b, type ? "\"%u\" property type " : "\"%u\" property ", in->index);
        return;
    }
    if (type) {
        adr_buf_puts(b, "Value type ");
        return;
    }
    switch (in->type) {
    case ADR_NODE_STRING: adr_buf_puts(b, "String "); break;
    case ADR_NODE_INT:
    case ADR_NODE_FLOAT: adr_buf_puts(b, "Number "); break;
    case ADR_NODE_BOOL: adr_buf_puts(b, "Boolean "); break;
    default: adr_buf_puts(b, "Object "); break;
    }
}

static void put_limit(adr_buf *b, const char *fmt, const snum *v)
{
    char tmp[64];
    adr_snum_js(v, tmp, sizeof tmp);
    adr_buf_printf(b, fmt, tmp);
}

static void put_quoted(adr_buf *b, const char *pre, const adr_node *n, const char *post)
{
    adr_buf_puts(b, pre);
    if (n && n->type != ADR_NODE_MAP && n->type != ADR_NODE_SEQ) adr_buf_putn(b, n->u.text, n->len);
    adr_buf_puts(b, post);
}

static void format(adr_schema_ctx *sc, size_t i, adr_buf *b)
{
    const serr *e = &sc->errs[i];
    long long a = (long long)e->a;
    if (e->kw == E_ADDITIONAL) {
        put_quoted(b, "Property \"", e->param, "\" is not expected to be here");
        return;
    }
    put_subject(b, e->instance, e->kw == E_TYPE);
    switch (e->kw) {
    case E_FALSE: adr_buf_puts(b, "boolean schema is false"); break;
    case E_TYPE:
        adr_buf_puts(b, "must be ");
        put_types(b, e);
        break;
    case E_ENUM:
        adr_buf_puts(b, "must be equal to one of the allowed values: ");
        put_enum(sc, b, i);
        break;
    case E_CONST: adr_buf_puts(b, "must be equal to constant"); break;
    case E_MULTIPLEOF: put_limit(b, "must be multiple of %s", e->limit); break;
    case E_MAXIMUM: put_limit(b, "must be <= %s", e->limit); break;
    case E_MINIMUM: put_limit(b, "must be >= %s", e->limit); break;
    case E_EXMAX: put_limit(b, "must be < %s", e->limit); break;
    case E_EXMIN: put_limit(b, "must be > %s", e->limit); break;
    case E_MAXLENGTH: adr_buf_printf(b, "must not have more than %lld characters", a); break;
    case E_MINLENGTH: adr_buf_printf(b, "must not have fewer than %lld characters", a); break;
    case E_PATTERN: put_quoted(b, "must match pattern \"", e->at, "\""); break;
    case E_FORMAT: put_quoted(b, "must match format \"", e->at, "\""); break;
    case E_MAXITEMS:
    case E_EXTRA_ITEMS:
    case E_UNEVALUATED_ITEMS: adr_buf_printf(b, "must not have more than %lld items", a); break;
    case E_MINITEMS: adr_buf_printf(b, "must not have fewer than %lld items", a); break;
    case E_UNIQUEITEMS:
        adr_buf_printf(b, "must not have duplicate items (items ## %lld and %lld are identical)", a,
                       (long long)e->b);
        break;
    case E_CONTAINS_MIN: adr_buf_printf(b, "must contain at least %lld valid item(s)", a); break;
    case E_CONTAINS_MAX: adr_buf_printf(b, "must contain at most %lld valid item(s)", a); break;
    case E_REQUIRED: put_quoted(b, "must have required property \"", e->param, "\""); break;
    case E_MAXPROPERTIES: adr_buf_printf(b, "must not have more than %lld properties", a); break;
    case E_MINPROPERTIES: adr_buf_printf(b, "must not have fewer than %lld properties", a); break;
    case E_PROPERTYNAMES: adr_buf_puts(b, "property name must be valid"); break;
    case E_DEPENDENCIES: {
        const adr_node *deps = e->at;
        adr_buf_puts(b, deps->len == 1 ? "must have property " : "must have properties ");
        for (uint32_t k = 0; k < deps->len; k++) {
            if (k) adr_buf_puts(b, ", ");
            const adr_node *d = deps->u.items[k];
            if (d->type == ADR_NODE_STRING) adr_buf_putn(b, d->u.text, d->len);
        }
        put_quoted(b, " when property ", e->param, " is present");
        break;
    }
    case E_ANYOF: adr_buf_puts(b, "must match a schema in anyOf"); break;
    case E_ONEOF: adr_buf_puts(b, "must match exactly one schema in oneOf"); break;
    case E_NOT: adr_buf_puts(b, "must not be valid"); break;
    case E_UNEVALUATED_PROPS: adr_buf_puts(b, "must not have unevaluated properties"); break;
    default: break;
    }
}

int adr_serr_emit(adr_schema_ctx *sc, adr_schema_error_fn fn, void *user)
{
    drop_shallow_anyof(sc);
    for (size_t i = 0; i < sc->nerrs; i++) {
        serr *e = &sc->errs[i];
        if (e->dropped) continue;
        if (e->kw == E_ENUM) {
            /* Merged when every error on this value is an enum error. */
            bool all_enum = true;
            for (size_t j = 0; j < sc->nerrs && all_enum; j++)
                if (!sc->errs[j].dropped && sc->errs[j].instance == e->instance)
                    all_enum = sc->errs[j].kw == E_ENUM;
            if (all_enum)
                for (size_t j = i + 1; j < sc->nerrs; j++)
                    if (sc->errs[j].instance == e->instance) sc->errs[j].dropped = true;
        }
        adr_buf_reset(&sc->msg);
        format(sc, i, &sc->msg);
        if (sc->msg.oom) {
            sc->oom = true;
            return 1;
        }
        adr_schema_error out = {sizeof out, e->instance, e->at, keywords[e->kw], sc->msg.data};
        if (fn(user, &out)) return 1;
    }
    return 0;
}
