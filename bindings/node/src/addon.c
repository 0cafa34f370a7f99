/*
 * adrlint.node - the Node-API addon over libadrlint's public ABI.
 *
 * Node-API version 8 only (Node >= 18 on every major since), so one build
 * loads in any later Node. The napi_* symbols stay undefined here and are
 * resolved from the node executable when it loads the addon.
 *
 * Everything runs on the JS thread except the lint call of an async lint,
 * which runs on libuv's thread pool (napi_create_async_work). That is safe
 * because an adr_linter may be used by many threads at once; an adr_result
 * is created on a pool thread and from then on used only on the JS thread.
 */
/* Node-API 8: Node 18 and later, whatever their major. */
#define NAPI_VERSION 8
#include <node_api.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adrlint/adrlint.h"

/* Sets *status and returns NULL (or false) from the calling function when a
 * Node-API call fails; a pending JS exception is left to propagate. */
#define CHECK(call)                     \
    do {                                \
        if ((call) != napi_ok) {        \
            throw_last_napi_error(env); \
            return NULL;                \
        }                               \
    } while (0)

#define CHECK_B(call)                   \
    do {                                \
        if ((call) != napi_ok) {        \
            throw_last_napi_error(env); \
            return false;               \
        }                               \
    } while (0)

/* Tags the handle objects that own an adr_result, so format() never takes a
 * foreign object for one. */
static const napi_type_tag RESULT_TAG = {0x6164726c696e745fULL, 0x726573756c740001ULL};

/* Per-environment state (worker threads each load the addon anew). */
typedef struct addon_state {
    napi_ref handle_symbol; /* the hidden key linking findings to their result */
} addon_state;

/* A linter shared by its JS object and the async lints in flight. Counters
 * change on the JS thread only. */
typedef struct linter_ref {
    adr_linter *linter; /* NULL once closed and idle */
    unsigned busy;      /* async lints in flight */
    bool closed;
    bool js_alive; /* the JS object has not been collected */
} linter_ref;

typedef struct result_box {
    adr_result *result;
    int64_t bytes; /* reported to V8 so it collects results in time */
} result_box;

static void throw_last_napi_error(napi_env env)
{
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) return;
    const napi_extended_error_info *info = NULL;
    napi_get_last_error_info(env, &info);
    napi_throw_error(env, "ERR_ADRLINT_NAPI",
                     info && info->error_message ? info->error_message : "Node-API call failed");
}

static const char *status_code(int status)
{
    switch (status) {
    case ADR_ENOMEM: return "ADR_ENOMEM";
    case ADR_EINVAL: return "ADR_EINVAL";
    case ADR_EIO: return "ADR_EIO";
    case ADR_ECONFIG: return "ADR_ECONFIG";
    case ADR_EPLUGIN: return "ADR_EPLUGIN";
    case ADR_ENOTFOUND: return "ADR_ENOTFOUND";
    case ADR_EVERSION: return "ADR_EVERSION";
    case ADR_ELIMIT: return "ADR_ELIMIT";
    default: return "ADR_ERROR";
    }
}

/* A JS Error for a library failure: the library's message, code "ADR_EIO"
 * and so on, and the numeric status. */
static napi_value make_error(napi_env env, int status, const char *message)
{
    napi_value code, msg, err, num;
    CHECK(napi_create_string_utf8(env, status_code(status), NAPI_AUTO_LENGTH, &code));
    CHECK(napi_create_string_utf8(env, message && *message ? message : adr_strerror(status),
                                  NAPI_AUTO_LENGTH, &msg));
    CHECK(napi_create_error(env, code, msg, &err));
    CHECK(napi_create_int32(env, status, &num));
    CHECK(napi_set_named_property(env, err, "status", num));
    return err;
}

static void throw_adr(napi_env env, int status)
{
    napi_value err = make_error(env, status, adr_last_error());
    if (err) napi_throw(env, err);
}

/* ---------------------------------------------------------------------------
 * Converting values
 * ------------------------------------------------------------------------- */

static napi_value str(napi_env env, const char *s)
{
    napi_value v;
    CHECK(napi_create_string_utf8(env, s ? s : "", NAPI_AUTO_LENGTH, &v));
    return v;
}

/* A string, or null for "" (the ABI's "none"). */
static napi_value str_or_null(napi_env env, const char *s)
{
    napi_value v;
    if (!s || !*s) {
        CHECK(napi_get_null(env, &v));
        return v;
    }
    return str(env, s);
}

static bool set_str(napi_env env, napi_value obj, const char *name, napi_value v)
{
    if (!v) return false;
    CHECK_B(napi_set_named_property(env, obj, name, v));
    return true;
}

static bool set_int(napi_env env, napi_value obj, const char *name, int64_t n)
{
    napi_value v;
    CHECK_B(napi_create_int64(env, n, &v));
    CHECK_B(napi_set_named_property(env, obj, name, v));
    return true;
}

