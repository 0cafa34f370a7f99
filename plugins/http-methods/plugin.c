/* Rule group "http-methods": ADR section 3.2 (/core/http-methods). */
#include "../common/rules.h"

extern const adr_rule adr_rule_http_methods;

ADR_DEFINE_PLUGIN("http-methods", "HTTP methods: only the standard HTTP methods",
                  &adr_rule_http_methods)
