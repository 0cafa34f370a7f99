/* White-box fuzzing of core/doc: adr_doc_parse (YAML for even sizes, JSON
 * for odd ones) and a walk over every node that checks the tree's
 * invariants: offsets inside the input, children that know their place,
 * JSON pointers that lead back to their node, positions on real lines.
 * Our own readers (JSON, YAML) are compared with libfyaml's reading of
 * the same bytes. */
#include "fuzz.h"

#include "doc/doc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

typedef struct walk {
    adr_doc *doc;
    adr_node **nodes; /* every node once, in breadth-first order */
    size_t n, cap;
    bool plain_paths; /* no duplicate keys, merges or collection keys seen */
    adr_buf ptr;
} walk;

static void push(walk *w, adr_node *n)
{
    FUZZ_CHECK(n != NULL, "NULL child");
    /* The walk's bookkeeping is free here (nothing walks this tree). */
    if (n->visited & 0x8000u) return; /* shared through an alias: checked once */
    n->visited |= 0x8000u;
    FUZZ_CHECK(adr_grow((void **)&w->nodes, &w->cap, w->n + 1, sizeof *w->nodes), "oom");
    w->nodes[w->n++] = n;
}

static void check_place(const adr_node *parent, const adr_node *n)
{
    /* A node reached from the parent it records sits at its index there. */
    if (n->parent != parent) return;
    FUZZ_CHECK(n->index < parent->len, "index %u of %u", n->index, parent->len);
    if (parent->type == ADR_NODE_SEQ)
        FUZZ_CHECK(parent->u.items[n->index] == n, "item index");
    else
        FUZZ_CHECK(parent->u.pairs[n->index].value == n || parent->u.pairs[n->index].key == n,
                   "pair index");
}

static void check_node(walk *w, adr_node *n)
{
    adr_doc *d = w->doc;
    FUZZ_CHECK(n->doc == d, "node of another document");
    FUZZ_CHECK(n->start <= n->end && n->end <= d->size, "node %u..%u in %zu bytes", n->start,
               n->end, d->size);
    adr_position s = adr_doc_position(d, n->start), e = adr_doc_position(d, n->end);
    FUZZ_CHECK(s.line < d->nlines || d->nlines == 0, "line %u of %zu", s.line, d->nlines);
    FUZZ_CHECK(s.offset == n->start && e.offset == n->end, "position offsets");
    FUZZ_CHECK(s.column_utf16 <= s.column, "utf16 column beyond byte column");
    uint32_t rs, re;
    adr_node_spectral_range(n, &rs, &re);
    FUZZ_CHECK(rs <= re && re <= d->size, "spectral range %u..%u", rs, re);
    switch (n->type) {
    case ADR_NODE_MAP:
        if (n->flags & ADR_NF_MERGED) w->plain_paths = false;
        for (uint32_t i = 0; i < n->len; i++) {
            adr_pair *p = &n->u.pairs[i];
            FUZZ_CHECK(p->key && p->value, "pair %u", i);
            if (p->key->type == ADR_NODE_MAP || p->key->type == ADR_NODE_SEQ)
                w->plain_paths = false;
            check_place(n, p->value);
            push(w, p->key);
            push(w, p->value);
        }
        break;
    case ADR_NODE_SEQ:
        for (uint32_t i = 0; i < n->len; i++) {
            check_place(n, n->u.items[i]);
            push(w, n->u.items[i]);
        }
        break;
    default: {
        FUZZ_CHECK(n->len == 0 || n->u.text != NULL, "scalar without text");
        double num;
        bool isnum = adr_node_number(n, &num);
        FUZZ_CHECK(isnum == (n->type == ADR_NODE_INT || n->type == ADR_NODE_FLOAT), "number");
        break;
    }
    }
}

static void check_pointer(walk *w, adr_node *n)
{
    adr_buf_reset(&w->ptr);
    adr_node_pointer(n, &w->ptr);
    FUZZ_CHECK(!w->ptr.oom, "oom");
    const char *p = w->ptr.data ? w->ptr.data : "";
    adr_node *back = adr_node_at_pointer(w->doc->root, p, w->ptr.len, false);
    FUZZ_CHECK(back == n, "pointer '%s' leads elsewhere", p);
}

/* Two trees read from the same bytes (see check_json_breaks) are the same
 * tree. */
static void check_same(const adr_node *a, const adr_node *b, size_t depth)
{
    FUZZ_CHECK(a->type == b->type && a->flags == b->flags && a->start == b->start &&
                   a->end == b->end && a->len == b->len,
               "the trees differ at %u..%u (%u..%u)", a->start, a->end, b->start, b->end);
    FUZZ_CHECK(depth < 2000, "too deep");
    if (a->type == ADR_NODE_MAP) {
        for (uint32_t i = 0; i < a->len; i++) {
            check_same(a->u.pairs[i].key, b->u.pairs[i].key, depth + 1);
            check_same(a->u.pairs[i].value, b->u.pairs[i].value, depth + 1);
        }
    } else if (a->type == ADR_NODE_SEQ) {
        for (uint32_t i = 0; i < a->len; i++)
            check_same(a->u.items[i], b->u.items[i], depth + 1);
    } else {
        FUZZ_CHECK(a->len == 0 || memcmp(a->u.text, b->u.text, a->len) == 0,
                   "the trees differ in a scalar at %u", a->start);
    }
}

