"""adrlint: lint OpenAPI 3.0/3.1 documents against the NLGov REST API Design Rules.

A thin ctypes binding of libadrlint: every check, position and output format
comes from the library. Importing the package loads the library (see
``adrlint._ffi`` for where it looks) and raises :class:`LibraryError`, an
ImportError, when it cannot.

>>> import adrlint
>>> for d in adrlint.lint("openapi.yaml", profile="adr-2.2"):  # doctest: +SKIP
...     print(d.range.start.lineno, d.code, d.message)
"""
from __future__ import annotations

import sys

from ._errors import (ABIError, ConfigError, Error, FileError, InvalidArgumentError, LibraryError,
                      LimitError, NotFoundError, OutOfMemoryError, PluginError)

__version__ = "0.1.0"

try:
    from ._ffi import ABI_VERSION
    from ._linter import (Linter, Result, find_config, format, is_text, library_version, lint,
                          lint_file, lint_text, profiles, rules)
    from ._types import Diagnostic, Position, Range, Rule, Severity
except LibraryError as e:
    # "python -m adrlint" imports this package before its __main__, with
    # argv[0] still "-m": answer like the CLI (message, exit status 2)
    # instead of a traceback whose exit status 1 would mean "findings".
    if sys.argv[:1] == ["-m"]:
        sys.stderr.write("adrlint: %s\n" % e)
        raise SystemExit(2)
    raise

__all__ = [
    "ABIError", "ABI_VERSION", "ConfigError", "Diagnostic", "Error", "FileError",
    "InvalidArgumentError", "LibraryError", "LimitError", "Linter", "NotFoundError",
    "OutOfMemoryError", "PluginError", "Position", "Range", "Result", "Rule", "Severity",
    "find_config", "format", "is_text", "library_version", "lint", "lint_file", "lint_text",
    "profiles", "rules",
]
