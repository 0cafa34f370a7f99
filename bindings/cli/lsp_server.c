/* The server's state: open documents, one linter per configuration file,
 * the lint workers and what was published where.
 *
 * The protocol thread only records events (a document changed, a file on
 * disk changed, the configuration changed) and marks the documents that must
 * be linted again; the workers pick the due ones, lint a snapshot (the text
 * plus the other open documents as unsaved stand-ins for files) without the
 * lock, and publish the result only when nothing happened to the document in
 * the meantime (its epoch is unchanged), so a stale version is never
 * published.
 *
 * A lint of one OpenAPI document (a root) reports on several files: its own
 * and the files its $refs reach. Each root keeps its findings per file (a
 * contribution); a file's published list is the union of the contributions
 * of every open root, restricted to those computed from the file's current
 * text. */
#include "lsp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What one root's lint says about one file. */
typedef struct contrib {
    char *key;        /* absolute path, or the URI of a document without one */
    int64_t fversion; /* the open document's version the lint read; -1: disk */
    char **items;     /* serialised LSP Diagnostic objects */
    pdiag *pd;        /* the same findings, for hover and code actions */
    size_t n, cap, pdcap;
} contrib;

typedef struct lcache {
    int refs;
    char *config;       /* configuration path, "" for none */
    adr_linter *linter; /* NULL when creating it failed, and error says why */
    char *error;
} lcache;

typedef struct doc {
    int refs;
    char *uri;
    char *path; /* normalised; NULL for URIs that are not files */
    char *key;  /* path or uri */
    bool open;
    bool lintable; /* YAML or JSON by language or file name */
    int64_t version;
    text *text;
    bool openapi; /* a root: linted */
    bool pending, running;
    uint64_t due; /* ms, monotonic */
    uint64_t epoch;
    contrib *contribs; /* of the last published lint */
    size_t ncontribs;
    char **deps; /* files the last lint read */
    size_t ndeps;
    lcache *linter; /* of the last lint */
    json_object **deferred;
    size_t ndeferred, capdeferred;
} doc;

/* A file published to, so that an emptied list is sent once. */
typedef struct published {
    char *key;
    char *uri;
} published;

struct server {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    pthread_t *threads;
    int nthreads;
    bool quit;
    int debounce_ms;
    bool allow_plugins;
    pos_encoding enc;
    char *profile;
    doc **docs;
    size_t ndocs, capdocs;
    lcache **linters;
    size_t nlinters, caplinters;
    uint64_t generation; /* bumped by every reload */
    published *pubs;
    size_t npubs, cappubs;
    void (*deferred_fn)(void *, json_object *);
    void *deferred_ud;
};

/* Messages built under the lock, sent after it. */
typedef struct outbox {
    char **msgs;
    size_t *lens;
    size_t n, cap;
    json_object **answers; /* deferred requests to answer */
    size_t nanswers, capanswers;
} outbox;

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static char *xstrdup(const char *s)
{
    return s ? strdup(s) : NULL;
}

static bool grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return true;
    size_t nc = *cap ? *cap * 2 : 8;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*p, nc * elem);
    if (!np) return false;
    *p = np;
    *cap = nc;
    return true;
}

static void outbox_msg(outbox *o, sbuf *b)
{
    if (b->oom || !grow((void **)&o->msgs, &o->cap, o->n + 1, sizeof *o->msgs)) {
        sb_free(b);
        return;
    }
    size_t cap = o->cap;
    size_t *nl = realloc(o->lens, cap * sizeof *nl);
    if (!nl) {
        sb_free(b);
        return;
    }
    o->lens = nl;
    o->msgs[o->n] = b->data;
    o->lens[o->n++] = b->len;
    memset(b, 0, sizeof *b);
}

static void outbox_answer(outbox *o, json_object *req)
{
    if (!grow((void **)&o->answers, &o->capanswers, o->nanswers + 1, sizeof *o->answers)) {
        json_object_put(req);
        return;
    }
    o->answers[o->nanswers++] = req;
}

static void outbox_flush(server *s, outbox *o)
{
    for (size_t i = 0; i < o->n; i++) {
        rpc_send_raw(o->msgs[i], o->lens[i]);
        free(o->msgs[i]);
    }
    for (size_t i = 0; i < o->nanswers; i++) {
        if (s->deferred_fn) s->deferred_fn(s->deferred_ud, o->answers[i]);
        json_object_put(o->answers[i]);
    }
    free(o->msgs);
    free(o->lens);
    free(o->answers);
    memset(o, 0, sizeof *o);
}

/* ---- linters ---- */

static void lcache_unref(lcache *c)
{
    if (!c || --c->refs > 0) return;
    adr_linter_free(c->linter);
    free(c->config);
    free(c->error);
    free(c);
}

/* The linter for a configuration (a new reference), created when needed.
 * Creating one loads plugins: done without the lock. */
