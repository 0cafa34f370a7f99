#!/usr/bin/env python3
"""Builds docs/adrlint.1 from docs/adrlint.1.in and the --help texts of the
built adrlint, so that the man page documents exactly the options the
program has. tests/cli/test_man.py runs it with --check.

    docs/gen-man.py ADRLINT            rewrite docs/adrlint.1
    docs/gen-man.py --check ADRLINT    exit 1 when docs/adrlint.1 is stale
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPTION = re.compile(r"^ {2,6}(-\S.*?)(?:\s{2,}(\S.*))?$")
CONTINUATION = re.compile(r"^ {7,}(\S.*)$")


def roff(text):
    """Escapes text for a roff line: backslashes, minus signs, and a
    leading dot or quote that roff would take for a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def spec(s):
    """'-r, --ruleset FILE' -> bold options, italic arguments."""
    out = []
    for word in s.split(" "):
        comma = word.endswith(",")
        w = word[:-1] if comma else word
        out.append(("\\fB%s\\fR" if w.startswith("-") else "\\fI%s\\fR") % roff(w)
                   + ("," if comma else ""))
    return " ".join(out)


def options(help_text):
    """The option list of a --help text as .TP paragraphs."""
    lines = help_text.split("\n")
    start = lines.index("Options:") + 1
    out = []
    for line in lines[start:]:
        if not line.strip():
            break
        m = OPTION.match(line)
        if m:
            out.append(".TP")
            out.append(spec(m.group(1)))
            if m.group(2):
                out.append(roff(m.group(2)))
            continue
        m = CONTINUATION.match(line)
        if not m:
            raise SystemExit("gen-man: cannot read help line %r" % line)
        out.append(roff(m.group(1)))
    return "\n".join(out)


def helptext(adrlint, *args):
    return subprocess.run([adrlint] + list(args) + ["--help"], check=True,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")


def generate(adrlint):
    with open(os.path.join(HERE, "adrlint.1.in"), encoding="utf-8") as f:
        page = f.read()
    version = subprocess.run([adrlint, "--version"], check=True,
                             stdout=subprocess.PIPE).stdout.decode().split()[1]
    page = page.replace("@VERSION@", version)
    page = page.replace("@MAIN_OPTIONS@", options(helptext(adrlint)))
    for cmd in ("lint", "baseline", "rules", "explain", "docs", "lsp"):
        page = page.replace("@%s_OPTIONS@" % cmd.upper(), options(helptext(adrlint, cmd)))
    if "@" in re.sub(r"[\w.+-]+@[\w.-]+", "", page):
        raise SystemExit("gen-man: unreplaced placeholder in adrlint.1.in")
    return page


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    if len(args) != 1:
        raise SystemExit(__doc__)
    page = generate(args[0])
    target = os.path.join(HERE, "adrlint.1")
    if check:
        with open(target, encoding="utf-8") as f:
            if f.read() != page:
                print("docs/adrlint.1 is out of date: run docs/gen-man.py %s" % args[0])
                return 1
        return 0
    with open(target, "w", encoding="utf-8") as f:
        f.write(page)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
