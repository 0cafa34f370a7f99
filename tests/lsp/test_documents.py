"""Documents as the user edits them: which versions get diagnostics, what
closing does, positions in UTF-8 and UTF-16, which files are linted at all,
configuration reloads, specifications split over several files, and requests
that wait for a lint."""
import os
import shutil
import time

import pytest

from lspclient import (FIXTURES, Client, as_changes, by_code, edit, frame, rng, uri_of,
                       utf16_len)


def api_text(version="1.0.0"):
    with open(os.path.join(FIXTURES, "api.yaml"), encoding="utf-8") as f:
        return f.read().replace("version: 1.0.0", "version: %s" % version)


@pytest.fixture
def client():
    c = Client()
    yield c
    c.close()


def semver(pub):
    return by_code(pub["diagnostics"], "nlgov:semver")


# ---- versions ----

def big_api(version):
    """An API of some megabytes, so that a lint takes a while."""
    item = "  /r%d:\n    get:\n      description: " + "x" * 300 + "\n      responses: {}\n"
    return (api_text(version).replace("paths:\n", "paths:\n" + "".join(
        item % i for i in range(8 * 1024 * 1024 // len(item))), 1))


def test_a_superseded_version_is_never_published(client, tmp_path):
    client.initialize({})
    text = big_api("1.0.0")
    uri = client.open(str(tmp_path / "big.yaml"), text)
    assert semver(client.wait_diagnostics(uri, 1, timeout=60)) == []
    # v2 starts linting at once (no debounce); v3 arrives while it runs.
    line = text.split("\n").index("  version: 1.0.0")
    v2 = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [edit((line, 14), (line, 16), "")]}}
    v3 = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [edit((line, 11), (line, 12), "2")]}}
    client.send_raw(frame(v2) + frame(v3))
    pub = client.wait_diagnostics(uri, 3, timeout=60)
    assert [d["message"] for d in semver(pub)] == ["Version 2.0 is not in semver format."]
    client.drain(0.5)
    assert [p.get("version") for p in client.published(uri)] == []
    assert client.shutdown_and_exit() == 0


