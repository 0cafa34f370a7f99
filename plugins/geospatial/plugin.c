/* Rule group "geospatial": static proxies of the Geospatial module
 * (ADR-GEO 1.0.x), which /core/geospatial requires of APIs that serve
 * geospatial data. */
#include "geo.h"

extern const adr_rule adr_rule_geo_bbox_query_parameter;
extern const adr_rule adr_rule_geo_bbox_crs_query_parameter;
extern const adr_rule adr_rule_geo_filter_crs_query_parameter;
extern const adr_rule adr_rule_geo_crs_query_parameter;
extern const adr_rule adr_rule_geo_default_crs;
extern const adr_rule adr_rule_geo_content_crs_request_header;
extern const adr_rule adr_rule_geo_content_crs_response_header;
extern const adr_rule adr_rule_geo_crs_list;
extern const adr_rule adr_rule_geo_storage_crs;
extern const adr_rule adr_rule_geo_embed_geojson_geometry;

ADR_DEFINE_PLUGIN("geospatial",
                  "Geospatial: bbox and CRS parameters, Content-Crs headers, CRS lists, "
                  "storageCrs and GeoJSON geometry, for APIs that serve geospatial data",
                  &adr_rule_geo_bbox_query_parameter, &adr_rule_geo_bbox_crs_query_parameter,
                  &adr_rule_geo_filter_crs_query_parameter, &adr_rule_geo_crs_query_parameter,
                  &adr_rule_geo_default_crs, &adr_rule_geo_content_crs_request_header,
                  &adr_rule_geo_content_crs_response_header, &adr_rule_geo_crs_list,
                  &adr_rule_geo_storage_crs, &adr_rule_geo_embed_geojson_geometry)
