"""adrlint baseline: a legacy API adopts adrlint by suppressing what it
has today, and then fails only on new problems."""
import json

from conftest import adrlint, write


def test_round_trip(work):
    write(work / "api" / "openapi.yaml", (work / "findings.yaml").read_text())
    r = adrlint("baseline", "api/openapi.yaml", cwd=work)
    assert r.rc == 0, r
    assert r.err == "adrlint: wrote 3 ignore entries to .adrlint-ignore.yaml\n"
    text = (work / ".adrlint-ignore.yaml").read_text()
    assert "'api/openapi.yaml':\n  'nlgov:missing-header':\n" \
           "    - '#/paths/~1dingen/get/responses/200'\n" in text

    # With the ignore file, the same document is clean.
    r = adrlint("lint", "--ignore-file", ".adrlint-ignore.yaml", "api/openapi.yaml", cwd=work)
    assert r.rc == 0, r
    assert r.out == "No results with a severity of 'error' found!\n"

    # A new problem is the only one reported.
    doc = (work / "api" / "openapi.yaml").read_text()
    doc = doc.replace("  /dingen:\n", "  /nieuwe-dingen:\n    get:\n      responses:\n"
                      "        '201':\n          description: Nieuw\n  /dingen:\n")
    (work / "api" / "openapi.yaml").write_text(doc)
    r = adrlint("lint", "--ignore-file", ".adrlint-ignore.yaml", "-f", "json",
                "api/openapi.yaml", cwd=work)
    assert r.rc == 1, r
    assert [(d["code"], d["path"]) for d in json.loads(r.out)] == [
        ("nlgov:missing-header", ["paths", "/nieuwe-dingen", "get", "responses", "201"])]


def test_ignore_file_from_config_paths_relative_to_it(work):
    write(work / "repo" / "api" / "openapi.yaml", (work / "findings.yaml").read_text())
    write(work / "repo" / ".adrlint.yaml", "ignore-file: lint/ignore.yaml\n")
    (work / "repo" / "lint").mkdir()
    r = adrlint("baseline", "-o", "repo/lint/ignore.yaml", "repo/api/openapi.yaml", cwd=work)
    assert r.rc == 0, r
    assert "'../api/openapi.yaml':" in (work / "repo" / "lint" / "ignore.yaml").read_text()
    r = adrlint("lint", "repo/api/openapi.yaml", cwd=work)
    assert r.rc == 0, r
    # From another directory the entries still match: they are relative to
    # the ignore file, not to where adrlint runs.
    r = adrlint("lint", "openapi.yaml", cwd=work / "repo" / "api")
    assert r.rc == 0, r


def test_rebaseline_drops_fixed_and_keeps_other_files(work):
    write(work / "a.yaml", (work / "findings.yaml").read_text())
    write(work / "b.yaml", (work / "findings.yaml").read_text())
    assert adrlint("baseline", "a.yaml", "b.yaml", cwd=work).rc == 0
    before = (work / ".adrlint-ignore.yaml").read_text()
    assert before.count("'#/info/version'") == 2
    # a.yaml gets its version fixed; only a.yaml is baselined again.
    fixed = (work / "a.yaml").read_text().replace("'1.2 <&\"]]>'", "1.2.0")
    (work / "a.yaml").write_text(fixed)
    r = adrlint("baseline", "-q", "a.yaml", cwd=work)
    assert (r.rc, r.err) == (0, ""), r
    after = (work / ".adrlint-ignore.yaml").read_text()
    assert after.count("'#/info/version'") == 1
    assert "'b.yaml':\n  'nlgov:missing-header':" in after
    assert after.count("'#/paths/~1dingen/get/responses/200'") == 2


def test_unused_entries_reported_with_verbose(work):
    write(work / "ignore.yaml",
          "findings.yaml:\n"
          "  nlgov:semver:\n"
          "    - '#/info/version'\n"
          "  nlgov:missing-header:\n"
          "    - '#/paths/~1gone/get/responses/200'\n"
          "elsewhere.yaml:\n"
          "  nlgov:semver: ['#/info/version']\n")
    r = adrlint("lint", "--ignore-file", "ignore.yaml", "-f", "text", "findings.yaml", cwd=work)
    assert r.err == ""
    assert "nlgov:semver" not in r.out
    r = adrlint("lint", "-v", "--ignore-file", "ignore.yaml", "-f", "text", "findings.yaml",
                cwd=work)
    unused = [line for line in r.err.splitlines() if "unused" in line]
    assert unused == ["adrlint: %s:5:7: unused ignore entry: findings.yaml nlgov:missing-header "
                      "#/paths/~1gone/get/responses/200 matches no finding"
                      % (work / "ignore.yaml")]


def test_bad_ignore_file(work):
    write(work / "ignore.yaml", "findings.yaml:\n  nlgov:semver: '#/info/version'\n")
    r = adrlint("lint", "--ignore-file", "ignore.yaml", "findings.yaml", cwd=work)
    assert r.rc == 2
    assert r.err == "adrlint: ignore.yaml:2:17: expected a list of JSON pointers ('#/...')\n"


def test_baseline_does_not_write_when_a_file_fails(work):
    r = adrlint("baseline", "findings.yaml", "missing.yaml", cwd=work)
    assert r.rc == 2
    assert "missing.yaml: No such file or directory" in r.err
    assert not (work / ".adrlint-ignore.yaml").exists()


def test_baseline_needs_files(work):
    r = adrlint("baseline", cwd=work)
    assert r.rc == 2 and "no documents given" in r.err