def test_a_slow_lint_does_not_hold_up_requests(client, tmp_path):
    client.initialize({})
    item = "  /r%d:\n    get:\n      description: " + "x" * 300 + "\n      responses: {}\n"
    text = api_text().replace("paths:\n", "paths:\n" + "".join(
        item % i for i in range(20 * 1024 * 1024 // len(item))), 1)
    uri = client.open(str(tmp_path / "big.yaml"), text)
    small = client.open(str(tmp_path / "small.yaml"), "name: x\n")
    r = client.request("textDocument/hover", {"textDocument": {"uri": small},
                                              "position": {"line": 0, "character": 1}})
    assert r["result"] is None
    # Answered while the big document was still being linted.
    assert client.published(uri) == []
    client.wait_diagnostics(uri, 1, timeout=120)
    assert client.shutdown_and_exit() == 0


def test_changes_within_the_debounce_give_one_publication(tmp_path):
    c = Client(debounce=300)
    try:
        c.initialize({})
        uri = c.open(str(tmp_path / "api.yaml"), api_text())
        c.wait_diagnostics(uri, 1)   # opening does not wait
        for v in range(2, 7):
            c.change(uri, v, [edit((5, 11), (5, 12), str(v))])
            time.sleep(0.02)
        sent = time.monotonic()
        pub = c.wait_diagnostics(uri, 6)
        assert time.monotonic() - sent >= 0.25
        assert semver(pub) == []
        c.drain(0.5)
        assert c.published(uri) == []   # nothing for versions 2 to 5
        assert c.shutdown_and_exit() == 0
    finally:
        c.close()


def test_did_close_clears(client, tmp_path):
    client.initialize({})
    uri = client.open(str(tmp_path / "api.yaml"), api_text("'1.0'"))
    assert len(semver(client.wait_diagnostics(uri, 1))) == 1
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    pub = client.wait_diagnostics(uri)
    assert pub == {"uri": uri, "diagnostics": []}
    assert client.shutdown_and_exit() == 0


def test_did_save_lints_again(client, tmp_path):
    client.initialize({})
    uri = client.open(str(tmp_path / "api.yaml"), api_text("'1.0'"))
    client.wait_diagnostics(uri, 1)
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert len(semver(client.wait_diagnostics(uri, 1))) == 1
    assert client.shutdown_and_exit() == 0


# ---- encodings ----

NON_ASCII = api_text().replace(
    "info:\n  title: Bibliotheek API\n  description: Boeken van de bibliotheek.\n"
    "  version: 1.0.0\n",
    "info: {title: \"Biblioth\u00e8que \U0001F4DA\", description: \"\u00e9\u00e9n\", "
    "version: \"1.0\",\n  contact: {name: T, url: 'https://x.nl', email: a@x.nl}}\n").replace(
    "  contact:\n    name: Team Bibliotheek\n    url: https://bibliotheek.example.nl\n"
    "    email: api@bibliotheek.example.nl\n", "")


def columns(line, needle):
    i = line.index(needle)
    return len(line[:i].encode()), utf16_len(line[:i])


def test_utf8_negotiated(client, tmp_path):
    init = client.initialize({"general": {"positionEncodings": ["utf-8", "utf-16"]}})
    assert init["result"]["capabilities"]["positionEncoding"] == "utf-8"
    lines = NON_ASCII.split("\n")
    info = lines.index([l for l in lines if l.startswith("info:")][0])
    u8, u16 = columns(lines[info], '"1.0"')
    assert u8 != u16
    uri = client.open(str(tmp_path / "api.yaml"), NON_ASCII)
    d = semver(client.wait_diagnostics(uri, 1))
    assert [rng(x) for x in d] == [(info, u8, info, u8 + 5)]

    # Edits in UTF-8 columns on the non-ASCII line: the emoji becomes "X"
    # (4 bytes), then the version gets its patch number.
    e8, _ = columns(lines[info], "\U0001F4DA")
    client.change(uri, 2, [edit((info, e8), (info, e8 + 4), "X")])
    line = lines[info].replace("\U0001F4DA", "X")
    d = semver(client.wait_diagnostics(uri, 2))
    u8, _ = columns(line, '"1.0"')
    assert [rng(x) for x in d] == [(info, u8, info, u8 + 5)]
    client.change(uri, 3, [edit((info, u8 + 4), (info, u8 + 4), ".0")])
    assert semver(client.wait_diagnostics(uri, 3)) == []
    assert client.shutdown_and_exit() == 0


def test_utf16_by_default(client, tmp_path):
    init = client.initialize({"general": {"positionEncodings": ["utf-32", "utf-16"]}})
    assert init["result"]["capabilities"]["positionEncoding"] == "utf-16"
    lines = NON_ASCII.split("\n")
    info = lines.index([l for l in lines if l.startswith("info:")][0])
    _, u16 = columns(lines[info], '"1.0"')
    uri = client.open(str(tmp_path / "api.yaml"), NON_ASCII)
    d = semver(client.wait_diagnostics(uri, 1))
    assert [rng(x) for x in d] == [(info, u16, info, u16 + 5)]
    # The emoji is two UTF-16 units.
    _, e16 = columns(lines[info], "\U0001F4DA")
    client.change(uri, 2, [edit((info, e16), (info, e16 + 2), "X")])
    _, u16 = columns(lines[info].replace("\U0001F4DA", "X"), '"1.0"')
    d = semver(client.wait_diagnostics(uri, 2))
    assert [rng(x) for x in d] == [(info, u16, info, u16 + 5)]
    assert client.shutdown_and_exit() == 0


def test_crlf_documents(client, tmp_path):
    client.initialize({})
    text = api_text("'1.0'").replace("\n", "\r\n")
    uri = client.open(str(tmp_path / "api.yaml"), text)
    assert [rng(d) for d in semver(client.wait_diagnostics(uri, 1))] == [(5, 11, 5, 16)]
    assert client.shutdown_and_exit() == 0


# ---- what is linted ----

def test_only_openapi_documents_get_diagnostics(client, tmp_path):
    client.initialize({})
    plain = client.open(str(tmp_path / "settings.yaml"), "name: x\nnested:\n  openapi: 3.0.3\n")
    js = client.open(str(tmp_path / "data.json"), '{"info": {"openapi": "3.0.3"}}',
                     language="json")
    cfg = client.open(str(tmp_path / ".adrlint.yaml"), "rules:\n  nlgov:semver: warn\n")
    other = client.open(str(tmp_path / "script.py"), "openapi: 3.0.3\ninfo: {version: '1'}\n",
                        language="python")
    swagger = client.open(str(tmp_path / "old.json"),
                          '{"swagger": "2.0", "info": {"title": "t", "version": "1"}}',
                          language="json")
    client.wait_diagnostics(swagger, 1)   # a Swagger document is linted
    client.drain(0.5)
    for uri in (plain, js, cfg, other):
        assert client.published(uri) == [], uri
    # It becomes an OpenAPI document: diagnostics; then it stops being one.
    client.change(plain, 2, [{"text": "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n"}])
    assert len(semver(client.wait_diagnostics(plain, 2))) == 1
    client.change(plain, 3, [{"text": "name: x\n"}])
    assert client.wait_diagnostics(plain, 3)["diagnostics"] == []
    assert client.shutdown_and_exit() == 0


# ---- configuration ----

def test_configuration_reload_changes_a_severity(client, tmp_path):
    client.auto_answer["client/registerCapability"] = None
    client.initialize({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    reg = client.wait_for(lambda m: m.get("method") == "client/registerCapability")
    r = reg["params"]["registrations"][0]
    assert r["method"] == "workspace/didChangeWatchedFiles"
    globs = [w["globPattern"] for w in r["registerOptions"]["watchers"]]
    assert "**/.adrlint.yaml" in globs and "**/*.{yaml,yml,json}" in globs

    uri = client.open(str(tmp_path / "api.yaml"), api_text("'1.0'"))
    assert [d["severity"] for d in semver(client.wait_diagnostics(uri, 1))] == [1]

    config = tmp_path / ".adrlint.yaml"
    config.write_text("rules:\n  nlgov:semver: warn\n")
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": uri_of(str(config)), "type": 1}]})
    assert [d["severity"] for d in semver(client.wait_diagnostics(uri, 1))] == [2]

    config.write_text("rules:\n  nlgov:semver: hint\n")
    client.notify("workspace/didChangeConfiguration", {"settings": {}})
    assert [d["severity"] for d in semver(client.wait_diagnostics(uri, 1))] == [4]

    # A broken configuration is reported on the document, at its start.
    config.write_text("rules:\n  no-such-rule: warn\n")
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": uri_of(str(config)), "type": 2}]})
    pub = client.wait_diagnostics(uri, 1)
    assert [(d["code"], rng(d), d["severity"]) for d in pub["diagnostics"]] == [
        ("adrlint-config", (0, 0, 0, 0), 1)]
    assert ".adrlint.yaml:2:3: unknown rule 'no-such-rule'" in pub["diagnostics"][0]["message"]

    config.unlink()
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": uri_of(str(config)), "type": 3}]})
    assert [d["severity"] for d in semver(client.wait_diagnostics(uri, 1))] == [1]
    assert client.shutdown_and_exit() == 0


def test_ignore_file_changes_reload(client, tmp_path):
    client.initialize({})
    (tmp_path / ".adrlint.yaml").write_text("ignore-file: lint-ignore.yaml\n")
    ignore = tmp_path / "lint-ignore.yaml"
    ignore.write_text("api.yaml:\n  nlgov:semver:\n    - '#/info/version'\n")
    uri = client.open(str(tmp_path / "api.yaml"), api_text("'1.0'"))
    assert semver(client.wait_diagnostics(uri, 1)) == []
    ignore.write_text("{}\n")
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": uri_of(str(ignore)), "type": 2}]})
    assert len(semver(client.wait_diagnostics(uri, 1))) == 1
    assert client.shutdown_and_exit() == 0


@pytest.mark.parametrize("allow", [False, True])
def test_plugins_named_by_a_configuration_need_allow_plugins(tmp_path, allow):
    c = Client(*(["--allow-plugins"] if allow else []))
    try:
        c.initialize({})
        (tmp_path / ".adrlint.yaml").write_text("plugins:\n  - ./missing-plugin.so\n")
        uri = c.open(str(tmp_path / "api.yaml"), api_text())
        d = c.wait_diagnostics(uri, 1)["diagnostics"]
        assert [x["code"] for x in d] == ["adrlint-config"]
        refused = "refusing to load plugins" in d[0]["message"]
        assert refused != allow, d[0]["message"]
        assert allow == ("missing-plugin.so" in d[0]["message"])
        assert c.shutdown_and_exit() == 0
    finally:
        c.close()


def test_saving_a_configuration_reloads_without_file_watching(client, tmp_path):
    client.initialize({})
    uri = client.open(str(tmp_path / "api.yaml"), api_text("'1.0'"))
    assert [d["severity"] for d in semver(client.wait_diagnostics(uri, 1))] == [1]
    config = tmp_path / ".adrlint.yaml"
    config.write_text("rules:\n  nlgov:semver: info\n")
    curi = client.open(str(config))
    client.notify("textDocument/didSave", {"textDocument": {"uri": curi}})
    assert [d["severity"] for d in semver(client.wait_diagnostics(uri, 1))] == [3]
    assert client.shutdown_and_exit() == 0


def test_profile_setting(tmp_path):
    c = Client()
    try:
        init = c.initialize({}, options={"profile": "adr-2.0,future"})
        assert "result" in init
        uri = c.open(str(tmp_path / "api.yaml"), api_text("'1.0'"))
        assert len(semver(c.wait_diagnostics(uri, 1))) == 1
        c.notify("workspace/didChangeConfiguration",
                 {"settings": {"adrlint": {"profile": "no-such-profile"}}})
        pub = c.wait_diagnostics(uri, 1)
        assert [d["code"] for d in pub["diagnostics"]] == ["adrlint-config"]
        assert "no-such-profile" in pub["diagnostics"][0]["message"]
        assert c.shutdown_and_exit() == 0
    finally:
        c.close()


# ---- several files ----

MAIN = """openapi: 3.0.3
info:
  title: Multi
  version: 1.0.0
servers:
  - url: https://api.example.nl/v1
paths:
  /boeken:
    get:
      responses:
        '200':
          $ref: 'common.yaml#/responses/Ok'
"""

COMMON = """responses:
  Ok:
    description: OK
    headers:
      API-Version:
        $ref: '#/headers/API-Version'
headers:
  API-Version:
    schema:
      type: string
"""


def test_findings_in_referenced_files_and_their_changes(client, tmp_path):
    client.initialize({})
    (tmp_path / "main.yaml").write_text(MAIN)
    common = tmp_path / "common.yaml"
    common.write_text(COMMON)
    main_uri = client.open(str(tmp_path / "main.yaml"))
    common_uri = uri_of(str(common))
    pub = client.wait_diagnostics(main_uri, 1)
    assert [d for d in pub["diagnostics"] if d["severity"] <= 2] == []

    # The referenced file changes on disk: main is linted again, and the
    # finding is published to the referenced file.
    common.write_text(COMMON.replace("    description: OK\n",
                                     "    description: OK\n    description: Again\n"))
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": common_uri, "type": 2}]})
    pub = client.wait_diagnostics(common_uri)
    assert "version" not in pub   # not open: no version
    dup = by_code(pub["diagnostics"], "duplicate-key")
    assert [rng(d) for d in dup] == [(3, 4, 3, 15)]

    # Opened, the file's own text counts, with its version.
    client.open(str(common), version=1)
    pub = client.wait_diagnostics(common_uri, 1)
    assert [rng(d) for d in by_code(pub["diagnostics"], "duplicate-key")] == [(3, 4, 3, 15)]

    # Unsaved edits to the referenced file re-lint the document that uses it.
    client.change(common_uri, 2, [edit((3, 0), (4, 0), "")])
    assert by_code(client.wait_diagnostics(common_uri, 2)["diagnostics"], "duplicate-key") == []
    client.change(common_uri, 3, [edit((1, 2), (1, 4), "Okay")])   # Ok -> Okay
    pub = client.wait_diagnostics(main_uri, 1,
                                  where=lambda p: by_code(p["diagnostics"], "invalid-ref"))
    bad = by_code(pub["diagnostics"], "invalid-ref")
    assert [rng(d) for d in bad] == [(11, 16, 11, 43)]
    assert "common.yaml#/responses/Ok" in bad[0]["message"]

    # Closing the document that referenced it clears what it said there.
    client.notify("textDocument/didClose", {"textDocument": {"uri": main_uri}})
    cleared = client.wait_diagnostics(main_uri, where=lambda p: "version" not in p)
    assert cleared == {"uri": main_uri, "diagnostics": []}
    assert client.shutdown_and_exit() == 0


def test_a_missing_referenced_file_appearing(client, tmp_path):
    client.initialize({})
    (tmp_path / "main.yaml").write_text(MAIN)
    main_uri = client.open(str(tmp_path / "main.yaml"))
    pub = client.wait_diagnostics(main_uri, 1)
    assert len(by_code(pub["diagnostics"], "invalid-ref")) == 1
    (tmp_path / "common.yaml").write_text(COMMON)
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": uri_of(str(tmp_path / "common.yaml")), "type": 1}]})
    pub = client.wait_diagnostics(main_uri, 1)
    assert by_code(pub["diagnostics"], "invalid-ref") == []
    assert client.shutdown_and_exit() == 0


# ---- requests that wait ----

def test_hover_waits_for_the_lint_and_can_be_cancelled(tmp_path):
    c = Client(debounce=1500)
    try:
        c.initialize({})
        uri = c.open(str(tmp_path / "api.yaml"), api_text())
        c.wait_diagnostics(uri, 1)
        c.change(uri, 2, [edit((5, 14), (5, 16), "")])   # 1.0.0 -> 1.0
        pos = {"textDocument": {"uri": uri}, "position": {"line": 5, "character": 12}}
        cancelled = c.request_async("textDocument/hover", pos)
        waiting = c.request_async("textDocument/hover", pos)
        sent = time.monotonic()
        c.notify("$/cancelRequest", {"id": cancelled})
        r = c.wait_response(cancelled)
        assert r["error"]["code"] == -32800
        assert time.monotonic() - sent < 1.0
        # The other one is answered after the lint, about the new finding.
        r = c.wait_response(waiting)
        assert "nlgov:semver" in r["result"]["contents"]["value"]
        assert len(semver(c.wait_diagnostics(uri, 2))) == 1
        # Cancelling an answered request changes nothing.
        c.notify("$/cancelRequest", {"id": waiting})
        assert c.shutdown_and_exit() == 0
    finally:
        c.close()
