/* JSON-RPC over a byte stream, as LSP frames it: header lines ending in
 * "\r\n", a blank line, then Content-Length bytes of JSON. The reader is
 * strict about what it uses and lenient about the rest, so that a client's
 * mistake costs one message, never the session: bare "\n" line ends are
 * accepted, unknown headers ignored, and a header block without a usable
 * Content-Length is reported and skipped. */
#include "lsp.h"

#include <errno.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define READ_CHUNK       65536
#define MAX_HEADER_LINE  8192
#define MAX_HEADER_LINES 64

struct rpc_reader {
    int fd;
    char *buf; /* bytes read but not consumed: buf[pos..end) */
    size_t pos, end, cap;
    char *body;
    size_t bodycap;
    bool eof;
};

rpc_reader *rpc_reader_new(int fd)
{
    rpc_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->fd = fd;
    r->cap = READ_CHUNK;
    r->buf = malloc(r->cap);
    if (!r->buf) {
        free(r);
        return NULL;
    }
    return r;
}

void rpc_reader_free(rpc_reader *r)
{
    if (!r) return;
    free(r->buf);
    free(r->body);
    free(r);
}

/* Refills the buffer; false at end of input. */
static bool fill(rpc_reader *r)
{
    if (r->eof) return false;
    if (r->pos == r->end) r->pos = r->end = 0;
    if (r->end == r->cap) {
        memmove(r->buf, r->buf + r->pos, r->end - r->pos);
        r->end -= r->pos;
        r->pos = 0;
    }
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->end, r->cap - r->end);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            r->eof = true;
            return false;
        }
        r->end += (size_t)n;
        return true;
    }
}

/* One header line without its line end, in line (cap bytes). A longer
 * line is cut: its tail is consumed and *cut set. False at end of input. */
static bool read_line(rpc_reader *r, char *line, size_t cap, size_t *len, bool *cut)
{
    *len = 0;
    *cut = false;
    for (;;) {
        if (r->pos == r->end && !fill(r)) return false;
        char *nl = memchr(r->buf + r->pos, '\n', r->end - r->pos);
        size_t take = nl ? (size_t)(nl - (r->buf + r->pos)) : r->end - r->pos;
        size_t room = cap - 1 - *len;
        if (take > room) *cut = true;
        memcpy(line + *len, r->buf + r->pos, take < room ? take : room);
        *len += take < room ? take : room;
        r->pos += take + (nl ? 1 : 0);
        if (nl) break;
    }
    if (*len && line[*len - 1] == '\r') (*len)--;
    line[*len] = 0;
    return true;
}

/* Content-Length's value: digits only, no overflow. */
static bool parse_length(const char *v, size_t *out)
{
    while (*v == ' ' || *v == '\t')
        v++;
    if (*v < '0' || *v > '9') return false;
    size_t n = 0;
    for (; *v >= '0' && *v <= '9'; v++) {
        if (n > (SIZE_MAX - 9) / 10) return false;
        n = n * 10 + (size_t)(*v - '0');
    }
    while (*v == ' ' || *v == '\t')
        v++;
    if (*v) return false;
    *out = n;
    return true;
}

/* The Content-Length a header line gives. After a body shorter than its
 * Content-Length said, the next header follows the leftover bytes on the
 * same line: the header is searched for, not only expected at the start. */
static bool header_length(const char *line, size_t len, size_t *out)
{
    static const char name[] = "content-length:";
    const size_t nl = sizeof name - 1;
    for (size_t i = 0; i + nl <= len; i++)
        if (strncasecmp(line + i, name, nl) == 0) return parse_length(line + i + nl, out);
    return false;
}

static bool skip_bytes(rpc_reader *r, size_t n)
{
    while (n) {
        if (r->pos == r->end && !fill(r)) return false;
        size_t take = r->end - r->pos < n ? r->end - r->pos : n;
        r->pos += take;
        n -= take;
    }
    return true;
}

rpc_read_status rpc_read(rpc_reader *r, char **body, size_t *len)
{
    char line[MAX_HEADER_LINE];
    size_t ll, length = 0;
    bool cut, have_length = false, saw_any = false;
    int lines = 0;
    for (;;) {
        if (!read_line(r, line, sizeof line, &ll, &cut)) return RPC_EOF;
        if (ll == 0 && !cut) {
            /* Blank lines before any header are noise between messages. */
            if (!saw_any) continue;
            break;
        }
        saw_any = true;
        size_t v;
        if (!cut && header_length(line, ll, &v)) {
            length = v;
            have_length = true;
        }
        /* Not a header block: give up on it; the next call resynchronises
         * on the next Content-Length. */
        if (++lines > MAX_HEADER_LINES) return RPC_BAD_HEADER;
    }
    if (!have_length) return RPC_BAD_HEADER;
    *len = length;
    if (length > RPC_MAX_BODY) return skip_bytes(r, length) ? RPC_TOO_LARGE : RPC_EOF;
    if (length + 1 > r->bodycap) {
        char *nb = realloc(r->body, length + 1);
        if (!nb) return skip_bytes(r, length) ? RPC_TOO_LARGE : RPC_EOF;
        r->body = nb;
        r->bodycap = length + 1;
    }
    size_t got = 0;
    while (got < length) {
        if (r->pos == r->end && !fill(r)) return RPC_EOF;
        size_t take = r->end - r->pos < length - got ? r->end - r->pos : length - got;
        memcpy(r->body + got, r->buf + r->pos, take);
        r->pos += take;
        got += take;
    }
    r->body[length] = 0;
    *body = r->body;
    return RPC_MESSAGE;
}

