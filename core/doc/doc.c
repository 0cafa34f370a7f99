/* Builds the document tree from libfyaml's event stream. One pass, no
 * per-node malloc: nodes and child arrays come from the document arena,
 * children of open collections wait on one shared scratch stack. */
#include "doc.h"
#include "scalar.h"

#include <libfyaml.h>
#include <limits.h>
#include <stdio.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#define ATTACHED 0x80u /* private to the builder: node has its parent set */

typedef struct frame {
    adr_node *node;
    size_t base;        /* first scratch slot of this collection's children */
    uint64_t weight;    /* nodes in the subtree after alias expansion */
    uint32_t last_end;  /* where the last child ends in the source */
    const char *anchor; /* anchor name (arena) or NULL */
    size_t anchor_len;
} frame;

typedef struct anchor {
    const char *name;
    size_t len;
    adr_node *node;
    uint64_t weight;
} anchor;

typedef struct builder {
    adr_doc *doc;
    const adr_doc_limits *limits;
    frame *frames;
    size_t nframes, capframes;
    adr_node **scratch;
    size_t nscratch, capscratch;
    anchor *anchors;
    size_t nanchors, capanchors;
    uint64_t expanded;      /* nodes counted through aliases */
    uint32_t base;          /* offset of what libfyaml parses (after a BOM) */
    const uint32_t *breaks; /* line breaks inserted into a JSON copy (see json_breaks) */
    size_t nbreaks;
    bool stop;
    bool oom;
} builder;

static void doc_error(adr_doc *doc, const char *code, int severity, uint32_t start, uint32_t end,
                      const adr_node *node, const char *fmt, ...) ADR_INTERNAL_PRINTF(7, 8);

static void doc_error(adr_doc *doc, const char *code, int severity, uint32_t start, uint32_t end,
                      const adr_node *node, const char *fmt, ...)
{
    /* A lost error would be a wrong result: adr_doc_parse fails instead. */
    if (!adr_grow((void **)&doc->errors, &doc->caperrors, doc->nerrors + 1, sizeof *doc->errors)) {
        doc->oom = true;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = adr_arena_vprintf(&doc->arena, fmt, ap);
    va_end(ap);
    if (!msg) {
        doc->oom = true;
        return;
    }
    adr_doc_error *e = &doc->errors[doc->nerrors++];
    e->code = code;
    e->severity = severity;
    e->message = msg;
    e->start = start;
    e->end = end;
    e->node = node;
}

/* ---- scalar typing (YAML 1.2 core schema; JSON is a subset) ---- */

static bool is_digits(const char *s, size_t n, int base)
{
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool ok = base == 16
                      ? ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                  : base == 8 ? (c >= '0' && c <= '7')
                              : (c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

static bool eq(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n == l && memcmp(s, lit, l) == 0;
}

static adr_node_type classify_plain(const char *s, size_t n)
{
    if (n == 0 || eq(s, n, "~") || eq(s, n, "null") || eq(s, n, "Null") || eq(s, n, "NULL"))
        return ADR_NODE_NULL;
    char c = s[0];
    if (c == 't' || c == 'T' || c == 'f' || c == 'F') {
        if (eq(s, n, "true") || eq(s, n, "True") || eq(s, n, "TRUE") || eq(s, n, "false") ||
            eq(s, n, "False") || eq(s, n, "FALSE"))
            return ADR_NODE_BOOL;
        return ADR_NODE_STRING;
    }
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')) return ADR_NODE_STRING;
    if (n > 2 && s[0] == '0' && s[1] == 'x' && is_digits(s + 2, n - 2, 16)) return ADR_NODE_INT;
    if (n > 2 && s[0] == '0' && s[1] == 'o' && is_digits(s + 2, n - 2, 8)) return ADR_NODE_INT;
    size_t i = 0;
    if (s[i] == '-' || s[i] == '+') i++;
    if (i < n && s[i] == '.') {
        const char *r = s + i + 1;
        size_t rn = n - i - 1;
        if (eq(r, rn, "inf") || eq(r, rn, "Inf") || eq(r, rn, "INF")) return ADR_NODE_FLOAT;
        if (i == 0 && (eq(r, rn, "nan") || eq(r, rn, "NaN") || eq(r, rn, "NAN")))
            return ADR_NODE_FLOAT;
    }
    size_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    bool is_float = false;
    if (i < n && s[i] == '.') {
        is_float = true;
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, digits++;
    }
    if (digits == 0) return ADR_NODE_STRING;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        is_float = true;
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+')) i++;
        size_t ed = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, ed++;
        if (ed == 0) return ADR_NODE_STRING;
    }
    if (i != n) return ADR_NODE_STRING;
    return is_float ? ADR_NODE_FLOAT : ADR_NODE_INT;
}

/* ---- builder ---- */

static adr_node *new_node(builder *b, adr_node_type type, uint32_t start, uint32_t end)
{
    adr_node *n = adr_arena_alloc(&b->doc->arena, sizeof *n);
    if (!n) {
        b->oom = b->stop = true;
        return NULL;
    }
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)type;
    n->start = start;
    n->end = end;
    n->doc = b->doc;
    b->doc->nnodes++;
    return n;
}

static bool count_nodes(builder *b, uint64_t weight, uint32_t at)
{
    b->expanded += weight;
    if (b->expanded > b->limits->max_nodes) {
        doc_error(b->doc, "parser", ADR_SEVERITY_ERROR, at, at, NULL,
                  "Document expands to more than %zu nodes (alias expansion limit)",
                  b->limits->max_nodes);
        b->doc->fatal = true;
        b->stop = true;
        return false;
    }
    return true;
}

/* end: where the child ends in the source; for an alias that is the alias
 * itself, not the anchored node it stands for. */
static void attach(builder *b, adr_node *n, uint64_t weight, uint32_t end)
{
    if (b->nframes == 0) {
        if (!b->doc->root) b->doc->root = n;
        return;
    }
    frame *f = &b->frames[b->nframes - 1];
    f->weight += weight;
    f->last_end = end;
    if (!adr_grow((void **)&b->scratch, &b->capscratch, b->nscratch + 1, sizeof *b->scratch)) {
        b->oom = b->stop = true;
        return;
    }
    size_t pos = b->nscratch - f->base;
    b->scratch[b->nscratch++] = n;
    if (!(n->flags & ATTACHED)) {
        n->flags |= ATTACHED;
        n->parent = f->node;
        n->index = (uint32_t)(f->node->type == ADR_NODE_MAP ? pos / 2 : pos);
    }
}

static const char salt_anchor;

/* The hash of the parser's tables (keys, anchors), salted per process so a
 * document cannot be crafted to make them collide. */
static uint64_t text_hash(const char *s, size_t n)
{
    /* Address space layout randomisation places salt_anchor differently in
     * every process: a salt with no state to share between threads. */
    uint64_t salt = (uint64_t)(uintptr_t)&salt_anchor * 0x9E3779B97F4A7C15ull;
    uint64_t h = adr_hash(s, n) ^ salt;
    /* murmur3's finaliser: every bit of h reaches the low bits used. */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
}

/* Anchors live in an open-addressing table by name, holding the latest
 * definition of each (an alias refers to the nearest anchor before it), so
 * many anchors and aliases stay linear. */
static anchor *anchor_slot(const builder *b, const char *name, size_t len)
{
    size_t mask = b->capanchors - 1;
    size_t h = (size_t)text_hash(name, len) & mask;
    while (b->anchors[h].name &&
           !(b->anchors[h].len == len && memcmp(b->anchors[h].name, name, len) == 0))
        h = (h + 1) & mask;
    return &b->anchors[h];
}

static void register_anchor(builder *b, const char *name, size_t len, adr_node *n, uint64_t weight)
{
    if (!name) return;
    if ((b->nanchors + 1) * 2 > b->capanchors) {
        anchor *old = b->anchors;
        size_t oldcap = b->capanchors;
        size_t ncap = oldcap ? oldcap * 2 : 64;
        anchor *na = adr_xcalloc(ncap, sizeof *na);
        if (!na) {
            b->oom = b->stop = true;
            return;
        }
        b->anchors = na;
        b->capanchors = ncap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].name) *anchor_slot(b, old[i].name, old[i].len) = old[i];
        adr_xfree(old);
    }
    anchor *a = anchor_slot(b, name, len);
    if (!a->name) b->nanchors++;
    *a = (anchor){name, len, n, weight};
}

static const char *token_text_arena(builder *b, struct fy_token *t, size_t *len)
{
    size_t l = 0;
    const char *s = t ? fy_token_get_text(t, &l) : NULL;
    if (!s) {
        *len = 0;
        return NULL;
    }
    char *d = adr_arena_strndup(&b->doc->arena, s, l);
    if (!d) b->oom = b->stop = true;
    *len = l;
    return d;
}

/* Whether s[0..n) holds c or d. Most scalars are short: a loop beats two
 * calls to memchr. */
static bool has_either(const char *s, size_t n, char c, char d)
{
    if (n > 64) return memchr(s, c, n) || (c != d && memchr(s, d, n));
    for (size_t i = 0; i < n; i++)
        if (s[i] == c || s[i] == d) return true;
    return false;
}

static bool has_byte(const char *s, size_t n, char c)
{
    return has_either(s, n, c, c);
}

/* The offset in doc->buf of a position in the text libfyaml parsed: after
 * the BOM, and before any line breaks inserted into a JSON copy. */
static uint32_t map_pos(const builder *b, size_t pos)
{
    size_t lo = 0, hi = b->nbreaks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->breaks[mid] < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return b->base + (uint32_t)(pos - lo);
}

static uint32_t pos_of(const builder *b, const struct fy_mark *m)
{
    return m ? map_pos(b, m->input_pos) : b->base;
}

