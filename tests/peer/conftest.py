"""Session-wide check for ../shared, before any test module is imported."""
import os

import pytest

from shared import SHARED


def pytest_configure(config):
    if os.path.isdir(SHARED):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("../shared (%s) is missing but CI is set: these tests must run"
                                % SHARED)
    pytest.exit("skipped: %s not found" % SHARED, returncode=77)
