/* core/doc - a parsed YAML or JSON document as a compact tree with positions.
 *
 * The tree is built from libfyaml's event stream (its 0.7 node API has no
 * positions for collections). Nodes live in the document's arena and never
 * move; scalar text points into the input buffer whenever the source spells
 * the value literally, and into the arena otherwise. The input buffer is
 * owned by the document. */
#ifndef ADR_DOC_H
#define ADR_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "adrlint/plugin.h"
#include "../util/util.h"

typedef struct adr_doc adr_doc;

/* adr_node.flags */
#define ADR_NF_QUOTED      0x01u /* single- or double-quoted scalar */
#define ADR_NF_BLOCK       0x02u /* literal or folded block scalar */
#define ADR_NF_FLOW        0x04u /* flow map/seq ({...} / [...]) */
#define ADR_NF_MERGED      0x08u /* map that received << merge entries */
#define ADR_NF_LINT_IGNORE 0x10u /* map with an x-lint-ignore key (checked per finding) */
#define ADR_NF_REF         0x20u /* map with a $ref key (asked of every object walked) */

/* A map entry. klen and kpre repeat the key's length and first four bytes
 * (ADR_KEY_NONE for a collection used as a key), so that looking a field up
 * by name reads only the pair array: field lookups are the hottest loop of a
 * lint, and each key node touched would be a cache miss. */
typedef struct adr_pair {
    adr_node *key;
    adr_node *value;
    uint32_t klen;
    uint32_t kpre;
} adr_pair;

#define ADR_KEY_NONE UINT32_MAX

/* The first four bytes of a key, zero-padded, as adr_pair.kpre holds them. */
static inline uint32_t adr_key_prefix(const char *s, size_t len)
{
    uint32_t v = 0;
    switch (len) {
    default: v |= (uint32_t)(unsigned char)s[3] << 24; /* fallthrough */
    case 3: v |= (uint32_t)(unsigned char)s[2] << 16;  /* fallthrough */
    case 2: v |= (uint32_t)(unsigned char)s[1] << 8;   /* fallthrough */
    case 1: v |= (uint32_t)(unsigned char)s[0];        /* fallthrough */
    case 0: break;
    }
    return v;
}

struct adr_node {
    uint8_t type;     /* adr_node_type */
    uint8_t flags;    /* ADR_NF_* */
    uint16_t visited; /* walk bookkeeping, one bit per visited kind group */
    uint32_t start;   /* byte offset of the first character (quotes included) */
    uint32_t end;     /* byte offset just after the last character */
    uint32_t len;     /* text length, or number of pairs/items */
    uint32_t index;   /* position in parent (pair or item index) */
    adr_node *parent; /* map or sequence holding this node; NULL for root */
    adr_doc *doc;
    union {
        const char *text; /* scalars: not NUL-terminated */
        adr_pair *pairs;  /* maps */
        adr_node **items; /* sequences */
    } u;
};

typedef struct adr_doc_limits {
    size_t max_depth;
    size_t max_nodes;
    /* JSON lines longer than this are broken for libfyaml (see doc.c);
     * 0 selects 4096, SIZE_MAX never breaks. Tests vary it. */
    size_t json_line;
    /* The document goes to libfyaml even when our JSON or YAML reader
     * would take it (tests and the doc fuzzer compare the two). */
    bool libfyaml_only;
} adr_doc_limits;

/* A problem found while reading the document; the engine turns these into
 * findings with code "parser" or "duplicate-key". */
typedef struct adr_doc_error {
    const char *code;     /* "parser" or "duplicate-key" */
    int severity;         /* adr_severity */
    char *message;        /* arena */
    uint32_t start, end;  /* byte offsets */
    const adr_node *node; /* when the error concerns a node (duplicate key) */
} adr_doc_error;

