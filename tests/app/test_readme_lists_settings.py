"""Every environment variable the app reads is in the README's configuration table: the
README is where an operator learns what can be set (KOBLE_CONTACT_EMAIL came without its
row). A guard: it passes on the code it was written with, and fails when a setting comes
without its row."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(r"""(?:os\.environ\.get|os\.environ\[|_env_bool)\(?\s*"""
                  r"""["']([A-Z_][A-Z0-9_]*)["']""")


def _read_by_the_app() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        names |= set(READ.findall(path.read_text(encoding="utf-8")))
    return names


def _in_the_table() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Configuration"):]
    section = section[:section.index("\n## ", 1)]
    return set(re.findall(r"`([A-Z_][A-Z0-9_]*)`", section))


def test_every_setting_the_app_reads_has_a_row():
    read = _read_by_the_app()
    assert {"DATABASE_URL", "KOBLE_ENV", "KOBLE_CONTACT_EMAIL"} <= read  # the scan works
    assert read - _in_the_table() == set()
