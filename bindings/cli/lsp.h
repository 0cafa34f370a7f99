/* adrlint lsp: a Language Server Protocol 3.17 server over standard input
 * and output. Internal to the CLI; it uses only the public libadrlint ABI.
 *
 *  lsp_rpc.c     framing (Content-Length), JSON helpers, the message writer
 *  lsp_text.c    document texts: line tables, LSP positions, edits, URIs
 *  lsp_server.c  documents, linters per configuration, the lint workers,
 *                publishing diagnostics
 *  lsp_features.c  hover, code actions, commands
 *  lsp.c         the command: options, the read loop, message dispatch
 */
#ifndef ADRLINT_LSP_H
#define ADRLINT_LSP_H

#include <json-c/json.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "adrlint/adrlint.h"

/* JSON-RPC and LSP error codes. */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_REQUEST_CANCELLED = -32800
};

/* ---- lsp_rpc.c ---- */

/* The largest message body accepted; bigger ones are skipped unread. */
#define RPC_MAX_BODY (128u * 1024 * 1024)

typedef struct rpc_reader rpc_reader;

typedef enum rpc_read_status {
    RPC_MESSAGE,    /* *body holds a message */
    RPC_BAD_HEADER, /* a header block without a usable Content-Length */
    RPC_TOO_LARGE,  /* a body over RPC_MAX_BODY, skipped; *len is its size */
    RPC_EOF         /* end of input or a read error */
} rpc_read_status;

rpc_reader *rpc_reader_new(int fd);
void rpc_reader_free(rpc_reader *r);
/* Reads the next message. *body is owned by the reader, valid until the next
 * call, NUL-terminated. */
rpc_read_status rpc_read(rpc_reader *r, char **body, size_t *len);

/* The writer: one message at a time from any thread. */
void rpc_writer_init(int fd);
/* Sends msg (borrowed). Returns false once the output is gone. */
bool rpc_send(json_object *msg);
bool rpc_output_gone(void);

