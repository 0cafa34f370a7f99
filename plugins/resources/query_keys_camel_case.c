/* nlgov:query-keys-camel-case - /core/query-keys-camel-case: the names of
 * query parameters (and of API keys sent in the query) are lower camelCase. */
#include "../common/rules.h"

static const char *const patterns[] = {
    /* The regular expression the ADR 2.2 text gives; "$" admits OData's
     * $filter, $top and the like. */
    "^\\$?[a-z][a-z\\d]*([A-Z][a-z\\d]*)*$", NULL};

/* Query parameters the Geospatial module requires under their OGC API
 * Features names: bbox-crs (/geo/bbox-crs-query-parameter, Part 2) and
 * filter-crs (/geo/filter-crs-query-parameter, Part 3), with filter-lang,
 * the Part 3 parameter that names the language of the filter filter-crs
 * applies to. The other OGC parameters (bbox, crs, datetime, filter, limit)
 * are camelCase already. */
static const char *const ogc_names[] = {"bbox-crs", "filter-crs", "filter-lang"};

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->repeat || !adr_r_text_eq(h, h->get(v->node, "in"), "query")) return;
    const adr_node *name = h->get(v->node, "name");
    size_t len;
    const char *text = h->text(name, &len);
    if (!text || h->match(ctx, 0, text, len) == 1) return;
    for (size_t i = 0; i < sizeof ogc_names / sizeof ogc_names[0]; i++)
        if (adr_r_text_eq(h, name, ogc_names[i])) return;
    h->report(ctx, name, "%.*s is not lower camelCase.", (int)len, text);
}

const adr_rule adr_rule_query_keys_camel_case = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:query-keys-camel-case",
    .aliases = "query-keys-camel-case",
    .rule_id = "/core/query-keys-camel-case",
    .title = "Use camelCase in query keys",
    .rationale =
        "Query keys are lower camelCase: letters and digits, starting with a lower case "
        "letter, each next word capitalised (the ADR 2.2 pattern ^\\$?[a-z][a-z\\d]*([A-Z][a-z"
        "\\d]*)*$). adrlint checks every Parameter object with in: query - on operations and "
        "on Path Items, in callbacks and in components.parameters - and API keys sent in the "
        "query (securitySchemes with in: query); the Logius linter only sees operation-level "
        "parameters and so misses the others. The Geospatial module requires the OGC API "
        "Features parameters bbox-crs and filter-crs (and filter-lang goes with filter-crs), "
        "which the peers report as a violation, putting the two standards in conflict; "
        "adrlint exempts exactly those three names.",
    .doc_url = ADR_DON_URL "query-keys-camel-case",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PARAMETER) | ADR_KIND_BIT(ADR_KIND_SECURITY_SCHEME),
    .patterns = patterns,
    .check = check,
};
