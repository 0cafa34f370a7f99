/* nlgov:geo-bbox-query-parameter - /geo/bbox-query-parameter: collections
 * of geospatial resources accept the OGC API Features bbox parameter, in
 * its standard shape. */
#include "geo.h"

/* The schema OGC API Features part 1 gives bbox: an array of 4 or 6
 * numbers (minItems 4 and maxItems 6, or a oneOf of the two lengths). */
static bool items_between(const adr_host *h, const adr_node *s, double lo, double hi)
{
    double min, max;
    return h->number(h->get(s, "minItems"), &min) && h->number(h->get(s, "maxItems"), &max) &&
           min == lo && max == hi;
}

static bool bbox_schema(const adr_host *h, adr_ctx *ctx, const adr_node *s)
{
    if (!h->is(h->get(s, "type"), "array")) return false;
    const adr_node *items = h->deref(ctx, h->get(s, "items"));
    if (!h->is(h->get(items, "type"), "number")) return false;
    if (items_between(h, s, 4, 6)) return true;
    const adr_node *alts = h->get(s, "oneOf");
    bool four = false, six = false;
    for (size_t i = 0; i < h->count(alts); i++) {
        const adr_node *a = h->deref(ctx, h->item(alts, i));
        four = four || items_between(h, a, 4, 4);
        six = six || items_between(h, a, 6, 6);
    }
    return four && six;
}

static void check_parameter(const adr_host *h, adr_ctx *ctx, const adr_node *p)
{
    if (!h->is(h->get(p, "name"), "bbox") || !h->is(h->get(p, "in"), "query")) return;
    const adr_node *required = h->get(p, "required");
    if (h->boolean(required) == 1) h->report(ctx, required, "The bbox parameter must be optional.");
    const adr_node *style = h->get(p, "style");
    if (style && !h->is(style, "form"))
        h->report(ctx, style, "The bbox parameter must use style form.");
    /* Form style explodes arrays by default (bbox=1&bbox=2...); the
     * standard's bbox=5.4,52.1,5.5,53.2 needs explode: false. */
    const adr_node *explode = h->get(p, "explode");
    if (h->boolean(explode) != 0)
        h->report(ctx, explode ? explode : p,
                  "The bbox parameter must set explode: false (comma-separated numbers).");
    const adr_node *schema = h->deref(ctx, h->get(p, "schema"));
    if (!schema || !bbox_schema(h, ctx, schema))
        h->report(ctx, schema ? schema : p,
                  "The bbox parameter's schema must be an array of 4 or 6 numbers.");
}

/* The collections bbox is asked for: those at the top of the API (no path
 * parameter: /panden, not /panden/{id}/lvc, the versions of one pand) and
 * OGC feature collections (/collections/{collectionId}/items). Not
 * /collections itself, which lists collections (metadata), nor operation
 * resources (/_zoek). */
static bool feature_collection(const char *path, size_t n)
{
    if (adr_r_iends(path, n, "/items")) {
        size_t end = n - 6;
        size_t start = end;
        while (start > 0 && path[start - 1] != '/')
            start--;
        if (start < end && path[start] == '{' && adr_r_iends(path, start - 1, "/collections"))
            return true;
    }
    if (memchr(path, '{', n) || adr_r_iends(path, n, "/collections")) return false;
    size_t last = n;
    while (last > 0 && path[last - 1] != '/')
        last--;
    return last < n && path[last] != '_';
}

static void check_operation(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_visit *item = geo_api_path_item(h, ctx);
    size_t n;
    const char *path = item ? h->text(item->key, &n) : NULL;
    if (!path || !h->is(v->key, "get") || !feature_collection(path, n)) return;
    if (geo_param(h, ctx, item->node, v->node, "bbox", "query") || !geo_api(h, ctx)) return;
    /* bbox filters on the members' own geometry, not on that of related
     * resources they may embed (an address's woonplaats). */
    if (geo_op_returns_geo(h, ctx, item->node, v->node, GEO_OWN))
        h->report(ctx, v->node,
                  "GET %.*s returns geospatial data but has no bbox query parameter (OGC API "
                  "Features part 1).",
                  (int)n, path);
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (v->kind == ADR_KIND_PARAMETER) {
        if (!v->repeat) check_parameter(h, ctx, v->node);
    } else {
        check_operation(h, ctx, v);
    }
}

const adr_rule adr_rule_geo_bbox_query_parameter = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-bbox-query-parameter",
    .rule_id = "/geo/bbox-query-parameter",
    .title = "Filter collections of geospatial resources with the bbox parameter",
    .rationale =
        "ADR-GEO adopts the bbox query parameter of OGC API Features part 1 as the simple "
        "spatial filter. In an API detected to serve geospatial data, a GET on a top-level "
        "collection (/panden; not /panden/{id}/lvc, an operation resource or /collections) or "
        "an OGC feature collection (/collections/{collectionId}/items) whose responses carry "
        "geometry must accept bbox, and every bbox parameter must have the standard's shape: "
        "optional, style form, explode false, an array of 4 or 6 numbers. Only the members' "
        "own geometry counts, not that of related resources they embed. Like all geospatial "
        "rules it is a warning, since whether ADR-GEO applies is a functional rule "
        "(/core/geospatial). No peer checks this; the "
        "Geonovum ogc-checker checks the shape for OGC API Features paths only.",
    .doc_url = GEO_DOC_URL "bbox-query-parameter",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PARAMETER) | ADR_KIND_BIT(ADR_KIND_OPERATION),
    .check = check,
};
