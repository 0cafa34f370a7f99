"""docs/corpus-findings.md is what tests/peer/corpus_table.py writes now: a
rule change that alters the findings on the corpus must regenerate it
(python3 tests/peer/corpus_table.py build/bin/adrlint ../shared docs/corpus-findings.md)."""
import os
import subprocess
import sys

from shared import ADRLINT, SOURCE, require_shared


def test_corpus_table_is_current(tmp_path):
    shared = require_shared()
    out = tmp_path / "corpus-findings.md"
    subprocess.run([sys.executable, os.path.join(SOURCE, "tests", "peer", "corpus_table.py"),
                    ADRLINT, shared, str(out)], check=True, timeout=600)
    with open(os.path.join(SOURCE, "docs", "corpus-findings.md"), encoding="utf-8") as f:
        checked_in = f.read()
    assert out.read_text(encoding="utf-8") == checked_in, (
        "docs/corpus-findings.md is stale: regenerate it with tests/peer/corpus_table.py")
