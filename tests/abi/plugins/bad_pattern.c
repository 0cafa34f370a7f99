/* A plugin with a rule whose regular expression does not compile. */
#include "adrlint/plugin.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    (void)h, (void)ctx, (void)v;
}

static const char *const patterns[] = {"^(unclosed", NULL};
static const adr_rule rule = {
    .struct_size = sizeof(adr_rule),
    .code = "test:bad-pattern",
    .title = "A rule with a broken pattern",
    .default_severity = ADR_SEVERITY_ERROR,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .patterns = patterns,
    .check = check,
};
static const adr_rule *const rules[] = {&rule};
static const adr_plugin plugin = {sizeof(adr_plugin),
                                  ADR_PLUGIN_ABI_MAJOR,
                                  ADR_PLUGIN_ABI_MINOR,
                                  "test-pattern",
                                  "1",
                                  "test",
                                  1,
                                  rules};

const adr_plugin *adr_plugin_v1(const adr_host *host)
{
    (void)host;
    return &plugin;
}
