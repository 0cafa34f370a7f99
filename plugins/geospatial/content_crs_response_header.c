/* nlgov:geo-content-crs-response-header - /geo/content-crs-response-header:
 * successful responses with geospatial data declare Content-Crs. */
#include "geo.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *status = adr_r_response_status(h, ctx, v);
    if (!status || adr_r_status_class(h, status) != '2' || !geo_api_path_item(h, ctx)) return;
    const adr_node *headers = h->get(v->node, "headers");
    for (size_t i = 0; i < h->count(headers); i++)
        if (adr_r_text_eq_ci(h, h->key_at(headers, i), "Content-Crs")) return;
    if (geo_api(h, ctx) && geo_content_has_geo(h, ctx, h->get(v->node, "content"), GEO_ANY))
        h->report(ctx, headers ? headers : v->node,
                  "A response with geospatial data must declare the Content-Crs header (OGC API "
                  "Features part 2).");
}

const adr_rule adr_rule_geo_content_crs_response_header = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-content-crs-response-header",
    .rule_id = "/geo/content-crs-response-header",
    .title = "Assert the CRS of a response in the Content-Crs header",
    .rationale =
        "The server states the CRS of the geometry it returns in the Content-Crs header (OGC "
        "API Features part 2), CRS84 when the client asked for none. Every 2xx response of the "
        "API's operations whose content carries geospatial data (a GeoJSON media type, a "
        "geometry schema, a property named like geometrie) must declare it; header names "
        "compare case-insensitively. Callback responses are the client's. Checked in APIs "
        "detected to serve geospatial data.",
    .doc_url = GEO_DOC_URL "content-crs-response-header",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_RESPONSE),
    .check = check,
};
