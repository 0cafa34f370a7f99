/* Hover, code actions and commands.
 *
 * "Open documentation" is a command (adrlint.openDocumentation) rather than
 * a window/showDocument sent along with the code action: every client can
 * run a server command, while showDocument needs 3.16 and the client's
 * consent. When the client supports showDocument the command asks it to
 * open the page in the browser (external: true); otherwise the server shows
 * the URL in a message the user can copy. */
#include "lsp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool get_position(json_object *params, const char **uri, lsp_pos *p)
{
    *uri = jstr(jobj(params, "textDocument"), "uri", NULL);
    json_object *pos = jobj(params, "position");
    int64_t line, ch;
    if (!*uri || !jint(pos, "line", &line) || !jint(pos, "character", &ch) || line < 0 || ch < 0)
        return false;
    p->line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    p->character = ch > UINT32_MAX ? UINT32_MAX : (uint32_t)ch;
    return true;
}

static int pos_cmp(lsp_pos a, lsp_pos b)
{
    if (a.line != b.line) return a.line < b.line ? -1 : 1;
    if (a.character != b.character) return a.character < b.character ? -1 : 1;
    return 0;
}

static json_object *range_json(lsp_pos a, lsp_pos b)
{
    json_object *r = json_object_new_object(), *s = json_object_new_object(),
                *e = json_object_new_object();
    json_object_object_add(s, "line", json_object_new_int64(a.line));
    json_object_object_add(s, "character", json_object_new_int64(a.character));
    json_object_object_add(e, "line", json_object_new_int64(b.line));
    json_object_object_add(e, "character", json_object_new_int64(b.character));
    json_object_object_add(r, "start", s);
    json_object_object_add(r, "end", e);
    return r;
}

/* One rule's documentation, in markdown or plain text. */
static void rule_doc(sbuf *b, const adr_rule_info *r, bool md)
{
    if (md)
        sb_printf(b, "**%s** `%s`", r->title && *r->title ? r->title : r->code, r->code);
    else
        sb_printf(b, "%s (%s)", r->title && *r->title ? r->title : r->code, r->code);
    if (r->rule_id && *r->rule_id) {
        if (md)
            sb_printf(b, "\n\nADR rule `%s`", r->rule_id);
        else
            sb_printf(b, "\nADR rule %s", r->rule_id);
    }
    if (r->rationale && *r->rationale) sb_printf(b, "\n\n%s", r->rationale);
    if (r->doc_url && *r->doc_url) {
        if (md)
            sb_printf(b, "\n\n[Documentation](%s)", r->doc_url);
        else
            sb_printf(b, "\n\nDocumentation: %s", r->doc_url);
    }
}

/* A finding under the cursor, its rule's documentation already written
 * (the linter that owns the rule may go away once the lock is released). */
typedef struct hover_hit {
    lsp_pos start, end;
    char *code;
    char *doc;
} hover_hit;

typedef struct hover_ctx {
    lsp_pos at;
    bool md;
    hover_hit *hits;
    size_t nhits;
    const char *word; /* for a hover on a rule code in the text */
    char *word_doc;
} hover_ctx;

static char *doc_of(const adr_rule_info *r, bool md)
{
    sbuf b = {0};
    rule_doc(&b, r, md);
    if (b.oom) sb_free(&b);
    return b.data;
}

static void hover_diag(void *ud, const pdiag *d, const adr_linter *l)
{
    hover_ctx *h = ud;
    if (pos_cmp(h->at, d->start) < 0 || pos_cmp(h->at, d->end) > 0) return;
    const adr_rule_info *r = l ? adr_linter_rule_find(l, d->code) : NULL;
    if (!r) return;
    hover_hit *nh = realloc(h->hits, (h->nhits + 1) * sizeof *nh);
    if (!nh) return;
    h->hits = nh;
    hover_hit *x = &h->hits[h->nhits];
    x->start = d->start;
    x->end = d->end;
    x->code = strdup(d->code);
    x->doc = doc_of(r, h->md);
    if (!x->code || !x->doc) {
        free(x->code);
        free(x->doc);
        return;
    }
    h->nhits++;
}

