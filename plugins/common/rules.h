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
#define ADR_DEFINE_PLUGIN(pname, pdesc, ...)                                                       \
    static const adr_rule *const plugin_rules_[] = {__VA_ARGS__};                                  \
    static const adr_plugin plugin_desc_ = {                                                       \
        sizeof(adr_plugin),                                                                        \
        ADR_PLUGIN_ABI_MAJOR,                                                                      \
        ADR_PLUGIN_ABI_MINOR,                                                                      \
        pname,                                                                                     \
        ADR_VERSION_STRING,                                                                        \
        pdesc,                                                                                     \
        sizeof plugin_rules_ / sizeof plugin_rules_[0],                                            \
        plugin_rules_};                                                                            \
    ADR_PLUGIN_EXPORT const adr_plugin *adr_plugin_v1(const adr_host *host)                        \
    {                                                                                              \
        if (!host || host->abi_major != ADR_PLUGIN_ABI_MAJOR) return NULL;                         \
        return &plugin_desc_;                                                                      \
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

#endif
