/* nlgov:date-time-ensure-timezone - /core/date-time/format: a datetime
 * carries a timezone offset, so format date-time-local is wrong. */
#include "date_fields.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *format = adr_dt_format(h, v);
    if (adr_r_text_eq(h, format, "date-time-local"))
        h->report(ctx, format, "Use date-time format which includes a timezone");
}

const adr_rule adr_rule_date_time_ensure_timezone = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:date-time-ensure-timezone",
    .rule_id = "/core/date-time/format",
    .title = "Use date-time, with a timezone, for datetimes",
    .rationale =
        "Datetime fields must use format date-time (RFC 3339 with an offset, UTC in responses) "
        "so that no client has to guess the timezone; date-time-local leaves it out. adrlint "
        "checks every schema, where the Spectral ruleset only checks schemas directly under "
        "properties: parameters, headers, array items and schemas referenced as a whole are "
        "datetime fields too. Schemas under not, if and propertyNames describe a test rather "
        "than a field and are skipped.",
    .doc_url = ADR_DON_URL "date-time/format",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SCHEMA),
    .check = check,
};