static void hover_word(void *ud, const adr_linter *l)
{
    hover_ctx *h = ud;
    const adr_rule_info *r = l ? adr_linter_rule_find(l, h->word) : NULL;
    if (r) h->word_doc = doc_of(r, h->md);
}

static bool code_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
           c == '-' || c == '_' || c == '.' || c == '/';
}

/* b lies inside a (not equal to it). */
static bool strictly_inside(const hover_hit *b, const hover_hit *a)
{
    return pos_cmp(a->start, b->start) <= 0 && pos_cmp(b->end, a->end) <= 0 &&
           (pos_cmp(a->start, b->start) != 0 || pos_cmp(a->end, b->end) != 0);
}

static json_object *hover_result(const char *value, size_t len, bool md, lsp_pos a, lsp_pos b)
{
    json_object *res = json_object_new_object(), *mc = json_object_new_object();
    json_object_object_add(mc, "kind", json_object_new_string(md ? "markdown" : "plaintext"));
    json_object_object_add(mc, "value", json_object_new_string_len(value, (int)len));
    json_object_object_add(res, "contents", mc);
    json_object_object_add(res, "range", range_json(a, b));
    return res;
}

/* A rule code under the cursor (in x-lint-ignore, a configuration, a
 * comment): that rule's documentation. */
static json_object *hover_on_code(server *s, const char *uri, hover_ctx *h)
{
    text *t;
    int64_t version;
    if (!server_text(s, uri, &t, &version)) return NULL;
    pos_encoding enc = server_encoding(s);
    size_t off = text_offset(t, h->at, enc), a = off, b = off;
    while (a > 0 && code_char(t->data[a - 1]))
        a--;
    while (b < t->len && code_char(t->data[b]))
        b++;
    /* A plain YAML scalar may end in ':' only as a key. */
    while (b > a && t->data[b - 1] == ':')
        b--;
    json_object *res = NULL;
    if (b > a && b - a < 128) {
        char word[128];
        memcpy(word, t->data + a, b - a);
        word[b - a] = 0;
        h->word = word;
        server_with_linter(s, uri, hover_word, h);
        if (h->word_doc)
            res = hover_result(h->word_doc, strlen(h->word_doc), h->md, text_position(t, a, enc),
                               text_position(t, b, enc));
        h->word = NULL;
    }
    text_unref(t);
    return res;
}

json_object *feature_hover(server *s, const client_caps *c, json_object *params, int *err)
{
    const char *uri;
    hover_ctx h = {.md = c->hover_markdown};
    *err = 0;
    if (!get_position(params, &uri, &h.at)) {
        *err = RPC_INVALID_PARAMS;
        return NULL;
    }
    json_object *res = hover_on_code(s, uri, &h);
    free(h.word_doc);
    if (res) return res;
    /* The innermost findings only: a finding about the whole document (it
     * spans every line) would otherwise come with every hover. */
    server_each_diag(s, uri, hover_diag, &h);
    sbuf out = {0};
    lsp_pos a = {0, 0}, b = {0, 0};
    bool any = false;
    bool *shown = calloc(h.nhits ? h.nhits : 1, sizeof *shown);
    for (size_t i = 0; shown && i < h.nhits; i++) {
        bool inner = true, dup = false;
        for (size_t k = 0; k < h.nhits && inner; k++)
            inner = k == i || !strictly_inside(&h.hits[k], &h.hits[i]);
        for (size_t k = 0; k < i && !dup; k++)
            dup = shown[k] && strcmp(h.hits[k].code, h.hits[i].code) == 0;
        if (!inner || dup) continue;
        shown[i] = true;
        if (out.len) sb_puts(&out, h.md ? "\n\n---\n\n" : "\n\n");
        sb_puts(&out, h.hits[i].doc);
        if (!any || pos_cmp(h.hits[i].start, a) < 0) a = h.hits[i].start;
        if (!any || pos_cmp(h.hits[i].end, b) > 0) b = h.hits[i].end;
        any = true;
    }
    free(shown);
    for (size_t i = 0; i < h.nhits; i++) {
        free(h.hits[i].code);
        free(h.hits[i].doc);
    }
    free(h.hits);
    if (any && !out.oom) res = hover_result(out.data, out.len, h.md, a, b);
    sb_free(&out);
    return res;
}

/* ---- code actions ---- */

