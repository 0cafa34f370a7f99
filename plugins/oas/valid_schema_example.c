/* oas3-valid-schema-example - /core/doc-openapi: the example, default and
 * (3.1) examples of every Schema Object are valid against that schema. */
#include "../common/rules.h"

typedef struct sink {
    const adr_host *h;
    adr_ctx *ctx;
} sink;

static int on_error(void *user, const adr_schema_error *e)
{
    sink *s = user;
    s->h->report(s->ctx, e->instance, "%s", e->message);
    return 0;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->repeat || !ADR_HOST_HAS(h, validate)) return;
    sink s = {h, ctx};
    const adr_node *schema = v->node;
    const adr_node *example = h->get(schema, "example");
    if (example) h->validate(ctx, schema, example, 0, on_error, &s);
    const adr_node *def = h->get(schema, "default");
    if (def) h->validate(ctx, schema, def, 0, on_error, &s);
    /* 3.1 (JSON Schema 2020-12): examples is an array of values. */
    const adr_node *examples = h->get(schema, "examples");
    if ((h->format(ctx) & ADR_FORMAT_OAS3_1) && h->type(examples) == ADR_NODE_SEQ)
        for (size_t i = 0; i < h->count(examples); i++)
            h->validate(ctx, schema, h->item(examples, i), 0, on_error, &s);
}

const adr_rule adr_rule_valid_schema_example = {
    .struct_size = sizeof(adr_rule),
    .code = "oas3-valid-schema-example",
    .rule_id = "/core/doc-openapi",
    .title = "Schema examples and defaults must be valid against their schema",
    .rationale =
        "The example and default of every Schema Object, nested ones and components included, "
        "and in OAS 3.1 every item of its examples array, must be valid against that schema; the "
        "finding is at the offending value, with Spectral's message. Spectral only checks "
        "schemas that have enum, type, format, $ref, properties or items, so an example beside a "
        "bare allOf goes unchecked there, and it ignores 3.1 examples arrays; adrlint checks "
        "them all. Where Spectral is wrong, adrlint differs: nullable: true admits null also "
        "beside allOf/oneOf/anyOf/$ref (Spectral issues #894, #1603, #1638, #2620); a "
        "discriminator (which Spectral ignores) selects the oneOf/anyOf branch to check against; "
        "1.0 is an integer in 3.1 but not in 3.0 (draft-04); multipleOf is exact in decimal; "
        "date-time and time need a time zone as RFC 3339 says; patterns are read as ECMA-262. In "
        "OAS 3.1 nullable is no keyword (Spectral still honours it): write type: [T, \"null\"].",
    .doc_url = "https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules"
               "#oas3-valid-schema-example",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SCHEMA),
    .check = check,
};
