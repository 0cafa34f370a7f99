"""A scripted LSP client for the tests: starts `adrlint lsp`, frames JSON-RPC
messages, and collects what the server sends on a reader thread."""
import json
import os
import queue
import subprocess
import threading
import time
import urllib.parse

ADRLINT = os.environ.get("ADRLINT", "adrlint")
SOURCE = os.environ.get("ADRLINT_SOURCE") or os.path.join(os.path.dirname(__file__), "..", "..")
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
TIMEOUT = float(os.environ.get("ADRLINT_LSP_TIMEOUT", "20"))


def uri_of(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    def __init__(self, *args, debounce=0, cwd=None):
        self.proc = subprocess.Popen([ADRLINT, "lsp", "--debounce", str(debounce), *args],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.inbox = queue.Queue()
        self.seen = []          # every message received, in order
        self.next_id = 1
        self.auto_answer = {}   # method -> result for requests from the server
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # ---- transport ----
    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.strip().lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            msg = json.loads(body)
            if "method" in msg and "id" in msg and msg["method"] in self.auto_answer:
                self.send_raw(frame({"jsonrpc": "2.0", "id": msg["id"],
                                     "result": self.auto_answer[msg["method"]]}))
            self.inbox.put(msg)

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        self.send_raw(frame(obj))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def request(self, method, params=None, timeout=TIMEOUT):
        rid = self.request_async(method, params)
        return self.wait_response(rid, timeout)

    # ---- waiting ----
    def wait_for(self, pred, timeout=TIMEOUT, what="a message"):
        """The first message (seen before or arriving) matching pred."""
        for m in self.seen:
            if pred(m):
                self.seen.remove(m)
                return m
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("timed out waiting for %s; stderr: %s" % (
                    what, self.stderr_text()))
            try:
                m = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if m is None:
                raise AssertionError("server closed its output while waiting for %s; exit %s; "
                                     "stderr: %s" % (what, self.proc.poll(), self.stderr_text()))
            if pred(m):
                return m
            self.seen.append(m)

    def wait_response(self, rid, timeout=TIMEOUT):
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout,
                             "the response to request %r" % rid)

    def wait_diagnostics(self, uri, version=None, timeout=TIMEOUT, where=None):
        """The next publishDiagnostics for uri (and version, and matching
        where(params), when given)."""
        def pred(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return (p["uri"] == uri and (version is None or p.get("version") == version)
                    and (where is None or where(p)))
        return self.wait_for(pred, timeout, "diagnostics for %s v%s" % (uri, version))["params"]

    def drain(self, quiet=0.3):
        """Collects messages until none arrived for `quiet` seconds."""
        while True:
            try:
                m = self.inbox.get(timeout=quiet)
            except queue.Empty:
                return
            if m is None:
                return
            self.seen.append(m)

    def published(self, uri):
        return [m["params"] for m in self.seen
                if m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri]

    # ---- LSP helpers ----
    def initialize(self, capabilities=None, options=None, **extra):
        params = {"processId": os.getpid(), "rootUri": None,
                  "capabilities": capabilities if capabilities is not None else {}}
        if options is not None:
            params["initializationOptions"] = options
        params.update(extra)
        res = self.request("initialize", params)
        self.notify("initialized", {})
        return res

    def open(self, path, text=None, version=1, language="yaml", uri=None):
        if text is None:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        uri = uri or uri_of(path)
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})
        return uri

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def shutdown_and_exit(self, timeout=TIMEOUT):
        res = self.request("shutdown")
        assert res.get("result", "missing") is None, res
        self.notify("exit")
        return self.proc.wait(timeout)

    def stderr_text(self):
        if self.proc.poll() is None:
            return "(running)"
        return self.proc.stderr.read().decode(errors="replace")

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except OSError:
                pass


def edit(start, end, text):
    """An incremental contentChange."""
    return {"range": {"start": {"line": start[0], "character": start[1]},
                      "end": {"line": end[0], "character": end[1]}}, "text": text}


def as_changes(edits):
    """TextEdits as didChange contentChanges (what an editor sends after
    applying them)."""
    return [{"range": e["range"], "text": e["newText"]} for e in edits]


def rng(d):
    r = d["range"]
    return (r["start"]["line"], r["start"]["character"], r["end"]["line"], r["end"]["character"])


def by_code(diags, code):
    return [d for d in diags if d["code"] == code]


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def units(ch, encoding):
    return len(ch.encode("utf-8")) if encoding == "utf-8" else len(ch.encode("utf-16-le")) // 2


def apply_edits(text, edits, encoding="utf-16"):
    """Applies non-overlapping LSP TextEdits to text ("\n" line ends)."""
    lines = text.split("\n")

    def offset(pos):
        before = sum(len(l) + 1 for l in lines[:pos["line"]])
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        n = 0
        for i, ch in enumerate(line):
            if n >= pos["character"]:
                return before + i
            n += units(ch, encoding)
        return before + len(line)

    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e.get("newText", e.get("text")))
                    for e in edits), reverse=True)
    for s, e, t in spans:
        text = text[:s] + t + text[e:]
    return text
