/* A Markdown table, Spectral's layout (columns padded to their widest
 * cell), for pull-request comments and job summaries. Each code links to
 * its documentation; text is escaped as Spectral's markdown-escape does,
 * plus '|', which would split a cell. Like Spectral's, it lists the
 * findings at or above the fail severity. Unlike Spectral's, Start and End
 * are 1-based line:column, the numbers an editor shows, as in stylish. */
#include "report.h"

#include <stdio.h>
#include <string.h>

#define NCOLS 7

static const char *severity(adr_severity s)
{
    switch (s) {
    case ADR_SEVERITY_ERROR: return "Error";
    case ADR_SEVERITY_WARN: return "Warning";
    case ADR_SEVERITY_INFO: return "Information";
    default: return "Hint";
    }
}

static char *escaped(const char *s)
{
    adr_buf b;
    adr_buf_init(&b);
    for (; *s; s++) {
        switch (*s) {
        case '<': adr_buf_puts(&b, "&lt;"); break;
        case '>': adr_buf_puts(&b, "&gt;"); break;
        case '\n': adr_buf_puts(&b, "<br>"); break;
        case '\r': break;
        default:
            if (strchr("*#/()[]_`|\\", *s)) adr_buf_putc(&b, '\\');
            adr_buf_putc(&b, *s);
        }
    }
    if (!b.data) adr_buf_puts(&b, "");
    return adr_buf_take(&b);
}

static void row(adr_buf *out, char *const *cells, const size_t *width)
{
    adr_buf_putc(out, '|');
    for (int c = 0; c < NCOLS; c++) {
        size_t w = adr_utf16_len(cells[c], strlen(cells[c]));
        adr_buf_putc(out, ' ');
        adr_buf_puts(out, cells[c]);
        adr_buf_repeat(out, ' ', width[c] > w ? width[c] - w : 0);
        adr_buf_puts(out, " |");
    }
    adr_buf_putc(out, '\n');
}

ADR_FORMATTER(markdown)
{
    static const char *const head[NCOLS] = {"Code",  "Path", "Message", "Severity",
                                            "Start", "End",  "Source"};
    size_t n = 0;
    for (size_t r = 0; r < count; r++)
        for (size_t i = 0; i < adr_result_count(results[r]); i++)
            if (adr_result_get(results[r], i)->severity <= opts->fail_severity) n++;
    char **cells = adr_xcalloc((n + 1) * NCOLS, sizeof *cells);
    if (!cells) return ADR_ENOMEM;
    size_t width[NCOLS];
    for (int c = 0; c < NCOLS; c++) {
        cells[c] = (char *)head[c];
        width[c] = strlen(head[c]) < 3 ? 3 : strlen(head[c]);
    }
    adr_buf tmp;
    adr_buf_init(&tmp);
    size_t k = 1;
    int rc = 0;
    for (size_t r = 0; r < count && !rc; r++) {
        for (size_t i = 0; i < adr_result_count(results[r]) && !rc; i++) {
            const adr_diagnostic *d = adr_result_get(results[r], i);
            if (d->severity > opts->fail_severity) continue;
            char **rowc = &cells[k++ * NCOLS];
            char *code = escaped(d->code);
            adr_buf_reset(&tmp);
            if (d->doc_url[0])
                adr_buf_printf(&tmp, "[%s](%s)", code ? code : "", d->doc_url);
            else
                adr_buf_puts(&tmp, code ? code : "");
            adr_xfree(code);
            rowc[0] = adr_xstrdup(tmp.data ? tmp.data : "");
            adr_buf_reset(&tmp);
            adr_pointer_to_dotpath(&tmp, d->path);
            rowc[1] = escaped(tmp.data ? tmp.data : "");
            rowc[2] = escaped(d->message);
            rowc[3] = adr_xstrdup(severity(d->severity));
            char pos[32];
            snprintf(pos, sizeof pos, "%u:%u", d->range.start.line + 1,
                     d->range.start.column_utf16 + 1);
            rowc[4] = adr_xstrdup(pos);
            snprintf(pos, sizeof pos, "%u:%u", d->range.end.line + 1,
                     d->range.end.column_utf16 + 1);
            rowc[5] = adr_xstrdup(pos);
            rowc[6] = escaped(d->source);
            for (int c = 0; c < NCOLS; c++) {
                if (!rowc[c]) {
                    rc = ADR_ENOMEM;
                    break;
                }
                size_t w = adr_utf16_len(rowc[c], strlen(rowc[c]));
                if (w > width[c]) width[c] = w;
            }
        }
    }
    if (!rc) {
        row(out, cells, width);
        adr_buf_putc(out, '|');
        for (int c = 0; c < NCOLS; c++) {
            adr_buf_putc(out, ' ');
            adr_buf_repeat(out, '-', width[c]);
            adr_buf_puts(out, " |");
        }
        adr_buf_putc(out, '\n');
        for (size_t i = 1; i < k; i++)
            row(out, &cells[i * NCOLS], width);
    }
    for (size_t i = NCOLS; i < (n + 1) * NCOLS; i++)
        adr_xfree(cells[i]);
    adr_xfree(cells);
    adr_buf_free(&tmp);
    return rc;
}
