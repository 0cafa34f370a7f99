"""Linters, results and formatting over libadrlint's handles."""
from __future__ import annotations

import os
import re
import threading
from ctypes import byref, c_char_p, c_size_t, c_void_p, string_at
from typing import (Any, Iterable, Iterator, List, Optional, Sequence, Tuple, Union, overload)

from . import _ffi
from ._errors import ADR_ENOTFOUND, ConfigError, Error, error_for
from ._types import Diagnostic, Rule, Severity, diagnostic_from_c, rule_from_c

lib = _ffi.lib

PathLike = Union[str, "os.PathLike[str]"]
Input = Union[str, bytes, "os.PathLike[str]"]


def _fs(path: PathLike) -> bytes:
    return os.fsencode(os.fspath(path))


def _raise(status: int, default: type = Error) -> None:
    raise error_for(status, _ffi.last_error(), default)


class _Handle:
    """Owns one adr_result. A result belongs to one thread at a time, so
    every use holds its lock; freeing waits for a use in progress."""

    __slots__ = ("ptr", "lock", "source", "count", "__weakref__")

    def __init__(self, ptr: c_void_p) -> None:
        self.ptr: Optional[int] = ptr.value
        self.lock = threading.Lock()
        self.source = _ffi.text(lib.adr_result_source(ptr))
        self.count = lib.adr_result_count(ptr)

    def close(self) -> None:
        with self.lock:
            ptr, self.ptr = self.ptr, None
        if ptr:
            lib.adr_result_free(ptr)

    def __del__(self) -> None:
        # The fallback when nobody closed the result; lib may already be
        # gone at interpreter exit, when freeing no longer matters.
        ptr, self.ptr = self.ptr, None
        if ptr and lib is not None:
            lib.adr_result_free(ptr)


class Result(Sequence[Diagnostic]):
    """The findings of one linted document: a sequence of :class:`Diagnostic`
    that also keeps the library's result alive for :func:`format`.

    Close it (or use it as a context manager) to free the library's memory
    at once; the diagnostics stay usable, only formatting needs the result.
    """

    def __init__(self, handle: _Handle, diagnostics: Tuple[Diagnostic, ...]) -> None:
        self._handle = handle
        self._diagnostics = diagnostics

    @property
    def source(self) -> str:
        """The name of the linted document, as given to the lint call."""
        return self._handle.source

    @property
    def diagnostics(self) -> Tuple[Diagnostic, ...]:
        return self._diagnostics

    @property
    def closed(self) -> bool:
        return self._handle.ptr is None

    def format(self, fmt: str = "stylish", **options: Any) -> str:
        """``adrlint.format(self, fmt, **options)``."""
        return format(self, fmt, **options)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> "Result":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @overload
    def __getitem__(self, i: int) -> Diagnostic: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Diagnostic]: ...

    def __getitem__(self, i: Any) -> Any:
        return self._diagnostics[i]

    def __len__(self) -> int:
        return len(self._diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self._diagnostics)

    def __repr__(self) -> str:
        return "<adrlint.Result %r: %d finding%s%s>" % (self.source, len(self),
                                                        "" if len(self) == 1 else "s",
                                                        ", closed" if self.closed else "")


def _result(ptr: c_void_p) -> Result:
    handle = _Handle(ptr)
    diags = tuple(diagnostic_from_c(lib.adr_result_get(ptr, i).contents, handle)
                  for i in range(handle.count))
    return Result(handle, diags)


_TEXT_START = re.compile(r"\A\ufeff?\s*(?:[{\[]|---|%YAML|[\"']?(?:openapi|swagger)[\"']?\s*:)")


def is_text(value: Input) -> bool:
    """How :func:`lint` tells a document from a file name.

    ``bytes`` and strings holding a newline, or starting like a document
    (``{``, ``[``, ``---``, ``%YAML``, ``openapi:``), are documents; a
    ``pathlib.Path`` (any ``os.PathLike``) and every other string are paths:
    ``"openapi.yaml"`` is a file name, ``"openapi: 3.0.3"`` a document.
    """
    if isinstance(value, bytes):
        return True
    if isinstance(value, str):
        return "\n" in value or bool(_TEXT_START.match(value))
    if isinstance(value, os.PathLike):
        return False
    raise TypeError("expected a path or the text of a document, not %s" % type(value).__name__)


