"""Finds libadrlint, checks its ABI and declares the functions this package calls.

Only ``include/adrlint/adrlint.h`` is mirrored here; the structs below copy
its layouts field for field. Places, in order:

1. ``ADRLINT_LIBRARY``: an explicit path. When it is set nothing else is
   tried, so a wrong setting is reported instead of silently replaced.
2. A copy bundled in the package: ``adrlint/_lib/libadrlint.so.0`` (its
   plugins beside it in ``_lib/adrlint/plugins/``, where the library looks).
3. The build tree, when the package runs from a checkout:
   ``build*/lib/libadrlint.so.0`` (and one level deeper, as ``tools/test.sh``
   builds in ``build/test``), newest first, sanitizer builds left out.
4. ``ctypes.util.find_library("adrlint")``: an installed library.

When none loads, the ImportError lists every place and why it failed.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
from ctypes import (POINTER, Structure, c_char_p, c_int, c_size_t, c_uint, c_uint32,
                    c_void_p)
from pathlib import Path
from typing import List, Optional, Tuple

from ._errors import ABIError, LibraryError

#: The ADR_ABI_VERSION of the adrlint.h these declarations follow.
ABI_VERSION = 0
#: ADR_OPTIONS_VERSION and ADR_WRITE_OPTIONS_VERSION of that header.
OPTIONS_VERSION = 1
WRITE_OPTIONS_VERSION = 1

OPTION_NO_DEFAULT_PLUGINS = 1 << 0
OPTION_ALLOW_PLUGINS = 1 << 1

SONAME = "libadrlint.so.0"


class adr_position(Structure):
    _fields_ = [("line", c_uint32), ("column", c_uint32), ("column_utf16", c_uint32),
                ("offset", c_uint32)]


class adr_range(Structure):
    _fields_ = [("start", adr_position), ("end", adr_position)]


class adr_diagnostic(Structure):
    # The library may append fields: only ever read through a pointer it gave.
    _fields_ = [("code", c_char_p), ("rule_id", c_char_p), ("severity", c_int),
                ("message", c_char_p), ("source", c_char_p), ("path", c_char_p),
                ("range", adr_range), ("doc_url", c_char_p)]


class adr_options(Structure):
    _fields_ = [("version", c_uint), ("flags", c_uint), ("profile", c_char_p),
                ("config_path", c_char_p), ("plugin_paths", POINTER(c_char_p)),
                ("plugin_path_count", c_size_t), ("root_dir", c_char_p),
                ("max_file_size", c_size_t), ("max_depth", c_size_t), ("max_nodes", c_size_t),
                ("max_ref_files", c_size_t)]


class adr_write_options(Structure):
    _fields_ = [("version", c_uint), ("format", c_char_p), ("fail_severity", c_int),
                ("color", c_int)]


class adr_rule_info(Structure):
    _fields_ = [("code", c_char_p), ("rule_id", c_char_p), ("title", c_char_p),
                ("rationale", c_char_p), ("doc_url", c_char_p), ("plugin", c_char_p),
                ("default_severity", c_int), ("severity", c_int), ("aliases", c_char_p)]


# name: (restype, argtypes). Handles are opaque: c_void_p.
_PROTOTYPES = {
    "adr_version": (c_char_p, []),
    "adr_strerror": (c_char_p, [c_int]),
    "adr_last_error": (c_char_p, []),
    "adr_severity_name": (c_char_p, [c_int]),
    "adr_severity_parse": (c_int, [c_char_p, POINTER(c_int)]),
    "adr_options_init": (c_int, [POINTER(adr_options), c_uint]),
    "adr_linter_new": (c_int, [POINTER(c_void_p), POINTER(adr_options)]),
    "adr_linter_free": (None, [c_void_p]),
    "adr_linter_lint_file": (c_int, [c_void_p, c_char_p, POINTER(c_void_p)]),
    "adr_linter_lint_buffer": (c_int, [c_void_p, c_char_p, c_size_t, c_char_p,
                                       POINTER(c_void_p)]),
    "adr_linter_lint_fd": (c_int, [c_void_p, c_int, c_char_p, POINTER(c_void_p)]),
    "adr_config_find": (c_int, [c_char_p, POINTER(c_void_p)]),
    "adr_result_count": (c_size_t, [c_void_p]),
    "adr_result_get": (POINTER(adr_diagnostic), [c_void_p, c_size_t]),
    "adr_result_source": (c_char_p, [c_void_p]),
    "adr_result_free": (None, [c_void_p]),
    "adr_result_write": (c_int, [POINTER(c_void_p), c_size_t, POINTER(adr_write_options),
                                 POINTER(c_void_p), POINTER(c_size_t)]),
    "adr_free": (None, [c_void_p]),
    "adr_linter_rule_count": (c_size_t, [c_void_p]),
    "adr_linter_rule": (POINTER(adr_rule_info), [c_void_p, c_size_t]),
    "adr_linter_rule_find": (POINTER(adr_rule_info), [c_void_p, c_char_p]),
    "adr_linter_profile": (c_char_p, [c_void_p]),
    "adr_profile_count": (c_size_t, []),
    "adr_profile_name": (c_char_p, [c_size_t]),
}

_PACKAGE_DIR = Path(__file__).resolve().parent


class _Refused(Exception):
    """A candidate library that loaded but must not be used."""

    def __init__(self, reason: str, abi: bool = False) -> None:
        super().__init__(reason)
        self.abi = abi


def _open(path: str) -> ctypes.CDLL:
    """Loads one candidate, performs the ABI handshake before any other call,
    then declares every prototype. Raises OSError or _Refused."""
    lib = ctypes.CDLL(path)
    try:
        abi = lib.adr_abi_version
    except AttributeError:
        raise _Refused("loaded, but it has no adr_abi_version: not libadrlint") from None
    abi.restype = c_int
    abi.argtypes = []
    found = abi()
    if found != ABI_VERSION:
        raise _Refused("libadrlint ABI %d does not match this package (written for ABI %d)"
                       % (found, ABI_VERSION), abi=True)
    for name, (restype, argtypes) in _PROTOTYPES.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            raise _Refused("ABI %d, but %s is missing" % (found, name)) from None
        fn.restype = restype
        fn.argtypes = argtypes
    return lib


_SANITIZER = re.compile(r"^ADRLINT_(SANITIZE|TSAN):BOOL=(ON|1|TRUE|YES)$", re.M | re.I)


def _build_tree_candidates(tried: List[Tuple[str, str]]) -> List[str]:
    repo = _PACKAGE_DIR.parent.parent.parent
    if not (repo / "include" / "adrlint" / "adrlint.h").is_file():
        tried.append(("build tree", "%s is not inside an adrlint checkout" % _PACKAGE_DIR))
        return []
    found = []
    for pattern in ("build*/lib/" + SONAME, "build*/*/lib/" + SONAME):
        found.extend(repo.glob(pattern))
    if not found:
        tried.append(("build tree", "no %s under %s (build the project first)"
                      % ("build*/lib/" + SONAME, repo)))
        return []
    found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    paths = []
    for lib in found:
        cache = lib.parent.parent / "CMakeCache.txt"
        try:
            sanitized = bool(_SANITIZER.search(cache.read_text(errors="replace")))
        except OSError:
            sanitized = False
        if sanitized:
            # Loading an ASan/TSan build into Python aborts the process: its
            # runtime must come first in the initial library list.
            tried.append(("build tree %s" % lib, "a sanitizer build; ctypes cannot load it"))
        else:
            paths.append(str(lib))
    return paths


def _load() -> Tuple[ctypes.CDLL, str]:
    tried: List[Tuple[str, str]] = []
    abi_refused = False

    def attempt(label: str, path: str) -> Optional[ctypes.CDLL]:
        nonlocal abi_refused
        try:
            return _open(path)
        except OSError as e:
            tried.append((label, str(e)))
        except _Refused as e:
            abi_refused = abi_refused or e.abi
            tried.append((label, "%s: %s" % (path, e)))
        return None

    env = os.environ.get("ADRLINT_LIBRARY")
    if env:
        lib = attempt("ADRLINT_LIBRARY=%s" % env, env)
        if lib:
            return lib, env
        note = "ADRLINT_LIBRARY is set, so no other place was searched; unset it to search"
    else:
        tried.append(("ADRLINT_LIBRARY", "not set"))
        bundled = _PACKAGE_DIR / "_lib" / SONAME
        if bundled.is_file():
            lib = attempt("bundled %s" % bundled, str(bundled))
            if lib:
                return lib, str(bundled)
        else:
            tried.append(("bundled", "%s does not exist" % bundled))
        for path in _build_tree_candidates(tried):
            lib = attempt("build tree %s" % path, path)
            if lib:
                return lib, path
        name = ctypes.util.find_library("adrlint")
        if name:
            lib = attempt("find_library('adrlint') -> %s" % name, name)
            if lib:
                return lib, name
        else:
            tried.append(("find_library('adrlint')", "no libadrlint installed on the system"))
        note = ("set ADRLINT_LIBRARY to the path of %s, or build the project "
                "(cmake --build build)" % SONAME)
    lines = ["cannot load libadrlint; tried:"]
    lines += ["  %s: %s" % (label, why) for label, why in tried]
    lines.append(note)
    raise (ABIError if abi_refused else LibraryError)("\n".join(lines))


lib, path = _load()


def text(b: Optional[bytes]) -> str:
    """A library string as str. Messages may quote document bytes that are not
    UTF-8 (the parser reports those): never fail on them."""
    return b.decode("utf-8", "replace") if b else ""


def last_error() -> str:
    """adr_last_error() of this thread: call right after the failing call."""
    return text(lib.adr_last_error())
