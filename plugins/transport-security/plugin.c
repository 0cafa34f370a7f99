/* Rule group "transport-security": the Transport Security module (ADR-TS
 * 1.0.x, required by /core/transport-security in ADR 2.0) and its
 * successor rules under /core/transport/ in ADR 2.1 and later. */
#include "ts.h"

extern const adr_rule adr_rule_servers_use_https;
extern const adr_rule adr_rule_security_schemes_use_https;
extern const adr_rule adr_rule_no_sensitive_data_in_uri;
extern const adr_rule adr_rule_security_headers;

ADR_DEFINE_PLUGIN("transport-security",
                  "Transport security: https server and security scheme URLs, no sensitive "
                  "information in URIs, documented security headers",
                  &adr_rule_servers_use_https, &adr_rule_security_schemes_use_https,
                  &adr_rule_no_sensitive_data_in_uri, &adr_rule_security_headers)
