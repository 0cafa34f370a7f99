/* Profiles and configuration files share one format:
 *
 *   extends: [adr-2.2]            # profiles (a string or a list)
 *   rules:
 *     nlgov:semver: error         # error | warn | info | hint | off | true | false
 *     nlgov:paths-kebab-case: {severity: warn}
 *   overrides:
 *     - files: ["legacy/..."]
 *       rules: {nlgov:semver: off}
 *   ignore-file: .adrlint-ignore.yaml   # relative to this file
 *   plugins: [rules/our-rules.so]       # relative to this file; trusted only;
 *                                       # their rules run at their default severity
 *
 * Built-in profiles add name, title, adr-version. Errors name the file, line
 * and column (1-based, as compilers print them). */
/* realpath() */
#define _XOPEN_SOURCE 700
#include "engine.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct profile_def {
    const char *name;
    const char *text;
} profile_def;

extern const profile_def adr_profile_defs[];
extern const size_t adr_profile_def_count;

const char *adr_profile_text(const char *name, size_t len)
{
    for (size_t i = 0; i < adr_profile_def_count; i++)
        if (strlen(adr_profile_defs[i].name) == len &&
            memcmp(adr_profile_defs[i].name, name, len) == 0)
            return adr_profile_defs[i].text;
    return NULL;
}

size_t adr_profile_count(void)
{
    return adr_profile_def_count;
}

const char *adr_profile_name(size_t i)
{
    return i < adr_profile_def_count ? adr_profile_defs[i].name : NULL;
}

int adr_cfg_error(adr_doc *doc, const adr_node *at, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    adr_position p = adr_doc_position(doc, at ? at->start : 0);
    if (doc->oom) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    adr_set_error("%s:%u:%u: %s", doc->name, p.line + 1, p.column + 1, msg);
    return ADR_ECONFIG;
}

int adr_cfg_parse_buf(const char *name, char *buf, size_t len, bool json, const adr_doc_limits *lim,
                      adr_doc **out)
{
    adr_doc *doc = adr_doc_parse(name, buf, len, json, lim);
    if (!doc) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    if (doc->nerrors) {
        adr_position p = adr_doc_position(doc, doc->errors[0].start);
        int rc = doc->oom ? ADR_ENOMEM : ADR_ECONFIG;
        if (rc == ADR_ENOMEM)
            adr_set_error_oom();
        else
            adr_set_error("%s:%u:%u: %s", doc->name, p.line + 1, p.column + 1,
                          doc->errors[0].message);
        adr_doc_free(doc);
        return rc;
    }
    *out = doc;
    return 0;
}

int adr_cfg_parse(const char *name, const char *text, size_t len, adr_doc **out)
{
    char *copy = adr_xstrndup(text, len);
    if (!copy) return ADR_ENOMEM;
    adr_doc_limits lim = {64, 100000};
    adr_doc *doc;
    int rc = adr_cfg_parse_buf(name, copy, len, false, &lim, &doc);
    if (rc) return rc;
    if (doc->root->type == ADR_NODE_NULL) {
        *out = doc; /* an empty file is an empty configuration */
        return 0;
    }
    if (doc->root->type != ADR_NODE_MAP) {
        rc = adr_cfg_error(doc, doc->root, "a configuration must be a mapping");
        adr_doc_free(doc);
        return rc;
    }
    *out = doc;
    return 0;
}

static char *node_str(const adr_node *n)
{
    return adr_xstrndup(n->u.text, n->len);
}

