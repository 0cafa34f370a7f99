/* openapi-tags-uniqueness - /core/doc-openapi: the root tags have unique
 * names. */
#include "../common/rules.h"

static bool same_text(const adr_host *h, const adr_node *a, const adr_node *b)
{
    size_t la, lb;
    const char *sa = h->text(a, &la), *sb = h->text(b, &lb);
    return sa && sb && la == lb && memcmp(sa, sb, la) == 0;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *tags = h->get(v->node, "tags");
    if (h->type(tags) != ADR_NODE_SEQ) return;
    size_t n = h->count(tags);
    /* Like Spectral, only a well-formed list is checked; oas3-schema
     * reports the rest. */
    for (size_t i = 0; i < n; i++) {
        const adr_node *tag = h->item(tags, i);
        const adr_node *name = h->get(tag, "name");
        if (h->type(tag) != ADR_NODE_MAP || (name && h->type(name) != ADR_NODE_STRING)) return;
    }
    /* Every occurrence after the first is reported. The lists are short. */
    for (size_t i = 1; i < n; i++) {
        const adr_node *name = h->get(h->item(tags, i), "name");
        if (!name) continue;
        for (size_t j = 0; j < i; j++)
            if (same_text(h, name, h->get(h->item(tags, j), "name"))) {
                size_t len;
                const char *s = h->text(name, &len);
                h->report(ctx, name, "\"tags\" object contains duplicate tag name \"%.*s\".",
                          (int)len, s);
                break;
            }
    }
}

const adr_rule adr_rule_openapi_tags_uniqueness = {
    .struct_size = sizeof(adr_rule),
    .code = "openapi-tags-uniqueness",
    .rule_id = "/core/doc-openapi",
    .title = "Each tag must have a unique name",
    .rationale =
        "Tags group operations in documentation; two root tags with the same name make one of "
        "them unreachable. Every repeated name is reported at its \"name\", as Spectral does.",
    .doc_url = ADR_DON_URL "doc-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
