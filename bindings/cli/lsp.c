/* adrlint lsp: the command, the read loop and message dispatch.
 *
 * Everything here runs on the protocol thread: it reads a message, updates
 * the server's state or answers a request, and reads the next. Linting runs
 * on the server's workers, so a slow document never delays reading. */
#include "cli.h"
#include "lsp.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_DEBOUNCE_MS 150
#define JSON_DEPTH          64

typedef enum phase { PHASE_NEW, PHASE_RUNNING, PHASE_SHUTDOWN } phase;

typedef struct session {
    server *srv;
    client_caps caps;
    phase phase;
    bool exit_seen;
} session;

static void send_and_free(json_object *m)
{
    rpc_send(m);
    json_object_put(m);
}

static void reply(json_object *id, json_object *result)
{
    send_and_free(rpc_response(id, result));
}

static void reply_error(json_object *id, int code, const char *msg)
{
    send_and_free(rpc_error(id, code, msg));
}

static bool has_string(json_object *arr, const char *s)
{
    if (!arr || !json_object_is_type(arr, json_type_array)) return false;
    for (size_t i = 0; i < json_object_array_length(arr); i++) {
        json_object *v = json_object_array_get_idx(arr, i);
        if (json_object_is_type(v, json_type_string) && strcmp(json_object_get_string(v), s) == 0)
            return true;
    }
    return false;
}

static const char *setting_profile(json_object *settings)
{
    json_object *a = jobj(settings, "adrlint");
    const char *p = jstr(a ? a : settings, "profile", NULL);
    return p;
}

static json_object *initialize(session *S, json_object *params)
{
    json_object *caps = jobj(params, "capabilities");
    json_object *general = jobj(caps, "general");
    json_object *encs = jarr(general, "positionEncodings");
    /* UTF-8 is what libadrlint counts in; UTF-16 is the protocol's default
     * and what every client supports. */
    pos_encoding enc = has_string(encs, "utf-8") ? ENC_UTF8 : ENC_UTF16;
    server_set_encoding(S->srv, enc);
    json_object *formats = jarr(jpath(caps, "textDocument", "hover", NULL), "contentFormat");
    S->caps.hover_markdown = !formats || has_string(formats, "markdown");
    S->caps.show_document = jbool(jpath(caps, "window", "showDocument", NULL), "support");
    S->caps.document_changes =
        jbool(jpath(caps, "workspace", "workspaceEdit", NULL), "documentChanges");
    S->caps.watch_dynamic =
        jbool(jpath(caps, "workspace", "didChangeWatchedFiles", NULL), "dynamicRegistration");
    S->caps.config_dynamic =
        jbool(jpath(caps, "workspace", "didChangeConfiguration", NULL), "dynamicRegistration");
    const char *profile = setting_profile(jobj(params, "initializationOptions"));
    if (profile) server_set_profile(S->srv, profile);

    json_object *sync = json_object_new_object();
    json_object_object_add(sync, "openClose", json_object_new_boolean(1));
    json_object_object_add(sync, "change", json_object_new_int(2)); /* incremental */
    json_object *save = json_object_new_object();
    json_object_object_add(save, "includeText", json_object_new_boolean(0));
    json_object_object_add(sync, "save", save);

    json_object *ca = json_object_new_object(), *kinds = json_object_new_array();
    json_object_array_add(kinds, json_object_new_string("quickfix"));
    json_object_object_add(ca, "codeActionKinds", kinds);
    json_object_object_add(ca, "resolveProvider", json_object_new_boolean(0));

    json_object *ex = json_object_new_object(), *cmds = json_object_new_array();
    json_object_array_add(cmds, json_object_new_string(CMD_OPEN_DOCS));
    json_object_object_add(ex, "commands", cmds);

    json_object *sc = json_object_new_object();
    json_object_object_add(sc, "positionEncoding",
                           json_object_new_string(enc == ENC_UTF8 ? "utf-8" : "utf-16"));
    json_object_object_add(sc, "textDocumentSync", sync);
    json_object_object_add(sc, "hoverProvider", json_object_new_boolean(1));
    json_object_object_add(sc, "codeActionProvider", ca);
    json_object_object_add(sc, "executeCommandProvider", ex);

    json_object *info = json_object_new_object();
    json_object_object_add(info, "name", json_object_new_string("adrlint"));
    json_object_object_add(info, "version", json_object_new_string(adr_version()));
    json_object *res = json_object_new_object();
    json_object_object_add(res, "capabilities", sc);
    json_object_object_add(res, "serverInfo", info);
    return res;
}

