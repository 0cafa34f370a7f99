"""python -m adrlint FILE...: the ``adrlint lint`` command, through the library.

Same options, output and exit status as the C command: 0 when nothing at or
above the fail severity was found, 1 when something was, 2 for usage, input,
configuration or plugin errors.
"""
from __future__ import annotations

import argparse
import sys
from typing import List, NoReturn, Optional

from . import Error, Linter, Result, Severity, __version__, find_config, format, library_version

EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write("adrlint: %s\nRun 'python -m adrlint --help' for usage.\n" % message)
        raise SystemExit(EXIT_TROUBLE)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m adrlint",
                description="Lints OpenAPI documents; \"-\" reads standard input.",
                epilog="Exit status: 0 no findings at or above the fail severity, 1 there are, "
                       "2 usage, input, configuration or plugin error.")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--profile", metavar="NAME",
                   help="adr-2.0 (default), adr-2.1, adr-2.2; add \",future\" to see the next "
                        "version's errors as warnings")
    p.add_argument("-c", "--config", metavar="FILE",
                   help="configuration file (default: the nearest .adrlint.yaml above each file)")
    p.add_argument("-f", "--format", default="stylish", metavar="FORMAT",
                   help="stylish (default), json, or any format the library knows")
    p.add_argument("-F", "--fail-severity", default="error", metavar="S",
                   help="exit 1 on findings of S or worse: error (default), warn, info, hint")
    p.add_argument("-q", "--quiet", action="store_true", help="no \"No results\" line")
    p.add_argument("--version", action="version",
                   version="adrlint %s (python %s)" % (library_version(), __version__))
    return p


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        fail = Severity.parse(args.fail_severity)
    except Error:
        fail = Severity.OFF
    if fail == Severity.OFF:
        _parser().error("--fail-severity takes error, warn, info or hint, not '%s'"
                        % args.fail_severity)
    files = args.files
    if not files:
        if sys.stdin.isatty():
            _parser().error("no documents given")
        files = ["-"]

    status = EXIT_CLEAN
    results: List[Result] = []
    linters = {}  # one linter per configuration file in effect
    try:
        for f in files:
            config = args.config
            if config is None:
                config = find_config(f)
            try:
                linter = linters.get(config)
                if linter is None:
                    linter = linters[config] = Linter(args.profile, config)
                if f == "-":
                    results.append(linter.lint_fd(0, "<stdin>"))
                else:
                    results.append(linter.lint_file(f))
            except Error as e:
                sys.stderr.write("adrlint: %s\n" % e)
                status = EXIT_TROUBLE
        total = sum(len(r) for r in results)
        failing = any(d.severity <= fail for r in results for d in r)
        try:
            out = format(results, args.format, fail_severity=fail)
            sys.stdout.flush()
            sys.stdout.buffer.write(out.encode("utf-8"))
            if args.format == "json":
                sys.stdout.buffer.write(b"\n")
        except Error as e:
            sys.stderr.write("adrlint: %s\n" % e)
            status = EXIT_TROUBLE
        if total == 0 and not args.quiet and args.format == "stylish" and status == EXIT_CLEAN:
            print("No results with a severity of '%s' %sfound!"
                  % (fail, "" if fail == Severity.ERROR else "or higher "))
        if status == EXIT_CLEAN and failing:
            status = EXIT_FINDINGS
    finally:
        for r in results:
            r.close()
        for linter in linters.values():
            linter.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
