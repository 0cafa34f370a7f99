/* oas3-schema: the structure of every OpenAPI object, written from the
 * OpenAPI Specification 3.0.3 and 3.1 texts as one static table per object
 * type (oas3_schema_tables.c), and the single-pass validator that walks a
 * document with them (oas3_schema.c). Internal to the oas plugin. */
#ifndef ADR_OAS3_SCHEMA_H
#define ADR_OAS3_SCHEMA_H

#include <stdint.h>

#include "../common/rules.h"

/* The object types. */
typedef enum oas_obj {
    O_ROOT,
    O_INFO,
    O_CONTACT,
    O_LICENSE,
    O_SERVER,
    O_SERVER_VAR,
    O_COMPONENTS,
    O_PATHS,
    O_PATH_ITEM,
    O_OPERATION,
    O_EXTDOCS,
    O_SCHEMA_EXTDOCS, /* externalDocs inside a schema: url is a uri-reference in 3.1 */
    O_PARAMETER,
    O_REQUEST_BODY,
    O_MEDIA_TYPE,
    O_ENCODING,
    O_RESPONSES,
    O_RESPONSE,
    O_CALLBACK,
    O_EXAMPLE,
    O_LINK,
    O_HEADER,
    O_TAG,
    O_SCHEMA,
    O_DISCRIMINATOR,
    O_XML,
    O_SECURITY_SCHEME, /* dispatches on "type" to one of the next five */
    O_SS_APIKEY,
    O_SS_HTTP,
    O_SS_OAUTH2,
    O_SS_OIDC,
    O_SS_MTLS,
    O_OAUTH_FLOWS,
    O_FLOW_IMPLICIT,
    O_FLOW_PASSWORD,
    O_FLOW_CLIENT,
    O_FLOW_CODE,
    O_COUNT
} oas_obj;

/* What a field's value must be. */
typedef enum oas_vkind {
    VK_ANY,    /* anything (example, default, value) */
    VK_STRING, /* a string; arg: format (F_*) */
    VK_BOOL,
    VK_NUMBER,
    VK_POS_NUMBER,  /* a number > 0 (multipleOf) */
    VK_NONNEG_INT,  /* an integer >= 0 (maxLength, minItems ...) */
    VK_EXCLUSIVE,   /* exclusiveMinimum/Maximum: boolean in 3.0, number in 3.1 */
    VK_OBJ,         /* an object of type arg */
    VK_OBJ_REF,     /* an object of type arg or a Reference Object */
    VK_MAP,         /* a map whose values are objects of type arg */
    VK_MAP_REF,     /* a map whose values are arg objects or Reference Objects */
    VK_ARR,         /* an array of arg objects */
    VK_ARR_REF,     /* an array of arg objects or Reference Objects */
    VK_STR_ARR,     /* an array of strings */
    VK_STR_MAP,     /* a map of strings */
    VK_ANY_MAP,     /* an object with any values */
    VK_ANY_ARR,     /* an array with any items */
    VK_ENUM,        /* a string from enum set arg (E_*) */
    VK_CONTENT,     /* a content map; arg 1: exactly one entry (parameters, headers) */
    VK_SECREQ_ARR,  /* an array of Security Requirement Objects */
    VK_SCHEMA,      /* a Schema Object (or Reference Object in 3.0, boolean in 3.1) */
    VK_SCHEMA_MAP,  /* a map of schemas */
    VK_SCHEMA_ARR,  /* an array of schemas (non-empty in 3.1) */
    VK_ADDL_PROPS,  /* additionalProperties: a schema or a boolean */
    VK_TYPE,        /* schema "type" */
    VK_REQUIRED,    /* schema "required": unique strings (non-empty in 3.0) */
    VK_ENUM_VALUES, /* schema "enum": an array (non-empty in 3.0) */
    VK_DEP_REQUIRED /* schema "dependentRequired": a map of unique string arrays */
} oas_vkind;

/* String formats, as Spectral's OpenAPI schemas name them. */
enum {
    F_NONE,
    F_EMAIL,
    F_URI,     /* an absolute URI */
    F_URI_REF, /* a URI reference */
    F_URL      /* uri-reference in 3.0, uri in 3.1 (Info, Contact, License ...) */
};

/* Enumerations (VK_ENUM). */
enum {
    E_ENCODING_STYLE, /* form, spaceDelimited, pipeDelimited, deepObject */
    E_APIKEY_IN       /* header, query, cookie */
};

/* oas_field.flags */
#define FL_REQ30    0x01u /* required in 3.0 */
#define FL_REQ31    0x02u /* required in 3.1 */
#define FL_REQ      (FL_REQ30 | FL_REQ31)
#define FL_V30      0x04u /* a field of 3.0 only */
#define FL_V31      0x08u /* a field of 3.1 only */
#define FL_UNIQUE30 0x10u /* an array whose items must differ (3.0 schema) */
#define FL_MIN1_31  0x20u /* an array that must not be empty in 3.1 */

typedef struct oas_field {
    const char *name;
    uint8_t kind;  /* oas_vkind */
    uint8_t arg;   /* oas_obj, F_* or E_* */
    uint8_t flags; /* FL_* */
} oas_field;

/* Keys an object accepts besides its fields. */
enum {
    P_NONE,
    P_PATHS,     /* "/..." keys: Path Item Objects */
    P_RESPONSES, /* 1XX-5XX and three-digit codes: Responses or References */
    P_CALLBACK   /* any key (a runtime expression): Path Item Objects */
};

/* oas_spec.flags */
#define OF_EXT    0x01u /* x- extensions allowed */
#define OF_OPEN30 0x02u /* unknown keys allowed in 3.0 */
#define OF_OPEN31 0x04u /* unknown keys allowed in 3.1 */

#define OAS_MAX_FIELDS 64
#define OAS_HASH_SLOTS 128

typedef struct oas_spec {
    const char *name; /* for readers of the table; not printed */
    const oas_field *fields;
    uint8_t nfields;
    uint8_t pattern; /* P_* */
    uint8_t flags;   /* OF_* */
} oas_spec;

extern const oas_spec oas_specs[O_COUNT];

/* Allowed values of an enumeration, NULL-terminated. */
extern const char *const *const oas_enums[];

#endif
