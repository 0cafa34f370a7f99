"""pip install ./bindings/python works offline, with and without a bundled library."""
import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import FIXTURES, PYTHON_DIR, python_env, run_python

BIB = FIXTURES / "examples" / "bibliotheek.yaml"
LIBRARY = os.environ.get("ADRLINT_LIBRARY")


def _pip_install(target, *extra):
    if importlib.util.find_spec("pip") is None:
        pytest.skip("pip is not installed for %s" % sys.executable)
    # --no-index: a download attempt would fail the test instead of hiding.
    p = subprocess.run([sys.executable, "-m", "pip", "install", "--no-index", "--no-cache-dir",
                        "--disable-pip-version-check", "--target", str(target), *extra,
                        str(PYTHON_DIR)], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr


def test_pip_install_offline(tmp_path):
    site = tmp_path / "site"
    _pip_install(site)
    files = sorted(p.relative_to(site).as_posix() for p in (site / "adrlint").rglob("*")
                   if "__pycache__" not in p.parts)
    assert "adrlint/py.typed" in files and "adrlint/__main__.py" in files
    assert not any("_lib" in f for f in files)
    env = python_env(PYTHONPATH=str(site))
    code = "import adrlint; print(adrlint.__file__); print(len(adrlint.lint(%r)))" % str(BIB)
    status, out, err = run_python("-c", code, env=env, cwd=tmp_path)
    assert status == 0, err
    assert out.splitlines() == [str(site / "adrlint" / "__init__.py"), "2"]


@pytest.mark.skipif(not LIBRARY, reason="needs ADRLINT_LIBRARY (a built library) to bundle")
def test_pip_install_with_bundled_library(tmp_path):
    build = os.path.dirname(os.path.dirname(os.path.realpath(LIBRARY)))
    site = tmp_path / "site"
    _pip_install(site, "--config-settings", "bundle=%s" % build)
    lib = site / "adrlint" / "_lib" / "libadrlint.so.0"
    plugins = sorted(p.name for p in (site / "adrlint" / "_lib" / "adrlint" / "plugins").iterdir())
    assert lib.is_file() and "versioning.so" in plugins
    # Outside any checkout and without ADRLINT_LIBRARY, the bundled copy is
    # used, and it finds the bundled plugins beside itself.
    env = python_env(PYTHONPATH=str(site), ADRLINT_LIBRARY=None, ADRLINT_PLUGIN_PATH=None)
    code = ("import adrlint, adrlint._ffi as f; print(f.path)\n"
            "print([r.plugin for r in adrlint.rules() if r.code == 'nlgov:semver'])\n"
            "print([d.code for d in adrlint.lint(%r)])" % str(BIB))
    status, out, err = run_python("-c", code, env=env, cwd=tmp_path)
    assert status == 0, err
    assert out.splitlines() == [str(lib), "['versioning']",
                                "['nlgov:semver', 'nlgov:missing-header']"]


def test_wheel_tags(tmp_path):
    """The backend's wheels: pure without a library, platform-tagged with one."""
    sys.path.insert(0, str(PYTHON_DIR / "_backend"))
    try:
        import adrlint_backend as backend
    finally:
        sys.path.pop(0)
    assert backend.get_requires_for_build_wheel() == []
    name = backend.build_wheel(str(tmp_path))
    assert name == "adrlint-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(tmp_path / name) as zf:
        names = zf.namelist()
        record = zf.read("adrlint-0.1.0.dist-info/RECORD").decode()
    assert "adrlint/_ffi.py" in names and "adrlint-0.1.0.dist-info/METADATA" in names
    assert all(n in record for n in names)
    sdist = backend.build_sdist(str(tmp_path))
    assert sdist == "adrlint-0.1.0.tar.gz"
    with pytest.raises(RuntimeError, match="not found"):
        backend.build_wheel(str(tmp_path), {"bundle": str(tmp_path)})
    if LIBRARY:
        build = os.path.dirname(os.path.dirname(os.path.realpath(LIBRARY)))
        name = backend.build_wheel(str(tmp_path), {"bundle": build})
        assert name.startswith("adrlint-0.1.0-py3-none-linux_") and name.endswith(".whl")
    shutil.rmtree(tmp_path)