/* Our reader's document (ours) and libfyaml's (fy) of the same bytes have
 * the same errors, node count and tree. */
static void check_same_reading(const adr_doc *ours, const adr_doc *fy, const char *reader)
{
    FUZZ_CHECK(ours->nerrors == fy->nerrors && ours->fatal == fy->fatal,
               "the %s reader and libfyaml disagree: %zu vs %zu errors", reader, ours->nerrors,
               fy->nerrors);
    for (size_t i = 0; i < ours->nerrors; i++)
        FUZZ_CHECK(ours->errors[i].start == fy->errors[i].start &&
                       strcmp(ours->errors[i].message, fy->errors[i].message) == 0,
                   "the %s reader and libfyaml report differently: %s / %s", reader,
                   ours->errors[i].message, fy->errors[i].message);
    FUZZ_CHECK(ours->nnodes == fy->nnodes, "the %s reader made %zu nodes, libfyaml %zu", reader,
               ours->nnodes, fy->nnodes);
    check_same(ours->root, fy->root, 0);
}

/* Parses a copy of the input (adr_doc_parse takes its buffer). */
static adr_doc *parse_copy(const uint8_t *data, size_t size, bool json, const adr_doc_limits *lim)
{
    char *buf = adr_xmalloc(size + 1);
    FUZZ_CHECK(buf != NULL, "oom");
    memcpy(buf, data, size);
    buf[size] = 0;
    adr_doc *d = adr_doc_parse(json ? "fuzz.json" : "fuzz.yaml", buf, size, json, lim);
    FUZZ_CHECK(d != NULL, "adr_doc_parse failed without OOM");
    return d;
}

/* The same bytes read by libfyaml whole, by libfyaml with line breaks
 * inserted, and by the JSON reader (which leaves to libfyaml what it does
 * not take): whether the document parses and its tree are the same. */
static void check_json_breaks(const uint8_t *data, size_t size)
{
    adr_doc *d[3];
    for (int i = 0; i < 3; i++) {
        /* Aliases are YAML: no expansion to speak of in JSON, but keep the
         * comparison cheap if libfyaml accepts some. */
        adr_doc_limits lim = {1000, 20000, i == 1 ? 16 : SIZE_MAX, i < 2};
        d[i] = parse_copy(data, size, true, &lim);
    }
    FUZZ_CHECK((d[0]->nerrors == 0) == (d[1]->nerrors == 0),
               "broken JSON lines changed whether the document parses: %zu vs %zu errors",
               d[0]->nerrors, d[1]->nerrors);
    if (d[0]->nerrors == 0) check_same(d[0]->root, d[1]->root, 0);
    check_same_reading(d[2], d[0], "JSON");
    for (int i = 0; i < 3; i++)
        adr_doc_free(d[i]);
}

/* The YAML reader takes what it can and leaves the rest to libfyaml: the
 * document, read either way, has the same tree and the same errors. */
static void check_yaml_reader(const uint8_t *data, size_t size)
{
    adr_doc *d[2];
    for (int i = 0; i < 2; i++) {
        adr_doc_limits lim = {1000, 20000, 0, i == 1};
        d[i] = parse_copy(data, size, false, &lim);
    }
    check_same_reading(d[0], d[1], "YAML");
    for (int i = 0; i < 2; i++)
        adr_doc_free(d[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    adr_doc_limits lim = {1000, 200000, 0, false};
    bool json = size & 1;
    adr_doc *d = parse_copy(data, size, json, &lim);
    FUZZ_CHECK(d->root != NULL, "no root");
    for (size_t i = 0; i < d->nerrors; i++) {
        const adr_doc_error *e = &d->errors[i];
        FUZZ_CHECK(e->start <= e->end && e->end <= size, "error %u..%u", e->start, e->end);
        FUZZ_CHECK(e->message && e->message[0], "error without message");
        if (strcmp(e->code, "duplicate-key") == 0) FUZZ_CHECK(e->node, "duplicate without node");
    }
    walk w = {d, NULL, 0, 0, d->nerrors == 0, {0}};
    adr_buf_init(&w.ptr);
    push(&w, d->root);
    for (size_t i = 0; i < w.n; i++)
        check_node(&w, w.nodes[i]);
    /* Pointers name a node by its keys: only exact when every key is a
     * scalar and none was dropped or merged. Key nodes stand for their
     * value. */
    for (size_t i = 1; i < w.n && w.plain_paths; i++)
        if (adr_node_key_of(w.nodes[i]) != w.nodes[i]) check_pointer(&w, w.nodes[i]);
    adr_buf_free(&w.ptr);
    adr_xfree(w.nodes);
    adr_doc_free(d);
    if (json)
        check_json_breaks(data, size);
    else
        check_yaml_reader(data, size);
    return 0;
}
