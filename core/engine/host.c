/* The function table plugins call (include/adrlint/plugin.h). */
#include "run.h"
#include "../schema/schema.h"

#include <stdio.h>
#include <string.h>

static bool is_coll(const adr_node *n)
{
    return n->type == ADR_NODE_MAP || n->type == ADR_NODE_SEQ;
}

static adr_node_type h_type(const adr_node *n)
{
    return n ? (adr_node_type)n->type : ADR_NODE_NULL;
}

static const char *h_text(const adr_node *n, size_t *len)
{
    if (!n || is_coll(n)) {
        if (len) *len = 0;
        return NULL;
    }
    if (len) *len = n->len;
    return n->u.text;
}

static int h_is(const adr_node *n, const char *s)
{
    return n && s && adr_node_is(n, s);
}

static size_t h_count(const adr_node *n)
{
    return n && is_coll(n) ? n->len : 0;
}

static const adr_node *h_get(const adr_node *m, const char *key)
{
    return m && key ? adr_node_get(m, key) : NULL;
}

static const adr_node *h_key_at(const adr_node *m, size_t i)
{
    return m && m->type == ADR_NODE_MAP && i < m->len ? m->u.pairs[i].key : NULL;
}

static const adr_node *h_value_at(const adr_node *m, size_t i)
{
    return m && m->type == ADR_NODE_MAP && i < m->len ? m->u.pairs[i].value : NULL;
}

static const adr_node *h_item(const adr_node *s, size_t i)
{
    return s && s->type == ADR_NODE_SEQ && i < s->len ? s->u.items[i] : NULL;
}

static int h_number(const adr_node *n, double *out)
{
    double d;
    if (!adr_node_number(n, &d)) return 0;
    if (out) *out = d;
    return 1;
}

static int h_boolean(const adr_node *n)
{
    if (!n || n->type != ADR_NODE_BOOL) return -1;
    return n->u.text[0] == 't' || n->u.text[0] == 'T';
}

static adr_position h_start(const adr_node *n)
{
    adr_position p = {0, 0, 0, 0};
    return n ? adr_doc_position(n->doc, n->start) : p;
}

static adr_position h_end(const adr_node *n)
{
    adr_position p = {0, 0, 0, 0};
    return n ? adr_doc_position(n->doc, n->end) : p;
}

static const adr_node *h_key_of(const adr_node *n)
{
    return adr_node_key_of(n);
}

static const adr_node *h_parent(const adr_node *n)
{
    return n ? n->parent : NULL;
}

static const adr_node *h_deref(adr_ctx *ctx, const adr_node *n)
{
    return adr_run_deref(ctx->run, n);
}

static const adr_node *h_root(adr_ctx *ctx)
{
    return ctx->run->doc->root;
}

static int h_adr_version(adr_ctx *ctx)
{
    return ctx->run->L->adr_version;
}

static uint32_t h_format(adr_ctx *ctx)
{
    return ctx->run->format;
}

static const adr_visit *h_enclosing(adr_ctx *ctx, adr_kind kind)
{
    run *r = ctx->run;
    /* frames[nframes-1] is the visit being checked; look outside it. */
    for (size_t i = r->nframes > 0 ? r->nframes - 1 : 0; i-- > 0;)
        if (r->frames[i].kind == kind) return &r->frames[i];
    return NULL;
}

static void *h_state(adr_ctx *ctx, size_t size)
{
    run *r = ctx->run;
    if (!ctx->rule) return NULL;
    void **slot = &r->states[ctx->rule->index];
    if (!*slot) {
        *slot = adr_arena_zalloc(&r->arena, size);
        if (!*slot) r->oom = true;
    }
    return *slot;
}

static void *h_alloc(adr_ctx *ctx, size_t size)
{
    void *p = adr_arena_alloc(&ctx->run->arena, size);
    if (!p) ctx->run->oom = true;
    return p;
}

static void h_vreport(adr_ctx *ctx, const adr_node *at, const char *fmt, va_list ap)
{
    if (!ctx->rule) return;
    /* Most messages are constant: no formatting to do. */
    if (!strchr(fmt, '%')) {
        adr_run_report(ctx->run, ctx->rule, at, fmt);
        return;
    }
    char small[512];
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(small, sizeof small, fmt, cp);
    va_end(cp);
    if (n < 0) return;
    if ((size_t)n < sizeof small) {
        adr_run_report(ctx->run, ctx->rule, at, small);
        return;
    }
    char *big = adr_arena_vprintf(&ctx->run->arena, fmt, ap);
    if (!big) {
        ctx->run->oom = true;
        return;
    }
    adr_run_report(ctx->run, ctx->rule, at, big);
}

