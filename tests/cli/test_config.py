"""Configuration: .adrlint.yaml found from each file, one per directory
tree in a monorepo, -r over discovery, overrides by file glob, plugins only
from trusted places, and inline x-lint-ignore."""
import json
import os
import shutil

import pytest

from conftest import DATA, adrlint, write

PLUGIN = os.environ.get("ADRLINT_TEAM_PLUGIN")


def codes(run):
    return [(d["source"], d["code"], d["severity"]) for d in json.loads(run.out)]


def findings_copy(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(os.path.join(DATA, "findings.yaml"), path)
    return path


def test_discovery_per_file_in_nested_directories(work):
    # A monorepo: one API turns semver off, one makes it a warning, one has
    # no configuration of its own and uses the root's.
    write(work / "repo" / ".adrlint.yaml", "rules:\n  unresolved-ref: off\n")
    write(work / "repo" / "a" / ".adrlint.yaml", "rules:\n  nlgov:semver: off\n")
    write(work / "repo" / "b" / "deep" / ".adrlint.yml", "rules:\n  nlgov:semver: warn\n")
    for sub in ("a/api", "b/deep/er", "c"):
        findings_copy(work / "repo" / sub / "openapi.yaml")
    r = adrlint("lint", "-f", "json", "-v", "repo/a/api/openapi.yaml",
                "repo/b/deep/er/openapi.yaml", "repo/c/openapi.yaml", cwd=work)
    assert r.rc == 1, r
    assert codes(r) == [
        ("repo/a/api/openapi.yaml", "nlgov:missing-header", 0),
        ("repo/a/api/openapi.yaml", "unresolved-ref", 2),
        ("repo/b/deep/er/openapi.yaml", "nlgov:semver", 1),
        ("repo/b/deep/er/openapi.yaml", "nlgov:missing-header", 0),
        ("repo/b/deep/er/openapi.yaml", "unresolved-ref", 2),
        ("repo/c/openapi.yaml", "nlgov:semver", 0),
        ("repo/c/openapi.yaml", "nlgov:missing-header", 0),
    ]
    assert r.err.splitlines() == [
        "adrlint: repo/a/api/openapi.yaml: configuration %s (profile adr-2.0)"
        % (work / "repo/a/.adrlint.yaml"),
        "adrlint: repo/b/deep/er/openapi.yaml: configuration %s (profile adr-2.0)"
        % (work / "repo/b/deep/.adrlint.yml"),
        "adrlint: repo/c/openapi.yaml: configuration %s (profile adr-2.0)"
        % (work / "repo/.adrlint.yaml"),
    ]


def test_discovery_from_a_subdirectory_cwd(work):
    write(work / ".adrlint.yaml", "rules:\n  nlgov:semver: off\n")
    findings_copy(work / "x" / "y" / "openapi.yaml")
    r = adrlint("lint", "-f", "json", "openapi.yaml", cwd=work / "x" / "y")
    assert "nlgov:semver" not in [c[1] for c in codes(r)]


def test_ruleset_replaces_discovery(work):
    write(work / ".adrlint.yaml", "rules:\n  nlgov:semver: off\n")
    write(work / "other.yaml", "rules:\n  nlgov:missing-header: off\n")
    r = adrlint("lint", "-f", "json", "-r", "other.yaml", "findings.yaml", cwd=work)
    assert [c[1] for c in codes(r)] == ["nlgov:semver", "unresolved-ref"]


def test_extends_and_profile(work):
    write(work / "cfg.yaml", "extends: [adr-2.2]\n")
    r = adrlint("lint", "-v", "-r", "cfg.yaml", "--profile", "adr-2.1", "clean.yaml", cwd=work)
    assert "(profile adr-2.2)" in r.err


def test_overrides_by_glob_relative_to_the_config(work):
    write(work / "repo" / ".adrlint.yaml",
          "overrides:\n"
          "  - files: ['legacy/**']\n"
          "    rules: {nlgov:semver: off}\n"
          "  - files: ['*.json']\n"
          "    rules: {missing-header: hint}\n")
    findings_copy(work / "repo" / "legacy" / "v1" / "openapi.yaml")
    findings_copy(work / "repo" / "new" / "openapi.yaml")
    # The 400 response documents the security headers, so that
    # nlgov:security-headers (a hint when no response does) stays silent.
    security = {name: {"schema": {"type": "string"}} for name in (
        "Cache-Control", "Content-Security-Policy", "Strict-Transport-Security",
        "X-Content-Type-Options", "X-Frame-Options")}
    (work / "repo" / "new" / "api.json").write_text(json.dumps({
        "openapi": "3.0.3", "info": {"title": "J", "version": "1.0.0"},
        "paths": {"/a": {"get": {"responses": {
            "200": {"description": "ok"},
            "400": {"description": "bad", "headers": security, "content": {
                "application/problem+json": {"schema": {"type": "object"}}}}}}}}}))
    r = adrlint("lint", "-f", "json", "repo/legacy/v1/openapi.yaml", "repo/new/openapi.yaml",
                "repo/new/api.json", cwd=work)
    got = [c for c in codes(r) if c[1] != "unresolved-ref"]
    assert got == [
        ("repo/legacy/v1/openapi.yaml", "nlgov:missing-header", 0),
        ("repo/new/openapi.yaml", "nlgov:semver", 0),
        ("repo/new/openapi.yaml", "nlgov:missing-header", 0),
        ("repo/new/api.json", "nlgov:missing-header", 3),
    ]


def test_skip_rule_and_alias(work):
    r = adrlint("lint", "-f", "json", "--skip-rule", "semver", "--skip-rule=unresolved-ref",
                "findings.yaml", cwd=work)
    assert [c[1] for c in codes(r)] == ["nlgov:missing-header"]


def test_skip_rule_wins_over_overrides(work):
    write(work / ".adrlint.yaml",
          "overrides:\n  - files: ['*.yaml']\n    rules: {nlgov:semver: error}\n")
    r = adrlint("lint", "-f", "json", "--skip-rule", "nlgov:semver", "findings.yaml", cwd=work)
    assert "nlgov:semver" not in [c[1] for c in codes(r)]


def test_stdin_filepath_names_input_and_finds_config(work):
    write(work / "api" / ".adrlint.yaml", "rules:\n  unresolved-ref: off\n")
    text = (work / "findings.yaml").read_bytes()
    r = adrlint("lint", "-f", "text", "--stdin-filepath", "api/openapi.yaml", cwd=work,
                stdin=text)
    assert r.rc == 1, r
    assert r.out == (
        'api/openapi.yaml:6:12 error nlgov:semver "Version 1.2 <&"]]> is not in semver format."\n'
        'api/openapi.yaml:18:15 error nlgov:missing-header '
        '"Return the full version number in a response header."\n')
    r = adrlint("lint", "-f", "text", "-", cwd=work, stdin=text)
    assert r.out.startswith("<stdin>:6:12 error nlgov:semver")


def test_stdin_filepath_is_the_ref_base(work):
    write(work / "api" / "parts" / "info.yaml",
          "title: T\ndescription: D\nversion: '2'\ncontact: {name: T, url: 'https://x.nl'}\n")
    doc = (work / "clean.yaml").read_text()
    doc = doc.replace("info:\n", "info:\n  $ref: 'parts/info.yaml'\n  x-was:\n", 1)
    r = adrlint("lint", "-f", "json", "--stdin-filepath", "api/openapi.yaml", cwd=work,
                stdin=doc.encode())
    assert "invalid-ref" not in r.out, r


# --- plugins -----------------------------------------------------------

def plugin_config(path):
    write(path, "plugins:\n  - %s\n" % PLUGIN)


@pytest.fixture
def no_email(work):
    text = (work / "clean.yaml").read_text().replace("    email: team@example.nl\n", "")
    write(work / "repo" / "openapi.yaml", text)
    return work


def test_plugins_refused_from_a_repository(no_email):
    plugin_config(no_email / "repo" / ".adrlint.yaml")
    r = adrlint("lint", "repo/openapi.yaml", cwd=no_email)
    assert r.rc == 2, r
    assert r.err.startswith("adrlint: %s:2:3: refusing to load plugins named by this "
                            "configuration" % (no_email / "repo" / ".adrlint.yaml"))
    assert "--allow-plugins" in r.err
    assert r.out == ""


def test_plugins_refused_from_a_symlink_to_the_user_directory(no_email):
    # A repository cannot borrow the trust of the user's directory by
    # pointing into it: the link is the repository's file.
    user = no_email / "home" / ".config" / "adrlint"
    plugin_config(no_email / "repo" / "real.yaml")
    user.mkdir(parents=True)
    os.symlink(no_email / "repo", user / "repo-link")
    r = adrlint("lint", "-r", str(no_email / "repo" / "real.yaml"), "repo/openapi.yaml",
                cwd=no_email)
    assert r.rc == 2 and "refusing to load plugins" in r.err, r


def test_plugins_allowed_with_flag(no_email):
    plugin_config(no_email / "repo" / ".adrlint.yaml")
    r = adrlint("lint", "--allow-plugins", "-f", "json", "repo/openapi.yaml", cwd=no_email)
    assert r.rc == 1, r
    assert [c[1] for c in codes(r)] == ["team:contact-email"]


def test_plugins_trusted_in_the_user_config_directory(no_email):
    cfg = no_email / "home" / ".config" / "adrlint" / "team.yaml"
    plugin_config(cfg)
    r = adrlint("lint", "-r", str(cfg), "-f", "json", "repo/openapi.yaml", cwd=no_email)
    assert r.rc == 1, r
    assert [c[1] for c in codes(r)] == ["team:contact-email"]
    # XDG_CONFIG_HOME, when set, is the user's directory instead.
    xdg = no_email / "xdg"
    r = adrlint("lint", "-r", str(cfg), "repo/openapi.yaml", cwd=no_email,
                env={"XDG_CONFIG_HOME": str(xdg)})
    assert r.rc == 2 and "refusing" in r.err, r
    shutil.copytree(cfg.parent, xdg / "adrlint")
    r = adrlint("lint", "-r", str(xdg / "adrlint" / "team.yaml"), "repo/openapi.yaml",
                cwd=no_email, env={"XDG_CONFIG_HOME": str(xdg)})
    assert r.rc == 1, r


def test_plugins_relative_to_the_config(no_email):
    shutil.copy(PLUGIN, no_email / "repo" / "team.so")
    write(no_email / "repo" / ".adrlint.yaml", "plugins: [team.so]\n")
    r = adrlint("lint", "--allow-plugins", "-f", "json", "repo/openapi.yaml", cwd=no_email)
    assert [c[1] for c in codes(r)] == ["team:contact-email"], r


def test_missing_plugin_names_the_config_line(no_email):
    write(no_email / "repo" / ".adrlint.yaml", "plugins:\n  - nothere.so\n")
    r = adrlint("lint", "--allow-plugins", "repo/openapi.yaml", cwd=no_email)
    assert r.rc == 2
    assert r.err.startswith("adrlint: %s:2:5: plugin %s: cannot load"
                            % (no_email / "repo" / ".adrlint.yaml",
                               no_email / "repo" / "nothere.so")), r


# --- x-lint-ignore -------------------------------------------------------

def lint_doc(work, text):
    write(work / "doc.yaml", text)
    return [c[1] for c in codes(adrlint("lint", "-f", "json", "doc.yaml", cwd=work))]


def base(work):
    return (work / "findings.yaml").read_text()


def test_inline_ignore_string_on_the_object(work):
    text = base(work).replace("  title: Findings\n",
                              "  title: Findings\n  x-lint-ignore: nlgov:semver\n")
    assert lint_doc(work, text) == ["nlgov:missing-header", "unresolved-ref"]


def test_inline_ignore_list_with_alias(work):
    text = base(work).replace("  title: Findings\n",
                              "  title: Findings\n  x-lint-ignore: [other, semver]\n")
    assert lint_doc(work, text) == ["nlgov:missing-header", "unresolved-ref"]


def test_inline_ignore_on_a_parent(work):
    text = base(work).replace("    get:\n", "    x-lint-ignore:\n      - missing-header\n"
                              "      - unresolved-ref\n    get:\n")
    assert lint_doc(work, text) == ["nlgov:semver"]


def test_inline_ignore_at_the_root(work):
    text = base(work).replace("openapi: 3.0.3\n",
                              "openapi: 3.0.3\nx-lint-ignore: [nlgov:semver]\n")
    assert lint_doc(work, text) == ["nlgov:missing-header", "unresolved-ref"]


def test_inline_ignore_elsewhere_does_not_apply(work):
    text = base(work).replace("  contact:\n", "  contact:\n    x-lint-ignore: nlgov:semver\n")
    assert lint_doc(work, text) == ["nlgov:semver", "nlgov:missing-header", "unresolved-ref"]
