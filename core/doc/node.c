/* Node queries, positions and JSON pointers. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

static void build_lines(adr_doc *doc)
{
    size_t cap = 64, n = 0;
    uint32_t *lines = adr_xmalloc(cap * sizeof *lines);
    if (!lines) {
        doc->oom = true;
        return;
    }
    lines[n++] = doc->bom;
    const char *p = doc->buf + doc->bom, *end = doc->buf + doc->size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) break;
        if (n == cap) {
            uint32_t *nlines = adr_xrealloc(lines, cap * 2 * sizeof *lines);
            if (!nlines) {
                adr_xfree(lines);
                doc->oom = true;
                return;
            }
            lines = nlines;
            cap *= 2;
        }
        lines[n++] = (uint32_t)(nl + 1 - doc->buf);
        p = nl + 1;
    }
    doc->lines = lines;
    doc->nlines = n;
}

static uint32_t u16_units(const char *buf, uint32_t from, uint32_t to)
{
    uint32_t u16 = 0, i = from;
    /* ASCII, eight bytes at a time, is one unit a byte. */
    while (i + 8 <= to) {
        uint64_t w;
        memcpy(&w, buf + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
    }
    u16 = i - from;
    for (; i < to; i++) {
        unsigned char c = (unsigned char)buf[i];
        if ((c & 0xC0) != 0x80) u16 += c >= 0xF0 ? 2 : 1;
    }
    return u16;
}

static void build_u16_marks(adr_doc *doc)
{
    size_t n = doc->size / ADR_U16_STEP + 1;
    uint32_t *marks = adr_xmalloc(n * sizeof *marks);
    if (!marks) return; /* positions stay right, only slower */
    uint32_t u16 = 0;
    size_t k = 0;
    for (size_t i = 0; k < n; i++) {
        if (i % ADR_U16_STEP == 0) marks[k++] = u16;
        if (i == doc->size) break;
        unsigned char c = (unsigned char)doc->buf[i];
        if (c == '\n')
            u16 = 0;
        else if (i >= doc->bom && (c & 0xC0) != 0x80)
            u16 += c >= 0xF0 ? 2 : 1;
    }
    doc->u16_marks = marks;
}

