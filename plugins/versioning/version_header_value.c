/* nlgov:version-header-value - /core/version-header: the values documented
 * for the API-Version response header (examples, default, enum, const) are
 * the version in info.version. */
#include "../common/rules.h"

static const char *const patterns[] = {
    /* The regular expression semver.org recommends, as in nlgov:semver. */
    "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
    "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*"
    "))*))?"
    "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$",
    NULL};

typedef struct want {
    const char *version; /* info.version, or NULL when it is no semantic version */
    size_t len;
} want;

static void check_value(const adr_host *h, adr_ctx *ctx, const want *w, const adr_node *value)
{
    size_t len;
    const char *text = h->text(value, &len);
    if (!text) return;
    if (w->version) {
        if (len != w->len || memcmp(text, w->version, len) != 0)
            h->report(ctx, value, "API-Version value %.*s differs from info.version %.*s.",
                      (int)len, text, (int)w->len, w->version);
    } else if (h->match(ctx, 0, text, len) == 0) {
        h->report(ctx, value, "API-Version value %.*s is not in semver format.", (int)len, text);
    }
}

/* An enum or const must admit the version; an enum that does is fine even
 * when it lists older versions too. */
static void check_enum(const adr_host *h, adr_ctx *ctx, const want *w, const adr_node *list)
{
    if (!w->version || h->type(list) != ADR_NODE_SEQ) return;
    for (size_t i = 0; i < h->count(list); i++) {
        size_t len;
        const char *text = h->text(h->item(list, i), &len);
        if (text && len == w->len && memcmp(text, w->version, len) == 0) return;
    }
    h->report(ctx, list, "API-Version enum does not allow info.version %.*s.", (int)w->len,
              w->version);
}

static void check_examples(const adr_host *h, adr_ctx *ctx, const want *w, const adr_node *owner)
{
    check_value(h, ctx, w, h->get(owner, "example"));
    const adr_node *examples = h->get(owner, "examples");
    for (size_t i = 0; h->type(examples) == ADR_NODE_MAP && i < h->count(examples); i++)
        check_value(h, ctx, w, h->get(h->deref(ctx, h->value_at(examples, i)), "value"));
}

static void check_schema(const adr_host *h, adr_ctx *ctx, const want *w, const adr_node *schema)
{
    schema = h->deref(ctx, schema);
    if (h->type(schema) != ADR_NODE_MAP) return;
    check_value(h, ctx, w, h->get(schema, "example"));
    check_value(h, ctx, w, h->get(schema, "default"));
    check_value(h, ctx, w, h->get(schema, "const"));
    const adr_node *examples = h->get(schema, "examples"); /* JSON Schema: a list */
    for (size_t i = 0; h->type(examples) == ADR_NODE_SEQ && i < h->count(examples); i++)
        check_value(h, ctx, w, h->item(examples, i));
    check_enum(h, ctx, w, h->get(schema, "enum"));
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    /* Response headers only: encoding headers (under a media type) belong
     * to multipart parts, and callback responses come from the API's
     * clients. */
    if (!v->field || strcmp(v->field, "headers") != 0 ||
        !adr_r_text_eq_ci(h, v->key, "API-Version"))
        return;
    if (!h->enclosing(ctx, ADR_KIND_RESPONSE) || h->enclosing(ctx, ADR_KIND_MEDIA_TYPE) ||
        adr_r_in_callback(h, ctx))
        return;
    want w = {0};
    const adr_node *version = h->get(h->get(h->root(ctx), "info"), "version");
    /* An info.version that is no semantic version is nlgov:semver's finding;
     * the header's values are then only held to the format. YAML may spell
     * a version as a number. */
    w.version = h->text(version, &w.len);
    if (w.version && h->match(ctx, 0, w.version, w.len) == 0) w.version = NULL;
    check_examples(h, ctx, &w, v->node);
    check_schema(h, ctx, &w, h->get(v->node, "schema"));
    const adr_node *content = h->get(v->node, "content");
    for (size_t i = 0; h->type(content) == ADR_NODE_MAP && i < h->count(content); i++) {
        const adr_node *media = h->value_at(content, i);
        check_examples(h, ctx, &w, media);
        check_schema(h, ctx, &w, h->get(media, "schema"));
    }
}

const adr_rule adr_rule_version_header_value = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:version-header-value",
    .rule_id = "/core/version-header",
    .title = "Documented API-Version values are the version of info.version",
    .rationale =
        "The API-Version header returns the full version of the API, and the ADR 2.1 and 2.2 "
        "test compares it with info.version (ADR 2.0: it must be a semantic version). No peer "
        "checks what the description documents for it, though an example, default, const or "
        "enum that disagrees with info.version (a stale \"1.0.0\", a prefixed \"v1.2.3\") "
        "misleads every reader and every generated mock. adrlint compares each value written "
        "for the header (example and examples of the header, its content and its schema, "
        "default, const, and enum as a whole) with info.version, or, when info.version is "
        "missing or itself no semantic version (nlgov:semver reports that), with the semantic "
        "version format. A warning, because documented values illustrate the header and do not "
        "prove what the server returns. A schema pattern is not compared: that would need the "
        "document's regular expression compiled at run time.",
    .doc_url = ADR_DON_URL "version-header",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_HEADER),
    .patterns = patterns,
    .check = check,
};
