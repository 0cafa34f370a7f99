/* nlgov:use-problem-schema - /core/error-handling/problem-details: error
 * responses use RFC 9457 problem details (ADR 2.1, 2.2); in the ADR 2.0
 * profile, DON's check that error bodies look like RFC 7807 problems. */
#include "../common/rules.h"

static const char *const problem_types[] = {"application/problem+json", "application/problem+xml"};

/* ADR 2.1 and 2.2 (Logius): the response offers a problem media type. A
 * documented error response without content promises a body without
 * problem details, so it fails as well; only HEAD responses never have one. */
static void check_media_types(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_visit *op = h->enclosing(ctx, ADR_KIND_OPERATION);
    if (op && adr_r_text_eq(h, op->key, "head")) return;
    const adr_node *content = h->get(v->node, "content");
    if (content && h->type(content) != ADR_NODE_MAP) return; /* oas3-schema's finding */
    for (size_t i = 0; i < h->count(content); i++)
        for (size_t t = 0; t < 2; t++)
            if (adr_r_media_type_is(h, h->key_at(content, i), problem_types[t])) return;
    h->report(ctx, content ? content : v->node,
              "The content type of an error response should be application/problem+json or "
              "application/problem+xml to match RFC 9457.");
}

/* Pairs of RFC 7807 members of which DON's ruleset wants one present. */
static const char *const pairs[][2] = {
    {"title", "status"}, {"title", "type"}, {"type", "status"}, {"title", "detail"}};

static bool declares_properties(const adr_host *h, const adr_r_parts *p)
{
    for (size_t i = 0; i < p->n; i++)
        if (h->count(h->get(p->part[i], "properties"))) return true;
    return false;
}

/* ADR 2.0 (DON): each error body schema declares one of the pairs, seen
 * through $ref and allOf. A schema that declares no properties is judged
 * only when it is typed as something other than an object (a string or
 * array body is no problem document); a free-form object says nothing. */
static void check_schemas(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *content = h->get(v->node, "content");
    for (size_t i = 0; h->type(content) == ADR_NODE_MAP && i < h->count(content); i++) {
        const adr_node *schema = h->deref(ctx, h->get(h->value_at(content, i), "schema"));
        if (!schema || h->type(schema) != ADR_NODE_MAP) continue;
        adr_r_parts parts;
        adr_r_schema_parts(h, ctx, schema, &parts);
        if (!declares_properties(h, &parts)) {
            bool typed = false;
            static const char *const others[] = {"string", "array", "integer", "number", "boolean"};
            for (size_t t = 0; t < sizeof others / sizeof others[0]; t++)
                typed = typed || adr_r_parts_type(h, &parts, others[t]);
            if (!typed || adr_r_parts_type(h, &parts, "object")) continue;
        } else {
            bool ok = false;
            for (size_t p = 0; p < sizeof pairs / sizeof pairs[0] && !ok; p++)
                ok = adr_r_schema_declares(h, ctx, schema, pairs[p][0]) &&
                     adr_r_schema_declares(h, ctx, schema, pairs[p][1]);
            if (ok) continue;
        }
        const adr_node *at = h->get(schema, "properties");
        if (!at) at = schema;
        /* DON's message ends with Spectral's {{path}}, the JSON pointer of
         * the reported node. */
        char ptr[1024];
        adr_r_pointer(h, at, ptr, sizeof ptr);
        h->report(ctx, at, "Your schema doesn't seem to match RFC7807. Are you sure it is ok? %s",
                  ptr);
    }
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!adr_r_error_status(h, ctx, v)) return;
    if (h->adr_version(ctx) < 210)
        check_schemas(h, ctx, v);
    else
        check_media_types(h, ctx, v);
}

const adr_rule adr_rule_use_problem_schema = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:use-problem-schema",
    .aliases = "use-problem-schema",
    .rule_id = "/core/error-handling/problem-details",
    .title = "Use problem details for error responses",
    .rationale =
        "Error responses (4xx and 5xx) must use application/problem+json or "
        "application/problem+xml (RFC 9457), so clients can handle every API's errors alike. "
        "Unlike the Spectral rulesets, adrlint also reports an error response that documents no "
        "content at all (it promises a body without problem details; HEAD responses, which "
        "never have a body, are exempt) and a \"default\" response when the operation documents "
        "a 2xx response, since default then stands only for the error statuses; status codes "
        "are matched exactly (\"404\", \"4XX\"), media types without regard to case or "
        "parameters, and callbacks and webhooks, whose responses come from the API's clients, "
        "are not checked. In the ADR 2.0 profile the rule keeps the meaning of DON's ruleset: "
        "each error body schema declares one of the RFC 7807 member pairs title+status, "
        "title+type, type+status or title+detail; adrlint sees those members through $ref, "
        "allOf and anyOf/oneOf, where DON's JSONPath saw only a top-level properties map; an "
        "error response without content has no schema to judge there and passes, since ADR "
        "2.0 itself has no problem details rule.",
    .doc_url = ADR_DON_URL "error-handling/problem-details",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_RESPONSE),
    .check = check,
};
