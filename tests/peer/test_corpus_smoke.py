"""Every document of ../shared/corpus lints under every profile without a
crash: exit 0 or 1, nothing on stderr, and the JSON output parses. Under the
sanitizer build this is also the no-leak, no-UB check on real documents."""
import json
import os
import subprocess

import pytest

from shared import ADRLINT, SHARED

PROFILES = ["adr-2.0", "adr-2.1", "adr-2.2", "adr-2.0,future"]


def documents():
    out = []
    for sub in ("nlgov", "bench"):
        d = os.path.join(SHARED, "corpus", sub)
        out += [os.path.join(d, f) for f in sorted(os.listdir(d))]
    return out


@pytest.mark.parametrize("doc", documents(), ids=os.path.basename)
@pytest.mark.parametrize("profile", PROFILES)
def test_lints_cleanly(doc, profile):
    p = subprocess.run([ADRLINT, "lint", "--profile", profile, "-f", "json", doc],
                       capture_output=True, text=True, timeout=300)
    assert p.stderr == ""
    assert p.returncode in (0, 1)
    findings = json.loads(p.stdout)
    for f in findings:
        assert f["source"]
        assert f["range"]["start"]["line"] >= 0
