"""Every output format, parsed with a real parser, on a document whose
findings sit at known places (data/findings.yaml):

  semver          line 6, columns 12-24 (1-based, end exclusive), error
  missing-header  line 18 column 15 to line 23 column 62, error
  unresolved-ref  line 23, columns 23-62, information

The semver message carries <&"]]> so escaping is exercised in every
format."""
import json
import os
import xml.etree.ElementTree as ET

from conftest import adrlint, write

SEMVER_MSG = 'Version 1.2 <&"]]> is not in semver format.'
HEADER_MSG = "Return the full version number in a response header."
REF_MSG = ("Remote reference 'https://example.nl/schemas.yaml#/Ding' was not fetched "
           "(adrlint never uses the network)")
# (code, severity word, start line, start col, end line, end col), 1-based,
# end column exclusive.
EXPECTED = [
    ("nlgov:semver", "error", 6, 12, 6, 24, SEMVER_MSG),
    ("nlgov:missing-header", "error", 18, 15, 23, 62, HEADER_MSG),
    ("unresolved-ref", "information", 23, 23, 23, 62, REF_MSG),
]
POINTERS = ["/info/version", "/paths/~1dingen/get/responses/200",
            "/paths/~1dingen/get/responses/200/content/application~1json/schema/$ref"]


def lint(work, *args):
    r = adrlint("lint", *args, "findings.yaml", cwd=work)
    assert r.rc == 1, r
    return r


def test_text(work):
    r = lint(work, "-f", "text")
    assert r.out == "".join('findings.yaml:%d:%d %s %s "%s"\n' % (sl, sc, sev, code, msg)
                            for code, sev, sl, sc, el, ec, msg in EXPECTED)
    assert r.err == ""


def test_json_is_spectrals_shape(work):
    data = json.loads(lint(work, "-f", "json").out)
    assert [d["code"] for d in data] == [e[0] for e in EXPECTED]
    assert [d["severity"] for d in data] == [0, 0, 2]
    for d, (code, sev, sl, sc, el, ec, msg) in zip(data, EXPECTED):
        assert d["message"] == msg
        assert d["source"] == "findings.yaml"
        # 0-based line and UTF-16 character, end exclusive.
        assert d["range"] == {"start": {"line": sl - 1, "character": sc - 1},
                              "end": {"line": el - 1, "character": ec - 1}}
    assert data[0]["path"] == ["info", "version"]


def test_stylish_positions(work):
    out = lint(work).out
    assert "findings.yaml\n" in out
    assert "  6:12        error  nlgov:semver" in out
    assert " 23:23  information  unresolved-ref" in out
    assert out.endswith("\u2716 3 problems (2 errors, 0 warnings, 1 info, 0 hints)\n")


SARIF_REQUIRED = {
    "log": ["version", "runs"],
    "run": ["tool"],
    "driver": ["name"],
    "rule": ["id"],
    "result": ["message"],
}


