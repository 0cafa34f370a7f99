/*
 * plugin.h - the ABI between libadrlint and its rule plugins.
 *
 * A plugin is a shared object that exports exactly one symbol,
 * adr_plugin_v1(), returning a static descriptor of its rules. Plugins do
 * not link against libadrlint: everything they may call arrives in the
 * adr_host table passed to the entry point and to every check.
 *
 * Compatibility: the host loads a plugin when the plugin's abi_major equals
 * ADR_PLUGIN_ABI_MAJOR and its abi_minor is not greater than the host's.
 * Structs begin with struct_size; new fields are only ever appended, and a
 * reader uses a field only when struct_size covers it. The host table is
 * append-only in the same way (check host->struct_size, or use
 * ADR_HOST_HAS(host, field), before calling a function added in a later
 * minor version).
 *
 * Lifetime: nodes, visits and contexts are borrowed for the duration of one
 * check call. Plugins keep no pointers to them between calls; per-lint state
 * lives in host->state().
 */
#ifndef ADRLINT_PLUGIN_H
#define ADRLINT_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "adrlint.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ADR_PLUGIN_ABI_MAJOR 1
#define ADR_PLUGIN_ABI_MINOR 2

#if defined(_WIN32)
#define ADR_PLUGIN_EXPORT __declspec(dllexport)
#elif defined(__GNUC__)
#define ADR_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define ADR_PLUGIN_EXPORT
#endif

#if defined(__GNUC__)
#define ADR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define ADR_PRINTF(fmt, args)
#endif

/* A node of a parsed document (opaque, borrowed). */
typedef struct adr_node adr_node;
/* The state of one lint run as seen by one rule (opaque, borrowed). */
typedef struct adr_ctx adr_ctx;

typedef enum adr_node_type {
    ADR_NODE_NULL = 0,
    ADR_NODE_BOOL,
    ADR_NODE_INT,
    ADR_NODE_FLOAT,
    ADR_NODE_STRING,
    ADR_NODE_MAP,
    ADR_NODE_SEQ
} adr_node_type;

/* The OpenAPI object kinds the walk visits. Never renumbered. */
typedef enum adr_kind {
    ADR_KIND_DOCUMENT = 0, /* the root object; visited first, also for non-OpenAPI input */
    ADR_KIND_INFO,
    ADR_KIND_SERVER,    /* root, path item, operation and link servers */
    ADR_KIND_PATH_ITEM, /* paths, callbacks and webhooks entries */
    ADR_KIND_OPERATION, /* key: the HTTP method */
    ADR_KIND_PARAMETER, /* path item, operation and components parameters */
    ADR_KIND_REQUEST_BODY,
    ADR_KIND_RESPONSE, /* key: the status code (or component name) */
    ADR_KIND_HEADER,
    ADR_KIND_MEDIA_TYPE, /* key: the media type */
    ADR_KIND_SCHEMA,     /* every schema, nested ones included */
    ADR_KIND_EXAMPLE,    /* Example Objects (examples maps) */
    ADR_KIND_SECURITY_SCHEME,
    ADR_KIND_CALLBACK,
    ADR_KIND_LINK,
    ADR_KIND_TAG,
    ADR_KIND_COUNT_ /* not a kind */
} adr_kind;

#define ADR_KIND_BIT(k) (1u << (k))

/* OpenAPI formats a rule applies to (adr_rule.formats); 0 means any input,
 * including documents that are not OpenAPI at all. */
#define ADR_FORMAT_OAS2       (1u << 0)
#define ADR_FORMAT_OAS3_0     (1u << 1)
#define ADR_FORMAT_OAS3_1     (1u << 2)
#define ADR_FORMAT_OAS3_OTHER (1u << 3) /* 3.x other than 3.0 and 3.1 */
#define ADR_FORMAT_OAS3       (ADR_FORMAT_OAS3_0 | ADR_FORMAT_OAS3_1 | ADR_FORMAT_OAS3_OTHER)

/*
 * One visit of an OpenAPI object. The walk visits each object once where it
 * is defined and once more at every Reference Object that points to it
 * (with ref set and repeat nonzero when it was visited before), so a rule
 * sees the context a reference gives (a response's status code, a schema's
 * property name). Findings are de-duplicated by (code, file, path, message).
 */
typedef struct adr_visit {
    uint32_t struct_size;
    adr_kind kind;
    const adr_node *node; /* the object, Reference Objects already followed */
    const adr_node *ref;  /* the Reference Object that led here, or NULL */
    const adr_node *key;  /* its key in the parent map (path, method, status
                              code, name, media type, property name) or NULL */
    const char *field;    /* the parent field that holds it: "paths", "get",
                              "responses", "schemas", "properties", "items",
                              "allOf", "parameters", ... ("" for the root) */
    int repeat;           /* nonzero: node was already visited as this kind */
} adr_visit;

