/* Rule group "oas": the OpenAPI validity rules of Spectral's spectral:oas
 * ruleset that the official NLGov linters switch on (/core/doc-openapi,
 * /core/publish-openapi). */
#include "../common/rules.h"

extern const adr_rule adr_rule_oas3_schema;
extern const adr_rule adr_rule_oas3_api_servers;
extern const adr_rule adr_rule_operation_operationid_unique;
extern const adr_rule adr_rule_path_params;
extern const adr_rule adr_rule_openapi_tags_uniqueness;
extern const adr_rule adr_rule_oas3_server_variables;
extern const adr_rule adr_rule_unrecognized_format;

ADR_DEFINE_PLUGIN("oas",
                  "OpenAPI validity: the document's structure, unique operation ids and tags, path "
                  "parameters, server variables and servers, recognized formats",
                  &adr_rule_oas3_schema, &adr_rule_oas3_api_servers,
                  &adr_rule_operation_operationid_unique, &adr_rule_path_params,
                  &adr_rule_openapi_tags_uniqueness, &adr_rule_oas3_server_variables,
                  &adr_rule_unrecognized_format)
