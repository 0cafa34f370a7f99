/* operation-operationId-unique - /core/doc-openapi: no two operations under
 * paths share an operationId. */
#include "../common/rules.h"

static const char *const methods[] = {"get",     "put",  "post",  "delete",
                                      "options", "head", "patch", "trace"};

static bool is_method(const adr_host *h, const adr_node *key)
{
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
        if (adr_r_text_eq(h, key, methods[i])) return true;
    return false;
}

static unsigned text_hash(const char *s, size_t n)
{
    unsigned x = 2166136261u;
    for (size_t i = 0; i < n; i++)
        x = (x ^ (unsigned char)s[i]) * 16777619u;
    return x;
}

/* Calls fn for every operationId under paths, in document order; path
 * items behind a $ref count where they are used, as in Spectral's resolved
 * document. Returns the number of ids. */
static size_t each_id(const adr_host *h, adr_ctx *ctx, const adr_node *paths,
                      void (*fn)(void *, const adr_node *), void *arg)
{
    size_t count = 0;
    for (size_t i = 0, n = h->count(paths); i < n; i++) {
        const adr_node *item = h->deref(ctx, h->value_at(paths, i));
        if (h->type(item) != ADR_NODE_MAP) continue;
        for (size_t j = 0, m = h->count(item); j < m; j++) {
            const adr_node *op = h->value_at(item, j);
            if (h->type(op) != ADR_NODE_MAP || !is_method(h, h->key_at(item, j))) continue;
            const adr_node *id = h->get(op, "operationId");
            if (!id || !h->text(id, NULL)) continue;
            count++;
            if (fn) fn(arg, id);
        }
    }
    return count;
}

typedef struct seen_set {
    const adr_host *h;
    adr_ctx *ctx;
    const adr_node **slots;
    size_t cap;
} seen_set;

static void visit_id(void *arg, const adr_node *id)
{
    seen_set *s = arg;
    const adr_host *h = s->h;
    size_t len;
    const char *t = h->text(id, &len);
    size_t k = text_hash(t, len) & (s->cap - 1);
    for (; s->slots[k]; k = (k + 1) & (s->cap - 1)) {
        const adr_node *o = s->slots[k];
        size_t ol;
        const char *ot = h->text(o, &ol);
        /* The same node twice is one operation used by two paths. */
        if (o != id && ol == len && memcmp(ot, t, len) == 0 && h->type(o) == h->type(id)) {
            h->report(s->ctx, id, "Every operation must have unique \"operationId\".");
            return;
        }
        if (o == id) return;
    }
    s->slots[k] = id;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    const adr_node *paths = h->get(v->node, "paths");
    if (h->type(paths) != ADR_NODE_MAP) return;
    size_t n = each_id(h, ctx, paths, NULL, NULL);
    if (n < 2) return;
    seen_set s = {h, ctx, NULL, 16};
    while (s.cap < 2 * n)
        s.cap *= 2;
    s.slots = h->alloc(ctx, s.cap * sizeof *s.slots);
    if (!s.slots) return;
    memset(s.slots, 0, s.cap * sizeof *s.slots);
    each_id(h, ctx, paths, visit_id, &s);
}

const adr_rule adr_rule_operation_operationid_unique = {
    .struct_size = sizeof(adr_rule),
    .code = "operation-operationId-unique",
    .rule_id = "/core/doc-openapi",
    .title = "Every operation must have unique \"operationId\"",
    .rationale =
        "operationId identifies an operation for links and generated client code, so it must "
        "be unique in the document (OAS: \"The id MUST be unique among all operations described "
        "in the API\"). Every repeat is reported at its operationId, as Spectral does, for the "
        "operations under paths.",
    .doc_url = ADR_DON_URL "doc-openapi",
    .default_severity = ADR_SEVERITY_ERROR,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_DOCUMENT),
    .check = check,
};
