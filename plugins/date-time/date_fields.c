/* Which schema holds a date field's values. */
#include "date_fields.h"

/* A parameter's schema, or that of its single content media type. */
static const adr_node *parameter_schema(const adr_host *h, adr_ctx *ctx, const adr_node *param)
{
    const adr_node *s = h->get(param, "schema");
    if (!s) {
        const adr_node *content = h->get(param, "content");
        if (h->count(content) == 1) s = h->get(h->value_at(content, 0), "schema");
    }
    return h->deref(ctx, s);
}

const adr_node *adr_dt_date_field(const adr_host *h, adr_ctx *ctx, const adr_visit *v,
                                  adr_r_parts *parts)
{
    const adr_node *name, *schema;
    if (v->kind == ADR_KIND_SCHEMA) {
        if (!v->key || !v->field || strcmp(v->field, "properties") != 0) return NULL;
        name = v->key;
        schema = v->node;
    } else if (v->kind == ADR_KIND_PARAMETER && !v->repeat) {
        name = h->get(v->node, "name");
        schema = parameter_schema(h, ctx, v->node);
    } else {
        return NULL;
    }
    size_t len;
    const char *text = h->text(name, &len);
    if (!text || !schema || !adr_dt_is_date_name(text, len)) return NULL;
    adr_r_schema_parts(h, ctx, schema, parts);
    /* A list of dates: the items are the dates. */
    for (int depth = 0;
         depth < 4 && adr_r_parts_type(h, parts, "array") && !adr_r_parts_type(h, parts, "string");
         depth++) {
        const adr_node *items = NULL;
        for (size_t i = 0; i < parts->n && !items; i++)
            items = h->get(parts->part[i], "items");
        schema = h->deref(ctx, items);
        if (!schema || h->type(schema) != ADR_NODE_MAP) return NULL;
        adr_r_schema_parts(h, ctx, schema, parts);
    }
    /* Objects (BRP's AbstractDatum with its partial-date variants) keep the
     * date in a property of their own, which is judged by its own name; a
     * boolean named datum says something about a date (that it is under
     * investigation, in BRP's inOnderzoek). */
    if (adr_r_parts_type(h, parts, "object") || adr_r_parts_type(h, parts, "boolean") ||
        adr_r_parts_type(h, parts, "array"))
        return NULL;
    for (size_t i = 0; i < parts->n; i++)
        if (h->count(h->get(parts->part[i], "properties"))) return NULL;
    return schema;
}

const adr_node *adr_dt_format(const adr_host *h, const adr_visit *v)
{
    if (v->repeat || (v->field && (strcmp(v->field, "not") == 0 || strcmp(v->field, "if") == 0 ||
                                   strcmp(v->field, "propertyNames") == 0)))
        return NULL;
    return h->get(v->node, "format");
}
