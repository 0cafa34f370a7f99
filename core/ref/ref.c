/* realpath() (XSI) for the symbolic link check. */
#define _XOPEN_SOURCE 700
#include "ref.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct adr_ref_entry {
    const adr_doc *doc; /* document the reference string appears in */
    const char *text;
    size_t len;
    uint64_t hash;
    adr_node *target;
    adr_ref_status status;
    const char *msg;
};

void adr_ws_init(adr_ws *ws, const char *root_dir, size_t max_file_size, size_t max_files,
                 const adr_doc_limits *limits)
{
    memset(ws, 0, sizeof *ws);
    ws->root_dir = root_dir ? adr_path_absolute(root_dir) : NULL;
    ws->max_file_size = max_file_size;
    ws->max_files = max_files;
    ws->limits = *limits;
}

void adr_ws_destroy(adr_ws *ws)
{
    for (size_t i = 0; i < ws->ndocs; i++)
        adr_doc_free(ws->docs[i]);
    for (size_t i = 0; i < ws->noverlays; i++)
        adr_xfree(ws->overlay_paths[i]);
    for (size_t i = 0; i < ws->nmissing; i++)
        adr_xfree(ws->missing[i]);
    adr_xfree(ws->overlay_paths);
    adr_xfree(ws->missing);
    adr_xfree(ws->docs);
    adr_xfree(ws->cache);
    adr_xfree(ws->root_dir);
    memset(ws, 0, sizeof *ws);
}

bool adr_ws_set_overlays(adr_ws *ws, const adr_source *sources, size_t count)
{
    if (!count) return true;
    ws->overlay_paths = adr_xcalloc(count, sizeof *ws->overlay_paths);
    if (!ws->overlay_paths) return false;
    ws->overlays = sources;
    ws->noverlays = count;
    for (size_t i = 0; i < count; i++) {
        /* A source without a path can never be reached; keep it unmatched. */
        ws->overlay_paths[i] = adr_path_absolute(sources[i].path ? sources[i].path : "");
        if (!ws->overlay_paths[i]) return false;
    }
    return true;
}

static const adr_source *overlay_find(const adr_ws *ws, const char *abs)
{
    for (size_t i = 0; i < ws->noverlays; i++)
        if (ws->overlays[i].path && strcmp(ws->overlay_paths[i], abs) == 0) return &ws->overlays[i];
    return NULL;
}

static void note_missing(adr_ws *ws, const char *abs)
{
    for (size_t i = 0; i < ws->nmissing; i++)
        if (strcmp(ws->missing[i], abs) == 0) return;
    char *copy = adr_xstrdup(abs);
    if (!copy ||
        !adr_grow((void **)&ws->missing, &ws->capmissing, ws->nmissing + 1, sizeof *ws->missing)) {
        adr_xfree(copy);
        ws->oom = true;
        return;
    }
    ws->missing[ws->nmissing++] = copy;
}

bool adr_ws_add(adr_ws *ws, adr_doc *doc)
{
    if (!adr_grow((void **)&ws->docs, &ws->capdocs, ws->ndocs + 1, sizeof *ws->docs)) {
        adr_doc_free(doc);
        ws->oom = true;
        return false;
    }
    ws->docs[ws->ndocs++] = doc;
    return true;
}

bool adr_is_ref(const adr_node *obj)
{
    if (!obj || obj->type != ADR_NODE_MAP) return false;
    return (obj->flags & ADR_NF_REF) != 0;
}

bool adr_doc_path_is_json(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n >= 5 && strcmp(path + n - 5, ".json") == 0;
}

static const char *wmsg(adr_ws *ws, const char *fmt, ...) ADR_INTERNAL_PRINTF(2, 3);

static const char *wmsg(adr_ws *ws, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *m = adr_arena_vprintf(&ws->docs[0]->arena, fmt, ap);
    va_end(ap);
    if (!m) ws->oom = true;
    return m ? m : "out of memory";
}

