/* core/report - formatters turning results into text. Every formatter gets
 * all results of one CLI invocation (one per file) so summaries cover the
 * whole run. */
#ifndef ADR_REPORT_H
#define ADR_REPORT_H

#include "adrlint/adrlint.h"
#include "../util/util.h"

typedef int (*adr_formatter)(adr_buf *out, const adr_result *const *results, size_t count,
                             const adr_write_options *opts);

/* Every formatter gets a current-version adr_write_options whose base_dir
 * is set (absolute), and results already filtered by flags. */
#define ADR_FORMATTER(name)                                                             \
    int adr_format_##name(adr_buf *out, const adr_result *const *results, size_t count, \
                          const adr_write_options *opts)
ADR_FORMATTER(stylish);
ADR_FORMATTER(text);
ADR_FORMATTER(json);
ADR_FORMATTER(sarif);
ADR_FORMATTER(junit);
ADR_FORMATTER(github);
ADR_FORMATTER(gitlab);
ADR_FORMATTER(markdown);
ADR_FORMATTER(ignore);

/* path (relative to the current directory, or absolute) relative to the
 * absolute directory base, with '/' and "../" as needed. Free with
 * adr_xfree; NULL on OOM. */
char *adr_report_relpath(const char *path, const char *base);

/* Spectral's severity words: "error", "warning", "information", "hint". */
const char *adr_report_severity_word(adr_severity s);

/* XML text or attribute escaping. Invalid UTF-8 and characters XML 1.0
 * cannot carry become U+FFFD, so any message gives a well-formed file. */
void adr_report_xml(adr_buf *out, const char *s, size_t n);
/* The same replacement without escaping, for CDATA sections. */
void adr_report_xml_raw(adr_buf *out, const char *s, size_t n);

/* Percent-encodes what RFC 3986 does not allow in a path or fragment
 * (keeps unreserved, sub-delims, ':', '@' and '/'). */
void adr_report_uri(adr_buf *out, const char *s, size_t n);

/* A stable 16-hex-digit hash of parts joined by NUL bytes. */
void adr_report_hash(char out[17], const char *const *parts, size_t nparts);

/* A minimal pretty-printing JSON writer: containers and members, indented
 * with indent (a tab or two spaces) per level. */
typedef struct adr_json {
    adr_buf *out;
    const char *indent;
    int depth;
    bool first; /* no member written yet at this depth */
} adr_json;

void adr_json_begin(adr_json *j, const char *key, char open);
void adr_json_end(adr_json *j, char close);
void adr_json_str(adr_json *j, const char *key, const char *s);
void adr_json_int(adr_json *j, const char *key, long long v);

/* Spectral's dotted path ("paths./a.get.responses[200]") of a JSON pointer. */
void adr_pointer_to_dotpath(adr_buf *out, const char *pointer);

/* Splits a JSON pointer into decoded segments; calls fn for each. */
void adr_pointer_segments(const char *pointer, void (*fn)(void *, const char *, size_t),
                          void *user);

/* Length in UTF-16 code units of UTF-8 text (JavaScript's string length). */
size_t adr_utf16_len(const char *s, size_t n);

#endif