/* A JSON pointer split into its keys, decoded as RFC 6901 says. */
static napi_value pointer_keys(napi_env env, const char *pointer)
{
    napi_value arr;
    CHECK(napi_create_array(env, &arr));
    size_t len = strlen(pointer);
    char *key = malloc(len + 1);
    if (!key) {
        napi_throw_error(env, "ADR_ENOMEM", "out of memory");
        return NULL;
    }
    uint32_t n = 0;
    const char *p = pointer;
    while (*p == '/') {
        size_t k = 0;
        for (p++; *p && *p != '/'; p++) {
            if (p[0] == '~' && (p[1] == '0' || p[1] == '1')) {
                key[k++] = p[1] == '0' ? '~' : '/';
                p++;
            } else {
                key[k++] = *p;
            }
        }
        napi_value v;
        if (napi_create_string_utf8(env, key, k, &v) != napi_ok ||
            napi_set_element(env, arr, n++, v) != napi_ok) {
            free(key);
            throw_last_napi_error(env);
            return NULL;
        }
    }
    free(key);
    return arr;
}

/* {line, character}: 0-based, character in UTF-16 code units (LSP, Spectral). */
static napi_value position(napi_env env, const adr_position *p)
{
    napi_value obj;
    CHECK(napi_create_object(env, &obj));
    if (!set_int(env, obj, "line", p->line) || !set_int(env, obj, "character", p->column_utf16))
        return NULL;
    return obj;
}

static napi_value diagnostic(napi_env env, const adr_diagnostic *d)
{
    napi_value obj, range, start, end;
    CHECK(napi_create_object(env, &obj));
    if (!set_str(env, obj, "code", str(env, d->code)) ||
        !set_str(env, obj, "adrRule", str_or_null(env, d->rule_id)) ||
        !set_int(env, obj, "severity", d->severity) ||
        !set_str(env, obj, "severityName", str(env, adr_severity_name(d->severity))) ||
        !set_str(env, obj, "message", str(env, d->message)) ||
        !set_str(env, obj, "path", pointer_keys(env, d->path)))
        return NULL;
    CHECK(napi_create_object(env, &range));
    if (!(start = position(env, &d->range.start)) || !(end = position(env, &d->range.end)))
        return NULL;
    CHECK(napi_set_named_property(env, range, "start", start));
    CHECK(napi_set_named_property(env, range, "end", end));
    CHECK(napi_set_named_property(env, obj, "range", range));
    if (!set_str(env, obj, "source", str(env, d->source)) ||
        !set_str(env, obj, "docUrl", str_or_null(env, d->doc_url)))
        return NULL;
    return obj;
}

static void finalize_result(napi_env env, void *data, void *hint)
{
    (void)hint;
    result_box *box = data;
    int64_t ignored;
    napi_adjust_external_memory(env, -box->bytes, &ignored);
    adr_result_free(box->result);
    free(box);
}

/*
 * The findings of a result as an Array of plain objects. The array and each
 * finding carry, under a hidden symbol, a frozen handle object that owns the
 * adr_result (freed when the last of them is collected), so that format()
 * can hand the result to adr_result_write. Takes ownership of result.
 */
static napi_value result_value(napi_env env, adr_result *result)
{
    addon_state *st;
    napi_value symbol, handle, arr;
    if (napi_get_instance_data(env, (void **)&st) != napi_ok ||
        napi_get_reference_value(env, st->handle_symbol, &symbol) != napi_ok ||
        napi_create_object(env, &handle) != napi_ok) {
        adr_result_free(result);
        throw_last_napi_error(env);
        return NULL;
    }
    size_t count = adr_result_count(result);
    result_box *box = malloc(sizeof *box);
    if (!box) {
        adr_result_free(result);
        napi_throw_error(env, "ADR_ENOMEM", "out of memory");
        return NULL;
    }
    /* The ABI does not tell a result's size; this is its order of magnitude. */
    box->result = result;
    box->bytes = 16384 + (int64_t)count * 512;
    if (napi_wrap(env, handle, box, finalize_result, NULL, NULL) != napi_ok) {
        adr_result_free(result);
        free(box);
        throw_last_napi_error(env);
        return NULL;
    }
    int64_t ignored;
    CHECK(napi_adjust_external_memory(env, box->bytes, &ignored));
    CHECK(napi_type_tag_object(env, handle, &RESULT_TAG));
    if (!set_str(env, handle, "source", str(env, adr_result_source(result))) ||
        !set_int(env, handle, "count", (int64_t)count))
        return NULL;
    CHECK(napi_object_freeze(env, handle));

    napi_property_descriptor hidden = {NULL, symbol, NULL, NULL, NULL, handle, napi_default, NULL};
    CHECK(napi_create_array_with_length(env, count, &arr));
    for (size_t i = 0; i < count; i++) {
        napi_value d = diagnostic(env, adr_result_get(result, i));
        if (!d) return NULL;
        CHECK(napi_define_properties(env, d, 1, &hidden));
        CHECK(napi_set_element(env, arr, (uint32_t)i, d));
    }
    CHECK(napi_define_properties(env, arr, 1, &hidden));
    return arr;
}

