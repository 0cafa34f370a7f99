/* Fuzzes a whole lint of a YAML document (see lint.c). */
#include "lint.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_lint_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_lint(data, size, "fuzz.yaml");
    return 0;
}