typedef struct path_ctx {
    const char *code;
    lsp_pos start, end;
    char *path;
} path_ctx;

static void find_path(void *ud, const pdiag *d, const adr_linter *l)
{
    (void)l;
    path_ctx *p = ud;
    if (!p->path && strcmp(d->code, p->code) == 0 && pos_cmp(d->start, p->start) == 0 &&
        pos_cmp(d->end, p->end) == 0)
        p->path = strdup(d->path);
}

static bool read_range(json_object *r, lsp_pos *a, lsp_pos *b)
{
    int64_t l1, c1, l2, c2;
    json_object *s = jobj(r, "start"), *e = jobj(r, "end");
    if (!jint(s, "line", &l1) || !jint(s, "character", &c1) || !jint(e, "line", &l2) ||
        !jint(e, "character", &c2) || l1 < 0 || c1 < 0 || l2 < 0 || c2 < 0 || l1 > UINT32_MAX ||
        c1 > UINT32_MAX || l2 > UINT32_MAX || c2 > UINT32_MAX)
        return false;
    *a = (lsp_pos){(uint32_t)l1, (uint32_t)c1};
    *b = (lsp_pos){(uint32_t)l2, (uint32_t)c2};
    return true;
}

static bool wants_quickfix(json_object *context)
{
    json_object *only = jarr(context, "only");
    if (!only) return true;
    for (size_t i = 0; i < json_object_array_length(only); i++) {
        json_object *k = json_object_array_get_idx(only, i);
        if (!json_object_is_type(k, json_type_string)) continue;
        const char *kind = json_object_get_string(k);
        /* Kinds are hierarchical: "quickfix" is asked for by "quickfix". */
        if (strcmp(kind, "quickfix") == 0 || *kind == 0) return true;
    }
    return false;
}

static json_object *diag_list(json_object *d)
{
    json_object *a = json_object_new_array();
    json_object_array_add(a, json_object_get(d));
    return a;
}

static json_object *ignore_action(server *s, const client_caps *c, const char *uri, text *t,
                                  int64_t version, json_object *d, const char *code,
                                  const char *path)
{
    char *fpath = uri_to_path(uri);
    adr_range r;
    char *repl = NULL;
    int rc = adr_ignore_edit(t->data, t->len, fpath, path, code, &r, &repl);
    free(fpath);
    if (rc != ADR_OK) return NULL;
    pos_encoding enc = server_encoding(s);
    json_object *edit = json_object_new_object();
    json_object_object_add(
        edit, "range",
        range_json(text_position(t, r.start.offset, enc), text_position(t, r.end.offset, enc)));
    json_object_object_add(edit, "newText", json_object_new_string(repl));
    adr_free(repl);
    json_object *edits = json_object_new_array();
    json_object_array_add(edits, edit);
    json_object *we = json_object_new_object();
    if (c->document_changes) {
        /* Versioned: the client refuses the edit if the text moved on. */
        json_object *tde = json_object_new_object(), *id = json_object_new_object();
        json_object_object_add(id, "uri", json_object_new_string(uri));
        json_object_object_add(id, "version", json_object_new_int64(version));
        json_object_object_add(tde, "textDocument", id);
        json_object_object_add(tde, "edits", edits);
        json_object *dc = json_object_new_array();
        json_object_array_add(dc, tde);
        json_object_object_add(we, "documentChanges", dc);
    } else {
        json_object *ch = json_object_new_object();
        json_object_object_add(ch, uri, edits);
        json_object_object_add(we, "changes", ch);
    }
    char title[256];
    snprintf(title, sizeof title, "Ignore %s here", code);
    json_object *a = json_object_new_object();
    json_object_object_add(a, "title", json_object_new_string(title));
    json_object_object_add(a, "kind", json_object_new_string("quickfix"));
    json_object_object_add(a, "diagnostics", diag_list(d));
    json_object_object_add(a, "edit", we);
    return a;
}