typedef struct adr_host adr_host;

/* -- Schema validation (added in 1.1) --------------------------------- */

/* host->validate flags. The context decides which properties are required:
 * a client does not send readOnly ones, a server does not return writeOnly
 * ones. The dialect defaults to the linted document's (OAS 3.1: JSON Schema
 * 2020-12, anything else: the OAS 3.0 Schema Object). */
#define ADR_VALIDATE_REQUEST    0x01u  /* the instance is a request body/value */
#define ADR_VALIDATE_RESPONSE   0x02u  /* the instance is a response body/value */
#define ADR_VALIDATE_OAS30      0x10u  /* dialect: OAS 3.0 Schema Object */
#define ADR_VALIDATE_2020_12    0x20u  /* dialect: JSON Schema 2020-12 (OAS 3.1) */
#define ADR_VALIDATE_ALL_ERRORS 0x100u /* every error, not only the first (ajv allErrors) */

/* One validation error, borrowed for the duration of the callback. */
typedef struct adr_schema_error {
    uint32_t struct_size;
    const adr_node *instance; /* the offending value (report here) */
    const adr_node *schema;   /* the keyword's value in the schema ("type": its
                                 value), or the schema object */
    const char *keyword;      /* "type", "required", "additionalProperties", ... */
    /* Spectral's wording, with the instance's name in front, as in
     * "\"id\" property type must be string" or
     * "Property \"x\" is not expected to be here". */
    const char *message;
} adr_schema_error;

/* Receives each error; return nonzero to stop validating. */
typedef int (*adr_schema_error_fn)(void *user, const adr_schema_error *error);

/* A rule: a static descriptor and the functions that check it. */
typedef struct adr_rule {
    uint32_t struct_size;  /* sizeof(adr_rule) */
    const char *code;      /* "nlgov:semver" (unique across plugins) */
    const char *aliases;   /* older codes, space separated, or NULL */
    const char *rule_id;   /* "/core/semver", or NULL */
    const char *title;     /* one line, no final period */
    const char *rationale; /* why, and how adrlint differs from peers */
    const char *doc_url;   /* or NULL */
    adr_severity default_severity;
    uint32_t formats; /* ADR_FORMAT_* mask; 0: any input */
    uint32_t kinds;   /* ADR_KIND_BIT() mask of kinds to visit */
    /* Regular expressions (PCRE2, UTF mode), NULL-terminated, compiled once
     * per linter; match them with host->match(ctx, index, ...). */
    const char *const *patterns;
    /* Called for every visit of a kind in kinds. */
    void (*check)(const adr_host *host, adr_ctx *ctx, const adr_visit *visit);
    /* Called once after the walk, or NULL. */
    void (*finish)(const adr_host *host, adr_ctx *ctx);
} adr_rule;

/* The descriptor adr_plugin_v1() returns. */
typedef struct adr_plugin {
    uint32_t struct_size; /* sizeof(adr_plugin) */
    uint16_t abi_major;   /* ADR_PLUGIN_ABI_MAJOR */
    uint16_t abi_minor;   /* ADR_PLUGIN_ABI_MINOR */
    const char *name;     /* rule group, "versioning" */
    const char *version;
    const char *description;
    size_t rule_count;
    const adr_rule *const *rules;
} adr_plugin;

/*
 * The host table. Append-only: functions are never removed or reordered.
 * Node functions accept NULL and then return NULL/0/ADR_NODE_NULL.
 */
struct adr_host {
    uint32_t struct_size;
    uint16_t abi_major;
    uint16_t abi_minor;

    /* -- Nodes (1.0) ------------------------------------------------- */
    adr_node_type (*type)(const adr_node *node);
    /* Text of a scalar (any scalar type) and its length, not
     * NUL-terminated; NULL for maps and sequences. */
    const char *(*text)(const adr_node *node, size_t *len);
    /* 1 when node is a scalar whose text equals s (NUL-terminated). */
    int (*is)(const adr_node *node, const char *s);
    /* Number of entries of a map or items of a sequence; 0 otherwise. */
    size_t (*count)(const adr_node *node);
    /* Value for a key of a map, or NULL. Keys compare byte-wise. */
    const adr_node *(*get)(const adr_node *map, const char *key);
    /* i-th key / value of a map (document order), or NULL. */
    const adr_node *(*key_at)(const adr_node *map, size_t i);
    const adr_node *(*value_at)(const adr_node *map, size_t i);
    /* i-th item of a sequence, or NULL. */
    const adr_node *(*item)(const adr_node *seq, size_t i);
    /* Numeric value of an INT or FLOAT node: 1 and *out set, else 0. */
    int (*number)(const adr_node *node, double *out);
    /* Truth value of a BOOL node: 1 true, 0 false, -1 not a bool. */
    int (*boolean)(const adr_node *node);
    /* Start and end (exclusive) of a node's text in its file. */
    adr_position (*start)(const adr_node *node);
    adr_position (*end)(const adr_node *node);
    /* The key node under which node sits in its map, or NULL. */
    const adr_node *(*key_of)(const adr_node *node);
    /* The map or sequence that holds node, or NULL for a root. */
    const adr_node *(*parent)(const adr_node *node);

