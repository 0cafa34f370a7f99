/* nlgov:geo-content-crs-request-header - /geo/content-crs-request-header:
 * POST, PUT and PATCH with geometry in the body accept Content-Crs. */
#include "geo.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!h->is(v->key, "post") && !h->is(v->key, "put") && !h->is(v->key, "patch")) return;
    const adr_visit *item = geo_api_path_item(h, ctx);
    size_t n;
    const char *path = item ? h->text(item->key, &n) : NULL;
    if (!path) return;
    if (geo_param(h, ctx, item->node, v->node, "Content-Crs", "header") || !geo_api(h, ctx)) return;
    const adr_node *body = h->deref(ctx, h->get(v->node, "requestBody"));
    if (!geo_content_has_geo(h, ctx, h->get(body, "content"), GEO_ANY)) return;
    char method[16];
    h->report(ctx, v->node,
              "%s %.*s sends geospatial data but has no Content-Crs header parameter (OGC API "
              "Features part 4).",
              geo_method(h, v, method, sizeof method), (int)n, path);
}

const adr_rule adr_rule_geo_content_crs_request_header = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-content-crs-request-header",
    .rule_id = "/geo/content-crs-request-header",
    .title = "Pass the CRS of geometry in a request body in the Content-Crs header",
    .rationale =
        "A client that creates or changes resources with geometry states its CRS in the "
        "Content-Crs request header (OGC API Features part 4); without it CRS84 is assumed. "
        "Every POST, PUT and PATCH of the API whose request body carries geospatial data "
        "must declare a Content-Crs header parameter, at the operation or its path item. "
        "Feature encodings that carry their own CRS (JSON-FG coordRefSys) are not recognised "
        "and need the header too. Checked in APIs detected to serve geospatial data.",
    .doc_url = GEO_DOC_URL "content-crs-request-header",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_OPERATION),
    .check = check,
};