static json_object *docs_action(json_object *d, const char *code, const char *href)
{
    char title[256];
    snprintf(title, sizeof title, "Open documentation for %s", code);
    json_object *cmd = json_object_new_object(), *args = json_object_new_array();
    json_object_array_add(args, json_object_new_string(href));
    json_object_object_add(cmd, "title", json_object_new_string(title));
    json_object_object_add(cmd, "command", json_object_new_string(CMD_OPEN_DOCS));
    json_object_object_add(cmd, "arguments", args);
    json_object *a = json_object_new_object();
    json_object_object_add(a, "title", json_object_new_string(title));
    json_object_object_add(a, "kind", json_object_new_string("quickfix"));
    json_object_object_add(a, "diagnostics", diag_list(d));
    json_object_object_add(a, "command", cmd);
    return a;
}

static bool seen_before(json_object *actions, const char *title)
{
    for (size_t i = 0; i < json_object_array_length(actions); i++) {
        const char *t = jstr(json_object_array_get_idx(actions, i), "title", NULL);
        if (t && strcmp(t, title) == 0) return true;
    }
    return false;
}

static void add_unique(json_object *actions, json_object *a)
{
    if (!a) return;
    const char *t = jstr(a, "title", NULL);
    if (t && seen_before(actions, t))
        json_object_put(a);
    else
        json_object_array_add(actions, a);
}

static bool is_url(const char *s)
{
    return s && (strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0);
}

json_object *feature_code_action(server *s, const client_caps *c, json_object *params, int *err)
{
    const char *uri = jstr(jobj(params, "textDocument"), "uri", NULL);
    json_object *context = jobj(params, "context");
    json_object *diags = jarr(context, "diagnostics");
    *err = 0;
    if (!uri || !diags) {
        *err = RPC_INVALID_PARAMS;
        return NULL;
    }
    json_object *actions = json_object_new_array();
    text *t;
    int64_t version;
    if (!wants_quickfix(context) || !server_text(s, uri, &t, &version)) return actions;
    for (size_t i = 0; i < json_object_array_length(diags); i++) {
        json_object *d = json_object_array_get_idx(diags, i);
        const char *source = jstr(d, "source", NULL);
        const char *code = jstr(d, "code", NULL);
        if (!source || strcmp(source, "adrlint") != 0 || !code) continue;
        /* The path comes back in data; clients that drop data get it from
         * what was published at that range. */
        char *path = NULL;
        const char *dpath = jstr(jobj(d, "data"), "path", NULL);
        if (dpath) {
            path = strdup(dpath);
        } else {
            path_ctx pc = {code, {0, 0}, {0, 0}, NULL};
            if (read_range(jobj(d, "range"), &pc.start, &pc.end))
                server_each_diag(s, uri, find_path, &pc);
            path = pc.path;
        }
        /* Syntax errors and server problems cannot be suppressed. */
        bool suppressible = strcmp(code, "parser") != 0 && strncmp(code, "adrlint", 7) != 0;
        if (path && suppressible)
            add_unique(actions, ignore_action(s, c, uri, t, version, d, code, path));
        free(path);
        const char *href = jstr(jobj(d, "codeDescription"), "href", NULL);
        if (is_url(href)) add_unique(actions, docs_action(d, code, href));
    }
    text_unref(t);
    return actions;
}

json_object *feature_execute(server *s, const client_caps *c, json_object *params, int *err)
{
    (void)s;
    *err = 0;
    const char *cmd = jstr(params, "command", NULL);
    json_object *args = jarr(params, "arguments");
    json_object *url =
        args && json_object_array_length(args) > 0 ? json_object_array_get_idx(args, 0) : NULL;
    if (!cmd || strcmp(cmd, CMD_OPEN_DOCS) != 0 || !json_object_is_type(url, json_type_string) ||
        !is_url(json_object_get_string(url))) {
        *err = RPC_INVALID_PARAMS;
        return NULL;
    }
    const char *href = json_object_get_string(url);
    json_object *p = json_object_new_object(), *m;
    if (c->show_document) {
        json_object_object_add(p, "uri", json_object_new_string(href));
        json_object_object_add(p, "external", json_object_new_boolean(1));
        m = rpc_request(server_next_request_id(), "window/showDocument", p);
    } else {
        char msg[2048];
        snprintf(msg, sizeof msg, "adrlint documentation: %s", href);
        json_object_object_add(p, "type", json_object_new_int(3));
        json_object_object_add(p, "message", json_object_new_string(msg));
        m = rpc_notification("window/showMessage", p);
    }
    rpc_send(m);
    json_object_put(m);
    return NULL;
}
