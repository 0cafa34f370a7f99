/* core/engine - the linter (plugins, rule registry, profile and config) and
 * one lint run (walk dispatch, findings). Internal; the public face is
 * include/adrlint/adrlint.h. */
#ifndef ADR_ENGINE_H
#define ADR_ENGINE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "adrlint/adrlint.h"
#include "adrlint/plugin.h"
#include "../doc/doc.h"
#include "../ref/ref.h"

typedef struct plugin_entry {
    void *handle;          /* dlopen handle, NULL for built-ins */
    char *path;
    const adr_plugin *desc;
    char *name;
} plugin_entry;

typedef struct rule_entry {
    const adr_rule *rule;
    const plugin_entry *plugin;
    adr_rule_info info;    /* public view; strings borrowed from the descriptor */
    adr_severity severity; /* effective for this linter */
    const char *future;    /* "2.1" when enabled by the future modifier */
    bool builtin;          /* engine rule (parser, invalid-ref...) */
    pcre2_code **patterns;
    size_t npatterns;
    size_t index;
} rule_entry;

/* One "overrides" entry of a configuration: file globs and rule severities. */
typedef struct cfg_override {
    char **globs;
    size_t nglobs;
    size_t *rules;          /* rule indexes */
    adr_severity *sevs;
    size_t nrules;
} cfg_override;

struct adr_linter {
    plugin_entry *plugins;
    size_t nplugins;
    rule_entry *rules;      /* sorted by code */
    size_t nrules;
    /* Rules with severity != OFF that visit kind k. */
    rule_entry **by_kind[ADR_KIND_COUNT_];
    size_t nby_kind[ADR_KIND_COUNT_];
    char *profile;          /* as configured, "adr-2.2" or "adr-2.0,future" */
    int adr_version;        /* 200, 210, 220 */
    char *root_dir;
    char *config_dir;       /* directory of the config file (for override globs) */
    cfg_override *overrides;
    size_t noverrides;
    size_t max_file_size, max_depth, max_nodes, max_ref_files;
    adr_host host;
};

/* Built-in rule codes. */
#define ADR_CODE_PARSER "parser"
#define ADR_CODE_DUPLICATE_KEY "duplicate-key"
#define ADR_CODE_INVALID_REF "invalid-ref"
#define ADR_CODE_UNRESOLVED_REF "unresolved-ref"

extern const adr_rule *const adr_builtin_rules[];
extern const size_t adr_builtin_rule_count;

/* loader.c */
int adr_plugins_load(adr_linter *L, const adr_options *opts);
int adr_plugin_load_file(adr_linter *L, const char *path);
void adr_plugins_unload(adr_linter *L);

/* registry.c */
int adr_registry_build(adr_linter *L);
rule_entry *adr_registry_find(const adr_linter *L, const char *code, size_t len);
int adr_registry_index(adr_linter *L);

/* config.c: profiles and configuration files */
int adr_config_apply(adr_linter *L, const adr_options *opts);
const char *adr_profile_text(const char *name, size_t len);

/* host.c */
void adr_host_init(adr_host *host);

/* run.c */
int adr_run(const adr_linter *L, char *buf, size_t size, const char *name, const char *abs_path,
            adr_result **out);

/* Glob matching for overrides ("**" spans directories). */
bool adr_glob_match(const char *pattern, const char *path);

#endif
