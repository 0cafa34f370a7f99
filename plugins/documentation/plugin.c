/* Rule group "documentation": ADR section 3.6 (/core/doc-openapi,
 * /core/doc-openapi-contact, /core/publish-openapi). */
#include "../common/rules.h"

/* DON's adr20 ruleset also has info-version (info.version is required).
 * It is no rule here: the OpenAPI schema requires info.version, so the oas
 * plugin's oas3-schema reports a missing one, and nlgov:semver checks its
 * value; a third finding would only repeat them. */

extern const adr_rule adr_rule_openapi3;
extern const adr_rule adr_rule_openapi_root_exists;
extern const adr_rule adr_rule_info_contact;
extern const adr_rule adr_rule_info_contact_fields_exist;
extern const adr_rule adr_rule_openapi_json_exists;
extern const adr_rule adr_rule_openapi_json_has_get;
extern const adr_rule adr_rule_openapi_json_cors;

ADR_DEFINE_PLUGIN("documentation",
                  "Documentation: an OpenAPI 3 document with contact information, published at "
                  "/openapi.json",
                  &adr_rule_openapi3, &adr_rule_openapi_root_exists, &adr_rule_info_contact,
                  &adr_rule_info_contact_fields_exist, &adr_rule_openapi_json_exists,
                  &adr_rule_openapi_json_has_get, &adr_rule_openapi_json_cors)
