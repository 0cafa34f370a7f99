/* The typed walk: one pass over an OpenAPI 3.x document that knows which
 * object kind sits where, follows Reference Objects, and hands every object
 * to the rules subscribed to its kind.
 *
 * Each object is recursed into once per kind (a bit in the node), however
 * many references point to it; references still produce a visit of the
 * target (marked repeat) so rules see the context the reference gives. */
#include "../engine/run.h"

#include <string.h>

#define MAX_WALK_DEPTH 1500

static const char *const http_methods[] = {"get",     "put",  "post",  "delete",
                                           "options", "head", "patch", "trace"};

static bool match_version(const char *s, size_t n, char minor)
{
    /* ^3\.<minor>(\.\d+)?$ ; minor 0 means any digits */
    if (n < 3 || s[0] != '3' || s[1] != '.') return false;
    size_t i = 2;
    if (minor) {
        if (s[i] != minor) return false;
        i++;
        if (i < n && s[i] >= '0' && s[i] <= '9') return false;
    } else {
        size_t d = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, d++;
        if (!d) return false;
    }
    if (i == n) return true;
    if (s[i] != '.') return false;
    i++;
    size_t d = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, d++;
    return d && i == n;
}

uint32_t adr_oas_format(const adr_node *root)
{
    const adr_node *v = adr_node_get(root, "openapi");
    if (v && (v->type == ADR_NODE_STRING || v->type == ADR_NODE_FLOAT)) {
        if (match_version(v->u.text, v->len, '0')) return ADR_FORMAT_OAS3_0;
        if (match_version(v->u.text, v->len, '1')) return ADR_FORMAT_OAS3_1;
        if (match_version(v->u.text, v->len, 0)) return ADR_FORMAT_OAS3_OTHER;
        return 0;
    }
    v = adr_node_get(root, "swagger");
    if (v && (adr_node_is(v, "2.0"))) return ADR_FORMAT_OAS2;
    return 0;
}

static void dispatch(run *r, const adr_visit *v)
{
    const adr_linter *L = r->L;
    rule_entry *const *rs = L->by_kind[v->kind];
    size_t n = L->nby_kind[v->kind];
    for (size_t i = 0; i < n; i++) {
        const rule_entry *re = rs[i];
        if (r->sev[re->index] == ADR_SEVERITY_OFF) continue;
        if (re->rule->formats && !(re->rule->formats & r->format)) continue;
        r->ctx.rule = re;
        re->rule->check(&L->host, &r->ctx, v);
    }
    r->ctx.rule = NULL;
}

static bool allows_ref(adr_kind k)
{
    switch (k) {
    case ADR_KIND_PATH_ITEM:
    case ADR_KIND_PARAMETER:
    case ADR_KIND_REQUEST_BODY:
    case ADR_KIND_RESPONSE:
    case ADR_KIND_HEADER:
    case ADR_KIND_SCHEMA:
    case ADR_KIND_EXAMPLE:
    case ADR_KIND_SECURITY_SCHEME:
    case ADR_KIND_CALLBACK:
    case ADR_KIND_LINK: return true;
    default: return false;
    }
}

static void visit(run *r, adr_kind kind, const adr_node *node, const adr_node *key,
                  const char *field);

static void each_map(run *r, const adr_node *m, adr_kind kind, const char *field, bool skip_ext)
{
    if (!m || m->type != ADR_NODE_MAP) return;
    for (uint32_t i = 0; i < m->len; i++) {
        const adr_node *k = m->u.pairs[i].key;
        if (skip_ext && k->type != ADR_NODE_MAP && k->type != ADR_NODE_SEQ && k->len >= 2 &&
            k->u.text[0] == 'x' && k->u.text[1] == '-')
            continue;
        visit(r, kind, m->u.pairs[i].value, k, field);
    }
}

static void each_seq(run *r, const adr_node *s, adr_kind kind, const char *field)
{
    if (!s || s->type != ADR_NODE_SEQ) return;
    for (uint32_t i = 0; i < s->len; i++)
        visit(r, kind, s->u.items[i], NULL, field);
}

static void child(run *r, const adr_node *obj, const char *name, adr_kind kind)
{
    const adr_node *v = adr_node_get(obj, name);
    if (v) visit(r, kind, v, adr_node_key_of(v), name);
}

static void map_field(run *r, const adr_node *obj, const char *name, adr_kind kind)
{
    each_map(r, adr_node_get(obj, name), kind, name, false);
}

static void seq_field(run *r, const adr_node *obj, const char *name, adr_kind kind)
{
    each_seq(r, adr_node_get(obj, name), kind, name);
}

typedef enum schema_slot {
    SLOT_NONE,
    SLOT_MAP,    /* name -> schema: properties, patternProperties, $defs... */
    SLOT_LIST,   /* allOf, anyOf, oneOf, prefixItems */
    SLOT_SINGLE, /* not, if, then, else, contains... */
    SLOT_ITEMS,  /* a schema, or (draft 4 tuples) a list of schemas */
    SLOT_ADDITIONAL,
    SLOT_REF
} schema_slot;

