/* Which of the two trailing-slash rules reports which key, so that one
 * slash gives one finding in every profile (see the rationales). */
#ifndef ADR_RESOURCES_TRAILING_SLASH_H
#define ADR_RESOURCES_TRAILING_SLASH_H

#include "../common/rules.h"

/* From ADR 2.2 on the official linter reports paths keys under Spectral's
 * built-in code and the root resource "/" is exempt; before it the nlgov
 * rule reports them and the text exempts nothing. */
#define ADR_SLASH_BUILTIN_FROM 220

/* 1 when the key ends with a slash that the rule text of the profile's ADR
 * version forbids. */
static inline bool adr_slash_forbidden(const adr_host *h, adr_ctx *ctx, const adr_node *key)
{
    size_t len;
    const char *t = h->text(key, &len);
    if (!t || !len || t[len - 1] != '/') return false;
    return len > 1 || h->adr_version(ctx) < ADR_SLASH_BUILTIN_FROM;
}

#endif