/* Severity of a rules entry: "error", true, {severity: warn}. */
static int entry_severity(adr_doc *doc, const adr_node *v, const rule_entry *re, adr_severity *out)
{
    if (v->type == ADR_NODE_MAP) {
        const adr_node *s = adr_node_get(v, "severity");
        if (!s) return adr_cfg_error(doc, v, "rule entry needs a 'severity'");
        v = s;
    }
    if (v->type == ADR_NODE_BOOL) {
        *out = v->u.text[0] == 't' || v->u.text[0] == 'T' ? re->info.default_severity
                                                          : ADR_SEVERITY_OFF;
        return 0;
    }
    if (v->type == ADR_NODE_STRING) {
        char tmp[32];
        size_t n = v->len < sizeof tmp - 1 ? v->len : sizeof tmp - 1;
        memcpy(tmp, v->u.text, n);
        tmp[n] = 0;
        if (adr_severity_parse(tmp, out) == 0) return 0;
    }
    return adr_cfg_error(
        doc, v, "invalid severity '%.*s' (expected error, warn, info, hint or off)", (int)v->len,
        v->type == ADR_NODE_MAP || v->type == ADR_NODE_SEQ ? "" : v->u.text);
}

/* Applies a rules map to sev[]. strict: unknown codes are errors. */
static int apply_rules(adr_linter *L, adr_doc *doc, const adr_node *rules, adr_severity *sev,
                       bool strict)
{
    if (!rules) return 0;
    if (rules->type != ADR_NODE_MAP) return adr_cfg_error(doc, rules, "'rules' must be a mapping");
    for (uint32_t i = 0; i < rules->len; i++) {
        const adr_node *k = rules->u.pairs[i].key, *v = rules->u.pairs[i].value;
        size_t kl;
        const char *kt = adr_node_text(k, &kl);
        rule_entry *re = adr_registry_find(L, kt, kl);
        if (!re) {
            if (strict) return adr_cfg_error(doc, k, "unknown rule '%.*s'", (int)kl, kt);
            continue;
        }
        adr_severity s;
        int rc = entry_severity(doc, v, re, &s);
        if (rc) return rc;
        sev[re->index] = s;
    }
    return 0;
}

static int version_of(const adr_node *v)
{
    if (!v) return 0;
    int major = 0, minor = 0;
    char tmp[16];
    size_t n = v->len < sizeof tmp - 1 ? v->len : sizeof tmp - 1;
    memcpy(tmp, v->u.text, n);
    tmp[n] = 0;
    if (sscanf(tmp, "%d.%d", &major, &minor) < 1) return 0;
    return major * 100 + minor * 10;
}

static int apply_profile(adr_linter *L, const char *name, size_t len, adr_severity *sev,
                         int *version, int depth, adr_doc *from, const adr_node *at);

static int apply_extends(adr_linter *L, adr_doc *doc, const adr_node *ext, adr_severity *sev,
                         int *version, int depth, bool *future)
{
    if (!ext) return 0;
    size_t n = ext->type == ADR_NODE_SEQ ? ext->len : 1;
    for (size_t i = 0; i < n; i++) {
        const adr_node *e = ext->type == ADR_NODE_SEQ ? ext->u.items[i] : ext;
        if (e->type != ADR_NODE_STRING)
            return adr_cfg_error(doc, e, "'extends' takes profile names");
        if (adr_node_is(e, "future")) {
            *future = true;
            continue;
        }
        int rc = apply_profile(L, e->u.text, e->len, sev, version, depth + 1, doc, e);
        if (rc) return rc;
    }
    return 0;
}

static int apply_profile(adr_linter *L, const char *name, size_t len, adr_severity *sev,
                         int *version, int depth, adr_doc *from, const adr_node *at)
{
    const char *text = adr_profile_text(name, len);
    if (!text) {
        if (from) return adr_cfg_error(from, at, "unknown profile '%.*s'", (int)len, name);
        adr_set_error("unknown profile '%.*s'", (int)len, name);
        return ADR_ENOTFOUND;
    }
    if (depth > 8) {
        adr_set_error("profile '%.*s': 'extends' nested too deeply", (int)len, name);
        return ADR_ECONFIG;
    }
    char pname[64];
    snprintf(pname, sizeof pname, "<profile %.*s>", (int)(len < 40 ? len : 40), name);
    adr_doc *doc;
    int rc = adr_cfg_parse(pname, text, strlen(text), &doc);
    if (rc) return rc;
    bool future = false;
    rc = apply_extends(L, doc, adr_node_get(doc->root, "extends"), sev, version, depth, &future);
    int v = version_of(adr_node_get(doc->root, "adr-version"));
    if (v) *version = v;
    if (!rc) rc = apply_rules(L, doc, adr_node_get(doc->root, "rules"), sev, false);
    adr_doc_free(doc);
    return rc;
}

