/* nlgov:problem-schema-members - /core/error-handling/problem-details: the
 * schema of a problem+json or problem+xml error body declares status, title
 * and detail. */
#include "../common/rules.h"

static const char *const problem_types[] = {"application/problem+json", "application/problem+xml"};
static const char *const members[] = {"status", "title", "detail"};

static void check_schema(const adr_host *h, adr_ctx *ctx, const adr_node *schema)
{
    schema = h->deref(ctx, schema);
    if (!schema || h->type(schema) != ADR_NODE_MAP) return;
    /* Spectral reports at the schema's properties map; a schema assembled
     * with allOf has none of its own and is reported itself. */
    const adr_node *at = h->get(schema, "properties");
    if (at && h->type(at) != ADR_NODE_MAP) return; /* oas3-schema's finding */
    if (!at) at = schema;
    for (size_t i = 0; i < sizeof members / sizeof members[0]; i++)
        if (!adr_r_schema_declares(h, ctx, schema, members[i]))
            h->report(ctx, at,
                      "\"properties\" property must have required property \"%s\". These fields "
                      "are required: status, title and detail.",
                      members[i]);
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!adr_r_error_status(h, ctx, v)) return;
    const adr_node *content = h->get(v->node, "content");
    for (size_t i = 0; h->type(content) == ADR_NODE_MAP && i < h->count(content); i++)
        for (size_t t = 0; t < 2; t++)
            if (adr_r_media_type_is(h, h->key_at(content, i), problem_types[t]))
                check_schema(h, ctx, h->get(h->value_at(content, i), "schema"));
}

const adr_rule adr_rule_problem_schema_members = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:problem-schema-members",
    .rule_id = "/core/error-handling/problem-details",
    .title = "Problem details declare status, title and detail",
    .rationale =
        "The body of an error response in problem details format must contain the fields "
        "status, title and detail. adrlint assembles the problem schema from its parts ($ref, "
        "allOf, and anyOf/oneOf when every alternative declares the field), so a composed "
        "schema that lacks detail fails, where the Spectral ruleset passes any schema without a "
        "top-level properties map. It checks the media type's schema itself, not every key "
        "named \"schema\" below it (Spectral's ..schema also reaches encoding headers), "
        "includes \"default\" error responses as nlgov:use-problem-schema does, matches media "
        "types without regard to case or parameters and skips callbacks and webhooks. A problem "
        "media type without a schema documents nothing to check and passes, as in Spectral.",
    .doc_url = ADR_DON_URL "error-handling/problem-details",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_RESPONSE),
    .check = check,
};