#define KW(lit, slot)                                     \
    if (n == sizeof(lit) - 1 && memcmp(k, lit, n) == 0) { \
        *field = lit;                                     \
        return slot;                                      \
    }

/* Which subschemas a keyword holds. Schemas are the most numerous objects,
 * so their children are found in one pass over their keys, switching on
 * the key's length first. */
static schema_slot schema_keyword(const char *k, size_t n, const char **field)
{
    switch (n) {
    case 2: KW("if", SLOT_SINGLE) break;
    case 3: KW("not", SLOT_SINGLE) break;
    case 4:
        KW("then", SLOT_SINGLE)
        KW("else", SLOT_SINGLE)
        KW("$ref", SLOT_REF)
        break;
    case 5:
        KW("allOf", SLOT_LIST)
        KW("anyOf", SLOT_LIST)
        KW("oneOf", SLOT_LIST)
        KW("items", SLOT_ITEMS)
        KW("$defs", SLOT_MAP)
        break;
    case 8: KW("contains", SLOT_SINGLE) break;
    case 10: KW("properties", SLOT_MAP) break;
    case 11:
        KW("prefixItems", SLOT_LIST)
        KW("definitions", SLOT_MAP)
        break;
    case 13:
        KW("propertyNames", SLOT_SINGLE)
        KW("contentSchema", SLOT_SINGLE)
        break;
    case 15: KW("additionalItems", SLOT_SINGLE) break;
    case 16:
        KW("unevaluatedItems", SLOT_SINGLE)
        KW("dependentSchemas", SLOT_MAP)
        break;
    case 17: KW("patternProperties", SLOT_MAP) break;
    case 20: KW("additionalProperties", SLOT_ADDITIONAL) break;
    case 21: KW("unevaluatedProperties", SLOT_SINGLE) break;
    default: break;
    }
    return SLOT_NONE;
}

#undef KW

static void schema_children(run *r, const adr_node *s)
{
    bool has_ref = false;
    for (uint32_t i = 0; i < s->len && !r->oom; i++) {
        const adr_node *k = s->u.pairs[i].key, *v = s->u.pairs[i].value;
        if (k->type == ADR_NODE_MAP || k->type == ADR_NODE_SEQ) continue;
        const char *field = NULL;
        switch (schema_keyword(k->u.text, k->len, &field)) {
        case SLOT_MAP: each_map(r, v, ADR_KIND_SCHEMA, field, false); break;
        case SLOT_LIST: each_seq(r, v, ADR_KIND_SCHEMA, field); break;
        case SLOT_SINGLE: visit(r, ADR_KIND_SCHEMA, v, k, field); break;
        case SLOT_ITEMS:
            if (v->type == ADR_NODE_SEQ)
                each_seq(r, v, ADR_KIND_SCHEMA, field);
            else
                visit(r, ADR_KIND_SCHEMA, v, NULL, field);
            break;
        case SLOT_ADDITIONAL:
            if (v->type == ADR_NODE_MAP) visit(r, ADR_KIND_SCHEMA, v, NULL, field);
            break;
        case SLOT_REF: has_ref = true; break;
        case SLOT_NONE: break;
        }
    }
    /* OAS 3.1 schemas may carry $ref beside other keywords: the target is
     * a schema of its own. */
    if (has_ref) {
        const adr_node *t = adr_run_deref(r, s);
        if (t && t != s) visit(r, ADR_KIND_SCHEMA, t, NULL, "$ref");
    }
}

static void content(run *r, const adr_node *obj)
{
    map_field(r, obj, "content", ADR_KIND_MEDIA_TYPE);
}

