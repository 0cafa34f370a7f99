/* nlgov:geo-filter-crs-query-parameter - /geo/filter-crs-query-parameter:
 * operations that accept a filter accept filter-crs, and answer 400 to an
 * unsupported CRS. */
#include "geo.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->kind == ADR_KIND_OPERATION) {
        /* A filter is spatial only over geospatial data: the operation's
         * responses or request body carry geometry. */
        const adr_visit *item = geo_api_path_item(h, ctx);
        if (!item || !geo_param(h, ctx, item->node, v->node, "filter", "query") || !geo_api(h, ctx))
            return;
        const adr_node *body = h->deref(ctx, h->get(v->node, "requestBody"));
        if ((geo_op_returns_geo(h, ctx, item->node, v->node, GEO_ANY) ||
             geo_content_has_geo(h, ctx, h->get(body, "content"), GEO_ANY)))
            geo_check_companion(h, ctx, v, "filter", "filter-crs", "part 3");
        return;
    }
    if (!v->repeat && h->is(h->get(v->node, "name"), "filter-crs"))
        geo_check_crs_param(h, ctx, v->node, "filter-crs");
}

const adr_rule adr_rule_geo_filter_crs_query_parameter = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-filter-crs-query-parameter",
    .rule_id = "/geo/filter-crs-query-parameter",
    .title = "Accept the CRS of a geospatial filter in the filter-crs parameter",
    .rationale =
        "Geometries in a filter (the filter query parameter of OGC API Features part 3) are in "
        "CRS84 unless filter-crs says otherwise, and an unsupported CRS is answered with 400. "
        "In an API detected to serve geospatial data, every operation with a filter query "
        "parameter whose responses or request body carry geometry must also accept "
        "filter-crs and document a 400 (or 4XX) response, and a filter-crs "
        "parameter must be an optional query parameter with a string schema. The name is "
        "kebab-case by the standard; nlgov:query-keys-camel-case exempts it.",
    .doc_url = GEO_DOC_URL "filter-crs-query-parameter",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PARAMETER) | ADR_KIND_BIT(ADR_KIND_OPERATION),
    .check = check,
};
