/* A plugin a team might keep beside its configuration: one rule that wants
 * a contact e-mail address. The CLI tests load it through a configuration's
 * "plugins" key to show when such code runs and when it is refused. */
#include "../../plugins/common/rules.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *info = h->get(v->node, "info");
    if (!h->get(h->get(info, "contact"), "email"))
        h->report(ctx, info, "Give a contact e-mail address.");
}

static const adr_rule rule_contact_email = {
    .struct_size = sizeof(adr_rule),
    .code = "team:contact-email",
    .title = "A contact e-mail address",
    .rationale = "The team answers questions by e-mail.",
    .default_severity = ADR_SEVERITY_ERROR,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};

ADR_DEFINE_PLUGIN("team", "A team's own rule (test plugin)", &rule_contact_email)
