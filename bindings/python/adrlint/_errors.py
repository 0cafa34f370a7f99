"""Exceptions raised by the adrlint package.

Every failure of libadrlint becomes an :class:`Error` subclass chosen by the
library's status code; its message is the library's own (``adr_last_error``),
which names the file, line and column where the library knows them.
"""
from __future__ import annotations

import re
from typing import Optional

# Status codes of adrlint.h (never renumbered).
ADR_OK = 0
ADR_ERROR = -1
ADR_ENOMEM = -2
ADR_EINVAL = -3
ADR_EIO = -4
ADR_ECONFIG = -5
ADR_EPLUGIN = -6
ADR_ENOTFOUND = -7
ADR_EVERSION = -8
ADR_ELIMIT = -9


class Error(Exception):
    """Base class of every adrlint error.

    ``status`` is the library's negative ``ADR_E*`` code (``None`` for errors
    raised by the binding itself); ``str(error)`` is the library's message.
    """

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return self.message


class LibraryError(Error, ImportError):
    """libadrlint could not be found or loaded (raised by ``import adrlint``)."""


class ABIError(LibraryError):
    """The library found speaks another ABI than this package was written for."""


class FileError(Error, OSError):
    """A document could not be read (missing, unreadable, a directory)."""

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message, status)
        # The library's message is "PATH: reason"; OSError users look at filename.
        self.filename = message.rsplit(": ", 1)[0] if ": " in message else None


_POSITION = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): ")


class ConfigError(Error, ValueError):
    """A configuration file or profile is invalid, or the profile is unknown.

    When the library names a place (``FILE:LINE:COL: message``), ``filename``,
    ``line`` and ``column`` (1-based) give it; otherwise they are ``None``.
    """

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message, status)
        m = _POSITION.match(message)
        self.filename = m.group("file") if m else None
        self.line = int(m.group("line")) if m else None
        self.column = int(m.group("column")) if m else None


class PluginError(Error):
    """A rule plugin could not be loaded, or no plugins were found."""


class LimitError(Error):
    """An input exceeds a configured limit (file size, depth, nodes, $ref files)."""


class NotFoundError(Error, LookupError):
    """The named thing (an output format, a rule) does not exist."""


class InvalidArgumentError(Error, ValueError):
    """The library refused an argument."""


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory."""


_BY_STATUS = {
    ADR_ENOMEM: OutOfMemoryError,
    ADR_EINVAL: InvalidArgumentError,
    ADR_EIO: FileError,
    ADR_ECONFIG: ConfigError,
    ADR_EPLUGIN: PluginError,
    ADR_ENOTFOUND: NotFoundError,
    ADR_EVERSION: ABIError,
    ADR_ELIMIT: LimitError,
}


def error_for(status: int, message: str, default: type = Error) -> Error:
    """The exception for a library status code and message."""
    cls = _BY_STATUS.get(status, default)
    return cls(message or "adrlint error %d" % status, status)


# Tracebacks and reprs name the public module, where users import them from.
for _cls in (Error, LibraryError, ABIError, FileError, ConfigError, PluginError, LimitError,
             NotFoundError, InvalidArgumentError, OutOfMemoryError):
    _cls.__module__ = "adrlint"
