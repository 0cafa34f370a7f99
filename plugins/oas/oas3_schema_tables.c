/* The fixed fields of every OpenAPI 3.0.3 / 3.1 object, transcribed from the
 * specification texts (sections "Fixed Fields" and "Patterned Fields" of each
 * object). Where the two versions differ, a field carries FL_V30 / FL_V31 or
 * version-dependent FL_REQ30 / FL_REQ31. Checks that a table cannot say
 * (mutually exclusive fields, values that depend on another field) live in
 * oas3_schema.c. */
#include "oas3_schema.h"

#define F(name, kind, arg, flags) \
    {                             \
        name, kind, arg, flags    \
    }
#define SPEC(id, name, fields, pattern, flags) \
    [id] = {name, fields, (uint8_t)(sizeof fields / sizeof fields[0]), pattern, flags}

static const oas_field root_fields[] = {
    F("openapi", VK_STRING, F_NONE, FL_REQ),
    F("info", VK_OBJ, O_INFO, FL_REQ),
    F("jsonSchemaDialect", VK_STRING, F_URI, FL_V31),
    F("servers", VK_ARR, O_SERVER, 0),
    F("paths", VK_OBJ, O_PATHS, FL_REQ30),
    F("webhooks", VK_MAP_REF, O_PATH_ITEM, FL_V31),
    F("components", VK_OBJ, O_COMPONENTS, 0),
    F("security", VK_SECREQ_ARR, 0, 0),
    F("tags", VK_ARR, O_TAG, FL_UNIQUE30),
    F("externalDocs", VK_OBJ, O_EXTDOCS, 0),
};

static const oas_field info_fields[] = {
    F("title", VK_STRING, F_NONE, FL_REQ),   F("summary", VK_STRING, F_NONE, FL_V31),
    F("description", VK_STRING, F_NONE, 0),  F("termsOfService", VK_STRING, F_URL, 0),
    F("contact", VK_OBJ, O_CONTACT, 0),      F("license", VK_OBJ, O_LICENSE, 0),
    F("version", VK_STRING, F_NONE, FL_REQ),
};

static const oas_field contact_fields[] = {
    F("name", VK_STRING, F_NONE, 0),
    F("url", VK_STRING, F_URL, 0),
    F("email", VK_STRING, F_EMAIL, 0),
};

static const oas_field license_fields[] = {
    F("name", VK_STRING, F_NONE, FL_REQ),
    F("identifier", VK_STRING, F_NONE, FL_V31),
    F("url", VK_STRING, F_URL, 0),
};

static const oas_field server_fields[] = {
    F("url", VK_STRING, F_NONE, FL_REQ),
    F("description", VK_STRING, F_NONE, 0),
    F("variables", VK_MAP, O_SERVER_VAR, 0),
};

static const oas_field server_var_fields[] = {
    F("enum", VK_STR_ARR, 0, FL_MIN1_31),
    F("default", VK_STRING, F_NONE, FL_REQ),
    F("description", VK_STRING, F_NONE, 0),
};

static const oas_field components_fields[] = {
    F("schemas", VK_SCHEMA_MAP, 0, 0),
    F("responses", VK_MAP_REF, O_RESPONSE, 0),
    F("parameters", VK_MAP_REF, O_PARAMETER, 0),
    F("examples", VK_MAP_REF, O_EXAMPLE, 0),
    F("requestBodies", VK_MAP_REF, O_REQUEST_BODY, 0),
    F("headers", VK_MAP_REF, O_HEADER, 0),
    F("securitySchemes", VK_MAP_REF, O_SECURITY_SCHEME, 0),
    F("links", VK_MAP_REF, O_LINK, 0),
    F("callbacks", VK_MAP_REF, O_CALLBACK, 0),
    F("pathItems", VK_MAP_REF, O_PATH_ITEM, FL_V31),
};

/* Paths: only patterned fields ("/..." keys) and extensions. A dummy entry
 * keeps the table non-empty. */
static const oas_field paths_fields[] = {
    F(NULL, VK_ANY, 0, 0),
};

static const oas_field path_item_fields[] = {
    F("$ref", VK_STRING, F_URI_REF, 0),
    F("summary", VK_STRING, F_NONE, 0),
    F("description", VK_STRING, F_NONE, 0),
    F("get", VK_OBJ, O_OPERATION, 0),
    F("put", VK_OBJ, O_OPERATION, 0),
    F("post", VK_OBJ, O_OPERATION, 0),
    F("delete", VK_OBJ, O_OPERATION, 0),
    F("options", VK_OBJ, O_OPERATION, 0),
    F("head", VK_OBJ, O_OPERATION, 0),
    F("patch", VK_OBJ, O_OPERATION, 0),
    F("trace", VK_OBJ, O_OPERATION, 0),
    F("servers", VK_ARR, O_SERVER, 0),
    F("parameters", VK_ARR_REF, O_PARAMETER, FL_UNIQUE30),
};

