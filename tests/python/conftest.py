"""Shared helpers of the Python binding tests.

ctest sets ADRLINT_LIBRARY (the built library), ADRLINT (the built CLI),
ADRLINT_SOURCE (the checkout) and CC; run by hand from a checkout with a
build in build/, the defaults below find the same things.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(os.environ.get("ADRLINT_SOURCE") or Path(__file__).resolve().parents[2]).resolve()
PYTHON_DIR = SOURCE / "bindings" / "python"
CLI = os.environ.get("ADRLINT") or str(SOURCE / "build" / "bin" / "adrlint")
FIXTURES = SOURCE / "spec-fixtures"
PROFILES = ("adr-2.0", "adr-2.1", "adr-2.2")

if str(PYTHON_DIR) not in sys.path:
    sys.path.insert(0, str(PYTHON_DIR))


def fixture_documents():
    """Every document under spec-fixtures (support-* files are $ref targets)."""
    docs = [p for p in FIXTURES.rglob("*")
            if p.suffix in (".yaml", ".yml", ".json") and not p.name.startswith("support-")]
    assert docs, "no fixtures under %s" % FIXTURES
    return sorted(docs)


def run_cli(*args, cwd=None, stdin=None):
    """Runs the C command; returns (exit status, stdout, stderr)."""
    p = subprocess.run([CLI, *map(str, args)], cwd=cwd, input=stdin, capture_output=True)
    return p.returncode, p.stdout, p.stderr


def cli_json(path, profile):
    status, out, err = run_cli("lint", "--profile", profile, "-f", "json", path)
    assert status in (0, 1), err.decode()
    return json.loads(out)


def python_env(**extra):
    """The environment for a child Python that imports this checkout's package."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PYTHON_DIR), env.get("PYTHONPATH")]))
    env.update({k: v for k, v in extra.items() if v is not None})
    for k, v in extra.items():
        if v is None:
            env.pop(k, None)
    return env


def run_python(*args, env=None, cwd=None, stdin=None):
    p = subprocess.run([sys.executable, *map(str, args)], env=env or python_env(), cwd=cwd,
                       input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


@pytest.fixture(scope="session")
def adrlint():
    import adrlint as module
    return module
