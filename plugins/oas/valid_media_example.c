/* oas3-valid-media-example - /core/doc-openapi: the examples of media
 * types, parameters and headers are valid against their schema. */
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

/* A client sends request bodies and parameters, so their examples need not
 * carry readOnly properties; a server sends responses (and their headers),
 * whose examples need not carry writeOnly ones. */
static unsigned direction(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (h->enclosing(ctx, ADR_KIND_RESPONSE)) return ADR_VALIDATE_RESPONSE;
    if (v->kind == ADR_KIND_PARAMETER || h->enclosing(ctx, ADR_KIND_REQUEST_BODY) ||
        h->enclosing(ctx, ADR_KIND_PARAMETER))
        return ADR_VALIDATE_REQUEST;
    return 0;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->repeat || !ADR_HOST_HAS(h, validate)) return;
    const adr_node *schema = h->get(v->node, "schema");
    if (!schema) return;
    sink s = {h, ctx};
    unsigned flags = direction(h, ctx, v);
    const adr_node *example = h->get(v->node, "example");
    if (example) h->validate(ctx, schema, example, flags, on_error, &s);
    const adr_node *examples = h->get(v->node, "examples");
    for (size_t i = 0; i < h->count(examples); i++) {
        const adr_node *ex = h->deref(ctx, h->value_at(examples, i));
        /* externalValue is never fetched; Example Objects without a value
         * are oas3-schema's concern. */
        if (h->type(ex) != ADR_NODE_MAP || h->get(ex, "externalValue")) continue;
        const adr_node *value = h->get(ex, "value");
        if (value) h->validate(ctx, schema, value, flags, on_error, &s);
    }
}

const adr_rule adr_rule_valid_media_example = {
    .struct_size = sizeof(adr_rule),
    .code = "oas3-valid-media-example",
    .rule_id = "/core/doc-openapi",
    .title = "Examples must be valid against their defined schema",
    .rationale =
        "Every example and examples[*].value of a media type, parameter or header must be valid "
        "against its schema (OAS 3.0: the Schema Object dialect; 3.1: JSON Schema 2020-12); the "
        "finding is at the offending value, with Spectral's message. Where Spectral is wrong, "
        "adrlint differs: nullable: true admits null also beside allOf/oneOf/anyOf/$ref "
        "(Spectral issues #894, #1603, #1638, #2620); a required readOnly property may be "
        "missing from a request example and a required writeOnly property from a response "
        "example; a discriminator (which Spectral ignores) selects the oneOf/anyOf branch to "
        "check against, so branches that overlap (#2528, #2612) are no error once the example "
        "names its type; externalValue examples are not fetched and give no finding; a media "
        "type with both example and examples has both checked (Spectral checks only example); "
        "1.0 is an integer in 3.1 but not in 3.0 (draft-04); multipleOf is exact in decimal (0.3 "
        "is a multiple of 0.1); date-time and time need a time zone as RFC 3339 says "
        "(ajv-formats accepts 2024-01-01T10:00:00) and ipv4 rejects leading zeros; patterns are "
        "read as ECMA-262. In OAS 3.1 nullable is no keyword (Spectral still honours it): write "
        "type: [T, \"null\"].",
    .doc_url = "https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules"
               "#oas3-valid-media-example",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_MEDIA_TYPE) | ADR_KIND_BIT(ADR_KIND_PARAMETER) |
             ADR_KIND_BIT(ADR_KIND_HEADER),
    .check = check,
};