static napi_value rule_value(napi_env env, const adr_rule_info *r)
{
    napi_value obj, aliases;
    CHECK(napi_create_object(env, &obj));
    if (!set_str(env, obj, "code", str(env, r->code)) ||
        !set_str(env, obj, "adrRule", str_or_null(env, r->rule_id)) ||
        !set_str(env, obj, "title", str(env, r->title)) ||
        !set_str(env, obj, "rationale", str(env, r->rationale)) ||
        !set_str(env, obj, "docUrl", str_or_null(env, r->doc_url)) ||
        !set_str(env, obj, "plugin", str(env, r->plugin)) ||
        !set_int(env, obj, "defaultSeverity", r->default_severity) ||
        !set_int(env, obj, "severity", r->severity) ||
        !set_str(env, obj, "severityName", str(env, adr_severity_name(r->severity))))
        return NULL;
    CHECK(napi_create_array(env, &aliases));
    uint32_t n = 0;
    for (const char *a = r->aliases; a && *a;) {
        while (*a == ' ')
            a++;
        const char *e = a;
        while (*e && *e != ' ')
            e++;
        if (e > a) {
            napi_value v;
            CHECK(napi_create_string_utf8(env, a, (size_t)(e - a), &v));
            CHECK(napi_set_element(env, aliases, n++, v));
        }
        a = e;
    }
    CHECK(napi_set_named_property(env, obj, "aliases", aliases));
    return obj;
}

/* ---------------------------------------------------------------------------
 * Reading arguments
 * ------------------------------------------------------------------------- */

static bool type_error(napi_env env, const char *msg)
{
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", msg);
    return false;
}

/* A JS string as a malloc'd NUL-terminated UTF-8 string (free with free()). */
static bool get_string(napi_env env, napi_value v, const char *what, char **out, size_t *len)
{
    napi_valuetype t;
    CHECK_B(napi_typeof(env, v, &t));
    if (t != napi_string) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s must be a string", what);
        return type_error(env, msg);
    }
    size_t n;
    CHECK_B(napi_get_value_string_utf8(env, v, NULL, 0, &n));
    char *s = malloc(n + 1);
    if (!s) {
        napi_throw_error(env, "ADR_ENOMEM", "out of memory");
        return false;
    }
    if (napi_get_value_string_utf8(env, v, s, n + 1, &n) != napi_ok) {
        free(s);
        throw_last_napi_error(env);
        return false;
    }
    *out = s;
    if (len) *len = n;
    return true;
}

/* A document's bytes from a string, Buffer or other typed array, copied:
 * an async lint must not read JS memory from the pool thread. */
static bool get_bytes(napi_env env, napi_value v, char **out, size_t *len)
{
    bool is_typed = false;
    CHECK_B(napi_is_typedarray(env, v, &is_typed));
    if (!is_typed) return get_string(env, v, "the document text", out, len);
    napi_typedarray_type type;
    size_t count, offset;
    void *data;
    napi_value buf;
    CHECK_B(napi_get_typedarray_info(env, v, &type, &count, &data, &buf, &offset));
    if (type != napi_uint8_array && type != napi_int8_array && type != napi_uint8_clamped_array)
        return type_error(env, "the document text must be a string, Buffer or Uint8Array");
    char *copy = malloc(count ? count : 1);
    if (!copy) {
        napi_throw_error(env, "ADR_ENOMEM", "out of memory");
        return false;
    }
    if (count) memcpy(copy, data, count);
    *out = copy;
    *len = count;
    return true;
}

/* options[name] when it is present and not undefined/null. */
static bool get_option(napi_env env, napi_value options, const char *name, napi_value *out)
{
    *out = NULL;
    if (!options) return true;
    bool has;
    CHECK_B(napi_has_named_property(env, options, name, &has));
    if (!has) return true;
    napi_value v;
    napi_valuetype t;
    CHECK_B(napi_get_named_property(env, options, name, &v));
    CHECK_B(napi_typeof(env, v, &t));
    if (t != napi_undefined && t != napi_null) *out = v;
    return true;
}

static bool option_string(napi_env env, napi_value options, const char *name, char **out)
{
    napi_value v;
    *out = NULL;
    if (!get_option(env, options, name, &v)) return false;
    if (!v) return true;
    char what[64];
    snprintf(what, sizeof what, "options.%s", name);
    return get_string(env, v, what, out, NULL);
}

