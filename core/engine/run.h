/* One lint run: the workspace, the walk's frame stack, the findings. */
#ifndef ADR_RUN_H
#define ADR_RUN_H

#include "engine.h"

typedef struct diag_rec {
    const rule_entry *rule;
    const adr_node *node; /* NULL: use doc/start/end */
    adr_doc *doc;
    uint32_t start, end;
    const char *message; /* run arena */
    adr_severity severity;
} diag_rec;

struct adr_ctx {
    struct run *run;
    const rule_entry *rule;
};

typedef struct run {
    const adr_linter *L;
    adr_ws ws;
    adr_doc *doc;      /* the linted document (ws.docs[0]) */
    uint32_t format;   /* ADR_FORMAT_* */
    adr_severity *sev; /* per rule, after per-file overrides */
    adr_visit *frames;
    size_t nframes, capframes;
    bool depth_reported;
    diag_rec *diags;
    size_t ndiags, capdiags;
    void **states; /* per rule */
    adr_arena arena;
    pcre2_match_data *md;
    struct adr_schema_ctx *schema; /* host->validate's caches, created on first use */
    void **plugin_states;          /* host->plugin_state, one slot per plugin (+1 core), lazily */
    adr_ctx ctx;
    bool oom;
} run;

/* Records a finding. msg is copied. */
void adr_run_report(run *r, const rule_entry *rule, const adr_node *at, const char *msg);
void adr_run_report_at(run *r, const rule_entry *rule, adr_doc *doc, uint32_t start, uint32_t end,
                       const char *msg);
/* deref with invalid-ref / unresolved-ref findings. */
adr_node *adr_run_deref(run *r, const adr_node *obj);

/* core/oas: the typed walk over the document. */
uint32_t adr_oas_format(const adr_node *root);
void adr_oas_walk(run *r);

#endif
