/* nlgov:no-sensitive-data-in-uri - /core/transport/no-sensitive-uris:
 * query and path parameters named like identification numbers or
 * credentials, API keys in the query string, the OAuth2 implicit flow. */
#include "ts.h"

/* National identification numbers, the example the standard gives
 * ("privacy sensitive information such as BSNs"). Sensitive wherever they
 * stand in the name: "bsnPartner" and "partnerBsn" are both BSNs. Other
 * personal data an API may legitimately filter on (names, dates of birth,
 * e-mail addresses) is left to the reviewer: listing it would flag every
 * search API. */
static const adr_r_term identifiers[] = {
    {"bsn", "a BSN"},
    {"burgerservicenummer", "a BSN"},
    {"sofinummer", "a BSN"}, /* the BSN's name until 2007 */
    {"ssn", "a social security number"},
    {"socialsecuritynumber", "a social security number"},
    {NULL, NULL},
};

/* Credentials, Dutch and English, written without separators (the match
 * joins words: "access_token", "accessToken" and "x-api-key" all end in
 * one of these). Only the head of the name counts, its last words, so
 * "tokenType", "passwordPolicy" and "apiKeyId" (a type, a policy, an
 * identifier) are not credentials. "key", "pin" and "code" alone are too
 * common to list ("sortKey", OAuth2's authorization "code"). */
static const adr_r_term credentials[] = {
    {"password", "a password"},
    {"passwd", "a password"},
    {"wachtwoord", "a password"},
    {"passphrase", "a password"},
    {"wachtzin", "a password"},
    {"pincode", "a PIN code"},
    {"secret", "a secret"},
    {"token", "a token"},
    {"apikey", "an API key"},
    {"accesskey", "an API key"},
    {"subscriptionkey", "an API key"}, /* Azure API Management's query key */
    {"secretkey", "a secret"},
    {"privatekey", "a private key"},
    {"sessionid", "a session id"},
    {"jsessionid", "a session id"},
    {"phpsessid", "a session id"},
    {"authorization", "credentials"},
    {"credential", "credentials"},
    {"credentials", "credentials"},
    {NULL, NULL},
};

/* Tokens that are not credentials: opaque paging and synchronisation
 * cursors ("nextPageToken", OData "$skiptoken"). Checked first. */
static const char *const cursor_tokens[] = {
    "pagetoken",       "nexttoken",  "continuationtoken", "cursortoken", "synctoken",
    "paginationtoken", "deltatoken", "resumetoken",       "skiptoken",   NULL};

/* What a parameter name looks like, or NULL. A credential in the name of
 * a path parameter that identifies a member of the collection before it
 * (/tokens/{token}, /sessions/{session_id}) names that resource's
 * identifier, not a credential, and is not reported. */
static const char *sensitive_label(const char *name, size_t n, const adr_r_word *collection)
{
    adr_r_word w[64];
    size_t count = adr_r_words(name, n, w, 64);
    size_t first;
    const adr_r_term *t = adr_r_terms_find(w, count, identifiers, false, &first);
    if (t) return t->note;
    if (adr_r_words_find(w, count, cursor_tokens, true, &first) >= 0) return NULL;
    t = adr_r_terms_find(w, count, credentials, true, &first);
    if (t && collection && w[0].n < 64) {
        char head[64];
        memcpy(head, w[0].s, w[0].n);
        head[w[0].n] = 0;
        if (adr_r_istarts(collection->s, collection->n, head)) return NULL;
    }
    return t ? t->note : NULL;
}

/* The first word of the path segment before {name} in the path of the
 * enclosing path item, when there is one. */
