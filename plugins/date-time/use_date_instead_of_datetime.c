/* nlgov:use-date-instead-of-datetime - /core/date-time/date-omit-time-portion:
 * a field that represents a date does not use format date-time. */
#include "date_fields.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    adr_r_parts parts;
    if (!adr_dt_date_field(h, ctx, v, &parts)) return;
    /* Reported at the format where it is written, once however many date
     * fields reference it (Spectral reports the $ref target too). */
    for (size_t i = 0; i < parts.n; i++) {
        const adr_node *format = h->get(parts.part[i], "format");
        if (adr_r_text_eq(h, format, "date-time"))
            h->report(ctx, format,
                      "Field represents a date and therefore must set 'format' to 'date'");
    }
}

const adr_rule adr_rule_use_date_instead_of_datetime = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:use-date-instead-of-datetime",
    .rule_id = "/core/date-time/date-omit-time-portion",
    .title = "Omit the time portion of date fields",
    .rationale =
        "A date sent as a date-time (2025-07-24T00:00:00Z) is read as another day in other "
        "timezones, so a field that represents a date must use format date. Date fields are "
        "recognised by name as for nlgov:specify-format-for-date-and-time (anchored words, so "
        "aanmaakDatumTijd is a datetime and geboortedatum a date), in properties and "
        "parameters, through $ref, allOf, anyOf, oneOf and array items. Where the Spectral "
        "ruleset's ..format also reaches formats of nested properties of an object named like "
        "a date, adrlint judges only the format of the field's own value.",
    .doc_url = ADR_DON_URL "date-time/date-omit-time-portion",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_DT_FIELD_KINDS,
    .check = check,
};
