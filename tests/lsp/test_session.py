"""A whole editing session with `adrlint lsp`, as an editor drives it: what the
user sees at each step (published ranges, codes, hover text, the edit of a
code action) and how the server ends (exit code)."""
import os
import shutil

import pytest

from lspclient import FIXTURES, Client, apply_edits, as_changes, by_code, edit, rng

SEMVER_URL = "https://developer.overheid.nl/kennisbank/apis/api-design-rules/hoe-te-voldoen/semver"


@pytest.fixture
def api(tmp_path):
    path = tmp_path / "api.yaml"
    shutil.copy(os.path.join(FIXTURES, "api.yaml"), path)
    return str(path)


@pytest.fixture
def client():
    c = Client()
    yield c
    c.close()


def test_full_session(client, api):
    init = client.initialize({"textDocument": {"hover": {"contentFormat": ["markdown"]}}})
    caps = init["result"]["capabilities"]
    assert caps["positionEncoding"] == "utf-16"
    assert caps["textDocumentSync"] == {"openClose": True, "change": 2,
                                        "save": {"includeText": False}}
    assert caps["hoverProvider"] is True
    assert caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert caps["executeCommandProvider"]["commands"] == ["adrlint.openDocumentation"]
    assert init["result"]["serverInfo"]["name"] == "adrlint"

    with open(api, encoding="utf-8") as f:
        text = f.read()
    uri = client.open(api, text)
    first = client.wait_diagnostics(uri, 1)
    assert by_code(first["diagnostics"], "nlgov:semver") == []

    # "  version: 1.0.0" (line 5) loses its last ".0": an incremental edit.
    assert text.split("\n")[5] == "  version: 1.0.0"
    change = edit((5, 14), (5, 16), "")
    client.change(uri, 2, [change])
    text = apply_edits(text, [change])
    pub = client.wait_diagnostics(uri, 2)
    semver = by_code(pub["diagnostics"], "nlgov:semver")
    assert len(semver) == 1
    d = semver[0]
    assert rng(d) == (5, 11, 5, 14)  # the scalar 1.0
    assert d["severity"] == 1
    assert d["source"] == "adrlint"
    assert d["message"] == "Version 1.0 is not in semver format."
    assert d["codeDescription"] == {"href": SEMVER_URL}
    assert d["data"] == {"code": "nlgov:semver", "path": "/info/version"}

    # Hover inside the finding: the rule's title, ADR rule id, rationale, link.
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 5, "character": 12}})
    h = hover["result"]
    assert h["contents"]["kind"] == "markdown"
    md = h["contents"]["value"]
    assert "**Adhere to Semantic Versioning** `nlgov:semver`" in md
    assert "`/core/semver`" in md
    assert "Semantic Versioning 2.0.0" in md          # the rationale
    assert "[Documentation](%s)" % SEMVER_URL in md
    assert (h["range"]["start"], h["range"]["end"]) == (
        {"line": 5, "character": 11}, {"line": 5, "character": 14})
    # Elsewhere, not this rule: hover shows the innermost findings only (a
    # finding about the whole document covers every position).
    other = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 1, "character": 2}})
    assert other["result"] is None or "nlgov:semver" not in other["result"]["contents"]["value"]

    # Code actions for the finding: ignore it here, open its documentation.
    res = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"],
        "context": {"diagnostics": [d], "only": ["quickfix"]}})
    actions = {a["title"]: a for a in res["result"]}
    assert set(actions) == {"Ignore nlgov:semver here", "Open documentation for nlgov:semver"}
    ignore = actions["Ignore nlgov:semver here"]
    assert ignore["kind"] == "quickfix"
    assert ignore["diagnostics"] == [d]
    edits = ignore["edit"]["changes"][uri]
    # Into info (the object around the scalar), before its first key, indented.
    assert edits == [{"range": {"start": {"line": 3, "character": 2},
                                "end": {"line": 3, "character": 2}},
                      "newText": "x-lint-ignore: nlgov:semver\n  "}]
    docs = actions["Open documentation for nlgov:semver"]
    assert docs["command"] == {"title": "Open documentation for nlgov:semver",
                               "command": "adrlint.openDocumentation",
                               "arguments": [SEMVER_URL]}

    # The editor applies the edit (as an incremental change): clean for that code.
    client.change(uri, 3, as_changes(edits))
    text = apply_edits(text, edits)
    assert "info:\n  x-lint-ignore: nlgov:semver\n  title: Bibliotheek API\n" in text
    pub = client.wait_diagnostics(uri, 3)
    assert by_code(pub["diagnostics"], "nlgov:semver") == []

    # The documentation command: without showDocument support, a message.
    ex = client.request("workspace/executeCommand", docs["command"])
    assert ex["result"] is None
    shown = client.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert SEMVER_URL in shown["params"]["message"]

    # Mistakes on the wire get errors; the session goes on.
    client.send_raw(b'Content-Length: 9\r\n\r\n{"id": 9,')
    err = client.wait_for(lambda m: "error" in m and m["error"]["code"] == -32700)
    assert err["id"] is None
    unknown = client.request("textDocument/definition", {"textDocument": {"uri": uri},
                                                         "position": {"line": 0, "character": 0}})
    assert unknown["error"]["code"] == -32601
    client.notify("textDocument/unknownNotification", {})
    alive = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 0, "character": 0}})
    assert "result" in alive

    assert client.shutdown_and_exit() == 0


