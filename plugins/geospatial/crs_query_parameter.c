/* nlgov:geo-crs-query-parameter - /geo/crs-query-parameter: GET
 * operations that return geospatial data accept the crs parameter. */
#include "geo.h"

static void check_operation(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_visit *item = geo_api_path_item(h, ctx);
    size_t n;
    const char *path = item ? h->text(item->key, &n) : NULL;
    if (!path || !h->is(v->key, "get")) return;
    if (geo_param(h, ctx, item->node, v->node, "crs", "query") || !geo_api(h, ctx)) return;
    if (!geo_op_returns_geo(h, ctx, item->node, v->node, GEO_ANY)) return;
    /* Negotiating with headers was API-40, deprecated by ADR-GEO 1.0:
     * point at the header to replace. */
    const adr_node *accept = geo_param(h, ctx, item->node, v->node, "Accept-Crs", "header");
    if (accept)
        h->report(ctx, accept,
                  "Accept-Crs is the deprecated way to ask for a response CRS: support the crs "
                  "query parameter (OGC API Features part 2).");
    else
        h->report(ctx, v->node,
                  "GET %.*s returns geospatial data but has no crs query parameter (OGC API "
                  "Features part 2).",
                  (int)n, path);
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->kind == ADR_KIND_OPERATION)
        check_operation(h, ctx, v);
    else if (!v->repeat && h->is(h->get(v->node, "name"), "crs") &&
             h->is(h->get(v->node, "in"), "query"))
        geo_check_crs_param(h, ctx, v->node, "crs");
}

const adr_rule adr_rule_geo_crs_query_parameter = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-crs-query-parameter",
    .rule_id = "/geo/crs-query-parameter",
    .title = "Let clients ask for a response CRS with the crs parameter",
    .rationale =
        "Clients choose the CRS of the geometry in a response with the crs query parameter of "
        "OGC API Features part 2. Every GET whose 2xx responses carry geospatial data (GeoJSON "
        "media types, geometry schemas, properties named like geometrie, a Content-Crs header) "
        "must accept crs, an optional query parameter with a string schema. The Accept-Crs "
        "header of the deprecated API-40 does not count; it is reported where it is declared. "
        "Checked in APIs detected to serve geospatial data (a geo media type, a bbox or CRS "
        "parameter or header, /collections, GeoJSON geometry in the component schemas).",
    .doc_url = GEO_DOC_URL "crs-query-parameter",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PARAMETER) | ADR_KIND_BIT(ADR_KIND_OPERATION),
    .check = check,
};
