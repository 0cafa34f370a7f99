/* nlgov:semver - /core/semver: info.version follows Semantic Versioning. */
#include "../common/rules.h"

static const char *const patterns[] = {
    /* The regular expression semver.org recommends. */
    "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
    "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*"
    "))*))?"
    "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$",
    NULL};

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *version = h->get(h->get(v->node, "info"), "version");
    size_t len;
    const char *text = h->text(version, &len);
    /* A missing version is oas3-schema's finding, not this rule's. */
    if (!text) return;
    if (h->match(ctx, 0, text, len) == 0)
        h->report(ctx, version, "Version %.*s is not in semver format.", (int)len, text);
}

const adr_rule adr_rule_semver = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:semver",
    .aliases = "semver",
    .rule_id = "/core/semver",
    .title = "Adhere to Semantic Versioning",
    .rationale =
        "info.version must be a Semantic Versioning 2.0.0 version, MAJOR.MINOR.PATCH with an "
        "optional pre-release (-rc.1) and build (+build.5) part, so that clients can tell "
        "breaking changes from compatible ones. \"1.2\" and \"v1\" are not versions in this sense.",
    .doc_url = ADR_DON_URL "semver",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = 0,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .patterns = patterns,
    .check = check,
};
