/* GitLab Code Quality (Code Climate issues): a JSON array GitLab shows in
 * merge requests. The shape is Spectral's "gitlab" formatter, with one
 * correction: lines and columns are 1-based, as GitLab reads them (Spectral
 * passes its 0-based lines through). The fingerprint, which GitLab uses to
 * tell new issues from fixed ones, hashes the file, the JSON pointer and
 * the code: it survives edits that only move the finding. */
#include "report.h"

#include <string.h>

static const char *severity(adr_severity s)
{
    switch (s) {
    case ADR_SEVERITY_ERROR: return "critical";
    case ADR_SEVERITY_WARN: return "major";
    case ADR_SEVERITY_INFO: return "minor";
    default: return "info";
    }
}

static void position(adr_json *j, const char *key, const adr_position *p)
{
    adr_json_begin(j, key, '{');
    adr_json_int(j, "line", (long long)p->line + 1);
    adr_json_int(j, "column", (long long)p->column_utf16 + 1);
    adr_json_end(j, '}');
}

ADR_FORMATTER(gitlab)
{
    adr_json j = {out, "\t", 0, true};
    adr_json_begin(&j, NULL, '[');
    for (size_t r = 0; r < count; r++) {
        for (size_t i = 0; i < adr_result_count(results[r]); i++) {
            const adr_diagnostic *d = adr_result_get(results[r], i);
            char *rel = adr_report_relpath(d->source, opts->base_dir);
            if (!rel) return ADR_ENOMEM;
            const char *parts[] = {rel, d->path, d->code};
            char fp[17];
            adr_report_hash(fp, parts, 3);
            adr_json_begin(&j, NULL, '{');
            adr_json_str(&j, "type", "issue");
            adr_json_str(&j, "check_name", d->code);
            adr_json_str(&j, "description", d->message);
            adr_json_begin(&j, "categories", '[');
            adr_json_str(&j, NULL, "Style");
            adr_json_end(&j, ']');
            adr_json_begin(&j, "location", '{');
            adr_json_str(&j, "path", rel);
            adr_json_begin(&j, "positions", '{');
            position(&j, "begin", &d->range.start);
            position(&j, "end", &d->range.end);
            adr_json_end(&j, '}');
            adr_json_end(&j, '}');
            adr_json_str(&j, "severity", severity(d->severity));
            adr_json_str(&j, "fingerprint", fp);
            adr_json_end(&j, '}');
            adr_xfree(rel);
        }
    }
    adr_json_end(&j, ']');
    adr_buf_putc(out, '\n');
    return 0;
}
