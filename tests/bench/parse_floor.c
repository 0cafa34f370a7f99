/* The baseline the benchmark measures adrlint against: read a file (mmap) and
 * let libfyaml's event parser run over it, doing nothing with the events.
 * A lint cannot be faster than this. Usage: parse_floor FILE */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <libfyaml.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: parse_floor FILE\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        perror(argv[1]);
        return 2;
    }
    size_t n = (size_t)st.st_size;
    const char *buf = n ? mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0) : "";
    if (buf == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    size_t len = strlen(argv[1]);
    bool json = len > 5 && strcmp(argv[1] + len - 5, ".json") == 0;
    struct fy_parse_cfg cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.flags =
        FYPCF_QUIET | FYPCF_DISABLE_DEPTH_LIMIT | (json ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE);
    struct fy_parser *p = fy_parser_create(&cfg);
    if (!p || fy_parser_set_string(p, buf, n) != 0) return 2;
    unsigned long events = 0;
    struct fy_event *e;
    while ((e = fy_parser_parse(p)) != NULL) {
        events++;
        fy_parser_event_free(p, e);
    }
    int err = fy_parser_get_stream_error(p);
    fy_parser_destroy(p);
    printf("%lu events\n", events);
    return err ? 1 : 0;
}
