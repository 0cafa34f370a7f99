"""The JSON-RPC layer under bad input: every mistake gets the error code the
protocol names (or is ignored, for notifications) and the server keeps
serving; framing survives partial reads, bad headers and huge messages; the
exit code follows shutdown/exit."""
import json
import random
import time

import pytest

from lspclient import Client, frame


@pytest.fixture
def client():
    c = Client()
    yield c
    c.close()


def error_of(client, raw):
    """Sends raw bytes and returns the error response they produce."""
    client.send_raw(raw)
    return client.wait_for(lambda m: "error" in m and "method" not in m)


def body(obj):
    data = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def alive(client):
    res = client.request("shutdown")
    assert "result" in res and res["result"] is None, res
    client.notify("exit")
    assert client.proc.wait(20) == 0


def test_parse_errors(client):
    client.initialize({})
    for raw in [b"{", b"{\"jsonrpc\": \"2.0\", \"id\": 1,}", b"[1, 2", b"not json",
                b"{\"a\": 1} trailing", b"\xff\xfe{}", b"{\"s\": \"\xc3\x28\"}",
                b"[" * 100000, b"{\"a\": 'single'}"]:
        e = error_of(client, body(raw))
        assert e["error"]["code"] == -32700, raw[:40]
        assert e["id"] is None
    alive(client)


def test_invalid_requests(client):
    client.initialize({})
    cases = [
        ([], None),
        ([{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}], None),   # no batches
        ("a string", None),
        (42, None),
        ({"id": 5, "method": "textDocument/hover"}, 5),                # no jsonrpc
        ({"jsonrpc": "1.0", "id": 6, "method": "shutdown"}, 6),
        ({"jsonrpc": "2.0", "id": 1.5, "method": "shutdown"}, None),
        ({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"}, None),
        ({"jsonrpc": "2.0", "id": None, "method": "shutdown"}, None),
        ({"jsonrpc": "2.0", "id": 7, "method": 12}, 7),
        ({"jsonrpc": "2.0", "id": "s8", "params": {}}, "s8"),            # no method
        ({"jsonrpc": "2.0", "id": 9, "method": "textDocument/hover", "params": "x"}, 9),
        ({"jsonrpc": "2.0", "method": ["exit"]}, None),
        ({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": 3}, None),
        ({"jsonrpc": "2.0"}, None),
    ]
    for msg, want_id in cases:
        e = error_of(client, body(msg))
        assert e["error"]["code"] == -32600, msg
        assert e["id"] == want_id, msg
    alive(client)


def test_unknown_methods_and_wrong_params(client):
    client.initialize({})
    r = client.request("textDocument/completion", {})
    assert r["error"]["code"] == -32601
    r = client.request("$/unknownRequest", {})
    assert r["error"]["code"] == -32601
    # Unknown notifications, and known ones with the wrong types: ignored.
    client.notify("$/setTrace", {"value": "off"})
    client.notify("custom/thing", [1, 2])
    client.notify("textDocument/didOpen", {"textDocument": {"uri": 5, "text": "openapi: 3"}})
    client.notify("textDocument/didOpen", {"textDocument": "x"})
    client.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nope.yaml",
                                                              "version": "2"},
                                             "contentChanges": {"text": 1}})
    client.notify("textDocument/didClose", None)
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": 3}, "x", None]})
    client.notify("$/cancelRequest", {"id": [1]})
    # Requests with wrong parameter types: InvalidParams.
    for method, params in [
        ("textDocument/hover", {"textDocument": {"uri": "file:///a.yaml"},
                                "position": {"line": "1", "character": 0}}),
        ("textDocument/hover", {"textDocument": {"uri": "file:///a.yaml"},
                                "position": {"line": -1, "character": 0}}),
        ("textDocument/hover", None),
        ("textDocument/codeAction", {"textDocument": {"uri": "file:///a.yaml"}}),
        ("workspace/executeCommand", {"command": "nope"}),
        ("workspace/executeCommand", {"command": "adrlint.openDocumentation",
                                      "arguments": [12]}),
    ]:
        r = client.request(method, params)
        assert r["error"]["code"] == -32602, (method, params)
    # Requests about documents that are not open: empty answers.
    r = client.request("textDocument/hover", {"textDocument": {"uri": "file:///a.yaml"},
                                              "position": {"line": 0, "character": 0}})
    assert r["result"] is None
    r = client.request("textDocument/codeAction", {"textDocument": {"uri": "file:///a.yaml"},
                                                   "range": {}, "context": {"diagnostics": []}})
    assert r["result"] == []
    # String ids are echoed as strings.
    client.send({"jsonrpc": "2.0", "id": "abc", "method": "nope/nope"})
    r = client.wait_response("abc")
    assert r["error"]["code"] == -32601
    alive(client)


def test_lifecycle_errors():
    c = Client()
    try:
        r = c.request("textDocument/hover", {})
        assert r["error"]["code"] == -32002          # not initialized
        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": "file:///x.yaml", "languageId": "yaml", "version": 1,
            "text": "openapi: 3.0.3\n"}})
        c.initialize({})
        c.drain()
        # The didOpen before initialize was dropped: no diagnostics for it.
        assert c.published("file:///x.yaml") == []
        r = c.request("initialize", {"capabilities": {}})
        assert r["error"]["code"] == -32600          # only once
        assert c.request("shutdown")["result"] is None
        r = c.request("textDocument/hover", {})
        assert r["error"]["code"] == -32600          # after shutdown
        c.notify("exit")
        assert c.proc.wait(20) == 0
    finally:
        c.close()


