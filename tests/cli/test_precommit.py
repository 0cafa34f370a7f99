"""The pre-commit hook this repository ships (.pre-commit-hooks.yaml), run
by Debian's pre-commit through 'pre-commit try-repo' against a scratch git
repository, offline, with the built adrlint first on PATH: it fails on a
failing openapi.yaml and passes on a clean one. Skipped (exit 77) when
pre-commit or git is missing, unless CI is set."""
import os
import shutil
import subprocess

import pytest

from conftest import ADRLINT, DATA, SOURCE


def need(tool):
    path = shutil.which(tool)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("%s is not installed but CI is set: this test must run in CI" % tool)
    print("skipped: %s is not installed" % tool)
    pytest.exit("skipped: %s is not installed" % tool, returncode=77)


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo)] + list(args), check=True,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def hook_repo(tmp_path):
    """A copy of this checkout's hook manifest as a one-commit git
    repository: try-repo clones it, so it must not depend on the state of
    the checkout's own git (a worktree, uncommitted changes)."""
    need("git")
    src = tmp_path / "hooks"
    src.mkdir()
    shutil.copy(os.path.join(SOURCE, ".pre-commit-hooks.yaml"), src / ".pre-commit-hooks.yaml")
    git(src, "init", "-q")
    git(src, "add", ".")
    git(src, "-c", "user.name=t", "-c", "user.email=t@example.nl", "commit", "-q", "-m", "hooks")
    return src


def run_hook(hook_repo, project, tmp_path):
    env = dict(os.environ)
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    link = bindir / "adrlint"
    if not link.exists():
        os.symlink(ADRLINT, link)
    env["PATH"] = "%s%s%s" % (bindir, os.pathsep, env.get("PATH", ""))
    env["PRE_COMMIT_HOME"] = str(tmp_path / "cache")
    env["HOME"] = str(tmp_path)
    env.pop("NO_COLOR", None)
    proc = subprocess.run([need("pre-commit"), "try-repo", str(hook_repo), "adrlint",
                           "--all-files", "--color", "never"],
                          cwd=project, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8", "replace")


def project(tmp_path, name, document):
    repo = tmp_path / name
    (repo / "api").mkdir(parents=True)
    shutil.copy(os.path.join(DATA, document), repo / "api" / "openapi.yaml")
    # Not an OpenAPI file name: the hook's files pattern must skip it.
    shutil.copy(os.path.join(DATA, "findings.yaml"), repo / "notes.yaml")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    return repo


def test_hook_fails_on_findings(tmp_path, hook_repo):
    rc, out = run_hook(hook_repo, project(tmp_path, "failing", "findings.yaml"), tmp_path)
    assert rc == 1, out
    assert "NLGov API Design Rules (adrlint)" in out and "Failed" in out, out
    assert "api/openapi.yaml" in out
    assert "nlgov:semver" in out
    assert "notes.yaml" not in out


def test_hook_passes_on_a_clean_document(tmp_path, hook_repo):
    rc, out = run_hook(hook_repo, project(tmp_path, "passing", "clean.yaml"), tmp_path)
    assert rc == 0, out
    assert "Passed" in out, out
