/* core/ref - the workspace of one lint run: the root document, the files its
 * $refs reach (each loaded once), and $ref resolution with a cache.
 *
 * Remote references are never fetched. Relative file references are read
 * only when they lie below the root directory, so a document cannot make the
 * linter read ../../etc/passwd. */
#ifndef ADR_REF_H
#define ADR_REF_H

#include "../doc/doc.h"

typedef enum adr_ref_status {
    ADR_REF_OK = 0,
    ADR_REF_NOT_REF, /* the node is not a Reference Object */
    ADR_REF_MISSING, /* target does not exist (invalid-ref) */
    ADR_REF_BAD,     /* malformed reference (invalid-ref) */
    ADR_REF_OUTSIDE, /* file outside the root directory (invalid-ref) */
    ADR_REF_FILE,    /* file unreadable (invalid-ref) */
    ADR_REF_CYCLE,   /* a chain of references that never reaches an object */
    ADR_REF_REMOTE   /* URL: never fetched (unresolved-ref) */
} adr_ref_status;

typedef struct adr_ref_entry adr_ref_entry;

typedef struct adr_ws {
    adr_doc **docs; /* docs[0] is the root document */
    size_t ndocs, capdocs;
    char *root_dir; /* absolute, normalised; NULL: file refs resolve against cwd, unconfined
                        is never the case, see adr_ws_init */
    size_t max_file_size;
    size_t max_files;
    adr_doc_limits limits;
    adr_ref_entry *cache;
    size_t ncache, capcache;
    /* In-memory stand-ins for files (an editor's unsaved buffers), with
     * their absolute normalised paths; borrowed from the caller of the lint. */
    const adr_source *overlays;
    char **overlay_paths;
    size_t noverlays;
    /* Files a $ref named that could not be read: the result lists them so a
     * language server re-lints when they appear. Owned, absolute. */
    char **missing;
    size_t nmissing, capmissing;
    bool oom;
} adr_ws;

void adr_ws_init(adr_ws *ws, const char *root_dir, size_t max_file_size, size_t max_files,
                 const adr_doc_limits *limits);
void adr_ws_destroy(adr_ws *ws);
/* Uses sources[i] instead of reading the file at sources[i].path (made
 * absolute against the current directory). The sources are borrowed until
 * adr_ws_destroy. Returns false on OOM. */
bool adr_ws_set_overlays(adr_ws *ws, const adr_source *sources, size_t count);
/* Takes ownership of doc. */
bool adr_ws_add(adr_ws *ws, adr_doc *doc);

/* When obj is a map with a string "$ref", resolves it (following chains).
 * Returns the target, or NULL with *status and, for failures, *msg (a
 * message in the workspace's first document arena) set. *refnode receives
 * the "$ref" value node to report at. */
adr_node *adr_ws_deref(adr_ws *ws, const adr_node *obj, adr_ref_status *status, const char **msg,
                       const adr_node **refnode);

/* 1 when obj is a map holding a "$ref" key. */
bool adr_is_ref(const adr_node *obj);

bool adr_doc_path_is_json(const char *path);

#endif
