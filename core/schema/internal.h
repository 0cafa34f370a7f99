/* Shared by the files of core/schema: the compiled form of a schema node,
 * numbers, the regex cache and the error buffer. */
#ifndef ADR_SCHEMA_INTERNAL_H
#define ADR_SCHEMA_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "schema.h"

/* Keywords with a slot in the compiled schema. */
enum {
    KW_REF,
    KW_TYPE,
    KW_ENUM,
    KW_CONST,
    KW_MULTIPLEOF,
    KW_MAXIMUM,
    KW_MINIMUM,
    KW_EXMAX,
    KW_EXMIN,
    KW_MAXLENGTH,
    KW_MINLENGTH,
    KW_PATTERN,
    KW_FORMAT,
    KW_ITEMS,
    KW_PREFIXITEMS,
    KW_ADDITIONALITEMS,
    KW_MAXITEMS,
    KW_MINITEMS,
    KW_UNIQUEITEMS,
    KW_CONTAINS,
    KW_MAXCONTAINS,
    KW_MINCONTAINS,
    KW_REQUIRED,
    KW_PROPERTIES,
    KW_PATTERNPROPERTIES,
    KW_ADDITIONALPROPERTIES,
    KW_MAXPROPERTIES,
    KW_MINPROPERTIES,
    KW_PROPERTYNAMES,
    KW_DEPENDENCIES,
    KW_DEPENDENTREQUIRED,
    KW_DEPENDENTSCHEMAS,
    KW_ALLOF,
    KW_ANYOF,
    KW_ONEOF,
    KW_NOT,
    KW_IF,
    KW_THEN,
    KW_ELSE,
    KW_UNEVALUATEDPROPERTIES,
    KW_UNEVALUATEDITEMS,
    KW_DISCRIMINATOR,
    KW_COUNT
};

/* Instance types as a bit set ("integer" is its own bit; a number check
 * accepts both). */
#define T_NULL 0x01u
#define T_BOOL 0x02u
#define T_INT  0x04u
#define T_NUM  0x08u
#define T_STR  0x10u
#define T_OBJ  0x20u
#define T_ARR  0x40u

/* A number as written: exact when it is an integer that fits int64, and
 * as a decimal mantissa/scale (value = mant * 10^-scale) when the text
 * allows, so multipleOf 0.01 is exact where binary floating point is not. */
typedef struct snum {
    bool ok;
    bool isint;    /* i holds the exact value */
    bool dec;      /* mant/scale hold the exact value */
    bool int_text; /* written without fraction or exponent */
    int64_t i;
    int64_t mant;
    int32_t scale;
    long double v;
} snum;

bool adr_snum_parse(const adr_node *n, snum *out);
/* -1, 0, 1; NaN compares as unordered (returns 2). */
int adr_snum_cmp(const snum *a, const snum *b);
/* 1 when a is an integer multiple of b (b > 0). */
bool adr_snum_multiple(const snum *a, const snum *b);
/* Mathematically an integer (1.0 and 1e2 are). */
bool adr_snum_integral(const snum *a);
/* JavaScript's Number#toString of the value, as ajv prints limits. */
void adr_snum_js(const snum *a, char *out, size_t outsz);

/* A schema node compiled for one dialect. */
#define CS_TRUE         0x0001u /* true / {} : anything goes */
#define CS_FALSE        0x0002u /* false */
#define CS_NULLABLE     0x0004u /* OAS 3.0 nullable: true */
#define CS_READONLY     0x0008u
#define CS_WRITEONLY    0x0010u
#define CS_EXMAX_BOOL   0x0020u /* draft-04 exclusiveMaximum: true */
#define CS_EXMIN_BOOL   0x0040u
#define CS_REF_ONLY     0x0080u /* OAS 3.0: $ref replaces the object */
#define CS_PATTERN_BAD  0x0100u /* pattern did not compile: not checked */
#define CS_REF_RESOLVED 0x0200u /* ref (possibly NULL) is final */
#define CS_2020         0x0400u

typedef struct cschema cschema;

/* Parsed limits, present only when the schema has numeric keywords. */
typedef struct climits {
    snum maximum, minimum, exmax, exmin, multipleof;
    int64_t maxlength, minlength, maxitems, minitems, maxprops, minprops, maxcontains, mincontains;
} climits;

/* Compiled subschemas of the keywords validation recurses through most,
 * so the hot path skips the node -> schema lookup. Filled on first use. */
typedef struct ckids {
    cschema **props; /* per "properties" entry */
    cschema *items;  /* "items" as one schema */
    cschema *addl;   /* "additionalProperties" as a schema */
    cschema **allof;
    /* "properties" names -> index + 1 (0: empty slot), for large objects
     * whose keys come in another order than the schema's */
    uint32_t *prop_index;
    uint32_t prop_cap;
} ckids;

