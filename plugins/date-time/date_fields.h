/* What the date-time rules share: which fields represent a date (a name
 * heuristic, date_names.c) and the schema that holds a field's values
 * (date_fields.c). Internal to the date-time plugin. */
#ifndef ADR_DATE_FIELDS_H
#define ADR_DATE_FIELDS_H

#include "../common/rules.h"

/* True when a field name (n bytes, any casing convention) names a calendar
 * date: geboortedatum, birthDate, expiration_date, datumIngang; false for
 * date-times (aanmaakDatumTijd, dateTime), things about a date (datumFormaat)
 * and geodetic datums (verticalDatum). */
bool adr_dt_is_date_name(const char *s, size_t n);

/* When the visit is a property (under properties) or a parameter whose name
 * names a date, the schema that describes its values, array items followed,
 * with its parts in *parts; NULL otherwise, and for structured values
 * (objects, booleans), which are not date strings whatever their name. */
const adr_node *adr_dt_date_field(const adr_host *h, adr_ctx *ctx, const adr_visit *v,
                                  adr_r_parts *parts);

/* Kinds the rules that judge date fields visit. */
#define ADR_DT_FIELD_KINDS (ADR_KIND_BIT(ADR_KIND_SCHEMA) | ADR_KIND_BIT(ADR_KIND_PARAMETER))

/* The format of a schema visit worth judging, or NULL: schemas under not,
 * if and propertyNames describe a test, not a field's values. */
const adr_node *adr_dt_format(const adr_host *h, const adr_visit *v);

#endif
