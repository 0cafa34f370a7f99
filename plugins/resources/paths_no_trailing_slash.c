/* nlgov:paths-no-trailing-slash - /core/no-trailing-slash: resource paths
 * (paths and callback keys) do not end with a slash. */
#include "../common/objects.h"
#include "trailing_slash.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!v->field) return;
    /* Callback keys are URLs the API calls; webhooks and components.pathItems
     * keys are names, not paths. */
    bool mine = strcmp(v->field, "callbacks") == 0 ||
                (strcmp(v->field, "paths") == 0 && h->adr_version(ctx) < ADR_SLASH_BUILTIN_FROM);
    if (mine && adr_slash_forbidden(h, ctx, v->key))
        h->report(ctx, adr_r_written(v), "Leave off trailing slashes from URIs.");
}

const adr_rule adr_rule_paths_no_trailing_slash = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:paths-no-trailing-slash",
    .aliases = "paths-no-trailing-slash",
    .rule_id = "/core/no-trailing-slash",
    .title = "Leave off trailing slashes from URIs",
    .rationale =
        "A resource path must not end with a slash. The Logius 2.1.0 and 2.2 versions of this "
        "rule never fire: their pattern .+ \\/$ contains a literal space, so 2.1 only warned "
        "through Spectral's path-keys-no-trailing-slash and 2.2 reports it under that code. "
        "adrlint checks the keys of paths under this code in the 2.0 and 2.1 profiles, where "
        "the rule is an error and the root \"/\" is reported too (the 2.0 and 2.1 texts have "
        "no exemption; the DON 2.0 linter and the ADR-Validator reported it as well), and "
        "leaves them to path-keys-no-trailing-slash from 2.2 on, whose text exempts the root "
        "resource. In every profile it also checks callback keys, which no peer looks at.",
    .doc_url = ADR_DON_URL "no-trailing-slash",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PATH_ITEM),
    .check = check,
};
