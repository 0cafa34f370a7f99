/* GitHub Actions workflow commands: each finding becomes an annotation on
 * the pull request's diff.
 *
 *   ::error file=api/openapi.yaml,line=6,endLine=6,col=12,endColumn=17,title=nlgov:semver::...
 *
 * Positions are 1-based (endColumn is the column after the last character,
 * as Spectral writes it); the file is relative to the working directory,
 * where the runner resolves it. info and hint are "notice". Values are
 * escaped as @actions/core escapes them, so a message with a newline, or a
 * file name with a comma, cannot end the command early. */
#include "report.h"

#include <string.h>

static const char *command(adr_severity s)
{
    switch (s) {
    case ADR_SEVERITY_ERROR: return "error";
    case ADR_SEVERITY_WARN: return "warning";
    default: return "notice";
    }
}

static void escape(adr_buf *out, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%': adr_buf_puts(out, "%25"); break;
        case '\r': adr_buf_puts(out, "%0D"); break;
        case '\n': adr_buf_puts(out, "%0A"); break;
        case ':':
            if (property)
                adr_buf_puts(out, "%3A");
            else
                adr_buf_putc(out, ':');
            break;
        case ',':
            if (property)
                adr_buf_puts(out, "%2C");
            else
                adr_buf_putc(out, ',');
            break;
        default: adr_buf_putc(out, *s);
        }
    }
}

ADR_FORMATTER(github)
{
    for (size_t r = 0; r < count; r++) {
        for (size_t i = 0; i < adr_result_count(results[r]); i++) {
            const adr_diagnostic *d = adr_result_get(results[r], i);
            char *file = adr_report_relpath(d->source, opts->base_dir);
            if (!file) return ADR_ENOMEM;
            adr_buf_printf(out, "::%s file=", command(d->severity));
            escape(out, file, true);
            adr_xfree(file);
            adr_buf_printf(out, ",line=%u,endLine=%u,col=%u,endColumn=%u,title=",
                           d->range.start.line + 1, d->range.end.line + 1,
                           d->range.start.column_utf16 + 1, d->range.end.column_utf16 + 1);
            escape(out, d->code, true);
            adr_buf_puts(out, "::");
            escape(out, d->message, false);
            adr_buf_putc(out, '\n');
        }
    }
    return 0;
}