static bool is_remote(const char *s, size_t n)
{
    /* scheme ":" as in RFC 3986, e.g. http:, https:, urn:; a Windows drive
     * letter would look the same, but those are not relative refs either. */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ':') return i > 0;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '-' || c == '.'))
            return false;
    }
    return false;
}

/* The lexical check is not enough: a symbolic link below the root may
 * point anywhere (a repository can hold link -> /etc). Compares where the
 * file really is with where the root really is. A path that does not
 * resolve is left to the read, which reports why. */
static bool links_outside(adr_ws *ws, const char *abs)
{
    char *real = realpath(abs, NULL);
    if (!real) return false;
    char *root = realpath(ws->root_dir, NULL);
    bool out = root && !adr_path_within(real, root);
    free(real);
    free(root);
    return out;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = *p < 0x80                           ? 0
                   : (*p & 0xE0) == 0xC0 && *p >= 0xC2 ? 1
                   : (*p & 0xF0) == 0xE0               ? 2
                   : (*p & 0xF8) == 0xF0 && *p <= 0xF4 ? 3
                                                       : 4;
        if (n == 4) return false;
        p++;
        for (size_t i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80) return false;
    }
    return true;
}

/* Messages quote a reference as the document spells it: the decoded name
 * may hold bytes that are no UTF-8 ("%8f"), and findings are UTF-8. */
static adr_doc *load_file(adr_ws *ws, const adr_doc *from, const char *file, size_t flen,
                          adr_ref_status *status, const char **msg)
{
    /* A NUL (a JSON "\u0000") would end the path early and name another
     * file, the directory holding it for one. */
    if (memchr(file, 0, flen)) {
        *status = ADR_REF_BAD;
        *msg = wmsg(ws, "The file name in this $ref holds a NUL character");
        return NULL;
    }
    char *rel = adr_xstrndup(file, flen);
    if (!rel) goto oom;
    /* Percent-encoded characters in file references (a space as %20). */
    size_t w = 0;
    for (size_t i = 0; rel[i]; i++) {
        int hi = rel[i] == '%' ? hexval(rel[i + 1]) : -1;
        int lo = hi >= 0 ? hexval(rel[i + 2]) : -1;
        if (lo >= 0 && (hi || lo)) {
            rel[w++] = (char)(hi * 16 + lo);
            i += 2;
            continue;
        }
        rel[w++] = rel[i];
    }
    rel[w] = 0;
    char *base = from->abs_path ? adr_path_dirname(from->abs_path) : adr_path_absolute(".");
    if (!base) {
        adr_xfree(rel);
        goto oom;
    }
    char *joined = adr_path_join(base, rel);
    adr_xfree(base);
    char *abs = joined ? adr_path_normalize(joined) : NULL;
    adr_xfree(joined);
    if (!abs) {
        adr_xfree(rel);
        goto oom;
    }
    for (size_t i = 0; i < ws->ndocs; i++) {
        if (ws->docs[i]->abs_path && strcmp(ws->docs[i]->abs_path, abs) == 0) {
            adr_xfree(abs);
            adr_xfree(rel);
            return ws->docs[i];
        }
    }
    if (ws->root_dir && (!adr_path_within(abs, ws->root_dir) || links_outside(ws, abs))) {
        *status = ADR_REF_OUTSIDE;
        *msg = wmsg(ws, "'%.*s' is outside the root directory and was not read", (int)flen, file);
        adr_xfree(abs);
        adr_xfree(rel);
        return NULL;
    }
    if (ws->ndocs > ws->max_files) {
        *status = ADR_REF_FILE;
        *msg = wmsg(ws, "'%.*s' not read: more than %zu referenced files", (int)flen, file,
                    ws->max_files);
        adr_xfree(abs);
        adr_xfree(rel);
        return NULL;
    }
    char *data = NULL;
    size_t size = 0;
    int rc;
    const adr_source *ov = overlay_find(ws, abs);
    if (ov && ov->size > ws->max_file_size) {
        adr_set_error("%s: file is larger than the limit of %zu bytes", abs, ws->max_file_size);
        rc = ADR_ELIMIT;
    } else if (ov) {
        data = adr_xstrndup(ov->data ? ov->data : "", ov->size);
        size = ov->size;
        rc = data ? 0 : ADR_ENOMEM;
        if (!data) adr_set_error_oom();
    } else {
        rc = adr_read_file(abs, ws->max_file_size, &data, &size);
    }
    if (rc == ADR_ENOMEM) {
        adr_xfree(abs);
        adr_xfree(rel);
        goto oom;
    }
    if (rc != 0) {
        note_missing(ws, abs);
        *status = ADR_REF_FILE;
        /* The reason only: the absolute path would differ per machine.
         * The message is "ABS: reason", unless a long path cut it short
         * (then searching it for ": " would find a piece of the path). */
        const char *why = adr_get_error();
        size_t al = strlen(abs);
        bool whole = strncmp(why, abs, al) == 0 && why[al] == ':' && why[al + 1] == ' ';
        *msg = wmsg(ws, "Cannot read '%.*s': %s", (int)flen, file,
                    whole ? why + al + 2 : "the path is too long to report why");
        adr_xfree(abs);
        adr_xfree(rel);
        return NULL;
    }
    /* Findings in the referenced file name it as the user would: relative
     * to the referencing file's name. */
    if (!valid_utf8(rel)) {
        /* Name the file as the reference spells it, escapes and all. */
        adr_xfree(rel);
        rel = adr_xstrndup(file, flen);
        if (!rel) {
            adr_xfree(data);
            adr_xfree(abs);
            goto oom;
        }
    }
    char *fromdir = adr_path_dirname(from->name);
    char *display = !fromdir                    ? NULL
                    : strcmp(fromdir, ".") != 0 ? adr_path_join(fromdir, rel)
                                                : adr_xstrdup(rel);
    adr_xfree(fromdir);
    char *ndisplay = display ? adr_path_normalize(display) : NULL;
    adr_xfree(display);
    adr_xfree(rel);
    /* Another name would change the findings' source: no fallback. */
    adr_doc *doc = ndisplay
                       ? adr_doc_parse(ndisplay, data, size, adr_doc_path_is_json(abs), &ws->limits)
                       : NULL;
    if (!ndisplay) adr_xfree(data);
    adr_xfree(ndisplay);
    if (!doc) {
        adr_xfree(abs);
        goto oom;
    }
    doc->abs_path = abs;
    if (!adr_ws_add(ws, doc)) goto oom;
    return doc;
oom:
    ws->oom = true;
    *status = ADR_REF_FILE;
    *msg = "out of memory";
    return NULL;
}