static json_object *watcher(const char *glob)
{
    json_object *w = json_object_new_object();
    json_object_object_add(w, "globPattern", json_object_new_string(glob));
    return w;
}

/* After initialized: ask the client to watch configurations and the YAML and
 * JSON files $refs may reach, and to send configuration changes. */
static void register_capabilities(session *S)
{
    json_object *regs = json_object_new_array();
    if (S->caps.watch_dynamic) {
        json_object *ws = json_object_new_array();
        json_object_array_add(ws, watcher("**/.adrlint.yaml"));
        json_object_array_add(ws, watcher("**/.adrlint.yml"));
        json_object_array_add(ws, watcher("**/*.{yaml,yml,json}"));
        json_object *opts = json_object_new_object();
        json_object_object_add(opts, "watchers", ws);
        json_object *r = json_object_new_object();
        json_object_object_add(r, "id", json_object_new_string("adrlint-watched-files"));
        json_object_object_add(r, "method",
                               json_object_new_string("workspace/didChangeWatchedFiles"));
        json_object_object_add(r, "registerOptions", opts);
        json_object_array_add(regs, r);
    }
    if (S->caps.config_dynamic) {
        json_object *r = json_object_new_object();
        json_object_object_add(r, "id", json_object_new_string("adrlint-configuration"));
        json_object_object_add(r, "method",
                               json_object_new_string("workspace/didChangeConfiguration"));
        json_object_array_add(regs, r);
    }
    if (json_object_array_length(regs) == 0) {
        json_object_put(regs);
        return;
    }
    json_object *p = json_object_new_object();
    json_object_object_add(p, "registrations", regs);
    send_and_free(rpc_request(server_next_request_id(), "client/registerCapability", p));
}

/* The hover of a request that waited for its document's lint (a worker
 * thread calls this). */
static void answer_deferred(void *ud, json_object *req)
{
    session *S = ud;
    json_object *id = NULL;
    json_object_object_get_ex(req, "id", &id);
    int err;
    json_object *res = feature_hover(S->srv, &S->caps, jobj(req, "params"), &err);
    if (err)
        reply_error(id, err, "invalid hover parameters");
    else
        reply(id, res);
}

