/* nlgov:time-without-timezone - /core/date-time/format: a time of day uses
 * format time-local (ISO 8601 partial-time), not time. */
#include "date_fields.h"

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *format = adr_dt_format(h, v);
    if (adr_r_text_eq(h, format, "time"))
        h->report(ctx, format, "Use time-local format without a timezone");
}

const adr_rule adr_rule_time_without_timezone = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:time-without-timezone",
    .rule_id = "/core/date-time/format",
    .title = "Use time-local for times",
    .rationale =
        "ADR 2.2's table of formats maps a time field to ISO 8601 partial-time, OpenAPI format "
        "time-local; format time (RFC 3339 full-time) adds an offset, which a time of day "
        "without a date cannot meaningfully carry. adrlint checks every schema, where the "
        "Spectral ruleset only checks schemas directly under properties: parameters, headers, "
        "array items and schemas referenced as a whole are time fields too. Schemas under not, "
        "if and propertyNames are skipped.",
    .doc_url = ADR_DON_URL "date-time/format",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_SCHEMA),
    .check = check,
};
