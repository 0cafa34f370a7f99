/* nlgov:http-methods - /core/http-methods: Path Items only use standard
 * HTTP methods. */
#include "../common/objects.h"

static const char msg[] = "Only apply standard HTTP methods.";

/* Path Item fields that are no operation. */
static bool path_item_field(const adr_host *h, const adr_node *key)
{
    static const char *const fields[] = {"summary", "description", "servers", "parameters", "$ref"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (adr_r_text_eq(h, key, fields[i])) return true;
    return adr_r_is_extension(h, key);
}

static void check_keys(const adr_host *h, adr_ctx *ctx, const adr_node *item)
{
    for (size_t i = 0; i < h->count(item); i++) {
        const adr_node *key = h->key_at(item, i);
        const adr_node *val = h->value_at(item, i);
        if (adr_r_is_oas_method(h, key) || path_item_field(h, key)) continue;
        /* OAS 3.2 custom methods: each entry is a method the fixed fields
         * cannot express, so none is standard; an empty map declares none. */
        if (adr_r_text_eq(h, key, "additionalOperations") && h->type(val) == ADR_NODE_MAP) {
            for (size_t j = 0; j < h->count(val); j++)
                h->report(ctx, h->value_at(val, j), "%s", msg);
            continue;
        }
        /* query (OAS 3.2), propfind, GET: anything else. */
        h->report(ctx, val, "%s", msg);
    }
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->repeat) return;
    check_keys(h, ctx, v->node);
    /* A Path Item $ref may carry fields of its own beside $ref. */
    if (v->ref) check_keys(h, ctx, v->ref);
}

const adr_rule adr_rule_http_methods = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:http-methods",
    .aliases = "http-methods",
    .rule_id = "/core/http-methods",
    .title = "Only apply standard HTTP methods",
    .rationale =
        "Every key of a Path Item (in paths, callbacks, webhooks and components.pathItems) is "
        "an operation of a standard method - get, put, post, delete, patch, and head, options "
        "and trace, which HTTP defines and the ADR text and DON's guidance accept - or one of "
        "summary, description, servers, parameters, $ref and x- extensions. Anything else is "
        "reported at its value: OAS 3.2's query method and each entry of "
        "additionalOperations (PROPFIND, LINK...), and unknown keys such as propfind or GET. "
        "The DON and Logius versions of this rule select only path items whose path contains "
        "\"description\" or \"summary\", so they never fire (their 2024 predecessor flagged "
        "summary, description, servers, head, options and trace instead). In ADR 2.2 the rule "
        "became functional (\"adhere to the HTTP method semantics of RFC 9110\"); a method "
        "outside RFC 9110 can never adhere, so adrlint keeps it an error there too, as the "
        "2.2 linter does.",
    .doc_url = ADR_DON_URL "http-methods",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PATH_ITEM),
    .check = check,
};
