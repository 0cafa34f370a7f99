/* nlgov:openapi3 - /core/doc-openapi: the document is an OpenAPI 3
 * description (openapi: 3.x or 3.x.y). */
#include "../common/rules.h"

static const char *const patterns[] = {
    /* The Logius 2.2 pattern ^3(.\d+){1,2}$ with its dot escaped: "3x1" is no
     * version. Two parts ("3.1") stay accepted as the official linter does. */
    "^3(\\.\\d+){1,2}$", NULL};

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *openapi = h->get(v->node, "openapi");
    /* A missing field is nlgov:openapi-root-exists's finding. */
    if (!openapi) return;
    size_t len;
    const char *text = h->text(openapi, &len);
    if (text && h->match(ctx, 0, text, len) == 1) return;
    h->report(ctx, openapi,
              "The OpenAPI Specification is versioned using a `major.minor.patch` versioning "
              "scheme. Use a version 3 OpenAPI Specification for documentation.");
}

const adr_rule adr_rule_openapi3 = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:openapi3",
    .aliases = "openapi3",
    .rule_id = "/core/doc-openapi",
    .title = "Use OpenAPI Specification 3 for documentation",
    .rationale =
        "The root field openapi must name an OpenAPI Specification version 3 (3.0.3, 3.1.0, "
        "3.2.0). The ADR text of every version says \"from v3 onwards\", so adrlint accepts "
        "3.1 and later 3.x in every profile. The DON 2.0 and Logius 2.1.0 linters accepted "
        "only 3.0 (^3.0.*$), the version on Forum Standaardisatie's comply-or-explain list, "
        "not a requirement of the ADR; the maintainers agreed the linter should follow the "
        "text and allowed every 3.x (Logius issue #224, PR #225), which 2.2 publishes. The "
        "2.2 pattern ^3(.\\d+){1,2}$ leaves its dot unescaped and so accepts \"3x1\"; adrlint "
        "escapes it. A missing openapi field is reported by nlgov:openapi-root-exists instead.",
    .doc_url = ADR_DON_URL "doc-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = 0,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .patterns = patterns,
    .check = check,
};
