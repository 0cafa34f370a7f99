/* nlgov:geo-crs-list - /geo/crs-list: the API lists the CRSs it supports,
 * in /collections (OGC API Features) or at /crss. */
#include "geo.h"

/* The GET of the first path whose last segment is segment, dereferenced,
 * with its path in *path. */
static const adr_node *find_get(const adr_host *h, adr_ctx *ctx, const adr_node *paths,
                                const char *segment, const char **path, size_t *n)
{
    for (size_t i = 0; i < h->count(paths); i++) {
        const char *p = h->text(h->key_at(paths, i), n);
        if (!p || !adr_r_iends(p, *n, segment)) continue;
        const adr_node *get = h->get(h->deref(ctx, h->value_at(paths, i)), "get");
        if (get) {
            *path = p;
            return get;
        }
    }
    return NULL;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!geo_api(h, ctx)) return;
    const adr_node *paths = h->get(v->node, "paths");
    const char *path;
    size_t n;
    const adr_node *op = find_get(h, ctx, paths, "/crss", &path, &n);
    if (op) {
        if (!geo_find_property(h, ctx, geo_json_schema(h, ctx, op), "crs", 1))
            h->report(ctx, op, "GET %.*s must return the supported CRSs in a crs property.", (int)n,
                      path);
        return;
    }
    op = find_get(h, ctx, paths, "/collections", &path, &n);
    if (op) {
        /* The global list on the collections object, or one per
         * collection in its collections array. */
        if (!geo_find_property(h, ctx, geo_json_schema(h, ctx, op), "crs", 2))
            h->report(ctx, op,
                      "GET %.*s does not list the supported CRSs: add a crs property to the "
                      "collections or to each collection (OGC API Features part 2).",
                      (int)n, path);
        return;
    }
    h->report(ctx, paths ? paths : v->node,
              "The API serves geospatial data but does not list the CRSs it supports: add GET "
              "/crss, or GET /collections with a crs property (OGC API Features).");
}

const adr_rule adr_rule_geo_crs_list = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-crs-list",
    .rule_id = "/geo/crs-list",
    .title = "Provide a list of all CRSs the API supports",
    .rationale =
        "Clients must be able to find out which CRSs an API supports. An OGC API Features API "
        "lists them in the crs property of its /collections response (globally or per "
        "collection, OGC API Features part 2); any other API offers GET /crss returning an "
        "object with a crs property. An API detected to serve geospatial data must have one "
        "of them, with the crs property in its JSON response schema.",
    .doc_url = GEO_DOC_URL "crs-list",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