static bool option_bool(napi_env env, napi_value options, const char *name, bool *out)
{
    napi_value v;
    if (!get_option(env, options, name, &v)) return false;
    if (!v) return true;
    napi_valuetype t;
    CHECK_B(napi_typeof(env, v, &t));
    if (t != napi_boolean) {
        char msg[96];
        snprintf(msg, sizeof msg, "options.%s must be a boolean", name);
        return type_error(env, msg);
    }
    CHECK_B(napi_get_value_bool(env, v, out));
    return true;
}

static bool option_size(napi_env env, napi_value options, const char *name, size_t *out)
{
    napi_value v;
    if (!get_option(env, options, name, &v)) return false;
    if (!v) return true;
    napi_valuetype t;
    double d;
    CHECK_B(napi_typeof(env, v, &t));
    if (t == napi_number) CHECK_B(napi_get_value_double(env, v, &d));
    if (t != napi_number || !(d >= 0) || d != (double)(int64_t)d || d > 9007199254740991.0) {
        char msg[96];
        snprintf(msg, sizeof msg, "options.%s must be a non-negative integer", name);
        return type_error(env, msg);
    }
    *out = (size_t)d;
    return true;
}

/* ---------------------------------------------------------------------------
 * class Linter
 * ------------------------------------------------------------------------- */

static void linter_ref_maybe_free(linter_ref *lr)
{
    if (lr->closed && lr->busy == 0 && lr->linter) {
        adr_linter_free(lr->linter);
        lr->linter = NULL;
    }
    if (!lr->js_alive && lr->busy == 0) {
        adr_linter_free(lr->linter);
        free(lr);
    }
}

static void finalize_linter(napi_env env, void *data, void *hint)
{
    (void)env;
    (void)hint;
    linter_ref *lr = data;
    lr->js_alive = false;
    linter_ref_maybe_free(lr);
}

typedef struct new_args {
    char *profile, *config, *root_dir;
    char **plugins;
    uint32_t nplugins;
} new_args;

static void new_args_free(new_args *a)
{
    free(a->profile);
    free(a->config);
    free(a->root_dir);
    for (uint32_t i = 0; i < a->nplugins; i++)
        free(a->plugins[i]);
    free(a->plugins);
}

static bool read_options(napi_env env, napi_value options, new_args *a, adr_options *opts)
{
    bool default_plugins = true, allow_plugins = false;
    if (!option_string(env, options, "profile", &a->profile) ||
        !option_string(env, options, "config", &a->config) ||
        !option_string(env, options, "rootDir", &a->root_dir) ||
        !option_bool(env, options, "defaultPlugins", &default_plugins) ||
        !option_bool(env, options, "allowConfigPlugins", &allow_plugins) ||
        !option_size(env, options, "maxFileSize", &opts->max_file_size) ||
        !option_size(env, options, "maxDepth", &opts->max_depth) ||
        !option_size(env, options, "maxNodes", &opts->max_nodes) ||
        !option_size(env, options, "maxRefFiles", &opts->max_ref_files))
        return false;
    napi_value plugins;
    if (!get_option(env, options, "plugins", &plugins)) return false;
    if (plugins) {
        bool is_array;
        CHECK_B(napi_is_array(env, plugins, &is_array));
        if (!is_array) return type_error(env, "options.plugins must be an array of paths");
        uint32_t n;
        CHECK_B(napi_get_array_length(env, plugins, &n));
        a->plugins = calloc(n ? n : 1, sizeof *a->plugins);
        if (!a->plugins) {
            napi_throw_error(env, "ADR_ENOMEM", "out of memory");
            return false;
        }
        for (uint32_t i = 0; i < n; i++) {
            napi_value v;
            CHECK_B(napi_get_element(env, plugins, i, &v));
            if (!get_string(env, v, "options.plugins[i]", &a->plugins[i], NULL)) return false;
            a->nplugins = i + 1;
        }
    }
    opts->profile = a->profile;
    opts->config_path = a->config;
    opts->root_dir = a->root_dir;
    opts->plugin_paths = (const char *const *)a->plugins;
    opts->plugin_path_count = a->nplugins;
    opts->flags = (default_plugins ? 0 : ADR_OPTION_NO_DEFAULT_PLUGINS) |
                  (allow_plugins ? ADR_OPTION_ALLOW_PLUGINS : 0);
    return true;
}

