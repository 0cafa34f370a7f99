"""The CLI when its plugins are missing or refused: exit 2 and a message that
says what is wrong and where adrlint looked."""
import os
import re
import shutil
import subprocess
import tempfile

ADRLINT = os.environ["ADRLINT"]
LIB = os.environ["ADRLINT_LIB"]
TEST_PLUGINS = os.environ["TEST_PLUGIN_DIR"]
SOURCE = os.environ["ADRLINT_SOURCE"]
EXAMPLE = os.path.join(SOURCE, "spec-fixtures", "examples", "bibliotheek.yaml")


def run(args, env=None):
    e = dict(os.environ)
    e.pop("ADRLINT_PLUGIN_PATH", None)
    if env:
        e.update(env)
    return subprocess.run(args, capture_output=True, text=True, env=e)


def test_hidden_plugin_directory():
    # A copy of the CLI and library without the plugins directory beside it.
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "bin"))
        os.makedirs(os.path.join(tmp, "lib"))
        shutil.copy(ADRLINT, os.path.join(tmp, "bin", "adrlint"))
        libdir = os.path.dirname(LIB)
        for name in os.listdir(libdir):
            if name.startswith("libadrlint.so"):
                shutil.copy(os.path.join(libdir, name), os.path.join(tmp, "lib", name),
                            follow_symlinks=True)
        p = run([os.path.join(tmp, "bin", "adrlint"), "lint", EXAMPLE],
                env={"LD_LIBRARY_PATH": os.path.join(tmp, "lib")})
        assert p.returncode == 2, p
        assert "no rule plugins found; looked in" in p.stderr, p.stderr
        assert os.path.join(tmp, "lib", "adrlint", "plugins") in p.stderr, p.stderr
        assert p.stdout == ""


def test_environment_directory_without_plugins():
    with tempfile.TemporaryDirectory() as tmp:
        p = run([ADRLINT, "lint", EXAMPLE], env={"ADRLINT_PLUGIN_PATH": tmp})
        assert p.returncode == 2
        assert p.stderr.strip() == (
            "adrlint: no rule plugins found; looked in %s (ADRLINT_PLUGIN_PATH)" % tmp)


def plugin_abi():
    text = open(os.path.join(SOURCE, "include", "adrlint", "plugin.h")).read()
    major = re.search(r"#define ADR_PLUGIN_ABI_MAJOR (\d+)", text).group(1)
    minor = re.search(r"#define ADR_PLUGIN_ABI_MINOR (\d+)", text).group(1)
    return "%s.%s" % (major, minor)


def test_plugin_of_another_abi_major_is_refused():
    bad = os.path.join(TEST_PLUGINS, "wrong_major.so")
    p = run([ADRLINT, "lint", EXAMPLE], env={"ADRLINT_PLUGIN_PATH": bad})
    assert p.returncode == 2
    assert p.stderr.strip() == (
        "adrlint: plugin %s: plugin ABI major 2 is not supported (host speaks %s)"
        % (bad, plugin_abi()))


def test_rules_lists_where_plugins_come_from():
    p = run([ADRLINT, "rules", "--profile", "adr-2.2"])
    assert p.returncode == 0
    assert "nlgov:semver" in p.stdout