/* An empty scalar ("key:" with no value) has no token and so no marks:
 * place it where it would begin, after the previous sibling and its colon,
 * not at the start of the file. */
static uint32_t empty_scalar_at(const builder *b)
{
    const adr_doc *doc = b->doc;
    if (b->nframes == 0) return doc->bom;
    uint32_t at = b->frames[b->nframes - 1].last_end;
    uint32_t i = at;
    while (i < doc->size && (doc->buf[i] == ' ' || doc->buf[i] == '\t'))
        i++;
    return i < doc->size && doc->buf[i] == ':' ? i + 1 : at;
}

/* Adds a scalar whose marks (quotes excluded) run from start to end.
 * indent is a block scalar's explicit content indentation (0 when its
 * header gives none, or the reader does not know it). tok is libfyaml's
 * token, for text adr_scalar_decode cannot produce (NULL from our readers,
 * which only pass what it decodes). Returns the node, or NULL when
 * building stopped. */
/* Inlined into both readers: it runs once per scalar. */
static ADR_HOT_INLINE adr_node *add_scalar(builder *b, uint32_t start, uint32_t end,
                                           enum fy_scalar_style style, size_t indent, bool str_tag,
                                           struct fy_token *tok)
{
    if (end < start) end = start;
    adr_doc *doc = b->doc;
    const char *src = doc->buf + start;
    size_t srclen = end - start;
    const char *text = NULL;
    size_t len = 0;
    adr_node_type type = ADR_NODE_STRING;
    uint8_t flags = 0;
    switch (style) {
    case FYSS_PLAIN:
        if (!has_byte(src, srclen, '\n')) {
            text = src;
            len = srclen;
        }
        break;
    case FYSS_DOUBLE_QUOTED:
        flags = ADR_NF_QUOTED;
        if (!has_either(src, srclen, '\\', '\n')) {
            text = src;
            len = srclen;
        }
        break;
    case FYSS_SINGLE_QUOTED:
        flags = ADR_NF_QUOTED;
        if (!has_either(src, srclen, '\'', '\n')) {
            text = src;
            len = srclen;
        }
        break;
    default: flags = ADR_NF_BLOCK; break;
    }
    if (!text) {
        text = adr_scalar_decode(&doc->arena, doc->buf, doc->size, start, end, (int)style, indent,
                                 &len);
        if (!text) {
            if (!tok) {
                /* Our readers pass only what decodes: the document goes to
                 * libfyaml. */
                b->stop = true;
                return NULL;
            }
            text = token_text_arena(b, tok, &len);
            if (b->stop) return NULL;
            if (!text) text = "";
        }
    }
    if (style == FYSS_PLAIN) {
        type = classify_plain(text, len);
        if (str_tag) type = ADR_NODE_STRING;
    }
    if (flags & ADR_NF_QUOTED) {
        /* Marks exclude the quotes; positions include them, as editors and
         * Spectral show them. */
        if (start > 0) start--;
        if (end < doc->size) end++;
    } else if (flags & ADR_NF_BLOCK) {
        /* A block scalar's mark is its first content line; it starts, for
         * editors and for Spectral, at its | or > indicator. */
        size_t ind = adr_block_indicator(doc->buf, doc->size, start);
        if (ind != SIZE_MAX) start = (uint32_t)ind;
    }
    adr_node *n = new_node(b, type, start, end);
    if (!n) return NULL;
    n->flags = flags;
    n->u.text = text;
    n->len = (uint32_t)len;
    if (!count_nodes(b, 1, start)) return NULL;
    return n;
}

static void on_scalar(builder *b, struct fy_event *e)
{
    struct fy_token *tok = e->scalar.value;
    const struct fy_mark *sm = fy_token_start_mark(tok), *em = fy_token_end_mark(tok);
    uint32_t start = pos_of(b, sm);
    uint32_t end = pos_of(b, em);
    if (!sm) start = end = empty_scalar_at(b);
    enum fy_scalar_style style = fy_token_scalar_style(tok);
    bool str_tag = false;
    if (style == FYSS_PLAIN && e->scalar.tag) {
        size_t tl;
        const char *tag = fy_token_get_text(e->scalar.tag, &tl);
        str_tag = tag && tl >= 3 && memcmp(tag + tl - 3, "str", 3) == 0;
    }
    adr_node *n = add_scalar(b, start, end, style, 0, str_tag, tok);
    if (!n) return;
    if (e->scalar.anchor) {
        size_t al;
        const char *an = token_text_arena(b, e->scalar.anchor, &al);
        register_anchor(b, an, al, n, 1);
    }
    attach(b, n, 1, n->end);
}

/* Opens a map or sequence starting at start; returns its frame, or NULL
 * when building stopped. */
static frame *start_collection(builder *b, adr_node_type type, uint32_t start)
{
    if (b->nframes >= b->limits->max_depth) {
        doc_error(b->doc, "parser", ADR_SEVERITY_ERROR, start, start, NULL,
                  "Nesting deeper than %zu levels", b->limits->max_depth);
        b->doc->fatal = true;
        b->stop = true;
        return NULL;
    }
    adr_node *n = new_node(b, type, start, start);
    if (!n) return NULL;
    if (start < b->doc->size && (b->doc->buf[start] == '{' || b->doc->buf[start] == '['))
        n->flags |= ADR_NF_FLOW;
    if (!count_nodes(b, 1, start)) return NULL;
    if (!adr_grow((void **)&b->frames, &b->capframes, b->nframes + 1, sizeof *b->frames)) {
        b->oom = b->stop = true;
        return NULL;
    }
    frame *f = &b->frames[b->nframes++];
    f->node = n;
    f->base = b->nscratch;
    f->weight = 1;
    f->last_end = start;
    f->anchor = NULL;
    f->anchor_len = 0;
    return f;
}

static void on_start(builder *b, struct fy_event *e, adr_node_type type)
{
    frame *f = start_collection(b, type, pos_of(b, fy_event_start_mark(e)));
    if (!f) return;
    struct fy_token *at = type == ADR_NODE_MAP ? e->mapping_start.anchor : e->sequence_start.anchor;
    if (at) f->anchor = token_text_arena(b, at, &f->anchor_len);
}

static bool is_scalar(const adr_node *n)
{
    return n->type != ADR_NODE_MAP && n->type != ADR_NODE_SEQ;
}

/* Keys are equal when both are scalars with the same text. A collection
 * used as a key ("? [a, b]") equals no other key: its text fields hold
 * no text. */
static bool same_key(const adr_node *a, const adr_node *k)
{
    return is_scalar(a) && is_scalar(k) && a->len == k->len &&
           (a->len == 0 || memcmp(a->u.text, k->u.text, a->len) == 0);
}

/* A set of pairs (by index) hashed on their key text, so that duplicate
 * detection and merge keys stay linear in the size of a map. The hash is
 * salted per process so a document cannot be crafted to collide. */
typedef struct keyset {
    uint32_t *slots; /* pair index, UINT32_MAX when empty */
    size_t mask;
} keyset;

static uint64_t key_hash(const adr_node *k)
{
    return text_hash(k->u.text, k->len);
}

static bool keyset_init(keyset *ks, size_t n)
{
    size_t cap = 16;
    while (cap < n * 2)
        cap <<= 1;
    ks->slots = adr_xmalloc(cap * sizeof *ks->slots);
    if (!ks->slots) return false;
    memset(ks->slots, 0xff, cap * sizeof *ks->slots);
    ks->mask = cap - 1;
    return true;
}

/* The slot holding a pair whose key equals pairs[i].key, or the empty slot
 * where it belongs. Only called for scalar keys. */
static uint32_t *keyset_slot(const keyset *ks, const adr_pair *pairs, size_t i)
{
    size_t h = (size_t)key_hash(pairs[i].key) & ks->mask;
    while (ks->slots[h] != UINT32_MAX && !same_key(pairs[ks->slots[h]].key, pairs[i].key))
        h = (h + 1) & ks->mask;
    return &ks->slots[h];
}

/* Removes earlier duplicates (the last one wins, as in JSON.parse and
 * Spectral) and reports each later occurrence that replaced one. */
/* Marks pairs[j] as replaced by a later pair with key k, and reports k. */
static bool replace_pair(builder *b, bool **dead, size_t n, size_t j, const adr_node *k)
{
    if (!*dead) *dead = adr_xcalloc(n, sizeof **dead);
    if (!*dead) {
        b->oom = b->stop = true;
        return false;
    }
    (*dead)[j] = true;
    doc_error(b->doc, "duplicate-key", ADR_SEVERITY_ERROR, k->start, k->end, k,
              "Duplicate key: %.*s", (int)k->len, k->u.text);
    return true;
}

static size_t dedupe_pairs(builder *b, adr_node *map, adr_pair *pairs, size_t n)
{
    if (n < 2) return n;
    bool *dead = NULL;
    if (n <= 16) {
        /* Most maps are small: comparing beats hashing (and allocating). */
        for (size_t i = 1; i < n; i++) {
            const adr_node *k = pairs[i].key;
            if (!is_scalar(k)) continue;
            /* The pairs' key lengths and prefixes rule out most pairs
             * without reading their keys. */
            for (size_t j = i; j-- > 0;)
                if (pairs[j].klen == pairs[i].klen && pairs[j].kpre == pairs[i].kpre &&
                    same_key(pairs[j].key, k)) {
                    if (!replace_pair(b, &dead, n, j, k)) return n;
                    break;
                }
        }
    } else {
        keyset ks;
        if (!keyset_init(&ks, n)) {
            b->oom = b->stop = true;
            return n;
        }
        for (size_t i = 0; i < n; i++) {
            const adr_node *k = pairs[i].key;
            if (!is_scalar(k)) continue;
            uint32_t *slot = keyset_slot(&ks, pairs, i);
            if (*slot != UINT32_MAX && !replace_pair(b, &dead, n, *slot, k)) {
                adr_xfree(ks.slots);
                return n;
            }
            *slot = (uint32_t)i;
        }
        adr_xfree(ks.slots);
    }
    if (!dead) return n;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (dead[i]) continue;
        pairs[w] = pairs[i];
        if (pairs[w].key->parent == map) pairs[w].key->index = (uint32_t)w;
        if (pairs[w].value->parent == map) pairs[w].value->index = (uint32_t)w;
        w++;
    }
    adr_xfree(dead);
    return w;
}