/* The profile one ADR version later, whose errors the future modifier
 * reports as warnings. */
static const char *next_profile(int version, const char **label)
{
    switch (version) {
    case 200: *label = "2.1"; return "adr-2.1";
    case 210: *label = "2.2"; return "adr-2.2";
    default: return NULL;
    }
}

static int parse_overrides(adr_linter *L, adr_doc *doc, const adr_node *ov)
{
    if (!ov) return 0;
    if (ov->type != ADR_NODE_SEQ) return adr_cfg_error(doc, ov, "'overrides' must be a list");
    L->overrides = adr_xcalloc(ov->len ? ov->len : 1, sizeof *L->overrides);
    if (!L->overrides) return ADR_ENOMEM;
    for (uint32_t i = 0; i < ov->len; i++) {
        const adr_node *o = ov->u.items[i];
        if (o->type != ADR_NODE_MAP) return adr_cfg_error(doc, o, "an override must be a mapping");
        const adr_node *files = adr_node_get(o, "files");
        const adr_node *rules = adr_node_get(o, "rules");
        if (!files || files->type != ADR_NODE_SEQ || files->len == 0)
            return adr_cfg_error(doc, files ? files : o,
                                 "an override needs a list of 'files' globs");
        if (!rules || rules->type != ADR_NODE_MAP)
            return adr_cfg_error(doc, rules ? rules : o, "an override needs a 'rules' mapping");
        for (uint32_t k = 0; k < o->len; k++) {
            const adr_node *key = o->u.pairs[k].key;
            size_t kl;
            const char *kt = adr_node_text(key, &kl);
            if (!adr_node_is(key, "files") && !adr_node_is(key, "rules"))
                return adr_cfg_error(doc, key,
                                     "unknown key '%.*s' in override (expected files, rules)",
                                     (int)kl, kt);
        }
        cfg_override *co = &L->overrides[L->noverrides++];
        co->globs = adr_xcalloc(files->len, sizeof *co->globs);
        co->rules = adr_xcalloc(rules->len ? rules->len : 1, sizeof *co->rules);
        co->sevs = adr_xcalloc(rules->len ? rules->len : 1, sizeof *co->sevs);
        if (!co->globs || !co->rules || !co->sevs) return ADR_ENOMEM;
        for (uint32_t g = 0; g < files->len; g++) {
            const adr_node *gn = files->u.items[g];
            if (gn->type != ADR_NODE_STRING)
                return adr_cfg_error(doc, gn, "'files' entries must be strings");
            /* Spectral's "glob#/pointer" form would silently never match. */
            if (memchr(gn->u.text, '#', gn->len))
                return adr_cfg_error(doc, gn,
                                     "'files' entries are file globs; a '#' JSON pointer is not "
                                     "supported (use x-lint-ignore or an ignore file)");
            co->globs[co->nglobs] = node_str(gn);
            if (!co->globs[co->nglobs]) return ADR_ENOMEM;
            co->nglobs++;
        }
        for (uint32_t r = 0; r < rules->len; r++) {
            const adr_node *k = rules->u.pairs[r].key;
            size_t kl;
            const char *kt = adr_node_text(k, &kl);
            rule_entry *re = adr_registry_find(L, kt, kl);
            if (!re) return adr_cfg_error(doc, k, "unknown rule '%.*s'", (int)kl, kt);
            adr_severity s;
            int rc = entry_severity(doc, rules->u.pairs[r].value, re, &s);
            if (rc) return rc;
            co->rules[co->nrules] = re->index;
            co->sevs[co->nrules] = s;
            co->nrules++;
        }
    }
    return 0;
}