static const oas_field operation_fields[] = {
    F("tags", VK_STR_ARR, 0, 0),
    F("summary", VK_STRING, F_NONE, 0),
    F("description", VK_STRING, F_NONE, 0),
    F("externalDocs", VK_OBJ, O_EXTDOCS, 0),
    F("operationId", VK_STRING, F_NONE, 0),
    F("parameters", VK_ARR_REF, O_PARAMETER, FL_UNIQUE30),
    F("requestBody", VK_OBJ_REF, O_REQUEST_BODY, 0),
    /* 3.1 made responses optional (webhooks need not describe them). */
    F("responses", VK_OBJ, O_RESPONSES, FL_REQ30),
    F("callbacks", VK_MAP_REF, O_CALLBACK, 0),
    F("deprecated", VK_BOOL, 0, 0),
    F("security", VK_SECREQ_ARR, 0, 0),
    F("servers", VK_ARR, O_SERVER, 0),
};

static const oas_field extdocs_fields[] = {
    F("description", VK_STRING, F_NONE, 0),
    F("url", VK_STRING, F_URL, FL_REQ),
};

static const oas_field schema_extdocs_fields[] = {
    F("description", VK_STRING, F_NONE, 0),
    F("url", VK_STRING, F_URI_REF, FL_REQ),
};

/* "in", "style", the schema/content pair and the fields that only apply to
 * some locations are checked in oas3_schema.c. */
static const oas_field parameter_fields[] = {
    F("name", VK_STRING, F_NONE, FL_REQ),    F("in", VK_ANY, 0, 0),
    F("description", VK_STRING, F_NONE, 0),  F("required", VK_BOOL, 0, 0),
    F("deprecated", VK_BOOL, 0, 0),          F("allowEmptyValue", VK_BOOL, 0, 0),
    F("style", VK_STRING, F_NONE, 0),        F("explode", VK_BOOL, 0, 0),
    F("allowReserved", VK_BOOL, 0, 0),       F("schema", VK_SCHEMA, 0, 0),
    F("content", VK_CONTENT, 1, 0),          F("example", VK_ANY, 0, 0),
    F("examples", VK_MAP_REF, O_EXAMPLE, 0),
};

static const oas_field request_body_fields[] = {
    F("description", VK_STRING, F_NONE, 0),
    F("content", VK_CONTENT, 0, FL_REQ),
    F("required", VK_BOOL, 0, 0),
};

static const oas_field media_type_fields[] = {
    F("schema", VK_SCHEMA, 0, 0),
    F("example", VK_ANY, 0, 0),
    F("examples", VK_MAP_REF, O_EXAMPLE, 0),
    F("encoding", VK_MAP, O_ENCODING, 0),
};

static const oas_field encoding_fields[] = {
    F("contentType", VK_STRING, F_NONE, 0),   F("headers", VK_MAP_REF, O_HEADER, 0),
    F("style", VK_ENUM, E_ENCODING_STYLE, 0), F("explode", VK_BOOL, 0, 0),
    F("allowReserved", VK_BOOL, 0, 0),
};

static const oas_field responses_fields[] = {
    F("default", VK_OBJ_REF, O_RESPONSE, 0),
};

static const oas_field response_fields[] = {
    F("description", VK_STRING, F_NONE, FL_REQ),
    F("headers", VK_MAP_REF, O_HEADER, 0),
    F("content", VK_CONTENT, 0, 0),
    F("links", VK_MAP_REF, O_LINK, 0),
};

static const oas_field callback_fields[] = {
    F(NULL, VK_ANY, 0, 0),
};

static const oas_field example_fields[] = {
    F("summary", VK_STRING, F_NONE, 0),
    F("description", VK_STRING, F_NONE, 0),
    F("value", VK_ANY, 0, 0),
    F("externalValue", VK_STRING, F_URL, 0),
};

static const oas_field link_fields[] = {
    F("operationRef", VK_STRING, F_URI_REF, 0), F("operationId", VK_STRING, F_NONE, 0),
    F("parameters", VK_ANY_MAP, 0, 0),          F("requestBody", VK_ANY, 0, 0),
    F("description", VK_STRING, F_NONE, 0),     F("server", VK_OBJ, O_SERVER, 0),
};

/* The Header Object is a Parameter Object without name and in. Fields that
 * only apply to other locations are checked in oas3_schema.c. */
