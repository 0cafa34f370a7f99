/* The public linter API: creation, lint entry points, rule listing. */
#include "engine.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_FILE_SIZE (64u * 1024 * 1024)
#define DEFAULT_MAX_DEPTH     1000
#define DEFAULT_MAX_NODES     (10u * 1000 * 1000)
#define DEFAULT_MAX_REF_FILES 1000

const char *adr_version(void)
{
    return ADR_VERSION_STRING;
}

int adr_abi_version(void)
{
    return ADR_ABI_VERSION;
}

const char *adr_last_error(void)
{
    return adr_get_error();
}

const char *adr_strerror(int code)
{
    switch (code) {
    case ADR_OK: return "success";
    case ADR_ERROR: return "error";
    case ADR_ENOMEM: return "out of memory";
    case ADR_EINVAL: return "invalid argument";
    case ADR_EIO: return "input/output error";
    case ADR_ECONFIG: return "invalid configuration";
    case ADR_EPLUGIN: return "plugin error";
    case ADR_ENOTFOUND: return "not found";
    case ADR_EVERSION: return "unsupported struct version";
    case ADR_ELIMIT: return "limit exceeded";
    default: return "unknown error";
    }
}

const char *adr_severity_name(adr_severity s)
{
    switch (s) {
    case ADR_SEVERITY_ERROR: return "error";
    case ADR_SEVERITY_WARN: return "warn";
    case ADR_SEVERITY_INFO: return "info";
    case ADR_SEVERITY_HINT: return "hint";
    default: return "off";
    }
}

int adr_severity_parse(const char *name, adr_severity *out)
{
    static const struct {
        const char *name;
        adr_severity sev;
    } names[] = {{"error", ADR_SEVERITY_ERROR},      {"warn", ADR_SEVERITY_WARN},
                 {"warning", ADR_SEVERITY_WARN},     {"info", ADR_SEVERITY_INFO},
                 {"information", ADR_SEVERITY_INFO}, {"hint", ADR_SEVERITY_HINT},
                 {"off", ADR_SEVERITY_OFF}};
    if (!name || !out) return ADR_EINVAL;
    for (size_t i = 0; i < ADR_ARRAY_LEN(names); i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].sev;
            return ADR_OK;
        }
    return ADR_EINVAL;
}

/* Size of each version of adr_options: a program built against an older
 * header passes a shorter struct, whose later fields must not be read. */
static size_t options_size(unsigned int version)
{
    switch (version) {
    case 1: return offsetof(adr_options, ignore_file);
    case 2: return sizeof(adr_options);
    default: return 0;
    }
}

int adr_options_init(adr_options *opts, unsigned int version)
{
    if (!opts) return ADR_EINVAL;
    size_t size = options_size(version);
    if (!size) {
        adr_set_error("invalid version %u on adr_options", version);
        return ADR_EVERSION;
    }
    memset(opts, 0, size);
    opts->version = version;
    return ADR_OK;
}

void adr_free(void *ptr)
{
    adr_xfree(ptr);
}

void adr_linter_free(adr_linter *L)
{
    if (!L) return;
    for (size_t i = 0; i < L->nrules; i++) {
        for (size_t p = 0; p < L->rules[i].npatterns; p++)
            pcre2_code_free(L->rules[i].patterns[p]);
        adr_xfree(L->rules[i].patterns);
    }
    for (int k = 0; k < ADR_KIND_COUNT_; k++)
        adr_xfree(L->by_kind[k]);
    for (size_t o = 0; o < L->noverrides; o++) {
        for (size_t g = 0; g < L->overrides[o].nglobs; g++)
            adr_xfree(L->overrides[o].globs[g]);
        adr_xfree(L->overrides[o].globs);
        adr_xfree(L->overrides[o].rules);
        adr_xfree(L->overrides[o].sevs);
    }
    adr_xfree(L->overrides);
    adr_xfree(L->config_path);
    adr_xfree(L->forced_rules);
    adr_xfree(L->forced_sevs);
    adr_xfree(L->ignore_path);
    adr_xfree(L->ignores);
    adr_xfree(L->ignore_sorted);
    adr_arena_destroy(&L->ignore_arena);
    adr_xfree(L->rules);
    adr_xfree(L->profile);
    adr_xfree(L->root_dir);
    adr_xfree(L->config_dir);
    adr_plugins_unload(L);
    adr_xfree(L);
}

