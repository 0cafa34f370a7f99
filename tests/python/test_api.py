"""The Python shape of the API: values, positions, rules, formatting, lifetimes."""
import dataclasses
import json
import pickle
from pathlib import Path

import pytest

from conftest import FIXTURES, cli_json

BIB = FIXTURES / "examples" / "bibliotheek.yaml"
SEMVER_DOC = "openapi: 3.0.3\ninfo:\n  title: x\n  version: 'v1'\npaths: {}\n"


def test_diagnostic_fields(adrlint):
    d = adrlint.lint_text(SEMVER_DOC, name="mem.yaml")[0]
    assert d.code == "nlgov:semver"
    assert d.adr_rule == "/core/semver"
    assert d.severity is adrlint.Severity.ERROR and str(d.severity) == "error"
    assert d.message == "Version v1 is not in semver format."
    assert d.path == ("info", "version") and d.json_pointer == "/info/version"
    assert d.source == "mem.yaml"
    assert d.doc_url.startswith("https://")
    # 'v1' on line 4 (0-based 3) from column 11 to 15: quotes included.
    assert (d.range.start.line, d.range.start.character) == (3, 11)
    assert (d.range.start.lineno, d.range.start.colno) == (4, 12)
    assert (d.range.end.line, d.range.end.character) == (3, 15)
    assert d.range.start.offset == SEMVER_DOC.index("'v1'")
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.code = "x"


def test_utf16_and_byte_columns_differ_after_non_ascii(adrlint):
    doc = "openapi: 3.0.3\ninfo:\n  title: ü\n  x-😀: 1\n  version: 'v1'\npaths: {}\n"
    d = adrlint.lint_text(doc)[0]
    assert d.source == "<input>"
    assert (d.range.start.line, d.range.start.character, d.range.start.column) == (4, 11, 11)
    doc = "openapi: 3.0.3\ninfo: {title: x, x-😀: 1, version: '1'}\npaths: {}\n"
    d = adrlint.lint_text(doc)[0]
    # The emoji is 2 UTF-16 code units and 4 bytes.
    before = doc.splitlines()[1].index("'1'")
    assert d.range.start.character == before + 1
    assert d.range.start.column == before + 3


def test_json_pointer_keys_are_decoded(adrlint):
    doc = ("openapi: 3.0.3\ninfo: {title: x, version: 1.0.0}\npaths:\n  /a~b/c:\n    get:\n"
           "      responses:\n        '200': {description: ok}\n")
    findings = adrlint.lint_text(doc)
    header = [d for d in findings if d.code == "nlgov:missing-header"]
    assert header[0].path == ("paths", "/a~b/c", "get", "responses", "200")
    assert header[0].json_pointer == "/paths/~1a~0b~1c/get/responses/200"


def test_lint_tells_paths_from_text(adrlint, monkeypatch):
    monkeypatch.chdir(BIB.parent)
    assert adrlint.is_text("openapi: 3.0.3") and adrlint.is_text("{}")
    assert adrlint.is_text("a: 1\nb: 2") and adrlint.is_text(b"bibliotheek.yaml")
    assert not adrlint.is_text("openapi.yaml") and not adrlint.is_text(Path("x\ny"))
    by_path = adrlint.lint("bibliotheek.yaml")
    by_pathlib = adrlint.lint(Path("bibliotheek.yaml"))
    by_text = adrlint.lint(BIB.read_text(), name="bibliotheek.yaml")
    assert by_path == by_pathlib == by_text and len(by_path) == 2
    with pytest.raises(TypeError):
        adrlint.lint(42)


def test_profiles_and_config(adrlint, tmp_path):
    assert adrlint.profiles() == ("adr-2.0", "adr-2.1", "adr-2.2")
    cfg = tmp_path / ".adrlint.yaml"
    cfg.write_text("rules:\n  nlgov:semver: warn\n  nlgov:missing-header: off\n")
    findings = adrlint.lint(BIB, config=cfg)
    assert [(d.code, d.severity) for d in findings] == [("nlgov:semver", adrlint.Severity.WARN)]
    doc = tmp_path / "api.yaml"
    doc.write_text(SEMVER_DOC)
    assert adrlint.find_config(doc) == str(cfg)
    assert adrlint.find_config("/") is None


def test_rules(adrlint):
    rules = {r.code: r for r in adrlint.rules(profile="adr-2.2")}
    semver = rules["nlgov:semver"]
    assert semver.adr_rule == "/core/semver" and semver.plugin == "versioning"
    assert semver.severity is adrlint.Severity.ERROR and semver.title
    assert rules["parser"].adr_rule is None and rules["parser"].plugin == "core"
    assert list(rules) == sorted(rules)
    with adrlint.Linter(profile="adr-2.1") as linter:
        assert linter.profile == "adr-2.1"
        assert linter.rule("nlgov:semver") == linter.rules()[[r.code for r in linter.rules()].index(
            "nlgov:semver")]
        assert linter.rule("no-such-rule") is None


def test_severity(adrlint):
    S = adrlint.Severity
    assert [int(s) for s in (S.OFF, S.ERROR, S.WARN, S.INFO, S.HINT)] == [-1, 0, 1, 2, 3]
    assert S.parse("warning") is S.WARN and S.parse("information") is S.INFO
    assert str(S.HINT) == "hint" and S.ERROR < S.WARN and S.parse(2) is S.INFO
    with pytest.raises(adrlint.InvalidArgumentError, match="unknown severity 'loud'"):
        S.parse("loud")


def test_format_results_and_lint_lists(adrlint):
    missing = FIXTURES / "core" / "invalid-ref" / "fail-missing.yaml"
    with adrlint.Linter() as linter, linter.lint_file(str(BIB)) as a, \
            linter.lint_file(str(missing)) as b:
        expected = cli_json(BIB, "adr-2.0") + cli_json(missing, "adr-2.0")
        assert json.loads(adrlint.format([a, b], "json")) == expected
        # Diagnostics stand for their result, so lint()'s lists format too.
        assert json.loads(adrlint.format(list(a) + list(b), "json")) == expected
        stylish = adrlint.format(a)
        assert "nlgov:semver" in stylish and "✖ 2 problems" in stylish
        assert "\x1b[" in adrlint.format(a, color=True)
        with pytest.raises(adrlint.NotFoundError, match="unknown format 'no-such-format'"):
            adrlint.format(a, "no-such-format")
        with pytest.raises(adrlint.Error, match="got 1 of the 2 findings"):
            adrlint.format(a[:1], "json")
    assert a.closed
    with pytest.raises(adrlint.Error, match="was closed"):
        adrlint.format(a)
    findings = adrlint.lint(BIB)
    assert json.loads(adrlint.format(findings, "json")) == cli_json(BIB, "adr-2.0")
    assert adrlint.format([], "json") == "[]"


def test_pickled_diagnostics_are_values(adrlint):
    findings = adrlint.lint(BIB)
    copies = pickle.loads(pickle.dumps(findings))
    assert copies == findings and hash(copies[0]) == hash(findings[0])
    with pytest.raises(adrlint.Error, match="no library result behind it"):
        adrlint.format(copies)


def test_closed_linter_refuses_work(adrlint):
    linter = adrlint.Linter()
    linter.close()
    linter.close()
    assert linter.closed
    with pytest.raises(adrlint.Error, match="this Linter is closed"):
        linter.lint_file(BIB)


def test_versions(adrlint):
    assert adrlint.library_version() == "0.1.0" and adrlint.ABI_VERSION == 0
