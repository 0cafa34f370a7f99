/* Shared setup of the fuzz targets.
 *
 * Each target implements LLVMFuzzerInitialize and LLVMFuzzerTestOneInput.
 * With -DADRLINT_FUZZ=ON (clang) libFuzzer drives them; otherwise
 * standalone.c replays the corpus, so every build checks that the inputs
 * that once crashed still give a result.
 *
 * The targets abort() when an invariant a user relies on breaks: a lint of
 * any bytes must return ADR_OK with well-formed findings, a configuration
 * either loads or fails with ADR_ECONFIG and a "file:line:column:" message.
 */
#ifndef ADR_FUZZ_H
#define ADR_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reports a broken invariant and aborts, so both libFuzzer and the replay
 * test treat it as a crash with a readable reason. */
#define FUZZ_CHECK(cond, ...)                                                            \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                                \
            fputc('\n', stderr);                                                         \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* A private directory holding the files the fuzzed documents may $ref
 * ("common.yaml", "other.json", ...) and the configuration file the config
 * target writes. Created once per process, removed at exit. */
const char *fuzz_workspace(void);
/* workspace + "/" + name, in a static buffer per call site's slot. */
const char *fuzz_path(const char *name, char *buf, size_t n);
/* Writes size bytes to path; aborts on failure (the fuzzer cannot go on). */
void fuzz_write_file(const char *path, const void *data, size_t size);

#endif
