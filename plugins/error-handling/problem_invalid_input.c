/* nlgov:problem-invalid-input - /core/error-handling/invalid-input:
 * operations that accept query parameters or a request body document a 400
 * response. */
#include "../common/rules.h"

static bool has_query_parameter(const adr_host *h, adr_ctx *ctx, const adr_node *params)
{
    for (size_t i = 0; h->type(params) == ADR_NODE_SEQ && i < h->count(params); i++)
        if (adr_r_text_eq(h, h->get(h->deref(ctx, h->item(params, i)), "in"), "query")) return true;
    return false;
}

/* "400" itself, or the range "4XX" that includes it. */
static bool documents_400(const adr_host *h, const adr_node *responses)
{
    for (size_t i = 0; i < h->count(responses); i++) {
        size_t len;
        const char *t = h->text(h->key_at(responses, i), &len);
        if (t && len == 3 && t[0] == '4' &&
            ((t[1] == '0' && t[2] == '0') ||
             ((t[1] == 'X' || t[1] == 'x') && (t[2] == 'X' || t[2] == 'x'))))
            return true;
    }
    return false;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->repeat || adr_r_in_callback(h, ctx)) return;
    const adr_node *responses = h->get(v->node, "responses");
    if (h->type(responses) != ADR_NODE_MAP) return; /* oas3-schema's finding */
    const adr_visit *pi = h->enclosing(ctx, ADR_KIND_PATH_ITEM);
    bool input = h->get(v->node, "requestBody") ||
                 has_query_parameter(h, ctx, h->get(v->node, "parameters")) ||
                 (pi && has_query_parameter(h, ctx, h->get(pi->node, "parameters")));
    if (input && !documents_400(h, responses))
        h->report(ctx, responses,
                  "GET and DELETE endpoints that have parameters, and all other endpoints must be "
                  "able to return a 400 response");
}

const adr_rule adr_rule_problem_invalid_input = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:problem-invalid-input",
    .rule_id = "/core/error-handling/invalid-input",
    .title = "Use status code 400 for invalid input",
    .rationale =
        "Invalid input must be answered with 400 Bad Request, so every operation that accepts "
        "input a client can get wrong documents a 400 response (\"400\" or the range \"4XX\"). "
        "adrlint follows the ADR 2.2 test, \"operations accepting query parameters and/or a "
        "request body\": an operation needs 400 when it has a requestBody or a query parameter, "
        "declared on the operation or on its path item, directly or through $ref. Path "
        "parameters do not count (a URI that names no resource is a 404), nor do header and "
        "cookie parameters. The Spectral ruleset instead requires 400 of every PUT, POST and "
        "PATCH and of GET and DELETE with any operation-level parameter, so it flags a GET "
        "/things/{id} and a body-less POST, misses query parameters declared on the path item, "
        "and with its unanchored /(get)|(delete)/ also inspects any key under paths that "
        "contains those letters (budget, target) and callback operations, which adrlint skips "
        "with webhooks.",
    .doc_url = ADR_DON_URL "error-handling/invalid-input",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_OPERATION),
    .check = check,
};
