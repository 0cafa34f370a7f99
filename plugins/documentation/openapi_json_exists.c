/* paths-open-api-json-resource-exists - /core/publish-openapi (ADR 2.1.0
 * linter only): the API describes its /openapi.json resource. */
#include "../common/rules.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *paths = h->get(v->node, "paths");
    if (h->type(h->get(paths, "/openapi.json")) == ADR_NODE_MAP) return;
    h->report(ctx, paths,
              "There does not exist a resource `/openapi.json` that returns the OpenAPI "
              "specification document");
}

const adr_rule adr_rule_openapi_json_exists = {
    .struct_size = sizeof(adr_rule),
    .code = "paths-open-api-json-resource-exists",
    .rule_id = "/core/publish-openapi",
    .title = "The /openapi.json resource is described",
    .rationale =
        "A static stand-in for /core/publish-openapi, which is a runtime requirement (the "
        "document is served at <base>/openapi.json): the Logius 2.1.0 linter demands that "
        "paths has a /openapi.json entry. The maintainers removed the rule as controversial "
        "(issue #227: a document describing its own location is circular meta-information; "
        "PR #229), so adrlint enables it in the adr-2.1 profile only, under the code that "
        "linter used (it never had an nlgov: prefix). Unlike it, adrlint also reports a "
        "document without paths at all (at the document), and an /openapi.json entry that is "
        "not a Path Item object.",
    .doc_url = ADR_DON_URL "publish-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