static lcache *linter_for(server *s, const char *config)
{
    pthread_mutex_lock(&s->lock);
    uint64_t gen = s->generation;
    char *profile = xstrdup(s->profile);
    for (size_t i = 0; i < s->nlinters; i++) {
        if (strcmp(s->linters[i]->config, config) == 0) {
            lcache *c = s->linters[i];
            c->refs++;
            pthread_mutex_unlock(&s->lock);
            free(profile);
            return c;
        }
    }
    pthread_mutex_unlock(&s->lock);

    lcache *c = calloc(1, sizeof *c);
    if (c) c->config = strdup(config);
    if (!c || !c->config) {
        free(c);
        free(profile);
        return NULL;
    }
    c->refs = 1;
    adr_options o = ADR_OPTIONS_INIT;
    o.profile = profile;
    o.config_path = *config ? config : NULL;
    /* Opening a repository in an editor must not run code its configuration
     * names, unless the user's own command line says so. */
    if (s->allow_plugins) o.flags |= ADR_OPTION_ALLOW_PLUGINS;
    if (adr_linter_new(&c->linter, &o) != ADR_OK) {
        c->error = strdup(adr_last_error());
        rpc_log(1, "adrlint: %s", c->error ? c->error : "cannot create a linter");
    }
    free(profile);

    pthread_mutex_lock(&s->lock);
    lcache *use = c;
    for (size_t i = 0; i < s->nlinters; i++) {
        if (strcmp(s->linters[i]->config, config) == 0) {
            use = s->linters[i]; /* another worker was faster */
            use->refs++;
            break;
        }
    }
    /* A linter made from a configuration that a reload has since replaced
     * serves this lint only (whose result the reload makes stale anyway). */
    if (use == c && gen == s->generation &&
        grow((void **)&s->linters, &s->caplinters, s->nlinters + 1, sizeof *s->linters)) {
        s->linters[s->nlinters++] = c;
        c->refs++;
    }
    pthread_mutex_unlock(&s->lock);
    if (use != c) lcache_unref(c);
    return use;
}

/* ---- documents ---- */

static void free_contribs(contrib *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < c[i].n; k++) {
            free(c[i].items[k]);
            free(c[i].pd[k].code);
            free(c[i].pd[k].path);
        }
        free(c[i].items);
        free(c[i].pd);
        free(c[i].key);
    }
    free(c);
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Under the lock. */
static void doc_unref(doc *d)
{
    if (!d || --d->refs > 0) return;
    free_contribs(d->contribs, d->ncontribs);
    free_strings(d->deps, d->ndeps);
    for (size_t i = 0; i < d->ndeferred; i++)
        json_object_put(d->deferred[i]);
    free(d->deferred);
    lcache_unref(d->linter);
    text_unref(d->text);
    free(d->uri);
    free(d->path);
    free(d->key);
    free(d);
}

static doc *find_doc(server *s, const char *uri)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0) return s->docs[i];
    return NULL;
}

static doc *find_key(server *s, const char *key)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i]->key, key) == 0) return s->docs[i];
    return NULL;
}

static void schedule(server *s, doc *d, int delay_ms)
{
    if (!d->openapi) return;
    d->pending = true;
    d->epoch++;
    d->due = now_ms() + (uint64_t)(delay_ms > 0 ? delay_ms : 0);
    pthread_cond_broadcast(&s->cond);
}

static bool depends_on(const doc *d, const char *path)
{
    for (size_t i = 0; i < d->ndeps; i++)
        if (strcmp(d->deps[i], path) == 0) return true;
    return false;
}

/* Roots whose last lint read path: their view of it changed. */
static void schedule_dependents(server *s, const char *path, const doc *except, int delay_ms)
{
    if (!path) return;
    for (size_t i = 0; i < s->ndocs; i++) {
        doc *d = s->docs[i];
        if (d != except && d->openapi && depends_on(d, path)) schedule(s, d, delay_ms);
    }
}

/* ---- publishing ---- */

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static published *find_pub(server *s, const char *key)
{
    for (size_t i = 0; i < s->npubs; i++)
        if (strcmp(s->pubs[i].key, key) == 0) return &s->pubs[i];
    return NULL;
}

static void publish_list(outbox *o, const char *uri, const doc *d, sbuf *items)
{
    sbuf b = {0};
    sb_puts(&b, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\","
                "\"params\":{\"uri\":");
    sb_json(&b, uri, strlen(uri));
    if (d) sb_printf(&b, ",\"version\":%lld", (long long)d->version);
    sb_puts(&b, ",\"diagnostics\":[");
    if (items && items->len) sb_putn(&b, items->data, items->len);
    sb_puts(&b, "]}}");
    outbox_msg(o, &b);
}

/* Sends the union of the open roots' current findings on the file key
 * (under the lock). */
