/* A lint run: parse, walk, collect, then turn findings into a result. */
#include "run.h"
#include "result.h"
#include "../schema/schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void adr_run_report_at(run *r, const rule_entry *rule, adr_doc *doc, uint32_t start, uint32_t end,
                       const char *msg)
{
    if (r->oom || r->sev[rule->index] == ADR_SEVERITY_OFF) return;
    if (!adr_grow((void **)&r->diags, &r->capdiags, r->ndiags + 1, sizeof *r->diags)) {
        r->oom = true;
        return;
    }
    const char *m = rule->future ? adr_arena_printf(&r->arena, "%s (becomes an error in ADR %s)",
                                                    msg, rule->future)
                                 : adr_arena_strdup(&r->arena, msg);
    if (!m) {
        r->oom = true;
        return;
    }
    diag_rec *d = &r->diags[r->ndiags++];
    d->rule = rule;
    d->node = NULL;
    d->doc = doc;
    d->start = start;
    d->end = end;
    d->message = m;
    d->severity = r->sev[rule->index];
}

void adr_run_report(run *r, const rule_entry *rule, const adr_node *at, const char *msg)
{
    if (!at) at = r->doc->root;
    size_t before = r->ndiags;
    adr_run_report_at(r, rule, at->doc, at->start, at->end, msg);
    if (r->ndiags > before) r->diags[r->ndiags - 1].node = at;
}

static const rule_entry *builtin(run *r, const char *code)
{
    return adr_registry_find(r->L, code, strlen(code));
}

adr_node *adr_run_deref(run *r, const adr_node *obj)
{
    if (!obj) return NULL;
    adr_ref_status st;
    const char *msg;
    const adr_node *refnode;
    adr_node *t = adr_ws_deref(&r->ws, obj, &st, &msg, &refnode);
    if (r->ws.oom) r->oom = true;
    if (t) return t;
    const rule_entry *re =
        builtin(r, st == ADR_REF_REMOTE ? ADR_CODE_UNRESOLVED_REF : ADR_CODE_INVALID_REF);
    if (re && msg) adr_run_report(r, re, refnode ? refnode : obj, msg);
    return NULL;
}

/* Per-file severities: the linter's, then each matching override. */
static void apply_overrides(run *r, const char *abs_path, const char *name)
{
    const adr_linter *L = r->L;
    for (size_t i = 0; i < L->nrules; i++)
        r->sev[i] = L->rules[i].severity;
    if (!L->noverrides) return;
    /* An override's glob is relative to the configuration's directory; a
     * file outside it is matched by the name it was given. */
    const char *rel = abs_path ? abs_path : name;
    size_t dl = L->config_dir ? strlen(L->config_dir) : 0;
    if (abs_path && L->config_dir && adr_path_within(abs_path, L->config_dir)) {
        rel = abs_path + dl;
        while (*rel == '/')
            rel++;
    }
    for (size_t o = 0; o < L->noverrides; o++) {
        const cfg_override *co = &L->overrides[o];
        bool hit = false;
        for (size_t g = 0; g < co->nglobs && !hit; g++)
            hit = adr_glob_match(co->globs[g], rel) || (name && adr_glob_match(co->globs[g], name));
        if (!hit) continue;
        for (size_t k = 0; k < co->nrules; k++)
            r->sev[co->rules[k]] = co->sevs[k];
    }
    /* Settings from outside the configuration (--skip-rule) win. */
    for (size_t i = 0; i < L->nforced; i++)
        r->sev[L->forced_rules[i]] = L->forced_sevs[i];
}

static void collect_doc_errors(run *r)
{
    for (size_t d = 0; d < r->ws.ndocs; d++) {
        adr_doc *doc = r->ws.docs[d];
        for (size_t i = 0; i < doc->nerrors; i++) {
            adr_doc_error *e = &doc->errors[i];
            const rule_entry *re = builtin(r, e->code);
            if (!re) continue;
            if (e->node)
                adr_run_report(r, re, e->node, e->message);
            else
                adr_run_report_at(r, re, doc, e->start, e->end, e->message);
        }
    }
}

