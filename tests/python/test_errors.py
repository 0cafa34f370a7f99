"""Every failure is a specific adrlint.Error carrying the library's message."""
import os
import shutil
import subprocess

import pytest

from conftest import FIXTURES, PYTHON_DIR, python_env, run_python

BIB = FIXTURES / "examples" / "bibliotheek.yaml"

IMPORT = ("import adrlint\n"
          "print(adrlint._ffi.path)\n")
CATCH = ("try:\n"
         "    import adrlint\n"
         "except ImportError as e:\n"
         "    print(type(e).__module__ + '.' + type(e).__name__)\n"
         "    print(e)\n")


def test_library_named_by_adrlint_library_is_used(adrlint):
    status, out, err = run_python("-c", IMPORT)
    assert status == 0, err
    assert os.path.samefile(out.strip(), os.environ.get("ADRLINT_LIBRARY") or out.strip())


def test_adrlint_library_pointing_nowhere(tmp_path):
    nowhere = tmp_path / "nowhere" / "libadrlint.so.0"
    status, out, err = run_python("-c", CATCH, env=python_env(ADRLINT_LIBRARY=str(nowhere)))
    assert status == 0, err
    kind, message = out.split("\n", 1)
    assert kind == "adrlint.LibraryError"
    assert message.startswith("cannot load libadrlint; tried:\n")
    assert "ADRLINT_LIBRARY=%s: %s: cannot open shared object file" % (nowhere, nowhere) in message
    assert "ADRLINT_LIBRARY is set, so no other place was searched" in message


def test_no_library_anywhere_lists_every_place(tmp_path):
    """A copy of the package outside any checkout, nothing bundled, nothing
    installed: each place is listed with the reason it failed."""
    pkg = tmp_path / "site" / "adrlint"
    shutil.copytree(PYTHON_DIR / "adrlint", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    env = python_env(ADRLINT_LIBRARY=None, PYTHONPATH=str(pkg.parent))
    status, out, err = run_python("-c", CATCH, env=env, cwd=tmp_path)
    assert status == 0, err
    lines = out.splitlines()
    assert lines[:3] == ["adrlint.LibraryError", "cannot load libadrlint; tried:",
                         "  ADRLINT_LIBRARY: not set"]
    assert lines[3] == "  bundled: %s does not exist" % (pkg / "_lib" / "libadrlint.so.0")
    assert lines[4] == "  build tree: %s is not inside an adrlint checkout" % pkg
    assert lines[5].startswith("  find_library('adrlint'): ")
    assert lines[-1].startswith("set ADRLINT_LIBRARY to the path of libadrlint.so.0")
    # python -m adrlint answers like the CLI: the message and exit status 2.
    status, out, err = run_python("-m", "adrlint", str(BIB), env=env, cwd=tmp_path)
    assert status == 2 and out == ""
    assert err.startswith("adrlint: cannot load libadrlint; tried:\n")


def _compile(tmp_path, source, name):
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if not cc:
        pytest.fail("no C compiler (set CC) to build the test library")
    c = tmp_path / (name + ".c")
    c.write_text(source)
    so = tmp_path / (name + ".so")
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(so), str(c)], check=True)
    return so


def test_abi_mismatch_is_refused(tmp_path):
    """A library whose adr_abi_version() says 99: refused before any other call
    (it exports nothing else, so any other call would fail differently)."""
    so = _compile(tmp_path, "int adr_abi_version(void) { return 99; }\n", "libabi99")
    status, out, err = run_python("-c", CATCH, env=python_env(ADRLINT_LIBRARY=str(so)))
    assert status == 0, err
    kind, message = out.split("\n", 1)
    assert kind == "adrlint.ABIError"
    assert ("%s: libadrlint ABI 99 does not match this package (written for ABI 0)" % so
            in message)
    # ABIError is a LibraryError, so an ImportError.
    import adrlint
    assert issubclass(adrlint.ABIError, adrlint.LibraryError)
    assert issubclass(adrlint.LibraryError, ImportError)


def test_a_library_that_is_not_libadrlint_is_refused(tmp_path):
    so = _compile(tmp_path, "int something_else(void) { return 0; }\n", "libother")
    status, out, err = run_python("-c", CATCH, env=python_env(ADRLINT_LIBRARY=str(so)))
    assert status == 0, err
    assert out.startswith("adrlint.LibraryError\n")
    assert "%s: loaded, but it has no adr_abi_version: not libadrlint" % so in out


