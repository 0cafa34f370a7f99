/* The rule registry: built-in rules plus every plugin's rules, checked,
 * sorted by code, with their patterns compiled once. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

static const plugin_entry core_plugin = {NULL, "(built in)", NULL, "core", false};

static int cmp_rule(const void *a, const void *b)
{
    return strcmp(((const rule_entry *)a)->info.code, ((const rule_entry *)b)->info.code);
}

static bool alias_has(const char *aliases, const char *code, size_t len)
{
    if (!aliases) return false;
    const char *p = aliases;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if ((size_t)(e - p) == len && memcmp(p, code, len) == 0) return true;
        p = e;
    }
    return false;
}

rule_entry *adr_registry_find(const adr_linter *L, const char *code, size_t len)
{
    size_t lo = 0, hi = L->nrules;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *c = L->rules[mid].info.code;
        int r = strncmp(c, code, len);
        if (r == 0 && c[len] != 0) r = 1;
        if (r == 0) return &L->rules[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = 0; i < L->nrules; i++)
        if (alias_has(L->rules[i].info.aliases, code, len)) return &L->rules[i];
    return NULL;
}

static int add_rule(adr_linter *L, size_t *cap, const adr_rule *r, const plugin_entry *pe,
                    bool builtin)
{
    const char *where = pe->path;
    if (!r || r->struct_size < offsetof(adr_rule, finish) + sizeof r->finish) {
        adr_set_error("plugin %s: rule descriptor too small or NULL", where);
        return ADR_EPLUGIN;
    }
    if (!r->code || !*r->code || !r->title || (!builtin && !r->check)) {
        adr_set_error("plugin %s: rule '%s' lacks a code, title or check function", where,
                      r->code ? r->code : "?");
        return ADR_EPLUGIN;
    }
    if (r->default_severity < ADR_SEVERITY_ERROR || r->default_severity > ADR_SEVERITY_HINT) {
        adr_set_error("plugin %s: rule '%s' has an invalid default severity", where, r->code);
        return ADR_EPLUGIN;
    }
    if (!adr_grow((void **)&L->rules, cap, L->nrules + 1, sizeof *L->rules)) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    rule_entry *e = &L->rules[L->nrules++];
    memset(e, 0, sizeof *e);
    e->rule = r;
    e->plugin = pe;
    e->builtin = builtin;
    e->severity = ADR_SEVERITY_OFF;
    e->info.code = r->code;
    e->info.rule_id = r->rule_id ? r->rule_id : "";
    e->info.title = r->title;
    e->info.rationale = r->rationale ? r->rationale : "";
    e->info.doc_url = r->doc_url ? r->doc_url : "";
    e->info.plugin = pe->name;
    e->info.default_severity = r->default_severity;
    e->info.aliases = r->aliases ? r->aliases : "";
    return 0;
}

static int compile_patterns(rule_entry *e, const char *where)
{
    const adr_rule *r = e->rule;
    if (!r->patterns) return 0;
    size_t n = 0;
    while (r->patterns[n])
        n++;
    if (!n) return 0;
    e->patterns = adr_xcalloc(n, sizeof *e->patterns);
    if (!e->patterns) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    e->npatterns = n;
    for (size_t i = 0; i < n; i++) {
        int err;
        PCRE2_SIZE off;
        e->patterns[i] = pcre2_compile((PCRE2_SPTR)r->patterns[i], PCRE2_ZERO_TERMINATED,
                                       PCRE2_UTF | PCRE2_NO_UTF_CHECK, &err, &off, NULL);
        if (!e->patterns[i]) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(err, msg, sizeof msg);
            adr_set_error("plugin %s: rule '%s' pattern %zu: %s at offset %zu", where, r->code, i,
                          (const char *)msg, (size_t)off);
            return ADR_EPLUGIN;
        }
        /* JIT is an optimisation; the interpreter is the fallback. */
        (void)pcre2_jit_compile(e->patterns[i], PCRE2_JIT_COMPLETE);
    }
    return 0;
}

int adr_registry_build(adr_linter *L)
{
    size_t cap = 0;
    int rc;
    for (size_t i = 0; i < adr_builtin_rule_count; i++)
        if ((rc = add_rule(L, &cap, adr_builtin_rules[i], &core_plugin, true)) != 0) return rc;
    for (size_t p = 0; p < L->nplugins; p++) {
        const plugin_entry *pe = &L->plugins[p];
        for (size_t i = 0; i < pe->desc->rule_count; i++)
            if ((rc = add_rule(L, &cap, pe->desc->rules[i], pe, false)) != 0) return rc;
    }
    qsort(L->rules, L->nrules, sizeof *L->rules, cmp_rule);
    for (size_t i = 0; i < L->nrules; i++) {
        L->rules[i].index = i;
        if (i > 0 && strcmp(L->rules[i].info.code, L->rules[i - 1].info.code) == 0) {
            adr_set_error("plugin %s: rule '%s' is already defined by %s", L->rules[i].plugin->path,
                          L->rules[i].info.code, L->rules[i - 1].plugin->path);
            return ADR_EPLUGIN;
        }
    }
    /* An alias may not shadow a code or another alias. */
    for (size_t i = 0; i < L->nrules; i++) {
        const char *a = L->rules[i].info.aliases;
        while (a && *a) {
            while (*a == ' ')
                a++;
            const char *e = a;
            while (*e && *e != ' ')
                e++;
            if (e > a) {
                for (size_t j = 0; j < L->nrules; j++) {
                    bool clash = strlen(L->rules[j].info.code) == (size_t)(e - a) &&
                                 memcmp(L->rules[j].info.code, a, (size_t)(e - a)) == 0;
                    if (!clash && j != i)
                        clash = alias_has(L->rules[j].info.aliases, a, (size_t)(e - a));
                    if (clash) {
                        adr_set_error(
                            "plugin %s: alias '%.*s' of rule '%s' is already used by '%s'",
                            L->rules[i].plugin->path, (int)(e - a), a, L->rules[i].info.code,
                            L->rules[j].info.code);
                        return ADR_EPLUGIN;
                    }
                }
            }
            a = e;
        }
    }
    for (size_t i = 0; i < L->nrules; i++)
        if ((rc = compile_patterns(&L->rules[i], L->rules[i].plugin->path)) != 0) return rc;
    return 0;
}

int adr_registry_index(adr_linter *L)
{
    for (int k = 0; k < ADR_KIND_COUNT_; k++) {
        adr_xfree(L->by_kind[k]);
        L->by_kind[k] = NULL;
        L->nby_kind[k] = 0;
    }
    for (int k = 0; k < ADR_KIND_COUNT_; k++) {
        size_t n = 0;
        for (size_t i = 0; i < L->nrules; i++)
            if (L->rules[i].rule->check && (L->rules[i].rule->kinds & ADR_KIND_BIT(k))) n++;
        if (!n) continue;
        L->by_kind[k] = adr_xcalloc(n, sizeof *L->by_kind[k]);
        /* Not "continue": the rules of this kind would silently not run. */
        if (!L->by_kind[k]) {
            adr_set_error_oom();
            return ADR_ENOMEM;
        }
        for (size_t i = 0; i < L->nrules; i++)
            if (L->rules[i].rule->check && (L->rules[i].rule->kinds & ADR_KIND_BIT(k)))
                L->by_kind[k][L->nby_kind[k]++] = &L->rules[i];
    }
    return 0;
}
