/* Rule group "oas": the validity of the OpenAPI document itself, which the
 * Logius linter maps to /core/doc-openapi and /core/publish-openapi. */
#include "../common/rules.h"

extern const adr_rule adr_rule_valid_media_example;
extern const adr_rule adr_rule_valid_schema_example;

ADR_DEFINE_PLUGIN("oas", "OAS validity: the document is a valid OpenAPI description",
                  &adr_rule_valid_media_example, &adr_rule_valid_schema_example)
