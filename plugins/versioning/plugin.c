/* Rule group "versioning": ADR 2.0 section 3.7 (/core/uri-version,
 * /core/semver, /core/version-header). */
#include "../common/rules.h"

extern const adr_rule adr_rule_semver;
extern const adr_rule adr_rule_uri_version;
extern const adr_rule adr_rule_missing_header;
extern const adr_rule adr_rule_missing_version_header;
extern const adr_rule adr_rule_version_header_value;

ADR_DEFINE_PLUGIN("versioning",
                  "Versioning: semantic versions, the major version in the URI, "
                  "the API-Version header",
                  &adr_rule_semver, &adr_rule_uri_version, &adr_rule_missing_header,
                  &adr_rule_missing_version_header, &adr_rule_version_header_value)
