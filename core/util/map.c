#include "util.h"
#include "adrlint/adrlint.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAP_MIN_SIZE (64u * 1024)

int adr_map_file(const char *path, size_t max_size, char **data, size_t *size, bool *mapped)
{
    *mapped = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd >= 0) {
        struct stat st;
        long page = sysconf(_SC_PAGESIZE);
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size >= MAP_MIN_SIZE &&
            (uint64_t)st.st_size <= max_size && page > 0 && st.st_size % page != 0) {
            void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
            close(fd);
            if (p != MAP_FAILED) {
                *data = p;
                *size = (size_t)st.st_size;
                *mapped = true;
                return ADR_OK;
            }
        } else {
            close(fd);
        }
    }
    /* Small, special or unmappable files, and every error message: the
     * ordinary reader. */
    return adr_read_file(path, max_size, data, size);
}

void adr_release_file(char *data, size_t size, bool mapped)
{
    if (mapped)
        munmap(data, size);
    else
        adr_xfree(data);
}
