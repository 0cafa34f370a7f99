/* path-params - /core/doc-openapi: the variables of each path template and
 * the path parameters of its operations match, in both directions. */
#include "../common/rules.h"

static const char *const methods[] = {"get",     "put",  "post",  "delete",
                                      "options", "head", "patch", "trace"};

typedef struct name_ref {
    const char *s;
    size_t n;
    const adr_node *at; /* where to report (the parameter as written) */
} name_ref;

/* Scratch space of one run: parameter names, grown by doubling, and the
 * paths seen so far by their normalized form (one table per document). */
typedef struct pp_state {
    name_ref *buf;
    size_t cap;
    const adr_node **paths; /* path keys, open addressing */
    size_t cappaths;
} pp_state;

typedef struct list {
    name_ref *items;
    size_t n;
} list;

static bool find(const list *l, const char *s, size_t n)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].n == n && memcmp(l->items[i].s, s, n) == 0) return true;
    return false;
}

static bool reserve(const adr_host *h, adr_ctx *ctx, pp_state *st, size_t need)
{
    if (need <= st->cap) return true;
    size_t cap = st->cap ? st->cap : 64;
    while (cap < need)
        cap *= 2;
    name_ref *b = h->alloc(ctx, cap * sizeof *b);
    if (!b) return false;
    if (st->cap) memcpy(b, st->buf, st->cap * sizeof *b);
    st->buf = b;
    st->cap = cap;
    return true;
}

/* The next template variable of a path from *pos: "{name}", tolerating the
 * ";", "?" and "*" decorations Spectral strips. */
static bool next_var(const char *p, size_t n, size_t *pos, const char **name, size_t *len)
{
    for (size_t i = *pos; i < n; i++) {
        if (p[i] != '{') continue;
        const char *close = memchr(p + i + 1, '}', n - i - 1);
        if (!close) break;
        const char *s = p + i + 1, *e = close;
        if (s < e && *s == ';') s++;
        if (s < e && *s == '?') s++;
        if (s < e && e[-1] == '*') e--;
        i = (size_t)(close - p);
        if (s < e && !memchr(s, '{', (size_t)(e - s))) {
            *name = s;
            *len = (size_t)(e - s);
            *pos = i + 1;
            return true;
        }
    }
    *pos = n;
    return false;
}

/* The path parameters in a parameters array (references followed), into l;
 * reports "required" and repeats. */
static void collect(const adr_host *h, adr_ctx *ctx, const adr_node *params, list *l)
{
    for (size_t i = 0, n = h->count(params); i < n; i++) {
        const adr_node *at = h->item(params, i);
        const adr_node *p = h->deref(ctx, at);
        if (h->type(p) != ADR_NODE_MAP || !adr_r_text_eq(h, h->get(p, "in"), "path")) continue;
        size_t len;
        const char *name = h->text(h->get(p, "name"), &len);
        if (!name) continue;
        if (h->boolean(h->get(p, "required")) != 1)
            h->report(ctx, at,
                      "Path parameter \"%.*s\" must have \"required\" property that is set to "
                      "\"true\".",
                      (int)len, name);
        if (find(l, name, len)) {
            h->report(ctx, at, "Path parameter \"%.*s\" must not be defined multiple times.",
                      (int)len, name);
            continue;
        }
        l->items[l->n++] = (name_ref){name, len, at};
    }
}

static size_t count_params(const adr_host *h, const adr_node *item)
{
    size_t n = h->count(h->get(item, "parameters"));
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++)
        n += h->count(h->get(h->get(item, methods[m]), "parameters"));
    return n;
}

/* The next character of a path with every {variable} read as '%' (a
 * character a path template cannot otherwise contain); 0 at the end. */
static char norm_next(const char *p, size_t n, size_t *i)
{
    if (*i >= n) return 0;
    if (p[*i] == '{') {
        const char *close = memchr(p + *i, '}', n - *i);
        if (close) {
            *i = (size_t)(close - p) + 1;
            return '%';
        }
    }
    return p[(*i)++];
}

static unsigned norm_hash(const char *p, size_t n)
{
    unsigned x = 2166136261u;
    size_t i = 0;
    for (char ch; (ch = norm_next(p, n, &i));)
        x = (x ^ (unsigned char)ch) * 16777619u;
    return x;
}

static bool norm_equal(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    for (;;) {
        char x = norm_next(a, an, &i), y = norm_next(b, bn, &j);
        if (x != y) return false;
        if (!x) return i >= an && j >= bn;
    }
}