def test_documentation_command_uses_show_document(client, api):
    client.auto_answer["window/showDocument"] = {"success": True}
    client.initialize({"window": {"showDocument": {"support": True}}})
    ex = client.request("workspace/executeCommand", {"command": "adrlint.openDocumentation",
                                                     "arguments": [SEMVER_URL]})
    assert ex["result"] is None
    req = client.wait_for(lambda m: m.get("method") == "window/showDocument")
    assert req["params"] == {"uri": SEMVER_URL, "external": True}
    # Only web pages: a command cannot make the editor open local files.
    bad = client.request("workspace/executeCommand", {"command": "adrlint.openDocumentation",
                                                      "arguments": ["file:///etc/passwd"]})
    assert bad["error"]["code"] == -32602
    assert client.shutdown_and_exit() == 0


def test_versioned_edit_when_the_client_supports_document_changes(client, api):
    client.initialize({"workspace": {"workspaceEdit": {"documentChanges": True}}})
    with open(api, encoding="utf-8") as f:
        text = f.read().replace("version: 1.0.0", "version: '1.0'")
    uri = client.open(api, text, version=7)
    d = by_code(client.wait_diagnostics(uri, 7)["diagnostics"], "nlgov:semver")[0]
    res = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}})
    ignore = [a for a in res["result"] if a["title"].startswith("Ignore")][0]
    tde = ignore["edit"]["documentChanges"]
    assert tde[0]["textDocument"] == {"uri": uri, "version": 7}
    assert tde[0]["edits"][0]["newText"] == "x-lint-ignore: nlgov:semver\n  "
    assert client.shutdown_and_exit() == 0


def test_ignore_extends_an_existing_list_and_json(client, tmp_path):
    client.initialize({})
    yaml_path = tmp_path / "api.yaml"
    with open(os.path.join(FIXTURES, "api.yaml"), encoding="utf-8") as f:
        text = f.read().replace("  version: 1.0.0",
                                "  x-lint-ignore: nlgov:other\n  version: '1.0'")
    uri = client.open(str(yaml_path), text)
    d = by_code(client.wait_diagnostics(uri, 1)["diagnostics"], "nlgov:semver")[0]
    res = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}})
    edits = [a for a in res["result"] if a["title"].startswith("Ignore")][0]["edit"]["changes"][uri]
    text = apply_edits(text, edits)
    assert "  x-lint-ignore:\n    - nlgov:other\n    - nlgov:semver\n  version: '1.0'" in text
    client.change(uri, 2, [{"text": text}])
    assert by_code(client.wait_diagnostics(uri, 2)["diagnostics"], "nlgov:semver") == []

    # JSON: a member, with the indentation of its neighbours.
    json_text = ('{\n  "openapi": "3.0.3",\n  "info": {\n    "title": "T",\n'
                 '    "version": "1.0"\n  },\n  "paths": {}\n}\n')
    juri = client.open(str(tmp_path / "api.json"), json_text, language="json")
    d = by_code(client.wait_diagnostics(juri, 1)["diagnostics"], "nlgov:semver")[0]
    assert rng(d) == (4, 15, 4, 20)
    res = client.request("textDocument/codeAction", {
        "textDocument": {"uri": juri}, "range": d["range"], "context": {"diagnostics": [d]}})
    edits = [a for a in res["result"] if a["title"].startswith("Ignore")][0]["edit"]["changes"][juri]
    json_text = apply_edits(json_text, edits)
    assert '  "info": {\n    "x-lint-ignore": "nlgov:semver",\n    "title": "T",' in json_text
    client.change(juri, 2, [{"text": json_text}])
    assert by_code(client.wait_diagnostics(juri, 2)["diagnostics"], "nlgov:semver") == []
    assert client.shutdown_and_exit() == 0


def test_code_action_without_data_finds_the_path(client, api):
    """Clients that drop a diagnostic's data still get the ignore action."""
    client.initialize({})
    with open(api, encoding="utf-8") as f:
        text = f.read().replace("version: 1.0.0", "version: '1.0'")
    uri = client.open(api, text)
    d = dict(by_code(client.wait_diagnostics(uri, 1)["diagnostics"], "nlgov:semver")[0])
    del d["data"]
    res = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}})
    assert "Ignore nlgov:semver here" in [a["title"] for a in res["result"]]
    # Asked only for source actions: none of ours.
    res = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"],
        "context": {"diagnostics": [d], "only": ["source"]}})
    assert res["result"] == []
    assert client.shutdown_and_exit() == 0


def test_hover_on_a_code_in_x_lint_ignore(client, api):
    client.initialize({"textDocument": {"hover": {"contentFormat": ["plaintext"]}}})
    with open(api, encoding="utf-8") as f:
        text = f.read().replace("info:\n", "info:\n  x-lint-ignore: nlgov:semver\n")
    uri = client.open(api, text)
    client.wait_diagnostics(uri, 1)
    h = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                              "position": {"line": 3, "character": 20}})["result"]
    assert h["contents"]["kind"] == "plaintext"
    assert h["contents"]["value"].startswith("Adhere to Semantic Versioning (nlgov:semver)")
    assert (h["range"]["start"], h["range"]["end"]) == (
        {"line": 3, "character": 17}, {"line": 3, "character": 29})
    assert client.shutdown_and_exit() == 0
