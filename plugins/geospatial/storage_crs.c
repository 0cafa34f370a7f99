/* nlgov:geo-storage-crs - /geo/storage-crs: collection objects state the
 * CRS their data is stored in (storageCrs). */
#include "geo.h"

/* A path .../collections/{collectionId}: one collection. */
static bool collection_path(const char *p, size_t n)
{
    if (n < 2 || p[n - 1] != '}') return false;
    size_t start = n;
    while (start > 0 && p[start - 1] != '/')
        start--;
    return start > 0 && p[start] == '{' && adr_r_iends(p, start - 1, "/collections");
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *paths = h->get(v->node, "paths");
    if (!geo_ogc(h, paths)) return;
    bool single = false;
    for (size_t i = 0; i < h->count(paths); i++) {
        size_t n;
        const char *p = h->text(h->key_at(paths, i), &n);
        if (!p || !collection_path(p, n)) continue;
        const adr_node *op = h->get(h->deref(ctx, h->value_at(paths, i)), "get");
        if (!op) continue;
        single = true;
        if (!geo_find_property(h, ctx, geo_json_schema(h, ctx, op), "storageCrs", 0))
            h->report(ctx, op,
                      "The collection returned by GET %.*s does not declare storageCrs, the CRS "
                      "its data is stored in (OGC API Features part 2).",
                      (int)n, p);
    }
    if (single) return;
    /* Without /collections/{collectionId}, the collections in the
     * /collections response. */
    for (size_t i = 0; i < h->count(paths); i++) {
        size_t n;
        const char *p = h->text(h->key_at(paths, i), &n);
        if (!p || !adr_r_iends(p, n, "/collections")) continue;
        const adr_node *op = h->get(h->deref(ctx, h->value_at(paths, i)), "get");
        if (op && !geo_find_property(h, ctx, geo_json_schema(h, ctx, op), "storageCrs", 2))
            h->report(ctx, op,
                      "The collections returned by GET %.*s do not declare storageCrs, the CRS "
                      "their data is stored in (OGC API Features part 2).",
                      (int)n, p);
    }
}

const adr_rule adr_rule_geo_storage_crs = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-storage-crs",
    .rule_id = "/geo/storage-crs",
    .title = "State the CRS geospatial data is stored in (storageCrs)",
    .rationale =
        "A collection object states the CRS its features are stored in, so clients can ask "
        "for them without a transformation: the storageCrs property of OGC API Features "
        "part 2 (the module also spells it storageCRS; both pass). The JSON response of GET "
        "/collections/{collectionId}, or failing that each collection in GET /collections, "
        "must declare it. Only APIs with a /collections resource have collection objects.",
    .doc_url = GEO_DOC_URL "storage-crs",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
