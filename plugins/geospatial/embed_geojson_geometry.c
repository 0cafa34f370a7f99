/* nlgov:geo-embed-geojson-geometry - /geo/embed-geojson-geometry-request
 * and -response: a property holding a geometry is a GeoJSON Geometry. */
#include "geo.h"

/* The keywords that say something about a schema's shape; a property
 * schema with none of them (only a description) cannot be judged. */
static const char *const shape_keywords[] = {"type",  "properties", "items",  "allOf", "oneOf",
                                             "anyOf", "enum",       "format", "$ref",  NULL};

static bool says_nothing(const adr_host *h, const adr_node *s)
{
    for (size_t i = 0; shape_keywords[i]; i++)
        if (h->get(s, shape_keywords[i])) return false;
    return true;
}

/* Well-known text and binary: the alternatives the module names for what
 * GeoJSON cannot express (curves, solids). */
static bool wkt_or_wkb(const adr_host *h, const adr_node *s)
{
    const adr_node *f = h->get(s, "format");
    return adr_r_text_eq_ci(h, f, "wkt") || adr_r_text_eq_ci(h, f, "wkb");
}

/* An object around a geometry, such as a spatial filter {within: <geometry>}. */
static bool wraps_geometry(const adr_host *h, adr_ctx *ctx, const adr_node *s)
{
    const adr_node *props = h->get(s, "properties");
    for (size_t i = 0; i < h->count(props); i++)
        if (geo_is_geometry(h, ctx, h->value_at(props, i))) return true;
    return false;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!v->field || strcmp(v->field, "properties") != 0) return;
    size_t n;
    const char *name = h->text(v->key, &n);
    if (!name || !geo_geometry_name(name, n)) return;
    const adr_node *s = v->node;
    if (geo_scalar_schema(h, ctx, s) || says_nothing(h, s) || wkt_or_wkb(h, s)) return;
    if (geo_is_geometry(h, ctx, s) || wraps_geometry(h, ctx, s)) return;
    h->report(ctx, s,
              "Property %.*s is not a GeoJSON Geometry object: embed geometry as GeoJSON (type "
              "and coordinates).",
              (int)n, name);
}

const adr_rule adr_rule_geo_embed_geojson_geometry = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-embed-geojson-geometry",
    .rule_id = "/geo/embed-geojson-geometry-response",
    .title = "Embed geometry as a GeoJSON Geometry object",
    .rationale =
        "In application/json requests and responses (/geo/embed-geojson-geometry-request and "
        "-response) geometry is a GeoJSON Geometry object: type (Point ... "
        "GeometryCollection) with coordinates, or geometries; the OGC geometryGeoJSON.yaml "
        "template is one. Every property named like a geometry (its last word geometry, "
        "geometrie or geom, also Dutch compounds such as zaakgeometrie) must have such a "
        "schema, directly, through $ref, allOf or a oneOf of geometries, or a remote $ref to "
        "a GeoJSON geometry schema. Flags and counts (allowGeometry: boolean), schemas that "
        "say nothing, strings with format wkt or wkb (the module's alternatives for curves "
        "and solids) and objects that wrap a geometry (a spatial filter) pass. The property "
        "name is itself the evidence of geospatial data, so no detection is needed.",
    .doc_url = GEO_DOC_URL "embed-geojson-geometry-response",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SCHEMA),
    .check = check,
};
