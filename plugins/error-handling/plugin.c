/* Rule group "error-handling": ADR 2.2 section "Error handling"
 * (/core/error-handling/problem-details, /core/error-handling/invalid-input). */
#include "../common/rules.h"

extern const adr_rule adr_rule_use_problem_schema;
extern const adr_rule adr_rule_problem_schema_members;
extern const adr_rule adr_rule_problem_invalid_input;

ADR_DEFINE_PLUGIN("error-handling",
                  "Error handling: problem details for error responses, 400 for invalid input",
                  &adr_rule_use_problem_schema, &adr_rule_problem_schema_members,
                  &adr_rule_problem_invalid_input)
