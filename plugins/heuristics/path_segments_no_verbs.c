/* nlgov:path-segments-no-verbs - /core/naming-resources: resources are
 * named with nouns, not verbs. */
#include "heur.h"

/* Verbs that are nothing else, so they are a verb wherever they stand in a
 * segment: Dutch infinitives, the "opvragen" and "registreren" of RPC-style
 * APIs the standard contrasts with nouns, and English verbs without a
 * common noun sense. Left out on purpose, because they are also plural
 * nouns: aanvragen (applications), verzoeken (requests), besluiten
 * (decisions), boeken (books), bezoeken (visits), reizen (trips), verkopen
 * and aankopen (sales, purchases); and English words that are nouns as
 * often as verbs: search, update, login, register, upload, download,
 * export, import, order, process, report, status. "zoek" is the bare
 * imperative that /_zoek turns into an operation resource. */
static const char *const verbs[] = {
    "opvragen",    "ophalen",     "opzoeken",     "zoeken",      "zoek",        "registreren",
    "aanmaken",    "aanleveren",  "wijzigen",     "bijwerken",   "verwijderen", "toevoegen",
    "berekenen",   "controleren", "valideren",    "verifieren",  "versturen",   "verzenden",
    "indienen",    "intrekken",   "goedkeuren",   "afkeuren",    "annuleren",   "opslaan",
    "raadplegen",  "bevragen",    "muteren",      "genereren",   "verwerken",   "publiceren",
    "koppelen",    "ontkoppelen", "activeren",    "deactiveren", "inloggen",    "uitloggen",
    "aanmelden",   "afmelden",    "downloaden",   "uploaden",    "exporteren",  "importeren",
    "converteren", "afdrukken",   "ondertekenen", "betalen",     "bestellen",   "verlengen",
    "opschorten",  "afsluiten",   "heropenen",    "toewijzen",   "overdragen",  "create",
    "retrieve",    "fetch",       "delete",       "remove",      "calculate",   "compute",
    "validate",    "verify",      "generate",     "execute",     "submit",      "obtain",
    "modify",      "insert",      "send",         "get",         "find",        NULL};

/* English imperatives that start a verb phrase ("get-user", "createOrder",
 * "set-password"); English puts the verb first. Only as the first of
 * several words: "update" alone or "search-results" is a noun. Dutch puts
 * the infinitive last ("zaak-afsluiten") and writes compounds as one word
 * ("zoekopdrachten"), so Dutch stems are not listed: "zoek-resultaten"
 * would be a noun. */
static const char *const verb_heads[] = {"get",       "set",     "create",   "update",   "delete",
                                         "remove",    "add",     "fetch",    "retrieve", "find",
                                         "calculate", "compute", "validate", "verify",   "generate",
                                         "execute",   "send",    "submit",   "make",     "do",
                                         "perform",   "obtain",  "modify",   "insert",   NULL};

/* Nouns that start with a verb head ("AddOnResults", "set-up"), joined. */
static const char *const noun_compounds[] = {"addon", "addons", "setup", "setups", NULL};

/* Whether a segment names an action; *verb is the word that does. */
static bool verb_in(const heur_segment *seg, adr_r_word *verb)
{
    adr_r_word w[16];
    size_t count = adr_r_words(seg->s, seg->n, w, 16);
    if (!count) return false;
    const adr_r_word *first = &w[0], *last = &w[count - 1];
    if (adr_r_list_find(verbs, first->s, first->n) >= 0) {
        *verb = *first;
        return true;
    }
    if (count > 1 && (adr_r_list_find(verbs, last->s, last->n) >= 0)) {
        *verb = *last;
        return true;
    }
    size_t f;
    if (count > 1 && adr_r_list_find(verb_heads, first->s, first->n) >= 0 &&
        adr_r_words_find(w, 2, noun_compounds, true, &f) < 0) {
        *verb = *first;
        return true;
    }
    return false;
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    size_t n;
    const char *path = h->text(heur_api_path(h, v), &n);
    if (!path) return;
    heur_segment segs[64];
    size_t count = heur_segments(path, n, segs, 64);
    for (size_t i = 0; i < count; i++) {
        adr_r_word verb;
        if (heur_segment_skipped(&segs[i]) || !verb_in(&segs[i], &verb)) continue;
        h->report(ctx, v->node,
                  "Path segment %.*s of %.*s names an action (%.*s): name resources with nouns, "
                  "or model the action as an operation resource such as /_zoek.",
                  (int)segs[i].n, segs[i].s, (int)n, path, (int)verb.n, verb.s);
        return;
    }
}

const adr_rule adr_rule_path_segments_no_verbs = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:path-segments-no-verbs",
    .rule_id = "/core/naming-resources",
    .title = "Name resources with nouns, not verbs",
    .rationale =
        "Resources are things (gebouw, vergunning), not actions (opvragen, registreren) as in "
        "RPC-style APIs. A human decides this; as a hint, a path segment is reported when it "
        "is one of a reviewed list of Dutch and English verbs, when its first or last word is "
        "(zaak_afsluiten, opvragen-zaak), or when it starts with an English imperative "
        "(getUser, create-order). Words that are also nouns are not listed: aanvragen, "
        "besluiten and verzoeken are plural nouns, status, search and update are nouns too. "
        "Operation resources (/_zoek), path templates, versions and file names are skipped. "
        "One finding per path. No peer checks this.",
    .doc_url = HEUR_DOC_URL "naming-resources",
    .default_severity = ADR_SEVERITY_INFO,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PATH_ITEM),
    .check = check,
};
