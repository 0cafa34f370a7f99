/* Rule group "oas": the validity of the OpenAPI document itself, which the
 * Logius linter maps to /core/doc-openapi and /core/publish-openapi: its
 * structure, unique operation ids and tags, path parameters, server
 * variables and servers, recognized formats, and examples that match their
 * schemas. These are the spectral:oas rules the official rulesets switch on. */
#include "../common/rules.h"

extern const adr_rule adr_rule_oas3_schema;
extern const adr_rule adr_rule_oas3_api_servers;
extern const adr_rule adr_rule_operation_operationid_unique;
extern const adr_rule adr_rule_path_params;
extern const adr_rule adr_rule_openapi_tags_uniqueness;
extern const adr_rule adr_rule_oas3_server_variables;
extern const adr_rule adr_rule_unrecognized_format;
extern const adr_rule adr_rule_valid_media_example;
extern const adr_rule adr_rule_valid_schema_example;

ADR_DEFINE_PLUGIN("oas",
                  "OpenAPI validity: the document's structure, unique operation ids and tags, path "
                  "parameters, server variables and servers, recognized formats, valid examples",
                  &adr_rule_oas3_schema, &adr_rule_oas3_api_servers,
                  &adr_rule_operation_operationid_unique, &adr_rule_path_params,
                  &adr_rule_openapi_tags_uniqueness, &adr_rule_oas3_server_variables,
                  &adr_rule_unrecognized_format, &adr_rule_valid_media_example,
                  &adr_rule_valid_schema_example)