static const oas_field header_fields[] = {
    F("description", VK_STRING, F_NONE, 0),
    F("required", VK_BOOL, 0, 0),
    F("deprecated", VK_BOOL, 0, 0),
    F("allowEmptyValue", VK_BOOL, 0, 0),
    F("style", VK_ANY, 0, 0),
    F("explode", VK_BOOL, 0, 0),
    F("allowReserved", VK_BOOL, 0, 0),
    F("schema", VK_SCHEMA, 0, 0),
    F("content", VK_CONTENT, 1, 0),
    F("example", VK_ANY, 0, 0),
    F("examples", VK_MAP_REF, O_EXAMPLE, 0),
};

static const oas_field tag_fields[] = {
    F("name", VK_STRING, F_NONE, FL_REQ),
    F("description", VK_STRING, F_NONE, 0),
    F("externalDocs", VK_OBJ, O_EXTDOCS, 0),
};

/* 3.0: the Schema Object's subset of JSON Schema Wright draft 00 plus the
 * OpenAPI keywords; other keys are not allowed. 3.1: JSON Schema 2020-12
 * (whose vocabularies allow unknown keywords) plus the OpenAPI base
 * vocabulary. Only the types of the keywords are checked, not full
 * meta-schema validation. */
static const oas_field schema_fields[] = {
    F("title", VK_STRING, F_NONE, 0),
    F("multipleOf", VK_POS_NUMBER, 0, 0),
    F("maximum", VK_NUMBER, 0, 0),
    F("exclusiveMaximum", VK_EXCLUSIVE, 0, 0),
    F("minimum", VK_NUMBER, 0, 0),
    F("exclusiveMinimum", VK_EXCLUSIVE, 0, 0),
    F("maxLength", VK_NONNEG_INT, 0, 0),
    F("minLength", VK_NONNEG_INT, 0, 0),
    F("pattern", VK_STRING, F_NONE, 0),
    F("maxItems", VK_NONNEG_INT, 0, 0),
    F("minItems", VK_NONNEG_INT, 0, 0),
    F("uniqueItems", VK_BOOL, 0, 0),
    F("maxProperties", VK_NONNEG_INT, 0, 0),
    F("minProperties", VK_NONNEG_INT, 0, 0),
    F("required", VK_REQUIRED, 0, 0),
    F("enum", VK_ENUM_VALUES, 0, 0),
    F("type", VK_TYPE, 0, 0),
    F("not", VK_SCHEMA, 0, 0),
    F("allOf", VK_SCHEMA_ARR, 0, 0),
    F("oneOf", VK_SCHEMA_ARR, 0, 0),
    F("anyOf", VK_SCHEMA_ARR, 0, 0),
    F("items", VK_SCHEMA, 0, 0),
    F("properties", VK_SCHEMA_MAP, 0, 0),
    F("additionalProperties", VK_ADDL_PROPS, 0, 0),
    F("description", VK_STRING, F_NONE, 0),
    F("format", VK_STRING, F_NONE, 0),
    F("default", VK_ANY, 0, 0),
    F("nullable", VK_BOOL, 0, FL_V30),
    F("discriminator", VK_OBJ, O_DISCRIMINATOR, 0),
    F("readOnly", VK_BOOL, 0, 0),
    F("writeOnly", VK_BOOL, 0, 0),
    F("xml", VK_OBJ, O_XML, 0),
    F("externalDocs", VK_OBJ, O_SCHEMA_EXTDOCS, 0),
    F("example", VK_ANY, 0, 0),
    F("deprecated", VK_BOOL, 0, 0),
    /* JSON Schema 2020-12 core, applicator, validation, meta-data, content */
    F("$id", VK_STRING, F_URI_REF, FL_V31),
    F("$schema", VK_STRING, F_URI, FL_V31),
    F("$ref", VK_STRING, F_URI_REF, FL_V31),
    F("$anchor", VK_STRING, F_NONE, FL_V31),
    F("$dynamicRef", VK_STRING, F_URI_REF, FL_V31),
    F("$dynamicAnchor", VK_STRING, F_NONE, FL_V31),
    F("$comment", VK_STRING, F_NONE, FL_V31),
    F("$defs", VK_SCHEMA_MAP, 0, FL_V31),
    F("definitions", VK_SCHEMA_MAP, 0, FL_V31),
    F("prefixItems", VK_SCHEMA_ARR, 0, FL_V31),
    F("contains", VK_SCHEMA, 0, FL_V31),
    F("if", VK_SCHEMA, 0, FL_V31),
    F("then", VK_SCHEMA, 0, FL_V31),
    F("else", VK_SCHEMA, 0, FL_V31),
    F("dependentSchemas", VK_SCHEMA_MAP, 0, FL_V31),
    F("patternProperties", VK_SCHEMA_MAP, 0, FL_V31),
    F("propertyNames", VK_SCHEMA, 0, FL_V31),
    F("unevaluatedItems", VK_SCHEMA, 0, FL_V31),
    F("unevaluatedProperties", VK_SCHEMA, 0, FL_V31),
    F("const", VK_ANY, 0, FL_V31),
    F("maxContains", VK_NONNEG_INT, 0, FL_V31),
    F("minContains", VK_NONNEG_INT, 0, FL_V31),
    F("dependentRequired", VK_DEP_REQUIRED, 0, FL_V31),
    F("contentEncoding", VK_STRING, F_NONE, FL_V31),
    F("contentMediaType", VK_STRING, F_NONE, FL_V31),
    F("contentSchema", VK_SCHEMA, 0, FL_V31),
    F("examples", VK_ANY_ARR, 0, FL_V31),
};

