/* core/report - formatters turning results into text. Every formatter gets
 * all results of one CLI invocation (one per file) so summaries cover the
 * whole run. */
#ifndef ADR_REPORT_H
#define ADR_REPORT_H

#include "adrlint/adrlint.h"
#include "../util/util.h"

typedef int (*adr_formatter)(adr_buf *out, const adr_result *const *results, size_t count,
                             const adr_write_options *opts);

int adr_format_stylish(adr_buf *out, const adr_result *const *results, size_t count,
                       const adr_write_options *opts);
int adr_format_json(adr_buf *out, const adr_result *const *results, size_t count,
                    const adr_write_options *opts);

/* Spectral's dotted path ("paths./a.get.responses[200]") of a JSON pointer. */
void adr_pointer_to_dotpath(adr_buf *out, const char *pointer);

/* Splits a JSON pointer into decoded segments; calls fn for each. */
void adr_pointer_segments(const char *pointer, void (*fn)(void *, const char *, size_t),
                          void *user);

/* Length in UTF-16 code units of UTF-8 text (JavaScript's string length). */
size_t adr_utf16_len(const char *s, size_t n);

#endif