class Linter:
    """A configured linter: load the plugins and apply the profile and
    configuration once, then lint any number of documents.

    One Linter may be used from many threads at once (the library's linter
    is immutable and the lint calls release the GIL). ``close()`` waits for
    lint calls in progress, then frees it; use it as a context manager.

    :param profile: "adr-2.0" (default), "adr-2.1" or "adr-2.2", optionally
        followed by ",future" (the next version's errors as warnings).
    :param config: an ``.adrlint.yaml`` applied on top of the profile.
    :param plugins: extra plugin files, or directories of ``*.so`` plugins.
    :param default_plugins: False loads only ``plugins``.
    :param allow_config_plugins: let the configuration file load plugins.
    :param root_dir: external ``$ref`` files must lie below it (default:
        the directory of each linted file).
    :param max_file_size: bytes per file (0: the library's 64 MiB).
    :param max_depth: nesting of collections (0: 1000).
    :param max_nodes: nodes after alias expansion (0: 10 million).
    :param max_ref_files: external files per lint (0: 1000).
    :raises ConfigError: bad configuration (its message names FILE:LINE:COL)
        or unknown profile.
    :raises PluginError: a plugin could not be loaded, or none were found.
    """

    def __init__(self, profile: Optional[str] = "adr-2.0", config: Optional[PathLike] = None, *,
                 plugins: Iterable[PathLike] = (), default_plugins: bool = True,
                 allow_config_plugins: bool = False, root_dir: Optional[PathLike] = None,
                 max_file_size: int = 0, max_depth: int = 0, max_nodes: int = 0,
                 max_ref_files: int = 0) -> None:
        self._ptr: Optional[int] = None
        self._cond = threading.Condition()
        self._busy = 0
        opts = _ffi.adr_options()
        status = lib.adr_options_init(byref(opts), _ffi.OPTIONS_VERSION)
        if status:
            _raise(status)
        # Keep every buffer referenced until adr_linter_new has copied it.
        keep: List[Any] = []
        if profile is not None:
            keep.append(profile.encode())
            opts.profile = keep[-1]
        if config is not None:
            keep.append(_fs(config))
            opts.config_path = keep[-1]
        paths = [_fs(p) for p in plugins]
        if paths:
            arr = (c_char_p * len(paths))(*paths)
            keep.append(arr)
            opts.plugin_paths = arr
            opts.plugin_path_count = len(paths)
        if root_dir is not None:
            keep.append(_fs(root_dir))
            opts.root_dir = keep[-1]
        opts.flags = ((0 if default_plugins else _ffi.OPTION_NO_DEFAULT_PLUGINS)
                      | (_ffi.OPTION_ALLOW_PLUGINS if allow_config_plugins else 0))
        opts.max_file_size, opts.max_depth = max_file_size, max_depth
        opts.max_nodes, opts.max_ref_files = max_nodes, max_ref_files
        out = c_void_p()
        status = lib.adr_linter_new(byref(out), byref(opts))
        if status:
            # An unknown profile is ADR_ENOTFOUND; to a user it is configuration.
            if status == ADR_ENOTFOUND:
                raise ConfigError(_ffi.last_error(), status)
            _raise(status)
        self._ptr = out.value

    # -- lifetime ---------------------------------------------------------

    def _enter(self) -> int:
        with self._cond:
            if self._ptr is None:
                raise Error("this Linter is closed")
            self._busy += 1
            return self._ptr

    def _leave(self) -> None:
        with self._cond:
            self._busy -= 1
            if self._busy == 0:
                self._cond.notify_all()

    def close(self) -> None:
        """Frees the linter once no lint call is using it. Idempotent."""
        with self._cond:
            while self._busy:
                self._cond.wait()
            ptr, self._ptr = self._ptr, None
        if ptr:
            lib.adr_linter_free(ptr)

    @property
    def closed(self) -> bool:
        return self._ptr is None

    def __enter__(self) -> "Linter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        ptr, self._ptr = getattr(self, "_ptr", None), None
        if ptr and lib is not None:
            lib.adr_linter_free(ptr)

    # -- linting ----------------------------------------------------------

    def lint(self, path_or_text: Input, *, name: Optional[str] = None) -> Result:
        """Lints a file or a document's text, told apart by :func:`is_text`.
        ``name`` names a text (see :meth:`lint_text`)."""
        if is_text(path_or_text):
            return self.lint_text(path_or_text, name=name)  # type: ignore[arg-type]
        return self.lint_file(path_or_text)  # type: ignore[arg-type]

    def lint_file(self, path: PathLike) -> Result:
        """Lints the file at ``path``, following relative ``$ref``s below the
        root directory. Syntax errors are findings (code "parser").

        :raises FileError: the file cannot be read or is a directory.
        :raises LimitError: the file is larger than ``max_file_size``.
        """
        ptr, out = self._enter(), c_void_p()
        try:
            status = lib.adr_linter_lint_file(ptr, _fs(path), byref(out))
            if status:
                _raise(status)
        finally:
            self._leave()
        return _result(out)

    def lint_text(self, text: Union[str, bytes], name: Optional[str] = None) -> Result:
        """Lints a document held in memory. ``name`` is the source of the
        findings and resolves relative ``$ref``s (default "<input>", refs
        relative to the current directory)."""
        data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else bytes(text)
        ptr, out = self._enter(), c_void_p()
        try:
            status = lib.adr_linter_lint_buffer(ptr, data, len(data),
                                                None if name is None else _fs(name), byref(out))
            if status:
                _raise(status)
        finally:
            self._leave()
        return _result(out)

    def lint_fd(self, fd: int, name: Optional[str] = None) -> Result:
        """Reads ``fd`` to its end (0: standard input) and lints what it read."""
        ptr, out = self._enter(), c_void_p()
        try:
            status = lib.adr_linter_lint_fd(ptr, fd, None if name is None else _fs(name),
                                            byref(out))
            if status:
                _raise(status)
        finally:
            self._leave()
        return _result(out)

    # -- rules ------------------------------------------------------------

    @property
    def profile(self) -> str:
        """The profile this linter was configured with ("adr-2.2")."""
        ptr = self._enter()
        try:
            return _ffi.text(lib.adr_linter_profile(ptr))
        finally:
            self._leave()

    def rules(self) -> List[Rule]:
        """Every rule the linter knows, ordered by code, with the severity this
        linter's profile and configuration give it (OFF: not run)."""
        ptr = self._enter()
        try:
            return [rule_from_c(lib.adr_linter_rule(ptr, i).contents)
                    for i in range(lib.adr_linter_rule_count(ptr))]
        finally:
            self._leave()

    def rule(self, code: str) -> Optional[Rule]:
        """The rule with this code or one of its older aliases, or None."""
        ptr = self._enter()
        try:
            info = lib.adr_linter_rule_find(ptr, code.encode())
            return rule_from_c(info.contents) if info else None
        finally:
            self._leave()

    def __repr__(self) -> str:
        return "<adrlint.Linter %s>" % ("closed" if self.closed else self.profile)


