#include "geo.h"

#include <stdint.h>

/* Media types that only carry geospatial data: GeoJSON (RFC 7946 and its
 * pre-registration name), JSON-FG, GML, FlatGeobuf. */
static const char *const geo_media_types[] = {"application/geo+json",   "application/vnd.geo+json",
                                              "application/fg+json",    "application/gml+xml",
                                              "application/flatgeobuf", NULL};

/* Parameters that exist only to filter or project geometry: OGC API
 * Features parts 1-3, and the CRS headers of the deprecated API-40. */
static const char *const geo_query_params[] = {"bbox", "bbox-crs", "crs", "filter-crs", NULL};
static const char *const geo_header_params[] = {"Content-Crs", "Accept-Crs", NULL};

/* The GeoJSON geometry types (RFC 7946 section 1.4). */
static const char *const geometry_types[] = {
    "Point",   "MultiPoint",   "LineString",         "MultiLineString",
    "Polygon", "MultiPolygon", "GeometryCollection", NULL};

/* The last word of a property that holds a geometry, in Dutch and
 * English; a last word ending in the first two also counts, for Dutch
 * compounds written as one word ("zaakgeometrie", "puntgeometrie"). */
static const char *const geometry_heads[] = {"geometry", "geometrie", NULL};
static const char *const geometry_words[] = {"geom", NULL};

/* Properties that hold related resources rather than the resource's own
 * data: HAL's _embedded and _links, Open Zaak's _expand. */
static const char *const related_properties[] = {"_embedded", "_links", "_expand", NULL};

static const char *const http_methods[] = {"get",  "put",   "post",  "delete", "options",
                                           "head", "patch", "trace", NULL};

#define MAX_DEPTH   6
#define BFS_BUDGET  256
#define MEMO_SLOTS  1024
#define MEMO_PROBES 8

/* What one lint run has learnt, per rule (host->state): the detection and
 * the answers of geo_schema_has_geo per schema, since many operations
 * share their response and request schemas. */
typedef struct memo_slot {
    const adr_node *schema;
    uint8_t known; /* bit per geo_scope */
    uint8_t geo;
} memo_slot;

typedef struct geo_state {
    int detected; /* 0: not yet looked, 1: serves geospatial data, -1: does not */
    memo_slot memo[MEMO_SLOTS];
} geo_state;

/* Detection and the schema memo are the same for every geo rule: share
 * them across the plugin's rules where the host allows (ABI 1.2), so the
 * document is examined once per run, not once per rule. */
static geo_state *run_state(const adr_host *h, adr_ctx *ctx)
{
    if (ADR_HOST_HAS(h, plugin_state)) return h->plugin_state(ctx, sizeof(geo_state));
    return h->state(ctx, sizeof(geo_state));
}

static memo_slot *memo_find(geo_state *st, const adr_node *schema)
{
    if (!st) return NULL;
    size_t i = (size_t)(((uintptr_t)schema >> 4) * 2654435761u) & (MEMO_SLOTS - 1);
    for (size_t p = 0; p < MEMO_PROBES; p++, i = (i + 1) & (MEMO_SLOTS - 1)) {
        if (st->memo[i].schema == schema) return &st->memo[i];
        if (!st->memo[i].schema) {
            st->memo[i].schema = schema;
            return &st->memo[i];
        }
    }
    return NULL;
}

static bool is_geo_media_type(const char *s, size_t n)
{
    size_t end = 0;
    while (end < n && s[end] != ';' && s[end] != ' ')
        end++;
    return adr_r_list_find(geo_media_types, s, end) >= 0;
}

