/* Fuzzes a whole lint of a JSON document (see lint.c): the name ends in
 * .json, so the parser runs in JSON mode. */
#include "lint.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_lint_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_lint(data, size, "fuzz.json");
    return 0;
}