# -- module-level conveniences --------------------------------------------------


def lint(path_or_text: Input, profile: str = "adr-2.0", config: Optional[PathLike] = None, *,
         name: Optional[str] = None) -> List[Diagnostic]:
    """Lints one document, a file or its text (told apart by :func:`is_text`),
    and returns its findings. For many documents, reuse a :class:`Linter`."""
    with Linter(profile, config) as linter:
        return list(linter.lint(path_or_text, name=name))


def lint_file(path: PathLike, profile: str = "adr-2.0",
              config: Optional[PathLike] = None) -> List[Diagnostic]:
    """Lints the file at ``path``."""
    with Linter(profile, config) as linter:
        return list(linter.lint_file(path))


def lint_text(text: Union[str, bytes], name: Optional[str] = None, profile: str = "adr-2.0",
              config: Optional[PathLike] = None) -> List[Diagnostic]:
    """Lints a document held in memory; ``name`` is its source in findings."""
    with Linter(profile, config) as linter:
        return list(linter.lint_text(text, name=name))


def rules(profile: str = "adr-2.0", config: Optional[PathLike] = None) -> List[Rule]:
    """Every rule, with its severity in ``profile`` (and ``config``)."""
    with Linter(profile, config) as linter:
        return linter.rules()


def profiles() -> Tuple[str, ...]:
    """The names of the built-in profiles."""
    return tuple(_ffi.text(lib.adr_profile_name(i)) for i in range(lib.adr_profile_count()))