adr_position adr_doc_position(adr_doc *doc, uint32_t offset)
{
    adr_position pos = {0, 0, 0, offset};
    if (!doc) return pos;
    if (!doc->lines) build_lines(doc);
    if (offset > doc->size) offset = (uint32_t)doc->size;
    pos.offset = offset;
    if (!doc->lines) {
        pos.column = pos.column_utf16 = offset;
        return pos;
    }
    size_t lo = 0, hi = doc->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (doc->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t ls = doc->lines[lo];
    if (offset < ls) ls = offset; /* inside the BOM */
    pos.line = (uint32_t)lo;
    pos.column = offset - ls;
    /* Only a line longer than a step needs the marks (a minified
     * document); ordinary lines are scanned from their start. */
    uint32_t step = offset - offset % ADR_U16_STEP;
    bool long_line = offset - ls > ADR_U16_STEP;
    if (long_line && !doc->u16_marks) build_u16_marks(doc);
    if (long_line && doc->u16_marks)
        pos.column_utf16 =
            doc->u16_marks[offset / ADR_U16_STEP] + u16_units(doc->buf, step, offset);
    else
        pos.column_utf16 = u16_units(doc->buf, ls, offset);
    return pos;
}

adr_position adr_doc_position_from(adr_doc *doc, adr_position from, uint32_t offset)
{
    /* Most ranges end on the line they start on: no search needed. */
    if (doc && offset >= from.offset && offset <= doc->size &&
        !memchr(doc->buf + from.offset, '\n', offset - from.offset)) {
        uint32_t u16 = u16_units(doc->buf, from.offset, offset);
        if (from.offset >= doc->bom) {
            from.column += offset - from.offset;
            from.column_utf16 += u16;
            from.offset = offset;
            return from;
        }
    }
    return adr_doc_position(doc, offset);
}

const char *adr_node_text(const adr_node *n, size_t *len)
{
    if (n->type == ADR_NODE_MAP || n->type == ADR_NODE_SEQ) {
        /* Only the start: nested complex keys each span most of what they
         * nest, and every finding below them repeats them in its path
         * (fuzz_lint_yaml: 9.6 kB of input, 121 MB of report). */
        const char *s = n->doc->buf + n->start;
        size_t l = n->end - n->start;
        if (l > ADR_KEY_TEXT_MAX) {
            l = ADR_KEY_TEXT_MAX;
            while (l > 0 && ((unsigned char)s[l] & 0xC0) == 0x80)
                l--;
        }
        *len = l;
        return s;
    }
    *len = n->len;
    return n->u.text;
}

bool adr_node_eqn(const adr_node *n, const char *s, size_t len)
{
    return n && n->type != ADR_NODE_MAP && n->type != ADR_NODE_SEQ && n->len == len &&
           memcmp(n->u.text, s, len) == 0;
}

bool adr_node_is(const adr_node *n, const char *s)
{
    return adr_node_eqn(n, s, strlen(s));
}

adr_node *adr_node_getn(const adr_node *map, const char *key, size_t len)
{
    if (!map || map->type != ADR_NODE_MAP || len >= ADR_KEY_NONE) return NULL;
    /* The hottest loop of a lint: rules look fields up by name. The pair
     * holds each key's length and first four bytes, so only a key that
     * matches both (nearly always the one sought) is read itself. */
    const adr_pair *p = map->u.pairs;
    const uint32_t l = (uint32_t)len, pre = adr_key_prefix(key, len);
    for (uint32_t i = 0; i < map->len; i++)
        if (p[i].klen == l && p[i].kpre == pre &&
            (l <= 4 || memcmp(p[i].key->u.text + 4, key + 4, l - 4) == 0))
            return p[i].value;
    return NULL;
}

adr_node *adr_node_key_of(const adr_node *n)
{
    if (!n || !n->parent || n->parent->type != ADR_NODE_MAP) return NULL;
    const adr_node *m = n->parent;
    if (n->index < m->len) {
        adr_pair *p = &m->u.pairs[n->index];
        if (p->value == n) return p->key;
        if (p->key == n) return p->key;
    }
    /* Shared by a merge or an alias inside the same map: search. */
    for (uint32_t i = 0; i < m->len; i++)
        if (m->u.pairs[i].value == n) return m->u.pairs[i].key;
    return NULL;
}

static bool parse_number(const char *tmp, double *out);

bool adr_node_number(const adr_node *n, double *out)
{
    if (!n || (n->type != ADR_NODE_INT && n->type != ADR_NODE_FLOAT)) return false;
    /* strtod needs a terminated copy; a long one (2^1000 has 302 digits)
     * must not be cut, or its value would be a prefix's. */
    char small[64];
    char *tmp = n->len < sizeof small ? small : adr_xmalloc((size_t)n->len + 1);
    if (!tmp) {
        n->doc->oom = true;
        return false;
    }
    memcpy(tmp, n->u.text, n->len);
    tmp[n->len] = 0;
    bool ok = parse_number(tmp, out);
    if (tmp != small) adr_xfree(tmp);
    return ok;
}

static bool parse_number(const char *tmp, double *out)
{
    const char *s = tmp;
    int sign = 1;
    if (*s == '+' || *s == '-') {
        if (*s == '-') sign = -1;
        s++;
    }
    if (s[0] == '.' && (s[1] == 'i' || s[1] == 'I')) {
        *out = sign * (1.0 / 0.0);
        return true;
    }
    if (s[0] == '.' && (s[1] == 'n' || s[1] == 'N')) {
        *out = 0.0 / 0.0;
        return true;
    }
    if (s[0] == '0' && s[1] == 'o') {
        *out = sign * (double)strtoull(s + 2, NULL, 8);
        return true;
    }
    *out = strtod(tmp, NULL);
    return true;
}

void adr_pointer_escape(adr_buf *buf, const char *s, size_t n)
{
    const char *end = s + n;
    while (s < end) {
        /* Copy up to the next character that needs escaping. */
        const char *t = s;
        while (t < end && *t != '~' && *t != '/')
            t++;
        adr_buf_putn(buf, s, (size_t)(t - s));
        if (t == end) break;
        adr_buf_putn(buf, *t == '~' ? "~0" : "~1", 2);
        s = t + 1;
    }
}

void adr_node_pointer(const adr_node *n, adr_buf *buf)
{
    /* Collect the chain root-first without recursion (depth is bounded by
     * the parser's limit, but a loop costs nothing). */
    const adr_node *chain[64];
    const adr_node **stack = chain;
    size_t cap = 64, depth = 0;
    const adr_node **heap = NULL;
    /* A key node stands for its pair: report its value's path. */
    for (const adr_node *c = n; c && c->parent; c = c->parent) {
        if (depth == cap) {
            const adr_node **nh = adr_xrealloc(heap, cap * 2 * sizeof *nh);
            if (!nh) {
                adr_xfree(heap);
                buf->oom = true;
                return;
            }
            if (!heap) memcpy(nh, chain, sizeof chain);
            heap = nh;
            stack = heap;
            cap *= 2;
        }
        stack[depth++] = c;
    }
    for (size_t i = depth; i-- > 0;) {
        const adr_node *c = stack[i];
        const adr_node *p = c->parent;
        adr_buf_putc(buf, '/');
        if (p->type == ADR_NODE_MAP) {
            const adr_node *k = adr_node_key_of(c);
            size_t kl;
            const char *kt = k ? adr_node_text(k, &kl) : NULL;
            if (kt) adr_pointer_escape(buf, kt, kl);
        } else {
            char digits[12];
            size_t nd = 0;
            uint32_t v = c->index;
            do {
                digits[sizeof digits - 1 - nd++] = (char)('0' + v % 10);
                v /= 10;
            } while (v);
            adr_buf_putn(buf, digits + sizeof digits - nd, nd);
        }
    }
    adr_xfree(heap);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

adr_node *adr_node_at_pointer(adr_node *node, const char *ptr, size_t len, bool uri)
{
    size_t i = 0;
    char small[256];
    while (node && i < len) {
        if (ptr[i] != '/') return NULL;
        i++;
        size_t s = i;
        while (i < len && ptr[i] != '/')
            i++;
        /* Unescape the segment. */
        size_t seglen = i - s;
        char *seg = seglen < sizeof small ? small : adr_xmalloc(seglen + 1);
        if (!seg) return NULL;
        size_t w = 0;
        for (size_t j = s; j < i; j++) {
            char c = ptr[j];
            if (uri && c == '%' && j + 2 < i) {
                int h = hexval(ptr[j + 1]), l = hexval(ptr[j + 2]);
                if (h >= 0 && l >= 0) {
                    c = (char)(h * 16 + l);
                    j += 2;
                }
            }
            seg[w++] = c;
        }
        /* ~1 and ~0 are decoded after percent-decoding (RFC 6901 §6). */
        size_t w2 = 0;
        for (size_t j = 0; j < w; j++) {
            if (seg[j] == '~' && j + 1 < w && (seg[j + 1] == '0' || seg[j + 1] == '1')) {
                seg[w2++] = seg[j + 1] == '0' ? '~' : '/';
                j++;
            } else {
                seg[w2++] = seg[j];
            }
        }
        adr_node *next = NULL;
        if (node->type == ADR_NODE_MAP) {
            next = adr_node_getn(node, seg, w2);
        } else if (node->type == ADR_NODE_SEQ) {
            size_t idx = 0;
            bool ok = w2 > 0 && !(w2 > 1 && seg[0] == '0');
            for (size_t j = 0; ok && j < w2; j++) {
                if (seg[j] < '0' || seg[j] > '9' || idx > (SIZE_MAX - 9) / 10)
                    ok = false;
                else
                    idx = idx * 10 + (size_t)(seg[j] - '0');
            }
            if (ok && idx < node->len) next = node->u.items[idx];
        }
        if (seg != small) adr_xfree(seg);
        node = next;
    }
    return node;
}

/* Where the last descendant of a collection ends. A last child that
 * belongs elsewhere (an alias, a merged entry) lies where its anchor is,
 * outside the collection: then the collection's own end is the answer. */
static uint32_t last_descendant_end(const adr_node *n)
{
    while ((n->type == ADR_NODE_MAP || n->type == ADR_NODE_SEQ) && n->len > 0) {
        const adr_node *c =
            n->type == ADR_NODE_MAP ? n->u.pairs[n->len - 1].value : n->u.items[n->len - 1];
        if (c->parent != n) break;
        n = c;
    }
    return n->end;
}

void adr_node_spectral_range(const adr_node *n, uint32_t *start, uint32_t *end)
{
    *start = n->start;
    *end = n->end;
    if (n->type != ADR_NODE_MAP && n->type != ADR_NODE_SEQ) return;
    *end = last_descendant_end(n);
    if (*end < n->start) *end = n->start;
    if (!n->parent) {
        *start = n->doc->bom;
        return;
    }
    const adr_node *k = n->parent->type == ADR_NODE_MAP ? adr_node_key_of(n) : NULL;
    if (!k || k == n) return;
    /* Just after the colon that follows the key. */
    const char *buf = n->doc->buf;
    uint32_t i = k->end;
    while (i < n->start && (buf[i] == ' ' || buf[i] == '\t'))
        i++;
    if (i < n->start && buf[i] == ':') *start = i + 1;
}
