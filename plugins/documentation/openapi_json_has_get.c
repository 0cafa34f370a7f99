/* paths-open-api-json-resource-has-get - /core/publish-openapi (ADR 2.1.0
 * linter only): /openapi.json is read with GET and nothing else. */
#include "../common/objects.h"

static const char msg[] =
    "There does not exist a GET method (and no other methods) for the `/openapi.json` resource";

/* Reports the operations of a Path Item other than get; returns the number
 * of operations of any method, get included. */
static size_t other_methods(const adr_host *h, adr_ctx *ctx, const adr_node *item)
{
    size_t ops = 0;
    for (size_t i = 0; i < h->count(item); i++) {
        const adr_node *key = h->key_at(item, i);
        const adr_node *val = h->value_at(item, i);
        if (adr_r_is_oas_method(h, key) || adr_r_text_eq(h, key, "query")) {
            ops++;
            if (!adr_r_text_eq(h, key, "get")) h->report(ctx, val, "%s", msg);
        } else if (adr_r_text_eq(h, key, "additionalOperations")) {
            /* OAS 3.2 custom methods: never GET (that has its own field). */
            for (size_t j = 0; j < h->count(val); j++, ops++)
                h->report(ctx, h->value_at(val, j), "%s", msg);
        }
    }
    return ops;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!v->field || strcmp(v->field, "paths") != 0 || !adr_r_text_eq(h, v->key, "/openapi.json"))
        return;
    size_t ops = other_methods(h, ctx, v->node);
    if (v->ref) ops += other_methods(h, ctx, v->ref);
    /* With other methods reported, a missing get needs no second finding;
     * a Path Item without any operation gets one. */
    if (!ops) h->report(ctx, adr_r_written(v), "%s", msg);
}

const adr_rule adr_rule_openapi_json_has_get = {
    .struct_size = sizeof(adr_rule),
    .code = "paths-open-api-json-resource-has-get",
    .rule_id = "/core/publish-openapi",
    .title = "/openapi.json has a GET operation and no other",
    .rationale =
        "The OpenAPI document is fetched with GET; the Logius 2.1.0 linter requires that "
        "paths./openapi.json has get and no other method (enabled in the adr-2.1 profile only: "
        "2.2 removed the /openapi.json rules as controversial, Logius issue #227). That linter "
        "matches every key of the Path Item against the unanchored pattern \"get\", so it "
        "also reports summary, description, parameters, servers and x- extensions, and "
        "passes an empty Path Item. adrlint reports each operation other than get (OAS 3.2 "
        "query and additionalOperations included) at that operation, and a Path Item without "
        "any operation at the Path Item.",
    .doc_url = ADR_DON_URL "publish-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PATH_ITEM),
    .check = check,
};
