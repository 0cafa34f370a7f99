/* Rule group "date-time": ADR 2.2 section "Date and time"
 * (/core/date-time/format, /core/date-time/date-omit-time-portion). */
#include "date_fields.h"

extern const adr_rule adr_rule_date_time_ensure_timezone;
extern const adr_rule adr_rule_time_without_timezone;
extern const adr_rule adr_rule_specify_format_for_date_and_time;
extern const adr_rule adr_rule_use_date_instead_of_datetime;

ADR_DEFINE_PLUGIN("date-time",
                  "Date and time: date, date-time and time-local formats, dates without a time "
                  "portion",
                  &adr_rule_date_time_ensure_timezone, &adr_rule_time_without_timezone,
                  &adr_rule_specify_format_for_date_and_time,
                  &adr_rule_use_date_instead_of_datetime)
