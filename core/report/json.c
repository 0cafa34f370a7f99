/* Spectral's JSON output: an array of {code, path, message, severity,
 * range, source}, indented with tabs as JSON.stringify(x, null, '\t'). */
#include "report.h"

#include <string.h>

typedef struct seg_ctx {
    adr_buf *out;
    size_t n;
} seg_ctx;

static void put_seg(void *user, const char *s, size_t n)
{
    seg_ctx *c = user;
    adr_buf_puts(c->out, c->n++ ? ",\n\t\t\t" : "\n\t\t\t");
    adr_buf_json_string(c->out, s, n);
}

static void put_pos(adr_buf *out, const char *name, const adr_position *p, bool last)
{
    adr_buf_printf(out,
                   "\t\t\t\"%s\": {\n\t\t\t\t\"line\": %u,\n\t\t\t\t\"character\": %u\n\t\t\t}%s\n",
                   name, p->line, p->column_utf16, last ? "" : ",");
}

ADR_FORMATTER(json)
{
    (void)opts;
    size_t total = 0;
    for (size_t r = 0; r < count; r++)
        total += adr_result_count(results[r]);
    if (!total) {
        adr_buf_puts(out, "[]");
        return 0;
    }
    adr_buf_puts(out, "[");
    size_t k = 0;
    for (size_t r = 0; r < count; r++) {
        for (size_t i = 0; i < adr_result_count(results[r]); i++) {
            const adr_diagnostic *d = adr_result_get(results[r], i);
            adr_buf_puts(out, k++ ? ",\n\t{\n\t\t\"code\": " : "\n\t{\n\t\t\"code\": ");
            adr_buf_json_string(out, d->code, strlen(d->code));
            adr_buf_puts(out, ",\n\t\t\"path\": [");
            seg_ctx c = {out, 0};
            adr_pointer_segments(d->path, put_seg, &c);
            adr_buf_puts(out, c.n ? "\n\t\t],\n\t\t\"message\": " : "],\n\t\t\"message\": ");
            adr_buf_json_string(out, d->message, strlen(d->message));
            adr_buf_printf(out, ",\n\t\t\"severity\": %d,\n\t\t\"range\": {\n", (int)d->severity);
            put_pos(out, "start", &d->range.start, false);
            put_pos(out, "end", &d->range.end, true);
            adr_buf_puts(out, "\t\t},\n\t\t\"source\": ");
            adr_buf_json_string(out, d->source, strlen(d->source));
            adr_buf_puts(out, "\n\t}");
        }
    }
    adr_buf_puts(out, "\n]");
    return 0;
}
