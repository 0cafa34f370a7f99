/* Shared by the rules of the geospatial plugin: deciding that an API
 * serves geospatial data, recognising GeoJSON geometry schemas, and the
 * parameters and responses the /geo/ rules look at. */
#ifndef ADR_GEOSPATIAL_H
#define ADR_GEOSPATIAL_H

#include "../common/rules.h"
#include "../common/words.h"

#define GEO_DOC_URL "https://gitdocumentatie.logius.nl/publicatie/api/mod-geo/#/geo/"

/* Whether the API serves geospatial data: a single pass over paths,
 * their operations' parameters, request and response media types and
 * headers, and the components, never into nested schemas except the first
 * level of component schemas; it stops at the first sign. Done at most once
 * per lint run by each rule that asks (the result is kept in the rule's
 * state), and asked only before the deeper, per-operation looks into
 * schemas, which it spares APIs without geospatial data. Rules that act on
 * a bbox or CRS parameter need no detection: the parameter is the
 * evidence. */
bool geo_api(const adr_host *h, adr_ctx *ctx);

/* Whether paths has a /collections resource (OGC API Features). */
bool geo_ogc(const adr_host *h, const adr_node *paths);

/* A GeoJSON Geometry schema: a "type" property whose enum or const names a
 * geometry type, or "type" with "coordinates" or "geometries"; through
 * allOf members, and oneOf/anyOf whose alternatives are all geometries; or
 * a remote $ref to a GeoJSON or OGC geometry schema. */
bool geo_is_geometry(const adr_host *h, adr_ctx *ctx, const adr_node *schema);

/* A property name that denotes a geometry: its last word is geometry,
 * geometrie or geom, or ends in one ("zaakgeometrie"). */
bool geo_geometry_name(const char *name, size_t n);

/* A schema whose type is boolean, number or integer (a flag or a count
 * about geometry, such as allowGeometry). */
bool geo_scalar_schema(const adr_host *h, adr_ctx *ctx, const adr_node *schema);

/* Which geometry counts: any in the payload, or only the resources' own,
 * leaving out related resources embedded below the payload's top level
 * (HAL _embedded and _links, Open Zaak's _expand). */
typedef enum geo_scope { GEO_ANY, GEO_OWN } geo_scope;

/* Whether a schema carries geospatial data: a geometry, or a property
 * named like one, within a bounded breadth-first look (256 schemas). */
bool geo_schema_has_geo(const adr_host *h, adr_ctx *ctx, const adr_node *schema, geo_scope scope);

/* Whether a content map (media type -> Media Type Object) carries
 * geospatial data: a geo media type or a schema with geo content. */
bool geo_content_has_geo(const adr_host *h, adr_ctx *ctx, const adr_node *content, geo_scope scope);

/* The parameter named name in location in ("query", "header": header
 * names compare case-insensitively) of an operation, or of its path item
 * when the operation does not override it; dereferenced; NULL if none. */
const adr_node *geo_param(const adr_host *h, adr_ctx *ctx, const adr_node *item, const adr_node *op,
                          const char *name, const char *in);

/* The operation visit's path item, or NULL when the operation is not one
 * of the API's own paths (callbacks, webhooks, components.pathItems). */
const adr_visit *geo_api_path_item(const adr_host *h, adr_ctx *ctx);

/* Whether an operation's 2xx responses carry geospatial data. With
 * GEO_ANY, also when it lets the client choose the response CRS (crs,
 * Accept-Crs) or declares Content-Crs; with GEO_OWN only the resources'
 * own geometry counts. */
bool geo_op_returns_geo(const adr_host *h, adr_ctx *ctx, const adr_node *item, const adr_node *op,
                        geo_scope scope);

/* Whether an operation documents a 400 (or 4XX) response. */
bool geo_has_400(const adr_host *h, const adr_node *op);

/* The schema of a 200 response's JSON content (first JSON-like media
 * type), dereferenced; NULL if none. */
const adr_node *geo_json_schema(const adr_host *h, adr_ctx *ctx, const adr_node *op);

/* Whether a schema, or an object schema within depth levels of it
 * (properties, items, allOf), declares a property named name. */
const adr_node *geo_find_property(const adr_host *h, adr_ctx *ctx, const adr_node *schema,
                                  const char *name, int depth);

/* The upper-case method of an operation visit ("GET") in buf. */
const char *geo_method(const adr_host *h, const adr_visit *op, char *buf, size_t size);

/* Reports what is wrong with a CRS query parameter (crs, bbox-crs,
 * filter-crs) as OGC API Features part 2 defines it: in the query,
 * optional, a string schema. */
void geo_check_crs_param(const adr_host *h, adr_ctx *ctx, const adr_node *param, const char *name);

/* For an operation of the API with the query parameter trigger (bbox,
 * filter): reports a missing companion CRS parameter (bbox-crs,
 * filter-crs), or, when it is there, a missing 400 response for an
 * unsupported CRS. part names the OGC API Features part. */
void geo_check_companion(const adr_host *h, adr_ctx *ctx, const adr_visit *v, const char *trigger,
                         const char *companion, const char *part);

#endif
