/* The fuzz targets' workspace: small documents a fuzzed $ref can reach, so
 * the fuzzer exercises external files, chains and cycles across files
 * (the dictionary spells their names). */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static char workspace[64];

static const struct {
    const char *name;
    const char *text;
} files[] = {
    {"common.yaml", "components:\n"
                    "  schemas:\n"
                    "    Pet:\n"
                    "      type: object\n"
                    "      properties:\n"
                    "        naam: {type: string}\n"
                    "        geboren: {type: string, format: date-time}\n"
                    "        eigenaar: {$ref: 'other.json#/Persoon'}\n"
                    "    Lus: {$ref: 'loop.yaml#/Lus'}\n"
                    "    Alias: &a {type: string}\n"
                    "    Weer: *a\n"
                    "  responses:\n"
                    "    Fout:\n"
                    "      description: Fout\n"
                    "      content:\n"
                    "        application/problem+json:\n"
                    "          schema: {$ref: '#/components/schemas/Pet'}\n"
                    "  parameters:\n"
                    "    Pagina: {name: pagina, in: query, schema: {type: integer}}\n"
                    "  headers:\n"
                    "    API-Version: {schema: {type: string}, example: 1.0.0}\n"},
    {"other.json", "{\"Persoon\": {\"type\": \"object\", \"properties\": {\"naam\": {\"type\": "
                   "\"string\"}, \"ouder\": {\"$ref\": \"#/Persoon\"}}},\n"
                   " \"Terug\": {\"$ref\": \"common.yaml#/components/schemas/Pet\"},\n"
                   " \"Diep\": {\"$ref\": \"sub/deeper.yaml#/Diep\"}}\n"},
    {"loop.yaml", "Lus: {$ref: 'common.yaml#/components/schemas/Lus'}\n"},
    {"bad.yaml", "a: [unclosed\nb: {\n"},
    {"sub/deeper.yaml", "Diep: {$ref: '../other.json#/Persoon'}\n"
                        "Weg: {$ref: '../../outside.yaml#/x'}\n"},
};

static void remove_workspace(void)
{
    char p[128];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        unlink(fuzz_path(files[i].name, p, sizeof p));
    unlink(fuzz_path(".adrlint.yaml", p, sizeof p));
    rmdir(fuzz_path("sub", p, sizeof p));
    rmdir(workspace);
}

void fuzz_write_file(const char *path, const void *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FUZZ_CHECK(fd >= 0, "cannot create %s", path);
    const char *p = data;
    while (size) {
        ssize_t n = write(fd, p, size);
        FUZZ_CHECK(n > 0, "cannot write %s", path);
        p += n;
        size -= (size_t)n;
    }
    close(fd);
}

const char *fuzz_path(const char *name, char *buf, size_t n)
{
    snprintf(buf, n, "%s/%s", fuzz_workspace(), name);
    return buf;
}

const char *fuzz_workspace(void)
{
    if (workspace[0]) return workspace;
    const char *tmp = getenv("TMPDIR");
    snprintf(workspace, sizeof workspace, "%s/adrlint-fuzz-XXXXXX",
             tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    FUZZ_CHECK(mkdtemp(workspace) != NULL, "mkdtemp %s", workspace);
    char p[128];
    FUZZ_CHECK(mkdir(fuzz_path("sub", p, sizeof p), 0700) == 0, "mkdir %s", p);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        fuzz_write_file(fuzz_path(files[i].name, p, sizeof p), files[i].text,
                        strlen(files[i].text));
    atexit(remove_workspace);
    return workspace;
}
