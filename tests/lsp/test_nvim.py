"""A real editor: headless Neovim with its built-in LSP client runs
`adrlint lsp` (nvim_session.lua). Skipped (exit 77) only when nvim is not
installed and CI is not set."""
import json
import os
import shutil
import subprocess

import pytest

from lspclient import ADRLINT, FIXTURES

HERE = os.path.dirname(os.path.abspath(__file__))


def nvim():
    exe = shutil.which("nvim")
    if exe:
        return exe
    if os.environ.get("CI"):
        pytest.fail("nvim is not installed but CI is set: the editor test must run in CI")
    print("skipped: nvim is not installed")
    pytest.exit("skipped: nvim is not installed", returncode=77)


def test_neovim_session(tmp_path):
    exe = nvim()
    with open(os.path.join(FIXTURES, "api.yaml"), encoding="utf-8") as f:
        text = f.read().replace("version: 1.0.0", "version: '1.0'")
    fixture = tmp_path / "api.yaml"
    fixture.write_text(text)
    result = tmp_path / "result.json"
    env = dict(os.environ, ADRLINT=os.path.abspath(ADRLINT) if os.sep in ADRLINT else ADRLINT,
               NVIM_FIXTURE=str(fixture), NVIM_RESULT=str(result),
               XDG_STATE_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path),
               XDG_CACHE_HOME=str(tmp_path))
    proc = subprocess.run([exe, "--headless", "--clean", "-n", "-c",
                           "luafile " + os.path.join(HERE, "nvim_session.lua")],
                          env=env, cwd=str(tmp_path), capture_output=True, timeout=120)
    assert result.exists(), "nvim wrote no result: exit %d\n%s\n%s" % (
        proc.returncode, proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace"))
    res = json.loads(result.read_text())
    assert "error" not in res, res
    assert proc.returncode == 0

    steps = {s["name"]: s for s in res["steps"]}
    lines = text.split("\n")
    version_line = lines.index("  version: '1.0'")

    # What Neovim shows on open: the finding on the version's line and column.
    semver = [d for d in steps["open"]["diagnostics"] if d["code"] == "nlgov:semver"]
    assert semver == [{"code": "nlgov:semver", "lnum": version_line, "col": 11, "end_col": 16,
                       "severity": 1, "source": "adrlint",
                       "message": "Version 1.0 is not in semver format."}]

    assert "**Adhere to Semantic Versioning** `nlgov:semver`" in res["hover"]
    assert res["action_titles"] == ["Ignore nlgov:semver here",
                                    "Open documentation for nlgov:semver"]

    # The code action, applied by Neovim: the key in info, indented.
    ignored = steps["ignored"]
    info = ignored["lines"].index("info:")
    assert ignored["lines"][info + 1] == "  x-lint-ignore: nlgov:semver"
    assert ignored["lines"][info + 2] == "  title: Bibliotheek API"
    assert [d for d in ignored["diagnostics"] if d["code"] == "nlgov:semver"] == []

    # Typing in the buffer: Neovim's incremental change, a new finding there.
    edited = steps["edited"]
    url_line = [i for i, l in enumerate(edited["lines"]) if "/v2" in l]
    uri_version = [(d["lnum"], d["source"]) for d in edited["diagnostics"]
                   if d["code"] == "nlgov:include-major-version-in-uri"]
    assert url_line and uri_version and uri_version[0] == (url_line[0], "adrlint")

    # Neovim stopped the server with shutdown and exit.
    assert res["server_exit"] == 0
