/* The edit that adds x-lint-ignore for a finding (adr_ignore_edit), the write
 * side of the convention result.c reads. It lives in the library because
 * only the parsed tree knows where a mapping's keys are and how they are
 * indented; every front end (the language server, editor extensions through
 * the bindings) then offers the same edit. */
#include "engine.h"

#include <string.h>

#define IGNORE_KEY    "x-lint-ignore"
#define EDIT_MAX_SIZE (64u * 1024 * 1024)

typedef struct edit {
    const adr_doc *doc;
    bool flow; /* the mapping is {...} or the document is JSON */
    adr_buf text;
} edit;

static uint32_t line_start(const adr_doc *doc, uint32_t off)
{
    while (off > doc->bom && doc->buf[off - 1] != '\n' && doc->buf[off - 1] != '\r')
        off--;
    return off;
}

/* Indentation, in characters, a line needs for text to start where the
 * byte at off does ("- " and anchors in front of a key count as indent). */
static size_t column_chars(const adr_doc *doc, uint32_t off)
{
    size_t n = 0;
    for (uint32_t i = line_start(doc, off); i < off; i++)
        if (((unsigned char)doc->buf[i] & 0xC0) != 0x80) n++;
    return n;
}

/* Codes are plain scalars in block YAML when nothing in them needs quotes;
 * flow collections and JSON always get double quotes. */
static void put_code(edit *e, const char *code, bool quoted)
{
    bool plain =
        !quoted && ((code[0] >= 'a' && code[0] <= 'z') || (code[0] >= 'A' && code[0] <= 'Z') ||
                    (code[0] >= '0' && code[0] <= '9'));
    for (const char *c = code; plain && *c; c++)
        plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
                *c == '-' || *c == '_' || *c == '.' || *c == '/' || (*c == ':' && c[1] != 0);
    if (plain)
        adr_buf_puts(&e->text, code);
    else
        adr_buf_json_string(&e->text, code, strlen(code));
}

static bool names_code(const adr_node *v, const char *code)
{
    if (v->type == ADR_NODE_SEQ) {
        for (uint32_t i = 0; i < v->len; i++)
            if (adr_node_is(v->u.items[i], code)) return true;
        return false;
    }
    return v->type != ADR_NODE_MAP && adr_node_is(v, code);
}

/* The pair of map whose key is physically inside it (merged pairs from a
 * "<<" live elsewhere): the first such key, or the one named key. */
static const adr_pair *own_pair(const adr_node *map, const char *key)
{
    const adr_pair *best = NULL;
    for (uint32_t i = 0; i < map->len; i++) {
        const adr_pair *p = &map->u.pairs[i];
        if (p->key->start < map->start || p->key->end > map->end) continue;
        if (key) {
            if (adr_node_is(p->key, key)) return p;
        } else if (!best || p->key->start < best->key->start) {
            best = p;
        }
    }
    return best;
}

/* The end of the line a block value ends on, before its line break, so a
 * comment after the value stays with it. */
static uint32_t line_end(const adr_doc *doc, uint32_t end)
{
    while (end > 0 && (doc->buf[end - 1] == '\n' || doc->buf[end - 1] == '\r'))
        end--;
    while (end < doc->size && doc->buf[end] != '\n' && doc->buf[end] != '\r')
        end++;
    return end;
}

/* An existing x-lint-ignore: extend it to a list holding code as well. */
static int extend(edit *e, const adr_pair *p, const char *code, uint32_t *s, uint32_t *t)
{
    const adr_doc *doc = e->doc;
    const adr_node *v = p->value;
    bool flow = e->flow || (v->flags & ADR_NF_FLOW);
    if (v->type == ADR_NODE_SEQ && flow) {
        /* [a, b] -> [a, b, "CODE"]; [] -> ["CODE"]. */
        if (v->len) {
            *s = *t = v->u.items[v->len - 1]->end;
            adr_buf_puts(&e->text, ", ");
        } else {
            *s = *t = v->end > v->start ? v->end - 1 : v->end;
        }
        put_code(e, code, true);
        return ADR_OK;
    }
    if (v->type == ADR_NODE_SEQ) {
        /* A new item under the last, at the column of the items' dashes. */
        uint32_t first = v->u.items[0]->start;
        uint32_t dash = first;
        while (dash > 0 && doc->buf[dash - 1] == ' ')
            dash--;
        if (dash > 0 && doc->buf[dash - 1] == '-') dash--;
        *s = *t = line_end(doc, v->u.items[v->len - 1]->end);
        adr_buf_putc(&e->text, '\n');
        adr_buf_repeat(&e->text, ' ', column_chars(doc, dash));
        adr_buf_puts(&e->text, "- ");
        put_code(e, code, false);
        return ADR_OK;
    }
    if (v->type == ADR_NODE_MAP) return ADR_EINVAL;
    bool empty = v->type == ADR_NODE_NULL && v->end == v->start;
    if (flow) {
        if (empty) return ADR_EINVAL;
        *s = v->start;
        *t = v->end;
        adr_buf_putc(&e->text, '[');
        adr_buf_putn(&e->text, doc->buf + v->start, v->end - v->start);
        adr_buf_puts(&e->text, ", ");
        put_code(e, code, true);
        adr_buf_putc(&e->text, ']');
        return ADR_OK;
    }
    /* key: old -> key:\n  - old\n  - CODE, replacing from the key's end so
     * nothing is left between the colon and the line break. */
    uint32_t colon = p->key->end;
    while (colon < doc->size && (doc->buf[colon] == ' ' || doc->buf[colon] == '\t'))
        colon++;
    if (colon >= doc->size || doc->buf[colon] != ':') return ADR_ENOTFOUND;
    size_t indent = column_chars(doc, p->key->start) + 2;
    *s = p->key->end;
    *t = empty ? colon + 1 : v->end;
    adr_buf_putc(&e->text, ':');
    if (empty) {
        adr_buf_putc(&e->text, ' ');
        put_code(e, code, false);
        return ADR_OK;
    }
    adr_buf_putc(&e->text, '\n');
    adr_buf_repeat(&e->text, ' ', indent);
    adr_buf_puts(&e->text, "- ");
    adr_buf_putn(&e->text, doc->buf + v->start, v->end - v->start);
    adr_buf_putc(&e->text, '\n');
    adr_buf_repeat(&e->text, ' ', indent);
    adr_buf_puts(&e->text, "- ");
    put_code(e, code, false);
    return ADR_OK;
}

