/* Schemas seen through their composition ($ref, allOf, anyOf, oneOf): what
 * a field's schema says when it is assembled from parts, as the peers'
 * JSONPath rules cannot see. */
#include "rules.h"

/* Recursion through composition is bounded twice: by depth (reference
 * cycles) and by the number of schemas looked at (wide allOf fans). */
#define MAX_DEPTH 16
#define MAX_STEPS 512

static bool listed(const adr_r_parts *p, const adr_node *s)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->part[i] == s) return true;
    return false;
}

static void collect(const adr_host *h, adr_ctx *ctx, const adr_node *s, adr_r_parts *out, int depth)
{
    if (!s || depth > MAX_DEPTH || out->n >= ADR_R_MAX_PARTS) return;
    const adr_node *self = s;
    /* A 3.1 schema with $ref beside other keywords is a part itself and so
     * is its target; a plain Reference Object is only its target. */
    if (h->get(s, "$ref")) {
        const adr_node *t = h->deref(ctx, s);
        if (t && t != s) collect(h, ctx, t, out, depth + 1);
        if (h->count(s) == 1) return;
    }
    if (h->type(self) != ADR_NODE_MAP || listed(out, self) || out->n >= ADR_R_MAX_PARTS) return;
    out->part[out->n++] = self;
    static const char *const lists[] = {"allOf", "anyOf", "oneOf"};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        const adr_node *seq = h->get(self, lists[l]);
        for (size_t i = 0; i < h->count(seq) && h->type(seq) == ADR_NODE_SEQ; i++)
            collect(h, ctx, h->item(seq, i), out, depth + 1);
    }
}

void adr_r_schema_parts(const adr_host *h, adr_ctx *ctx, const adr_node *schema, adr_r_parts *out)
{
    out->n = 0;
    collect(h, ctx, schema, out, 0);
}

bool adr_r_parts_type(const adr_host *h, const adr_r_parts *p, const char *t)
{
    for (size_t i = 0; i < p->n; i++) {
        const adr_node *type = h->get(p->part[i], "type");
        if (h->type(type) == ADR_NODE_SEQ) {
            for (size_t k = 0; k < h->count(type); k++)
                if (adr_r_text_eq(h, h->item(type, k), t)) return true;
        } else if (adr_r_text_eq(h, type, t)) {
            return true;
        }
    }
    return false;
}

static bool declares(const adr_host *h, adr_ctx *ctx, const adr_node *s, const char *name,
                     int depth, int *steps)
{
    if (!s || depth > MAX_DEPTH || ++*steps > MAX_STEPS) return false;
    if (h->get(s, "$ref")) {
        const adr_node *t = h->deref(ctx, s);
        if (t && t != s && declares(h, ctx, t, name, depth + 1, steps)) return true;
    }
    if (h->get(h->get(s, "properties"), name)) return true;
    const adr_node *all = h->get(s, "allOf");
    for (size_t i = 0; h->type(all) == ADR_NODE_SEQ && i < h->count(all); i++)
        if (declares(h, ctx, h->item(all, i), name, depth + 1, steps)) return true;
    /* Alternatives declare a property only when each of them does. */
    static const char *const alts[] = {"anyOf", "oneOf"};
    for (size_t a = 0; a < 2; a++) {
        const adr_node *seq = h->get(s, alts[a]);
        size_t n = h->type(seq) == ADR_NODE_SEQ ? h->count(seq) : 0;
        size_t i = 0;
        while (i < n && declares(h, ctx, h->item(seq, i), name, depth + 1, steps))
            i++;
        if (n && i == n) return true;
    }
    return false;
}

bool adr_r_schema_declares(const adr_host *h, adr_ctx *ctx, const adr_node *schema,
                           const char *name)
{
    int steps = 0;
    return declares(h, ctx, schema, name, 0, &steps);
}
