/* adr_result_write: the one entry point to every formatter. */
#include "report.h"
#include "../engine/result.h"

#include <stddef.h>
#include <string.h>

static const struct {
    const char *name;
    adr_formatter fn;
} formatters[] = {
    {"stylish", adr_format_stylish},    {"text", adr_format_text},
    {"json", adr_format_json},          {"sarif", adr_format_sarif},
    {"junit", adr_format_junit},        {"github-actions", adr_format_github},
    {"gitlab", adr_format_gitlab},      {"markdown", adr_format_markdown},
    {"ignore-file", adr_format_ignore},
};

size_t adr_format_count(void)
{
    return ADR_ARRAY_LEN(formatters);
}

const char *adr_format_name(size_t i)
{
    return i < ADR_ARRAY_LEN(formatters) ? formatters[i].name : NULL;
}

static size_t write_options_size(unsigned int version)
{
    switch (version) {
    case 1: return offsetof(adr_write_options, flags);
    case 2: return sizeof(adr_write_options);
    default: return 0;
    }
}

/* Shallow copies of results holding only the findings at or above the fail
 * severity (Spectral's --display-only-failures): every formatter then sees
 * the same findings without knowing about the flag. */
static adr_result *filter_results(const adr_result *const *results, size_t count, adr_severity fail)
{
    adr_result *copies = adr_xcalloc(count ? count : 1, sizeof *copies);
    if (!copies) return NULL;
    for (size_t r = 0; r < count; r++) {
        const adr_result *src = results[r];
        adr_result *c = &copies[r];
        *c = *src;
        memset(&c->arena, 0, sizeof c->arena);
        c->diags = adr_xcalloc(src->count + src->nsuppressed + 1, sizeof *c->diags);
        if (!c->diags) {
            for (size_t k = 0; k < r; k++)
                adr_xfree(copies[k].diags);
            adr_xfree(copies);
            return NULL;
        }
        c->suppressed = c->diags + src->count;
        c->count = c->nsuppressed = 0;
        for (size_t i = 0; i < src->count; i++)
            if (src->diags[i].severity <= fail) c->diags[c->count++] = src->diags[i];
        for (size_t i = 0; i < src->nsuppressed; i++)
            if (src->suppressed[i].severity <= fail)
                c->suppressed[c->nsuppressed++] = src->suppressed[i];
    }
    return copies;
}

int adr_result_write(const adr_result *const *results, size_t count, const adr_write_options *opts,
                     char **out, size_t *out_len)
{
    if (!out || (count && !results)) {
        adr_set_error("adr_result_write: NULL argument");
        return ADR_EINVAL;
    }
    *out = NULL;
    for (size_t i = 0; i < count; i++)
        if (!results[i]) {
            adr_set_error("adr_result_write: results[%zu] is NULL", i);
            return ADR_EINVAL;
        }
    /* A current-version copy: older callers get the defaults of the fields
     * their struct lacks. */
    adr_write_options o = ADR_WRITE_OPTIONS_INIT;
    if (opts) {
        size_t size = write_options_size(opts->version);
        if (!size) {
            adr_set_error("invalid version %u on adr_write_options (this library knows 1 to %d)",
                          opts->version, ADR_WRITE_OPTIONS_VERSION);
            return ADR_EVERSION;
        }
        memcpy(&o, opts, size);
        o.version = ADR_WRITE_OPTIONS_VERSION;
    }
    if (o.linter_count && !o.linters) {
        adr_set_error("adr_write_options: linter_count without linters");
        return ADR_EINVAL;
    }
    if (o.fail_severity < ADR_SEVERITY_ERROR || o.fail_severity > ADR_SEVERITY_HINT) {
        adr_set_error("adr_write_options: invalid fail_severity %d", (int)o.fail_severity);
        return ADR_EINVAL;
    }
    const char *name = o.format ? o.format : "stylish";
    adr_formatter fn = NULL;
    for (size_t i = 0; i < ADR_ARRAY_LEN(formatters); i++)
        if (strcmp(formatters[i].name, name) == 0) fn = formatters[i].fn;
    if (!fn) {
        adr_set_error("unknown format '%s'", name);
        return ADR_ENOTFOUND;
    }
    char *base = adr_path_absolute(o.base_dir ? o.base_dir : ".");
    if (!base) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    o.base_dir = base;
    adr_result *filtered = NULL;
    const adr_result **view = NULL;
    if (o.flags & ADR_WRITE_ONLY_FAILURES) {
        filtered = filter_results(results, count, o.fail_severity);
        view = adr_xcalloc(count ? count : 1, sizeof *view);
        if (!filtered || !view) {
            if (filtered)
                for (size_t i = 0; i < count; i++)
                    adr_xfree(filtered[i].diags);
            adr_xfree(filtered);
            adr_xfree(view);
            adr_xfree(base);
            adr_set_error_oom();
            return ADR_ENOMEM;
        }
        for (size_t i = 0; i < count; i++)
            view[i] = &filtered[i];
        results = view;
    }
    adr_buf b;
    adr_buf_init(&b);
    int rc = fn(&b, results, count, &o);
    if (filtered)
        for (size_t i = 0; i < count; i++)
            adr_xfree(filtered[i].diags);
    adr_xfree(filtered);
    adr_xfree(view);
    adr_xfree(base);
    if (rc == 0 && b.oom) rc = ADR_ENOMEM;
    if (rc) {
        adr_buf_free(&b);
        if (rc == ADR_ENOMEM) adr_set_error_oom();
        return rc;
    }
    if (!b.data) adr_buf_puts(&b, "");
    size_t len = b.len;
    char *s = adr_buf_take(&b);
    if (!s) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    *out = s;
    if (out_len) *out_len = len;
    return ADR_OK;
}
