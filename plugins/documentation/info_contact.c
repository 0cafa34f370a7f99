/* info-contact - /core/doc-openapi-contact: info has a contact object. */
#include "../common/rules.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *info = h->get(v->node, "info");
    const adr_node *contact = h->get(info, "contact");
    adr_node_type t = h->type(contact);
    if (t == ADR_NODE_MAP) return;
    /* Like Spectral's truthy: a missing contact is reported at its nearest
     * existing parent (info, or the document when info is missing too); a
     * contact that is there but no object at the value itself. */
    const adr_node *at = contact && t != ADR_NODE_NULL ? contact : info;
    h->report(ctx, at, "Info object must have \"contact\" object.");
}

const adr_rule adr_rule_info_contact = {
    .struct_size = sizeof(adr_rule),
    .code = "info-contact",
    .rule_id = "/core/doc-openapi-contact",
    .title = "Info object must have a contact object",
    .rationale =
        "Publicly available APIs document how to reach their owners in info.contact (ADR 2.1 "
        "and later; the text says SHOULD, the official linters report an error). The code and "
        "message are Spectral's built-in info-contact, which the Logius 2.2 linter redefines "
        "with its own documentation link. adrlint also reports a contact that is not an "
        "object (a string, a list), which Spectral's truthy check lets pass.",
    .doc_url = ADR_DON_URL "doc-openapi-contact",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
