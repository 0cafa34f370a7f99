"""The binding gives exactly the CLI's findings: every fixture, every profile."""
import json

import pytest

from conftest import (FIXTURES, PROFILES, cli_json, fixture_documents, run_cli,
                      run_python)

DOCS = fixture_documents()


def as_spectral(d):
    """A Diagnostic in the shape of the CLI's JSON output."""
    return {"code": d.code, "path": list(d.path), "message": d.message, "severity": int(d.severity),
            "range": {"start": {"line": d.range.start.line, "character": d.range.start.character},
                      "end": {"line": d.range.end.line, "character": d.range.end.character}},
            "source": d.source}


@pytest.fixture(scope="module", params=PROFILES)
def linter(request, adrlint):
    with adrlint.Linter(profile=request.param) as linter:
        yield linter


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_file_findings_equal_cli(linter, doc):
    expected = cli_json(doc, linter.profile)
    with linter.lint_file(str(doc)) as result:
        assert [as_spectral(d) for d in result] == expected
        # The library's JSON formatter, through the binding, byte for byte.
        assert json.loads(result.format("json")) == expected


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_text_findings_equal_cli(linter, doc):
    # Named like the file, a text resolves its relative $refs the same way.
    expected = cli_json(doc, linter.profile)
    result = linter.lint_text(doc.read_bytes(), name=str(doc))
    assert [as_spectral(d) for d in result] == expected


def test_fixtures_are_not_vacuous(adrlint):
    """Failing fixtures do produce findings, so the comparisons above compare
    something; and a known finding has its known place."""
    failing = [d for d in DOCS if d.name.startswith("fail-")]
    assert failing
    for doc in failing:
        assert cli_json(doc, "adr-2.2"), doc
    semver = [d for d in adrlint.lint(FIXTURES / "examples" / "bibliotheek.yaml")
              if d.code == "nlgov:semver"]
    assert [(d.range.start.lineno, d.range.start.colno, d.message, d.path) for d in semver] == [
        (6, 12, "Version 1.2 is not in semver format.", ("info", "version"))]


@pytest.mark.parametrize("args", [
    ["spec-fixtures/examples/bibliotheek.yaml"],
    ["-f", "json", "spec-fixtures/examples/bibliotheek.yaml",
     "spec-fixtures/core/invalid-ref/fail-missing.yaml"],
    ["--profile", "adr-2.2", "spec-fixtures/versioning/nlgov-semver/pass-prerelease.yaml"],
    ["-q", "spec-fixtures/versioning/nlgov-semver/pass-prerelease.yaml"],
    ["-F", "info", "spec-fixtures/core/unresolved-ref/fail-remote.yaml"],
    ["spec-fixtures/core/unresolved-ref/fail-remote.yaml"],
    ["spec-fixtures/no-such-file.yaml", "spec-fixtures/examples/bibliotheek.yaml"],
    ["-F", "loud", "x.yaml"],
    ["--profile", "adr-9", "spec-fixtures/examples/bibliotheek.yaml"],
], ids=["stylish", "json-two-files", "clean", "quiet", "fail-info", "below-fail", "missing-file",
        "bad-severity", "bad-profile"])
def test_python_m_adrlint_behaves_like_the_cli(args):
    """python -m adrlint: the CLI's stdout byte for byte, and its exit status;
    error messages on stderr carry the library's message."""
    root = FIXTURES.parent
    status, out, err = run_cli("lint", *args, cwd=root)
    py_status, py_out, py_err = run_python("-m", "adrlint", *args, cwd=root)
    assert (py_status, py_out) == (status, out.decode()), py_err
    if status == 2:
        assert py_err.splitlines()[0] == err.decode().splitlines()[0]


def test_python_m_adrlint_reads_stdin():
    doc = (FIXTURES / "examples" / "bibliotheek.yaml").read_bytes()
    status, out, _ = run_cli("lint", "-f", "json", "-", stdin=doc)
    py_status, py_out, py_err = run_python("-m", "adrlint", "-f", "json", "-", stdin=doc)
    assert status == 1 and (py_status, py_out) == (status, out.decode()), py_err
    assert json.loads(py_out)[0]["source"] == "<stdin>"