static bool is_merge_key(const adr_node *k)
{
    return is_scalar(k) && !(k->flags & ADR_NF_QUOTED) && k->len == 2 && k->u.text[0] == '<' &&
           k->u.text[1] == '<';
}

/* YAML merge keys (<<), followed as Spectral does: entries of the merged
 * maps are added when the map does not define the key itself; among the
 * merged maps the first to define a key wins. */
static adr_pair *apply_merges(builder *b, adr_node *map, adr_pair *pairs, size_t *np)
{
    size_t n = *np;
    size_t merges = 0;
    for (size_t i = 0; i < n; i++)
        if (is_merge_key(pairs[i].key)) merges++;
    if (!merges) return pairs;
    size_t extra = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_merge_key(pairs[i].key)) continue;
        const adr_node *v = pairs[i].value;
        if (v->type == ADR_NODE_MAP)
            extra += v->len;
        else if (v->type == ADR_NODE_SEQ)
            for (size_t j = 0; j < v->len; j++)
                if (v->u.items[j]->type == ADR_NODE_MAP) extra += v->u.items[j]->len;
    }
    adr_pair *out = adr_arena_alloc(&b->doc->arena, (n + extra + 1) * sizeof *out);
    keyset ks;
    if (!out || !keyset_init(&ks, n + extra)) {
        b->oom = b->stop = true;
        return pairs;
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_merge_key(pairs[i].key)) continue;
        out[w] = pairs[i];
        /* Dropping the << entries moves the map's own pairs forward. */
        if (out[w].key->parent == map) out[w].key->index = (uint32_t)w;
        if (out[w].value->parent == map) out[w].value->index = (uint32_t)w;
        if (is_scalar(out[w].key)) *keyset_slot(&ks, out, w) = (uint32_t)w;
        w++;
    }
    for (size_t i = 0; i < n; i++) {
        if (!is_merge_key(pairs[i].key)) continue;
        const adr_node *v = pairs[i].value;
        size_t cnt = v->type == ADR_NODE_SEQ ? v->len : 1;
        for (size_t j = 0; j < cnt; j++) {
            const adr_node *m = v->type == ADR_NODE_SEQ ? v->u.items[j] : v;
            if (m->type != ADR_NODE_MAP) continue;
            for (size_t k = 0; k < m->len; k++) {
                out[w] = m->u.pairs[k];
                if (!is_scalar(out[w].key)) {
                    w++;
                    continue;
                }
                uint32_t *slot = keyset_slot(&ks, out, w);
                if (*slot == UINT32_MAX) *slot = (uint32_t)w++;
            }
        }
    }
    adr_xfree(ks.slots);
    map->flags |= ADR_NF_MERGED;
    *np = w;
    return out;
}

/* Closes the innermost collection. A flow collection ends at flow_end
 * (after its bracket; when known, else where it starts). */
static void end_collection(builder *b, bool has_flow_end, uint32_t flow_end)
{
    if (b->nframes == 0) return;
    frame f = b->frames[--b->nframes];
    adr_node *n = f.node;
    size_t cnt = b->nscratch - f.base;
    adr_node **kids = cnt ? b->scratch + f.base : NULL;
    if (n->type == ADR_NODE_MAP) {
        size_t np = cnt / 2;
        adr_pair *pairs = NULL;
        if (np) {
            pairs = adr_arena_alloc(&b->doc->arena, np * sizeof *pairs);
            if (!pairs) {
                b->oom = b->stop = true;
                return;
            }
            for (size_t i = 0; i < np; i++) {
                const adr_node *k = kids[2 * i];
                pairs[i].key = kids[2 * i];
                pairs[i].value = kids[2 * i + 1];
                pairs[i].klen = is_scalar(k) ? k->len : ADR_KEY_NONE;
                pairs[i].kpre = is_scalar(k) ? adr_key_prefix(k->u.text, k->len) : 0;
            }
            np = dedupe_pairs(b, n, pairs, np);
            pairs = apply_merges(b, n, pairs, &np);
            /* Findings look for x-lint-ignore in every map around them;
             * the flag spares them a search of each (possibly huge) map. */
            for (size_t i = 0; i < np; i++) {
                if (pairs[i].klen == 13 && memcmp(pairs[i].key->u.text, "x-lint-ignore", 13) == 0)
                    n->flags |= ADR_NF_LINT_IGNORE;
                if (pairs[i].klen == 4 && pairs[i].kpre == adr_key_prefix("$ref", 4))
                    n->flags |= ADR_NF_REF;
            }
        }
        n->u.pairs = pairs;
        n->len = (uint32_t)np;
    } else {
        adr_node **items = NULL;
        if (cnt) {
            items = adr_arena_alloc(&b->doc->arena, cnt * sizeof *items);
            if (!items) {
                b->oom = b->stop = true;
                return;
            }
            memcpy(items, kids, cnt * sizeof *items);
        }
        n->u.items = items;
        n->len = (uint32_t)cnt;
    }
    /* A flow collection ends after its bracket; a block one where its last
     * child ends (libfyaml's end mark is the next token). The child's own
     * end would not do: an alias's node lies where its anchor is. */
    if (n->flags & ADR_NF_FLOW) {
        n->end = has_flow_end ? flow_end : n->start;
    } else if (cnt) {
        n->end = f.last_end;
    }
    if (n->end < n->start) n->end = n->start;
    b->nscratch = f.base;
    register_anchor(b, f.anchor, f.anchor_len, n, f.weight);
    attach(b, n, f.weight, n->end);
}

static void on_end(builder *b, struct fy_event *e)
{
    const struct fy_mark *em = e ? fy_event_end_mark(e) : NULL;
    end_collection(b, em != NULL, em ? pos_of(b, em) : 0);
}

static void on_alias(builder *b, struct fy_event *e)
{
    uint32_t start = pos_of(b, fy_event_start_mark(e));
    uint32_t end = pos_of(b, fy_event_end_mark(e));
    size_t len = 0;
    const char *name = e->alias.anchor ? fy_token_get_text(e->alias.anchor, &len) : NULL;
    const anchor *a = name && b->capanchors ? anchor_slot(b, name, len) : NULL;
    if (a && a->name) {
        if (!count_nodes(b, a->weight, start)) return;
        attach(b, a->node, a->weight, end);
        return;
    }
    doc_error(b->doc, "parser", ADR_SEVERITY_ERROR, start, end, NULL, "Unknown alias *%.*s",
              (int)len, name ? name : "");
    /* Keep the structure intact: the alias becomes null. */
    adr_node *n = new_node(b, ADR_NODE_NULL, start, end);
    if (!n) return;
    n->u.text = "";
    attach(b, n, 1, end);
}

/* ---- JSON reader ----
 *
 * A valid JSON document (an object or an array) is read here, straight
 * into the tree, through the same builder calls libfyaml's events make, at
 * several times libfyaml's speed. Anything it does not accept (a syntax
 * error, a comment, an escape it would have to judge) is left to libfyaml,
 * which parses the document as before and reports its errors: the reader
 * changes how fast valid JSON is read, never what a document means. Its
 * trees equal libfyaml's on the corpus and fixtures
 * (tests/unit/test_robust_core.c, the doc fuzzer). */

typedef struct jreader {
    builder *b;
    const char *s;
    size_t n, i;
} jreader;

static void json_ws(jreader *r)
{
    while (r->i < r->n) {
        char c = r->s[r->i];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
        r->i++;
    }
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static int hex4(const char *s)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        int d = hex_digit(s[k]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

/* A string at r->i (its opening quote): adds it as a scalar. */
static bool json_string(jreader *r)
{
    const char *s = r->s;
    size_t i = r->i + 1, n = r->n;
    for (;;) {
        /* Runs of ordinary bytes, eight at a time: no quote, backslash or
         * control character among them. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t q = w ^ 0x2222222222222222ull, bs = w ^ 0x5c5c5c5c5c5c5c5cull;
            uint64_t hits = ((q - 0x0101010101010101ull) & ~q) |
                            ((bs - 0x0101010101010101ull) & ~bs) |
                            ((w - 0x2020202020202020ull) & ~w);
            if (hits & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) return false;
        unsigned char c = (unsigned char)s[i];
        if (c == '"') break;
        if (c < 0x20) return false;
        if (c != '\\') {
            i++;
            continue;
        }
        if (i + 1 >= n) return false;
        char e = s[i + 1];
        if (e == 'u') {
            int u = i + 6 <= n ? hex4(s + i + 2) : -1;
            if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF)) return false;
            i += 6;
            if (u >= 0xD800 && u <= 0xDBFF) {
                /* A high surrogate must be followed by a low one. */
                int lo = i + 6 <= n && s[i] == '\\' && s[i + 1] == 'u' ? hex4(s + i + 2) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF) return false;
                i += 6;
            }
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                   e == 'r' || e == 't') {
            i += 2;
        } else {
            return false;
        }
    }
    adr_node *node =
        add_scalar(r->b, (uint32_t)(r->i + 1), (uint32_t)i, FYSS_DOUBLE_QUOTED, 0, false, NULL);
    if (!node) return false;
    attach(r->b, node, 1, node->end);
    r->i = i + 1;
    return true;
}