def test_exit_without_shutdown_is_1():
    c = Client()
    try:
        c.initialize({})
        c.notify("exit")
        assert c.proc.wait(20) == 1
    finally:
        c.close()


def test_end_of_input_without_shutdown_is_1():
    c = Client()
    try:
        c.initialize({})
        c.proc.stdin.close()
        assert c.proc.wait(20) == 1
    finally:
        c.close()


def test_framing_survives_partial_reads_and_odd_headers(client):
    init = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                  "params": {"capabilities": {}}})
    # One byte at a time, with pauses the server must wait through.
    for i in range(0, len(init), 7):
        client.send_raw(init[i:i + 7])
        time.sleep(0.002)
    assert "capabilities" in client.wait_response(1)["result"]
    # Bare \n line ends, other headers, odd spacing and case.
    msg = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "nope"}).encode()
    client.send_raw(b"content-length:   %d  \nContent-Type: application/vscode-jsonrpc; "
                    b"charset=utf-8\n\n" % len(msg) + msg)
    assert client.wait_response(2)["error"]["code"] == -32601
    # Blank lines between messages are noise.
    client.send_raw(b"\r\n\r\n" + frame({"jsonrpc": "2.0", "id": 3, "method": "nope"}))
    assert client.wait_response(3)["error"]["code"] == -32601


def test_bad_headers_are_reported_and_skipped(client):
    client.initialize({})
    for raw in [b"Content-Type: text/plain\r\n\r\n",
                b"Content-Length: abc\r\n\r\n",
                b"Content-Length: -5\r\n\r\n",
                b"Content-Length: 99999999999999999999999999\r\n\r\n",
                b"X" * 20000 + b"\r\n\r\n"]:
        e = error_of(client, raw)
        assert e["error"]["code"] == -32700, raw[:40]
    # A Content-Length that was too short: the rest of the body runs into the
    # next header, which is still found.
    msg = json.dumps({"jsonrpc": "2.0", "id": 4, "method": "nope"}).encode()
    client.send_raw(b"Content-Length: 5\r\n\r\n" + msg + frame(
        {"jsonrpc": "2.0", "id": 5, "method": "nope"}))
    assert client.wait_for(lambda m: m.get("error", {}).get("code") == -32700)
    assert client.wait_response(5)["error"]["code"] == -32601
    alive(client)


def test_huge_message_is_skipped_without_reading_it_into_memory(client):
    client.initialize({})
    size = 129 * 1024 * 1024
    client.send_raw(b"Content-Length: %d\r\n\r\n" % size)
    chunk = b" " * (1024 * 1024)
    for _ in range(size // len(chunk)):
        client.proc.stdin.write(chunk)
    client.proc.stdin.flush()
    e = client.wait_for(lambda m: "error" in m, timeout=60)
    assert e["error"]["code"] == -32600
    assert "over the limit" in e["error"]["message"]
    alive(client)


def test_large_document_is_fine(client, tmp_path):
    """A 20 MB document: read, linted, and answered like any other."""
    client.initialize({})
    head = "openapi: 3.0.3\ninfo:\n  title: Big\n  version: '1.0'\npaths:\n"
    item = "  /r%d:\n    get:\n      description: " + "x" * 200 + "\n      responses: {}\n"
    text = head + "".join(item % i for i in range(20 * 1024 * 1024 // len(item)))
    uri = client.open(str(tmp_path / "big.yaml"), text)
    pub = client.wait_diagnostics(uri, 1, timeout=120)
    assert [d["code"] for d in pub["diagnostics"] if d["code"] == "nlgov:semver"] == \
        ["nlgov:semver"]
    alive(client)


def test_random_garbage_between_messages(client):
    """Bytes from a fixed random stream between real messages: each burst
    costs at most an error response, and the next request is answered."""
    client.initialize({})
    rnd = random.Random(20240601)
    alphabet = b"{}[]\":,0123456789abcdefghijklmnopqrstuvwxyz \r\n\t\\\x00\xff\xc3"
    for i in range(200):
        n = rnd.randrange(1, 400)
        garbage = bytes(rnd.choice(alphabet) for _ in range(n))
        if rnd.random() < 0.3:
            garbage = b"Content-Length: %d\r\n\r\n" % len(garbage) + garbage
        client.send_raw(garbage)
        rid = client.request_async("nope/%d" % i)
        r = client.wait_response(rid)
        assert r["error"]["code"] == -32601
    alive(client)
