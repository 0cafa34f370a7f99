/* The lint targets: one document through adr_linter_lint_buffer with every
 * plugin of the build tree, under the three profiles, then both report
 * formats. */
#ifndef ADR_FUZZ_LINT_H
#define ADR_FUZZ_LINT_H

#include "fuzz.h"

/* Creates the linters once (plugins load before fuzzing starts, so
 * libFuzzer sees their coverage counters). */
void fuzz_lint_init(void);
/* Lints data as workspace/name and checks the result; the profile is
 * chosen by the input's size so the corpus replays identically. */
void fuzz_lint(const uint8_t *data, size_t size, const char *name);

#endif