/* new Linter(options?) */
static napi_value linter_new(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1], self, target;
    CHECK(napi_get_cb_info(env, info, &argc, argv, &self, NULL));
    CHECK(napi_get_new_target(env, info, &target));
    if (!target) {
        napi_throw_type_error(env, "ERR_CONSTRUCT_CALL_REQUIRED",
                              "Class constructor Linter cannot be invoked without 'new'");
        return NULL;
    }
    napi_value options = NULL;
    if (argc >= 1) {
        napi_valuetype t;
        CHECK(napi_typeof(env, argv[0], &t));
        if (t == napi_object) {
            options = argv[0];
        } else if (t != napi_undefined && t != napi_null) {
            type_error(env, "the options must be an object");
            return NULL;
        }
    }
    new_args a = {0};
    adr_options opts = ADR_OPTIONS_INIT;
    if (!read_options(env, options, &a, &opts)) {
        new_args_free(&a);
        return NULL;
    }
    adr_linter *linter = NULL;
    int rc = adr_linter_new(&linter, &opts);
    new_args_free(&a);
    if (rc != ADR_OK) {
        throw_adr(env, rc);
        return NULL;
    }
    linter_ref *lr = calloc(1, sizeof *lr);
    if (!lr) {
        adr_linter_free(linter);
        napi_throw_error(env, "ADR_ENOMEM", "out of memory");
        return NULL;
    }
    lr->linter = linter;
    lr->js_alive = true;
    if (napi_wrap(env, self, lr, finalize_linter, NULL, NULL) != napi_ok) {
        adr_linter_free(linter);
        free(lr);
        throw_last_napi_error(env);
        return NULL;
    }
    return self;
}

/* The linter behind `this`, or NULL with a JS exception. */
static linter_ref *this_linter(napi_env env, napi_callback_info info, size_t *argc,
                               napi_value *argv)
{
    napi_value self;
    void *data = NULL;
    if (napi_get_cb_info(env, info, argc, argv, &self, NULL) != napi_ok) {
        throw_last_napi_error(env);
        return NULL;
    }
    if (napi_unwrap(env, self, &data) != napi_ok || !data) {
        type_error(env, "not a Linter");
        return NULL;
    }
    linter_ref *lr = data;
    if (lr->closed) {
        napi_throw_error(env, "ERR_ADRLINT_CLOSED", "this Linter is closed");
        return NULL;
    }
    return lr;
}

/* What one lint needs: a path, or a document's bytes and optional name. */
typedef struct lint_input {
    char *path;
    char *data;
    size_t size;
    char *name;
} lint_input;

static void lint_input_free(lint_input *in)
{
    free(in->path);
    free(in->data);
    free(in->name);
}

static bool read_input(napi_env env, bool text, size_t argc, napi_value *argv, lint_input *in)
{
    memset(in, 0, sizeof *in);
    if (argc < 1)
        return type_error(env, text ? "lintText needs the document text" : "lintFile needs a path");
    if (!text) return get_string(env, argv[0], "the path", &in->path, NULL);
    if (!get_bytes(env, argv[0], &in->data, &in->size)) return false;
    if (argc >= 2) {
        napi_valuetype t;
        CHECK_B(napi_typeof(env, argv[1], &t));
        if (t != napi_undefined && t != napi_null &&
            !get_string(env, argv[1], "the name", &in->name, NULL))
            return false;
    }
    return true;
}

static int run_lint(const adr_linter *linter, const lint_input *in, adr_result **out)
{
    if (in->path) return adr_linter_lint_file(linter, in->path, out);
    return adr_linter_lint_buffer(linter, in->data, in->size, in->name, out);
}

static napi_value lint_sync(napi_env env, napi_callback_info info, bool text)
{
    size_t argc = 2;
    napi_value argv[2];
    linter_ref *lr = this_linter(env, info, &argc, argv);
    if (!lr) return NULL;
    lint_input in;
    if (!read_input(env, text, argc, argv, &in)) {
        lint_input_free(&in);
        return NULL;
    }
    adr_result *result = NULL;
    int rc = run_lint(lr->linter, &in, &result);
    lint_input_free(&in);
    if (rc != ADR_OK) {
        throw_adr(env, rc);
        return NULL;
    }
    return result_value(env, result);
}

/* linter.lintFile(path) */
static napi_value linter_lint_file(napi_env env, napi_callback_info info)
{
    return lint_sync(env, info, false);
}

/* linter.lintText(text, name?) */
static napi_value linter_lint_text(napi_env env, napi_callback_info info)
{
    return lint_sync(env, info, true);
}

typedef struct lint_work {
    napi_async_work work;
    napi_deferred deferred;
    linter_ref *lr;
    lint_input in;
    adr_result *result;
    int rc;
    char *error; /* adr_last_error() is per thread: copied on the pool thread */
} lint_work;

static void lint_execute(napi_env env, void *data)
{
    (void)env;
    lint_work *w = data;
    w->rc = run_lint(w->lr->linter, &w->in, &w->result);
    if (w->rc != ADR_OK) {
        const char *msg = adr_last_error();
        size_t n = strlen(msg);
        w->error = malloc(n + 1);
        if (w->error) memcpy(w->error, msg, n + 1);
    }
}

