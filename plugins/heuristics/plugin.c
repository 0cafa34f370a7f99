/* Rule group "heuristics": hints for the functional rules of ADR, which a
 * human must judge, drawn from names and shapes in the description. */
#include "heur.h"

extern const adr_rule adr_rule_path_segments_no_verbs;
extern const adr_rule adr_rule_collections_plural;
extern const adr_rule adr_rule_no_session_state;
extern const adr_rule adr_rule_hide_implementation;
extern const adr_rule adr_rule_http_safety_request_body;

ADR_DEFINE_PLUGIN("heuristics",
                  "Hints for functional rules: verbs in paths, singular collections, session "
                  "state, implementation details, request bodies on safe methods",
                  &adr_rule_path_segments_no_verbs, &adr_rule_collections_plural,
                  &adr_rule_no_session_state, &adr_rule_hide_implementation,
                  &adr_rule_http_safety_request_body)
