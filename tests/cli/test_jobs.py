"""-j N lints files on N threads sharing linters; the output must not
depend on it. The corpus of real NLGov documents is read in place from
../shared (skipped when it is missing, unless CI is set)."""
import os

import pytest

from conftest import SHARED, adrlint, write


def corpus():
    d = os.path.join(SHARED, "corpus", "nlgov")
    if not os.path.isdir(d):
        if os.environ.get("CI"):
            pytest.fail("%s is missing but CI is set: this test must run in CI" % d)
        pytest.exit("skipped: %s not found" % d, returncode=77)
    files = sorted(os.path.join(d, f) for f in os.listdir(d))
    assert files
    return files


@pytest.mark.parametrize("fmt", ["stylish", "json", "sarif", "junit"])
def test_jobs_output_is_identical(tmp_path, fmt):
    files = corpus()
    # Twice over, so that threads really share work and files.
    args = ["lint", "-f", fmt, "--color", "never"] + files + files[::-1]
    one = adrlint(*args, "-j", "1", cwd=tmp_path)
    two = adrlint(*args, "-j", "2", cwd=tmp_path)
    many = adrlint(*args, "--jobs=7", cwd=tmp_path)
    assert one.rc in (0, 1), one
    assert one.out, one
    assert (two.rc, two.out, two.err) == (one.rc, one.out, one.err)
    assert (many.rc, many.out, many.err) == (one.rc, one.out, one.err)


def test_jobs_with_errors_and_configs(work):
    write(work / "a" / ".adrlint.yaml", "rules:\n  nlgov:semver: off\n")
    write(work / "a" / "openapi.yaml", (work / "findings.yaml").read_text())
    files = ["findings.yaml", "missing.yaml", "a/openapi.yaml", "clean.yaml", "nope.yaml"] * 3
    one = adrlint("lint", "-f", "text", *files, "-j", "1", cwd=work)
    two = adrlint("lint", "-f", "text", *files, "-j", "3", cwd=work)
    assert one.rc == 2
    assert (two.rc, two.out, two.err) == (one.rc, one.out, one.err)
    assert one.err.splitlines() == ["adrlint: missing.yaml: No such file or directory",
                                    "adrlint: nope.yaml: No such file or directory"] * 3