static void publish_file(server *s, outbox *o, const char *key)
{
    doc *target = find_key(s, key);
    sbuf items = {0};
    /* The current contributions; a root's own findings are unique already. */
    const contrib **use = NULL;
    size_t nuse = 0, capuse = 0, total = 0;
    for (size_t i = 0; i < s->ndocs; i++) {
        const doc *r = s->docs[i];
        if (!r->openapi) continue;
        for (size_t c = 0; c < r->ncontribs; c++) {
            const contrib *ct = &r->contribs[c];
            if (strcmp(ct->key, key) != 0) continue;
            /* Only findings computed from the text the client has now. */
            if (target ? ct->fversion != target->version : ct->fversion != -1) continue;
            if (!grow((void **)&use, &capuse, nuse + 1, sizeof *use)) continue;
            use[nuse++] = ct;
            total += ct->n;
        }
    }
    /* Identical findings from two roots sharing a file appear once: a hash
     * set of the serialised diagnostics, only when there are two roots. */
    size_t hcap = 1;
    while (nuse > 1 && hcap < 2 * total)
        hcap *= 2;
    const char **set = nuse > 1 ? calloc(hcap, sizeof *set) : NULL;
    size_t nseen = 0;
    for (size_t u = 0; u < nuse; u++) {
        for (size_t k = 0; k < use[u]->n; k++) {
            const char *item = use[u]->items[k];
            if (set) {
                size_t h = (size_t)fnv1a(item) & (hcap - 1);
                while (set[h] && strcmp(set[h], item) != 0)
                    h = (h + 1) & (hcap - 1);
                if (set[h]) continue;
                set[h] = item;
            }
            if (items.len) sb_putn(&items, ",", 1);
            sb_puts(&items, item);
            nseen++;
        }
    }
    free(set);
    free(use);
    char *uri = target ? strdup(target->uri) : path_to_uri(key);
    published *p = find_pub(s, key);
    if (!uri) {
        sb_free(&items);
        return;
    }
    /* The client may spell a file's URI differently from us: clear what was
     * published under the other spelling. */
    if (p && strcmp(p->uri, uri) != 0) publish_list(o, p->uri, NULL, NULL);
    if (nseen == 0 && !target && !p) {
        free(uri);
        sb_free(&items);
        return;
    }
    publish_list(o, uri, target, &items);
    sb_free(&items);
    if (nseen == 0 && !target) {
        /* Nothing left to say about a closed file: forget it. */
        if (p) {
            free(p->key);
            free(p->uri);
            *p = s->pubs[--s->npubs];
        }
        free(uri);
        return;
    }
    if (p) {
        free(p->uri);
        p->uri = uri;
        return;
    }
    char *k = strdup(key);
    if (!k || !grow((void **)&s->pubs, &s->cappubs, s->npubs + 1, sizeof *s->pubs)) {
        free(k);
        free(uri);
        return;
    }
    s->pubs[s->npubs].key = k;
    s->pubs[s->npubs].uri = uri;
    s->npubs++;
}

/* Replaces a root's contributions and republishes every file they touch(ed). */
static void install(server *s, outbox *o, doc *d, contrib *c, size_t n)
{
    contrib *old = d->contribs;
    size_t nold = d->ncontribs;
    d->contribs = c;
    d->ncontribs = n;
    for (size_t i = 0; i < n; i++)
        publish_file(s, o, c[i].key);
    for (size_t i = 0; i < nold; i++) {
        bool again = false;
        for (size_t k = 0; k < n && !again; k++)
            again = strcmp(c[k].key, old[i].key) == 0;
        if (!again) publish_file(s, o, old[i].key);
    }
    free_contribs(old, nold);
}

static void flush_deferred(doc *d, outbox *o)
{
    for (size_t i = 0; i < d->ndeferred; i++)
        outbox_answer(o, d->deferred[i]);
    free(d->deferred);
    d->deferred = NULL;
    d->ndeferred = d->capdeferred = 0;
}

/* ---- linting ---- */

typedef struct job {
    doc *d;
    uint64_t epoch;
    text *t;
    int64_t version;
    char *name;
    adr_source *src;
    text **srctext;
    int64_t *srcver;
    char **srckey;
    size_t nsrc;
    pos_encoding enc;
} job;

static void job_free(job *j)
{
    for (size_t i = 0; i < j->nsrc; i++) {
        text_unref(j->srctext[i]);
        free(j->srckey[i]);
    }
    free(j->src);
    free(j->srctext);
    free(j->srcver);
    free(j->srckey);
    free(j->name);
    text_unref(j->t);
}

/* Snapshot of a due document and of every other open document (under the
 * lock). */
static bool job_start(server *s, doc *d, job *j)
{
    memset(j, 0, sizeof *j);
    j->d = d;
    j->epoch = d->epoch;
    j->t = text_ref(d->text);
    j->version = d->version;
    j->enc = s->enc;
    j->name = xstrdup(d->path);
    size_t n = 0;
    for (size_t i = 0; i < s->ndocs; i++)
        n += s->docs[i] != d && s->docs[i]->path;
    if (n) {
        j->src = calloc(n, sizeof *j->src);
        j->srctext = calloc(n, sizeof *j->srctext);
        j->srcver = calloc(n, sizeof *j->srcver);
        j->srckey = calloc(n, sizeof *j->srckey);
        if (!j->src || !j->srctext || !j->srcver || !j->srckey) return false;
    }
    for (size_t i = 0; i < s->ndocs; i++) {
        doc *o = s->docs[i];
        if (o == d || !o->path) continue;
        j->srckey[j->nsrc] = strdup(o->path);
        if (!j->srckey[j->nsrc]) return false;
        j->srctext[j->nsrc] = text_ref(o->text);
        j->srcver[j->nsrc] = o->version;
        j->src[j->nsrc].path = j->srckey[j->nsrc];
        j->src[j->nsrc].data = o->text->data;
        j->src[j->nsrc].size = o->text->len;
        j->nsrc++;
    }
    return !d->path || j->name;
}

