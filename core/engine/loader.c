/* Finds and loads rule plugins.
 *
 * Search order: ADRLINT_PLUGIN_PATH when set (a colon-separated list of
 * directories or files, replacing the default), else the directory
 * "adrlint/plugins" beside libadrlint itself (so a build tree and an
 * installation both work with no configuration), then any explicit paths
 * from the options. A plugin that cannot be loaded fails the whole linter:
 * linting with silently missing rules would give wrong answers. */
#define _GNU_SOURCE
#include "engine.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef ADRLINT_PLUGIN_INSTALL_DIR
#define ADRLINT_PLUGIN_INSTALL_DIR ""
#endif

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Loads every *.so in dir, in name order. found counts plugins loaded. */
static int load_dir(adr_linter *L, const char *dir, size_t *found)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || !ends_with(de->d_name, ".so")) continue;
        if (!adr_grow((void **)&names, &cap, n + 1, sizeof *names)) goto oom;
        names[n] = adr_path_join(dir, de->d_name);
        if (!names[n]) goto oom;
        n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (rc == 0) {
            rc = adr_plugin_load_file(L, names[i]);
            if (rc == 0) (*found)++;
        }
        adr_xfree(names[i]);
    }
    adr_xfree(names);
    return rc;
oom:
    closedir(d);
    for (size_t i = 0; i < n; i++)
        adr_xfree(names[i]);
    adr_xfree(names);
    adr_set_error_oom();
    return ADR_ENOMEM;
}

static int load_path(adr_linter *L, const char *p, size_t *found)
{
    if (is_dir(p)) return load_dir(L, p, found);
    int rc = adr_plugin_load_file(L, p);
    if (rc == 0) (*found)++;
    return rc;
}

/* The directory of the shared object that holds this code. */
static char *self_plugin_dir(void)
{
    Dl_info info;
    if (!dladdr((void *)adr_version, &info) || !info.dli_fname) return NULL;
    char *abs = adr_path_absolute(info.dli_fname);
    if (!abs) return NULL;
    char *dir = adr_path_dirname(abs);
    adr_xfree(abs);
    if (!dir) return NULL;
    char *pd = adr_path_join(dir, "adrlint/plugins");
    adr_xfree(dir);
    return pd;
}

int adr_plugins_load(adr_linter *L, const adr_options *opts)
{
    size_t found = 0;
    int rc = 0;
    adr_buf looked;
    adr_buf_init(&looked);
    if (!(opts->flags & ADR_OPTION_NO_DEFAULT_PLUGINS)) {
        const char *env = getenv("ADRLINT_PLUGIN_PATH");
        if (env && *env) {
            char *copy = adr_xstrdup(env);
            if (!copy) return ADR_ENOMEM;
            char *save = NULL;
            for (char *p = strtok_r(copy, ":", &save); p && rc == 0;
                 p = strtok_r(NULL, ":", &save)) {
                adr_buf_printf(&looked, "%s%s", looked.len ? ", " : "", p);
                rc = load_path(L, p, &found);
            }
            adr_xfree(copy);
            if (looked.len) adr_buf_puts(&looked, " (ADRLINT_PLUGIN_PATH)");
        } else {
            char *dir = self_plugin_dir();
            if (dir) {
                adr_buf_puts(&looked, dir);
                rc = load_dir(L, dir, &found);
            }
            /* An installed CLI linked against a library elsewhere still
             * finds the installed plugins. */
            const char *inst = ADRLINT_PLUGIN_INSTALL_DIR;
            if (rc == 0 && found == 0 && inst[0] && (!dir || strcmp(dir, inst) != 0)) {
                adr_buf_printf(&looked, "%s%s", looked.len ? ", " : "", inst);
                rc = load_dir(L, inst, &found);
            }
            adr_xfree(dir);
        }
    }
    for (size_t i = 0; rc == 0 && i < opts->plugin_path_count; i++) {
        adr_buf_printf(&looked, "%s%s", looked.len ? ", " : "", opts->plugin_paths[i]);
        rc = load_path(L, opts->plugin_paths[i], &found);
    }
    if (rc == 0 && found == 0) {
        adr_set_error("no rule plugins found; looked in %s",
                      looked.len ? looked.data : "(no directories)");
        rc = ADR_EPLUGIN;
    }
    adr_buf_free(&looked);
    return rc;
}

