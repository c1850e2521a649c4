"""Every action the app writes to the audit trail is named in words on the admin's audit log,
in both languages, and can be picked in its filter: "Published the meeting schedule" was
listed as the bare key `schedule_published`, and could not be filtered on."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.extensions import db
from app.models import AuditEvent
from tests.app.security.principals import log_in
from tests.factories import make_user

APP = Path(__file__).resolve().parents[2] / "app"


def _recorded_actions() -> set[str]:
    """The action names the code passes to audit.record as literals (a conditional's two
    literals included)."""
    found: set[str] = set()
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "record"
                    and getattr(node.func.value, "id", None) == "audit" and node.args):
                continue
            for part in ast.walk(node.args[0]):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    found.add(part.value)
    return found


ACTIONS = sorted(_recorded_actions())


def test_the_scan_finds_the_writers():
    assert {"login", "schedule_built", "schedule_published", "meeting_locked"} <= set(ACTIONS)


@pytest.fixture
def admin_client(app):
    client = app.test_client()
    log_in(client, make_user("admin", "sjef@koble.no", name="Ada Admin", association=None))
    return client


def _what_cell(html: str, event_id: int) -> str:
    row = re.search(rf'data-event-id="{event_id}"[^>]*>(.*?)</tr>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", row,
                                                       re.S)[2]).split())


@pytest.mark.parametrize("action", ACTIONS)
def test_each_recorded_action_is_named_in_words(admin_client, action):
    event = AuditEvent(action=action, detail="", at=datetime.now(UTC))
    db.session.add(event)
    db.session.commit()
    en = admin_client.get("/admin/audit?lang=en").get_data(as_text=True)
    nb = admin_client.get("/admin/audit?lang=nb").get_data(as_text=True)
    assert _what_cell(en, event.id) != action
    assert _what_cell(nb, event.id) != action
    assert _what_cell(nb, event.id) != _what_cell(en, event.id)
    assert f'<option value="{action}"' in en
