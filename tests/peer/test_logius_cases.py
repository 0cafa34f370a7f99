"""The official linter's own test cases (../shared/peer-cases/logius), read in
place: `adrlint lint --profile adr-2.2 --format stylish` must print what
Spectral printed (expected-output.txt), except where Spectral is provably
wrong; those differences are listed below with the reason.

Only rules this build has are compared, so the test tightens by itself as
rule plugins are added: a finding of a known code that Spectral lacks, or a
Spectral finding of a known code that adrlint lacks, fails the test."""
import os
import re
import subprocess

import pytest

from shared import ADRLINT, require_shared

ROW = re.compile(r"^\s*(\d+):(\d+)\s+(error|warning|information|hint)\s+(\S+)\s+(.*?)\s*$")

# case -> {"missing": [expected lines adrlint rightly does not print],
#          "extra": [lines adrlint prints that Spectral does not], "why": ...}
_PC = ("%d:59  warning  nlgov:property-casing  Properties must be lowerCamelCase.  "
       "paths./resources-with-time-incorrect.get.responses[200].content.application/json."
       "schema.properties.%s")

KNOWN_DIFFERENCES = {
    "cor-api": {
        "extra": ['980:28  error  oas3-valid-schema-example  "example" property must match format '
                  '"date-time"  components.schemas.LocalDateTime.example'],
        "why": "The example 2022-03-10T12:15:50 has no time zone. OAS defines format date-time "
               "as RFC 3339 date-time, whose time-offset is required, and ADR /core/date-time "
               "asks for a time zone; Spectral's ajv-formats 2.x accepts the value anyway.",
    },
    "date-time": {
        "extra": [_PC % (92, "date-time-local"), _PC % (112, "expiration_date"),
                  _PC % (116, "expiration_Date")],
        "why": "nlgov:property-casing in the Logius ruleset only looks at the keywords of a "
               "schema property named _links, so it never fires (adr-rules.md d.1 #3); adrlint "
               "checks property names against lowerCamelCase, and these three are not.",
    },
    "paths-kebab-slashes": {
        "extra": ["183:33  error  nlgov:include-major-version-in-uri  Put the major version in "
                  "the server URL, not in the path /v1/met-versie-nummer.  "
                  "paths./v1/met-versie-nummer"],
        "why": "/core/uri-version puts the major version in the base path (server URL); DON's "
               "guidance calls /v1/... in a path key wrong. Spectral's rule only looks at root "
               "servers, so it misses this (adr-rules.md c.1 paths-kebab-slashes and d.1 #5).",
    },
}

# Every case's document documents no security headers and offers the OAuth2
# implicit flow. The Logius ruleset has no rule of the transport security
# module, which ADR 2.0 makes mandatory (/core/transport-security; 2.1+
# /core/transport/*; adr-rules.md a.2 and d.2), so it reports neither:
# - nlgov:security-headers (hint): /transport/security-headers requires them in
#   every response; a description that documents none gets one hint.
# - nlgov:no-sensitive-data-in-uri (warning): the implicit flow returns the
#   access token in the redirect URI, which /transport/no-sensitive-uris
#   forbids (and RFC 9700, the OAuth 2.0 security BCP, deprecates).
_HEADERS = ("1:1  hint  nlgov:security-headers  No response documents the security headers "
            "Cache-Control, Content-Security-Policy, Strict-Transport-Security, "
            "X-Content-Type-Options and X-Frame-Options.")
_IMPLICIT = ("%d:32  warning  nlgov:no-sensitive-data-in-uri  The OAuth2 implicit flow returns "
             "the access token in the redirect URI; use the authorization code flow.  "
             "components.securitySchemes.default.flows.implicit")
_IMPLICIT_LINE = {
    "baseline": 72, "contact-missing": 67, "contact-no-email": 71, "cor-api": 1130,
    "date-time": 230, "error-type-invalid-input": 224, "error-type": 79,
    "openapi-versie-3-0-1": 72, "paths-kebab-incorrect": 104, "paths-kebab-slashes": 220,
    "query-keys-camel-case": 177, "semver-incorrect": 72, "servers-empty": 68,
    "version-header-missing": 65,
}
for _case, _line in _IMPLICIT_LINE.items():
    _d = KNOWN_DIFFERENCES.setdefault(_case, {})
    _d.setdefault("extra", []).extend([_HEADERS, _IMPLICIT % _line])
    _d["why"] = (_d.get("why", "") + " Transport security module findings, see above.").strip()

# Cases every build must reproduce completely, whatever rules it has.
REQUIRED_EXACT = {"semver-incorrect", "version-header-missing", "baseline"}


def known_codes():
    out = subprocess.run([ADRLINT, "rules", "--profile", "adr-2.2"], capture_output=True,
                         text=True, check=True).stdout
    codes = set()
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 2 and parts[1] != "off":
            codes.add(parts[0])
    return codes


def rows(text):
    """The finding rows of stylish output, normalised to single spaces."""
    out = []
    for line in text.splitlines():
        m = ROW.match(line)
        if m:
            out.append(re.sub(r"\s{2,}", "  ", line.strip()))
    return out


def code_of(row):
    return ROW.match(row).group(4)


def cases():
    shared = require_shared()
    root = os.path.join(shared, "peer-cases", "logius")
    return sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))


@pytest.fixture(scope="module")
def codes():
    return known_codes()


@pytest.mark.parametrize("case", cases())
def test_case(case, codes):
    shared = require_shared()
    d = os.path.join(shared, "peer-cases", "logius", case)
    expected = open(os.path.join(d, "expected-output.txt"), encoding="utf-8").read()
    p = subprocess.run([ADRLINT, "lint", "--profile", "adr-2.2", "--format", "stylish",
                        os.path.join(d, "openapi.json")], capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr
    got_rows = rows(p.stdout)
    want_rows = [r for r in rows(expected) if code_of(r) in codes]
    diff = KNOWN_DIFFERENCES.get(case, {})
    for r in diff.get("missing", []):
        want_rows.remove(r)
    for r in diff.get("extra", []):
        assert r in got_rows, "documented difference no longer printed: " + r
        got_rows.remove(r)
    assert got_rows == want_rows
    if case in REQUIRED_EXACT or not set(code_of(r) for r in rows(expected)) - codes:
        # Everything Spectral reports here is implemented: compare the whole
        # output, with the file line (Spectral ran in /testcases) normalised.
        if not diff:
            text = p.stdout.replace(os.path.join(d, "openapi.json"),
                                    "/testcases/%s/openapi.json" % case)
            assert text.rstrip("\n") == expected.rstrip("\n")
            assert p.returncode == (1 if "error" in expected and "problem" in expected else 0)
