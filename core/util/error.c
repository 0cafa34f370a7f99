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
    int n = vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    /* A long path cut short must not end inside a UTF-8 sequence. */
    if (n >= (int)sizeof last_error) {
        size_t end = sizeof last_error - 1;
        size_t lead = end;
        while (lead > 0 && ((unsigned char)last_error[lead - 1] & 0xC0) == 0x80)
            lead--;
        if (lead > 0 && (unsigned char)last_error[lead - 1] >= 0xC0) {
            unsigned char c = (unsigned char)last_error[lead - 1];
            size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (end - (lead - 1) < need) last_error[lead - 1] = 0;
        }
    }
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
