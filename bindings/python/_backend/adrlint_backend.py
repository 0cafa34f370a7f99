"""A PEP 517/660 build backend for the adrlint package, standard library only.

setuptools would have to be downloaded into pip's isolated build
environment, which fails offline; this package only needs its files zipped.
Optional bundling (config setting or environment variable ``bundle``: a CMake
build directory) adds libadrlint.so.0 and its plugins as adrlint/_lib/, where
the package looks first after ADRLINT_LIBRARY.
"""
import base64
import hashlib
import io
import os
import re
import sysconfig
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "adrlint"
SONAME = "libadrlint.so.0"


def _project():
    """[project] of pyproject.toml: tomllib when there is one (3.11+), else the
    few "key = string" lines this file uses."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib
        return tomllib.loads(text)["project"]
    except ImportError:
        section = text.split("[project]", 1)[1].split("\n[", 1)[0]
        return dict(re.findall(r'^([\w-]+)\s*=\s*"([^"]*)"', section, re.M))


def _metadata(project):
    lines = ["Metadata-Version: 2.1", "Name: " + project["name"], "Version: " + project["version"],
             "Summary: " + project.get("description", ""),
             "Requires-Python: " + project.get("requires-python", ">=3.8"), "License: EUPL-1.2"]
    lines += ["Classifier: " + c for c in project.get("classifiers", [])]
    lines += ["Description-Content-Type: text/markdown", "", ""]
    return "\n".join(lines) + (ROOT / "README.md").read_text(encoding="utf-8")


def _bundle_dir(config_settings):
    value = (config_settings or {}).get("bundle") or os.environ.get("ADRLINT_BUNDLE")
    if not value:
        return None
    build = Path(value).resolve()
    lib = build / "lib" / SONAME
    if not lib.is_file():
        raise RuntimeError("bundle=%s: %s not found (give a CMake build directory)" % (value, lib))
    return build


def _package_files():
    base = ROOT / PACKAGE
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(ROOT)
        if path.is_file() and "__pycache__" not in rel.parts and path.suffix != ".pyc" \
                and rel.parts[1:2] != ("_lib",):
            yield rel.as_posix(), path.read_bytes()


def _bundle_files(build):
    # The real file under its SONAME: the library finds its plugins beside
    # itself (adrlint/plugins/), so the plugins keep that relative place.
    yield PACKAGE + "/_lib/" + SONAME, (build / "lib" / SONAME).resolve().read_bytes()
    plugins = build / "lib" / "adrlint" / "plugins"
    for so in sorted(plugins.glob("*.so")):
        yield PACKAGE + "/_lib/adrlint/plugins/" + so.name, so.read_bytes()


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def _write_wheel(directory, files, platform_specific):
    project = _project()
    name, version = project["name"], project["version"]
    tag = "py3-none-" + (sysconfig.get_platform().replace("-", "_").replace(".", "_")
                         if platform_specific else "any")
    dist_info = "%s-%s.dist-info" % (name, version)
    meta = [(dist_info + "/METADATA", _metadata(project).encode()),
            (dist_info + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: adrlint_backend\n"
                                    "Root-Is-Purelib: %s\nTag: %s\n"
                                    % ("false" if platform_specific else "true", tag)).encode()),
            (dist_info + "/top_level.txt", (PACKAGE + "\n").encode())]
    wheel_name = "%s-%s-%s.whl" % (name, version, tag)
    record = []
    with zipfile.ZipFile(os.path.join(directory, wheel_name), "w", zipfile.ZIP_DEFLATED) as zf:
        for arcname, data in list(files) + meta:
            info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
            mode = 0o755 if arcname.endswith(".so") or ".so." in arcname else 0o644
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
            record.append(_record_line(arcname, data))
        record.append(dist_info + "/RECORD,,")
        zf.writestr(dist_info + "/RECORD", "\n".join(record) + "\n")
    return wheel_name


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    build = _bundle_dir(config_settings)
    files = list(_package_files())
    if build:
        files += list(_bundle_files(build))
    return _write_wheel(wheel_directory, files, platform_specific=bool(build))


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # A .pth file puts this source directory on sys.path.
    pth = (str(ROOT) + "\n").encode()
    return _write_wheel(wheel_directory, [("__editable__.adrlint.pth", pth)], False)


def build_sdist(sdist_directory, config_settings=None):
    project = _project()
    base = "%s-%s" % (project["name"], project["version"])
    name = base + ".tar.gz"
    members = [("pyproject.toml", (ROOT / "pyproject.toml").read_bytes()),
               ("README.md", (ROOT / "README.md").read_bytes()),
               ("_backend/adrlint_backend.py", Path(__file__).read_bytes()),
               ("PKG-INFO", _metadata(project).encode())]
    members += list(_package_files())
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz", format=tarfile.PAX_FORMAT) as tf:
        for arcname, data in members:
            info = tarfile.TarInfo(base + "/" + arcname)
            info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
            tf.addfile(info, io.BytesIO(data))
    return name
