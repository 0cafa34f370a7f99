"""Compares adrlint with Spectral on the NLGov corpus for the OAS validity
rules.

For every document in ../shared/corpus/nlgov/ this runs
``$ADRLINT lint -f json --profile adr-2.2 FILE`` and reads what Spectral 6.16
reported for it with the Logius 2.2 ruleset
(../shared/corpus/nlgov-spectral/<file>.json, read in place). The findings of
the codes in CODES are compared as (code, path) sets; for the example rules
the messages of common findings are compared too. Codes the linter does not
have (``adrlint rules`` does not list them) are skipped, so a rule is checked
from the moment its plugin is merged.

Every difference must be listed in EXPLAINED with its reason: a Spectral
false positive or false negative that adrlint corrects. An unexplained
difference, or an explanation that no longer matches anything, fails the
peer test (tests/peer/test_compare_spectral.py).

Run directly for a report: ADRLINT=build/bin/adrlint python3 compare_spectral.py

What the corpus shows (Spectral 6.16.3, 2026-05):

nl-bag-ind-bevragen-v2.yaml has 328 oas3-valid-media-example findings, all
"\\"type\\" property must match format \\"uri\\"" on the "type" member of the
problem+json examples of the 4xx/5xx responses, plus one
oas3-valid-schema-example finding with the same message on
components.schemas.Error.properties.type.example. All 329 are real errors,
not false positives: each value is a plain YAML scalar folded over two lines,

    type: https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#/10.4.1
      400 Bad Request

which YAML reads as "https://...#/10.4.1 400 Bad Request". A space cannot
occur in a URI (RFC 3986), so the value does not match "format: uri". The
fragment "#/10.4.1" itself is fine. adrlint reports the same 329 findings,
with the same paths and messages; the fix in the document is to quote the
URI and move the reason phrase to "title". The nested "invalid-params"
entries (type: https://www.vng.nl/realisatie/api/validaties/integer) are
valid and reported by neither tool.
"""
import json
import os
import subprocess
import sys

CODES = ("oas3-schema", "oas3-valid-media-example", "oas3-valid-schema-example")
MESSAGE_CHECKED = ("oas3-valid-media-example", "oas3-valid-schema-example")
PROFILE = "adr-2.2"

SPECTRAL_MISSES_ALLOF_ONLY = (
    "Spectral false negative: oas3-valid-schema-example only visits schemas that have enum, "
    "type, format, $ref, properties or items. This schema has only allOf, so Spectral never "
    "checks its example; the example ({type: Polygon}) lacks the required 'coordinates' of "
    "the Polygon it extends, a real error adrlint reports.")

# (file, code, path) -> (side, reason). side: "adrlint" when only adrlint
# reports it, "spectral" when only Spectral does, "message" when both do
# with different messages.
EXPLAINED = {
    ("nl-bag-ind-bevragen-v2.yaml", "oas3-valid-schema-example",
     ("components", "schemas", "Surface", "example")): ("adrlint", SPECTRAL_MISSES_ALLOF_ONLY),
    ("nl-bag-ind-bevragen-v2.yaml", "oas3-valid-schema-example",
     ("components", "schemas", "MultiSurface", "example")): ("adrlint", SPECTRAL_MISSES_ALLOF_ONLY),
}


def known_codes(adrlint):
    """The rule codes the linter has for the profile (first column of
    'adrlint rules')."""
    out = subprocess.run([adrlint, "rules", "--profile", PROFILE], capture_output=True,
                         text=True, check=True).stdout
    codes = set()
    for line in out.splitlines()[1:]:
        parts = line.split()
        if parts:
            codes.add(parts[0])
    return codes


def findings(items, codes):
    """{(code, path tuple): message} for the compared codes."""
    return {(d["code"], tuple(str(p) for p in d["path"])): d["message"]
            for d in items if d["code"] in codes}


def run_adrlint(adrlint, path):
    proc = subprocess.run([adrlint, "lint", "-f", "json", "--profile", PROFILE, path],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError("%s failed on %s: %s" % (adrlint, path, proc.stderr))
    return json.loads(proc.stdout) if proc.stdout.strip() else []


def compare(adrlint, shared):
    """Returns (documents, differences, unexplained, stale). A difference is
    (file, code, path, side, adrlint message, spectral message, reason)."""
    corpus = os.path.join(shared, "corpus", "nlgov")
    spectral_dir = os.path.join(shared, "corpus", "nlgov-spectral")
    codes = known_codes(adrlint) & set(CODES)
    documents, differences, unexplained = [], [], []
    used = set()
    for name in sorted(os.listdir(corpus)):
        spectral_file = os.path.join(spectral_dir, name + ".json")
        if not os.path.exists(spectral_file):
            continue
        documents.append(name)
        with open(spectral_file, encoding="utf-8") as f:
            spectral = findings(json.load(f), codes)
        ours = findings(run_adrlint(adrlint, os.path.join(corpus, name)), codes)
        for key in sorted(set(ours) | set(spectral)):
            code, path = key
            a, s = ours.get(key), spectral.get(key)
            if a is not None and s is not None:
                if code not in MESSAGE_CHECKED or a == s:
                    continue
                side = "message"
            else:
                side = "adrlint" if a is not None else "spectral"
            entry = EXPLAINED.get((name, code, path))
            if entry and entry[0] == side:
                used.add((name, code, path))
                differences.append((name, code, path, side, a, s, entry[1]))
            else:
                unexplained.append((name, code, path, side, a, s, None))
    stale = [k for k in EXPLAINED if k[1] in codes and k[0] in documents and k not in used]
    return documents, differences, unexplained, stale


def main():
    adrlint = os.environ.get("ADRLINT", "adrlint")
    shared = os.environ.get("ADRLINT_SHARED") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")
    documents, differences, unexplained, stale = compare(adrlint, shared)
    print("%d documents, codes %s" % (len(documents), ", ".join(
        sorted(known_codes(adrlint) & set(CODES)))))
    for name, code, path, side, a, s, reason in differences:
        print("explained  %s %s %s (%s only): %s" % (name, code, ".".join(path), side, reason))
    for name, code, path, side, a, s, _ in unexplained:
        print("UNEXPLAINED %s %s %s (%s): adrlint=%r spectral=%r" % (name, code, ".".join(path),
                                                                    side, a, s))
    for key in stale:
        print("STALE explanation %s %s %s" % (key[0], key[1], ".".join(key[2])))
    return 1 if unexplained or stale else 0


if __name__ == "__main__":
    sys.exit(main())