/* Resolves one reference string found in doc, without following chains. */
static adr_node *resolve_one(adr_ws *ws, const adr_doc *doc, const char *s, size_t n,
                             adr_ref_status *status, const char **msg)
{
    const char *hash = memchr(s, '#', n);
    size_t flen = hash ? (size_t)(hash - s) : n;
    const char *frag = hash ? hash + 1 : s + n;
    size_t fraglen = hash ? n - flen - 1 : 0;
    if (is_remote(s, flen)) {
        *status = ADR_REF_REMOTE;
        *msg = wmsg(ws, "Remote reference '%.*s' was not fetched (adrlint never uses the network)",
                    (int)n, s);
        return NULL;
    }
    const adr_doc *target = doc;
    if (flen > 0) {
        target = load_file(ws, doc, s, flen, status, msg);
        if (!target) return NULL;
    }
    if (fraglen > 0 && frag[0] != '/') {
        *status = ADR_REF_BAD;
        *msg = wmsg(ws, "'%.*s' is not a JSON pointer fragment", (int)n, s);
        return NULL;
    }
    adr_node *node = adr_node_at_pointer(target->root, frag, fraglen, true);
    if (!node) {
        *status = ADR_REF_MISSING;
        *msg = wmsg(ws, "'%.*s' does not exist", (int)n, s);
        return NULL;
    }
    *status = ADR_REF_OK;
    return node;
}