/* ---- writing ---- */

static pthread_mutex_t write_lock = PTHREAD_MUTEX_INITIALIZER;
static int out_fd = 1;
static bool out_gone;

void rpc_writer_init(int fd)
{
    out_fd = fd;
}

static bool write_all(const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(out_fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

bool rpc_send(json_object *msg)
{
    size_t len;
    /* Plain output: no pretty-printing, and "/" unescaped in URIs. */
    const char *s = json_object_to_json_string_length(
        msg, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
    if (!s) return false;
    return rpc_send_raw(s, len);
}

bool rpc_send_raw(const char *body, size_t len)
{
    char head[64];
    int hl = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
    pthread_mutex_lock(&write_lock);
    bool ok = !out_gone && write_all(head, (size_t)hl) && write_all(body, len);
    if (!ok) out_gone = true;
    pthread_mutex_unlock(&write_lock);
    return ok;
}

void rpc_log(int type, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    json_object *p = json_object_new_object();
    json_object_object_add(p, "type", json_object_new_int(type));
    json_object_object_add(p, "message", json_object_new_string(msg));
    json_object *m = rpc_notification("window/logMessage", p);
    rpc_send(m);
    json_object_put(m);
}

bool rpc_output_gone(void)
{
    pthread_mutex_lock(&write_lock);
    bool g = out_gone;
    pthread_mutex_unlock(&write_lock);
    return g;
}

static json_object *base(void)
{
    json_object *m = json_object_new_object();
    json_object_object_add(m, "jsonrpc", json_object_new_string("2.0"));
    return m;
}

static json_object *copy_id(json_object *id)
{
    /* Ids are integers or strings; anything else answers as null. */
    if (json_object_is_type(id, json_type_int))
        return json_object_new_int64(json_object_get_int64(id));
    if (json_object_is_type(id, json_type_string))
        return json_object_new_string_len(json_object_get_string(id),
                                          json_object_get_string_len(id));
    return NULL;
}

json_object *rpc_response(json_object *id, json_object *result)
{
    json_object *m = base();
    json_object_object_add(m, "id", copy_id(id));
    json_object_object_add(m, "result", result);
    return m;
}

json_object *rpc_error(json_object *id, int code, const char *message)
{
    json_object *m = base();
    json_object_object_add(m, "id", copy_id(id));
    json_object *e = json_object_new_object();
    json_object_object_add(e, "code", json_object_new_int(code));
    json_object_object_add(e, "message", json_object_new_string(message));
    json_object_object_add(m, "error", e);
    return m;
}

json_object *rpc_notification(const char *method, json_object *params)
{
    json_object *m = base();
    json_object_object_add(m, "method", json_object_new_string(method));
    if (params) json_object_object_add(m, "params", params);
    return m;
}

json_object *rpc_request(int64_t id, const char *method, json_object *params)
{
    json_object *m = base();
    json_object_object_add(m, "id", json_object_new_int64(id));
    json_object_object_add(m, "method", json_object_new_string(method));
    if (params) json_object_object_add(m, "params", params);
    return m;
}

/* ---- typed access ---- */

static json_object *member(json_object *o, const char *key, json_type t)
{
    json_object *v;
    if (!o || !json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, key, &v))
        return NULL;
    return json_object_is_type(v, t) ? v : NULL;
}

json_object *jobj(json_object *o, const char *key)
{
    return member(o, key, json_type_object);
}

json_object *jarr(json_object *o, const char *key)
{
    return member(o, key, json_type_array);
}

const char *jstr(json_object *o, const char *key, size_t *len)
{
    json_object *v = member(o, key, json_type_string);
    if (!v) return NULL;
    size_t n = (size_t)json_object_get_string_len(v);
    const char *s = json_object_get_string(v);
    if (len) *len = n;
    /* Without a length the caller wants a C string: no embedded NULs. */
    else if (strlen(s) != n)
        return NULL;
    return s;
}

bool jint(json_object *o, const char *key, int64_t *out)
{
    json_object *v = member(o, key, json_type_int);
    if (!v) return false;
    *out = json_object_get_int64(v);
    return true;
}

bool jbool(json_object *o, const char *key)
{
    json_object *v = member(o, key, json_type_boolean);
    return v && json_object_get_boolean(v);
}

json_object *jpath(json_object *o, ...)
{
    va_list ap;
    va_start(ap, o);
    const char *k;
    while (o && (k = va_arg(ap, const char *)))
        o = jobj(o, k);
    va_end(ap);
    return o;
}

/* ---- sbuf ---- */

static bool sb_reserve(sbuf *b, size_t n)
{
    if (b->oom) return false;
    if (b->len + n + 1 <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) {
        if (cap > SIZE_MAX / 2) {
            b->oom = true;
            return false;
        }
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d) {
        b->oom = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void sb_putn(sbuf *b, const char *s, size_t n)
{
    if (!sb_reserve(b, n)) return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void sb_puts(sbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        sb_putn(b, tmp, (size_t)n);
        return;
    }
    if (!sb_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_json(sbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sb_putn(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        sb_putn(b, s + run, i - run);
        run = i + 1;
        char esc[7] = {'\\', (char)c, 0};
        switch (c) {
        case '"':
        case '\\': break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
        }
        sb_puts(b, esc);
    }
    sb_putn(b, s + run, n - run);
    sb_putn(b, "\"", 1);
}

void sb_free(sbuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
