/* Two rules using the plugin ABI 1.2 cooperation functions: a state shared
 * by the plugin's rules, another rule's severity, and an ECMA-262 pattern
 * taken from the document. */
#include "adrlint/plugin.h"

typedef struct shared {
    int visits;
} shared;

static void first(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    shared *s = h->plugin_state(ctx, sizeof *s);
    s->visits++;
    (void)v;
}

static void second(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    shared *s = h->plugin_state(ctx, sizeof *s);
    s->visits++;
    size_t plen, len;
    const char *pat = h->text(h->get(h->get(v->node, "x-test"), "pattern"), &plen);
    const char *val = h->text(h->get(h->get(v->node, "x-test"), "value"), &len);
    h->report(ctx, v->node, "shared visits %d, semver %s, off-rule %s, pattern %d", s->visits,
              adr_severity_name(h->rule_severity(ctx, "semver")),
              adr_severity_name(h->rule_severity(ctx, "test:no-such-rule")),
              pat && val ? h->match_ecma(ctx, pat, plen, val, len) : -2);
}

static const adr_rule rule_first = {
    .struct_size = sizeof(adr_rule),
    .code = "test:coop-first",
    .title = "First cooperating rule",
    .default_severity = ADR_SEVERITY_INFO,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = first,
};
static const adr_rule rule_second = {
    .struct_size = sizeof(adr_rule),
    .code = "test:coop-second",
    .title = "Second cooperating rule",
    .default_severity = ADR_SEVERITY_INFO,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = second,
};
static const adr_rule *const rules[] = {&rule_first, &rule_second};
static const adr_plugin plugin = {sizeof(adr_plugin),
                                  ADR_PLUGIN_ABI_MAJOR,
                                  ADR_PLUGIN_ABI_MINOR,
                                  "test-coop",
                                  "1",
                                  "test",
                                  2,
                                  rules};

const adr_plugin *adr_plugin_v1(const adr_host *host)
{
    return ADR_HOST_HAS(host, match_ecma) ? &plugin : NULL;
}