def check_sarif(log):
    """The properties SARIF 2.1.0 requires, and those GitHub code scanning
    requires on top (rules with descriptions and help, results with a
    location)."""
    for key in SARIF_REQUIRED["log"]:
        assert key in log
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "adrlint"
    assert driver["semanticVersion"].count(".") == 2
    assert driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(set(ids))
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"] and len(rule["fullDescription"]["text"]) <= 1000
        assert rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert "nlgov-adr" in rule["properties"]["tags"]
    assert run["columnKind"] == "utf16CodeUnits"
    for res in run["results"]:
        assert res["message"]["text"]
        assert res["level"] in ("error", "warning", "note")
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert len(res["locations"]) == 1
        phys = res["locations"][0]["physicalLocation"]
        assert phys["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert "\\" not in phys["artifactLocation"]["uri"]
        assert not phys["artifactLocation"]["uri"].startswith("/")
        region = phys["region"]
        for k in ("startLine", "startColumn", "endLine", "endColumn"):
            assert region[k] >= 1
    return run


def test_sarif(work):
    run = check_sarif(json.loads(lint(work, "-f", "sarif").out))
    results = run["results"]
    assert len(results) == 3
    for res, (code, sev, sl, sc, el, ec, msg) in zip(results, EXPECTED):
        assert res["ruleId"] == code
        assert res["level"] == {"error": "error", "information": "note"}[sev]
        assert res["message"]["text"] == msg
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "findings.yaml"
        assert loc["region"] == {"startLine": sl, "startColumn": sc, "endLine": el,
                                 "endColumn": ec}
        fp = res["partialFingerprints"]["primaryLocationLineHash"]
        assert len(fp) == 18 and fp.endswith(":1")
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    semver = rules["nlgov:semver"]
    assert semver["shortDescription"]["text"] == "Adhere to Semantic Versioning"
    assert semver["fullDescription"]["text"].startswith("/core/semver: ")
    assert semver["helpUri"].startswith("https://")
    assert semver["defaultConfiguration"]["level"] == "error"
    # Every rule the profile runs is described, not just those that fired.
    assert "nlgov:missing-version-header" in rules
    assert rules["unresolved-ref"]["defaultConfiguration"]["level"] == "note"


def test_sarif_paths_are_relative_to_the_current_directory(work):
    write(work / "api" / "v1" / "openapi.yaml", (work / "findings.yaml").read_text())
    r = adrlint("lint", "-f", "sarif", str(work / "api" / "v1" / "openapi.yaml"), cwd=work)
    run = check_sarif(json.loads(r.out))
    uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for res in run["results"]}
    assert uris == {"api/v1/openapi.yaml"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://%s/" % work


def test_sarif_fingerprints_ignore_line_numbers(work):
    before = json.loads(lint(work, "-f", "sarif").out)["runs"][0]["results"]
    text = (work / "findings.yaml").read_text()
    (work / "findings.yaml").write_text("# moved\n# down\n" + text)
    after = json.loads(lint(work, "-f", "sarif").out)["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 for r in before]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    fps = [r["partialFingerprints"]["primaryLocationLineHash"] for r in before]
    assert len(set(fps)) == 3


def test_sarif_without_findings_is_valid(work):
    r = adrlint("lint", "-f", "sarif", "clean.yaml", cwd=work)
    assert r.rc == 0, r
    run = check_sarif(json.loads(r.out))
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"]


def test_junit(work):
    root = ET.fromstring(lint(work, "-f", "junit", "--fail-severity", "info").out)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["findings.yaml"]
    suite = suites[0]
    assert suite.get("tests") == "3" and suite.get("failures") == "3"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["org.adrlint.%s(%s)" % (e[0], p)
                                              for e, p in zip(EXPECTED, POINTERS)]
    assert {c.get("classname") for c in cases} == {"findings"}
    for case, (code, sev, sl, sc, el, ec, msg) in zip(cases, EXPECTED):
        failure = case.find("failure")
        assert failure.get("message") == msg
        assert failure.text.startswith("line %d, col %d, %s (%s) at path " % (sl, sc, msg, code))


def test_junit_lists_only_failures_and_clean_files(work):
    r = adrlint("lint", "-f", "junit", "findings.yaml", "clean.yaml", cwd=work)
    assert r.rc == 1, r
    suites = ET.fromstring(r.out).findall("testsuite")
    assert [s.get("name") for s in suites] == ["findings.yaml", "clean.yaml"]
    # The information finding is below the fail severity (error).
    assert suites[0].get("failures") == "2"
    assert len(suites[0].findall("testcase/failure")) == 2
    clean = suites[1]
    assert clean.get("failures") == "0" and clean.get("tests") == "1"
    assert clean.find("testcase").get("name") == "clean.yaml"
    assert clean.find("testcase/failure") is None


def test_junit_escapes_what_xml_forbids(work):
    text = (work / "findings.yaml").read_text().replace(
        "'1.2 <&\"]]>'", '"1.2 \\x01\\u0007\\uFFFF]]>"')
    (work / "findings.yaml").write_text(text)
    root = ET.fromstring(lint(work, "-f", "junit").out)
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "Version 1.2 \ufffd\ufffd\ufffd]]> is not in semver format."
    assert "]]>" in failure.text


def test_github_actions(work):
    lines = lint(work, "-f", "github-actions").out.splitlines()
    assert lines == [
        "::error file=findings.yaml,line=6,endLine=6,col=12,endColumn=24,"
        "title=nlgov%3Asemver::" + SEMVER_MSG,
        "::error file=findings.yaml,line=18,endLine=23,col=15,endColumn=62,"
        "title=nlgov%3Amissing-header::" + HEADER_MSG,
        "::notice file=findings.yaml,line=23,endLine=23,col=23,endColumn=62,"
        "title=unresolved-ref::" + REF_MSG,
    ]


def test_github_actions_escapes_newlines_and_warns(work):
    text = (work / "findings.yaml").read_text().replace("'1.2 <&\"]]>'", '"1.2\\n50%"')
    (work / "findings.yaml").write_text(text)
    write(work / "cfg.yaml", "rules:\n  nlgov:semver: warn\n")
    r = adrlint("lint", "-r", "cfg.yaml", "-f", "github-actions", "findings.yaml", cwd=work)
    first = r.out.splitlines()[0]
    assert first.startswith("::warning file=findings.yaml,line=6,")
    assert first.endswith("::Version 1.2%0A50%25 is not in semver format.")


def test_gitlab(work):
    data = json.loads(lint(work, "-f", "gitlab").out)
    assert len(data) == 3
    for issue, (code, sev, sl, sc, el, ec, msg) in zip(data, EXPECTED):
        assert issue["type"] == "issue"
        assert issue["check_name"] == code
        assert issue["description"] == msg
        assert issue["categories"] == ["Style"]
        assert issue["location"]["path"] == "findings.yaml"
        # 1-based, unlike Spectral's formatter.
        assert issue["location"]["positions"] == {"begin": {"line": sl, "column": sc},
                                                  "end": {"line": el, "column": ec}}
    assert [i["severity"] for i in data] == ["critical", "critical", "minor"]
    fps = [i["fingerprint"] for i in data]
    assert len(set(fps)) == 3
    # Stable when lines move: the fingerprint is relpath, pointer and code.
    text = (work / "findings.yaml").read_text()
    (work / "findings.yaml").write_text("\n\n\n" + text)
    assert [i["fingerprint"] for i in json.loads(lint(work, "-f", "gitlab").out)] == fps


def test_markdown(work):
    lines = lint(work, "-f", "markdown", "-F", "info").out.splitlines()
    assert len(lines) == 2 + 3
    head = [c.strip() for c in lines[0].strip("|").split(" | ")]
    assert head == ["Code", "Path", "Message", "Severity", "Start", "End", "Source"]
    assert set(lines[1]) <= {"|", "-", " "}
    # Columns are padded: every line is as long as the header line.
    assert {len(line) for line in lines} == {len(lines[0])}
    cells = [c.strip() for c in lines[2].strip("|").split(" | ")]
    assert cells[0].startswith("[nlgov:semver](https://")
    assert cells[1] == "info.version"
    assert cells[2] == "Version 1.2 &lt;&\"\\]\\]&gt; is not in semver format."
    assert cells[3:] == ["Error", "6:12", "6:24", "findings.yaml"]
    cells = [c.strip() for c in lines[3].strip("|").split(" | ")]
    assert cells[1] == "paths.\\/dingen.get.responses\\[200\\]"
    assert cells[3:6] == ["Error", "18:15", "23:62"]
    cells = [c.strip() for c in lines[4].strip("|").split(" | ")]
    assert cells[0] == "unresolved-ref"  # no documentation URL: no link
    assert cells[3] == "Information"


def test_markdown_lists_failures_only(work):
    lines = lint(work, "-f", "markdown").out.splitlines()
    assert len(lines) == 2 + 2


def test_several_formats_to_files(work):
    r = lint(work, "-f", "json", "-f", "sarif,junit", "-o.sarif", "out.sarif",
             "--output.junit=out.xml")
    json.loads(r.out)
    check_sarif(json.loads((work / "out.sarif").read_text()))
    ET.fromstring((work / "out.xml").read_text())


def test_output_file(work):
    r = lint(work, "-f", "text", "-o", "report.txt")
    assert r.out == "" and r.err == ""
    assert (work / "report.txt").read_text().startswith("findings.yaml:6:12 error nlgov:semver")


def test_display_only_failures(work):
    data = json.loads(lint(work, "-f", "json", "-D").out)
    assert [d["code"] for d in data] == ["nlgov:semver", "nlgov:missing-header"]
    data = json.loads(lint(work, "-f", "json", "-D", "-F", "info").out)
    assert len(data) == 3


def test_findings_in_a_referenced_file_name_that_file(work):
    write(work / "api" / "openapi.yaml", (work / "clean.yaml").read_text().replace(
        "  version: 1.0.0\n", "  version: 1.0.0\n").replace(
        "          headers:\n", "          $ref: 'parts/response.yaml'\n          x-was:\n"))
    write(work / "api" / "parts" / "response.yaml",
          "description: Elders\ncontent: {}\n")
    r = adrlint("lint", "-f", "sarif", "api/openapi.yaml", cwd=work)
    run = check_sarif(json.loads(r.out))
    uris = [res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for res in run["results"]]
    assert "api/parts/response.yaml" in uris, r
