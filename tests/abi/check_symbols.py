"""The dynamic symbols libadrlint exports are exactly the functions declared
with ADR_API in adrlint.h, and each is in the ABI ledger
docs/symbols-in-versions (curl's symbols-in-versions, on a small scale)."""
import re
import subprocess
import sys

lib, header, ledger = sys.argv[1:4]

out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True,
                     text=True).stdout
exported = {line.split()[-1] for line in out.splitlines()
            if len(line.split()) == 3 and line.split()[1] in "TtWw"}
exported = {s.split("@")[0] for s in exported}

text = re.sub(r"/\*.*?\*/", "", open(header).read(), flags=re.S)
declared = set(re.findall(r"\bADR_API\b[^;{]*?\b(adr_\w+)\s*\(", text, flags=re.S))

ledger_syms = set()
for line in open(ledger):
    line = line.strip()
    if line and not line.startswith("#"):
        ledger_syms.add(line.split()[0])

ok = True
for name, got in (("exported but not declared in adrlint.h", exported - declared),
                  ("declared in adrlint.h but not exported", declared - exported),
                  ("declared but missing from docs/symbols-in-versions", declared - ledger_syms),
                  ("in docs/symbols-in-versions but not declared", ledger_syms - declared)):
    if got:
        ok = False
        print("%s: %s" % (name, ", ".join(sorted(got))))
print("%d symbols checked" % len(declared))
sys.exit(0 if ok else 1)
