"""`cmake --install` gives a working installation: the installed CLI finds the
installed plugins with no environment, and programs build against the
library through pkg-config and through CMake's find_package."""
import os
import subprocess
import tempfile

BUILD = os.environ["ADRLINT_BUILD"]
SOURCE = os.environ["ADRLINT_SOURCE"]
CMAKE = os.environ.get("CMAKE", "cmake")
EXAMPLE = os.path.join(SOURCE, "spec-fixtures", "examples", "bibliotheek.yaml")

CONSUMER = r"""
#include <adrlint/adrlint.h>
#include <stdio.h>
int main(int argc, char **argv)
{
    adr_linter *l;
    if (adr_abi_version() != ADR_ABI_VERSION || adr_linter_new(&l, NULL) != ADR_OK) {
        fprintf(stderr, "%s\n", adr_last_error());
        return 2;
    }
    adr_result *r;
    if (adr_linter_lint_file(l, argv[1], &r) != ADR_OK) return 2;
    printf("%zu %s\n", adr_result_count(r), adr_result_get(r, 0)->code);
    adr_result_free(r);
    adr_linter_free(l);
    return argc > 2;
}
"""


def env_without_plugin_path():
    e = dict(os.environ)
    e.pop("ADRLINT_PLUGIN_PATH", None)
    e.pop("LD_LIBRARY_PATH", None)
    return e


def install(prefix):
    subprocess.run([CMAKE, "--install", BUILD, "--prefix", prefix], check=True,
                   capture_output=True)


def libdir(prefix):
    for d in ("lib", "lib64", "lib/x86_64-linux-gnu"):
        if os.path.exists(os.path.join(prefix, d, "libadrlint.so.0")):
            return os.path.join(prefix, d)
    raise AssertionError("libadrlint.so.0 not installed under " + prefix)


def test_installed_cli_finds_installed_plugins():
    with tempfile.TemporaryDirectory() as prefix:
        install(prefix)
        lib = libdir(prefix)
        assert os.path.exists(os.path.join(lib, "adrlint", "plugins", "versioning.so"))
        p = subprocess.run([os.path.join(prefix, "bin", "adrlint"), "lint", EXAMPLE],
                           capture_output=True, text=True, env=env_without_plugin_path())
        assert p.returncode == 1, p.stderr
        assert "nlgov:semver" in p.stdout
        assert os.path.realpath(os.path.join(lib, "libadrlint.so.0")).endswith(".so.0.1.0")


def test_pkg_config_consumer():
    with tempfile.TemporaryDirectory() as prefix:
        install(prefix)
        lib = libdir(prefix)
        e = env_without_plugin_path()
        e["PKG_CONFIG_PATH"] = os.path.join(lib, "pkgconfig")
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "adrlint"], check=True,
                               capture_output=True, text=True, env=e).stdout.split()
        src = os.path.join(prefix, "consumer.c")
        open(src, "w").write(CONSUMER)
        exe = os.path.join(prefix, "consumer")
        subprocess.run(["cc", "-std=c11", "-Wall", "-Werror", src, "-o", exe] + flags +
                       ["-Wl,-rpath," + lib], check=True)
        p = subprocess.run([exe, EXAMPLE], capture_output=True, text=True, env=e)
        assert p.returncode == 0, p.stderr
        assert p.stdout.strip() == "2 nlgov:semver"


def test_cmake_package_consumer():
    with tempfile.TemporaryDirectory() as prefix:
        install(prefix)
        proj = os.path.join(prefix, "proj")
        os.makedirs(proj)
        open(os.path.join(proj, "consumer.c"), "w").write(CONSUMER)
        open(os.path.join(proj, "CMakeLists.txt"), "w").write(
            "cmake_minimum_required(VERSION 3.25)\nproject(consumer C)\n"
            "find_package(adrlint 0.1 REQUIRED)\n"
            "add_executable(consumer consumer.c)\n"
            "target_link_libraries(consumer PRIVATE adrlint::adrlint)\n")
        b = os.path.join(prefix, "b")
        subprocess.run([CMAKE, "-S", proj, "-B", b, "-DCMAKE_PREFIX_PATH=" + prefix], check=True,
                       capture_output=True)
        subprocess.run([CMAKE, "--build", b], check=True, capture_output=True)
        p = subprocess.run([os.path.join(b, "consumer"), EXAMPLE], capture_output=True,
                           text=True, env=env_without_plugin_path())
        assert p.returncode == 0, p.stderr
        assert p.stdout.strip() == "2 nlgov:semver"
