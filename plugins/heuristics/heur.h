/* Shared by the rules of the heuristics plugin: hints for ADR rules a
 * human has to judge ("functional" rules), from names in the description. */
#ifndef ADR_HEURISTICS_H
#define ADR_HEURISTICS_H

#include "../common/rules.h"
#include "../common/words.h"

/* The published ADR text, with an anchor per rule. */
#define HEUR_DOC_URL "https://gitdocumentatie.logius.nl/publicatie/api/adr/2.1.0/#/core/"

/* One segment of a path. */
typedef struct heur_segment {
    const char *s;
    size_t n;
} heur_segment;

/* Splits a path ("/a/{id}/b") into at most max non-empty segments.
 * Returns the number stored. */
size_t heur_segments(const char *path, size_t n, heur_segment *out, size_t max);

/* A segment that names no resource: a path template ({id}), an operation
 * resource (_zoek), a version (v1) or a file name (openapi.json). */
bool heur_segment_skipped(const heur_segment *seg);

/* The key of a path item under paths (the path), or NULL for callback
 * expressions, webhook names and components.pathItems. */
const adr_node *heur_api_path(const adr_host *h, const adr_visit *v);

#endif