/* Fields are tracked in a 64-bit mask; the Schema Object has the most. */
_Static_assert(sizeof schema_fields / sizeof schema_fields[0] <= OAS_MAX_FIELDS,
               "too many Schema Object fields");

static const oas_field discriminator_fields[] = {
    F("propertyName", VK_STRING, F_NONE, FL_REQ),
    F("mapping", VK_STR_MAP, 0, 0),
};

static const oas_field xml_fields[] = {
    F("name", VK_STRING, F_NONE, 0),   F("namespace", VK_STRING, F_URI, 0),
    F("prefix", VK_STRING, F_NONE, 0), F("attribute", VK_BOOL, 0, 0),
    F("wrapped", VK_BOOL, 0, 0),
};

/* Security schemes: the fields that apply to each type ("Applies To"). */
static const oas_field ss_apikey_fields[] = {
    F("type", VK_ANY, 0, 0),
    F("description", VK_STRING, F_NONE, 0),
    F("name", VK_STRING, F_NONE, FL_REQ),
    F("in", VK_ENUM, E_APIKEY_IN, FL_REQ),
};

static const oas_field ss_http_fields[] = {
    F("type", VK_ANY, 0, 0),
    F("description", VK_STRING, F_NONE, 0),
    F("scheme", VK_STRING, F_NONE, FL_REQ),
    F("bearerFormat", VK_STRING, F_NONE, 0),
};

static const oas_field ss_oauth2_fields[] = {
    F("type", VK_ANY, 0, 0),
    F("description", VK_STRING, F_NONE, 0),
    F("flows", VK_OBJ, O_OAUTH_FLOWS, FL_REQ),
};

static const oas_field ss_oidc_fields[] = {
    F("type", VK_ANY, 0, 0),
    F("description", VK_STRING, F_NONE, 0),
    F("openIdConnectUrl", VK_STRING, F_URL, FL_REQ),
};

static const oas_field ss_mtls_fields[] = {
    F("type", VK_ANY, 0, 0),
    F("description", VK_STRING, F_NONE, 0),
};

static const oas_field oauth_flows_fields[] = {
    F("implicit", VK_OBJ, O_FLOW_IMPLICIT, 0),
    F("password", VK_OBJ, O_FLOW_PASSWORD, 0),
    F("clientCredentials", VK_OBJ, O_FLOW_CLIENT, 0),
    F("authorizationCode", VK_OBJ, O_FLOW_CODE, 0),
};

static const oas_field flow_implicit_fields[] = {
    F("authorizationUrl", VK_STRING, F_URI_REF, FL_REQ),
    F("refreshUrl", VK_STRING, F_URI_REF, 0),
    F("scopes", VK_STR_MAP, 0, FL_REQ),
};

static const oas_field flow_token_fields[] = {
    F("tokenUrl", VK_STRING, F_URI_REF, FL_REQ),
    F("refreshUrl", VK_STRING, F_URI_REF, 0),
    F("scopes", VK_STR_MAP, 0, FL_REQ),
};

static const oas_field flow_code_fields[] = {
    F("authorizationUrl", VK_STRING, F_URI_REF, FL_REQ),
    F("tokenUrl", VK_STRING, F_URI_REF, FL_REQ),
    F("refreshUrl", VK_STRING, F_URI_REF, 0),
    F("scopes", VK_STR_MAP, 0, FL_REQ),
};

