/* nlgov:paths-kebab-case - /core/path-segments-kebab-case: every segment of
 * a resource path is kebab-case (lower case letters and digits, words joined
 * by single hyphens), or a {template}; the last may start with "_". */
#include "../common/objects.h"

/* One segment, without a leading "_": kebab-case words where each
 * {expression} counts as one lowercase letter, so "rapport-{jaar}" and
 * "{id}" pass while "{id}.json", "-{id}" and "a--b" do not. */
static bool kebab_segment(const char *s, size_t n)
{
    if (n == 0) return false;
    char prev = '-'; /* a leading hyphen fails like a double one */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '{') {
            size_t j = i + 1;
            while (j < n && s[j] != '}' && s[j] != '{')
                j++;
            if (j >= n || s[j] != '}' || j == i + 1) return false;
            i = j;
            prev = 'x';
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            prev = c;
        } else if (c == '-' && prev != '-') {
            prev = c;
        } else {
            return false;
        }
    }
    return prev != '-';
}

static bool kebab_path(const char *p, size_t n)
{
    if (n == 0 || p[0] != '/') return false;
    if (n == 1) return true; /* the root resource */
    if ((n == 13 && memcmp(p, "/openapi.json", 13) == 0) ||
        (n == 13 && memcmp(p, "/openapi.yaml", 13) == 0))
        return true;
    /* A trailing slash is the trailing-slash rules' finding, not this one's. */
    if (p[n - 1] == '/') n--;
    size_t i = 1;
    for (;;) {
        size_t s = i;
        while (i < n && p[i] != '/')
            i++;
        bool last = i >= n;
        /* Operations on a resource (/_zoek) start with "_", last only. */
        if (last && i > s && p[s] == '_') s++;
        if (!kebab_segment(p + s, i - s)) return false;
        if (last) return true;
        i++;
    }
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!v->field || strcmp(v->field, "paths") != 0) return;
    size_t len;
    const char *path = h->text(v->key, &len);
    if (path && !kebab_path(path, len))
        h->report(ctx, adr_r_written(v), "%.*s is not kebab-case.", (int)len, path);
}

const adr_rule adr_rule_paths_kebab_case = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:paths-kebab-case",
    .aliases = "paths-kebab-case",
    .rule_id = "/core/path-segments-kebab-case",
    .title = "Use kebab-case in path segments",
    .rationale =
        "Each segment of a path key contains only lower case letters, digits and hyphens, "
        "with hyphens only between words; a segment may be a {template} or mix templates with "
        "words (rapport-{jaar}); the last segment may start with \"_\" for an operation "
        "(/organisaties/_zoek). The root \"/\" passes, and exactly /openapi.json and "
        "/openapi.yaml are exempt; a trailing slash is left to the trailing-slash rules. The "
        "official pattern has loopholes that adrlint closes: it allows \".\" in every segment "
        "but the first (file extensions such as /schema.txt, which the rule text forbids), "
        "leading, trailing and double hyphens, only [a-z] after a nested \"_\", and its "
        "exemption filter /\\/openapi\\.(json)|(yaml)/ exempts any path containing \"yaml\" "
        "or \"/openapi.json\" anywhere. An ADR 2.2 rule; the 2.0 and 2.1 profiles report it as "
        "a warning, as the DON and Logius linters of those versions did.",
    .doc_url = ADR_DON_URL "path-segments-kebab-case",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PATH_ITEM),
    .check = check,
};