static bool has_field(const adr_plugin *p, size_t end)
{
    return p->struct_size >= end;
}

int adr_plugin_load_file(adr_linter *L, const char *path)
{
    if (!path || !*path) {
        adr_set_error("empty plugin path");
        return ADR_EINVAL;
    }
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        adr_set_error("plugin %s: cannot load: %s", path, dlerror());
        return ADR_EPLUGIN;
    }
    dlerror();
    void *sym = dlsym(h, ADR_PLUGIN_ENTRY_SYMBOL);
    const char *derr = dlerror();
    if (!sym || derr) {
        adr_set_error("plugin %s: no symbol %s (%s)", path, ADR_PLUGIN_ENTRY_SYMBOL,
                      derr ? derr : "NULL");
        dlclose(h);
        return ADR_EPLUGIN;
    }
    adr_plugin_entry_fn entry;
    memcpy(&entry, &sym, sizeof entry);
    const adr_plugin *p = entry(&L->host);
    if (!p) {
        adr_set_error("plugin %s: %s returned NULL (the plugin refused this host, ABI %d.%d)", path,
                      ADR_PLUGIN_ENTRY_SYMBOL, ADR_PLUGIN_ABI_MAJOR, ADR_PLUGIN_ABI_MINOR);
        dlclose(h);
        return ADR_EPLUGIN;
    }
    /* struct_size first: nothing else is trusted before it is known. */
    if (p->struct_size < offsetof(adr_plugin, abi_minor) + sizeof p->abi_minor) {
        adr_set_error("plugin %s: descriptor too small (%u bytes)", path, p->struct_size);
        dlclose(h);
        return ADR_EPLUGIN;
    }
    if (p->abi_major != ADR_PLUGIN_ABI_MAJOR) {
        adr_set_error("plugin %s: plugin ABI major %u is not supported (host speaks %d.%d)", path,
                      p->abi_major, ADR_PLUGIN_ABI_MAJOR, ADR_PLUGIN_ABI_MINOR);
        dlclose(h);
        return ADR_EPLUGIN;
    }
    if (p->abi_minor > ADR_PLUGIN_ABI_MINOR) {
        adr_set_error("plugin %s: needs plugin ABI %u.%u, host provides %d.%d (upgrade adrlint)",
                      path, p->abi_major, p->abi_minor, ADR_PLUGIN_ABI_MAJOR, ADR_PLUGIN_ABI_MINOR);
        dlclose(h);
        return ADR_EPLUGIN;
    }
    if (!has_field(p, offsetof(adr_plugin, rules) + sizeof p->rules) || !p->name || !*p->name ||
        (p->rule_count && !p->rules)) {
        adr_set_error("plugin %s: incomplete descriptor (name and rules are required)", path);
        dlclose(h);
        return ADR_EPLUGIN;
    }
    for (size_t i = 0; i < L->nplugins; i++) {
        if (strcmp(L->plugins[i].name, p->name) == 0) {
            adr_set_error("plugin %s: a plugin named '%s' is already loaded from %s", path, p->name,
                          L->plugins[i].path);
            dlclose(h);
            return ADR_EPLUGIN;
        }
    }
    size_t cap = L->nplugins;
    plugin_entry *np = adr_xrealloc(L->plugins, (cap + 1) * sizeof *np);
    if (!np) {
        dlclose(h);
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    L->plugins = np;
    plugin_entry *pe = &L->plugins[L->nplugins];
    pe->handle = h;
    pe->path = adr_xstrdup(path);
    pe->name = adr_xstrdup(p->name);
    pe->desc = p;
    pe->from_config = false;
    if (!pe->path || !pe->name) {
        adr_xfree(pe->path);
        adr_xfree(pe->name);
        dlclose(h);
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    L->nplugins++;
    return 0;
}

void adr_plugins_unload(adr_linter *L)
{
    for (size_t i = 0; i < L->nplugins; i++) {
        if (L->plugins[i].handle) dlclose(L->plugins[i].handle);
        adr_xfree(L->plugins[i].path);
        adr_xfree(L->plugins[i].name);
    }
    adr_xfree(L->plugins);
    L->plugins = NULL;
    L->nplugins = 0;
}
