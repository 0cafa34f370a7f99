/* SARIF 2.1.0 as GitHub code scanning reads it: one run whose driver lists
 * the rules (from the linters, so their titles, rationales and documentation
 * reach the alert page) and one result per finding, located by a path
 * relative to the base directory under %SRCROOT%, with 1-based positions in
 * UTF-16 code units and an exclusive end column. primaryLocationLineHash
 * hashes the code, the JSON pointer and the message, never a line number,
 * so an alert stays the same alert when lines above it move. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#define INFORMATION_URI "https://gitdocumentatie.logius.nl/publicatie/api/adr/"
#define MAX_DESCRIPTION 1000 /* GitHub's limit on fullDescription */

typedef struct srule {
    const char *code;
    const adr_rule_info *info;  /* NULL: known only from a finding */
    const adr_diagnostic *diag; /* the first finding with this code */
} srule;

static int cmp_srule(const void *a, const void *b)
{
    return strcmp(((const srule *)a)->code, ((const srule *)b)->code);
}

static const char *level(adr_severity s)
{
    switch (s) {
    case ADR_SEVERITY_ERROR: return "error";
    case ADR_SEVERITY_WARN: return "warning";
    default: return "note";
    }
}

static const adr_rule_info *find_info(const adr_write_options *o, const char *code)
{
    for (size_t i = 0; i < o->linter_count; i++) {
        const adr_rule_info *ri = adr_linter_rule_find(o->linters[i], code);
        if (ri) return ri;
    }
    return NULL;
}

/* The rules of the run: enabled in a linter, or with a finding. */
static srule *collect_rules(const adr_result *const *results, size_t count,
                            const adr_write_options *o, size_t *n)
{
    size_t cap = 0, len = 0;
    srule *rules = NULL;
    for (size_t l = 0; l < o->linter_count; l++) {
        for (size_t i = 0; i < adr_linter_rule_count(o->linters[l]); i++) {
            const adr_rule_info *ri = adr_linter_rule(o->linters[l], i);
            if (ri->severity == ADR_SEVERITY_OFF) continue;
            if (!adr_grow((void **)&rules, &cap, len + 1, sizeof *rules)) goto oom;
            rules[len++] = (srule){ri->code, ri, NULL};
        }
    }
    for (size_t r = 0; r < count; r++) {
        for (size_t i = 0; i < adr_result_count(results[r]); i++) {
            const adr_diagnostic *d = adr_result_get(results[r], i);
            if (!adr_grow((void **)&rules, &cap, len + 1, sizeof *rules)) goto oom;
            rules[len++] = (srule){d->code, find_info(o, d->code), d};
        }
    }
    if (len) qsort(rules, len, sizeof *rules, cmp_srule);
    size_t w = 0;
    for (size_t i = 0; i < len; i++) {
        if (w && strcmp(rules[w - 1].code, rules[i].code) == 0) {
            if (!rules[w - 1].info) rules[w - 1].info = rules[i].info;
            if (!rules[w - 1].diag) rules[w - 1].diag = rules[i].diag;
            continue;
        }
        rules[w++] = rules[i];
    }
    *n = w;
    return rules ? rules : adr_xcalloc(1, sizeof *rules);
oom:
    adr_xfree(rules);
    return NULL;
}

/* At most max bytes of s, cut at a character boundary. */
static void put_capped(adr_buf *b, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n > max) {
        n = max - 3;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        adr_buf_putn(b, s, n);
        adr_buf_puts(b, "...");
    } else {
        adr_buf_putn(b, s, n);
    }
}

static void put_rule(adr_json *j, const srule *sr, adr_buf *tmp)
{
    const adr_rule_info *ri = sr->info;
    const char *title = ri ? ri->title : sr->code;
    const char *rationale = ri && ri->rationale[0] ? ri->rationale : title;
    const char *rule_id = ri ? ri->rule_id : sr->diag ? sr->diag->rule_id : "";
    const char *url = ri ? ri->doc_url : sr->diag ? sr->diag->doc_url : "";
    adr_severity sev = ri ? (ri->severity != ADR_SEVERITY_OFF ? ri->severity : ri->default_severity)
                          : sr->diag->severity;
    adr_json_begin(j, NULL, '{');
    adr_json_str(j, "id", sr->code);
    adr_json_begin(j, "shortDescription", '{');
    adr_json_str(j, "text", title);
    adr_json_end(j, '}');
    adr_json_begin(j, "fullDescription", '{');
    adr_buf full;
    adr_buf_init(&full);
    if (rule_id[0]) adr_buf_printf(&full, "%s: ", rule_id);
    adr_buf_puts(&full, rationale);
    adr_buf_reset(tmp);
    put_capped(tmp, full.data ? full.data : "", MAX_DESCRIPTION);
    adr_buf_free(&full);
    adr_json_str(j, "text", tmp->data ? tmp->data : "");
    adr_json_end(j, '}');
    adr_json_begin(j, "help", '{');
    adr_buf_reset(tmp);
    adr_buf_puts(tmp, rationale);
    if (url[0]) adr_buf_printf(tmp, "\n\nSee %s", url);
    adr_json_str(j, "text", tmp->data);
    adr_buf_reset(tmp);
    adr_buf_printf(tmp, "**%s**\n\n%s", title, rationale);
    if (url[0])
        adr_buf_printf(tmp, "\n\n[%s%s](%s)", rule_id[0] ? "ADR " : "Documentation of ",
                       rule_id[0] ? rule_id : sr->code, url);
    adr_json_str(j, "markdown", tmp->data);
    adr_json_end(j, '}');
    if (url[0]) adr_json_str(j, "helpUri", url);
    adr_json_begin(j, "defaultConfiguration", '{');
    adr_json_str(j, "level", level(sev));
    adr_json_end(j, '}');
    adr_json_begin(j, "properties", '{');
    adr_json_begin(j, "tags", '[');
    adr_json_str(j, NULL, "nlgov-adr");
    if (ri && ri->plugin[0]) adr_json_str(j, NULL, ri->plugin);
    adr_json_end(j, ']');
    adr_json_str(j, "problem.severity",
                 sev == ADR_SEVERITY_ERROR  ? "error"
                 : sev == ADR_SEVERITY_WARN ? "warning"
                                            : "recommendation");
    adr_json_end(j, '}');
    adr_json_end(j, '}');
}