    /* -- References (1.0) -------------------------------------------- */
    /* When node is a Reference Object ({$ref: ...}), the object it points
     * to (following chains); node itself otherwise; NULL when the
     * reference cannot be resolved (the engine reports that itself). */
    const adr_node *(*deref)(adr_ctx *ctx, const adr_node *node);

    /* -- The run (1.0) ------------------------------------------------ */
    /* The root node of the linted document. */
    const adr_node *(*root)(adr_ctx *ctx);
    /* ADR version of the profile: 200, 210, 220. */
    int (*adr_version)(adr_ctx *ctx);
    /* ADR_FORMAT_* of the linted document (0 when not OpenAPI). */
    uint32_t (*format)(adr_ctx *ctx);
    /* The innermost enclosing visit of kind, or NULL (e.g. the operation
     * around a response). Borrowed for the current check call. */
    const adr_visit *(*enclosing)(adr_ctx *ctx, adr_kind kind);
    /* Zeroed memory of size bytes, the same block on every call of this
     * rule during one lint run; NULL when out of memory. */
    void *(*state)(adr_ctx *ctx, size_t size);
    /* Scratch memory that lives until the end of the run; NULL on OOM. */
    void *(*alloc)(adr_ctx *ctx, size_t size);

    /* -- Findings (1.0) ----------------------------------------------- */
    /* Reports a finding of the current rule at node (NULL: the document). */
    void (*report)(adr_ctx *ctx, const adr_node *at, const char *fmt, ...) ADR_PRINTF(3, 4);
    void (*vreport)(adr_ctx *ctx, const adr_node *at, const char *fmt, va_list ap);

    /* -- Regular expressions (1.0) ------------------------------------ */
    /* Matches the rule's patterns[index] against s: 1 match, 0 no match,
     * negative on error (bad index). */
    int (*match)(adr_ctx *ctx, unsigned index, const char *s, size_t len);

    /* -- Schema validation (added in 1.1; check ADR_HOST_HAS) ----------- */
    /* Validates instance against schema (a Schema Object, or a boolean
     * schema in 3.1), which may lie in different files of the workspace;
     * $refs in the schema are followed, cycles included. flags:
     * ADR_VALIDATE_*. fn (may be NULL) gets each error until it returns
     * nonzero; by default only the first error outside anyOf/oneOf is
     * given, as Spectral does. Returns 1 valid, 0 invalid, negative when
     * out of memory. Regular expressions and schema tables are cached for
     * the run. */
    int (*validate)(adr_ctx *ctx, const adr_node *schema, const adr_node *instance, unsigned flags,
                    adr_schema_error_fn fn, void *user);

    /* -- Cooperation (added in 1.2; check ADR_HOST_HAS) ---------------- */
    /* The severity the rule named code (or one of its aliases) has in this
     * lint run, after profile, configuration and overrides;
     * ADR_SEVERITY_OFF when it does not run or does not exist. Lets two
     * rules that cover one thing avoid reporting it twice. */
    adr_severity (*rule_severity)(adr_ctx *ctx, const char *code);
    /* Zeroed memory of size bytes shared by every rule of the calling
     * rule's plugin, one block per lint run (the first call's size counts);
     * for work several rules need once, such as deciding what an API is
     * about. NULL when out of memory. */
    void *(*plugin_state)(adr_ctx *ctx, size_t size);
    /* Matches s against an ECMA-262 regular expression taken from the
     * document (a Schema Object's pattern), compiled once per run: 1
     * match, 0 no match, -1 when the pattern cannot be used. */
    int (*match_ecma)(adr_ctx *ctx, const char *pattern, size_t pattern_len, const char *s,
                      size_t len);
};

#define ADR_HOST_HAS(host, field) \
    ((host)->struct_size >= offsetof(adr_host, field) + sizeof((host)->field))

/* The one symbol a plugin exports. Return NULL to refuse loading (for
 * example when host->abi_minor is too old); the host reports that. */
typedef const adr_plugin *(*adr_plugin_entry_fn)(const adr_host *host);
#define ADR_PLUGIN_ENTRY_SYMBOL "adr_plugin_v1"

/* Declared here so a plugin's definition is checked against it. Plugins
 * define it; libadrlint does not. */
ADR_PLUGIN_EXPORT const adr_plugin *adr_plugin_v1(const adr_host *host);

#ifdef __cplusplus
}
#endif

#endif /* ADRLINT_PLUGIN_H */
