/* core/schema - JSON Schema validation of one document node (the instance)
 * against another (the schema), for example validation.
 *
 * Two dialects: the OAS 3.0 Schema Object (draft-04 keywords plus nullable,
 * discriminator, readOnly and writeOnly) and JSON Schema 2020-12 (OAS 3.1).
 * Errors carry Spectral's wording (ajv's messages as @stoplight/better-ajv-
 * errors prints them) and the node they concern; by default validation
 * stops at the first error outside anyOf/oneOf, as ajv does with
 * allErrors off, so the findings are the ones Spectral gives.
 *
 * A validator context caches what it derives from schema nodes (keyword
 * tables, parsed limits, compiled regular expressions) for the life of one
 * lint run; the nodes it is given must outlive it. Not thread-safe: one
 * context per run. */
#ifndef ADR_SCHEMA_H
#define ADR_SCHEMA_H

#include "../doc/doc.h"

typedef struct adr_schema_ctx adr_schema_ctx;

/* Resolves a Reference Object ({"$ref": ...}) to its target, following
 * chains; NULL when it cannot be resolved. Must not report anything: a
 * reference inside a schema is the walk's to report. */
typedef const adr_node *(*adr_schema_deref_fn)(void *user, const adr_node *ref_object);

/* A new context (NULL on OOM). deref may be NULL (then every $ref counts as
 * unresolvable, which validates anything). Free with adr_schema_ctx_free. */
adr_schema_ctx *adr_schema_ctx_new(adr_schema_deref_fn deref, void *deref_user);
void adr_schema_ctx_free(adr_schema_ctx *sc);

/* Validates instance against schema with ADR_VALIDATE_* flags (plugin.h);
 * without a dialect flag the OAS 3.0 dialect is used. Calls fn (when not
 * NULL) once per error until it returns nonzero. Returns 1 valid, 0
 * invalid, ADR_ENOMEM when memory ran out. A schema too deep or too costly
 * to evaluate (self-referential schemas, nested anyOf over deep data)
 * is given up on and counts as valid: a linter must not hang. */
int adr_schema_validate(adr_schema_ctx *sc, const adr_node *schema, const adr_node *instance,
                        unsigned flags, adr_schema_error_fn fn, void *user);

/* Matches s against an ECMA-262 pattern through the context's regex cache:
 * 1 match, 0 no match, -1 unusable pattern. */
int adr_schema_match(adr_schema_ctx *sc, const char *pattern, size_t plen, const char *s,
                     size_t len);

/* -- Pieces exposed for white-box tests ------------------------------- */

/* Checks s against a named format ("date-time", "uri", ...). Returns 1
 * valid, 0 invalid, -1 when the format is unknown or not a string format
 * (unknown formats pass). */
int adr_schema_format_string(const char *format, const char *s, size_t n);
/* The same for numeric formats (int32, int64, float, double) on a number
 * node. */
int adr_schema_format_number(const char *format, const adr_node *num);

/* Rewrites an ECMA-262 regular expression (as JSON Schema and ajv without
 * the u flag read it) into PCRE2 syntax with the same meaning in UTF mode:
 * \d and \w stay ASCII, \s gains the Unicode spaces, \uXXXX and surrogate
 * pairs become \x{...}, '.' excludes only ECMA line terminators, identity
 * escapes such as \/ and \- lose their backslash. Returns false when the
 * pattern cannot be expressed (the caller then does not check it). */
bool adr_schema_ecma_to_pcre2(const char *src, size_t n, adr_buf *out);

#endif