/* A remote $ref (never fetched): its text is all there is to go on. */
static const char *remote_ref(const adr_host *h, const adr_node *n, size_t *len)
{
    if (h->type(n) != ADR_NODE_MAP) return NULL;
    const char *r = h->text(h->get(n, "$ref"), len);
    if (!r || !(adr_r_istarts(r, *len, "http://") || adr_r_istarts(r, *len, "https://")))
        return NULL;
    return r;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether s contains needle (lower-case), ignoring ASCII case. It runs on
 * every property name, so it compares in place. */
static bool contains_ci(const char *s, size_t n, const char *needle)
{
    size_t l = strlen(needle);
    for (size_t i = 0; i + l <= n; i++) {
        size_t k = 0;
        while (k < l && lower(s[i + k]) == needle[k])
            k++;
        if (k == l) return true;
    }
    return false;
}

/* A remote reference to a GeoJSON or OGC geometry schema: its file name
 * names a geometry (geometryGeoJSON.yaml, Geometry.json, Point.json). */
static bool remote_geometry_ref(const adr_host *h, const adr_node *n)
{
    size_t len;
    const char *r = remote_ref(h, n, &len);
    if (!r) return false;
    size_t start = len;
    while (start > 0 && r[start - 1] != '/')
        start--;
    const char *file = r + start;
    size_t fl = len - start;
    if (contains_ci(file, fl, "geometry")) return true;
    for (size_t i = 0; geometry_types[i]; i++)
        if (adr_r_istarts(file, fl, geometry_types[i])) return true;
    return false;
}

static bool remote_geojson_ref(const adr_host *h, const adr_node *n)
{
    size_t len;
    const char *r = remote_ref(h, n, &len);
    return r && (contains_ci(r, len, "geojson") || remote_geometry_ref(h, n));
}

bool geo_geometry_name(const char *name, size_t n)
{
    /* Every listed name contains "geom": most names are out at once. */
    if (!contains_ci(name, n, "geom")) return false;
    adr_r_word w[32];
    size_t count = adr_r_words(name, n, w, 32);
    if (!count) return false;
    const adr_r_word *last = &w[count - 1];
    if (adr_r_list_find(geometry_words, last->s, last->n) >= 0) return true;
    for (size_t i = 0; geometry_heads[i]; i++)
        if (adr_r_iends(last->s, last->n, geometry_heads[i])) return true;
    return false;
}

/* The first type of a schema other than "null" (OAS 3.1 allows a list). */
static const adr_node *first_type(const adr_host *h, const adr_node *schema)
{
    const adr_node *t = h->get(schema, "type");
    if (h->type(t) != ADR_NODE_SEQ) return t;
    for (size_t i = 0; i < h->count(t); i++)
        if (!h->is(h->item(t, i), "null")) return h->item(t, i);
    return NULL;
}

bool geo_scalar_schema(const adr_host *h, adr_ctx *ctx, const adr_node *schema)
{
    const adr_node *t = first_type(h, h->deref(ctx, schema));
    return h->is(t, "boolean") || h->is(t, "number") || h->is(t, "integer");
}

/* Whether a type property's schema names a geometry type in its enum or
 * const, directly or through allOf ($ref to a shared enum). */
static bool names_geometry_type(const adr_host *h, adr_ctx *ctx, const adr_node *t, int depth)
{
    t = h->deref(ctx, t);
    if (!t || depth > MAX_DEPTH) return false;
    size_t n;
    const char *c = h->text(h->get(t, "const"), &n);
    if (c && adr_r_list_find(geometry_types, c, n) >= 0) return true;
    const adr_node *e = h->get(t, "enum");
    for (size_t i = 0; i < h->count(e); i++) {
        const char *s = h->text(h->item(e, i), &n);
        if (s && adr_r_list_find(geometry_types, s, n) >= 0) return true;
    }
    const adr_node *all = h->get(t, "allOf");
    for (size_t i = 0; i < h->count(all); i++)
        if (names_geometry_type(h, ctx, h->item(all, i), depth + 1)) return true;
    return false;
}

typedef struct shape {
    bool type;          /* has a "type" property */
    bool geometry_type; /* ... that names a geometry type */
    bool coordinates;   /* has "coordinates" or "geometries" */
} shape;

/* What the properties of a schema and its allOf members show. */
static void collect(const adr_host *h, adr_ctx *ctx, const adr_node *s, int depth, shape *out)
{
    s = h->deref(ctx, s);
    if (!s || depth > MAX_DEPTH) return;
    const adr_node *props = h->get(s, "properties");
    const adr_node *type = h->get(props, "type");
    if (type) {
        out->type = true;
        if (names_geometry_type(h, ctx, type, depth)) out->geometry_type = true;
    }
    if (h->get(props, "coordinates") || h->get(props, "geometries")) out->coordinates = true;
    const adr_node *all = h->get(s, "allOf");
    for (size_t i = 0; i < h->count(all); i++)
        collect(h, ctx, h->item(all, i), depth + 1, out);
}

static bool null_schema(const adr_host *h, adr_ctx *ctx, const adr_node *s)
{
    s = h->deref(ctx, s);
    const adr_node *t = h->get(s, "type");
    return h->is(t, "null") || (h->get(s, "nullable") && h->count(s) == 1);
}

static bool is_geometry(const adr_host *h, adr_ctx *ctx, const adr_node *schema, int depth)
{
    if (!schema || depth > MAX_DEPTH) return false;
    if (remote_geometry_ref(h, schema)) return true;
    const adr_node *s = h->deref(ctx, schema);
    if (h->type(s) != ADR_NODE_MAP) return false;
    static const char *const choices[] = {"oneOf", "anyOf"};
    for (size_t c = 0; c < 2; c++) {
        const adr_node *alts = h->get(s, choices[c]);
        size_t geometries = 0, others = 0;
        for (size_t i = 0; i < h->count(alts); i++) {
            const adr_node *alt = h->item(alts, i);
            if (null_schema(h, ctx, alt)) continue;
            if (is_geometry(h, ctx, alt, depth + 1))
                geometries++;
            else
                others++;
        }
        if (geometries && !others) return true;
    }
    const adr_node *all = h->get(s, "allOf");
    for (size_t i = 0; i < h->count(all); i++)
        if (is_geometry(h, ctx, h->item(all, i), depth + 1)) return true;
    shape sh = {false, false, false};
    collect(h, ctx, s, depth, &sh);
    return sh.geometry_type || (sh.type && sh.coordinates);
}

bool geo_is_geometry(const adr_host *h, adr_ctx *ctx, const adr_node *schema)
{
    return is_geometry(h, ctx, schema, 0);
}

/* A small set of visited schema nodes for one breadth-first look. */
typedef struct bfs {
    const adr_node *queue[BFS_BUDGET];
    unsigned char top[BFS_BUDGET]; /* queued as the payload's top level */
    const adr_node *seen[2 * BFS_BUDGET];
    size_t head, tail;
    bool found;
} bfs;

static bool bfs_seen(bfs *b, const adr_node *n)
{
    size_t mask = 2 * BFS_BUDGET - 1;
    size_t i = (size_t)(((uintptr_t)n >> 4) * 2654435761u) & mask;
    while (b->seen[i]) {
        if (b->seen[i] == n) return true;
        i = (i + 1) & mask;
    }
    b->seen[i] = n;
    return false;
}

static void bfs_push(const adr_host *h, adr_ctx *ctx, bfs *b, const adr_node *n, bool top)
{
    if (!n || b->found || b->tail >= BFS_BUDGET) return;
    if (remote_geojson_ref(h, n)) {
        b->found = true;
        return;
    }
    const adr_node *t = h->deref(ctx, n);
    if (h->type(t) != ADR_NODE_MAP || bfs_seen(b, t)) return;
    b->top[b->tail] = top;
    b->queue[b->tail++] = t;
}

static bool has_geo(const adr_host *h, adr_ctx *ctx, const adr_node *schema, geo_scope scope)
{
    /* 6 kB on the stack: this runs per operation, and run-long arena
     * memory would grow with the number of operations. */
    bfs local;
    bfs *b = &local;
    memset(b, 0, sizeof *b);
    bfs_push(h, ctx, b, schema, true);
    static const char *const lists[] = {"allOf", "oneOf", "anyOf"};
    while (b->head < b->tail && !b->found) {
        bool top = b->top[b->head];
        const adr_node *s = b->queue[b->head++];
        if (is_geometry(h, ctx, s, 0)) return true;
        const adr_node *props = h->get(s, "properties");
        for (size_t i = 0; i < h->count(props); i++) {
            size_t n;
            const char *name = h->text(h->key_at(props, i), &n);
            const adr_node *p = h->value_at(props, i);
            if (!name) continue;
            if (geo_geometry_name(name, n) && !geo_scalar_schema(h, ctx, p)) return true;
            /* A HAL collection lists its members under a top-level
             * _embedded; below that, _embedded holds related resources. */
            if (scope == GEO_OWN && !top && adr_r_list_find(related_properties, name, n) >= 0)
                continue;
            bfs_push(h, ctx, b, p, false);
        }
        /* Array items and composition parts are the same level. */
        bfs_push(h, ctx, b, h->get(s, "items"), top);
        const adr_node *ap = h->get(s, "additionalProperties");
        if (h->type(ap) == ADR_NODE_MAP) bfs_push(h, ctx, b, ap, false);
        for (size_t l = 0; l < 3; l++) {
            const adr_node *seq = h->get(s, lists[l]);
            for (size_t i = 0; i < h->count(seq); i++)
                bfs_push(h, ctx, b, h->item(seq, i), top);
        }
    }
    return b->found;
}

bool geo_schema_has_geo(const adr_host *h, adr_ctx *ctx, const adr_node *schema, geo_scope scope)
{
    if (remote_geojson_ref(h, schema)) return true;
    const adr_node *t = h->deref(ctx, schema);
    if (!t) return false;
    memo_slot *m = memo_find(run_state(h, ctx), t);
    uint8_t bit = (uint8_t)(1u << scope);
    if (m && (m->known & bit)) return (m->geo & bit) != 0;
    bool geo = has_geo(h, ctx, t, scope);
    if (m) {
        m->known |= bit;
        if (geo) m->geo |= bit;
    }
    return geo;
}

bool geo_content_has_geo(const adr_host *h, adr_ctx *ctx, const adr_node *content, geo_scope scope)
{
    for (size_t i = 0; i < h->count(content); i++) {
        size_t n;
        const char *mt = h->text(h->key_at(content, i), &n);
        if (mt && is_geo_media_type(mt, n)) return true;
        const adr_node *media = h->deref(ctx, h->value_at(content, i));
        const adr_node *schema = h->get(media, "schema");
        if (schema && geo_schema_has_geo(h, ctx, schema, scope)) return true;
    }
    return false;
}

static bool param_is(const adr_host *h, const adr_node *p, const char *name, const char *in)
{
    if (!h->is(h->get(p, "in"), in)) return false;
    const adr_node *pn = h->get(p, "name");
    return strcmp(in, "header") == 0 ? adr_r_text_eq_ci(h, pn, name) : h->is(pn, name);
}

static const adr_node *find_param(const adr_host *h, adr_ctx *ctx, const adr_node *params,
                                  const char *name, const char *in)
{
    for (size_t i = 0; i < h->count(params); i++) {
        const adr_node *p = h->deref(ctx, h->item(params, i));
        if (param_is(h, p, name, in)) return p;
    }
    return NULL;
}

const adr_node *geo_param(const adr_host *h, adr_ctx *ctx, const adr_node *item, const adr_node *op,
                          const char *name, const char *in)
{
    const adr_node *p = find_param(h, ctx, h->get(op, "parameters"), name, in);
    return p ? p : find_param(h, ctx, h->get(item, "parameters"), name, in);
}

const adr_visit *geo_api_path_item(const adr_host *h, adr_ctx *ctx)
{
    const adr_visit *item = h->enclosing(ctx, ADR_KIND_PATH_ITEM);
    if (!item || !item->field || strcmp(item->field, "paths") != 0) return NULL;
    if (h->enclosing(ctx, ADR_KIND_CALLBACK)) return NULL;
    return item;
}

static bool declares_header(const adr_host *h, const adr_node *headers, const char *name)
{
    for (size_t i = 0; i < h->count(headers); i++)
        if (adr_r_text_eq_ci(h, h->key_at(headers, i), name)) return true;
    return false;
}

bool geo_op_returns_geo(const adr_host *h, adr_ctx *ctx, const adr_node *item, const adr_node *op,
                        geo_scope scope)
{
    if (scope == GEO_ANY && (geo_param(h, ctx, item, op, "crs", "query") ||
                             geo_param(h, ctx, item, op, "Accept-Crs", "header")))
        return true;
    const adr_node *responses = h->get(op, "responses");
    for (size_t i = 0; i < h->count(responses); i++) {
        if (adr_r_status_class(h, h->key_at(responses, i)) != '2') continue;
        const adr_node *r = h->deref(ctx, h->value_at(responses, i));
        if (scope == GEO_ANY && declares_header(h, h->get(r, "headers"), "Content-Crs"))
            return true;
        if (geo_content_has_geo(h, ctx, h->get(r, "content"), scope)) return true;
    }
    return false;
}

bool geo_has_400(const adr_host *h, const adr_node *op)
{
    const adr_node *responses = h->get(op, "responses");
    return h->get(responses, "400") || h->get(responses, "4XX") || h->get(responses, "4xx");
}

const adr_node *geo_json_schema(const adr_host *h, adr_ctx *ctx, const adr_node *op)
{
    const adr_node *r = h->deref(ctx, h->get(h->get(op, "responses"), "200"));
    const adr_node *content = h->get(r, "content");
    for (size_t i = 0; i < h->count(content); i++) {
        size_t n;
        const char *mt = h->text(h->key_at(content, i), &n);
        if (mt && contains_ci(mt, n, "json"))
            return h->deref(ctx, h->get(h->deref(ctx, h->value_at(content, i)), "schema"));
    }
    return NULL;
}

const adr_node *geo_find_property(const adr_host *h, adr_ctx *ctx, const adr_node *schema,
                                  const char *name, int depth)
{
    const adr_node *s = h->deref(ctx, schema);
    if (!s || depth < 0) return NULL;
    const adr_node *props = h->get(s, "properties");
    for (size_t i = 0; i < h->count(props); i++)
        if (adr_r_text_eq_ci(h, h->key_at(props, i), name)) return h->value_at(props, i);
    const adr_node *all = h->get(s, "allOf");
    for (size_t i = 0; i < h->count(all); i++) {
        const adr_node *p = geo_find_property(h, ctx, h->item(all, i), name, depth);
        if (p) return p;
    }
    if (depth == 0) return NULL;
    const adr_node *items = geo_find_property(h, ctx, h->get(s, "items"), name, depth - 1);
    if (items) return items;
    for (size_t i = 0; i < h->count(props); i++) {
        const adr_node *p = geo_find_property(h, ctx, h->value_at(props, i), name, depth - 1);
        if (p) return p;
    }
    return NULL;
}

const char *geo_method(const adr_host *h, const adr_visit *op, char *buf, size_t size)
{
    size_t n;
    const char *m = h->text(op->key, &n);
    size_t i = 0;
    for (; m && i < n && i + 1 < size; i++)
        buf[i] = m[i] >= 'a' && m[i] <= 'z' ? (char)(m[i] - 'a' + 'A') : m[i];
    buf[i] = 0;
    return buf;
}

void geo_check_crs_param(const adr_host *h, adr_ctx *ctx, const adr_node *param, const char *name)
{
    const adr_node *in = h->get(param, "in");
    if (!h->is(in, "query")) {
        h->report(ctx, in ? in : param, "%s must be a query parameter.", name);
        return;
    }
    const adr_node *required = h->get(param, "required");
    if (h->boolean(required) == 1)
        h->report(ctx, required, "The %s parameter must be optional.", name);
    const adr_node *schema = h->deref(ctx, h->get(param, "schema"));
    if (!schema || !h->is(first_type(h, schema), "string"))
        h->report(ctx, schema ? schema : param,
                  "The %s parameter's schema must be a string (a CRS URI).", name);
}

void geo_check_companion(const adr_host *h, adr_ctx *ctx, const adr_visit *v, const char *trigger,
                         const char *companion, const char *part)
{
    const adr_visit *item = geo_api_path_item(h, ctx);
    if (!item || !geo_param(h, ctx, item->node, v->node, trigger, "query")) return;
    char method[16];
    size_t n;
    const char *path = h->text(item->key, &n);
    if (!path) return;
    geo_method(h, v, method, sizeof method);
    if (!geo_param(h, ctx, item->node, v->node, companion, "query"))
        h->report(ctx, v->node, "%s %.*s accepts %s but not %s (OGC API Features %s).", method,
                  (int)n, path, trigger, companion, part);
    else if (!geo_has_400(h, v->node))
        h->report(ctx, v->node,
                  "%s %.*s accepts %s but documents no 400 response for an unsupported CRS.",
                  method, (int)n, path, companion);
}

/* -- Detection ------------------------------------------------------- */

static bool param_signal(const adr_host *h, adr_ctx *ctx, const adr_node *p)
{
    p = h->deref(ctx, p);
    size_t n;
    const char *name = h->text(h->get(p, "name"), &n);
    if (!name) return false;
    const adr_node *in = h->get(p, "in");
    if (h->is(in, "query")) return adr_r_list_find(geo_query_params, name, n) >= 0;
    if (h->is(in, "header")) return adr_r_list_find(geo_header_params, name, n) >= 0;
    return false;
}

static bool params_signal(const adr_host *h, adr_ctx *ctx, const adr_node *params)
{
    for (size_t i = 0; i < h->count(params); i++)
        if (param_signal(h, ctx, h->item(params, i))) return true;
    return false;
}

static bool content_signal(const adr_host *h, const adr_node *content)
{
    for (size_t i = 0; i < h->count(content); i++) {
        size_t n;
        const char *mt = h->text(h->key_at(content, i), &n);
        if (mt && is_geo_media_type(mt, n)) return true;
    }
    return false;
}

static bool response_signal(const adr_host *h, adr_ctx *ctx, const adr_node *r)
{
    r = h->deref(ctx, r);
    return declares_header(h, h->get(r, "headers"), "Content-Crs") ||
           content_signal(h, h->get(r, "content"));
}

static bool operation_signal(const adr_host *h, adr_ctx *ctx, const adr_node *op)
{
    if (params_signal(h, ctx, h->get(op, "parameters"))) return true;
    const adr_node *body = h->deref(ctx, h->get(op, "requestBody"));
    if (content_signal(h, h->get(body, "content"))) return true;
    const adr_node *responses = h->get(op, "responses");
    for (size_t i = 0; i < h->count(responses); i++)
        if (response_signal(h, ctx, h->value_at(responses, i))) return true;
    return false;
}

/* A component schema that is a geometry, or has a property named like one
 * that is not a flag or a count. */
static bool schema_signal(const adr_host *h, adr_ctx *ctx, const adr_node *s)
{
    if (remote_geojson_ref(h, s) || is_geometry(h, ctx, s, 0)) return true;
    const adr_node *props = h->get(h->deref(ctx, s), "properties");
    for (size_t i = 0; i < h->count(props); i++) {
        size_t n;
        const char *name = h->text(h->key_at(props, i), &n);
        if (name && geo_geometry_name(name, n) && !geo_scalar_schema(h, ctx, h->value_at(props, i)))
            return true;
    }
    return false;
}

bool geo_ogc(const adr_host *h, const adr_node *paths)
{
    for (size_t i = 0; i < h->count(paths); i++) {
        size_t n;
        const char *path = h->text(h->key_at(paths, i), &n);
        if (path && adr_r_iends(path, n, "/collections")) return true;
    }
    return false;
}

static bool detect(const adr_host *h, adr_ctx *ctx)
{
    const adr_node *root = h->root(ctx);
    const adr_node *paths = h->get(root, "paths");
    if (geo_ogc(h, paths)) return true;
    for (size_t i = 0; i < h->count(paths); i++) {
        const adr_node *item = h->deref(ctx, h->value_at(paths, i));
        if (params_signal(h, ctx, h->get(item, "parameters"))) return true;
        for (size_t m = 0; http_methods[m]; m++) {
            const adr_node *op = h->get(item, http_methods[m]);
            if (op && operation_signal(h, ctx, op)) return true;
        }
    }
    const adr_node *comp = h->get(root, "components");
    const adr_node *params = h->get(comp, "parameters");
    for (size_t i = 0; i < h->count(params); i++)
        if (param_signal(h, ctx, h->value_at(params, i))) return true;
    const adr_node *responses = h->get(comp, "responses");
    for (size_t i = 0; i < h->count(responses); i++)
        if (response_signal(h, ctx, h->value_at(responses, i))) return true;
    const adr_node *bodies = h->get(comp, "requestBodies");
    for (size_t i = 0; i < h->count(bodies); i++)
        if (content_signal(h, h->get(h->deref(ctx, h->value_at(bodies, i)), "content")))
            return true;
    const adr_node *headers = h->get(comp, "headers");
    for (size_t i = 0; i < h->count(headers); i++) {
        size_t n;
        const char *name = h->text(h->key_at(headers, i), &n);
        if (name && adr_r_list_find(geo_header_params, name, n) >= 0) return true;
    }
    const adr_node *schemas = h->get(comp, "schemas");
    for (size_t i = 0; i < h->count(schemas); i++)
        if (schema_signal(h, ctx, h->value_at(schemas, i))) return true;
    return false;
}

bool geo_api(const adr_host *h, adr_ctx *ctx)
{
    geo_state *st = run_state(h, ctx);
    if (!st) return false;
    if (!st->detected) st->detected = detect(h, ctx) ? 1 : -1;
    return st->detected > 0;
}
