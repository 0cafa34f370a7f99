/* nlgov:geo-bbox-crs-query-parameter - /geo/bbox-crs-query-parameter:
 * operations that accept bbox accept bbox-crs, and answer 400 to an
 * unsupported CRS. */
#include "geo.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->kind == ADR_KIND_OPERATION) {
        geo_check_companion(h, ctx, v, "bbox", "bbox-crs", "part 2");
        return;
    }
    if (!v->repeat && h->is(h->get(v->node, "name"), "bbox-crs"))
        geo_check_crs_param(h, ctx, v->node, "bbox-crs");
}

const adr_rule adr_rule_geo_bbox_crs_query_parameter = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-bbox-crs-query-parameter",
    .rule_id = "/geo/bbox-crs-query-parameter",
    .title = "Accept the CRS of a bounding box in the bbox-crs parameter",
    .rationale =
        "A bounding box is in CRS84 unless the bbox-crs query parameter of OGC API Features "
        "part 2 says otherwise, and an unsupported CRS is answered with 400. Every operation "
        "with a bbox query parameter must also accept bbox-crs and document a 400 (or 4XX) "
        "response, and a bbox-crs parameter must be an optional query parameter with a string "
        "schema. The name is kebab-case by the standard; nlgov:query-keys-camel-case exempts "
        "it. The bbox parameter is itself the evidence of geospatial data.",
    .doc_url = GEO_DOC_URL "bbox-crs-query-parameter",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PARAMETER) | ADR_KIND_BIT(ADR_KIND_OPERATION),
    .check = check,
};