struct adr_doc {
    char *name;     /* as given (display name, arena) */
    char *abs_path; /* absolute normalised path, or NULL (buffers) */
    char *buf;      /* input, NUL-terminated, owned */
    size_t size;
    uint32_t bom;    /* 3 when a UTF-8 BOM precedes the text */
    bool json;       /* parsed in JSON mode */
    bool mapped;     /* buf is a read-only file mapping (munmap, not free) */
    bool fatal;      /* the parse stopped on an error; root may be partial */
    bool own_reader; /* read by adrlint's JSON or YAML reader, not libfyaml */
    bool oom;        /* an allocation failed after parsing (the line table):
                             positions are unreliable, the lint must fail */
    adr_node *root;  /* never NULL after adr_doc_parse */
    adr_arena arena;
    uint32_t *lines; /* line start offsets, built on first use */
    size_t nlines;
    uint32_t *u16_marks; /* UTF-16 column every ADR_U16_STEP bytes, built
                             when a line longer than that is first queried */
    adr_doc_error *errors;
    size_t nerrors, caperrors;
    size_t nnodes;
};

/* Parses buf (taking ownership of it: it is freed with the document; it must
 * be NUL-terminated at buf[size]). Never fails except for OOM (returns NULL);
 * syntax errors are recorded in doc->errors and the tree holds what was
 * read before the error. json selects JSON mode. */
adr_doc *adr_doc_parse(const char *name, char *buf, size_t size, bool json,
                       const adr_doc_limits *limits);
/* The same for a buffer from adr_map_file: mapped says how to release it. */
adr_doc *adr_doc_parse_ex(const char *name, char *buf, size_t size, bool json,
                          const adr_doc_limits *limits, bool mapped);
void adr_doc_free(adr_doc *doc);

#define ADR_U16_STEP 4096u

/* Position of a byte offset (line table built on first use). Constant
 * time per call but for a scan of at most ADR_U16_STEP bytes, however long
 * the line: a minified document's findings all lie on one line. */
adr_position adr_doc_position(adr_doc *doc, uint32_t offset);
/* The position of offset, given the position of an earlier offset (faster
 * when both are on one line). */
adr_position adr_doc_position_from(adr_doc *doc, adr_position from, uint32_t offset);

/* A node's text: a scalar's value, or for a collection (a complex key
 * such as "? [a, b]") the start of its source text, at most
 * ADR_KEY_TEXT_MAX bytes, so messages and JSON pointers always show the
 * document's own UTF-8. Borrowed from the document. */
#define ADR_KEY_TEXT_MAX 40
const char *adr_node_text(const adr_node *n, size_t *len);

/* Map lookup by key (byte-wise). adr_node_get is inline so that the length
 * of a literal key is known when compiling. */
adr_node *adr_node_getn(const adr_node *map, const char *key, size_t len);
static inline adr_node *adr_node_get(const adr_node *map, const char *key)
{
    return adr_node_getn(map, key, strlen(key));
}
bool adr_node_is(const adr_node *n, const char *s);
bool adr_node_eqn(const adr_node *n, const char *s, size_t len);
adr_node *adr_node_key_of(const adr_node *n);
bool adr_node_number(const adr_node *n, double *out);

/* JSON pointer of a node within its document ("" for the root), built in
 * buf. With dot: Spectral's dotted form ("paths./a.get.responses[200]"). */
void adr_node_pointer(const adr_node *n, adr_buf *buf);

/* Appends one RFC 6901-escaped segment. */
void adr_pointer_escape(adr_buf *buf, const char *s, size_t n);

/* Resolves a JSON pointer ("" or "/a/b", escaped, %-decoding applied when
 * uri is set) from node. NULL when absent. */
adr_node *adr_node_at_pointer(adr_node *node, const char *ptr, size_t len, bool uri);

/* The range Spectral would report for a node: scalars their own text,
 * collections from just after their key's colon to the end of their last
 * descendant. */
void adr_node_spectral_range(const adr_node *n, uint32_t *start, uint32_t *end);

#endif
