#include "heur.h"

size_t heur_segments(const char *path, size_t n, heur_segment *out, size_t max)
{
    size_t count = 0, i = 0;
    while (i < n && count < max) {
        while (i < n && path[i] == '/')
            i++;
        size_t start = i;
        while (i < n && path[i] != '/')
            i++;
        if (i > start) {
            out[count].s = path + start;
            out[count].n = i - start;
            count++;
        }
    }
    return count;
}

bool heur_segment_skipped(const heur_segment *seg)
{
    if (!seg->n || seg->s[0] == '{' || seg->s[0] == '_' || memchr(seg->s, '.', seg->n)) return true;
    if (seg->n < 2 || (seg->s[0] != 'v' && seg->s[0] != 'V')) return false;
    for (size_t i = 1; i < seg->n; i++)
        if (seg->s[i] < '0' || seg->s[i] > '9') return false;
    return true;
}

const adr_node *heur_api_path(const adr_host *h, const adr_visit *v)
{
    (void)h;
    if (v->kind != ADR_KIND_PATH_ITEM || !v->field || strcmp(v->field, "paths") != 0) return NULL;
    return v->key;
}