static adr_ref_entry *cache_find(adr_ws *ws, const adr_doc *doc, const char *s, size_t n,
                                 uint64_t h)
{
    if (!ws->capcache) return NULL;
    size_t i = (size_t)h & (ws->capcache - 1);
    while (ws->cache[i].text) {
        adr_ref_entry *e = &ws->cache[i];
        if (e->hash == h && e->doc == doc && e->len == n && memcmp(e->text, s, n) == 0) return e;
        i = (i + 1) & (ws->capcache - 1);
    }
    return NULL;
}

static void cache_put(adr_ws *ws, const adr_ref_entry *in)
{
    if ((ws->ncache + 1) * 2 > ws->capcache) {
        size_t ncap = ws->capcache ? ws->capcache * 2 : 256;
        adr_ref_entry *nc = adr_xcalloc(ncap, sizeof *nc);
        if (!nc) {
            ws->oom = true;
            return;
        }
        for (size_t i = 0; i < ws->capcache; i++) {
            if (!ws->cache[i].text) continue;
            size_t j = (size_t)ws->cache[i].hash & (ncap - 1);
            while (nc[j].text)
                j = (j + 1) & (ncap - 1);
            nc[j] = ws->cache[i];
        }
        adr_xfree(ws->cache);
        ws->cache = nc;
        ws->capcache = ncap;
    }
    size_t j = (size_t)in->hash & (ws->capcache - 1);
    while (ws->cache[j].text)
        j = (j + 1) & (ws->capcache - 1);
    ws->cache[j] = *in;
    ws->ncache++;
}

adr_node *adr_ws_deref(adr_ws *ws, const adr_node *obj, adr_ref_status *status, const char **msg,
                       const adr_node **refnode)
{
    *status = ADR_REF_NOT_REF;
    *msg = NULL;
    if (refnode) *refnode = NULL;
    const adr_node *cur = obj;
    const adr_node *seen[32];
    size_t nseen = 0;
    for (;;) {
        adr_node *rv = adr_node_getn(cur, "$ref", 4);
        if (!rv) return (adr_node *)cur;
        if (refnode && !*refnode) *refnode = rv;
        if (rv->type != ADR_NODE_STRING) {
            *status = ADR_REF_BAD;
            *msg = wmsg(ws, "$ref must be a string");
            return NULL;
        }
        for (size_t i = 0; i < nseen; i++)
            if (seen[i] == cur) {
                *status = ADR_REF_CYCLE;
                *msg = wmsg(ws, "'%.*s' is part of a $ref cycle that never reaches an object",
                            (int)rv->len, rv->u.text);
                return NULL;
            }
        if (nseen == ADR_ARRAY_LEN(seen)) {
            *status = ADR_REF_CYCLE;
            *msg = wmsg(ws, "Chain of more than %zu $refs", ADR_ARRAY_LEN(seen));
            return NULL;
        }
        seen[nseen++] = cur;
        const adr_doc *doc = rv->doc;
        uint64_t h = adr_hash(rv->u.text, rv->len) ^ (uint64_t)(uintptr_t)doc;
        adr_ref_entry *e = cache_find(ws, doc, rv->u.text, rv->len, h);
        adr_node *target;
        if (e) {
            target = e->target;
            *status = e->status;
            *msg = e->msg;
        } else {
            adr_ref_status st = ADR_REF_BAD;
            const char *m = NULL;
            target = resolve_one(ws, doc, rv->u.text, rv->len, &st, &m);
            adr_ref_entry ne = {doc, rv->u.text, rv->len, h, target, st, m};
            cache_put(ws, &ne);
            *status = st;
            *msg = m;
        }
        if (!target) return NULL;
        /* A reference points into a document; when it lands on another
         * Reference Object the chain continues from there. */
        if (target->type != ADR_NODE_MAP || !adr_node_getn(target, "$ref", 4)) {
            *status = ADR_REF_OK;
            return target;
        }
        cur = target;
    }
}
