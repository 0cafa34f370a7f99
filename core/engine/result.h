#ifndef ADR_RESULT_H
#define ADR_RESULT_H

#include "run.h"

struct adr_result {
    adr_arena arena;
    adr_diagnostic *diags;
    size_t count;
    const char *source;
    const char **files;  /* adr_result_file: arena */
    size_t nfiles;
};

/* Turns a run's findings into a result: paths, ranges, de-duplication by
 * (code, source, path, message), Spectral's order. */
int adr_result_build(run *r, adr_result **out);

#endif