static contrib *contrib_for(contrib **c, size_t *n, size_t *cap, const char *key, int64_t fversion)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*c)[i].key, key) == 0) return &(*c)[i];
    if (!grow((void **)c, cap, *n + 1, sizeof **c)) return NULL;
    contrib *ct = &(*c)[(*n)++];
    memset(ct, 0, sizeof *ct);
    ct->key = strdup(key);
    ct->fversion = fversion;
    if (!ct->key) {
        (*n)--;
        return NULL;
    }
    return ct;
}

static bool contrib_add(contrib *ct, char *item, const char *code, const char *path, lsp_pos a,
                        lsp_pos b)
{
    if (!item || !grow((void **)&ct->items, &ct->cap, ct->n + 1, sizeof *ct->items) ||
        !grow((void **)&ct->pd, &ct->pdcap, ct->n + 1, sizeof *ct->pd)) {
        free(item);
        return false;
    }
    pdiag *p = &ct->pd[ct->n];
    p->code = strdup(code);
    p->path = strdup(path);
    p->start = a;
    p->end = b;
    if (!p->code || !p->path) {
        free(p->code);
        free(p->path);
        free(item);
        return false;
    }
    ct->items[ct->n++] = item;
    return true;
}

static char *diag_json(lsp_pos a, lsp_pos b, int severity, const char *code, const char *href,
                       const char *message, const char *path)
{
    sbuf x = {0};
    sb_printf(&x,
              "{\"range\":{\"start\":{\"line\":%u,\"character\":%u},\"end\":{\"line\":%u,"
              "\"character\":%u}},\"severity\":%d,\"code\":",
              a.line, a.character, b.line, b.character, severity);
    sb_json(&x, code, strlen(code));
    if (href && *href) {
        sb_puts(&x, ",\"codeDescription\":{\"href\":");
        sb_json(&x, href, strlen(href));
        sb_puts(&x, "}");
    }
    sb_puts(&x, ",\"source\":\"adrlint\",\"message\":");
    sb_json(&x, message, strlen(message));
    if (path) {
        sb_puts(&x, ",\"data\":{\"code\":");
        sb_json(&x, code, strlen(code));
        sb_puts(&x, ",\"path\":");
        sb_json(&x, path, strlen(path));
        sb_puts(&x, "}");
    }
    sb_puts(&x, "}");
    if (x.oom) {
        sb_free(&x);
        return NULL;
    }
    return x.data;
}

/* A problem that is not a finding (bad configuration, unreadable input):
 * one diagnostic at the start of the document. */
static contrib *problem(const job *j, const char *key, const char *code, const char *msg, size_t *n)
{
    contrib *c = NULL;
    size_t cap = 0;
    *n = 0;
    contrib *ct = contrib_for(&c, n, &cap, key, j->version);
    lsp_pos z = {0, 0};
    if (ct) contrib_add(ct, diag_json(z, z, 1, code, NULL, msg, NULL), code, "", z, z);
    return c;
}

/* Findings grouped by file, positions in the client's encoding. Positions in
 * texts the server holds are computed from byte offsets with the protocol's
 * line breaks; in files read from disk libadrlint's columns are used. */
static contrib *convert(const job *j, const adr_result *res, size_t *n)
{
    contrib *c = NULL;
    size_t cap = 0;
    *n = 0;
    const char *rootkey = j->name ? j->name : j->d->key;
    for (size_t i = 0; i < adr_result_count(res); i++) {
        const adr_diagnostic *dg = adr_result_get(res, i);
        if (dg->severity == ADR_SEVERITY_OFF) continue;
        const text *t = NULL;
        int64_t fv = -1;
        char *norm = NULL;
        const char *key;
        if (!j->name || strcmp(dg->source, j->name) == 0) {
            key = rootkey;
            t = j->t;
            fv = j->version;
        } else {
            norm = dg->source[0] == '/' ? path_normalize(dg->source) : NULL;
            if (!norm) continue; /* not a file we can name */
            key = norm;
            for (size_t k = 0; k < j->nsrc; k++)
                if (strcmp(j->srckey[k], norm) == 0) {
                    t = j->srctext[k];
                    fv = j->srcver[k];
                }
        }
        contrib *ct = contrib_for(&c, n, &cap, key, fv);
        free(norm);
        if (!ct) continue;
        lsp_pos a, b;
        if (t) {
            a = text_position(t, dg->range.start.offset, j->enc);
            b = text_position(t, dg->range.end.offset, j->enc);
        } else {
            bool u8 = j->enc == ENC_UTF8;
            a = (lsp_pos){dg->range.start.line,
                          u8 ? dg->range.start.column : dg->range.start.column_utf16};
            b = (lsp_pos){dg->range.end.line,
                          u8 ? dg->range.end.column : dg->range.end.column_utf16};
        }
        int sev = dg->severity >= ADR_SEVERITY_ERROR && dg->severity <= ADR_SEVERITY_HINT
                      ? (int)dg->severity + 1
                      : 1;
        contrib_add(ct, diag_json(a, b, sev, dg->code, dg->doc_url, dg->message, dg->path),
                    dg->code, dg->path, a, b);
    }
    /* The root is always published, even when clean. */
    contrib_for(&c, n, &cap, rootkey, j->version);
    return c;
}

