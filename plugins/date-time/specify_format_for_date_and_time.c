/* nlgov:specify-format-for-date-and-time - /core/date-time/format: a field
 * that represents a date sets a date format. */
#include "date_fields.h"

/* Formats that settle what a date field is; date-time and date-time-local
 * on a date field are the findings of nlgov:use-date-instead-of-datetime
 * and nlgov:date-time-ensure-timezone. */
static const char *const date_formats[] = {"date", "date-time", "date-time-local"};

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    adr_r_parts parts;
    const adr_node *schema = adr_dt_date_field(h, ctx, v, &parts);
    if (!schema) return;
    for (size_t i = 0; i < parts.n; i++)
        for (size_t f = 0; f < sizeof date_formats / sizeof date_formats[0]; f++)
            if (adr_r_text_eq(h, h->get(parts.part[i], "format"), date_formats[f])) return;
    h->report(ctx, schema, "Any date field must set 'format' to 'date'");
}

const adr_rule adr_rule_specify_format_for_date_and_time = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:specify-format-for-date-and-time",
    .rule_id = "/core/date-time/format",
    .title = "Date fields set format date",
    .rationale =
        "A field that represents a date must be a string with format date. Which fields "
        "represent a date is read from their names (plugins/date-time/date_names.c lists the "
        "words): any word ending in \"datum\" (geboortedatum, geboorteDatum, datumIngang), "
        "English \"date\" as the last word or before \"of\" (birthDate, expiration_date, "
        "dateOfBirth), a few one-word English compounds (birthdate, duedate), but not when a "
        "time word follows (aanmaakDatumTijd, dateTime), nor a word about the date "
        "(datumFormaat, dateType), nor for geodetic datums (verticalDatum). The Spectral "
        "ruleset matches the unanchored /((\\w+D)|(_[dD]))((ate)|(atum))/, which forces "
        "aanmaakDatumTijd to format date and misses geboortedatum and datumIngang. adrlint "
        "judges properties and parameters, sees the format through $ref, allOf, anyOf and "
        "oneOf and follows array items; it skips objects and booleans (a structured partial "
        "date such as BRP's AbstractDatum keeps its date in a property of its own; a boolean "
        "datum says something about a date), and a format other than date, date-time and "
        "date-time-local (int32, a custom pattern name) does not count as setting the format.",
    .doc_url = ADR_DON_URL "date-time/format",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_DT_FIELD_KINDS,
    .check = check,
};
