/* nlgov:geo-default-crs - /geo/default-crs: CRS parameters and headers
 * default to, and offer, CRS84. */
#include "geo.h"

/* The ways to name CRS84 (2D) and CRS84h (3D): OGC URIs over http and
 * https, safe CURIEs, CURIEs, URNs. Content-Crs wraps values in <>, which
 * is stripped before comparing. */
static const char *const crs84[] = {"http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                                    "http://www.opengis.net/def/crs/OGC/0/CRS84h",
                                    "https://www.opengis.net/def/crs/OGC/1.3/CRS84",
                                    "https://www.opengis.net/def/crs/OGC/0/CRS84h",
                                    "[OGC:CRS84]",
                                    "[OGC:CRS84h]",
                                    "OGC:CRS84",
                                    "OGC:CRS84h",
                                    "urn:ogc:def:crs:OGC:1.3:CRS84",
                                    "urn:ogc:def:crs:OGC::CRS84",
                                    "CRS84",
                                    "CRS84h",
                                    NULL};

/* Parameters and headers that carry a CRS. */
static const char *const crs_query_params[] = {"crs", "bbox-crs", "filter-crs", NULL};
static const char *const crs_headers[] = {"Content-Crs", "Accept-Crs", NULL};

static bool is_crs84(const adr_host *h, const adr_node *n)
{
    size_t len;
    const char *s = h->text(n, &len);
    if (!s) return false;
    if (len >= 2 && s[0] == '<' && s[len - 1] == '>') s++, len -= 2;
    return adr_r_list_find(crs84, s, len) >= 0;
}

static void check_schema(const adr_host *h, adr_ctx *ctx, const adr_node *schema, const char *name,
                         size_t n)
{
    schema = h->deref(ctx, schema);
    const adr_node *def = h->get(schema, "default");
    if (def && !is_crs84(h, def)) {
        size_t dl;
        const char *d = h->text(def, &dl);
        h->report(ctx, def,
                  "The default CRS of %.*s is %.*s; it must be CRS84 "
                  "(http://www.opengis.net/def/crs/OGC/1.3/CRS84).",
                  (int)n, name, d ? (int)dl : 0, d ? d : "");
    }
    const adr_node *e = h->get(schema, "enum");
    if (!e) return;
    for (size_t i = 0; i < h->count(e); i++)
        if (is_crs84(h, h->item(e, i))) return;
    h->report(ctx, e,
              "%.*s does not offer CRS84 (http://www.opengis.net/def/crs/OGC/1.3/CRS84), the "
              "default CRS.",
              (int)n, name);
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    /* A shared header is named by the response that uses it, not by its
     * component key, so every visit of a header counts. */
    if (v->repeat && v->kind != ADR_KIND_HEADER) return;
    size_t n;
    if (v->kind == ADR_KIND_HEADER) {
        const char *name = h->text(v->key, &n);
        if (name && adr_r_ieq(name, n, "Content-Crs"))
            check_schema(h, ctx, h->get(v->node, "schema"), name, n);
        return;
    }
    const char *name = h->text(h->get(v->node, "name"), &n);
    const adr_node *in = h->get(v->node, "in");
    if (!name || !((h->is(in, "query") && adr_r_list_find(crs_query_params, name, n) >= 0) ||
                   (h->is(in, "header") && adr_r_list_find(crs_headers, name, n) >= 0)))
        return;
    check_schema(h, ctx, h->get(v->node, "schema"), name, n);
}

const adr_rule adr_rule_geo_default_crs = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:geo-default-crs",
    .rule_id = "/geo/default-crs",
    .title = "Use CRS84 as the default CRS",
    .rationale =
        "CRS84 (longitude, latitude; CRS84h in 3D) is the CRS assumed when none is given, and "
        "every API must support it. Where a description pins the CRS values, it must agree: "
        "the default of a crs, bbox-crs or filter-crs query parameter or a Content-Crs or "
        "Accept-Crs header must be CRS84 or CRS84h, and an enum of CRS values must include "
        "one of them (as an OGC URI, CURIE or URN; <...> as in Content-Crs is allowed). "
        "EPSG:4326 is not CRS84: it orders latitude before longitude. A parameter without "
        "default or enum says nothing and passes. A CRS parameter or header is itself the "
        "evidence of geospatial data.",
    .doc_url = GEO_DOC_URL "default-crs",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PARAMETER) | ADR_KIND_BIT(ADR_KIND_HEADER),
    .check = check,
};