def test_missing_file(adrlint, tmp_path):
    missing = tmp_path / "missing.yaml"
    with pytest.raises(adrlint.FileError) as e:
        adrlint.lint(missing)
    assert str(e.value) == "%s: No such file or directory" % missing
    assert e.value.filename == str(missing) and isinstance(e.value, OSError)
    assert e.value.status == -4


def test_directory(adrlint, tmp_path):
    with pytest.raises(adrlint.FileError, match="^%s: is a directory$" % tmp_path):
        adrlint.lint_file(tmp_path)


def test_unreadable_file(adrlint, tmp_path):
    doc = tmp_path / "secret.yaml"
    doc.write_text("openapi: 3.0.3\n")
    if os.geteuid() == 0:
        # root reads any file; a path through a regular file is unreadable for all.
        target, reason = doc / "x.yaml", "Not a directory"
    else:
        doc.chmod(0)
        target, reason = doc, "Permission denied"
    with pytest.raises(adrlint.FileError) as e:
        adrlint.lint_file(target)
    assert str(e.value) == "%s: %s" % (target, reason)


def test_bad_config_names_file_line_column(adrlint, tmp_path):
    cfg = tmp_path / "adrlint.yaml"
    cfg.write_text("extends: adr-2.2\nrules:\n  nlgov:semver: loud\n")
    with pytest.raises(adrlint.ConfigError) as e:
        adrlint.Linter(config=cfg)
    assert str(e.value) == ("%s:3:17: invalid severity 'loud' (expected error, warn, info, hint "
                            "or off)" % cfg)
    assert (e.value.filename, e.value.line, e.value.column) == (str(cfg), 3, 17)
    assert isinstance(e.value, ValueError) and e.value.status == -5
    cfg.write_text("rules:\n  nlgov:no-such-rule: error\n")
    with pytest.raises(adrlint.ConfigError, match=r":2:3: unknown rule 'nlgov:no-such-rule'$"):
        adrlint.lint(BIB, config=cfg)
    cfg.write_text("rules: [\n")
    with pytest.raises(adrlint.ConfigError) as e:
        adrlint.rules(config=cfg)
    assert e.value.filename == str(cfg) and e.value.line is not None


def test_missing_config_and_unknown_profile(adrlint, tmp_path):
    missing = tmp_path / "none.yaml"
    with pytest.raises(adrlint.FileError, match="^%s: No such file or directory$" % missing):
        adrlint.Linter(config=missing)
    with pytest.raises(adrlint.ConfigError, match="^unknown profile 'adr-9'$"):
        adrlint.Linter(profile="adr-9")


def test_plugin_errors(adrlint, tmp_path):
    with pytest.raises(adrlint.PluginError, match="^no rule plugins found; looked in "):
        adrlint.Linter(default_plugins=False)
    bogus = tmp_path / "bogus.so"
    bogus.write_text("not a shared object")
    with pytest.raises(adrlint.PluginError, match="^plugin %s: cannot load: " % bogus):
        adrlint.Linter(plugins=[bogus])


def test_limits(adrlint):
    with adrlint.Linter(max_file_size=100) as linter:
        with pytest.raises(adrlint.LimitError, match="larger than the limit of 100 bytes"):
            linter.lint_file(BIB)
        with pytest.raises(adrlint.LimitError, match="^big: input is larger than the limit"):
            linter.lint_text("x" * 101, name="big")


def test_syntax_errors_are_findings_not_errors(adrlint):
    findings = adrlint.lint_text("openapi: [3.0\n", name="broken.yaml")
    assert findings and findings[0].code == "parser"


def test_errors_from_many_threads_keep_their_own_message(adrlint, tmp_path):
    """adr_last_error is per thread: each failure reports its own file."""
    from concurrent.futures import ThreadPoolExecutor
    linter = adrlint.Linter()

    def work(i):
        path = tmp_path / ("missing-%d.yaml" % i)
        try:
            linter.lint_file(path)
        except adrlint.FileError as e:
            return str(e) == "%s: No such file or directory" % path
        return False

    with linter, ThreadPoolExecutor(8) as pool:
        assert all(pool.map(work, range(200)))


def test_python_m_adrlint_usage(tmp_path):
    status, out, err = run_python("-m", "adrlint", "--bogus")
    assert status == 2 and err.startswith("adrlint: unrecognized arguments: --bogus")
    cfg = tmp_path / ".adrlint.yaml"
    cfg.write_text("rules:\n  nlgov:semver: [\n")
    doc = tmp_path / "api.yaml"
    doc.write_text("openapi: 3.0.3\n")
    status, out, err = run_python("-m", "adrlint", str(doc))
    assert status == 2 and err.startswith("adrlint: %s:" % cfg)