static void lint_complete(napi_env env, napi_status status, void *data)
{
    lint_work *w = data;
    napi_value value = NULL;
    bool ok = false;
    if (status == napi_ok && w->rc == ADR_OK) {
        value = result_value(env, w->result);
        w->result = NULL; /* owned by the value now, or freed */
        ok = value != NULL;
    } else if (status == napi_ok) {
        value = make_error(env, w->rc, w->error);
    }
    if (!value) {
        /* A conversion failed and threw: reject with that exception. */
        bool pending = false;
        napi_is_exception_pending(env, &pending);
        if (pending) napi_get_and_clear_last_exception(env, &value);
        if (!value) napi_create_string_utf8(env, "async lint failed", NAPI_AUTO_LENGTH, &value);
    }
    if (ok)
        napi_resolve_deferred(env, w->deferred, value);
    else
        napi_reject_deferred(env, w->deferred, value);
    napi_delete_async_work(env, w->work);
    adr_result_free(w->result);
    w->lr->busy--;
    linter_ref_maybe_free(w->lr);
    lint_input_free(&w->in);
    free(w->error);
    free(w);
}

static napi_value lint_async(napi_env env, napi_callback_info info, bool text)
{
    size_t argc = 2;
    napi_value argv[2], promise, name;
    linter_ref *lr = this_linter(env, info, &argc, argv);
    if (!lr) return NULL;
    lint_work *w = calloc(1, sizeof *w);
    if (!w) {
        napi_throw_error(env, "ADR_ENOMEM", "out of memory");
        return NULL;
    }
    if (!read_input(env, text, argc, argv, &w->in)) {
        lint_input_free(&w->in);
        free(w);
        return NULL;
    }
    w->lr = lr;
    if (napi_create_string_utf8(env, "adrlint.lint", NAPI_AUTO_LENGTH, &name) != napi_ok ||
        napi_create_promise(env, &w->deferred, &promise) != napi_ok) {
        lint_input_free(&w->in);
        free(w);
        throw_last_napi_error(env);
        return NULL;
    }
    if (napi_create_async_work(env, NULL, name, lint_execute, lint_complete, w, &w->work) !=
            napi_ok ||
        napi_queue_async_work(env, w->work) != napi_ok) {
        /* The promise is abandoned unresolved; the caller gets the exception. */
        lint_input_free(&w->in);
        free(w);
        throw_last_napi_error(env);
        return NULL;
    }
    lr->busy++;
    return promise;
}

/* linter.lintFileAsync(path) -> Promise */
static napi_value linter_lint_file_async(napi_env env, napi_callback_info info)
{
    return lint_async(env, info, false);
}

/* linter.lintTextAsync(text, name?) -> Promise */
static napi_value linter_lint_text_async(napi_env env, napi_callback_info info)
{
    return lint_async(env, info, true);
}

/* linter.rules() */
static napi_value linter_rules(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    linter_ref *lr = this_linter(env, info, &argc, NULL);
    if (!lr) return NULL;
    size_t n = adr_linter_rule_count(lr->linter);
    napi_value arr;
    CHECK(napi_create_array_with_length(env, n, &arr));
    for (size_t i = 0; i < n; i++) {
        napi_value r = rule_value(env, adr_linter_rule(lr->linter, i));
        if (!r) return NULL;
        CHECK(napi_set_element(env, arr, (uint32_t)i, r));
    }
    return arr;
}

/* linter.rule(code): the rule with this code or alias, or null. */
static napi_value linter_rule(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1], v;
    linter_ref *lr = this_linter(env, info, &argc, argv);
    if (!lr) return NULL;
    char *code;
    if (argc < 1) {
        type_error(env, "rule needs a code");
        return NULL;
    }
    if (!get_string(env, argv[0], "the code", &code, NULL)) return NULL;
    const adr_rule_info *r = adr_linter_rule_find(lr->linter, code);
    free(code);
    if (r) return rule_value(env, r);
    CHECK(napi_get_null(env, &v));
    return v;
}

/* linter.profile */
static napi_value linter_profile(napi_env env, napi_callback_info info)
{
    size_t argc = 0;
    linter_ref *lr = this_linter(env, info, &argc, NULL);
    if (!lr) return NULL;
    return str(env, adr_linter_profile(lr->linter));
}

/* linter.closed */
static napi_value linter_closed(napi_env env, napi_callback_info info)
{
    napi_value self, v;
    void *data = NULL;
    CHECK(napi_get_cb_info(env, info, NULL, NULL, &self, NULL));
    if (napi_unwrap(env, self, &data) != napi_ok || !data) {
        type_error(env, "not a Linter");
        return NULL;
    }
    CHECK(napi_get_boolean(env, ((linter_ref *)data)->closed, &v));
    return v;
}

/* linter.close(): frees the linter now, or when the async lints in flight
 * end. Results stay valid. Idempotent. */
