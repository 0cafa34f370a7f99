/* JUnit XML, Spectral's layout: one <testsuite> per file; each finding at
 * or above the fail severity is a failing <testcase> named after its code
 * and JSON pointer, with its position in the failure text. A file without
 * failures is one passing testcase, so CI dashboards count clean files. */
#include "report.h"

#include <string.h>

typedef struct source_set {
    const char **names;
    size_t n, cap;
} source_set;

static bool add_source(source_set *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->names[i], name) == 0) return true;
    if (!adr_grow((void **)&s->names, &s->cap, s->n + 1, sizeof *s->names)) return false;
    s->names[s->n++] = name;
    return true;
}

/* The class name Spectral gives a file: its name without the extension. */
static void classname(adr_buf *out, const char *source)
{
    const char *slash = strrchr(source, '/');
    const char *dot = strrchr(slash ? slash : source, '.');
    size_t n = dot && dot != (slash ? slash + 1 : source) ? (size_t)(dot - source) : strlen(source);
    adr_report_xml(out, source, n);
}

/* CDATA cannot hold "]]>": close and reopen the section around it. */
static void cdata(adr_buf *out, const char *s)
{
    const char *p;
    while ((p = strstr(s, "]]>")) != NULL) {
        adr_buf_putn(out, s, (size_t)(p - s));
        adr_buf_puts(out, "]]]]><![CDATA[>");
        s = p + 3;
    }
    adr_buf_puts(out, s);
}

static void suite(adr_buf *out, const adr_result *const *results, size_t count, const char *source,
                  adr_severity fail, adr_buf *tmp)
{
    size_t failures = 0;
    for (size_t r = 0; r < count; r++)
        for (size_t i = 0; i < adr_result_count(results[r]); i++) {
            const adr_diagnostic *d = adr_result_get(results[r], i);
            if (d->severity <= fail && strcmp(d->source, source) == 0) failures++;
        }
    adr_buf_puts(out, "<testsuite package=\"org.adrlint\" time=\"0\" tests=\"");
    adr_buf_printf(out, "%zu\" errors=\"0\" failures=\"%zu\" name=\"", failures ? failures : 1,
                   failures);
    adr_report_xml(out, source, strlen(source));
    adr_buf_puts(out, "\">\n");
    if (!failures) {
        adr_buf_puts(out, "<testcase time=\"0\" name=\"");
        adr_report_xml(out, source, strlen(source));
        adr_buf_puts(out, "\" classname=\"");
        classname(out, source);
        adr_buf_puts(out, "\" />\n");
    }
    for (size_t r = 0; r < count; r++) {
        for (size_t i = 0; i < adr_result_count(results[r]); i++) {
            const adr_diagnostic *d = adr_result_get(results[r], i);
            if (d->severity > fail || strcmp(d->source, source) != 0) continue;
            adr_buf_puts(out, "<testcase time=\"0\" name=\"org.adrlint.");
            adr_report_xml(out, d->code, strlen(d->code));
            if (d->path[0]) {
                adr_buf_putc(out, '(');
                adr_report_xml(out, d->path, strlen(d->path));
                adr_buf_putc(out, ')');
            }
            adr_buf_puts(out, "\" classname=\"");
            classname(out, source);
            adr_buf_puts(out, "\"><failure message=\"");
            adr_report_xml(out, d->message, strlen(d->message));
            adr_buf_puts(out, "\"><![CDATA[");
            adr_buf_reset(tmp);
            adr_buf_printf(tmp, "line %u, col %u, %s (%s) at path %s", d->range.start.line + 1,
                           d->range.start.column_utf16 + 1, d->message, d->code,
                           d->path[0] ? d->path : "/");
            if (d->doc_url[0]) adr_buf_printf(tmp, ", %s", d->doc_url);
            /* CDATA is character data too: the characters XML forbids are
             * replaced there as well. */
            adr_buf raw;
            adr_buf_init(&raw);
            adr_report_xml_raw(&raw, tmp->data, tmp->len);
            cdata(out, raw.data ? raw.data : "");
            adr_buf_free(&raw);
            adr_buf_puts(out, "]]></failure></testcase>\n");
        }
    }
    adr_buf_puts(out, "</testsuite>\n");
}

ADR_FORMATTER(junit)
{
    source_set set = {NULL, 0, 0};
    bool ok = true;
    for (size_t r = 0; r < count && ok; r++) {
        ok = add_source(&set, adr_result_source(results[r]));
        for (size_t i = 0; i < adr_result_count(results[r]) && ok; i++)
            ok = add_source(&set, adr_result_get(results[r], i)->source);
    }
    if (!ok) {
        adr_xfree(set.names);
        return ADR_ENOMEM;
    }
    adr_buf tmp;
    adr_buf_init(&tmp);
    adr_buf_puts(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites>\n");
    for (size_t s = 0; s < set.n; s++)
        suite(out, results, count, set.names[s], opts->fail_severity, &tmp);
    adr_buf_puts(out, "</testsuites>\n");
    adr_buf_free(&tmp);
    adr_xfree(set.names);
    return tmp.oom ? ADR_ENOMEM : 0;
}