int adr_linter_new(adr_linter **out, const adr_options *opts)
{
    if (!out) {
        adr_set_error("adr_linter_new: out is NULL");
        return ADR_EINVAL;
    }
    *out = NULL;
    /* Work on a current-version copy so older callers get the defaults of
     * the fields their struct lacks. */
    adr_options o;
    adr_options_init(&o, ADR_OPTIONS_VERSION);
    if (opts) {
        size_t size = options_size(opts->version);
        if (!size) {
            adr_set_error("invalid version %u on adr_options (this library knows 1 to %d)",
                          opts->version, ADR_OPTIONS_VERSION);
            return ADR_EVERSION;
        }
        memcpy(&o, opts, size);
        o.version = ADR_OPTIONS_VERSION;
    }
    opts = &o;
    if (opts->plugin_path_count && !opts->plugin_paths) {
        adr_set_error("adr_options: plugin_path_count without plugin_paths");
        return ADR_EINVAL;
    }
    adr_linter *L = adr_xcalloc(1, sizeof *L);
    if (!L) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    adr_host_init(&L->host);
    L->max_file_size = opts->max_file_size ? opts->max_file_size : DEFAULT_MAX_FILE_SIZE;
    L->max_depth = opts->max_depth ? opts->max_depth : DEFAULT_MAX_DEPTH;
    L->max_nodes = opts->max_nodes ? opts->max_nodes : DEFAULT_MAX_NODES;
    L->max_ref_files = opts->max_ref_files ? opts->max_ref_files : DEFAULT_MAX_REF_FILES;
    if (opts->root_dir) {
        L->root_dir = adr_path_absolute(opts->root_dir);
        if (!L->root_dir) goto oom;
    }
    /* The configuration is read first: it may name plugins, and its rules
     * are checked against the registry those plugins complete. */
    adr_doc *cfg = NULL;
    int rc = adr_config_load(L, opts, &cfg);
    if (rc == 0) rc = adr_plugins_load(L, opts);
    if (rc == 0) rc = adr_config_plugins(L, opts, cfg);
    if (rc == 0) rc = adr_registry_build(L);
    if (rc == 0) rc = adr_config_apply(L, opts, cfg);
    if (rc == 0) rc = adr_config_ignore(L, opts, cfg);
    if (rc == 0) rc = adr_registry_index(L);
    adr_doc_free(cfg);
    if (rc != 0) {
        adr_linter_free(L);
        return rc;
    }
    *out = L;
    return ADR_OK;
oom:
    adr_linter_free(L);
    adr_set_error_oom();
    return ADR_ENOMEM;
}

int adr_linter_lint_file(const adr_linter *L, const char *path, adr_result **out)
{
    if (!L || !path || !out) {
        adr_set_error("adr_linter_lint_file: NULL argument");
        return ADR_EINVAL;
    }
    *out = NULL;
    char *data;
    size_t size;
    bool mapped;
    int rc = adr_map_file(path, L->max_file_size, &data, &size, &mapped);
    if (rc) return rc;
    char *abs = adr_path_absolute(path);
    if (!abs) {
        adr_release_file(data, size, mapped);
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    rc = adr_run_ex(L, data, size, mapped, path, abs, NULL, 0, out);
    adr_xfree(abs);
    return rc;
}

int adr_linter_lint_buffer(const adr_linter *L, const char *data, size_t size, const char *name,
                           adr_result **out)
{
    return adr_linter_lint_buffers(L, data, size, name, NULL, 0, out);
}

int adr_linter_lint_buffers(const adr_linter *L, const char *data, size_t size, const char *name,
                            const adr_source *sources, size_t count, adr_result **out)
{
    if (!L || (!data && size) || !out || (count && !sources)) {
        adr_set_error("adr_linter_lint_buffers: NULL argument");
        return ADR_EINVAL;
    }
    *out = NULL;
    if (size > L->max_file_size) {
        adr_set_error("%s: input is larger than the limit of %zu bytes", name ? name : "<input>",
                      L->max_file_size);
        return ADR_ELIMIT;
    }
    char *copy = adr_xstrndup(data ? data : "", size);
    if (!copy) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    char *abs = name ? adr_path_absolute(name) : NULL;
    if (name && !abs) {
        adr_xfree(copy);
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    int rc = adr_run_sources(L, copy, size, name ? name : "<input>", abs, sources, count, out);
    adr_xfree(abs);
    return rc;
}

int adr_linter_lint_fd(const adr_linter *L, int fd, const char *name, adr_result **out)
{
    if (!L || !out) {
        adr_set_error("adr_linter_lint_fd: NULL argument");
        return ADR_EINVAL;
    }
    *out = NULL;
    char *data;
    size_t size;
    int rc = adr_read_fd(fd, L->max_file_size, &data, &size);
    if (rc) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s", adr_get_error());
        adr_set_error("%s: %s", name ? name : "<stdin>", msg);
        return rc;
    }
    char *abs = name ? adr_path_absolute(name) : NULL;
    rc = adr_run(L, data, size, name ? name : "<stdin>", abs, out);
    adr_xfree(abs);
    return rc;
}

size_t adr_linter_rule_count(const adr_linter *L)
{
    return L ? L->nrules : 0;
}

const adr_rule_info *adr_linter_rule(const adr_linter *L, size_t i)
{
    return L && i < L->nrules ? &L->rules[i].info : NULL;
}

const adr_rule_info *adr_linter_rule_find(const adr_linter *L, const char *code)
{
    if (!L || !code) return NULL;
    rule_entry *e = adr_registry_find(L, code, strlen(code));
    return e ? &e->info : NULL;
}

const char *adr_linter_profile(const adr_linter *L)
{
    return L ? L->profile : NULL;
}

const char *adr_linter_config(const adr_linter *L)
{
    return L ? L->config_path : NULL;
}
