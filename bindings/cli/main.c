#include "cli.h"

#include <stdarg.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("adrlint: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int main(int argc, char **argv)
{
#if defined(__GLIBC__)
    /* A lint allocates a document's tree in a few big blocks, frees them,
     * then builds its output. Kept in the heap instead of being returned
     * to the kernel, the same pages serve the output: about a sixth fewer
     * page faults on a 4 MB document. */
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
    if (adr_abi_version() != ADR_ABI_VERSION) {
        cli_error("libadrlint ABI %d does not match this program (built for %d)", adr_abi_version(),
                  ADR_ABI_VERSION);
        return EXIT_TROUBLE;
    }
    if (argc < 2) {
        fputs(cli_help_main, stderr);
        return EXIT_TROUBLE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("adrlint %s\n", adr_version());
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(cli_help_main, stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "lint") == 0) return cmd_lint(argc - 1, argv + 1);
    if (strcmp(cmd, "baseline") == 0) return cmd_baseline(argc - 1, argv + 1);
    if (strcmp(cmd, "rules") == 0) return cmd_rules(argc - 1, argv + 1);
    if (strcmp(cmd, "explain") == 0) return cmd_explain(argc - 1, argv + 1);
    if (strcmp(cmd, "docs") == 0) return cmd_docs(argc - 1, argv + 1);
    if (strcmp(cmd, "lsp") == 0) return cmd_lsp(argc - 1, argv + 1);
    cli_error("unknown command '%s' (try 'adrlint --help')", cmd);
    return EXIT_TROUBLE;
}
