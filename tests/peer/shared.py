"""Access to ../shared for tests: skipped when it is missing, failed in CI."""
import os
import sys

SHARED = os.environ.get("ADRLINT_SHARED") or os.path.join(
    os.path.dirname(__file__), "..", "..", "..", "shared")
ADRLINT = os.environ.get("ADRLINT", "adrlint")
SOURCE = os.environ.get("ADRLINT_SOURCE") or os.path.join(os.path.dirname(__file__), "..", "..")


def require_shared():
    """Exit 77 (ctest: skipped) when ../shared is absent, unless CI is set."""
    if os.path.isdir(SHARED):
        return SHARED
    if os.environ.get("CI"):
        raise SystemExit("../shared is missing but CI is set: these tests must run in CI")
    print("skipped: %s not found" % SHARED, file=sys.stderr)
    raise SystemExit(77)