/* Paths that differ only in the names of their variables are one path. */
static void check_equivalent(const adr_host *h, adr_ctx *ctx, pp_state *st, const adr_node *key,
                             const adr_node *at)
{
    size_t len;
    const char *path = h->text(key, &len);
    if (!st->paths) return;
    size_t k = norm_hash(path, len) & (st->cappaths - 1);
    for (; st->paths[k]; k = (k + 1) & (st->cappaths - 1)) {
        size_t ol;
        const char *other = h->text(st->paths[k], &ol);
        if (norm_equal(other, ol, path, len)) {
            h->report(ctx, at, "Paths \"%.*s\" and \"%.*s\" must not be equivalent.", (int)ol,
                      other, (int)len, path);
            return;
        }
    }
    st->paths[k] = key;
}

static void check_path(const adr_host *h, adr_ctx *ctx, pp_state *st, const adr_node *key,
                       const adr_node *value)
{
    size_t plen;
    const char *path = h->text(key, &plen);
    const adr_node *item = h->deref(ctx, value);
    if (!path || h->type(item) != ADR_NODE_MAP) return;
    check_equivalent(h, ctx, st, key, value);

    /* Layout of the scratch buffer: template variables, path-level
     * parameters, then one operation's parameters at a time. */
    size_t nvars = 0;
    for (size_t i = 0; i < plen; i++)
        nvars += path[i] == '{';
    if (!reserve(h, ctx, st, nvars + count_params(h, item) + 1)) return;
    list vars = {st->buf, 0};
    const char *name;
    size_t len;
    size_t pos = 0;
    while (next_var(path, plen, &pos, &name, &len)) {
        if (find(&vars, name, len))
            h->report(ctx, value, "Path \"%.*s\" must not use parameter \"{%.*s}\" multiple times.",
                      (int)plen, path, (int)len, name);
        else
            vars.items[vars.n++] = (name_ref){name, len, NULL};
    }

    list top = {vars.items + vars.n, 0};
    collect(h, ctx, h->get(item, "parameters"), &top);

    for (size_t j = 0, m = h->count(item); j < m; j++) {
        const adr_node *op = h->value_at(item, j);
        const adr_node *method = h->key_at(item, j);
        bool is_op = false;
        for (size_t k = 0; k < sizeof methods / sizeof *methods && !is_op; k++)
            is_op = adr_r_text_eq(h, method, methods[k]);
        if (!is_op || h->type(op) != ADR_NODE_MAP) continue;
        list own = {top.items + top.n, 0};
        collect(h, ctx, h->get(op, "parameters"), &own);
        /* Defined: the operation's parameters, then the path's it does not
         * override. */
        for (size_t k = 0; k < top.n + own.n; k++) {
            const name_ref *p = k < own.n ? &own.items[k] : &top.items[k - own.n];
            if (k >= own.n && find(&own, p->s, p->n)) continue;
            if (!find(&vars, p->s, p->n))
                h->report(ctx, p->at, "Parameter \"%.*s\" must be used in path \"%.*s\".",
                          (int)p->n, p->s, (int)plen, path);
        }
        for (size_t k = 0; k < vars.n; k++)
            if (!find(&own, vars.items[k].s, vars.items[k].n) &&
                !find(&top, vars.items[k].s, vars.items[k].n))
                h->report(ctx, op,
                          "Operation must define parameter \"{%.*s}\" as expected by path "
                          "\"%.*s\".",
                          (int)vars.items[k].n, vars.items[k].s, (int)plen, path);
    }
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *paths = h->get(v->node, "paths");
    if (h->type(paths) != ADR_NODE_MAP) return;
    pp_state *st = h->state(ctx, sizeof *st);
    if (!st) return;
    st->cappaths = 16;
    while (st->cappaths < 2 * h->count(paths))
        st->cappaths *= 2;
    st->paths = h->alloc(ctx, st->cappaths * sizeof *st->paths);
    if (st->paths) memset(st->paths, 0, st->cappaths * sizeof *st->paths);
    for (size_t i = 0, n = h->count(paths); i < n; i++) {
        size_t kl;
        const char *k = h->text(h->key_at(paths, i), &kl);
        if (!k || (kl >= 2 && k[0] == 'x' && k[1] == '-')) continue;
        check_path(h, ctx, st, h->key_at(paths, i), h->value_at(paths, i));
    }
}

const adr_rule adr_rule_path_params = {
    .struct_size = sizeof(adr_rule),
    .code = "path-params",
    .rule_id = "/core/doc-openapi",
    .title = "Path parameters must be defined and valid",
    .rationale =
        "Every {variable} of a path template needs a path parameter of that name, at the path "
        "or the operation level, and every path parameter must appear in the template, be "
        "required and be defined once per level; two paths that differ only in their variable "
        "names are the same path. Same checks and messages as Spectral's path-params, with "
        "referenced parameters followed, but any variable name counts (Spectral only "
        "recognizes [a-zA-Z0-9_-] names, so {user.id} was reported as unused).",
    .doc_url = ADR_DON_URL "doc-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
