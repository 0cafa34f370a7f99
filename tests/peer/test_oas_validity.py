"""The oas plugin against real documents: the Logius baseline and the bench
corpus are valid OpenAPI, the Logius peer cases and Spectral's stored output
on the NLGov corpus give the same findings for the oas rules."""
import glob
import json
import os
import re
import subprocess

import pytest

from shared import ADRLINT, require_shared

SHARED = require_shared()

OAS_RULES = {
    "oas3-schema",
    "operation-operationId-unique",
    "path-params",
    "openapi-tags-uniqueness",
    "oas3-server-variables",
    "oas3-api-servers",
    "unrecognized-format",
}


def lint(path, profile="adr-2.2"):
    """Our findings of the oas rules as (line, column, code, message), 1-based
    like Spectral's stylish output."""
    out = subprocess.run([ADRLINT, "lint", "--profile", profile, "-f", "json", path],
                         capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    return sorted((d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1,
                   d["code"], d["message"])
                  for d in json.loads(out.stdout) if d["code"] in OAS_RULES)


def test_logius_baseline_is_valid():
    path = os.path.join(SHARED, "peer-cases", "logius", "baseline", "openapi.json")
    assert lint(path) == []


# The OpenAI description (OpenAPI 3.1.0) really is invalid in two ways, which
# Spectral's 3.1 schema (JSON Schema 2020-12 meta-schema) reports too:
# - exclusiveMinimum is a number in JSON Schema 2020-12; the boolean form
#   "exclusiveMinimum: true" is JSON Schema draft 4 / OpenAPI 3.0 syntax;
# - "required" must not list a property twice (uniqueItems in the
#   meta-schema); ContainerResource lists id, name, created_at and status
#   twice.
OPENAI_FINDINGS = [
    (32651, 16, "oas3-schema",
     '"required" property must not have duplicate items (items ## 4 and 8 are identical).'),
] + [(line, col, "oas3-schema", '"exclusiveMinimum" property must be number.')
     for line, col in [(35081, 37), (39926, 33), (39953, 33), (40023, 33), (40060, 33),
                       (40130, 33), (40337, 37)]]


@pytest.mark.parametrize("name", sorted(
    os.path.basename(p) for p in glob.glob(os.path.join(SHARED, "corpus", "bench", "*"))))
def test_bench_documents_are_valid(name):
    expected = OPENAI_FINDINGS if name == "openai-openapi.yaml" else []
    assert lint(os.path.join(SHARED, "corpus", "bench", name)) == expected


STYLISH = re.compile(r"^\s*(\d+):(\d+)\s+(?:error|warning|info|hint)\s+(\S+)\s+(.*?)(?:\s{2,}\S+)?$")


def logius_expected(case_dir):
    """The oas findings in a peer case's expected-output.txt."""
    with open(os.path.join(case_dir, "expected-output.txt"), encoding="utf-8") as f:
        rows = [STYLISH.match(line.rstrip("\n")) for line in f]
    return sorted((int(m.group(1)), int(m.group(2)), m.group(3), m.group(4).rstrip())
                  for m in rows if m and m.group(3) in OAS_RULES)


@pytest.mark.parametrize("case", sorted(
    os.path.basename(p) for p in glob.glob(os.path.join(SHARED, "peer-cases", "logius", "*"))))
def test_logius_peer_cases(case):
    case_dir = os.path.join(SHARED, "peer-cases", "logius", case)
    docs = [p for p in glob.glob(os.path.join(case_dir, "*"))
            if os.path.basename(p) not in ("expected-output.txt", "spectral-result.json")]
    assert len(docs) == 1
    assert lint(docs[0]) == logius_expected(case_dir)


def test_peer_cases_cover_the_oas_rules():
    """The comparison above must compare something: servers-empty and
    openapi-versie-missing carry oas findings."""
    base = os.path.join(SHARED, "peer-cases", "logius")
    assert logius_expected(os.path.join(base, "servers-empty")) == [
        (13, 15, "oas3-api-servers", 'OpenAPI "servers" must be present and non-empty array.')]
    assert [f[2] for f in logius_expected(os.path.join(base, "openapi-versie-missing"))] == [
        "unrecognized-format"]


@pytest.mark.parametrize("name", sorted(
    os.path.basename(p) for p in glob.glob(os.path.join(SHARED, "corpus", "nlgov", "*"))))
def test_nlgov_corpus_matches_spectral(name):
    """Spectral 6.16.3 with the Logius 2.2 ruleset reports none of the oas
    rules on these documents; neither do we."""
    with open(os.path.join(SHARED, "corpus", "nlgov-spectral", name + ".json"),
              encoding="utf-8") as f:
        spectral = sorted((d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1,
                           d["code"], d["message"])
                          for d in json.load(f) if d["code"] in OAS_RULES)
    assert lint(os.path.join(SHARED, "corpus", "nlgov", name)) == spectral