static const char *const config_keys[] = {"extends",     "rules",   "overrides",
                                          "ignore-file", "plugins", NULL};

int adr_config_load(adr_linter *L, const adr_options *opts, adr_doc **out)
{
    *out = NULL;
    if (!opts->config_path) return 0;
    char *data;
    size_t size;
    int rc = adr_read_file(opts->config_path, 1u << 20, &data, &size);
    if (rc) return rc;
    adr_doc *cfg;
    rc = adr_cfg_parse(opts->config_path, data, size, &cfg);
    adr_xfree(data);
    if (rc) return rc;
    if (cfg->root->type == ADR_NODE_MAP) {
        for (uint32_t i = 0; i < cfg->root->len; i++) {
            const adr_node *k = cfg->root->u.pairs[i].key;
            bool ok = false;
            for (const char *const *ck = config_keys; *ck; ck++)
                ok = ok || adr_node_is(k, *ck);
            if (!ok) {
                size_t kl;
                const char *kt = adr_node_text(k, &kl);
                rc = adr_cfg_error(cfg, k,
                                   "unknown key '%.*s' (expected extends, rules, overrides, "
                                   "ignore-file, plugins)",
                                   (int)kl, kt);
                adr_doc_free(cfg);
                return rc;
            }
        }
    }
    L->config_path = adr_path_absolute(opts->config_path);
    L->config_dir = L->config_path ? adr_path_dirname(L->config_path) : NULL;
    if (!L->config_dir) {
        adr_doc_free(cfg);
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    *out = cfg;
    return 0;
}

/* The user's own configuration directory, resolved, or NULL. */
static char *user_config_dir(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char *base = NULL;
    /* The XDG spec ignores a relative XDG_CONFIG_HOME. */
    if (xdg && xdg[0] == '/')
        base = adr_path_join(xdg, "adrlint");
    else if (home && home[0] == '/')
        base = adr_path_join(home, ".config/adrlint");
    if (!base) return NULL;
    char *real = realpath(base, NULL);
    adr_xfree(base);
    return real;
}

/* A configuration is trusted to name plugins when the user allowed it or
 * it lies in the user's own configuration directory: a repository being
 * linted cannot put files there. Symbolic links are resolved first so a
 * link in the repository does not count as the user's directory. */
static bool config_trusted(const adr_linter *L, const adr_options *opts)
{
    if (opts->flags & ADR_OPTION_ALLOW_PLUGINS) return true;
    char *dir = user_config_dir();
    char *real = L->config_path ? realpath(L->config_path, NULL) : NULL;
    bool ok = dir && real && adr_path_within(real, dir) && strcmp(real, dir) != 0;
    free(dir);
    free(real);
    return ok;
}

int adr_config_plugins(adr_linter *L, const adr_options *opts, adr_doc *cfg)
{
    const adr_node *pl = cfg ? adr_node_get(cfg->root, "plugins") : NULL;
    if (!pl || pl->type == ADR_NODE_NULL) return 0;
    if (pl->type != ADR_NODE_SEQ && pl->type != ADR_NODE_STRING)
        return adr_cfg_error(cfg, pl, "'plugins' takes a list of plugin files");
    size_t n = pl->type == ADR_NODE_SEQ ? pl->len : 1;
    if (n == 0) return 0;
    if (!config_trusted(L, opts)) {
        adr_cfg_error(cfg, pl,
                      "refusing to load plugins named by this configuration: a plugin runs "
                      "native code, and this file may come from the repository being linted; "
                      "allow it with --allow-plugins (ADR_OPTION_ALLOW_PLUGINS) or keep the "
                      "configuration in ~/.config/adrlint");
        return ADR_EPLUGIN;
    }
    for (size_t i = 0; i < n; i++) {
        const adr_node *e = pl->type == ADR_NODE_SEQ ? pl->u.items[i] : pl;
        if (e->type != ADR_NODE_STRING || e->len == 0)
            return adr_cfg_error(cfg, e, "'plugins' entries must be file names");
        char *rel = node_str(e);
        char *path = rel ? adr_path_join(L->config_dir, rel) : NULL;
        adr_xfree(rel);
        if (!path) {
            adr_set_error_oom();
            return ADR_ENOMEM;
        }
        int rc = adr_plugin_load_file(L, path);
        adr_xfree(path);
        if (rc == 0) L->plugins[L->nplugins - 1].from_config = true;
        if (rc) {
            /* Say which line of the configuration asked for it. */
            char msg[768];
            snprintf(msg, sizeof msg, "%s", adr_get_error());
            adr_cfg_error(cfg, e, "%s", msg);
            return rc;
        }
    }
    return 0;
}

int adr_config_ignore(adr_linter *L, const adr_options *opts, adr_doc *cfg)
{
    const char *opt = opts->version >= 2 ? opts->ignore_file : NULL;
    if (opt) return *opt ? adr_ignore_load(L, opt) : 0;
    const adr_node *n = cfg ? adr_node_get(cfg->root, "ignore-file") : NULL;
    if (!n || n->type == ADR_NODE_NULL) return 0;
    if (n->type != ADR_NODE_STRING || n->len == 0)
        return adr_cfg_error(cfg, n, "'ignore-file' takes a file name");
    char *rel = node_str(n);
    char *path = rel ? adr_path_join(L->config_dir, rel) : NULL;
    adr_xfree(rel);
    if (!path) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    int rc = adr_ignore_load(L, path);
    adr_xfree(path);
    if (rc == ADR_EIO) {
        char msg[768];
        snprintf(msg, sizeof msg, "%s", adr_get_error());
        rc = adr_cfg_error(cfg, n, "%s", msg);
    }
    return rc;
}

/* opts->rule_settings, resolved to rule indexes. */
static int resolve_forced(adr_linter *L, const adr_options *opts)
{
    if (opts->version < 2 || !opts->rule_setting_count) return 0;
    if (!opts->rule_settings) {
        adr_set_error("adr_options: rule_setting_count without rule_settings");
        return ADR_EINVAL;
    }
    size_t n = opts->rule_setting_count;
    L->forced_rules = adr_xcalloc(n, sizeof *L->forced_rules);
    L->forced_sevs = adr_xcalloc(n, sizeof *L->forced_sevs);
    if (!L->forced_rules || !L->forced_sevs) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        const adr_rule_setting *rs = &opts->rule_settings[i];
        rule_entry *re = rs->code ? adr_registry_find(L, rs->code, strlen(rs->code)) : NULL;
        if (!re) {
            adr_set_error("unknown rule '%s'", rs->code ? rs->code : "(null)");
            return ADR_ENOTFOUND;
        }
        if (rs->severity < ADR_SEVERITY_OFF || rs->severity > ADR_SEVERITY_HINT) {
            adr_set_error("rule '%s': invalid severity %d", rs->code, (int)rs->severity);
            return ADR_EINVAL;
        }
        L->forced_rules[L->nforced] = re->index;
        L->forced_sevs[L->nforced] = rs->severity;
        L->nforced++;
    }
    return 0;
}

