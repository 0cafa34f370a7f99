/* Spectral's "text" formatter: one line per finding,
 * source:line:column severity code "message", 1-based, the column in
 * UTF-16 code units. Editors and grep-based tools parse this shape. */
#include "report.h"

ADR_FORMATTER(text)
{
    (void)opts;
    for (size_t r = 0; r < count; r++) {
        for (size_t i = 0; i < adr_result_count(results[r]); i++) {
            const adr_diagnostic *d = adr_result_get(results[r], i);
            adr_buf_printf(out, "%s:%u:%u %s %s \"%s\"\n", d->source, d->range.start.line + 1,
                           d->range.start.column_utf16 + 1, adr_report_severity_word(d->severity),
                           d->code, d->message);
        }
    }
    return 0;
}
