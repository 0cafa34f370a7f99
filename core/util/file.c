#include "util.h"
#include "adrlint/adrlint.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int adr_read_fd(int fd, size_t max_size, char **data, size_t *size)
{
    size_t cap = 0, len = 0;
    char *p = NULL;
    for (;;) {
        if (len + 1 >= cap) {
            /* Double, but never past the limit plus the byte that shows
             * the input is over it: /dev/zero costs the limit, not twice. */
            size_t ncap = cap ? cap * 2 : 65536;
            size_t most = max_size < SIZE_MAX - 2 ? max_size + 2 : SIZE_MAX;
            if (ncap > most) ncap = most;
            char *np = ncap > cap ? adr_xrealloc(p, ncap) : NULL;
            if (!np) {
                adr_xfree(p);
                adr_set_error_oom();
                return ADR_ENOMEM;
            }
            p = np;
            cap = ncap;
        }
        ssize_t n = read(fd, p + len, cap - len - 1);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                /* A non-blocking descriptor (a parent's choice): wait. */
                struct pollfd pfd = {fd, POLLIN, 0};
                if (poll(&pfd, 1, -1) >= 0 || errno == EINTR) continue;
            }
            adr_set_error("read failed: %s", strerror(errno));
            adr_xfree(p);
            return ADR_EIO;
        }
        if (n == 0) break;
        len += (size_t)n;
        if (len > max_size) {
            adr_set_error("input is larger than the limit of %zu bytes", max_size);
            adr_xfree(p);
            return ADR_ELIMIT;
        }
    }
    p[len] = 0;
    *data = p;
    *size = len;
    return ADR_OK;
}

static const char *file_kind(mode_t m)
{
    if (S_ISCHR(m)) return "a character device";
    if (S_ISBLK(m)) return "a block device";
    return "not a regular file";
}

/* Regular files are read whole, with the size checked before reading.
 * Pipes and FIFOs (process substitution, /dev/stdin on a pipe) are read
 * as a stream under the same limit; opening never blocks, so a FIFO
 * nobody writes to reads as empty instead of hanging. Directories and
 * devices are refused: /dev/zero would only fill the limit with NULs and a
 * terminal would wait for typing. */
int adr_read_file(const char *path, size_t max_size, char **data, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        adr_set_error("%s: %s", path, strerror(errno));
        return ADR_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        adr_set_error("%s: %s", path, strerror(errno));
        close(fd);
        return ADR_EIO;
    }
    if (S_ISDIR(st.st_mode)) {
        adr_set_error("%s: is a directory", path);
        close(fd);
        return ADR_EIO;
    }
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode)) {
        adr_set_error("%s: %s; give its contents on standard input (-) instead", path,
                      file_kind(st.st_mode));
        close(fd);
        return ADR_EIO;
    }
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max_size) {
        adr_set_error("%s: file is larger than the limit of %zu bytes", path, max_size);
        close(fd);
        return ADR_ELIMIT;
    }
    /* Blocking reads from here: a pipe's writer may be slower than us. */
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0) {
        adr_set_error("%s: %s", path, strerror(errno));
        close(fd);
        return ADR_EIO;
    }
    if (S_ISREG(st.st_mode)) {
        size_t n = (size_t)st.st_size;
        char *p = adr_xmalloc(n + 1);
        if (!p) {
            close(fd);
            adr_set_error_oom();
            return ADR_ENOMEM;
        }
        size_t got = 0;
        /* A file that grows while we read stops at the size we checked. */
        while (got < n) {
            ssize_t r = read(fd, p + got, n - got);
            if (r < 0) {
                if (errno == EINTR) continue;
                adr_set_error("%s: %s", path, strerror(errno));
                adr_xfree(p);
                close(fd);
                return ADR_EIO;
            }
            if (r == 0) break;
            got += (size_t)r;
        }
        close(fd);
        p[got] = 0;
        *data = p;
        *size = got;
        return ADR_OK;
    }
    int rc = adr_read_fd(fd, max_size, data, size);
    if (rc != ADR_OK) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s", adr_get_error());
        adr_set_error("%s: %s", path, msg);
    }
    close(fd);
    return rc;
}

char *adr_path_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return adr_xstrdup(".");
    if (slash == path) return adr_xstrdup("/");
    return adr_xstrndup(path, (size_t)(slash - path));
}

char *adr_path_join(const char *dir, const char *rel)
{
    if (rel[0] == '/' || !dir || !dir[0]) return adr_xstrdup(rel);
    size_t a = strlen(dir), b = strlen(rel);
    char *p = adr_xmalloc(a + b + 2);
    if (!p) return NULL;
    memcpy(p, dir, a);
    size_t n = a;
    if (a && dir[a - 1] != '/') p[n++] = '/';
    memcpy(p + n, rel, b + 1);
    return p;
}

char *adr_path_normalize(const char *path)
{
    size_t n = strlen(path);
    char *out = adr_xmalloc(n + 2);
    if (!out) return NULL;
    bool abs = path[0] == '/';
    size_t len = 0;
    if (abs) out[len++] = '/';
    size_t base = len;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p) break;
        const char *e = strchr(p, '/');
        size_t sl = e ? (size_t)(e - p) : strlen(p);
        if (sl == 1 && p[0] == '.') {
            /* skip */
        } else if (sl == 2 && p[0] == '.' && p[1] == '.') {
            /* Pop a real segment, or keep ".." when there is none to pop
             * (relative paths only; "/.." is "/"). */
            size_t seg = len;
            while (seg > base && out[seg - 1] != '/')
                seg--;
            bool have = len > base && !(len - seg == 2 && out[seg] == '.' && out[seg + 1] == '.');
            if (have) {
                len = seg > base ? seg - 1 : base;
                if (len < base) len = base;
            } else if (!abs) {
                if (len > base) out[len++] = '/';
                out[len++] = '.';
                out[len++] = '.';
            }
        } else {
            if (len > base) out[len++] = '/';
            memcpy(out + len, p, sl);
            len += sl;
        }
        p += sl;
    }
    if (len == 0) out[len++] = '.';
    out[len] = 0;
    return out;
}

int adr_path_within(const char *path, const char *dir)
{
    size_t d = strlen(dir);
    if (d == 1 && dir[0] == '/') return path[0] == '/';
    if (strncmp(path, dir, d) != 0) return 0;
    return path[d] == '/' || path[d] == 0;
}

char *adr_path_absolute(const char *path)
{
    if (path[0] == '/') return adr_path_normalize(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return adr_path_normalize(path);
    char *j = adr_path_join(cwd, path);
    if (!j) return NULL;
    char *n = adr_path_normalize(j);
    adr_xfree(j);
    return n;
}
