"""Access to ../shared for tests: skipped when it is missing, failed in CI."""
import os

import pytest

SHARED = os.environ.get("ADRLINT_SHARED") or os.path.join(
    os.path.dirname(__file__), "..", "..", "..", "shared")
ADRLINT = os.environ.get("ADRLINT", "adrlint")
SOURCE = os.environ.get("ADRLINT_SOURCE") or os.path.join(os.path.dirname(__file__), "..", "..")


def require_shared():
    """Returns the shared folder. When it is absent the session ends with
    exit code 77 (ctest: skipped), unless CI is set: then the test fails."""
    if os.path.isdir(SHARED):
        return SHARED
    if os.environ.get("CI"):
        pytest.fail("../shared is missing but CI is set: these tests must run in CI")
    pytest.exit("skipped: %s not found" % SHARED, returncode=77)