/* Sends an already serialised message body (any thread). */
bool rpc_send_raw(const char *body, size_t len);
/* window/logMessage (type 1 error .. 4 log). */
void rpc_log(int type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A growable string for building JSON by hand where json-c objects would
 * be shared between threads (json-c caches serialisations inside objects). */
typedef struct sbuf {
    char *data;
    size_t len, cap;
    bool oom;
} sbuf;

void sb_putn(sbuf *b, const char *s, size_t n);
void sb_puts(sbuf *b, const char *s);
void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s as a JSON string, quotes included. */
void sb_json(sbuf *b, const char *s, size_t n);
void sb_free(sbuf *b);

/* Message builders; each returns a new object (free with json_object_put)
 * and takes ownership of params/result (which may be NULL). id is
 * borrowed and copied. */
json_object *rpc_response(json_object *id, json_object *result);
json_object *rpc_error(json_object *id, int code, const char *message);
json_object *rpc_notification(const char *method, json_object *params);
json_object *rpc_request(int64_t id, const char *method, json_object *params);

/* Typed member access: NULL (or false) when absent or of another type. */
json_object *jobj(json_object *o, const char *key);
json_object *jarr(json_object *o, const char *key);
const char *jstr(json_object *o, const char *key, size_t *len);
bool jint(json_object *o, const char *key, int64_t *out);
bool jbool(json_object *o, const char *key);
/* o[k1][k2]... as an object, NULL-terminated key list. */
json_object *jpath(json_object *o, ...);

/* ---- lsp_text.c ---- */

typedef enum pos_encoding { ENC_UTF16, ENC_UTF8 } pos_encoding;

/* An immutable document text shared by the protocol thread and the lint
 * workers (reference counted). lines[i] is the byte offset where line i
 * starts; "\n", "\r\n" and "\r" end lines, as LSP says. */
typedef struct text {
    int refs;
    char *data; /* NUL-terminated */
    size_t len;
    uint32_t *lines;
    size_t nlines;
} text;

/* NULL on OOM. The data is copied. */
text *text_new(const char *data, size_t len);
text *text_ref(text *t);
void text_unref(text *t);

typedef struct lsp_pos {
    uint32_t line;
    uint32_t character;
} lsp_pos;

/* The byte offset of an LSP position: lines past the end clamp to the end
 * of the text, characters past the end of a line to the line's end (before
 * its line break), a character inside a UTF-16 surrogate pair or a UTF-8
 * sequence to the start of that character. */
size_t text_offset(const text *t, lsp_pos p, pos_encoding enc);
/* The LSP position of a byte offset (clamped to the text). */
lsp_pos text_position(const text *t, size_t offset, pos_encoding enc);

/* Replaces the range [start, end) of t (LSP positions) with ins; a new text,
 * NULL on OOM. A range whose end precedes its start is empty at start. */
text *text_edit(const text *t, lsp_pos start, lsp_pos end, const char *ins, size_t inslen,
                pos_encoding enc);

/* A file: URI as a path (malloc'd), or NULL for other schemes and
 * malformed URIs. */
char *uri_to_path(const char *uri);
/* The file: URI of an absolute path (malloc'd). */
char *path_to_uri(const char *path);
/* Lexically normalised absolute path ("/a/./b/../c" -> "/a/c"), as
 * libadrlint names files; malloc'd. */
char *path_normalize(const char *path);

/* Whether the text is an OpenAPI (or Swagger) document: a top-level
 * "openapi" or "swagger" key, found without parsing the whole document. */
bool text_is_openapi(const char *data, size_t len);

/* ---- lsp_server.c ---- */

typedef struct server server;

typedef struct server_options {
    int debounce_ms;
    int jobs;
    bool allow_plugins; /* configurations may load plugins (--allow-plugins) */
} server_options;

/* One published diagnostic, kept for hover and code actions. */
typedef struct pdiag {
    char *code;
    char *path;
    lsp_pos start, end;
} pdiag;

server *server_new(const server_options *opts);
/* Stops the workers and frees everything. */
void server_free(server *s);

/* Client facts from initialize. */
void server_set_encoding(server *s, pos_encoding enc);
pos_encoding server_encoding(server *s);
/* The profile used where no .adrlint.yaml applies (NULL: adr-2.0). */
void server_set_profile(server *s, const char *profile);

/* Document events (protocol thread). */
void server_open(server *s, const char *uri, const char *language, int64_t version,
                 const char *data, size_t len);
/* Applies one didChange: changes is the contentChanges array. Returns false
 * when the document is not open or a change is malformed. */
bool server_change(server *s, const char *uri, int64_t version, json_object *changes);
void server_save(server *s, const char *uri);
void server_close(server *s, const char *uri);
/* A file changed on disk (workspace/didChangeWatchedFiles). */
void server_file_changed(server *s, const char *uri);
/* Drops every cached linter and lints the open documents again. */
void server_reload(server *s);

/* Requests that need a document's current diagnostics wait while its lint
 * is pending. Returns true when the request was queued (the server answers
 * it later), false when the caller should answer now. req is borrowed. */
bool server_defer(server *s, const char *uri, json_object *req);
/* $/cancelRequest: answers a queued request with RequestCancelled. */
void server_cancel(server *s, json_object *id);
/* Who answers queued requests once their document is linted (any thread;
 * called without the server lock). */
void server_set_deferred_handler(server *s, void (*fn)(void *ud, json_object *req), void *ud);

/* The current state of a document, for requests. Fills *out with its text
 * (a new reference; text_unref it) and version; false when not open. */
bool server_text(server *s, const char *uri, text **out, int64_t *version);
/* Calls fn for each published diagnostic of uri that is current for the
 * document's text, with the linter that produced it (for rule details),
 * under the server lock: fn must not call back into the server. */
void server_each_diag(server *s, const char *uri,
                      void (*fn)(void *ud, const pdiag *d, const adr_linter *l), void *ud);
/* Calls fn with a linter for uri's configuration (the one its last lint
 * used, or any), under the server lock; NULL when none was created yet. */
void server_with_linter(server *s, const char *uri, void (*fn)(void *ud, const adr_linter *l),
                        void *ud);

/* ---- lsp_features.c ---- */

typedef struct client_caps {
    bool hover_markdown;
    bool show_document;
    bool document_changes;
    bool watch_dynamic;
    bool config_dynamic;
} client_caps;

/* Answers of the protocol thread. Each sets *err to 0 and returns the
 * result (a new object; NULL is JSON null), or sets *err to an error code. */
json_object *feature_hover(server *s, const client_caps *c, json_object *params, int *err);
json_object *feature_code_action(server *s, const client_caps *c, json_object *params, int *err);
json_object *feature_execute(server *s, const client_caps *c, json_object *params, int *err);

#define CMD_OPEN_DOCS "adrlint.openDocumentation"

/* Requests the server sends get ids from here (any thread). */
int64_t server_next_request_id(void);

#endif