static void on_request(session *S, json_object *msg, json_object *id, const char *method,
                       json_object *params)
{
    if (strcmp(method, "initialize") == 0) {
        if (S->phase != PHASE_NEW) {
            reply_error(id, RPC_INVALID_REQUEST, "initialize was sent already");
            return;
        }
        S->phase = PHASE_RUNNING;
        reply(id, initialize(S, params));
        return;
    }
    if (S->phase == PHASE_NEW) {
        reply_error(id, LSP_SERVER_NOT_INITIALIZED, "the server is not initialized");
        return;
    }
    if (S->phase == PHASE_SHUTDOWN) {
        reply_error(id, RPC_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    if (strcmp(method, "shutdown") == 0) {
        S->phase = PHASE_SHUTDOWN;
        reply(id, NULL);
        return;
    }
    json_object *(*fn)(server *, const client_caps *, json_object *, int *) = NULL;
    if (strcmp(method, "textDocument/hover") == 0)
        fn = feature_hover;
    else if (strcmp(method, "textDocument/codeAction") == 0)
        fn = feature_code_action;
    else if (strcmp(method, "workspace/executeCommand") == 0)
        fn = feature_execute;
    if (!fn) {
        char m[256];
        snprintf(m, sizeof m, "unknown method %.200s", method);
        reply_error(id, RPC_METHOD_NOT_FOUND, m);
        return;
    }
    /* A hover right after typing waits for the lint of the new text, so it
     * describes the findings the user is about to see. */
    if (fn == feature_hover) {
        const char *uri = jstr(jobj(params, "textDocument"), "uri", NULL);
        if (uri && server_defer(S->srv, uri, msg)) return;
    }
    int err;
    json_object *res = fn(S->srv, &S->caps, params, &err);
    if (err)
        reply_error(id, err, "invalid parameters");
    else
        reply(id, res);
}

static void on_notification(session *S, const char *method, json_object *params)
{
    if (strcmp(method, "exit") == 0) {
        S->exit_seen = true;
        return;
    }
    /* Before initialize and after shutdown notifications are dropped. */
    if (S->phase != PHASE_RUNNING) return;
    json_object *td = jobj(params, "textDocument");
    const char *uri = jstr(td, "uri", NULL);
    int64_t version = 0;
    if (strcmp(method, "initialized") == 0) {
        register_capabilities(S);
    } else if (strcmp(method, "textDocument/didOpen") == 0) {
        size_t len;
        const char *data = jstr(td, "text", &len);
        if (!uri || !data || !jint(td, "version", &version)) {
            rpc_log(2, "adrlint: ignored a didOpen without uri, version or text");
            return;
        }
        server_open(S->srv, uri, jstr(td, "languageId", NULL), version, data, len);
    } else if (strcmp(method, "textDocument/didChange") == 0) {
        json_object *changes = jarr(params, "contentChanges");
        if (!uri || !changes || !jint(td, "version", &version) ||
            !server_change(S->srv, uri, version, changes))
            rpc_log(2, "adrlint: ignored a didChange that is malformed or for a closed document");
    } else if (strcmp(method, "textDocument/didSave") == 0) {
        if (uri) server_save(S->srv, uri);
    } else if (strcmp(method, "textDocument/didClose") == 0) {
        if (uri) server_close(S->srv, uri);
    } else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0) {
        json_object *changes = jarr(params, "changes");
        for (size_t i = 0; changes && i < json_object_array_length(changes); i++) {
            const char *u = jstr(json_object_array_get_idx(changes, i), "uri", NULL);
            if (u) server_file_changed(S->srv, u);
        }
    } else if (strcmp(method, "workspace/didChangeConfiguration") == 0) {
        const char *profile = setting_profile(jobj(params, "settings"));
        if (profile) server_set_profile(S->srv, profile);
        server_reload(S->srv);
    } else if (strcmp(method, "$/cancelRequest") == 0) {
        json_object *id;
        if (params && json_object_object_get_ex(params, "id", &id)) server_cancel(S->srv, id);
    }
    /* Anything else ($/setTrace, $/progress, ...) is ignored, as the
     * protocol asks of notifications a server does not know. */
}

static void on_message(session *S, const char *body, size_t len)
{
    json_tokener *tok = json_tokener_new_ex(JSON_DEPTH);
    if (!tok) return;
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    json_object *msg = json_tokener_parse_ex(tok, body, (int)len);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    size_t end = json_tokener_get_parse_end(tok);
    if (jerr == json_tokener_continue) {
        /* A bare number at the end of the input is complete only once the
         * tokener sees the terminating NUL; anything else is truncated. */
        msg = json_tokener_parse_ex(tok, "", 1);
        jerr = json_tokener_get_error(tok);
        end = len;
    }
    json_tokener_free(tok);
    /* Whitespace may follow the value; anything else is a broken message. */
    while (end < len &&
           (body[end] == ' ' || body[end] == '\t' || body[end] == '\r' || body[end] == '\n'))
        end++;
    if (jerr != json_tokener_success || end != len) {
        json_object_put(msg);
        char m[256];
        snprintf(m, sizeof m, "invalid JSON: %s",
                 jerr != json_tokener_success ? json_tokener_error_desc(jerr)
                                              : "text after the message");
        reply_error(NULL, RPC_PARSE_ERROR, m);
        return;
    }
    if (!json_object_is_type(msg, json_type_object)) {
        /* Batches included: LSP does not use them. */
        json_object_put(msg);
        reply_error(NULL, RPC_INVALID_REQUEST, "a message must be a JSON object");
        return;
    }
    json_object *id = NULL, *mv = NULL, *params = NULL;
    bool has_id = json_object_object_get_ex(msg, "id", &id);
    const char *version = jstr(msg, "jsonrpc", NULL);
    bool id_ok = !has_id || json_object_is_type(id, json_type_int) ||
                 json_object_is_type(id, json_type_string);
    if (!version || strcmp(version, "2.0") != 0 || !id_ok) {
        reply_error(id_ok ? id : NULL, RPC_INVALID_REQUEST,
                    !id_ok ? "id must be an integer or a string" : "jsonrpc must be \"2.0\"");
        json_object_put(msg);
        return;
    }
    if (!json_object_object_get_ex(msg, "method", &mv)) {
        /* A response to one of our requests (registerCapability,
         * showDocument): nothing waits for it. */
        bool response = has_id && (json_object_object_get_ex(msg, "result", NULL) ||
                                   json_object_object_get_ex(msg, "error", NULL));
        if (!response) reply_error(id, RPC_INVALID_REQUEST, "a message needs a method");
        json_object_put(msg);
        return;
    }
    bool has_params = json_object_object_get_ex(msg, "params", &params);
    bool params_ok = !has_params || json_object_is_type(params, json_type_object) ||
                     json_object_is_type(params, json_type_array);
    if (!json_object_is_type(mv, json_type_string) || !params_ok) {
        /* Not a valid notification either: JSON-RPC answers with id null. */
        reply_error(id, RPC_INVALID_REQUEST,
                    !params_ok ? "params must be an object or an array"
                               : "method must be a string");
        json_object_put(msg);
        return;
    }
    const char *method = json_object_get_string(mv);
    if (has_id)
        on_request(S, msg, id, method, params);
    else
        on_notification(S, method, params);
    json_object_put(msg);
}

static int arg_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi) return -1;
    *out = (int)v;
    return 0;
}

