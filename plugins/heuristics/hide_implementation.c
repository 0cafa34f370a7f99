/* nlgov:hide-implementation - /core/hide-implementation: no platform,
 * framework or database in paths, server URLs or response headers. */
#include "heur.h"

#include <stdio.h>

/* File extensions of server-side scripts and handlers. Formats a client
 * asks for (.json, .yaml, .xml, .csv, .html, .pdf) are not implementation
 * details and are not listed. */
static const adr_r_term script_extensions[] = {
    {"php", "PHP"},
    {"php3", "PHP"},
    {"php4", "PHP"},
    {"php5", "PHP"},
    {"phtml", "PHP"},
    {"asp", "ASP"},
    {"aspx", "ASP.NET"},
    {"ashx", "ASP.NET"},
    {"asmx", "ASP.NET"},
    {"axd", "ASP.NET"},
    {"svc", "WCF"},
    {"jsp", "Java Server Pages"},
    {"jspx", "Java Server Pages"},
    {"do", "Struts"},
    {"action", "Struts"},
    {"cgi", "CGI"},
    {"pl", "Perl"},
    {"py", "Python"},
    {"rb", "Ruby"},
    {"cfm", "ColdFusion"},
    {"nsf", "Lotus Domino"},
    {"exe", "an executable"},
    {"dll", "a library"},
    {NULL, NULL},
};

/* Whole segments that name a platform, framework, server or database. */
static const adr_r_term technology_segments[] = {
    {"cgi-bin", "CGI"},           {"servlet", "Java servlets"}, {"servlets", "Java servlets"},
    {"wp-json", "WordPress"},     {"wp-admin", "WordPress"},    {"actuator", "Spring Boot"},
    {"django", "Django"},         {"flask", "Flask"},           {"laravel", "Laravel"},
    {"spring", "Spring"},         {"struts", "Struts"},         {"rails", "Ruby on Rails"},
    {"tomcat", "Tomcat"},         {"jboss", "JBoss"},           {"weblogic", "WebLogic"},
    {"websphere", "WebSphere"},   {"dotnet", ".NET"},           {"nodejs", "Node.js"},
    {"mysql", "MySQL"},           {"mssql", "SQL Server"},      {"postgres", "PostgreSQL"},
    {"postgresql", "PostgreSQL"}, {"mongodb", "MongoDB"},       {NULL, NULL},
};

/* Response headers whose only job is to name the software behind the API. */
static const char *const technology_headers[] = {
    "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-Generator", "Server", NULL};

static const adr_r_term *find_term(const adr_r_term *terms, const char *s, size_t n)
{
    for (size_t i = 0; terms[i].word; i++)
        if (adr_r_ieq(s, n, terms[i].word)) return &terms[i];
    return NULL;
}

/* What in a path gives the implementation away, described in buf. */
static bool exposed(const char *path, size_t n, char *buf, size_t size)
{
    heur_segment segs[64];
    size_t count = heur_segments(path, n, segs, 64);
    for (size_t i = 0; i < count; i++) {
        const heur_segment *s = &segs[i];
        const char *dot = NULL;
        for (size_t k = s->n; k-- > 0;)
            if (s->s[k] == '.') {
                dot = s->s + k;
                break;
            }
        const adr_r_term *t =
            dot ? find_term(script_extensions, dot + 1, (size_t)(s->s + s->n - dot - 1)) : NULL;
        if (t) {
            snprintf(buf, size, "the .%.*s extension of %s", (int)(s->s + s->n - dot - 1), dot + 1,
                     t->note);
            return true;
        }
        t = find_term(technology_segments, s->s, s->n);
        if (t) {
            snprintf(buf, size, "%.*s: %s", (int)s->n, s->s, t->note);
            return true;
        }
        /* "rest" names the architecture next to "api" (/api/rest/...). */
        if (adr_r_ieq(s->s, s->n, "rest") &&
            ((i > 0 && adr_r_ieq(segs[i - 1].s, segs[i - 1].n, "api")) ||
             (i + 1 < count && adr_r_ieq(segs[i + 1].s, segs[i + 1].n, "api")))) {
            snprintf(buf, size, "/api/rest/ names the technology");
            return true;
        }
    }
    return false;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    /* Repeated visits matter: a path item shared through $ref is seen again
     * under another path, a shared header under its real name. */
    char what[128];
    size_t n;
    if (v->kind == ADR_KIND_PATH_ITEM) {
        const char *path = h->text(heur_api_path(h, v), &n);
        if (path && exposed(path, n, what, sizeof what))
            h->report(ctx, v->node, "Path %.*s exposes an implementation detail (%s).", (int)n,
                      path, what);
    } else if (v->kind == ADR_KIND_SERVER) {
        const adr_node *url = h->get(v->node, "url");
        const char *u = h->text(url, &n);
        size_t pn;
        const char *p = u ? adr_r_url_path(u, n, &pn) : NULL;
        if (p && exposed(p, pn, what, sizeof what))
            h->report(ctx, url, "Server URL %.*s exposes an implementation detail (%s).", (int)n, u,
                      what);
    } else {
        const char *name = h->text(v->key, &n);
        if (name && h->enclosing(ctx, ADR_KIND_RESPONSE) &&
            adr_r_list_find(technology_headers, name, n) >= 0)
            h->report(ctx, v->node,
                      "Response header %.*s tells clients which software runs the API: leave it "
                      "out.",
                      (int)n, name);
    }
}

const adr_rule adr_rule_hide_implementation = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:hide-implementation",
    .rule_id = "/core/hide-implementation",
    .title = "Hide irrelevant implementation details",
    .rationale =
        "An API should not expose the platform, framework or database behind it, so both can "
        "evolve independently. What is irrelevant is for a human to judge; as a hint, paths "
        "and server URL paths are reported when a segment has a server-side script extension "
        "(.php, .aspx, .jsp, .do, .cgi...), is a framework, server or database name from a "
        "list (cgi-bin, servlet, actuator, wp-json, django, tomcat, mysql...) or is \"rest\" "
        "beside \"api\" (/api/rest/), and documented response headers that only name the "
        "software (X-Powered-By, X-AspNet-Version, Server) are reported. Formats such as "
        "openapi.json are not implementation details. No peer checks this.",
    .doc_url = HEUR_DOC_URL "hide-implementation",
    .default_severity = ADR_SEVERITY_INFO,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PATH_ITEM) | ADR_KIND_BIT(ADR_KIND_SERVER) |
             ADR_KIND_BIT(ADR_KIND_HEADER),
    .check = check,
};
