"""docs/rules.md and docs/rules/*.md equal what `adrlint docs` generates now,
and every rule has a page with a rationale, a passing and a failing example."""
import filecmp
import os
import subprocess
import sys
import tempfile

adrlint, docs = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([adrlint, "docs", tmp], check=True)
    bad = []
    want = sorted(os.listdir(os.path.join(tmp, "rules")))
    have = sorted(os.listdir(os.path.join(docs, "rules"))) if os.path.isdir(
        os.path.join(docs, "rules")) else []
    for name in sorted(set(want) | set(have)):
        a, b = os.path.join(tmp, "rules", name), os.path.join(docs, "rules", name)
        if not os.path.exists(b):
            bad.append("missing docs/rules/" + name)
        elif not os.path.exists(a):
            bad.append("stale docs/rules/" + name + " (no such rule)")
        elif not filecmp.cmp(a, b, shallow=False):
            bad.append("outdated docs/rules/" + name)
        if os.path.exists(a):
            text = open(a).read()
            if "## Rationale\n\n\n" in text:
                bad.append(name + ": rule has no rationale")
            if "## Passes" not in text or "## Fails" not in text:
                bad.append(name + ": rule lacks a passing or failing fixture")
    if not filecmp.cmp(os.path.join(tmp, "rules.md"), os.path.join(docs, "rules.md"),
                       shallow=False) if os.path.exists(os.path.join(docs, "rules.md")) else True:
        bad.append("outdated docs/rules.md")
    for b in bad:
        print(b)
    if bad:
        print("regenerate with: %s docs %s" % (adrlint, docs))
        sys.exit(1)
    print("%d rule pages up to date" % len(want))