static void run_finish(run *r)
{
    const adr_linter *L = r->L;
    for (size_t i = 0; i < L->nrules && !r->oom; i++) {
        const rule_entry *re = &L->rules[i];
        if (!re->rule->finish || r->sev[i] == ADR_SEVERITY_OFF) continue;
        if (re->rule->formats && !(re->rule->formats & r->format)) continue;
        r->ctx.rule = re;
        re->rule->finish(&L->host, &r->ctx);
    }
    r->ctx.rule = NULL;
}

static void run_free(run *r)
{
    adr_schema_ctx_free(r->schema);
    adr_ws_destroy(&r->ws);
    adr_arena_destroy(&r->arena);
    adr_xfree(r->sev);
    adr_xfree(r->states);
    adr_xfree(r->frames);
    adr_xfree(r->diags);
    pcre2_match_data_free(r->md);
}

int adr_run(const adr_linter *L, char *buf, size_t size, const char *name, const char *abs_path,
            adr_result **out)
{
    return adr_run_ex(L, buf, size, false, name, abs_path, NULL, 0, out);
}

int adr_run_sources(const adr_linter *L, char *buf, size_t size, const char *name,
                    const char *abs_path, const adr_source *sources, size_t nsources,
                    adr_result **out)
{
    return adr_run_ex(L, buf, size, false, name, abs_path, sources, nsources, out);
}

int adr_run_ex(const adr_linter *L, char *buf, size_t size, bool mapped, const char *name,
               const char *abs_path, const adr_source *sources, size_t nsources, adr_result **out)
{
    *out = NULL;
    run r;
    memset(&r, 0, sizeof r);
    r.L = L;
    r.ctx.run = &r;
    adr_arena_init(&r.arena, 16 * 1024);
    r.sev = adr_xcalloc(L->nrules ? L->nrules : 1, sizeof *r.sev);
    r.states = adr_xcalloc(L->nrules ? L->nrules : 1, sizeof *r.states);
    r.md = pcre2_match_data_create(16, NULL);
    char *root = NULL;
    if (L->root_dir)
        root = adr_xstrdup(L->root_dir);
    else if (abs_path)
        root = adr_path_dirname(abs_path);
    else
        root = adr_path_absolute(".");
    adr_doc_limits lim = {L->max_depth, L->max_nodes};
    adr_ws_init(&r.ws, root, L->max_file_size, L->max_ref_files, &lim);
    adr_xfree(root);
    if (!r.sev || !r.states || !r.md || !r.ws.root_dir ||
        !adr_ws_set_overlays(&r.ws, sources, nsources)) {
        adr_release_file(buf, size, mapped);
        goto oom;
    }
    apply_overrides(&r, abs_path, name);

    adr_doc *doc = adr_doc_parse_ex(name, buf, size, adr_doc_path_is_json(name), &lim, mapped);
    if (!doc) goto oom;
    if (abs_path) {
        doc->abs_path = adr_xstrdup(abs_path);
        if (!doc->abs_path) {
            adr_doc_free(doc);
            goto oom;
        }
    }
    if (!adr_ws_add(&r.ws, doc)) goto oom;
    r.doc = doc;
    /* A document that did not parse is reported as such; running rules on
     * half a tree would add noise to the one finding that matters. */
    if (!doc->fatal) {
        r.format = adr_oas_format(doc->root);
        adr_oas_walk(&r);
        run_finish(&r);
    }
    collect_doc_errors(&r);
    if (r.oom || r.ws.oom) goto oom;
    int rc = adr_result_build(&r, out);
    /* Positions come from line tables built on first use; one that could
     * not be built gave wrong positions. */
    for (size_t i = 0; rc == ADR_OK && i < r.ws.ndocs; i++)
        if (r.ws.docs[i]->oom) {
            adr_result_free(*out);
            *out = NULL;
            adr_set_error_oom();
            rc = ADR_ENOMEM;
        }
    run_free(&r);
    return rc;
oom:
    run_free(&r);
    adr_set_error_oom();
    return ADR_ENOMEM;
}
