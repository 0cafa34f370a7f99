#include "util.h"

#include <stdio.h>
#include <string.h>

/* One message per thread, as libgit2 does: a shared linter may fail on
 * several threads at once, each needs its own text. */
static _Thread_local char last_error[1024];

void adr_set_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
}

void adr_set_error_oom(void)
{
    /* Static text: formatting could itself need memory. */
    strcpy(last_error, "out of memory");
}

const char *adr_get_error(void)
{
    return last_error;
}