def find_config(path: PathLike) -> Optional[str]:
    """The ``.adrlint.yaml`` (or ``.yml``) that applies to ``path``: the
    nearest in its directory or above, as the CLI and the language server
    find it; None when there is none."""
    out = c_void_p()
    status = lib.adr_config_find(_fs(path), byref(out))
    if status == ADR_ENOTFOUND:
        return None
    if status:
        _raise(status)
    try:
        return os.fsdecode(string_at(out.value))
    finally:
        lib.adr_free(out)


def library_version() -> str:
    """The version of the loaded libadrlint ("0.1.0")."""
    return _ffi.text(lib.adr_version())


FormatInput = Union[Result, Diagnostic, Iterable[Any]]


def _handles(items: FormatInput) -> List[_Handle]:
    """The library results behind items, in the order they first appear.
    Diagnostics stand for their whole result: the ABI formats results, so a
    subset of one cannot be formatted and is refused."""
    order: List[_Handle] = []
    seen = {}  # id(handle) -> set of finding indexes given, or None for whole results

    def add(x: Any) -> None:
        if isinstance(x, Result):
            h = x._handle
            if id(h) not in seen:
                order.append(h)
            seen[id(h)] = None
        elif isinstance(x, Diagnostic):
            h = x._origin
            if h is None:
                raise Error("this Diagnostic has no library result behind it (it was copied or "
                            "unpickled); format() needs what lint() returned in this process")
            if id(h) not in seen:
                order.append(h)
                seen[id(h)] = set()
            if seen[id(h)] is not None:
                seen[id(h)].add(id(x))
        elif isinstance(x, (str, bytes)) or not hasattr(x, "__iter__"):
            raise TypeError("format() takes Results or Diagnostics, not %s" % type(x).__name__)
        else:
            for y in x:
                add(y)

    add(items)
    for h in order:
        given = seen[id(h)]
        if given is not None and len(given) != h.count:
            raise Error("format() got %d of the %d findings of %s; it formats whole lint "
                        "results (configure the Linter to select findings instead)"
                        % (len(given), h.count, h.source))
    return order


def format(items: FormatInput, fmt: str = "stylish", *,
           fail_severity: Union[Severity, str] = Severity.ERROR, color: bool = False) -> str:
    """Formats lint results with the library's formatters: "stylish",
    "json" (Spectral's), and whatever else ``adr_result_write`` knows.

    ``items`` is a :class:`Result`, the list :func:`lint` returned, or a list
    of either (one per document, in output order).

    :raises NotFoundError: unknown format.
    """
    handles = _handles(items)
    locks = sorted(handles, key=id)  # a fixed order: no deadlock between formatters
    for h in locks:
        h.lock.acquire()
    try:
        closed = [h.source for h in handles if h.ptr is None]
        if closed:
            raise Error("the result of %s was closed" % closed[0])
        arr = (c_void_p * max(len(handles), 1))(*[h.ptr for h in handles])
        opts = _ffi.adr_write_options(_ffi.WRITE_OPTIONS_VERSION, fmt.encode(),
                                      int(Severity.parse(fail_severity)), 1 if color else 0)
        out, size = c_void_p(), c_size_t()
        status = lib.adr_result_write(arr, len(handles), byref(opts), byref(out), byref(size))
        if status:
            _raise(status)
    finally:
        for h in locks:
            h.lock.release()
    try:
        return string_at(out.value, size.value).decode("utf-8", "replace")
    finally:
        lib.adr_free(out)


for _cls in (Linter, Result):
    _cls.__module__ = "adrlint"

__all__ = ["Linter", "Result", "lint", "lint_file", "lint_text", "rules", "profiles",
           "find_config", "library_version", "format", "is_text"]