/* A number or true, false, null at r->i: adds it as a plain scalar. */
static bool json_plain(jreader *r)
{
    const char *s = r->s;
    size_t i = r->i, n = r->n;
    char c = s[i];
    if (c == 't' || c == 'f' || c == 'n') {
        const char *lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
        size_t l = strlen(lit);
        if (n - i < l || memcmp(s + i, lit, l) != 0) return false;
        i += l;
    } else {
        if (s[i] == '-') i++;
        if (i < n && s[i] == '0')
            i++;
        else if (i < n && s[i] >= '1' && s[i] <= '9')
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
        else
            return false;
        if (i < n && s[i] == '.') {
            size_t d = ++i;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
            if (i == d) return false;
        }
        if (i < n && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            if (i < n && (s[i] == '+' || s[i] == '-')) i++;
            size_t d = i;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
            if (i == d) return false;
        }
    }
    /* A value ends at white space, a comma or a bracket (or the end). */
    if (i < n && !memchr(" \t\r\n,]}", s[i], 7)) return false;
    adr_node *node = add_scalar(r->b, (uint32_t)r->i, (uint32_t)i, FYSS_PLAIN, 0, false, NULL);
    if (!node) return false;
    attach(r->b, node, 1, node->end);
    r->i = i;
    return true;
}

/* Reads the document into the tree. False when libfyaml must read it
 * instead (b->oom and b->stop tell an allocation failure or a limit from
 * a document the reader does not take). */
static bool json_read(builder *b)
{
    adr_doc *doc = b->doc;
    jreader r = {b, doc->buf, doc->size, doc->bom};
    json_ws(&r);
    /* A scalar document goes to libfyaml, as in the YAML reader: none is
     * an API description, and libfyaml 0.7.12 refuses a string followed by
     * a tab (which JSON allows) -- the two readings stay the same. */
    if (r.i >= r.n || (r.s[r.i] != '{' && r.s[r.i] != '[')) return false;
    for (;;) {
        /* A value. */
        char c = r.s[r.i];
        if (c == '{' || c == '[') {
            if (!start_collection(b, c == '{' ? ADR_NODE_MAP : ADR_NODE_SEQ, (uint32_t)r.i))
                return false;
            r.i++;
            json_ws(&r);
            if (r.i < r.n && r.s[r.i] == (c == '{' ? '}' : ']')) {
                r.i++;
                end_collection(b, true, (uint32_t)r.i);
                if (b->stop) return false;
            } else if (c == '{') {
                goto key;
            } else {
                continue;
            }
        } else if (c == '"') {
            if (!json_string(&r)) return false;
        } else if (!json_plain(&r)) {
            return false;
        }
        /* After a value: a comma, a closing bracket or the end. */
        for (;;) {
            json_ws(&r);
            if (b->stop) return false;
            if (b->nframes == 0) return r.i == r.n;
            if (r.i >= r.n) return false;
            bool map = b->frames[b->nframes - 1].node->type == ADR_NODE_MAP;
            c = r.s[r.i];
            if (c == (map ? '}' : ']')) {
                r.i++;
                end_collection(b, true, (uint32_t)r.i);
                continue;
            }
            if (c != ',') return false;
            r.i++;
            json_ws(&r);
            if (map) goto key;
            break;
        }
        continue;
    key:
        if (r.i >= r.n || r.s[r.i] != '"' || !json_string(&r)) return false;
        json_ws(&r);
        if (r.i >= r.n || r.s[r.i] != ':') return false;
        r.i++;
        json_ws(&r);
        if (r.i >= r.n) return false;
    }
}

/* ---- YAML reader ----
 *
 * The YAML API descriptions are written in -- block maps and sequences,
 * plain, quoted and block scalars, one-line flow collections, comments --
 * is read here, straight into the tree through the builder's calls, as
 * the JSON reader does. Anything else (anchors, aliases, tags, directives,
 * several documents, complex keys, tabs, a CR not before LF, control or
 * non-printable characters, multi-line flow collections, explicit block
 * indentation, deep nesting, anything malformed) is left to libfyaml,
 * which reads the document afresh: the reader changes how fast such YAML
 * is read, never what it means. Its trees equal libfyaml's on the corpus
 * and fixtures (tests/unit/test_robust_core.c) and under the doc fuzzer. */

typedef struct yreader {
    builder *b;
    const char *s;
    size_t n;
    size_t i;       /* cursor */
    unsigned depth; /* collections open */
} yreader;

/* What the node readers return besides a column: the document ended, or
 * the reader gives the document to libfyaml. */
#define Y_END  (-1L)
#define Y_BAIL (-2L)
/* Deeper documents go to libfyaml, whose loop needs no stack (the reader
 * recurses once per level). */
#define Y_MAX_DEPTH 256u
/* libfyaml limits implicit keys to 1024 characters up to their colon; the
 * reader stays clear of the edge. */
#define Y_MAX_KEY 1000u

static long y_lines(yreader *r, size_t i);
static long y_node(yreader *r, long col, long parent);

/* Line breaks are LF or CR LF (the input scan sends a lone CR to
 * libfyaml), so a CR is the end of its line. */
static inline bool y_brk(char c)
{
    return c == '\n' || c == '\r';
}

/* Whether c can start a plain scalar (the YAML indicators cannot; '-',
 * '?' and ':' can when a non-space follows). */
