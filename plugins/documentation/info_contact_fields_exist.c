/* nlgov:info-contact-fields-exist - /core/doc-openapi-contact: the contact
 * object names a person or team, a URL and an email address. */
#include "../common/rules.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *contact = h->get(v->node, "contact");
    /* A missing or malformed contact is info-contact's finding. */
    if (h->type(contact) != ADR_NODE_MAP) return;
    if (!h->get(contact, "email") || !h->get(contact, "name") || !h->get(contact, "url"))
        h->report(ctx, contact,
                  "Missing fields in `info.contact` field. Must specify email, name and url.");
}

const adr_rule adr_rule_info_contact_fields_exist = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:info-contact-fields-exist",
    .aliases = "info-contact-fields-exist",
    .rule_id = "/core/doc-openapi-contact",
    .title = "The contact object has email, name and url",
    .rationale =
        "info.contact must give a name, a url and an email address, one finding per contact "
        "however many are missing, as the official linters report it. This is stricter than "
        "the ADR text, which only requires the contact object and mentions an email address "
        "and an issue tracker as examples (Logius issue #188); adrlint keeps the official "
        "linters' requirement and severity so that scores agree.",
    .doc_url = ADR_DON_URL "doc-openapi-contact",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_INFO),
    .check = check,
};
