/* path-keys-no-trailing-slash - /core/no-trailing-slash: keys of paths do
 * not end with a slash (Spectral's built-in, as the 2.2 linter uses it). */
#include "../common/objects.h"
#include "trailing_slash.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    if (!v->field || strcmp(v->field, "paths") != 0) return;
    if (h->adr_version(ctx) < ADR_SLASH_BUILTIN_FROM) return;
    if (adr_slash_forbidden(h, ctx, v->key))
        h->report(ctx, adr_r_written(v), "Path must not end with slash.");
}

const adr_rule adr_rule_path_keys_no_trailing_slash = {
    .struct_size = sizeof(adr_rule),
    .code = "path-keys-no-trailing-slash",
    .rule_id = "/core/no-trailing-slash",
    .title = "Path must not end with slash",
    .rationale =
        "Spectral's built-in rule, which the Logius 2.2 linter enables as the working check "
        "of /core/no-trailing-slash (its own nlgov:paths-no-trailing-slash never fires): a key "
        "of paths other than the root \"/\" must not end with a slash. adrlint reports keys of "
        "paths under this code in ADR 2.2 and later profiles only; in 2.0 and 2.1 "
        "nlgov:paths-no-trailing-slash reports them (as an error, and the root \"/\" too, "
        "since those texts do not exempt it), so that one slash is never reported twice, not "
        "even with the future modifier. Callback keys are nlgov:paths-no-trailing-slash's "
        "in every profile.",
    .doc_url = ADR_DON_URL "no-trailing-slash",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PATH_ITEM),
    .check = check,
};