static bool y_plain_start(const char *s, size_t i, size_t n)
{
    switch (s[i]) {
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`': return false;
    case '-':
    case '?':
    case ':': return i + 1 < n && s[i + 1] != ' ' && !y_brk(s[i + 1]);
    default: return true;
    }
}

/* Whether a block sequence entry ("- " or "-" at the end of a line)
 * starts at i. */
static bool y_dash(const yreader *r, size_t i)
{
    return r->s[i] == '-' && (i + 1 == r->n || r->s[i + 1] == ' ' || y_brk(r->s[i + 1]));
}

/* Finds the next line with content from the line start i, past blank and
 * comment lines: its column (r->i at its first character) or Y_END. */
static long y_lines(yreader *r, size_t i)
{
    const char *s = r->s;
    size_t n = r->n;
    for (;;) {
        size_t ls = i;
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n) break;
        if (y_brk(s[i])) {
            i++;
            continue;
        }
        if (s[i] == '#') {
            const char *nl = memchr(s + i, '\n', n - i);
            if (!nl) break;
            i = (size_t)(nl - s) + 1;
            continue;
        }
        r->i = i;
        /* A document marker: several documents, or an explicit start
         * (yaml_read takes one at the top). */
        if (i == ls && (s[i] == '-' || s[i] == '.') && n - i >= 3 && s[i + 1] == s[i] &&
            s[i + 2] == s[i] && (n - i == 3 || s[i + 3] == ' ' || y_brk(s[i + 3])))
            return Y_BAIL;
        return (long)(i - ls);
    }
    r->i = n;
    return Y_END;
}

/* After a node's last token: the rest of its line must be blank or a
 * comment. Returns the next content line's column, Y_END or Y_BAIL. */
static long y_next(yreader *r)
{
    const char *s = r->s;
    size_t n = r->n, i = r->i;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && s[i] == '#') {
        if (s[i - 1] != ' ') return Y_BAIL;
        const char *nl = memchr(s + i, '\n', n - i);
        i = nl ? (size_t)(nl - s) : n;
    }
    if (i >= n) {
        r->i = n;
        return Y_END;
    }
    if (s[i] == '\r') i++;
    if (s[i] != '\n') return Y_BAIL;
    return y_lines(r, i + 1);
}

/* The first ':', '#' or line break at or after i (or n); *e moves past
 * the last non-space byte before it. Plain scalars are most of a
 * document's bytes: sixteen at a time. */
static inline size_t y_find_plain_stop(const char *s, size_t i, size_t n, size_t *e)
{
#ifdef __SSE2__
    const __m128i vc = _mm_set1_epi8(':'), vh = _mm_set1_epi8('#'), vn = _mm_set1_epi8('\n'),
                  vs = _mm_set1_epi8(' '), vr = _mm_set1_epi8('\r');
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned hit = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vh)), _mm_cmpeq_epi8(v, vn)));
        unsigned text = ~(unsigned)_mm_movemask_epi8(
                            _mm_or_si128(_mm_cmpeq_epi8(v, vs), _mm_cmpeq_epi8(v, vr))) &
                        0xFFFFu;
        if (hit) text &= (hit & (0u - hit)) - 1; /* the bytes before the first hit */
        if (text) *e = i + 32 - (size_t)__builtin_clz(text);
        if (hit) return i + (size_t)__builtin_ctz(hit);
        i += 16;
    }
#endif
    for (; i < n; i++) {
        char c = s[i];
        if (c == ':' || c == '#' || c == '\n') break;
        if (c != ' ' && c != '\r') *e = i + 1;
    }
    return i;
}

/* A plain scalar at r->i in block context; lines after the first continue
 * it when indented more than indent. Sets [*start, *end). Returns 1 when
 * it is an implicit key (a ": " ends its first line; r->i at the colon),
 * 0 for a value (r->i after its last character), -1 for libfyaml. */
static int y_plain(yreader *r, long indent, uint32_t *start, uint32_t *end)
{
    const char *s = r->s;
    size_t n = r->n, i = r->i;
    if (!y_plain_start(s, i, n)) return -1;
    size_t e = i;
    bool first = true;
    *start = (uint32_t)i;
    for (;;) {
        for (;;) {
            i = y_find_plain_stop(s, i, n, &e);
            if (i >= n) break;
            char c = s[i];
            if (c == '\n') break;
            if (c == ':' && (i + 1 == n || s[i + 1] == ' ' || y_brk(s[i + 1]))) {
                if (!first) return -1; /* a key over several lines */
                *end = (uint32_t)e;
                r->i = i;
                return 1;
            }
            if (c == '#' && s[i - 1] == ' ') goto done;
            e = ++i;
        }
        first = false;
        if (i >= n) goto done;
        /* A continuation line: past blank lines, indented more. */
        size_t j = i + 1, ls;
        for (;;) {
            ls = j;
            while (j < n && s[j] == ' ')
                j++;
            if (j < n && y_brk(s[j])) {
                j += s[j] == '\r' ? 2 : 1;
                continue;
            }
            break;
        }
        if (j >= n || (long)(j - ls) <= indent || s[j] == '#') goto done;
        /* Indicators are text here, but for the block ones. */
        if ((s[j] == '-' || s[j] == '?' || s[j] == ':') &&
            (j + 1 == n || s[j + 1] == ' ' || y_brk(s[j + 1])))
            return -1;
        i = j;
    }
done:
    *end = (uint32_t)e;
    r->i = e;
    return 0;
}

/* Length of the valid escape at s[i] (a backslash) in a double-quoted
 * scalar, 0 when libfyaml should judge it. */
static size_t y_escape(const char *s, size_t i, size_t n)
{
    if (i + 1 >= n) return 0;
    size_t hex;
    switch (s[i + 1]) {
    case '0':
    case 'a':
    case 'b':
    case 't':
    case 'n':
    case 'v':
    case 'f':
    case 'r':
    case 'e':
    case ' ':
    case '"':
    case '/':
    case '\\':
    case 'N':
    case '_':
    case 'L':
    case 'P': return 2;
    case 'x': hex = 2; break;
    case 'u': hex = 4; break;
    case 'U': hex = 8; break;
    default: return 0;
    }
    if (i + 2 + hex > n) return 0;
    unsigned long cp = 0;
    for (size_t k = 0; k < hex; k++) {
        int h = hex_digit(s[i + 2 + k]);
        if (h < 0) return 0;
        cp = cp * 16 + (unsigned long)h;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return 2 + hex;
}

/* A quoted scalar at r->i; lines after the first must be indented more
 * than indent. Sets [*start, *end) inside the quotes and r->i after the
 * closing one. */
static bool y_quoted(yreader *r, long indent, uint32_t *start, uint32_t *end, bool *multi)
{
    const char *s = r->s;
    size_t n = r->n, i = r->i;
    char q = s[i++];
    *start = (uint32_t)i;
    *multi = false;
    for (;;) {
        if (i >= n) return false;
        char c = s[i];
        if (c == q) {
            if (q == '\'' && i + 1 < n && s[i + 1] == '\'') {
                i += 2;
                continue;
            }
            break;
        }
        if (c == '\\' && q == '"') {
            if (i + 1 < n && y_brk(s[i + 1])) {
                i++;
                continue;
            }
            size_t l = y_escape(s, i, n);
            if (!l) return false;
            i += l;
            continue;
        }
        if (c == '\n') {
            size_t j = i + 1, ls = j;
            while (j < n && s[j] == ' ')
                j++;
            /* Indented more than the parent (so never a document marker,
             * which is in column 0: indent is never negative). */
            if (j < n && !y_brk(s[j]) && (long)(j - ls) <= indent) return false;
            *multi = true;
        }
        i++;
    }
    *end = (uint32_t)i;
    r->i = i + 1;
    return true;
}

/* Adds a scalar the reader has read (indent: as add_scalar's); false when
 * building stopped. */
static bool y_scalar(yreader *r, uint32_t start, uint32_t end, enum fy_scalar_style style,
                     size_t indent)
{
    adr_node *node = add_scalar(r->b, start, end, style, indent, false, NULL);
    if (!node) return false;
    attach(r->b, node, 1, node->end);
    return !r->b->stop;
}

/* An empty value ("key:" and nothing): null, where libfyaml puts it. */
static bool y_empty(yreader *r)
{
    uint32_t at = empty_scalar_at(r->b);
    return y_scalar(r, at, at, FYSS_PLAIN, 0);
}

static bool y_open(yreader *r, adr_node_type type, size_t at)
{
    if (++r->depth > Y_MAX_DEPTH) return false;
    return start_collection(r->b, type, (uint32_t)at) != NULL;
}

static bool y_close(yreader *r, bool flow, size_t end)
{
    r->depth--;
    end_collection(r->b, flow, (uint32_t)end);
    return !r->b->stop;
}

/* A flow collection on one line at r->i; r->i after its bracket. */
static bool y_flow(yreader *r)
{
    const char *s = r->s;
    size_t n = r->n;
    char open = s[r->i], close = open == '{' ? '}' : ']';
    bool map = open == '{';
    if (!y_open(r, map ? ADR_NODE_MAP : ADR_NODE_SEQ, r->i)) return false;
    r->i++;
    while (r->i < n && s[r->i] == ' ')
        r->i++;
    if (r->i < n && s[r->i] == close) {
        r->i++;
        return y_close(r, true, r->i);
    }
    for (bool key = map;;) {
        size_t i = r->i, at = i;
        if (i >= n) return false;
        char c = s[i];
        if (c == '[' || c == '{') {
            if (key || !y_flow(r)) return false;
        } else if (c == '"' || c == '\'') {
            uint32_t qs, qe;
            bool multi;
            if (!y_quoted(r, LONG_MAX, &qs, &qe, &multi) || multi) return false;
            if (!y_scalar(r, qs, qe, c == '"' ? FYSS_DOUBLE_QUOTED : FYSS_SINGLE_QUOTED, 0))
                return false;
        } else {
            /* In flow context a flow indicator cannot follow '-', '?' or ':'. */
            if (!y_plain_start(s, i, n) ||
                (i + 1 < n && strchr("-?:", c) && strchr(",[]{}", s[i + 1])))
                return false;
            size_t e = i;
            for (; i < n; i++) {
                c = s[i];
                if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || y_brk(c)) break;
                if (c == ':' && (i + 1 == n || strchr(" ,[]{}\r\n", s[i + 1]))) break;
                if (c == '#' && s[i - 1] == ' ') return false;
                if (c != ' ') e = i + 1;
            }
            if (i >= n || y_brk(s[i]) || s[i] == '[' || s[i] == '{') return false;
            if (!y_scalar(r, (uint32_t)r->i, (uint32_t)e, FYSS_PLAIN, 0)) return false;
            r->i = i;
        }
        while (r->i < n && s[r->i] == ' ')
            r->i++;
        if (r->i >= n) return false;
        c = s[r->i];
        if (key) {
            if (c != ':' || r->i + 1 >= n || s[r->i + 1] != ' ' || r->i - at > Y_MAX_KEY)
                return false;
            r->i += 2;
            while (r->i < n && s[r->i] == ' ')
                r->i++;
            if (r->i >= n || s[r->i] == ',' || s[r->i] == close) return false;
            key = false;
            continue;
        }
        if (c == close) {
            r->i++;
            return y_close(r, true, r->i);
        }
        if (c != ',') return false;
        r->i++;
        while (r->i < n && s[r->i] == ' ')
            r->i++;
        if (r->i >= n || s[r->i] == close) return false;
        key = map;
    }
}

/* A block scalar whose indicator is at r->i, in a node indented by
 * indent. */
static long y_block(yreader *r, long indent)
{
    const char *s = r->s;
    size_t n = r->n, i = r->i + 1, given = 0;
    bool chomp = false;
    for (int k = 0; k < 2 && i < n; k++) {
        if (!chomp && (s[i] == '+' || s[i] == '-')) {
            chomp = true;
            i++;
        } else if (!given && s[i] >= '1' && s[i] <= '9') {
            given = (size_t)(s[i] - '0');
            i++;
        }
    }
    size_t hdr = i;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && s[i] == '#') {
        if (i == hdr) return Y_BAIL;
        const char *nl = memchr(s + i, '\n', n - i);
        i = nl ? (size_t)(nl - s) : n;
    }
    if (i < n && s[i] == '\r') i++;
    if (i < n && s[i] != '\n') return Y_BAIL;
    size_t cs = i < n ? i + 1 : n; /* the content starts on the next line */
    /* The content's indentation: given, or the first non-empty line's. */
    size_t j = cs, ci = 0, lead = 0;
    for (;;) {
        size_t ls = j;
        while (j < n && s[j] == ' ')
            j++;
        if (j < n && y_brk(s[j])) {
            if (j - ls > lead) lead = j - ls;
            j += s[j] == '\r' ? 2 : 1;
            continue;
        }
        ci = j < n ? j - ls : 0;
        break;
    }
    if (given) {
        if (indent < 0) return Y_BAIL;
        ci = (size_t)indent + given;
    } else if (lead > ci && (long)ci > indent) {
        return Y_BAIL; /* a leading empty line longer than the content's indentation */
    }
    size_t stop = j; /* where libfyaml's token ends */
    bool content = false;
    if ((long)ci > indent && j < n) {
        /* Content lines: indented at least ci, or empty. */
        j = cs;
        for (;;) {
            size_t ls = j;
            while (j < n && s[j] == ' ' && j - ls < ci)
                j++;
            if (j >= n) {
                stop = i = n;
                break;
            }
            if (y_brk(s[j])) {
                j += s[j] == '\r' ? 2 : 1;
                continue;
            }
            if (j - ls < ci) {
                stop = j; /* a line indented less: the scalar ended */
                i = ls - 1;
                break;
            }
            const char *nl = memchr(s + j, '\n', n - j);
            content = true;
            if (!nl) {
                stop = i = n;
                break;
            }
            j = (size_t)(nl - s) + 1;
        }
    } else if (given || (lead > 0 && (long)lead <= indent) || (j < n && ci > 0 && lead <= ci)) {
        /* No content. Left to libfyaml: empty lines that may be content,
         * and a next line indented like the block scalar's parent, which
         * libfyaml 0.7.12 takes as content below the top level (its
         * "b: |" then "c: 1" in the same nested map is one scalar). */
        return Y_BAIL;
    }
    if (!y_scalar(r, (uint32_t)cs, (uint32_t)stop, s[r->i] == '|' ? FYSS_LITERAL : FYSS_FOLDED,
                  given ? ci : 0))
        return Y_BAIL;
    r->i = content ? i : r->i;
    if (!content) {
        /* The header line's end. */
        while (r->i < n && s[r->i] != '\n')
            r->i++;
    }
    return y_next(r);
}

/* A value on the line of its key or dash at r->i: a scalar, a one-line
 * flow collection or a block scalar; indent is its parent's. */
static long y_inline(yreader *r, long indent)
{
    const char *s = r->s;
    char c = s[r->i];
    if (c == '|' || c == '>') return y_block(r, indent);
    if (c == '[' || c == '{') return y_flow(r) ? y_next(r) : Y_BAIL;
    uint32_t start, end;
    if (c == '"' || c == '\'') {
        bool multi;
        if (!y_quoted(r, indent, &start, &end, &multi)) return Y_BAIL;
        size_t i = r->i;
        while (i < r->n && s[i] == ' ')
            i++;
        if (i < r->n && s[i] == ':') return Y_BAIL; /* a key here */
        if (!y_scalar(r, start, end, c == '"' ? FYSS_DOUBLE_QUOTED : FYSS_SINGLE_QUOTED, 0))
            return Y_BAIL;
        return y_next(r);
    }
    if (y_plain(r, indent, &start, &end) != 0) return Y_BAIL;
    if (!y_scalar(r, start, end, FYSS_PLAIN, 0)) return Y_BAIL;
    return y_next(r);
}

/* Whether the node at r->i is an implicit key (a map starts here). */
static bool y_is_key(yreader *r)
{
    size_t at = r->i;
    uint32_t start, end;
    bool key = false;
    char c = r->s[at];
    if (c == '"' || c == '\'') {
        bool multi;
        if (y_quoted(r, LONG_MAX, &start, &end, &multi) && !multi) {
            while (r->i < r->n && r->s[r->i] == ' ')
                r->i++;
            key = r->i < r->n && r->s[r->i] == ':';
        }
    } else {
        key = y_plain(r, LONG_MAX, &start, &end) == 1;
    }
    r->i = at;
    return key;
}

static long y_seq(yreader *r, long col);

/* A block map whose first key is at r->i, in column col. */
static long y_map(yreader *r, long col)
{
    const char *s = r->s;
    size_t n = r->n;
    if (!y_open(r, ADR_NODE_MAP, r->i)) return Y_BAIL;
    for (;;) {
        uint32_t start, end;
        size_t at = r->i;
        char c = s[at];
        if (c == '"' || c == '\'') {
            bool multi;
            if (!y_quoted(r, col, &start, &end, &multi) || multi) return Y_BAIL;
            while (r->i < n && s[r->i] == ' ')
                r->i++;
            if (r->i >= n || s[r->i] != ':') return Y_BAIL;
            if (!y_scalar(r, start, end, c == '"' ? FYSS_DOUBLE_QUOTED : FYSS_SINGLE_QUOTED, 0))
                return Y_BAIL;
        } else {
            if (y_plain(r, col, &start, &end) != 1) return Y_BAIL;
            if (!y_scalar(r, start, end, FYSS_PLAIN, 0)) return Y_BAIL;
        }
        if (r->i - at > Y_MAX_KEY) return Y_BAIL;
        /* r->i at the colon; the value follows. */
        size_t i = ++r->i;
        if (i < n && s[i] != ' ' && !y_brk(s[i])) return Y_BAIL;
        while (i < n && s[i] == ' ')
            i++;
        long next;
        r->i = i;
        if (i < n && !y_brk(s[i]) && s[i] != '#') {
            next = y_inline(r, col);
        } else {
            next = y_next(r);
            if (next != Y_BAIL && next != Y_END && next > col)
                next = y_node(r, next, col);
            else if (next == col && y_dash(r, r->i))
                next = y_seq(r, col);
            else if (next != Y_BAIL && !y_empty(r))
                next = Y_BAIL;
        }
        if (next == Y_BAIL || next > col) return Y_BAIL;
        if (next == Y_END || next < col) {
            if (!y_close(r, false, 0)) return Y_BAIL;
            return next;
        }
        if (y_dash(r, r->i)) return Y_BAIL;
    }
}

/* A block sequence whose first dash is at r->i, in column col. */
static long y_seq(yreader *r, long col)
{
    const char *s = r->s;
    size_t n = r->n;
    if (!y_open(r, ADR_NODE_SEQ, r->i)) return Y_BAIL;
    for (;;) {
        size_t dash = r->i, i = dash + 1;
        while (i < n && s[i] == ' ')
            i++;
        r->i = i;
        long next;
        if (i >= n || y_brk(s[i]) || s[i] == '#') {
            /* An empty entry is left to libfyaml, which (0.7.12) refuses
             * one in a sequence indented like its parent map's keys. */
            next = y_next(r);
            if (next != Y_BAIL && next != Y_END && next > col)
                next = y_node(r, next, col);
            else
                next = Y_BAIL;
        } else {
            long cc = col + (long)(i - dash);
            if (y_dash(r, i))
                next = y_seq(r, cc);
            else if (y_is_key(r))
                next = y_map(r, cc);
            else
                next = y_inline(r, col);
        }
        if (next == Y_BAIL || next > col) return Y_BAIL;
        if (next == Y_END || next < col || !y_dash(r, r->i)) {
            if (!y_close(r, false, 0)) return Y_BAIL;
            return next;
        }
    }
}

/* A node on a line of its own at r->i, in column col, under a parent in
 * column parent. */
static long y_node(yreader *r, long col, long parent)
{
    char c = r->s[r->i];
    if (y_dash(r, r->i)) return y_seq(r, col);
    if (y_is_key(r)) return y_map(r, col);
    if (c == '"' || c == '\'' || c == '[' || c == '{' || c == '|' || c == '>') return Y_BAIL;
    return y_inline(r, parent);
}

/* Reads the document into the tree. False when libfyaml must read it
 * (b->oom and b->stop tell an allocation failure or a limit). */
static bool yaml_read(builder *b)
{
    adr_doc *doc = b->doc;
    yreader r = {b, doc->buf, doc->size, doc->bom, 0};
    long col = y_lines(&r, doc->bom);
    if (col == Y_BAIL && r.s[r.i] == '-') {
        /* "---" before the document, alone on its line or with a comment. */
        r.i += 3;
        col = y_next(&r);
    }
    if (col < 0) return false;
    long next;
    if (y_dash(&r, r.i))
        next = y_seq(&r, col);
    else if (y_is_key(&r))
        next = y_map(&r, col);
    else
        return false;
    return next == Y_END && !b->stop && b->nframes == 0;
}

/* ---- input checks ---- */

/* What one pass over the input learns: the first invalid UTF-8 sequence
 * or NUL byte, whether the text holds a tab or a '%' (the two workarounds
 * below look for them only then), and where each line starts (the table
 * positions are computed from, built while the bytes are in cache). */
typedef struct scan {
    size_t bad;      /* offset of the first invalid byte, or SIZE_MAX */
    bool nul;        /* ... which is a NUL byte */
    bool tab, pct;   /* a '\t' or a '%' occurs (before bad) */
    bool odd;        /* a control character other than tab, LF and CR before LF, or one of
                        the non-printable or break characters of YAML 1.1 and 1.2
                        (C1, NEL, LS, PS, BOM, U+FFFE/F): the YAML reader leaves
                        such text to libfyaml */
    bool oom;        /* the line table could not grow */
    uint32_t *lines; /* line start offsets (absolute), complete when bad is SIZE_MAX */
    size_t nlines, cap;
} scan;

static inline void scan_line(scan *sc, size_t at)
{
    if (sc->nlines == sc->cap) {
        if (sc->oom) return;
        size_t ncap = sc->cap * 2;
        uint32_t *nl = adr_xrealloc(sc->lines, ncap * sizeof *nl);
        if (!nl) {
            sc->oom = true;
            return;
        }
        sc->lines = nl;
        sc->cap = ncap;
    }
    sc->lines[sc->nlines++] = (uint32_t)at;
}

/* Scans s[base..n). */
static void scan_input(const unsigned char *s, size_t base, size_t n, scan *sc)
{
    sc->bad = SIZE_MAX;
    sc->nul = sc->tab = sc->pct = sc->odd = sc->oom = false;
    sc->cap = n / 32 + 16;
    sc->nlines = 0;
    sc->lines = adr_xmalloc(sc->cap * sizeof *sc->lines);
    if (!sc->lines) {
        sc->oom = true;
        sc->cap = 0;
    }
    scan_line(sc, base);
    size_t i = base;
#ifdef __SSE2__
    const __m128i vnl = _mm_set1_epi8('\n'), vtab = _mm_set1_epi8('\t'), vpct = _mm_set1_epi8('%'),
                  vsp = _mm_set1_epi8(' '), vdel = _mm_set1_epi8(0x7f), vcr = _mm_set1_epi8('\r'),
                  vzero = _mm_setzero_si128();
    unsigned tabs = 0, pcts = 0, odds = 0;
#endif
    while (i < n) {
#ifdef __SSE2__
        /* Sixteen ASCII bytes at a time. */
        if (i + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            if (!(_mm_movemask_epi8(v) | _mm_movemask_epi8(_mm_cmpeq_epi8(v, vzero)))) {
                unsigned nl = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vnl));
                unsigned tb = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vtab));
                tabs |= tb;
                /* ASCII only here, so the signed compare is right. */
                unsigned cr = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vcr));
                /* A CR must come before an LF (the next chunk's first byte
                 * for the last one). */
                unsigned lf_after = (nl >> 1) | (i + 16 < n && s[i + 16] == '\n' ? 0x8000u : 0);
                odds |= ((unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, vsp)) & ~(nl | tb | cr)) |
                        (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vdel)) | (cr & ~lf_after);
                pcts |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vpct));
                while (nl) {
                    scan_line(sc, i + (size_t)__builtin_ctz(nl) + 1);
                    nl &= nl - 1;
                }
                i += 16;
                continue;
            }
        }
#endif
        unsigned c = s[i];
        if (c == 0) {
            sc->nul = true;
            sc->bad = i;
            break;
        }
        if (c < 0x80) {
            if (c == '\n')
                scan_line(sc, i + 1);
            else if (c == '\t')
                sc->tab = true;
            else if (c == '%')
                sc->pct = true;
            else if ((c < 0x20 || c == 0x7f) && !(c == '\r' && i + 1 < n && s[i + 1] == '\n'))
                sc->odd = true;
            i++;
            continue;
        }
        size_t need;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF)
            need = 1, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            need = 2, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            need = 3, min = 0x10000;
        else {
            sc->bad = i;
            break;
        }
        if (i + need >= n) {
            sc->bad = i;
            break;
        }
        unsigned cp = c & (0x3F >> need);
        bool ok = true;
        for (size_t k = 1; k <= need && ok; k++) {
            unsigned cc = s[i + k];
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            sc->bad = i;
            break;
        }
        if (cp <= 0x9F || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE ||
            cp == 0xFFFF)
            sc->odd = true;
        i += need + 1;
    }
#ifdef __SSE2__
    sc->tab |= tabs != 0;
    sc->pct |= pcts != 0;
    sc->odd |= odds != 0;
#endif
}

/* ---- libfyaml diagnostics ---- */

static void quiet_output(struct fy_diag *diag, void *user, const char *buf, size_t len)
{
    (void)diag, (void)user, (void)buf, (void)len;
}

/* Byte offset of a 0-based (line, character column) pair. */
static uint32_t offset_of(adr_doc *doc, int line, int col)
{
    if (line < 0) line = 0;
    if (col < 0) col = 0;
    adr_position p0 = adr_doc_position(doc, 0);
    (void)p0; /* builds the line table */
    if ((size_t)line >= doc->nlines) return (uint32_t)doc->size;
    uint32_t off = doc->lines[line];
    for (int c = 0; c < col && off < doc->size && doc->buf[off] != '\n'; c++) {
        unsigned char ch = (unsigned char)doc->buf[off];
        off++;
        if (ch >= 0xC0)
            while (off < doc->size && ((unsigned char)doc->buf[off] & 0xC0) == 0x80)
                off++;
    }
    return off;
}

/* offset_of() in text, a JSON copy with line breaks inserted. */
static size_t offset_in(const char *text, size_t n, int line, int col)
{
    size_t off = 0;
    for (int l = 0; l < line && off < n; l++) {
        const char *nl = memchr(text + off, '\n', n - off);
        if (!nl) return n;
        off = (size_t)(nl - text) + 1;
    }
    for (int c = 0; c < col && off < n && text[off] != '\n'; c++) {
        unsigned char ch = (unsigned char)text[off];
        off++;
        if (ch >= 0xC0)
            while (off < n && ((unsigned char)text[off] & 0xC0) == 0x80)
                off++;
    }
    return off;
}

/* text, n: what libfyaml parsed, when it is a copy with line breaks. */
static void collect_fy_errors(adr_doc *doc, struct fy_diag *diag, const builder *b,
                              const char *text, size_t n_text)
{
    void *it = NULL;
    struct fy_diag_error *err;
    size_t n = 0;
    while ((err = fy_diag_errors_iterate(diag, &it)) != NULL) {
        if (err->type < FYET_ERROR) continue;
        /* fy_diag_error positions are 1-based. */
        uint32_t off = b->nbreaks
                           ? map_pos(b, offset_in(text, n_text, err->line - 1, err->column - 1))
                           : offset_of(doc, err->line - 1, err->column - 1);
        const char *msg = err->msg ? err->msg : "syntax error";
        doc_error(doc, "parser", ADR_SEVERITY_ERROR, off, off, NULL, "%c%s",
                  msg[0] >= 'a' && msg[0] <= 'z' ? msg[0] - 'a' + 'A' : msg[0], msg + 1);
        if (++n >= 10) break;
    }
}

/* libfyaml 0.7.12 frees a simple key twice when a value indicator inside an
 * explicit key is followed by blanks holding a tab and then a block
 * indicator ("? e:\t:"), corrupting the heap (its issue #57, fixed after
 * 0.7.12). Those tabs only separate tokens, so a space means the same:
 * returns a copy of the input with such tabs made spaces, or NULL when
 * there are none (or *oom). Positions are unchanged, and scalar text is
 * read from the original bytes. */
static char *tabs_before_indicators(const char *s, size_t n, bool *oom)
{
    char *copy = NULL;
    const char *t = n ? memchr(s, '\t', n) : NULL;
    while (t) {
        size_t a = (size_t)(t - s), e = a;
        while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '\t'))
            a--;
        while (e < n && (s[e] == ' ' || s[e] == '\t'))
            e++;
        bool blank_after = e + 1 >= n || s[e + 1] == ' ' || s[e + 1] == '\t' || s[e + 1] == '\r' ||
                           s[e + 1] == '\n';
        if (a > 0 && s[a - 1] == ':' && e < n &&
            (memchr("?:|>", s[e], 4) || (s[e] == '-' && blank_after))) {
            if (!copy && !(copy = adr_xstrndup(s, n))) {
                *oom = true;
                return NULL;
            }
            for (size_t i = a; i < e; i++)
                copy[i] = ' ';
        }
        t = e < n ? memchr(s + e, '\t', n - e) : NULL;
    }
    return copy;
}

/* libfyaml 0.7.12 checks each %TAG directive against all earlier ones and
 * looks tags up in a list: quadratic, 20,000 directives take seconds and a
 * file under the size limit could take hours. Returns the offset of the
 * first directive over the limit, or SIZE_MAX. Directives start lines. */
#define MAX_TAG_DIRECTIVES 100

static size_t tag_directive_over_limit(const char *s, size_t n)
{
    size_t count = 0;
    for (const char *p = s, *end = s + n; p < end; p++) {
        p = memchr(p, '%', (size_t)(end - p));
        if (!p) break;
        if ((p == s || p[-1] == '\n') && (size_t)(end - p) >= 4 && memcmp(p, "%TAG", 4) == 0 &&
            ++count > MAX_TAG_DIRECTIVES)
            return (size_t)(p - s);
    }
    return SIZE_MAX;
}

/* libfyaml 0.7.12 keeps every token of a line in memory until the line
 * ends: a minified JSON document of 16 MB with two million values took
 * 1.1 GB, 70 times its size, where the same document with line breaks
 * takes 20 MB. Between JSON tokens a line break means nothing, so a copy
 * with a break after a comma or an opening bracket every `step` bytes of a
 * longer line goes to libfyaml; *breaks lists where the copy has them, to
 * map positions back (map_pos). *out is NULL when no line is that long.
 * Returns false on OOM. */
/* Whether a line is longer than step bytes (true when the line table is
 * missing: json_breaks then looks itself). */
static bool has_long_line(const adr_doc *doc, size_t step)
{
    if (!doc->lines) return true;
    for (size_t i = 0; i < doc->nlines; i++) {
        size_t next = i + 1 < doc->nlines ? doc->lines[i + 1] : doc->size;
        if (next - doc->lines[i] > step) return true;
    }
    return false;
}

static bool json_breaks(const char *s, size_t n, size_t step, char **out, size_t *out_len,
                        uint32_t **breaks, size_t *nbreaks)
{
    *out = NULL;
    *breaks = NULL;
    *nbreaks = 0;
    bool long_line = false;
    for (const char *p = s, *end = s + n; p < end && !long_line;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        long_line = (size_t)((nl ? nl : end) - p) > step;
        p = nl ? nl + 1 : end;
    }
    if (!long_line) return true;
    size_t line;
    size_t cap = n + n / step + 2;
    char *t = adr_xmalloc(cap);
    size_t capb = n / step + 1;
    uint32_t *at = adr_xmalloc(capb * sizeof *at);
    if (!t || !at) {
        adr_xfree(t);
        adr_xfree(at);
        return false;
    }
    size_t w = 0, nb = 0;
    int depth = 0;
    bool in_string = false;
    line = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        t[w++] = c;
        line = c == '\n' ? 0 : line + 1;
        if (in_string) {
            if (c == '\\' && i + 1 < n) {
                t[w++] = s[++i];
                line++;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') in_string = true;
        if (c == '#') {
            /* libfyaml takes # as a comment to the end of the line even in
             * JSON (which has none): a break inside one would end it early
             * and turn the rest of the line into content. Such a document
             * is parsed as it is, errors and all. */
            adr_xfree(t);
            adr_xfree(at);
            return true;
        }
        if (c == '[' || c == '{') depth++;
        if ((c == ']' || c == '}') && depth > 0) depth--;
        /* Inside a collection only: elsewhere a comma is an error whose
         * message should not change. */
        if (line >= step && depth > 0 && (c == ',' || c == '[' || c == '{') && nb < capb &&
            w < cap) {
            at[nb++] = (uint32_t)w;
            t[w++] = '\n';
            line = 0;
        }
    }
    *out = t;
    *out_len = w;
    *breaks = at;
    *nbreaks = nb;
    return true;
}

/* Offset just after the last non-blank byte. */
static uint32_t last_token_end(const adr_doc *doc)
{
    size_t e = doc->size;
    while (e > doc->bom && (doc->buf[e - 1] == ' ' || doc->buf[e - 1] == '\n' ||
                            doc->buf[e - 1] == '\r' || doc->buf[e - 1] == '\t'))
        e--;
    return (uint32_t)e;
}

adr_doc *adr_doc_parse(const char *name, char *buf, size_t size, bool json,
                       const adr_doc_limits *limits)
{
    return adr_doc_parse_ex(name, buf, size, json, limits, false);
}

adr_doc *adr_doc_parse_ex(const char *name, char *buf, size_t size, bool json,
                          const adr_doc_limits *limits, bool mapped)
{
    adr_doc *doc = adr_xcalloc(1, sizeof *doc);
    if (!doc) {
        adr_release_file(buf, size, mapped);
        return NULL;
    }
    doc->mapped = mapped;
    /* Small documents are common (fixtures, LSP edits); size the first
     * chunk to the input so big documents do not take many chunks. */
    size_t chunk = size * 2 + 4096;
    if (chunk > 8u * 1024 * 1024) chunk = 8u * 1024 * 1024;
    adr_arena_init(&doc->arena, chunk);
    doc->buf = buf;
    doc->size = size;
    doc->json = json;
    doc->name = adr_arena_strdup(&doc->arena, name ? name : "<input>");
    if (!doc->name) goto oom;

    if (size >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        doc->bom = 3;

    scan sc;
    scan_input((const unsigned char *)buf, doc->bom, size, &sc);
    size_t bad = sc.bad == SIZE_MAX ? SIZE_MAX : sc.bad - doc->bom;
    bool nul = sc.nul;
    /* The line table is the document's when it is complete; otherwise
     * positions build it when first asked (an invalid document). */
    if (sc.bad == SIZE_MAX && !sc.oom) {
        doc->lines = sc.lines;
        doc->nlines = sc.nlines;
    } else {
        adr_xfree(sc.lines);
    }
    builder b = {0};
    b.doc = doc;
    b.limits = limits;
    size_t too_many_tags = json || !sc.pct ? SIZE_MAX : tag_directive_over_limit(buf, size);
    /* Our own readers take what they can; the rest goes to libfyaml. */
    bool reader = !limits->libfyaml_only && (json || (!sc.tab && !sc.odd));
    if (bad != SIZE_MAX) {
        uint32_t off = (uint32_t)(bad + doc->bom);
        doc_error(doc, "parser", ADR_SEVERITY_ERROR, off, off + 1, NULL,
                  nul ? "NUL byte is not allowed in a YAML or JSON document"
                      : "Invalid UTF-8 byte sequence");
        doc->fatal = true;
    } else if (too_many_tags != SIZE_MAX) {
        doc_error(doc, "parser", ADR_SEVERITY_ERROR, (uint32_t)too_many_tags,
                  (uint32_t)too_many_tags + 4, NULL,
                  "More than %d %%TAG directives (a document needs a few at most)",
                  MAX_TAG_DIRECTIVES);
        doc->fatal = true;
    } else if (reader && (json ? json_read(&b) : yaml_read(&b))) {
        doc->own_reader = true;
    } else if (b.oom) {
        goto oom_b;
    } else {
        if (reader) {
            /* The reader stopped: libfyaml reads the document afresh. */
            adr_arena_destroy(&doc->arena);
            adr_arena_init(&doc->arena, chunk);
            doc->name = adr_arena_strdup(&doc->arena, name ? name : "<input>");
            if (!doc->name) goto oom_b;
            doc->root = NULL;
            doc->nnodes = 0;
            doc->nerrors = 0;
            doc->fatal = false;
            b.nframes = b.nscratch = 0;
            b.expanded = 0;
            b.stop = false;
        }
        struct fy_diag_cfg dcfg;
        fy_diag_cfg_default(&dcfg);
        dcfg.fp = NULL;
        dcfg.output_fn = quiet_output;
        dcfg.colorize = false;
        struct fy_diag *diag = fy_diag_create(&dcfg);
        if (!diag) goto oom;
        fy_diag_set_collect_errors(diag, true);
        struct fy_parse_cfg cfg;
        memset(&cfg, 0, sizeof cfg);
        cfg.flags =
            FYPCF_QUIET | FYPCF_DISABLE_DEPTH_LIMIT | (json ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE);
        cfg.diag = diag;
        struct fy_parser *p = fy_parser_create(&cfg);
        if (!p) {
            fy_diag_destroy(diag);
            goto oom;
        }
        uint32_t base = doc->bom;
        b.base = base;
        bool tab_oom = false;
        char *untabbed = sc.tab ? tabs_before_indicators(buf + base, size - base, &tab_oom) : NULL;
        const char *text = untabbed ? untabbed : buf + base;
        size_t text_len = size - base;
        char *broken = NULL;
        uint32_t *breaks = NULL;
        size_t nbreaks = 0;
        size_t step = limits->json_line ? limits->json_line : 4096;
        if (!tab_oom && json && step != SIZE_MAX && has_long_line(doc, step) &&
            !json_breaks(text, text_len, step, &broken, &text_len, &breaks, &nbreaks))
            tab_oom = true;
        if (broken) text = broken;
        b.breaks = breaks;
        b.nbreaks = nbreaks;
        if (tab_oom || fy_parser_set_string(p, text, text_len) != 0) {
            fy_parser_destroy(p);
            fy_diag_destroy(diag);
            adr_xfree(untabbed);
            adr_xfree(broken);
            adr_xfree(breaks);
            goto oom;
        }
        int documents = 0;
        struct fy_event *e;
        while (!b.stop && (e = fy_parser_parse(p)) != NULL) {
            switch (e->type) {
            case FYET_DOCUMENT_START:
                if (++documents > 1) {
                    const struct fy_mark *m = fy_event_start_mark(e);
                    uint32_t off = pos_of(&b, m);
                    doc_error(doc, "parser", ADR_SEVERITY_WARN, off, off, NULL,
                              "Only the first document of a YAML stream is linted");
                    b.stop = true;
                }
                break;
            case FYET_SCALAR: on_scalar(&b, e); break;
            case FYET_MAPPING_START: on_start(&b, e, ADR_NODE_MAP); break;
            case FYET_SEQUENCE_START: on_start(&b, e, ADR_NODE_SEQ); break;
            case FYET_MAPPING_END:
            case FYET_SEQUENCE_END: on_end(&b, e); break;
            case FYET_ALIAS: on_alias(&b, e); break;
            default: break;
            }
            fy_parser_event_free(p, e);
        }
        if (fy_parser_get_stream_error(p)) {
            doc->fatal = true;
            size_t before = doc->nerrors;
            collect_fy_errors(doc, diag, &b, text, text_len);
            if (doc->nerrors == before)
                doc_error(doc, "parser", ADR_SEVERITY_ERROR, (uint32_t)size, (uint32_t)size, NULL,
                          "Syntax error");
            /* libfyaml reports an unclosed flow collection where the input
             * ends; the bracket that was never closed is more useful. */
            adr_doc_error *first = before < doc->nerrors ? &doc->errors[before] : NULL;
            if (first && first->start >= last_token_end(doc))
                for (size_t i = b.nframes; i-- > 0;)
                    if (b.frames[i].node->flags & ADR_NF_FLOW) {
                        first->start = b.frames[i].node->start;
                        first->end = first->start + 1;
                        break;
                    }
        }
        fy_parser_destroy(p);
        fy_diag_destroy(diag);
        adr_xfree(untabbed);
        adr_xfree(broken);
        adr_xfree(breaks);
        b.breaks = NULL;
        b.nbreaks = 0;
    }
    if (b.oom) goto oom_b;
    /* Close what an error left open so the partial tree is consistent. */
    while (b.nframes > 0 && !b.oom) {
        frame *f = &b.frames[b.nframes - 1];
        if (f->node->type == ADR_NODE_MAP && (b.nscratch - f->base) % 2) {
            adr_node *nul_node = new_node(&b, ADR_NODE_NULL, (uint32_t)size, (uint32_t)size);
            if (!nul_node) break;
            nul_node->u.text = "";
            attach(&b, nul_node, 1, (uint32_t)size);
        }
        f->node->flags &= (uint8_t)~ADR_NF_FLOW;
        on_end(&b, NULL);
    }
    if (b.oom) goto oom_b;
    if (!doc->root) {
        doc->root = new_node(&b, ADR_NODE_NULL, doc->bom, doc->bom);
        if (!doc->root) goto oom_b;
        doc->root->u.text = "";
    }
    if (doc->oom) goto oom_b;
    adr_xfree(b.frames);
    adr_xfree(b.scratch);
    adr_xfree(b.anchors);
    return doc;
oom_b:
    adr_xfree(b.frames);
    adr_xfree(b.scratch);
    adr_xfree(b.anchors);
oom:
    adr_doc_free(doc);
    return NULL;
}

void adr_doc_free(adr_doc *doc)
{
    if (!doc) return;
    adr_arena_destroy(&doc->arena);
    adr_release_file(doc->buf, doc->size, doc->mapped);
    adr_xfree(doc->lines);
    adr_xfree(doc->u16_marks);
    adr_xfree(doc->errors);
    adr_xfree(doc->abs_path);
    adr_xfree(doc);
}
