/* adr_result_write: the one entry point to every formatter. */
#include "report.h"

#include <string.h>

static const struct {
    const char *name;
    adr_formatter fn;
} formatters[] = {
    {"stylish", adr_format_stylish},
    {"json", adr_format_json},
};

int adr_result_write(const adr_result *const *results, size_t count,
                     const adr_write_options *opts, char **out, size_t *out_len)
{
    if (!out || (count && !results)) {
        adr_set_error("adr_result_write: NULL argument");
        return ADR_EINVAL;
    }
    *out = NULL;
    adr_write_options defaults = ADR_WRITE_OPTIONS_INIT;
    if (!opts) opts = &defaults;
    if (opts->version != ADR_WRITE_OPTIONS_VERSION) {
        adr_set_error("invalid version %u on adr_write_options", opts->version);
        return ADR_EVERSION;
    }
    const char *name = opts->format ? opts->format : "stylish";
    adr_formatter fn = NULL;
    for (size_t i = 0; i < sizeof formatters / sizeof formatters[0]; i++)
        if (strcmp(formatters[i].name, name) == 0) fn = formatters[i].fn;
    if (!fn) {
        adr_set_error("unknown format '%s'", name);
        return ADR_ENOTFOUND;
    }
    adr_buf b;
    adr_buf_init(&b);
    int rc = fn(&b, results, count, opts);
    if (rc) {
        adr_buf_free(&b);
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
