/* nlgov:property-casing - the property names of schemas are lower
 * camelCase; HAL's reserved names and link relation names are exempt. */
#include "../common/objects.h"

static const char *const patterns[] = {
    /* Lower camelCase as the ADR defines it for query keys: a lower case
     * letter, then letters and digits (the ADR's ^[a-z][a-z\d]*([A-Z][a-z\d]*)*$
     * without its "$" prefix, which denotes OData system query options). */
    "^[a-z][a-zA-Z0-9]*$",
    /* A JSON-LD compact IRI (dcat:contactPoint, vcard:fn): a vocabulary
     * prefix, then the term, which must be lower camelCase itself. */
    "^[A-Za-z][A-Za-z0-9._-]*:[a-z][a-zA-Z0-9]*$", NULL};

/* JSON-LD 1.1 keywords, which JSON-LD documents use as member names. */
static const char *const jsonld_keywords[] = {
    "@base",   "@container", "@context", "@direction", "@graph",     "@id",
    "@import", "@included",  "@index",   "@json",      "@language",  "@list",
    "@nest",   "@none",      "@prefix",  "@propagate", "@protected", "@reverse",
    "@set",    "@type",      "@value",   "@version",   "@vocab"};

/* A HAL Link Object, or an array of them: a schema with an href property,
 * possibly through items or allOf/anyOf/oneOf. The names such schemas sit
 * under are link relation types (RFC 8288: "self", "edit-form", CURIEs),
 * not data members. */
static bool link_schema(const adr_host *h, adr_ctx *ctx, const adr_node *s, int depth)
{
    s = h->deref(ctx, s);
    if (!s || depth > 4) return false;
    if (h->get(h->get(s, "properties"), "href")) return true;
    if (h->type(h->get(s, "items")) == ADR_NODE_MAP &&
        link_schema(h, ctx, h->get(s, "items"), depth + 1))
        return true;
    static const char *const lists[] = {"allOf", "anyOf", "oneOf"};
    for (size_t l = 0; l < 3; l++) {
        const adr_node *list = h->get(s, lists[l]);
        for (size_t i = 0; i < h->count(list); i++)
            if (link_schema(h, ctx, h->item(list, i), depth + 1)) return true;
    }
    return false;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!v->field || strcmp(v->field, "properties") != 0) return;
    size_t len;
    const char *name = h->text(v->key, &len);
    if (!name || h->match(ctx, 0, name, len) == 1 || h->match(ctx, 1, name, len) == 1) return;
    /* HAL's reserved members (application/hal+json). */
    if (adr_r_text_eq(h, v->key, "_links") || adr_r_text_eq(h, v->key, "_embedded")) return;
    for (size_t i = 0; i < sizeof jsonld_keywords / sizeof jsonld_keywords[0]; i++)
        if (adr_r_text_eq(h, v->key, jsonld_keywords[i])) return;
    if (link_schema(h, ctx, v->node, 0)) return;
    h->report(ctx, adr_r_written(v), "Properties must be lowerCamelCase.");
}

const adr_rule adr_rule_property_casing = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:property-casing",
    .aliases = "property-casing",
    .title = "Property names are lowerCamelCase",
    .rationale =
        "A naming convention of the official linters (no ADR rule of its own): the property "
        "names of every schema - components, request and response bodies, parameters, nested "
        "objects - are lower camelCase, a lower case letter followed by letters and digits, "
        "the definition the ADR gives for query keys. HAL's _links and _embedded are exempt, "
        "and so are names whose schema is a HAL Link Object (it has an href property, "
        "directly, as array items or through allOf/anyOf/oneOf), since those are link "
        "relation types such as edit-form. JSON-LD keywords (@context, @type) and compact "
        "IRIs whose term is lower camelCase (dcat:contactPoint) are exempt too: vocabularies "
        "such as DCAT define those names. The DON and Logius versions select "
        "$.*.schemas[*].properties[?(@property.match(/_links/i))] and check the keys of the "
        "_links schema (description, type, allOf), so they never report anything; their 2024 "
        "predecessor checked the top-level properties of components.schemas only, with "
        "Spectral's stricter camel case that rejects consecutive capitals (postcodeNL).",
    .doc_url = ADR_STANDARD_URL,
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SCHEMA),
    .patterns = patterns,
    .check = check,
};
