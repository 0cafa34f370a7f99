"""Value types: severities, positions, findings and rule descriptions."""
from __future__ import annotations

import enum
from ctypes import byref, c_int
from dataclasses import dataclass, field
from typing import Any, Optional, Tuple

from . import _ffi
from ._errors import InvalidArgumentError


class Severity(enum.IntEnum):
    """Spectral's numbering, which its JSON output and many tools use:
    lower is more severe. ``OFF`` appears only in rule descriptions."""

    OFF = -1
    ERROR = 0
    WARN = 1
    INFO = 2
    HINT = 3

    def __str__(self) -> str:
        """The library's name: "error", "warn", "info", "hint" or "off"."""
        return _ffi.text(_ffi.lib.adr_severity_name(int(self)))

    @classmethod
    def parse(cls, name: "str | int") -> "Severity":
        """Parses "error", "warn"/"warning", "info"/"information", "hint" or
        "off" as the library (and so the configuration files) does."""
        if isinstance(name, Severity):
            return name
        if isinstance(name, int) and not isinstance(name, bool):
            return cls(name)
        out = c_int()
        if _ffi.lib.adr_severity_parse(str(name).encode(), byref(out)) != 0:
            raise InvalidArgumentError(
                "unknown severity %r (expected error, warn, info, hint or off)" % name)
        return cls(out.value)


@dataclass(frozen=True)
class Position:
    """A place in a source file.

    ``line`` and ``character`` are 0-based, ``character`` counted in UTF-16
    code units: what LSP and Spectral's JSON use. ``lineno`` and ``colno``
    are the same place 1-based, as editors and the stylish output print it
    (like ``json.JSONDecodeError``). ``column`` is the 0-based byte column
    and ``offset`` the byte offset from the start of the file.
    """

    line: int
    character: int
    column: int
    offset: int

    @property
    def lineno(self) -> int:
        return self.line + 1

    @property
    def colno(self) -> int:
        return self.character + 1


@dataclass(frozen=True)
class Range:
    """A half-open range: ``end`` is just after the last character."""

    start: Position
    end: Position


@dataclass(frozen=True)
class Diagnostic:
    """One finding.

    ``path`` is the JSON pointer of the reported object in ``source`` split
    into its keys (Spectral's ``path``); ``adr_rule`` is the ADR rule
    (``"/core/semver"``) and ``doc_url`` the rule's documentation, ``None``
    when there is none.
    """

    code: str
    adr_rule: Optional[str]
    severity: Severity
    message: str
    path: Tuple[str, ...]
    range: Range
    source: str
    doc_url: Optional[str]
    # The library result this finding came from, so that format() can hand
    # it to adr_result_write. Not part of the value: ignored by ==, hash and
    # repr, and dropped by pickling.
    _origin: Any = field(default=None, compare=False, hash=False, repr=False)

    @property
    def json_pointer(self) -> str:
        """``path`` as an RFC 6901 JSON pointer ("" for the document root)."""
        return "".join("/" + k.replace("~", "~0").replace("/", "~1") for k in self.path)

    def __reduce__(self) -> Any:
        return (Diagnostic, (self.code, self.adr_rule, self.severity, self.message, self.path,
                             self.range, self.source, self.doc_url))


@dataclass(frozen=True)
class Rule:
    """A rule as a linter knows it: ``severity`` is the one the linter's
    profile and configuration give it (``Severity.OFF`` when it does not run)."""

    code: str
    adr_rule: Optional[str]
    title: str
    rationale: str
    doc_url: Optional[str]
    plugin: str
    default_severity: Severity
    severity: Severity
    aliases: Tuple[str, ...]


def split_pointer(pointer: str) -> Tuple[str, ...]:
    """RFC 6901: "~1" is "/", "~0" is "~", decoded left to right."""
    if not pointer:
        return ()
    keys = []
    for raw in pointer[1:].split("/"):
        keys.append(raw.replace("~1", "/").replace("~0", "~"))
    return tuple(keys)


def _position(p: "_ffi.adr_position") -> Position:
    return Position(p.line, p.column_utf16, p.column, p.offset)


def diagnostic_from_c(d: "_ffi.adr_diagnostic", origin: Any) -> Diagnostic:
    t = _ffi.text
    return Diagnostic(code=t(d.code), adr_rule=t(d.rule_id) or None,
                      severity=Severity(d.severity), message=t(d.message),
                      path=split_pointer(t(d.path)),
                      range=Range(_position(d.range.start), _position(d.range.end)),
                      source=t(d.source), doc_url=t(d.doc_url) or None, _origin=origin)


def rule_from_c(r: "_ffi.adr_rule_info") -> Rule:
    t = _ffi.text
    return Rule(code=t(r.code), adr_rule=t(r.rule_id) or None, title=t(r.title),
                rationale=t(r.rationale), doc_url=t(r.doc_url) or None, plugin=t(r.plugin),
                default_severity=Severity(r.default_severity), severity=Severity(r.severity),
                aliases=tuple(t(r.aliases).split()))


for _cls in (Severity, Position, Range, Diagnostic, Rule):
    _cls.__module__ = "adrlint"