static void h_report(adr_ctx *ctx, const adr_node *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    h_vreport(ctx, at, fmt, ap);
    va_end(ap);
}

static int h_match(adr_ctx *ctx, unsigned index, const char *s, size_t len)
{
    const rule_entry *re = ctx->rule;
    if (!re || index >= re->npatterns || !s) return -1;
    int rc = pcre2_match(re->patterns[index], (PCRE2_SPTR)s, len, 0, 0, ctx->run->md, NULL);
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    return rc < 0 ? rc : -1;
}

/* References inside schemas resolve quietly: the walk visits every schema
 * and reports a broken $ref once, where it is written. */
static const adr_node *schema_deref(void *user, const adr_node *obj)
{
    run *r = user;
    adr_ref_status st;
    const char *msg;
    adr_node *t = adr_ws_deref(&r->ws, obj, &st, &msg, NULL);
    if (r->ws.oom) r->oom = true;
    return t;
}

static bool ensure_schema(run *r)
{
    if (!r->schema) {
        r->schema = adr_schema_ctx_new(schema_deref, r);
        if (!r->schema) r->oom = true;
    }
    return r->schema != NULL;
}

static int h_validate(adr_ctx *ctx, const adr_node *schema, const adr_node *instance,
                      unsigned flags, adr_schema_error_fn fn, void *user)
{
    run *r = ctx->run;
    if (!ensure_schema(r)) return ADR_ENOMEM;
    if (!(flags & (ADR_VALIDATE_OAS30 | ADR_VALIDATE_2020_12)))
        flags |= (r->format & ADR_FORMAT_OAS3_1) ? ADR_VALIDATE_2020_12 : ADR_VALIDATE_OAS30;
    int rc = adr_schema_validate(r->schema, schema, instance, flags, fn, user);
    if (rc < 0) r->oom = true;
    return rc;
}

static adr_severity h_rule_severity(adr_ctx *ctx, const char *code)
{
    if (!code) return ADR_SEVERITY_OFF;
    const rule_entry *re = adr_registry_find(ctx->run->L, code, strlen(code));
    return re ? ctx->run->sev[re->index] : ADR_SEVERITY_OFF;
}

static void *h_plugin_state(adr_ctx *ctx, size_t size)
{
    run *r = ctx->run;
    const adr_linter *L = r->L;
    if (!ctx->rule) return NULL;
    if (!r->plugin_states) {
        r->plugin_states = adr_arena_zalloc(&r->arena, (L->nplugins + 1) * sizeof(void *));
        if (!r->plugin_states) {
            r->oom = true;
            return NULL;
        }
    }
    const plugin_entry *pe = ctx->rule->plugin;
    size_t i =
        pe >= L->plugins && pe < L->plugins + L->nplugins ? (size_t)(pe - L->plugins) : L->nplugins;
    if (!r->plugin_states[i]) {
        r->plugin_states[i] = adr_arena_zalloc(&r->arena, size ? size : 1);
        if (!r->plugin_states[i]) r->oom = true;
    }
    return r->plugin_states[i];
}

static int h_match_ecma(adr_ctx *ctx, const char *pattern, size_t plen, const char *s, size_t len)
{
    if (!pattern || !s || !ensure_schema(ctx->run)) return -1;
    return adr_schema_match(ctx->run->schema, pattern, plen, s, len);
}

void adr_host_init(adr_host *h)
{
    memset(h, 0, sizeof *h);
    h->struct_size = sizeof *h;
    h->abi_major = ADR_PLUGIN_ABI_MAJOR;
    h->abi_minor = ADR_PLUGIN_ABI_MINOR;
    h->type = h_type;
    h->text = h_text;
    h->is = h_is;
    h->count = h_count;
    h->get = h_get;
    h->key_at = h_key_at;
    h->value_at = h_value_at;
    h->item = h_item;
    h->number = h_number;
    h->boolean = h_boolean;
    h->start = h_start;
    h->end = h_end;
    h->key_of = h_key_of;
    h->parent = h_parent;
    h->deref = h_deref;
    h->root = h_root;
    h->adr_version = h_adr_version;
    h->format = h_format;
    h->enclosing = h_enclosing;
    h->state = h_state;
    h->alloc = h_alloc;
    h->report = h_report;
    h->vreport = h_vreport;
    h->match = h_match;
    h->validate = h_validate;
    h->rule_severity = h_rule_severity;
    h->plugin_state = h_plugin_state;
    h->match_ecma = h_match_ecma;
}
