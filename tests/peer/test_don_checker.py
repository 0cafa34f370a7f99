"""DON's ADR checker example (../shared/peer-cases/don-checker/example.json):
its own ADR 2.0 test asserts zero errors, and so does adrlint with the
adr-2.0 profile; its remote $refs (to static.developer.overheid.nl) are never
fetched and are reported only as information."""
import json
import os
import subprocess

from shared import ADRLINT, SHARED


def lint(profile):
    doc = os.path.join(SHARED, "peer-cases", "don-checker", "example.json")
    p = subprocess.run([ADRLINT, "lint", "--profile", profile, "-f", "json", doc],
                       capture_output=True, text=True)
    assert p.stderr == ""
    return p.returncode, json.loads(p.stdout)


def test_zero_errors_with_adr_2_0():
    rc, findings = lint("adr-2.0")
    assert rc == 0
    assert [f for f in findings if f["severity"] == 0] == []
    remote = [f for f in findings if f["code"] == "unresolved-ref"]
    assert len(remote) == 4
    assert all(f["severity"] == 2 for f in remote)
    assert all("was not fetched" in f["message"] for f in remote)
    assert {"/".join(f["path"]) for f in remote} >= {
        "paths//apis/get/responses/200/headers/API-Version/$ref"}


def test_future_warns_about_2_1():
    rc, findings = lint("adr-2.0,future")
    assert rc == 0
    future = [f for f in findings if f["message"].endswith("(becomes an error in ADR 2.1)")]
    assert {f["code"] for f in future} >= {"info-contact"}
    assert all(f["severity"] == 1 for f in future)
