"""Fixtures for the security tests: principals and a summary of what was tried."""

from __future__ import annotations

from tests.app.security.counts import COUNTS
from tests.app.security.principals import principals  # noqa: F401 - fixture


def pytest_terminal_summary(terminalreporter):
    """Print how many variants, payloads and cells the security tests tried."""
    if not COUNTS:
        return
    terminalreporter.section("security counts")
    for name, value in sorted(COUNTS.items()):
        terminalreporter.write_line(f"{name}: {value}")
