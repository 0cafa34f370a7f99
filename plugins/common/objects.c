#include "objects.h"

const adr_node *adr_r_written(const adr_visit *v)
{
    return v->ref ? v->ref : v->node;
}

bool adr_r_is_extension(const adr_host *h, const adr_node *key)
{
    size_t len;
    const char *t = h->text(key, &len);
    return t && len >= 2 && t[0] == 'x' && t[1] == '-';
}

bool adr_r_is_oas_method(const adr_host *h, const adr_node *key)
{
    static const char *const methods[] = {"get",     "put",  "post",  "delete",
                                          "options", "head", "patch", "trace"};
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (adr_r_text_eq(h, key, methods[i])) return true;
    return false;
}
