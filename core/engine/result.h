#ifndef ADR_RESULT_H
#define ADR_RESULT_H

#include "run.h"

struct adr_result {
    adr_arena arena;
    adr_diagnostic *diags;
    size_t count;
    adr_diagnostic *suppressed; /* by the ignore file */
    size_t nsuppressed;
    const char *source;
    const char **files; /* every document read, root first */
    size_t nfiles;
    unsigned char *ignore_use; /* adr_ignore_use per ignore entry */
    size_t nignore;
};

/* Turns a run's findings into a result: paths, ranges, inline and
 * ignore-file suppression, de-duplication by (code, source, path, message),
 * Spectral's order. */
int adr_result_build(run *r, adr_result **out);

#endif
