/* Shared by the rules of the transport-security plugin. */
#ifndef ADR_TRANSPORT_SECURITY_H
#define ADR_TRANSPORT_SECURITY_H

#include "../common/rules.h"
#include "../common/words.h"

/* ADR 2.1.0 is the first version that holds the module's rules under
 * /core/transport/; its published text has an anchor for each. */
#define TS_DOC_URL "https://gitdocumentatie.logius.nl/publicatie/api/adr/2.1.0/#/core/transport/"

/* Length of the URI scheme at the start of url (RFC 3986: a letter, then
 * letters, digits, '+', '-' or '.', then ':'), or 0 when url is a relative
 * reference ("/api/v1", "//host/v1", ""). */
size_t ts_scheme_len(const char *url, size_t n);

#endif