static void children(run *r, adr_kind kind, const adr_node *n)
{
    switch (kind) {
    case ADR_KIND_DOCUMENT: {
        child(r, n, "info", ADR_KIND_INFO);
        seq_field(r, n, "servers", ADR_KIND_SERVER);
        each_map(r, adr_node_get(n, "paths"), ADR_KIND_PATH_ITEM, "paths", true);
        each_map(r, adr_node_get(n, "webhooks"), ADR_KIND_PATH_ITEM, "webhooks", true);
        const adr_node *c = adr_node_get(n, "components");
        map_field(r, c, "schemas", ADR_KIND_SCHEMA);
        map_field(r, c, "responses", ADR_KIND_RESPONSE);
        map_field(r, c, "parameters", ADR_KIND_PARAMETER);
        map_field(r, c, "examples", ADR_KIND_EXAMPLE);
        map_field(r, c, "requestBodies", ADR_KIND_REQUEST_BODY);
        map_field(r, c, "headers", ADR_KIND_HEADER);
        map_field(r, c, "securitySchemes", ADR_KIND_SECURITY_SCHEME);
        map_field(r, c, "links", ADR_KIND_LINK);
        map_field(r, c, "callbacks", ADR_KIND_CALLBACK);
        map_field(r, c, "pathItems", ADR_KIND_PATH_ITEM);
        seq_field(r, n, "tags", ADR_KIND_TAG);
        break;
    }
    case ADR_KIND_PATH_ITEM:
        seq_field(r, n, "servers", ADR_KIND_SERVER);
        seq_field(r, n, "parameters", ADR_KIND_PARAMETER);
        for (size_t i = 0; i < ADR_ARRAY_LEN(http_methods); i++)
            child(r, n, http_methods[i], ADR_KIND_OPERATION);
        break;
    case ADR_KIND_OPERATION:
        seq_field(r, n, "parameters", ADR_KIND_PARAMETER);
        child(r, n, "requestBody", ADR_KIND_REQUEST_BODY);
        each_map(r, adr_node_get(n, "responses"), ADR_KIND_RESPONSE, "responses", true);
        each_map(r, adr_node_get(n, "callbacks"), ADR_KIND_CALLBACK, "callbacks", true);
        seq_field(r, n, "servers", ADR_KIND_SERVER);
        break;
    case ADR_KIND_PARAMETER:
    case ADR_KIND_HEADER:
        child(r, n, "schema", ADR_KIND_SCHEMA);
        content(r, n);
        map_field(r, n, "examples", ADR_KIND_EXAMPLE);
        break;
    case ADR_KIND_REQUEST_BODY: content(r, n); break;
    case ADR_KIND_RESPONSE:
        map_field(r, n, "headers", ADR_KIND_HEADER);
        content(r, n);
        map_field(r, n, "links", ADR_KIND_LINK);
        break;
    case ADR_KIND_MEDIA_TYPE: {
        child(r, n, "schema", ADR_KIND_SCHEMA);
        map_field(r, n, "examples", ADR_KIND_EXAMPLE);
        const adr_node *enc = adr_node_get(n, "encoding");
        if (enc && enc->type == ADR_NODE_MAP)
            for (uint32_t i = 0; i < enc->len; i++)
                map_field(r, enc->u.pairs[i].value, "headers", ADR_KIND_HEADER);
        break;
    }
    case ADR_KIND_SCHEMA: schema_children(r, n); break;
    case ADR_KIND_CALLBACK: each_map(r, n, ADR_KIND_PATH_ITEM, "callbacks", true); break;
    case ADR_KIND_LINK: child(r, n, "server", ADR_KIND_SERVER); break;
    default: break;
    }
}

/* A 3.1 schema with $ref and other keywords is a schema in its own right. */
static bool ref_with_siblings(run *r, const adr_node *n)
{
    if (!(r->format & ADR_FORMAT_OAS3_1) || n->len < 2) return false;
    for (uint32_t i = 0; i < n->len; i++) {
        const adr_node *k = n->u.pairs[i].key;
        if (!adr_node_is(k, "$ref") && !adr_node_is(k, "description") && !adr_node_is(k, "summary"))
            return true;
    }
    return false;
}

static void visit(run *r, adr_kind kind, const adr_node *node, const adr_node *key,
                  const char *field)
{
    if (r->oom) return;
    const adr_node *ref = NULL;
    if (allows_ref(kind) && adr_is_ref(node) &&
        !(kind == ADR_KIND_SCHEMA && ref_with_siblings(r, node))) {
        const adr_node *t = adr_run_deref(r, node);
        if (!t) return;
        ref = node;
        node = t;
    }
    if (!node || node->type != ADR_NODE_MAP) return;
    if (r->nframes >= MAX_WALK_DEPTH) {
        if (!r->depth_reported) {
            r->depth_reported = true;
            const rule_entry *re =
                adr_registry_find(r->L, ADR_CODE_PARSER, strlen(ADR_CODE_PARSER));
            if (re)
                adr_run_report(r, re, node,
                               "Objects nest more than 1500 levels deep through references; "
                               "deeper levels were not checked");
        }
        return;
    }
    if (!adr_grow((void **)&r->frames, &r->capframes, r->nframes + 1, sizeof *r->frames)) {
        r->oom = true;
        return;
    }
    uint16_t bit = (uint16_t)(1u << kind);
    int repeat = (node->visited & bit) != 0;
    adr_visit *v = &r->frames[r->nframes++];
    v->struct_size = sizeof *v;
    v->kind = kind;
    v->node = node;
    v->ref = ref;
    v->key = key;
    v->field = field;
    v->repeat = repeat;
    adr_visit copy = *v;
    dispatch(r, &copy);
    if (!repeat) {
        ((adr_node *)node)->visited |= bit;
        children(r, kind, node);
    }
    r->nframes--;
}

void adr_oas_walk(run *r)
{
    const adr_node *root = r->doc->root;
    if (!adr_grow((void **)&r->frames, &r->capframes, 16, sizeof *r->frames)) {
        r->oom = true;
        return;
    }
    adr_visit *v = &r->frames[r->nframes++];
    v->struct_size = sizeof *v;
    v->kind = ADR_KIND_DOCUMENT;
    v->node = root;
    v->ref = NULL;
    v->key = NULL;
    v->field = "";
    v->repeat = 0;
    adr_visit copy = *v;
    dispatch(r, &copy);
    /* Swagger 2.0 and unknown documents get only whole-document rules. */
    if ((r->format & ADR_FORMAT_OAS3) && root->type == ADR_NODE_MAP)
        children(r, ADR_KIND_DOCUMENT, root);
    r->nframes--;
}