/* No x-lint-ignore yet: a new first key. */
static void insert(edit *e, const adr_node *map, const char *code, uint32_t *s, uint32_t *t)
{
    const adr_doc *doc = e->doc;
    const adr_pair *first = own_pair(map, NULL);
    if (!e->flow) {
        /* A block mapping starts at its first key (or at a "<<" whose
         * pairs were merged in from elsewhere). */
        uint32_t at = first ? first->key->start : map->start;
        *s = *t = at;
        adr_buf_puts(&e->text, IGNORE_KEY ": ");
        put_code(e, code, false);
        adr_buf_putc(&e->text, '\n');
        adr_buf_repeat(&e->text, ' ', column_chars(doc, at));
        return;
    }
    adr_buf_json_string(&e->text, IGNORE_KEY, strlen(IGNORE_KEY));
    adr_buf_puts(&e->text, ": ");
    put_code(e, code, true);
    if (!first) {
        *s = *t = map->start + 1; /* just inside the brace of {} */
        return;
    }
    *s = *t = first->key->start;
    uint32_t ls = line_start(doc, first->key->start);
    if (ls <= map->start) {
        adr_buf_puts(&e->text, ", ");
        return;
    }
    /* Members one per line: a line of its own with the same indentation. */
    adr_buf_puts(&e->text, ",\n");
    bool blank = true;
    for (uint32_t i = ls; i < first->key->start; i++)
        blank = blank && (doc->buf[i] == ' ' || doc->buf[i] == '\t');
    if (blank)
        adr_buf_putn(&e->text, doc->buf + ls, first->key->start - ls);
    else
        adr_buf_repeat(&e->text, ' ', column_chars(doc, first->key->start));
}

int adr_ignore_edit(const char *data, size_t size, const char *name, const char *path,
                    const char *code, adr_range *out_range, char **out_text)
{
    if (out_text) *out_text = NULL;
    if ((!data && size) || !path || !code || !*code || !out_range || !out_text) {
        adr_set_error("adr_ignore_edit: NULL argument or empty code");
        return ADR_EINVAL;
    }
    if (size > EDIT_MAX_SIZE) {
        adr_set_error("%s: input is larger than the limit of %u bytes", name ? name : "<input>",
                      EDIT_MAX_SIZE);
        return ADR_ELIMIT;
    }
    char *copy = adr_xstrndup(data ? data : "", size);
    if (!copy) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    adr_doc_limits lim = {1000, 10u * 1000 * 1000};
    bool json = adr_doc_path_is_json(name);
    adr_doc *doc = adr_doc_parse(name ? name : "<input>", copy, size, json, &lim);
    if (!doc) {
        adr_set_error_oom();
        return ADR_ENOMEM;
    }
    int rc = ADR_ENOTFOUND;
    edit e = {doc, json, {0}};
    adr_buf_init(&e.text);
    adr_node *n = doc->fatal ? NULL : adr_node_at_pointer(doc->root, path, strlen(path), false);
    while (n && n->type != ADR_NODE_MAP)
        n = n->parent;
    if (!n) {
        adr_set_error("%s: '%s' names no mapping in this text", doc->name, path);
        goto out;
    }
    e.flow = json || (n->flags & ADR_NF_FLOW);
    const adr_pair *have = own_pair(n, IGNORE_KEY);
    if (have && names_code(have->value, code)) {
        adr_set_error("%s: '%s' already ignores %s", doc->name, path, code);
        rc = ADR_EINVAL;
        goto out;
    }
    uint32_t s = 0, t = 0;
    if (have) {
        rc = extend(&e, have, code, &s, &t);
        if (rc == ADR_EINVAL)
            adr_set_error("%s: the x-lint-ignore at '%s' is not a code or a list", doc->name, path);
        else if (rc)
            adr_set_error("%s: no colon after x-lint-ignore at '%s'", doc->name, path);
    } else {
        insert(&e, n, code, &s, &t);
        rc = ADR_OK;
    }
    if (rc) goto out;
    if (e.text.oom) {
        adr_set_error_oom();
        rc = ADR_ENOMEM;
        goto out;
    }
    out_range->start = adr_doc_position(doc, s);
    out_range->end = adr_doc_position(doc, t);
    *out_text = adr_buf_take(&e.text);
    if (!*out_text) {
        adr_set_error_oom();
        rc = ADR_ENOMEM;
    }
out:
    adr_buf_free(&e.text);
    adr_doc_free(doc);
    return rc;
}
