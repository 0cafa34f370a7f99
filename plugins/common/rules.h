/* Helpers shared by the rule plugins (a static library linked into each
 * plugin; plugins never link libadrlint). Everything goes through the host
 * table. */
#ifndef ADR_PLUGIN_RULES_H
#define ADR_PLUGIN_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "adrlint/plugin.h"

/* Base of the developer.overheid.nl "hoe te voldoen" pages the official
 * linter links to. */
#define ADR_DON_URL "https://developer.overheid.nl/kennisbank/apis/api-design-rules/hoe-te-voldoen/"

/* The published ADR standard, for rules the official linters add without an
 * ADR rule of their own (naming conventions). */
#define ADR_STANDARD_URL "https://gitdocumentatie.logius.nl/publicatie/api/adr/"

/* Declares the plugin entry point for a table of rules. */
#define ADR_DEFINE_PLUGIN(pname, pdesc, ...)                                                \
    static const adr_rule *const plugin_rules_[] = {__VA_ARGS__};                           \
    static const adr_plugin plugin_desc_ = {sizeof(adr_plugin),                             \
                                            ADR_PLUGIN_ABI_MAJOR,                           \
                                            ADR_PLUGIN_ABI_MINOR,                           \
                                            pname,                                          \
                                            ADR_VERSION_STRING,                             \
                                            pdesc,                                          \
                                            sizeof plugin_rules_ / sizeof plugin_rules_[0], \
                                            plugin_rules_};                                 \
    ADR_PLUGIN_EXPORT const adr_plugin *adr_plugin_v1(const adr_host *host)                 \
    {                                                                                       \
        if (!host || host->abi_major != ADR_PLUGIN_ABI_MAJOR) return NULL;                  \
        return &plugin_desc_;                                                               \
    }

/* Text equality helpers on nodes. */
bool adr_r_text_eq(const adr_host *h, const adr_node *n, const char *s);
bool adr_r_text_eq_ci(const adr_host *h, const adr_node *n, const char *s);

/* HTTP status key class: '1'..'5' for "200", "2XX", "2xx"; 'd' for
 * "default"; 0 for anything else. Anchored, unlike the peers' regexes. */
char adr_r_status_class(const adr_host *h, const adr_node *key);

/* The response's status key when the visit is a response under an
 * operation's responses map; NULL otherwise (components, links...). */
const adr_node *adr_r_response_status(const adr_host *h, adr_ctx *ctx, const adr_visit *v);

/* Expands a server URL's {variables} from their defaults into out (size
 * outsz). Returns false when a variable has no default or out is too small;
 * unknown variables are then left as written. */
bool adr_r_server_url(const adr_host *h, const adr_node *server, char *out, size_t outsz);

/* The path part of a URL: after scheme://authority, without query or
 * fragment. Sets *len. */
const char *adr_r_url_path(const char *url, size_t n, size_t *len);

/* -- Context (common/context.c) ------------------------------------------- */

/* True when the current visit lies in a callback or a webhook: requests the
 * API sends and the responses its clients return, which the ADR does not
 * govern (the API's own operations are under paths). */
bool adr_r_in_callback(const adr_host *h, adr_ctx *ctx);

/* The status key of a response visit when it is an error response of one of
 * the API's own operations (not a callback's or webhook's): a 4xx or 5xx
 * code or range, or "default" when the operation documents a 2xx response,
 * so that default can only stand for the unlisted (error) statuses. NULL
 * otherwise. */
const adr_node *adr_r_error_status(const adr_host *h, adr_ctx *ctx, const adr_visit *v);

/* True when a media type key names type (NUL-terminated, lowercase),
 * ignoring case and parameters: "Application/Problem+JSON; charset=utf-8"
 * names "application/problem+json". */
bool adr_r_media_type_is(const adr_host *h, const adr_node *key, const char *type);

/* Writes the JSON pointer of node within its own file ("#/paths/~1a/get",
 * RFC 6901 escapes, "#" for a root) into out (size outsz, truncated and
 * NUL-terminated). Returns the length it needed. */
size_t adr_r_pointer(const adr_host *h, const adr_node *node, char *out, size_t outsz);

/* -- Schemas (common/schema.c) -------------------------------------------- */

/* The parts of a schema: the schema itself (Reference Objects followed) and,
 * recursively, its allOf, anyOf and oneOf members and the target of an OAS
 * 3.1 $ref beside other keywords. Each part is listed once, in document
 * order, at most ADR_R_MAX_PARTS of them; cycles end there. */
#define ADR_R_MAX_PARTS 64
typedef struct adr_r_parts {
    const adr_node *part[ADR_R_MAX_PARTS];
    size_t n;
} adr_r_parts;
void adr_r_schema_parts(const adr_host *h, adr_ctx *ctx, const adr_node *schema, adr_r_parts *out);

/* True when some part's "type" is t (a string or a list of strings). */
bool adr_r_parts_type(const adr_host *h, const adr_r_parts *p, const char *t);

/* True when the schema, seen through its composition, declares property
 * name: in its own properties, in any allOf member, or in every member of a
 * non-empty anyOf or oneOf. */
bool adr_r_schema_declares(const adr_host *h, adr_ctx *ctx, const adr_node *schema,
                           const char *name);

#endif