const oas_spec oas_specs[O_COUNT] = {
    SPEC(O_ROOT, "OpenAPI", root_fields, P_NONE, OF_EXT),
    SPEC(O_INFO, "Info", info_fields, P_NONE, OF_EXT),
    SPEC(O_CONTACT, "Contact", contact_fields, P_NONE, OF_EXT),
    SPEC(O_LICENSE, "License", license_fields, P_NONE, OF_EXT),
    SPEC(O_SERVER, "Server", server_fields, P_NONE, OF_EXT),
    SPEC(O_SERVER_VAR, "Server Variable", server_var_fields, P_NONE, OF_EXT),
    SPEC(O_COMPONENTS, "Components", components_fields, P_NONE, OF_EXT),
    SPEC(O_PATHS, "Paths", paths_fields, P_PATHS, OF_EXT),
    SPEC(O_PATH_ITEM, "Path Item", path_item_fields, P_NONE, OF_EXT),
    SPEC(O_OPERATION, "Operation", operation_fields, P_NONE, OF_EXT),
    SPEC(O_EXTDOCS, "External Documentation", extdocs_fields, P_NONE, OF_EXT),
    SPEC(O_SCHEMA_EXTDOCS, "External Documentation", schema_extdocs_fields, P_NONE, OF_EXT),
    SPEC(O_PARAMETER, "Parameter", parameter_fields, P_NONE, OF_EXT),
    SPEC(O_REQUEST_BODY, "Request Body", request_body_fields, P_NONE, OF_EXT),
    SPEC(O_MEDIA_TYPE, "Media Type", media_type_fields, P_NONE, OF_EXT),
    SPEC(O_ENCODING, "Encoding", encoding_fields, P_NONE, OF_EXT),
    SPEC(O_RESPONSES, "Responses", responses_fields, P_RESPONSES, OF_EXT),
    SPEC(O_RESPONSE, "Response", response_fields, P_NONE, OF_EXT),
    SPEC(O_CALLBACK, "Callback", callback_fields, P_CALLBACK, OF_EXT),
    SPEC(O_EXAMPLE, "Example", example_fields, P_NONE, OF_EXT),
    SPEC(O_LINK, "Link", link_fields, P_NONE, OF_EXT),
    SPEC(O_HEADER, "Header", header_fields, P_NONE, OF_EXT),
    SPEC(O_TAG, "Tag", tag_fields, P_NONE, OF_EXT),
    SPEC(O_SCHEMA, "Schema", schema_fields, P_NONE, OF_EXT | OF_OPEN31),
    /* 3.0.3 does not list extensions or other keys for the Discriminator;
     * Spectral's 3.0 schema accepts anything beside its two fields. */
    SPEC(O_DISCRIMINATOR, "Discriminator", discriminator_fields, P_NONE, OF_EXT | OF_OPEN30),
    SPEC(O_XML, "XML", xml_fields, P_NONE, OF_EXT),
    SPEC(O_SECURITY_SCHEME, "Security Scheme", ss_mtls_fields, P_NONE, OF_EXT),
    SPEC(O_SS_APIKEY, "Security Scheme (apiKey)", ss_apikey_fields, P_NONE, OF_EXT),
    SPEC(O_SS_HTTP, "Security Scheme (http)", ss_http_fields, P_NONE, OF_EXT),
    SPEC(O_SS_OAUTH2, "Security Scheme (oauth2)", ss_oauth2_fields, P_NONE, OF_EXT),
    SPEC(O_SS_OIDC, "Security Scheme (openIdConnect)", ss_oidc_fields, P_NONE, OF_EXT),
    SPEC(O_SS_MTLS, "Security Scheme (mutualTLS)", ss_mtls_fields, P_NONE, OF_EXT),
    SPEC(O_OAUTH_FLOWS, "OAuth Flows", oauth_flows_fields, P_NONE, OF_EXT),
    SPEC(O_FLOW_IMPLICIT, "OAuth Flow (implicit)", flow_implicit_fields, P_NONE, OF_EXT),
    SPEC(O_FLOW_PASSWORD, "OAuth Flow (password)", flow_token_fields, P_NONE, OF_EXT),
    SPEC(O_FLOW_CLIENT, "OAuth Flow (clientCredentials)", flow_token_fields, P_NONE, OF_EXT),
    SPEC(O_FLOW_CODE, "OAuth Flow (authorizationCode)", flow_code_fields, P_NONE, OF_EXT),
};

static const char *const encoding_styles[] = {"form", "spaceDelimited", "pipeDelimited",
                                              "deepObject", NULL};
static const char *const apikey_in[] = {"header", "query", "cookie", NULL};

const char *const *const oas_enums[] = {
    [E_ENCODING_STYLE] = encoding_styles,
    [E_APIKEY_IN] = apikey_in,
};
