"""The man page and --help agree: docs/adrlint.1 is generated from the
--help texts (docs/gen-man.py) and must be up to date, and every option
either mentions is in the other."""
import os
import re
import subprocess
import sys

from conftest import ADRLINT, SOURCE, adrlint

MAN = os.path.join(SOURCE, "docs", "adrlint.1")
GEN = os.path.join(SOURCE, "docs", "gen-man.py")


def help_options():
    opts = set()
    for args in ([], ["lint"], ["baseline"], ["rules"], ["explain"], ["docs"], ["lsp"]):
        r = adrlint(*args, "--help")
        assert r.rc == 0, r
        opts |= set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])(?![\w-])", r.out))
    return opts


def man_options():
    with open(MAN, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\\f[BIRP]", "", text.replace("\\-", "-"))
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])(?![\w-])", text))


def test_man_page_is_generated_from_help():
    proc = subprocess.run([sys.executable, GEN, "--check", ADRLINT],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.returncode == 0, proc.stdout.decode()


def test_same_options():
    h, m = help_options(), man_options()
    assert h == m, "only in --help: %s; only in the man page: %s" % (sorted(h - m), sorted(m - h))
    for opt in ("--ruleset", "--format", "--output", "--fail-severity", "--display-only-failures",
                "--quiet", "--verbose", "--stdin-filepath", "--skip-rule", "--max-warnings",
                "--jobs", "--color", "--allow-plugins", "--ignore-file", "--profile", "-j"):
        assert opt in h


def test_man_page_renders_without_warnings():
    # groff is optional; when present, the page must format cleanly.
    try:
        proc = subprocess.run(["groff", "-man", "-Tutf8", "-ww", MAN], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    except FileNotFoundError:
        return
    assert proc.returncode == 0
    assert proc.stderr.decode() == ""
    # Bold is printed with backspaces; take them out before looking.
    assert b"EXIT STATUS" in re.sub(rb".\x08", b"", proc.stdout)