static char **copy_deps(const adr_result *res, size_t *n)
{
    size_t cnt = adr_result_file_count(res);
    *n = 0;
    char **v = cnt ? calloc(cnt, sizeof *v) : NULL;
    for (size_t i = 0; v && i < cnt; i++)
        if ((v[*n] = strdup(adr_result_file(res, i)))) (*n)++;
    return v;
}

static void run_job(server *s, job *j)
{
    char *config = NULL;
    if (adr_config_find(j->name ? j->name : "-", &config) != ADR_OK) config = NULL;
    lcache *lc = linter_for(s, config ? config : "");
    adr_free(config);

    contrib *c = NULL;
    size_t nc = 0, ndeps = 0;
    char **deps = NULL;
    const char *key = j->name ? j->name : j->d->key;
    if (!lc) {
        c = problem(j, key, "adrlint", "out of memory", &nc);
    } else if (!lc->linter) {
        char msg[1200];
        snprintf(msg, sizeof msg, "Configuration error: %s", lc->error ? lc->error : "unknown");
        c = problem(j, key, "adrlint-config", msg, &nc);
    } else {
        adr_result *res = NULL;
        int rc = adr_linter_lint_buffers(lc->linter, j->t->data, j->t->len, j->name, j->src,
                                         j->nsrc, &res);
        if (rc == ADR_OK) {
            c = convert(j, res, &nc);
            deps = copy_deps(res, &ndeps);
        } else {
            c = problem(j, key, "adrlint", adr_last_error(), &nc);
        }
        adr_result_free(res);
    }

    outbox o = {0};
    pthread_mutex_lock(&s->lock);
    doc *d = j->d;
    d->running = false;
    if (d->open && d->openapi && d->epoch == j->epoch) {
        install(s, &o, d, c, nc);
        c = NULL;
        nc = 0;
        if (deps) {
            free_strings(d->deps, d->ndeps);
            d->deps = deps;
            d->ndeps = ndeps;
            deps = NULL;
            ndeps = 0;
        }
        lcache_unref(d->linter);
        d->linter = lc;
        lc = NULL;
        /* A referenced file opened or closed while this lint ran (before the
         * lint knew it depended on it): its findings were computed from the
         * other text, so lint again. */
        for (size_t i = 0; i < d->ncontribs; i++) {
            const char *ck = d->contribs[i].key;
            const doc *f = find_key(s, ck);
            int64_t then = -1;
            for (size_t k = 0; k < j->nsrc; k++)
                if (strcmp(j->srckey[k], ck) == 0) then = j->srcver[k];
            if (f != d && (f ? f->version : -1) != then) {
                schedule(s, d, 0);
                break;
            }
        }
        if (!d->pending) flush_deferred(d, &o);
    }
    doc_unref(d);
    lcache_unref(lc);
    pthread_cond_broadcast(&s->cond);
    pthread_mutex_unlock(&s->lock);
    free_contribs(c, nc);
    free_strings(deps, ndeps);
    outbox_flush(s, &o);
}

