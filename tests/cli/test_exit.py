"""Exit codes as CI reads them: 0 clean, 1 findings at or above the fail
severity or too many warnings, 2 usage, configuration or input errors
(with the other files still linted)."""
import os

import pytest

from conftest import adrlint, write


def test_clean(work):
    r = adrlint("lint", "clean.yaml", cwd=work)
    assert r.rc == 0, r
    assert r.out == "No results with a severity of 'error' found!\n"
    assert r.err == ""


def test_clean_quiet(work):
    r = adrlint("lint", "-q", "clean.yaml", cwd=work)
    assert (r.rc, r.out, r.err) == (0, "", "")


def test_failing(work):
    r = adrlint("lint", "findings.yaml", cwd=work)
    assert r.rc == 1, r


def test_fail_severity(work):
    # Only warnings: clean at the default fail severity, failing at warn.
    r = adrlint("lint", "-r", "warnings-config.yaml", "warnings.yaml", cwd=work)
    assert r.rc == 0, r
    assert "2 problems (0 errors, 2 warnings" in r.out
    r = adrlint("lint", "-r", "warnings-config.yaml", "-F", "warn", "warnings.yaml", cwd=work)
    assert r.rc == 1, r
    r = adrlint("lint", "-r", "warnings-config.yaml", "--fail-severity=hint", "warnings.yaml",
                cwd=work)
    assert r.rc == 1, r
    # findings.yaml has an information finding and errors: --fail-severity
    # does not make errors pass.
    assert adrlint("lint", "-F", "info", "findings.yaml", cwd=work).rc == 1


def test_no_results_line_names_the_fail_severity(work):
    r = adrlint("lint", "-F", "warn", "clean.yaml", cwd=work)
    assert r.out == "No results with a severity of 'warn' or higher found!\n"


def test_display_only_failures_keeps_exit_code(work):
    r = adrlint("lint", "-r", "warnings-config.yaml", "-D", "warnings.yaml", cwd=work)
    assert r.rc == 0, r
    assert r.out == "No results with a severity of 'error' found!\n"


def test_max_warnings(work):
    args = ("lint", "-r", "warnings-config.yaml", "-f", "text")
    r = adrlint(*args, "--max-warnings", "2", "warnings.yaml", cwd=work)
    assert r.rc == 0, r
    r = adrlint(*args, "--max-warnings", "1", "warnings.yaml", cwd=work)
    assert r.rc == 1, r
    assert r.err == "adrlint: 2 warnings, more than --max-warnings 1\n"
    assert r.out.count(" warning ") == 2
    assert adrlint(*args, "--max-warnings=0", "-q", "warnings.yaml", cwd=work).rc == 1


def test_bad_config_names_its_position(work):
    write(work / "bad.yaml", "rules:\n  nlgov:semver: eror\n")
    r = adrlint("lint", "-r", "bad.yaml", "clean.yaml", cwd=work)
    assert r.rc == 2, r
    assert r.err == ("adrlint: bad.yaml:2:17: invalid severity 'eror' "
                     "(expected error, warn, info, hint or off)\n")
    assert r.out == ""


@pytest.mark.parametrize("text,position,message", [
    ("rulez: {}\n", "1:1", "unknown key 'rulez'"),
    ("rules:\n  nlgov:nope: off\n", "2:3", "unknown rule 'nlgov:nope'"),
    ("extends: adr-9.9\n", "1:10", "unknown profile 'adr-9.9'"),
    ("rules: [\n", "1:8", "Flow sequence without a closing bracket"),
    ("overrides:\n  - files: ['a.yaml#/info']\n    rules: {nlgov:semver: off}\n", "2:13",
     "a '#' JSON pointer is not supported"),
    ("ignore-file: missing.yaml\n", "1:14", "missing.yaml"),
])
def test_bad_configs(work, text, position, message):
    write(work / ".adrlint.yaml", text)
    r = adrlint("lint", "clean.yaml", cwd=work)
    assert r.rc == 2, r
    assert r.err.startswith("adrlint: %s:%s: " % (work / ".adrlint.yaml", position)), r
    assert message in r.err


def test_unreadable_file_others_still_linted(work):
    r = adrlint("lint", "-f", "text", "missing.yaml", "findings.yaml", cwd=work)
    assert r.rc == 2, r
    assert r.err == "adrlint: missing.yaml: No such file or directory\n"
    assert r.out.startswith("findings.yaml:6:12 error nlgov:semver")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without read permission")
def test_file_without_permission(work):
    os.chmod(work / "findings.yaml", 0)
    r = adrlint("lint", "findings.yaml", "clean.yaml", cwd=work)
    assert r.rc == 2, r
    assert "findings.yaml: Permission denied" in r.err


def test_directory_as_file(work):
    (work / "specs").mkdir()
    r = adrlint("lint", "-f", "json", "specs", "clean.yaml", cwd=work)
    assert r.rc == 2, r
    assert r.err == "adrlint: specs: is a directory\n"
    assert r.out == "[]\n"


def test_clean_and_troubled_is_still_2(work):
    r = adrlint("lint", "clean.yaml", "nope.yaml", cwd=work)
    assert r.rc == 2
    # No "No results" line when a file could not be linted.
    assert "No results" not in r.out


@pytest.mark.parametrize("args,message", [
    (["--format", "checkstyle"], "unknown format 'checkstyle'"),
    (["-F", "fatal"], "--fail-severity takes error, warn, info or hint, not 'fatal'"),
    (["--max-warnings", "x"], "--max-warnings takes a number"),
    (["--jobs", "0"], "--jobs takes a number from 1 to 256"),
    (["--color", "sometimes"], "--color takes auto, always or never"),
    (["--frobnicate"], "unknown option '--frobnicate'"),
    (["-Z"], "unknown option '-Z'"),
    (["--profile"], "option --profile needs a value"),
    (["-f", "json", "-f", "sarif", "-o", "x"], "-o FILE goes with a single format"),
    (["-f", "json", "-f", "sarif"], "2 formats would be written to standard output"),
    (["-o.sarif", "x"], "--output.sarif is given, but sarif is not among the formats"),
    (["-f", "json,json"], "format 'json' is given twice"),
    (["--skip-rule", "nlgov:nope"], "unknown rule 'nlgov:nope'"),
    (["--profile", "adr-3.0"], "unknown profile 'adr-3.0'"),
    (["-", "-"], "standard input ('-') can be linted once"),
])
def test_usage_errors(work, args, message):
    r = adrlint("lint", "clean.yaml", *args, cwd=work)
    assert r.rc == 2, r
    assert message in r.err, r
    assert r.out == ""


def test_unknown_command():
    r = adrlint("frob")
    assert r.rc == 2 and "unknown command 'frob'" in r.err


def test_help_exits_0():
    for args in (["--help"], ["lint", "--help"], ["baseline", "-h"], ["rules", "--help"]):
        r = adrlint(*args)
        assert r.rc == 0 and r.out.startswith("Usage: adrlint"), r


def test_version():
    r = adrlint("--version")
    assert r.rc == 0 and r.out.startswith("adrlint 0.")
