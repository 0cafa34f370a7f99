/* nlgov:collections-plural - /core/naming-collections: the segment before
 * a path parameter, a collection, is a plural noun. */
#include "heur.h"

/* Plurals that end in neither -s nor -en: Latin and Greek plurals (Dutch
 * and English), English irregular plurals and collective nouns, and the
 * plurals of acronyms ending in I, which look like singulars in -is. */
static const char *const irregular_plurals[] = {
    "data",     "media", "criteria", "musea",  "catalogi",  "politici", "people",
    "children", "men",   "women",    "feet",   "teeth",     "mice",     "geese",
    "fish",     "sheep", "deer",     "police", "personeel", "vee",      "apis",
    "kpis",     "uris",  "guis",     "cis",    NULL};

/* Singulars that end like a plural: Dutch nouns in -es and -en, and
 * English -en words. (Words in -ss, -us and -is, such as address, status
 * and analysis, are singular by their ending.) */
static const char *const singular_lookalikes[] = {
    "adres", "proces", "inkomen", "vermogen", "examen", "teken", "wapen", "token", NULL};

/* Adjectives written after the noun they qualify, as a word or run
 * together with it ("adressenuitgebreid", "addressesExtended"): the noun
 * before them decides. */
static const char *const trailing_modifiers[] = {"uitgebreid", "beknopt",  "actueel", "historisch",
                                                 "volledig",   "extended", NULL};

/* The last word without a trailing modifier; false when nothing is left. */
static bool head_word(const adr_r_word *w, size_t count, adr_r_word *head)
{
    *head = w[count - 1];
    for (size_t i = 0; trailing_modifiers[i]; i++) {
        size_t l = strlen(trailing_modifiers[i]);
        if (!adr_r_iends(head->s, head->n, trailing_modifiers[i])) continue;
        if (head->n > l) {
            head->n -= l;
            return true;
        }
        if (count < 2) return false;
        *head = w[count - 2];
        return true;
    }
    return true;
}

static bool plural(const adr_r_word *w)
{
    if (adr_r_list_find(irregular_plurals, w->s, w->n) >= 0) return true;
    if (adr_r_list_find(singular_lookalikes, w->s, w->n) >= 0) return false;
    /* Dutch -en and -'s (auto's), Dutch and English -s. */
    if (adr_r_iends(w->s, w->n, "en") || adr_r_iends(w->s, w->n, "'s")) return true;
    if (!adr_r_iends(w->s, w->n, "s")) return false;
    return !adr_r_iends(w->s, w->n, "ss") && !adr_r_iends(w->s, w->n, "us") &&
           !adr_r_iends(w->s, w->n, "is");
}

static void check(const adr_host *h, adr_ctx *ctx, const adr_visit *v)
{
    size_t n;
    const char *path = h->text(heur_api_path(h, v), &n);
    if (!path) return;
    heur_segment segs[64];
    size_t count = heur_segments(path, n, segs, 64);
    for (size_t i = 1; i < count; i++) {
        const heur_segment *coll = &segs[i - 1];
        if (segs[i].s[0] != '{' || heur_segment_skipped(coll)) continue;
        /* A compound's number is that of its head: the last word
         * (zaak-typen), or the word before "of"/"van" (codes_of_conduct). */
        adr_r_word w[16];
        size_t nw = adr_r_words(coll->s, coll->n, w, 16);
        for (size_t k = 1; k < nw; k++)
            if (adr_r_ieq(w[k].s, w[k].n, "of") || adr_r_ieq(w[k].s, w[k].n, "van")) {
                nw = k;
                break;
            }
        adr_r_word head;
        if (!nw || !head_word(w, nw, &head) || plural(&head)) continue;
        h->report(ctx, v->node,
                  "Collection %.*s in %.*s looks singular: name collection resources with a "
                  "plural noun.",
                  (int)coll->n, coll->s, (int)n, path);
        return;
    }
}

const adr_rule adr_rule_collections_plural = {
    .struct_size = sizeof(adr_rule),
    .code = "nlgov:collections-plural",
    .rule_id = "/core/naming-collections",
    .title = "Name collection resources with plural nouns",
    .rationale =
        "The segment that names a collection is plural (gebouwen, vergunningen); its members "
        "follow as /gebouwen/{id}. A human decides this; as a hint, the segment before a path "
        "parameter is reported when its last word has no plural ending: Dutch -en, -s, -'s, "
        "English -s (not -ss, -us or -is: address, status, analysis are singular), or an "
        "irregular plural from a list (data, media, criteria, musea, people, children...); an "
        "adjective after the noun (adressenuitgebreid, addressesExtended) is skipped. A "
        "few Dutch singulars that end like plurals (adres, proces, inkomen) are listed as "
        "singular. Singular resources that stand on their own (/gebruikersprofiel) have no "
        "parameter after them and are not checked; neither are operation resources. One "
        "finding per path. No peer checks this.",
    .doc_url = HEUR_DOC_URL "naming-collections",
    .default_severity = ADR_SEVERITY_INFO,
    .formats = ADR_FORMAT_OAS3,
    .kinds = ADR_KIND_BIT(ADR_KIND_PATH_ITEM),
    .check = check,
};
