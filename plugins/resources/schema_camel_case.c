/* nlgov:schema-camel-case - the names of components.schemas are
 * UpperCamelCase. */
#include "../common/objects.h"

static const char *const patterns[] = {
    /* Spectral's casing function, type pascal, digits allowed: a capital
     * starts each word, and a capital is followed by a lower case letter or
     * digit unless it ends the name (so "AdresIO" and "GeoJSONGeometry" fail
     * and "ZaakV2" passes). The separator "" the official rule sets adds
     * nothing: Spectral turns it into the empty class [], which never matches. */
    "^[A-Z][a-z0-9]*(?:[A-Z0-9](?:[a-z0-9]+|$))*$", NULL};

/* Characters Spectral's {{path}} leaves as they are: encodeURIComponent's
 * unreserved set plus "/" (a JSON pointer separator, escaped before) and
 * the en dash its character class lists by mistake for a range hyphen. */
static bool plain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           strchr("-_.!~*'()/", c) != NULL;
}

/* Writes name as Spectral prints a JSON pointer segment in {{path}}:
 * ~ and / escaped as ~0 and ~1 (after decoding any that are already
 * there), the rest percent-encoded like encodeURIComponent. */
static void pointer_segment(char *out, const char *name, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        char esc[4] = {0};
        size_t el = 0;
        if (c == '~' && i + 1 < n && (name[i + 1] == '0' || name[i + 1] == '1')) {
            esc[0] = '~', esc[1] = name[++i], el = 2;
        } else if (c == '~') {
            esc[0] = '~', esc[1] = '0', el = 2;
        } else if (c == '/') {
            esc[0] = '~', esc[1] = '1', el = 2;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)name[i + 1] == 0x80 &&
                   (unsigned char)name[i + 2] == 0x93) {
            esc[0] = (char)0xE2, esc[1] = (char)0x80, esc[2] = (char)0x93, el = 3;
            i += 2;
        } else if (c != 0 && plain(c)) {
            esc[0] = (char)c, el = 1;
        } else {
            esc[0] = '%', esc[1] = hex[c >> 4], esc[2] = hex[c & 15], el = 3;
        }
        memcpy(out + w, esc, el);
        w += el;
    }
    out[w] = 0;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    /* The walk gives the field "schemas" to the entries of
     * components.schemas only. */
    if (!v->field || strcmp(v->field, "schemas") != 0) return;
    size_t len;
    const char *name = h->text(v->key, &len);
    if (!name || h->match(ctx, 0, name, len) == 1) return;
    /* Every byte takes at most three characters (%XX). */
    char *seg = h->alloc(ctx, 3 * len + 1);
    if (!seg) return;
    pointer_segment(seg, name, len);
    h->report(ctx, adr_r_written(v),
              "Schema name should be UpperCamelCase in #/components/schemas/%s", seg);
}

const adr_rule adr_rule_schema_camel_case = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:schema-camel-case",
    .aliases = "schema-camel-case",
    .title = "Schema names are UpperCamelCase",
    .rationale =
        "A naming convention of the official linters (no ADR rule of its own): the names of "
        "components.schemas are UpperCamelCase as Spectral's casing function defines it, so "
        "a capital must be followed by a lower case letter or a digit unless it ends the name: "
        "AdresIO, GeoJSONGeometry and Base_Rol fail. adrlint gives the same answers and the "
        "same message, {{path}} rendered as Spectral does (#/components/schemas/<name>, "
        "escaped as a URI fragment).",
    .doc_url = ADR_STANDARD_URL,
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SCHEMA),
    .patterns = patterns,
    .check = check,
};
