/* Spectral's "stylish" layout (itself ESLint's): a header per file, one row
 * per finding with 1-based line:column, severity, code, message and dotted
 * path in columns padded as the text-table package pads them, then a
 * summary. */
#include "report.h"

#include <stdio.h>
#include <string.h>

#define ESC_RED       "\x1b[31m"
#define ESC_YELLOW    "\x1b[33m"
#define ESC_BLUE      "\x1b[34m"
#define ESC_WHITE     "\x1b[37m"
#define ESC_DIM       "\x1b[2m"
#define ESC_UNDERLINE "\x1b[4m"
#define ESC_BOLD      "\x1b[1m"
#define ESC_RESET     "\x1b[0m"

static const char *sev_name(adr_severity s)
{
    switch (s) {
    case ADR_SEVERITY_ERROR: return "error";
    case ADR_SEVERITY_WARN: return "warning";
    case ADR_SEVERITY_INFO: return "information";
    default: return "hint";
    }
}

static const char *sev_color(adr_severity s)
{
    switch (s) {
    case ADR_SEVERITY_ERROR: return ESC_RED;
    case ADR_SEVERITY_WARN: return ESC_YELLOW;
    case ADR_SEVERITY_INFO: return ESC_BLUE;
    default: return ESC_WHITE;
    }
}

typedef struct row {
    const adr_diagnostic *d;
    char pos[32];
    char *path;
    size_t w[5];
} row;

/* " line:col", as Spectral's stylish prints a position; rows are many, so
 * without printf. */
static void format_position(char *out, uint32_t line, uint32_t col)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + col % 10);
        col /= 10;
    } while (col);
    tmp[n++] = ':';
    do {
        tmp[n++] = (char)('0' + line % 10);
        line /= 10;
    } while (line);
    tmp[n++] = ' ';
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = 0;
}

static void plural(adr_buf *out, size_t n, const char *word)
{
    adr_buf_printf(out, "%zu %s%s", n, word, n == 1 ? "" : "s");
}

static void cell(adr_buf *out, const char *s, size_t width, size_t w, char align, bool last,
                 const char *color, bool use_color)
{
    size_t pad = width > w ? width - w : 0;
    size_t left = align == 'r' ? pad : align == 'c' ? (pad + 1) / 2 : 0;
    size_t right = align == 'r' ? 0 : align == 'c' ? pad / 2 : pad;
    adr_buf_repeat(out, ' ', left);
    if (use_color && color) adr_buf_puts(out, color);
    adr_buf_puts(out, s);
    if (use_color && color) adr_buf_puts(out, ESC_RESET);
    if (!last) adr_buf_repeat(out, ' ', right);
}

ADR_FORMATTER(stylish)
{
    bool color = opts && opts->color;
    size_t counts[4] = {0, 0, 0, 0};
    size_t total = 0;
    for (size_t r = 0; r < count; r++)
        total += adr_result_count(results[r]);
    if (!total) return 0;
    adr_buf_putc(out, '\n');
    adr_buf path;
    adr_buf_init(&path);
    for (size_t r = 0; r < count; r++) {
        size_t n = adr_result_count(results[r]);
        size_t i = 0;
        while (i < n) {
            /* One group per source file, in the results' order. */
            const char *source = adr_result_get(results[r], i)->source;
            size_t j = i;
            while (j < n && strcmp(adr_result_get(results[r], j)->source, source) == 0)
                j++;
            row *rows = adr_xcalloc(j - i, sizeof *rows);
            if (!rows) {
                adr_buf_free(&path);
                return ADR_ENOMEM;
            }
            size_t width[5] = {0, 0, 0, 0, 0};
            for (size_t k = i; k < j; k++) {
                row *rw = &rows[k - i];
                rw->d = adr_result_get(results[r], k);
                format_position(rw->pos, rw->d->range.start.line + 1,
                                rw->d->range.start.column_utf16 + 1);
                adr_buf_reset(&path);
                adr_pointer_to_dotpath(&path, rw->d->path);
                rw->path = adr_xstrdup(path.data ? path.data : "");
                const char *cells[5] = {rw->pos, sev_name(rw->d->severity), rw->d->code,
                                        rw->d->message, rw->path ? rw->path : ""};
                for (int c = 0; c < 5; c++) {
                    rw->w[c] = adr_utf16_len(cells[c], strlen(cells[c]));
                    if (rw->w[c] > width[c]) width[c] = rw->w[c];
                }
                if (rw->d->severity >= 0 && rw->d->severity <= 3) counts[rw->d->severity]++;
            }
            if (color) adr_buf_puts(out, ESC_UNDERLINE);
            adr_buf_puts(out, source);
            if (color) adr_buf_puts(out, ESC_RESET);
            adr_buf_putc(out, '\n');
            for (size_t k = 0; k < j - i; k++) {
                row *rw = &rows[k];
                const char *cells[5] = {rw->pos, sev_name(rw->d->severity), rw->d->code,
                                        rw->d->message, rw->path ? rw->path : ""};
                /* text-table strips trailing whitespace: the last non-empty
                 * cell ends the line. */
                int last = 4;
                while (last > 0 && cells[last][0] == 0)
                    last--;
                for (int c = 0; c <= last; c++) {
                    if (c) adr_buf_puts(out, "  ");
                    cell(out, cells[c], width[c], rw->w[c],
                         c == 0   ? 'c'
                         : c == 1 ? 'r'
                                  : 'l',
                         c == last,
                         c == 0   ? ESC_DIM
                         : c == 1 ? sev_color(rw->d->severity)
                                  : NULL,
                         color);
                }
                adr_buf_putc(out, '\n');
                adr_xfree(rw->path);
            }
            adr_xfree(rows);
            adr_buf_putc(out, '\n');
            i = j;
        }
    }
    adr_buf_free(&path);
    adr_severity worst = counts[0]   ? ADR_SEVERITY_ERROR
                         : counts[1] ? ADR_SEVERITY_WARN
                         : counts[2] ? ADR_SEVERITY_INFO
                                     : ADR_SEVERITY_HINT;
    if (color) {
        adr_buf_puts(out, sev_color(worst));
        adr_buf_puts(out, ESC_BOLD);
    }
    adr_buf_puts(out, "\xe2\x9c\x96 ");
    plural(out, total, "problem");
    adr_buf_puts(out, " (");
    plural(out, counts[0], "error");
    adr_buf_puts(out, ", ");
    plural(out, counts[1], "warning");
    adr_buf_puts(out, ", ");
    plural(out, counts[2], "info");
    adr_buf_puts(out, ", ");
    plural(out, counts[3], "hint");
    adr_buf_puts(out, ")");
    if (color) adr_buf_puts(out, ESC_RESET);
    adr_buf_putc(out, '\n');
    return 0;
}