static void *worker(void *arg)
{
    server *s = arg;
    pthread_mutex_lock(&s->lock);
    while (!s->quit) {
        doc *next = NULL;
        for (size_t i = 0; i < s->ndocs; i++) {
            doc *d = s->docs[i];
            if (d->pending && !d->running && (!next || d->due < next->due)) next = d;
        }
        if (!next) {
            pthread_cond_wait(&s->cond, &s->lock);
            continue;
        }
        uint64_t now = now_ms();
        if (next->due > now) {
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            uint64_t wait = next->due - now;
            ts.tv_sec += (time_t)(wait / 1000);
            ts.tv_nsec += (long)(wait % 1000) * 1000000L;
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&s->cond, &s->lock, &ts);
            continue;
        }
        job j;
        next->pending = false;
        next->running = true;
        next->refs++;
        if (!job_start(s, next, &j)) {
            /* Out of memory: try again later rather than spin. */
            next->running = false;
            next->pending = true;
            next->due = now + 1000;
            doc_unref(next);
            job_free(&j);
            continue;
        }
        pthread_mutex_unlock(&s->lock);
        run_job(s, &j);
        job_free(&j);
        pthread_mutex_lock(&s->lock);
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

/* ---- the public face ---- */

server *server_new(const server_options *opts)
{
    server *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->debounce_ms = opts->debounce_ms;
    s->allow_plugins = opts->allow_plugins;
    s->enc = ENC_UTF16;
    pthread_mutex_init(&s->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->cond, &ca);
    pthread_condattr_destroy(&ca);
    int n = opts->jobs < 1 ? 1 : opts->jobs > 8 ? 8 : opts->jobs;
    s->threads = calloc((size_t)n, sizeof *s->threads);
    if (!s->threads) {
        server_free(s);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        if (pthread_create(&s->threads[i], NULL, worker, s) != 0) break;
        s->nthreads++;
    }
    if (!s->nthreads) {
        server_free(s);
        return NULL;
    }
    return s;
}

void server_free(server *s)
{
    if (!s) return;
    pthread_mutex_lock(&s->lock);
    s->quit = true;
    pthread_cond_broadcast(&s->cond);
    pthread_mutex_unlock(&s->lock);
    for (int i = 0; i < s->nthreads; i++)
        pthread_join(s->threads[i], NULL);
    free(s->threads);
    for (size_t i = 0; i < s->ndocs; i++)
        doc_unref(s->docs[i]);
    free(s->docs);
    for (size_t i = 0; i < s->nlinters; i++)
        lcache_unref(s->linters[i]);
    free(s->linters);
    for (size_t i = 0; i < s->npubs; i++) {
        free(s->pubs[i].key);
        free(s->pubs[i].uri);
    }
    free(s->pubs);
    free(s->profile);
    pthread_cond_destroy(&s->cond);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

void server_set_encoding(server *s, pos_encoding enc)
{
    pthread_mutex_lock(&s->lock);
    s->enc = enc;
    pthread_mutex_unlock(&s->lock);
}

pos_encoding server_encoding(server *s)
{
    pthread_mutex_lock(&s->lock);
    pos_encoding e = s->enc;
    pthread_mutex_unlock(&s->lock);
    return e;
}

void server_set_profile(server *s, const char *profile)
{
    pthread_mutex_lock(&s->lock);
    free(s->profile);
    s->profile = profile && *profile ? strdup(profile) : NULL;
    pthread_mutex_unlock(&s->lock);
}

void server_set_deferred_handler(server *s, void (*fn)(void *, json_object *), void *ud)
{
    s->deferred_fn = fn;
    s->deferred_ud = ud;
}

static bool lintable_name(const char *path, const char *language)
{
    if (language && (strcmp(language, "yaml") == 0 || strcmp(language, "json") == 0 ||
                     strcmp(language, "jsonc") == 0 || strcmp(language, "openapi") == 0))
        return true;
    const char *dot = path ? strrchr(path, '.') : NULL;
    return dot &&
           (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0 || strcmp(dot, ".json") == 0);
}

/* A document that stopped being a root: withdraw what its lints said. */
static void demote(server *s, outbox *o, doc *d)
{
    install(s, o, d, NULL, 0);
    free_strings(d->deps, d->ndeps);
    d->deps = NULL;
    d->ndeps = 0;
    d->pending = false;
    d->epoch++;
    flush_deferred(d, o);
}

static void set_text(server *s, outbox *o, doc *d, text *t)
{
    text_unref(d->text);
    d->text = t;
    bool was = d->openapi;
    d->openapi = d->lintable && text_is_openapi(t->data, t->len);
    if (was && !d->openapi) demote(s, o, d);
}

void server_open(server *s, const char *uri, const char *language, int64_t version,
                 const char *data, size_t len)
{
    text *t = text_new(data, len);
    char *raw = uri_to_path(uri);
    char *path = raw ? path_normalize(raw) : NULL;
    free(raw);
    if (!t) {
        free(path);
        rpc_log(1, "adrlint: cannot hold %s (%zu bytes)", uri, len);
        return;
    }
    outbox o = {0};
    pthread_mutex_lock(&s->lock);
    doc *d = find_doc(s, uri);
    if (!d) {
        d = calloc(1, sizeof *d);
        if (d) {
            d->refs = 1;
            d->uri = strdup(uri);
            d->path = path;
            path = NULL;
            d->key = strdup(d->path ? d->path : uri);
            d->open = true;
        }
        if (!d || !d->uri || !d->key ||
            !grow((void **)&s->docs, &s->capdocs, s->ndocs + 1, sizeof *s->docs)) {
            if (d) doc_unref(d);
            pthread_mutex_unlock(&s->lock);
            text_unref(t);
            free(path);
            return;
        }
        s->docs[s->ndocs++] = d;
    }
    d->version = version;
    d->lintable = lintable_name(d->path, language);
    set_text(s, &o, d, t);
    /* Diagnostics for a newly opened document without waiting; roots that
     * reference it read its buffer now instead of the disk. */
    schedule(s, d, 0);
    schedule_dependents(s, d->path, d, 0);
    pthread_mutex_unlock(&s->lock);
    free(path);
    outbox_flush(s, &o);
}

bool server_change(server *s, const char *uri, int64_t version, json_object *changes)
{
    outbox o = {0};
    pthread_mutex_lock(&s->lock);
    doc *d = find_doc(s, uri);
    if (!d) {
        pthread_mutex_unlock(&s->lock);
        return false;
    }
    text *t = text_ref(d->text);
    pos_encoding enc = s->enc;
    pthread_mutex_unlock(&s->lock);

    /* Edits are applied without the lock: only this thread changes texts. */
    bool ok = true;
    size_t n = json_object_array_length(changes);
    for (size_t i = 0; i < n && ok; i++) {
        json_object *ch = json_object_array_get_idx(changes, i);
        size_t len;
        const char *ins = jstr(ch, "text", &len);
        json_object *range = jobj(ch, "range");
        if (!ins) {
            ok = false;
            break;
        }
        text *nt;
        if (!range) {
            nt = text_new(ins, len);
        } else {
            int64_t l1, c1, l2, c2;
            json_object *a = jobj(range, "start"), *b = jobj(range, "end");
            if (!jint(a, "line", &l1) || !jint(a, "character", &c1) || !jint(b, "line", &l2) ||
                !jint(b, "character", &c2) || l1 < 0 || c1 < 0 || l2 < 0 || c2 < 0) {
                ok = false;
                break;
            }
            lsp_pos p1 = {l1 > UINT32_MAX ? UINT32_MAX : (uint32_t)l1,
                          c1 > UINT32_MAX ? UINT32_MAX : (uint32_t)c1};
            lsp_pos p2 = {l2 > UINT32_MAX ? UINT32_MAX : (uint32_t)l2,
                          c2 > UINT32_MAX ? UINT32_MAX : (uint32_t)c2};
            nt = text_edit(t, p1, p2, ins, len, enc);
        }
        if (!nt) {
            ok = false;
            break;
        }
        text_unref(t);
        t = nt;
    }

    pthread_mutex_lock(&s->lock);
    d = find_doc(s, uri);
    if (!ok || !d) {
        pthread_mutex_unlock(&s->lock);
        text_unref(t);
        return false;
    }
    d->version = version;
    set_text(s, &o, d, t);
    schedule(s, d, s->debounce_ms);
    schedule_dependents(s, d->path, d, s->debounce_ms);
    pthread_mutex_unlock(&s->lock);
    outbox_flush(s, &o);
    return true;
}

static bool is_config_name(const char *path)
{
    const char *b = path ? strrchr(path, '/') : NULL;
    b = b ? b + 1 : path;
    return b && (strcmp(b, ".adrlint.yaml") == 0 || strcmp(b, ".adrlint.yml") == 0);
}

/* A configuration, or the ignore file a configuration names: a change to
 * it changes what every linter made from it reports (under the lock). */
static bool is_config_file(server *s, const char *path)
{
    if (!path) return false;
    if (is_config_name(path)) return true;
    for (size_t i = 0; i < s->nlinters; i++) {
        const char *ig =
            s->linters[i]->linter ? adr_linter_ignore_file(s->linters[i]->linter) : NULL;
        if (ig && strcmp(ig, path) == 0) return true;
    }
    return false;
}

void server_save(server *s, const char *uri)
{
    pthread_mutex_lock(&s->lock);
    doc *d = find_doc(s, uri);
    bool config = d && is_config_file(s, d->path);
    if (d && !config) schedule(s, d, 0);
    pthread_mutex_unlock(&s->lock);
    /* Clients without file watching still tell us when a configuration they
     * edit is saved. */
    if (config) server_reload(s);
}

void server_close(server *s, const char *uri)
{
    outbox o = {0};
    pthread_mutex_lock(&s->lock);
    doc *d = find_doc(s, uri);
    if (!d) {
        pthread_mutex_unlock(&s->lock);
        return;
    }
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i] == d) {
            memmove(&s->docs[i], &s->docs[i + 1], (s->ndocs - i - 1) * sizeof *s->docs);
            s->ndocs--;
            break;
        }
    d->open = false;
    d->pending = false;
    contrib *old = d->contribs;
    size_t nold = d->ncontribs;
    d->contribs = NULL;
    d->ncontribs = 0;
    for (size_t i = 0; i < nold; i++)
        if (strcmp(old[i].key, d->key) != 0) publish_file(s, &o, old[i].key);
    free_contribs(old, nold);
    /* The editor owns no diagnostics of a closed file: clear them; roots
     * that reference it publish them again from the disk's text. */
    publish_list(&o, d->uri, NULL, NULL);
    published *p = find_pub(s, d->key);
    if (p) {
        free(p->key);
        free(p->uri);
        *p = s->pubs[--s->npubs];
    }
    schedule_dependents(s, d->path, d, 0);
    flush_deferred(d, &o);
    doc_unref(d);
    pthread_mutex_unlock(&s->lock);
    outbox_flush(s, &o);
}