static bool collection_before(const adr_host *h, adr_ctx *ctx, const char *name, size_t n,
                              adr_r_word *out)
{
    const adr_visit *item = h->enclosing(ctx, ADR_KIND_PATH_ITEM);
    size_t pn;
    const char *path =
        item && item->field && strcmp(item->field, "paths") == 0 ? h->text(item->key, &pn) : NULL;
    for (size_t i = 0; path && i + n + 2 <= pn; i++) {
        if (path[i] != '{' || memcmp(path + i + 1, name, n) != 0 || path[i + n + 1] != '}')
            continue;
        size_t end = i;
        while (end > 0 && path[end - 1] == '/')
            end--;
        size_t start = end;
        while (start > 0 && path[start - 1] != '/')
            start--;
        return end > start && adr_r_words(path + start, end - start, out, 1) == 1;
    }
    return false;
}

static void check_parameter(const adr_host *h, adr_ctx *ctx, const adr_node *param)
{
    const adr_node *in = h->get(param, "in");
    const char *where = h->is(in, "query") ? "Query" : h->is(in, "path") ? "Path" : NULL;
    if (!where) return;
    const adr_node *name = h->get(param, "name");
    size_t n;
    const char *text = h->text(name, &n);
    if (!text) return;
    adr_r_word coll;
    bool has_coll = *where == 'P' && collection_before(h, ctx, text, n, &coll);
    const char *label = sensitive_label(text, n, has_coll ? &coll : NULL);
    if (label)
        h->report(ctx, name,
                  "%s parameter %.*s looks like %s: keep sensitive information out of URIs "
                  "(send it in a header or the request body).",
                  where, (int)n, text, label);
}

static void check_scheme(const adr_host *h, adr_ctx *ctx, const adr_node *scheme)
{
    const adr_node *type = h->get(scheme, "type");
    if (h->is(type, "apiKey")) {
        const adr_node *in = h->get(scheme, "in");
        size_t n;
        const char *name = h->text(h->get(scheme, "name"), &n);
        if (h->is(in, "query"))
            h->report(ctx, in, "API key %.*s is sent in the query string; send it in a header.",
                      name ? (int)n : 0, name ? name : "");
        return;
    }
    /* The implicit grant returns the access token in the redirect URI,
     * where browser history and Referer headers leak it (RFC 9700 2.1.2). */
    const adr_node *implicit = h->get(h->get(scheme, "flows"), "implicit");
    if (h->is(type, "oauth2") && implicit)
        h->report(ctx, implicit,
                  "The OAuth2 implicit flow returns the access token in the redirect URI; use "
                  "the authorization code flow.");
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    /* Path parameters depend on the path that uses them (/tokens/{token}):
     * they are checked at every use and not where components define them. */
    bool path = v->kind == ADR_KIND_PARAMETER && h->is(h->get(v->node, "in"), "path");
    if (path ? !h->enclosing(ctx, ADR_KIND_PATH_ITEM) : v->repeat) return;
    if (v->kind == ADR_KIND_PARAMETER)
        check_parameter(h, ctx, v->node);
    else
        check_scheme(h, ctx, v->node);
}

const adr_rule adr_rule_no_sensitive_data_in_uri = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:no-sensitive-data-in-uri",
    .rule_id = "/core/transport/no-sensitive-uris",
    .title = "No sensitive information in URIs",
    .rationale =
        "URIs, query strings included, are logged and cached outside the control of client "
        "and server, so they must not carry client secrets or privacy-sensitive data such as "
        "BSNs. The standard leaves \"sensitive\" to a human; this rule reports what clearly "
        "is: query and path parameters named like a BSN or social security number (anywhere in "
        "the name) or like a credential (password, wachtwoord, secret, token, API key, session "
        "id, as the last words of the name, so tokenType and apiKeyId pass and paging cursors "
        "such as nextPageToken are exempt), apiKey security schemes in the query, and the "
        "OAuth2 implicit flow, which returns the token in the redirect URI. Names are split at "
        "camelCase, snake_case and kebab-case boundaries and matched as whole words. No peer "
        "checks this. This is ADR-TS 1.0 API-58 under ADR 2.0.",
    .doc_url = TS_DOC_URL "no-sensitive-uris",
    .default_severity = ADR_SEVERITY_WARN,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PARAMETER) | ADR_KIND_BIT(ADR_KIND_SECURITY_SCHEME),
    .check = check,
};