static napi_value linter_close(napi_env env, napi_callback_info info)
{
    napi_value self, undefined;
    void *data = NULL;
    CHECK(napi_get_cb_info(env, info, NULL, NULL, &self, NULL));
    if (napi_unwrap(env, self, &data) != napi_ok || !data) {
        type_error(env, "not a Linter");
        return NULL;
    }
    linter_ref *lr = data;
    lr->closed = true;
    linter_ref_maybe_free(lr);
    CHECK(napi_get_undefined(env, &undefined));
    return undefined;
}

/* ---------------------------------------------------------------------------
 * Module functions
 * ------------------------------------------------------------------------- */

/* format(handles, format, failSeverity, color): handles are the hidden
 * result objects, in output order. */
static napi_value format_results(napi_env env, napi_callback_info info)
{
    size_t argc = 4;
    napi_value argv[4];
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    bool is_array = false;
    if (argc < 4 || napi_is_array(env, argv[0], &is_array) != napi_ok || !is_array) {
        type_error(env, "format(handles, format, failSeverity, color)");
        return NULL;
    }
    uint32_t n;
    CHECK(napi_get_array_length(env, argv[0], &n));
    const adr_result **results = calloc(n ? n : 1, sizeof *results);
    if (!results) {
        napi_throw_error(env, "ADR_ENOMEM", "out of memory");
        return NULL;
    }
    char *fmt = NULL;
    napi_value out = NULL;
    int32_t fail = 0;
    bool color = false;
    for (uint32_t i = 0; i < n; i++) {
        napi_value h;
        bool tagged = false;
        void *box = NULL;
        if (napi_get_element(env, argv[0], i, &h) != napi_ok ||
            napi_check_object_type_tag(env, h, &RESULT_TAG, &tagged) != napi_ok || !tagged ||
            napi_unwrap(env, h, &box) != napi_ok) {
            type_error(env, "format() takes lint results");
            goto done;
        }
        results[i] = ((result_box *)box)->result;
    }
    if (!get_string(env, argv[1], "the format", &fmt, NULL) ||
        napi_get_value_int32(env, argv[2], &fail) != napi_ok ||
        napi_get_value_bool(env, argv[3], &color) != napi_ok) {
        bool pending = false;
        napi_is_exception_pending(env, &pending);
        if (!pending) type_error(env, "failSeverity must be a number and color a boolean");
        goto done;
    }
    adr_write_options wo = ADR_WRITE_OPTIONS_INIT;
    wo.format = fmt;
    wo.fail_severity = (adr_severity)fail;
    wo.color = color;
    char *text = NULL;
    size_t len = 0;
    int rc = adr_result_write((const adr_result *const *)results, n, &wo, &text, &len);
    if (rc != ADR_OK) {
        throw_adr(env, rc);
        goto done;
    }
    if (napi_create_string_utf8(env, text, len, &out) != napi_ok) {
        out = NULL;
        throw_last_napi_error(env);
    }
    adr_free(text);
done:
    free(fmt);
    free(results);
    return out;
}

/* profiles(): the built-in profile names. */
static napi_value profiles(napi_env env, napi_callback_info info)
{
    (void)info;
    napi_value arr;
    size_t n = adr_profile_count();
    CHECK(napi_create_array_with_length(env, n, &arr));
    for (size_t i = 0; i < n; i++) {
        napi_value v = str(env, adr_profile_name(i));
        if (!v) return NULL;
        CHECK(napi_set_element(env, arr, (uint32_t)i, v));
    }
    return arr;
}

/* findConfig(path): the .adrlint.yaml that applies to path, or null. */
static napi_value find_config(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1], v;
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    char *path = NULL, *found = NULL;
    if (argc < 1) {
        type_error(env, "findConfig needs a path");
        return NULL;
    }
    if (!get_string(env, argv[0], "the path", &path, NULL)) return NULL;
    int rc = adr_config_find(path, &found);
    free(path);
    if (rc == ADR_ENOTFOUND) {
        CHECK(napi_get_null(env, &v));
        return v;
    }
    if (rc != ADR_OK) {
        throw_adr(env, rc);
        return NULL;
    }
    v = str(env, found);
    adr_free(found);
    return v;
}

/* parseSeverity(name): the library's parser, as configuration files use it. */
static napi_value parse_severity(napi_env env, napi_callback_info info)
{
    size_t argc = 1;
    napi_value argv[1], v;
    CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    char *name = NULL;
    if (argc < 1 || !get_string(env, argv[0], "the severity", &name, NULL)) return NULL;
    adr_severity s;
    int rc = adr_severity_parse(name, &s);
    if (rc != ADR_OK) {
        char msg[128];
        snprintf(msg, sizeof msg,
                 "unknown severity '%.60s' (expected error, warn, info, hint or off)", name);
        free(name);
        napi_value err = make_error(env, ADR_EINVAL, msg);
        if (err) napi_throw(env, err);
        return NULL;
    }
    free(name);
    CHECK(napi_create_int32(env, s, &v));
    return v;
}