void server_file_changed(server *s, const char *uri)
{
    char *raw = uri_to_path(uri);
    char *path = raw ? path_normalize(raw) : NULL;
    free(raw);
    if (!path) return;
    pthread_mutex_lock(&s->lock);
    bool config = is_config_file(s, path);
    /* An open document's buffer, not the disk, is what lints read. */
    if (!config && !find_key(s, path)) schedule_dependents(s, path, NULL, s->debounce_ms);
    pthread_mutex_unlock(&s->lock);
    free(path);
    if (config) server_reload(s);
}

void server_reload(server *s)
{
    pthread_mutex_lock(&s->lock);
    s->generation++;
    for (size_t i = 0; i < s->nlinters; i++)
        lcache_unref(s->linters[i]);
    s->nlinters = 0;
    for (size_t i = 0; i < s->ndocs; i++)
        schedule(s, s->docs[i], 0);
    pthread_mutex_unlock(&s->lock);
}

bool server_defer(server *s, const char *uri, json_object *req)
{
    pthread_mutex_lock(&s->lock);
    doc *d = find_doc(s, uri);
    bool wait = d && d->openapi && (d->pending || d->running) &&
                grow((void **)&d->deferred, &d->capdeferred, d->ndeferred + 1, sizeof *d->deferred);
    /* A copy of its own: json-c's reference counts are not for sharing
     * between threads, and a worker answers it. */
    json_object *copy = NULL;
    if (wait && json_object_deep_copy(req, &copy, NULL) == 0)
        d->deferred[d->ndeferred++] = copy;
    else
        wait = false;
    pthread_mutex_unlock(&s->lock);
    return wait;
}

