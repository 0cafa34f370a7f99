"""Helpers for the CLI tests: the built adrlint, a scratch directory, and
running the command the way a user or a CI job does."""
import os
import shutil
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
ADRLINT = os.path.abspath(os.environ.get("ADRLINT", "adrlint"))
SOURCE = os.environ.get("ADRLINT_SOURCE") or os.path.join(HERE, "..", "..")
SHARED = os.environ.get("ADRLINT_SHARED") or os.path.join(SOURCE, "..", "shared")


class Run:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.out = proc.stdout.decode("utf-8")
        self.err = proc.stderr.decode("utf-8")

    def __repr__(self):
        return "rc=%d\nstdout:\n%s\nstderr:\n%s" % (self.rc, self.out, self.err)


def adrlint(*args, cwd=None, stdin=None, env=None):
    """Runs adrlint with args; stdin is bytes (or None for an empty pipe).
    HOME and XDG_CONFIG_HOME point into cwd so no user configuration of
    the machine running the tests takes part."""
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if cwd:
        e["HOME"] = os.path.join(cwd, "home")
        e.pop("XDG_CONFIG_HOME", None)
    if env:
        e.update(env)
    proc = subprocess.run([ADRLINT] + [str(a) for a in args], cwd=cwd, env=e,
                          input=stdin if stdin is not None else b"",
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    return Run(proc)


@pytest.fixture
def work(tmp_path):
    """A scratch directory holding a copy of the test documents."""
    for name in os.listdir(DATA):
        src = os.path.join(DATA, name)
        if os.path.isfile(src):
            shutil.copy(src, tmp_path / name)
    return tmp_path


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