static void put_result(adr_json *j, const adr_diagnostic *d, size_t index, const char *uri)
{
    adr_json_begin(j, NULL, '{');
    adr_json_str(j, "ruleId", d->code);
    adr_json_int(j, "ruleIndex", (long long)index);
    adr_json_str(j, "level", level(d->severity));
    adr_json_begin(j, "message", '{');
    adr_json_str(j, "text", d->message);
    adr_json_end(j, '}');
    adr_json_begin(j, "locations", '[');
    adr_json_begin(j, NULL, '{');
    adr_json_begin(j, "physicalLocation", '{');
    adr_json_begin(j, "artifactLocation", '{');
    adr_json_str(j, "uri", uri);
    adr_json_str(j, "uriBaseId", "%SRCROOT%");
    adr_json_end(j, '}');
    adr_json_begin(j, "region", '{');
    adr_json_int(j, "startLine", (long long)d->range.start.line + 1);
    adr_json_int(j, "startColumn", (long long)d->range.start.column_utf16 + 1);
    adr_json_int(j, "endLine", (long long)d->range.end.line + 1);
    adr_json_int(j, "endColumn", (long long)d->range.end.column_utf16 + 1);
    adr_json_end(j, '}');
    adr_json_end(j, '}');
    adr_json_end(j, '}');
    adr_json_end(j, ']');
    const char *parts[] = {d->code, d->path, d->message};
    char hash[17], fp[20];
    adr_report_hash(hash, parts, 3);
    memcpy(fp, hash, 16);
    memcpy(fp + 16, ":1", 3);
    adr_json_begin(j, "partialFingerprints", '{');
    adr_json_str(j, "primaryLocationLineHash", fp);
    adr_json_end(j, '}');
    adr_json_end(j, '}');
}

ADR_FORMATTER(sarif)
{
    size_t nrules;
    srule *rules = collect_rules(results, count, opts, &nrules);
    if (!rules) return ADR_ENOMEM;
    adr_buf tmp, uri;
    adr_buf_init(&tmp);
    adr_buf_init(&uri);
    adr_json j = {out, "  ", 0, true};
    adr_json_begin(&j, NULL, '{');
    adr_json_str(&j, "$schema",
                 "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/"
                 "sarif-schema-2.1.0.json");
    adr_json_str(&j, "version", "2.1.0");
    adr_json_begin(&j, "runs", '[');
    adr_json_begin(&j, NULL, '{');
    adr_json_begin(&j, "tool", '{');
    adr_json_begin(&j, "driver", '{');
    adr_json_str(&j, "name", "adrlint");
    adr_json_str(&j, "semanticVersion", adr_version());
    adr_json_str(&j, "informationUri", INFORMATION_URI);
    adr_json_begin(&j, "rules", '[');
    for (size_t i = 0; i < nrules; i++)
        put_rule(&j, &rules[i], &tmp);
    adr_json_end(&j, ']');
    adr_json_end(&j, '}');
    adr_json_end(&j, '}');
    /* Where %SRCROOT% is, for viewers that open the files. */
    adr_buf_reset(&uri);
    adr_buf_puts(&uri, "file://");
    adr_report_uri(&uri, opts->base_dir, strlen(opts->base_dir));
    if (uri.data[uri.len - 1] != '/') adr_buf_putc(&uri, '/');
    adr_json_begin(&j, "originalUriBaseIds", '{');
    adr_json_begin(&j, "%SRCROOT%", '{');
    adr_json_str(&j, "uri", uri.data);
    adr_json_end(&j, '}');
    adr_json_end(&j, '}');
    adr_json_str(&j, "columnKind", "utf16CodeUnits");
    adr_json_begin(&j, "results", '[');
    int rc = 0;
    for (size_t r = 0; r < count && !rc; r++) {
        for (size_t i = 0; i < adr_result_count(results[r]); i++) {
            const adr_diagnostic *d = adr_result_get(results[r], i);
            srule key = {d->code, NULL, NULL};
            const srule *sr = bsearch(&key, rules, nrules, sizeof *rules, cmp_srule);
            char *rel = adr_report_relpath(d->source, opts->base_dir);
            if (!rel) {
                rc = ADR_ENOMEM;
                break;
            }
            adr_buf_reset(&uri);
            adr_report_uri(&uri, rel, strlen(rel));
            adr_xfree(rel);
            put_result(&j, d, sr ? (size_t)(sr - rules) : 0, uri.data ? uri.data : "");
        }
    }
    adr_json_end(&j, ']');
    adr_json_end(&j, '}');
    adr_json_end(&j, ']');
    adr_json_end(&j, '}');
    adr_buf_putc(out, '\n');
    adr_buf_free(&tmp);
    adr_buf_free(&uri);
    adr_xfree(rules);
    return rc;
}