static bool same_id(json_object *a, json_object *b)
{
    if (json_object_is_type(a, json_type_int) && json_object_is_type(b, json_type_int))
        return json_object_get_int64(a) == json_object_get_int64(b);
    if (json_object_is_type(a, json_type_string) && json_object_is_type(b, json_type_string))
        return strcmp(json_object_get_string(a), json_object_get_string(b)) == 0;
    return false;
}

void server_cancel(server *s, json_object *id)
{
    json_object *found = NULL;
    pthread_mutex_lock(&s->lock);
    for (size_t i = 0; i < s->ndocs && !found; i++) {
        doc *d = s->docs[i];
        for (size_t k = 0; k < d->ndeferred; k++) {
            json_object *rid;
            if (json_object_object_get_ex(d->deferred[k], "id", &rid) && same_id(rid, id)) {
                found = d->deferred[k];
                d->deferred[k] = d->deferred[--d->ndeferred];
                break;
            }
        }
    }
    pthread_mutex_unlock(&s->lock);
    if (!found) return; /* answered already: nothing to do */
    json_object *rid = NULL;
    json_object_object_get_ex(found, "id", &rid);
    json_object *m = rpc_error(rid, LSP_REQUEST_CANCELLED, "Request cancelled");
    rpc_send(m);
    json_object_put(m);
    json_object_put(found);
}

bool server_text(server *s, const char *uri, text **out, int64_t *version)
{
    pthread_mutex_lock(&s->lock);
    doc *d = find_doc(s, uri);
    if (d) {
        *out = text_ref(d->text);
        *version = d->version;
    }
    pthread_mutex_unlock(&s->lock);
    return d != NULL;
}

void server_each_diag(server *s, const char *uri,
                      void (*fn)(void *ud, const pdiag *d, const adr_linter *l), void *ud)
{
    pthread_mutex_lock(&s->lock);
    doc *target = find_doc(s, uri);
    for (size_t i = 0; target && i < s->ndocs; i++) {
        const doc *r = s->docs[i];
        if (!r->openapi) continue;
        for (size_t c = 0; c < r->ncontribs; c++) {
            const contrib *ct = &r->contribs[c];
            if (strcmp(ct->key, target->key) != 0 || ct->fversion != target->version) continue;
            for (size_t k = 0; k < ct->n; k++)
                fn(ud, &ct->pd[k], r->linter ? r->linter->linter : NULL);
        }
    }
    pthread_mutex_unlock(&s->lock);
}

void server_with_linter(server *s, const char *uri, void (*fn)(void *ud, const adr_linter *l),
                        void *ud)
{
    pthread_mutex_lock(&s->lock);
    doc *d = find_doc(s, uri);
    const adr_linter *l = d && d->linter ? d->linter->linter : NULL;
    /* A referenced file: the linter of a root that reads it. */
    for (size_t i = 0; !l && d && i < s->ndocs; i++)
        if (s->docs[i]->linter && d->path && depends_on(s->docs[i], d->path))
            l = s->docs[i]->linter->linter;
    for (size_t i = 0; !l && i < s->nlinters; i++)
        l = s->linters[i]->linter;
    fn(ud, l);
    pthread_mutex_unlock(&s->lock);
}

static int64_t request_ids = 1000000;

int64_t server_next_request_id(void)
{
    return __atomic_add_fetch(&request_ids, 1, __ATOMIC_RELAXED);
}