int adr_config_apply(adr_linter *L, const adr_options *opts, adr_doc *cfg)
{
    int rc = 0;
    adr_severity *sev = adr_xmalloc(L->nrules * sizeof *sev + 1);
    adr_severity *next = adr_xmalloc(L->nrules * sizeof *next + 1);
    if (!sev || !next) {
        rc = ADR_ENOMEM;
        goto out;
    }
    /* Profiles enable the rules they know; built-in rules and those of
     * plugins a configuration names (no profile knows them) run at their
     * default severity unless configured. */
    for (size_t i = 0; i < L->nrules; i++)
        sev[i] = L->rules[i].builtin || L->rules[i].plugin->from_config
                     ? L->rules[i].info.default_severity
                     : ADR_SEVERITY_OFF;

    /* The configuration's extends replaces the profile option. */
    const adr_node *ext = cfg ? adr_node_get(cfg->root, "extends") : NULL;
    int version = 200;
    bool future = false;
    adr_buf pname;
    adr_buf_init(&pname);
    if (ext) {
        rc = apply_extends(L, cfg, ext, sev, &version, 0, &future);
        size_t n = ext->type == ADR_NODE_SEQ ? ext->len : 1;
        for (size_t i = 0; i < n; i++) {
            const adr_node *e = ext->type == ADR_NODE_SEQ ? ext->u.items[i] : ext;
            adr_buf_printf(&pname, "%s%.*s", pname.len ? "," : "", (int)e->len, e->u.text);
        }
    } else {
        const char *spec = opts->profile && *opts->profile ? opts->profile : "adr-2.0";
        adr_buf_puts(&pname, spec);
        const char *p = spec;
        while (*p && !rc) {
            const char *e = strchr(p, ',');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            if (len == 6 && memcmp(p, "future", 6) == 0)
                future = true;
            else
                rc = apply_profile(L, p, len, sev, &version, 0, NULL, NULL);
            p += len + (e ? 1 : 0);
        }
    }
    if (rc) {
        adr_buf_free(&pname);
        goto out;
    }
    L->profile = adr_buf_take(&pname);
    L->adr_version = version;

    if (future) {
        const char *label = NULL;
        const char *np = next_profile(version, &label);
        if (np) {
            int nv = 0;
            for (size_t i = 0; i < L->nrules; i++)
                next[i] = ADR_SEVERITY_OFF;
            rc = apply_profile(L, np, strlen(np), next, &nv, 0, NULL, NULL);
            if (rc) goto out;
            for (size_t i = 0; i < L->nrules; i++) {
                if (next[i] == ADR_SEVERITY_ERROR && sev[i] != ADR_SEVERITY_ERROR &&
                    !L->rules[i].builtin) {
                    sev[i] = ADR_SEVERITY_WARN;
                    L->rules[i].future = label;
                }
            }
        }
    }
    if (cfg) {
        rc = apply_rules(L, cfg, adr_node_get(cfg->root, "rules"), sev, true);
        if (!rc) rc = parse_overrides(L, cfg, adr_node_get(cfg->root, "overrides"));
        if (rc) goto out;
    }
    rc = resolve_forced(L, opts);
    if (rc) goto out;
    for (size_t i = 0; i < L->nforced; i++)
        sev[L->forced_rules[i]] = L->forced_sevs[i];
    for (size_t i = 0; i < L->nrules; i++) {
        L->rules[i].severity = sev[i];
        L->rules[i].info.severity = sev[i];
    }
out:
    if (rc == ADR_ENOMEM) adr_set_error_oom();
    adr_xfree(sev);
    adr_xfree(next);
    return rc;
}

int adr_config_find(const char *file_path, char **out)
{
    if (!out) return ADR_EINVAL;
    *out = NULL;
    char *abs = adr_path_absolute(file_path && *file_path && strcmp(file_path, "-") != 0 ? file_path
                                                                                         : "./-");
    if (!abs) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    char *dir = adr_path_dirname(abs);
    adr_xfree(abs);
    static const char *const names[] = {".adrlint.yaml", ".adrlint.yml"};
    while (dir) {
        for (size_t i = 0; i < ADR_ARRAY_LEN(names); i++) {
            char *cand = adr_path_join(dir, names[i]);
            if (!cand) break;
            FILE *f = fopen(cand, "r");
            if (f) {
                fclose(f);
                adr_xfree(dir);
                *out = cand;
                return ADR_OK;
            }
            adr_xfree(cand);
        }
        if (strcmp(dir, "/") == 0) break;
        char *up = adr_path_dirname(dir);
        adr_xfree(dir);
        dir = up;
    }
    adr_xfree(dir);
    adr_set_error("no .adrlint.yaml above %s", file_path ? file_path : ".");
    return ADR_ENOTFOUND;
}