struct cschema {
    const adr_node *node;
    uint32_t flags;
    uint8_t types;       /* T_* allowed by "type"; 0: no type keyword */
    uint8_t format;      /* FMT_* */
    uint64_t mask;       /* KW_* present */
    const adr_node **kw; /* values of the present keywords, in KW_* order */
    cschema *ref;        /* $ref target when CS_REF_RESOLVED; NULL: unresolvable */
    climits *lim;
    ckids *kids;
    pcre2_code *pattern;
};

/* The value of keyword k in s, or NULL. */
static inline const adr_node *cs_kw(const cschema *s, int k)
{
    uint64_t bit = 1ull << k;
    if (!(s->mask & bit)) return NULL;
    return s->kw[__builtin_popcountll(s->mask & (bit - 1))];
}

/* Formats the validator knows (the rest pass). */
enum {
    FMT_NONE = 0,
    FMT_DATE,
    FMT_DATE_TIME,
    FMT_TIME,
    FMT_EMAIL,
    FMT_URI,
    FMT_URI_REFERENCE,
    FMT_UUID,
    FMT_IPV4,
    FMT_IPV6,
    FMT_HOSTNAME,
    FMT_BYTE,
    FMT_INT32,
    FMT_INT64,
    FMT_FLOAT,
    FMT_DOUBLE
};

int adr_format_id(const char *s, size_t n);
bool adr_format_is_numeric(int id);
bool adr_format_check_string(int id, const char *s, size_t n);
bool adr_format_check_number(int id, const snum *v);

/* An error found during validation, formatted only when reported. */
typedef struct serr {
    const adr_node *instance;
    const adr_node *at; /* keyword value node in the schema (or the schema) */
    const cschema *schema;
    uint8_t kw; /* E_* */
    bool dropped;
    const adr_node *param; /* property name node, type node, enum node... */
    int64_t a, b;          /* numeric parameters */
    const snum *limit;
    const char *text; /* a name not held by a node (propertyNames) */
    size_t textlen;
} serr;

/* Error kinds (ajv keywords). */
enum {
    E_FALSE,
    E_TYPE,
    E_ENUM,
    E_CONST,
    E_MULTIPLEOF,
    E_MAXIMUM,
    E_MINIMUM,
    E_EXMAX,
    E_EXMIN,
    E_MAXLENGTH,
    E_MINLENGTH,
    E_PATTERN,
    E_FORMAT,
    E_MAXITEMS,
    E_MINITEMS,
    E_UNIQUEITEMS,
    E_CONTAINS_MIN,
    E_CONTAINS_MAX,
    E_REQUIRED,
    E_ADDITIONAL,
    E_MAXPROPERTIES,
    E_MINPROPERTIES,
    E_PROPERTYNAMES,
    E_DEPENDENCIES,
    E_ANYOF,
    E_ONEOF,
    E_NOT,
    E_UNEVALUATED_PROPS,
    E_UNEVALUATED_ITEMS,
    E_EXTRA_ITEMS, /* additionalItems / items: false past the tuple */
    E_COUNT
};

struct adr_schema_ctx {
    adr_schema_deref_fn deref;
    void *deref_user;
    adr_arena arena;
    /* node+dialect -> compiled schema, open addressing */
    cschema **table;
    size_t cap, count;
    /* pattern text -> compiled regex */
    struct rx_entry *rx;
    size_t rxcap, rxcount;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    /* errors of the current validation */
    serr *errs;
    size_t nerrs, caperrs;
    /* index scratch for objects, used as a stack */
    uint32_t *scratch;
    size_t scap, stop;
    adr_buf msg;
    bool oom;
};

/* compile.c */
cschema *adr_cs_get(adr_schema_ctx *sc, const adr_node *schema, bool draft2020);
cschema *adr_cs_ref(adr_schema_ctx *sc, cschema *s);

/* regex.c: 1 match, 0 no match, -1 unusable (bad pattern, match limit). */
pcre2_code *adr_rx_get(adr_schema_ctx *sc, const char *pat, size_t n);
int adr_rx_match(adr_schema_ctx *sc, pcre2_code *re, const char *s, size_t n);
void adr_rx_free_all(adr_schema_ctx *sc);

/* report.c: drops what better-ajv-errors drops, formats and emits. Returns
 * nonzero when fn asked to stop. */
int adr_serr_emit(adr_schema_ctx *sc, adr_schema_error_fn fn, void *user);

/* Counts UTF-8 code points. */
size_t adr_utf8_len(const char *s, size_t n);

/* Deep JSON equality of two instance nodes. */
bool adr_json_equal(const adr_node *a, const adr_node *b);

#endif