static void finalize_state(napi_env env, void *data, void *hint)
{
    (void)hint;
    addon_state *st = data;
    napi_delete_reference(env, st->handle_symbol);
    free(st);
}

static bool export_value(napi_env env, napi_value exports, const char *name, napi_value v)
{
    if (!v) return false;
    CHECK_B(napi_set_named_property(env, exports, name, v));
    return true;
}

static napi_value init(napi_env env, napi_value exports)
{
    /* The handshake comes before any other call into the library. */
    if (adr_abi_version() != ADR_ABI_VERSION) {
        char msg[160];
        snprintf(msg, sizeof msg, "libadrlint ABI %d does not match this addon (built for ABI %d)",
                 adr_abi_version(), ADR_ABI_VERSION);
        napi_throw_error(env, "ERR_ADRLINT_ABI", msg);
        return NULL;
    }
    addon_state *st = calloc(1, sizeof *st);
    if (!st) {
        napi_throw_error(env, "ADR_ENOMEM", "out of memory");
        return NULL;
    }
    napi_value symbol, desc;
    if (napi_create_string_utf8(env, "adrlint.result", NAPI_AUTO_LENGTH, &desc) != napi_ok ||
        napi_create_symbol(env, desc, &symbol) != napi_ok ||
        napi_create_reference(env, symbol, 1, &st->handle_symbol) != napi_ok) {
        free(st);
        throw_last_napi_error(env);
        return NULL;
    }
    if (napi_set_instance_data(env, st, finalize_state, NULL) != napi_ok) {
        napi_delete_reference(env, st->handle_symbol);
        free(st);
        throw_last_napi_error(env);
        return NULL;
    }

    napi_property_descriptor methods[] = {
        {"lintFile", NULL, linter_lint_file, NULL, NULL, NULL, napi_default_method, NULL},
        {"lintText", NULL, linter_lint_text, NULL, NULL, NULL, napi_default_method, NULL},
        {"lintFileAsync", NULL, linter_lint_file_async, NULL, NULL, NULL, napi_default_method,
         NULL},
        {"lintTextAsync", NULL, linter_lint_text_async, NULL, NULL, NULL, napi_default_method,
         NULL},
        {"rules", NULL, linter_rules, NULL, NULL, NULL, napi_default_method, NULL},
        {"rule", NULL, linter_rule, NULL, NULL, NULL, napi_default_method, NULL},
        {"close", NULL, linter_close, NULL, NULL, NULL, napi_default_method, NULL},
        {"profile", NULL, NULL, linter_profile, NULL, NULL, napi_default, NULL},
        {"closed", NULL, NULL, linter_closed, NULL, NULL, napi_default, NULL},
    };
    napi_value cls;
    CHECK(napi_define_class(env, "Linter", NAPI_AUTO_LENGTH, linter_new, NULL,
                            sizeof methods / sizeof methods[0], methods, &cls));
    napi_value fn;
    CHECK(napi_set_named_property(env, exports, "Linter", cls));
    CHECK(napi_create_function(env, "format", NAPI_AUTO_LENGTH, format_results, NULL, &fn));
    CHECK(napi_set_named_property(env, exports, "format", fn));
    CHECK(napi_create_function(env, "profiles", NAPI_AUTO_LENGTH, profiles, NULL, &fn));
    CHECK(napi_set_named_property(env, exports, "profiles", fn));
    CHECK(napi_create_function(env, "findConfig", NAPI_AUTO_LENGTH, find_config, NULL, &fn));
    CHECK(napi_set_named_property(env, exports, "findConfig", fn));
    CHECK(napi_create_function(env, "parseSeverity", NAPI_AUTO_LENGTH, parse_severity, NULL, &fn));
    CHECK(napi_set_named_property(env, exports, "parseSeverity", fn));
    napi_value abi;
    CHECK(napi_create_int32(env, adr_abi_version(), &abi));
    if (!export_value(env, exports, "resultKey", symbol) ||
        !export_value(env, exports, "abiVersion", abi) ||
        !export_value(env, exports, "version", str(env, adr_version())))
        return NULL;
    return exports;
}

/* What NAPI_MODULE_INIT() expands to, written out so that the exported
 * functions have prototypes (-Wmissing-prototypes). */
NAPI_MODULE_EXPORT int32_t node_api_module_get_api_version_v1(void);
NAPI_MODULE_EXPORT napi_value napi_register_module_v1(napi_env env, napi_value exports);

int32_t node_api_module_get_api_version_v1(void)
{
    return NAPI_VERSION;
}

napi_value napi_register_module_v1(napi_env env, napi_value exports)
{
    return init(env, exports);
}