int cmd_lsp(int argc, char **argv)
{
    server_options so = {DEFAULT_DEBOUNCE_MS, 2, false};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(cli_help_lsp, stdout);
            return EXIT_CLEAN;
        } else if (strcmp(a, "--stdio") == 0) {
            continue;
        } else if (strcmp(a, "--allow-plugins") == 0) {
            so.allow_plugins = true;
        } else if (strncmp(a, "--debounce", 10) == 0 || strncmp(a, "--jobs", 6) == 0) {
            bool deb = a[2] == 'd';
            size_t n = deb ? 10 : 6;
            if (a[n] == '=')
                v = a + n + 1;
            else if (a[n] == 0 && i + 1 < argc)
                v = argv[++i];
            int *dst = deb ? &so.debounce_ms : &so.jobs;
            if (a[n] != '=' && a[n] != 0) v = NULL;
            if (!v || arg_int(v, deb ? 0 : 1, deb ? 60000 : 2, dst) != 0) {
                cli_error("%s takes %s", deb ? "--debounce" : "--jobs",
                          deb ? "milliseconds (0 to 60000)" : "1 or 2");
                return EXIT_TROUBLE;
            }
        } else {
            cli_error("unknown option '%s'", a);
            fputs("Run 'adrlint lsp --help' for usage.\n", stderr);
            return EXIT_TROUBLE;
        }
    }
    if (so.jobs > 1 && sysconf(_SC_NPROCESSORS_ONLN) < 2) so.jobs = 1;
    /* A client that goes away must not kill the server mid-write. */
    signal(SIGPIPE, SIG_IGN);
    rpc_writer_init(1);
    rpc_reader *rd = rpc_reader_new(0);
    session S = {0};
    S.srv = server_new(&so);
    if (!rd || !S.srv) {
        cli_error("out of memory");
        rpc_reader_free(rd);
        server_free(S.srv);
        return EXIT_TROUBLE;
    }
    server_set_deferred_handler(S.srv, answer_deferred, &S);
    while (!S.exit_seen && !rpc_output_gone()) {
        char *body;
        size_t len;
        rpc_read_status st = rpc_read(rd, &body, &len);
        if (st == RPC_EOF) break;
        if (st == RPC_BAD_HEADER) {
            reply_error(NULL, RPC_PARSE_ERROR, "a header without a valid Content-Length");
        } else if (st == RPC_TOO_LARGE) {
            char m[128];
            snprintf(m, sizeof m, "a message of %zu bytes is over the limit of %u", len,
                     RPC_MAX_BODY);
            reply_error(NULL, RPC_INVALID_REQUEST, m);
        } else {
            on_message(&S, body, len);
        }
    }
    server_free(S.srv);
    rpc_reader_free(rd);
    /* 0 only after an orderly shutdown, as LSP's exit notification says. */
    return S.phase == PHASE_SHUTDOWN ? EXIT_CLEAN : 1;
}
