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
    void *handle; /* dlopen handle, NULL for built-ins */
    char *path;
    const adr_plugin *desc;
    char *name;
    bool from_config; /* named by a configuration's "plugins" */
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
    size_t *rules; /* rule indexes */
    adr_severity *sevs;
    size_t nrules;
} cfg_override;

/* One ignore-file entry: the public view plus what matching needs. */
typedef struct ignore_rec {
    adr_ignore_entry pub;
    const char *pointer; /* decoded JSON pointer, without '#' */
} ignore_rec;

struct adr_linter {
    plugin_entry *plugins;
    size_t nplugins;
    rule_entry *rules; /* sorted by code */
    size_t nrules;
    /* Rules with severity != OFF that visit kind k. */
    rule_entry **by_kind[ADR_KIND_COUNT_];
    size_t nby_kind[ADR_KIND_COUNT_];
    char *profile;   /* as configured, "adr-2.2" or "adr-2.0,future" */
    int adr_version; /* 200, 210, 220 */
    char *root_dir;
    char *config_dir; /* directory of the config file (for override globs) */
    cfg_override *overrides;
    size_t noverrides;
    char *config_path; /* absolute, or NULL */
    /* adr_options.rule_settings, resolved: they win over overrides too. */
    size_t *forced_rules;
    adr_severity *forced_sevs;
    size_t nforced;
    /* The ignore file: entries in file order, and their indexes sorted by
     * (path, code, pointer) for lookups. Strings live in ignore_arena. */
    char *ignore_path;
    ignore_rec *ignores;
    size_t nignores;
    size_t *ignore_sorted;
    adr_arena ignore_arena;
    size_t max_file_size, max_depth, max_nodes, max_ref_files;
    adr_host host;
};

/* Built-in rule codes. */
#define ADR_CODE_PARSER         "parser"
#define ADR_CODE_DUPLICATE_KEY  "duplicate-key"
#define ADR_CODE_INVALID_REF    "invalid-ref"
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
/* Reads and checks the configuration file of opts (NULL when there is none)
 * and records its directory; the document is freed with adr_doc_free. */
int adr_config_load(adr_linter *L, const adr_options *opts, adr_doc **cfg);
/* Loads the plugins cfg names, when trusted (see adr_options). */
int adr_config_plugins(adr_linter *L, const adr_options *opts, adr_doc *cfg);
/* Applies the profile, cfg's rules and overrides, opts->rule_settings. */
int adr_config_apply(adr_linter *L, const adr_options *opts, adr_doc *cfg);
/* The ignore file of opts or cfg, loaded into L. */
int adr_config_ignore(adr_linter *L, const adr_options *opts, adr_doc *cfg);
const char *adr_profile_text(const char *name, size_t len);
/* Parses a configuration-like YAML text (a mapping, or empty). */
int adr_cfg_parse(const char *name, const char *text, size_t len, adr_doc **out);
/* Parses buf (taken over, as adr_doc_parse does) and turns its first syntax
 * error into an ADR_ECONFIG "file:line:col: message" error. */
int adr_cfg_parse_buf(const char *name, char *buf, size_t len, bool json, const adr_doc_limits *lim,
                      adr_doc **out);
/* Sets "file:line:col: message" as the last error; returns ADR_ECONFIG. */
int adr_cfg_error(adr_doc *doc, const adr_node *at, const char *fmt, ...) ADR_INTERNAL_PRINTF(3, 4);

/* ignore.c: ignore files */
int adr_ignore_load(adr_linter *L, const char *path);
/* Index of the entry for (abs_path, rule code, JSON pointer), or -1. */
long adr_ignore_find(const adr_linter *L, const char *abs_path, const char *code,
                     const char *pointer);

/* host.c */
void adr_host_init(adr_host *host);

/* run.c */
int adr_run(const adr_linter *L, char *buf, size_t size, const char *name, const char *abs_path,
            adr_result **out);
/* The general form: buf comes from adr_map_file when mapped is set. */
int adr_run_ex(const adr_linter *L, char *buf, size_t size, bool mapped, const char *name,
               const char *abs_path, const adr_source *sources, size_t nsources, adr_result **out);
/* adr_run with in-memory stand-ins for referenced files (borrowed). */
int adr_run_sources(const adr_linter *L, char *buf, size_t size, const char *name,
                    const char *abs_path, const adr_source *sources, size_t nsources,
                    adr_result **out);

/* Glob matching for overrides ("**" spans directories). */
bool adr_glob_match(const char *pattern, const char *path);

#endif
