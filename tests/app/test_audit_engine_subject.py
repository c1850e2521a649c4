"""The audit log names the engine's weights as the engine, not "Engine: #1". The weights
live in one settings row (target engine_settings:1), and its number was shown as if there
were several engines to tell apart (seen on the demo's log after changing the weights); a
rebuild's row (engine_index) already read just "Engine"."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from app.extensions import db
from app.models import AuditEvent
from tests.app.security.principals import log_in
from tests.factories import make_user


@pytest.mark.parametrize("lang, engine", [("en", "Engine"), ("nb", "Matchemotor")])
def test_the_weights_change_names_the_engine_without_a_number(app, lang, engine):
    admin = make_user("admin", association=None, locale=lang)
    client = app.test_client()
    log_in(client, admin)
    for target in ("engine_settings:1", "engine_index"):
        db.session.add(AuditEvent(action="engine_weights", actor_id=admin.id, target=target,
                                  detail="{'text': 1.0} -> {'text': 2.5}", at=datetime.now(UTC)))
    db.session.commit()
    html = client.get("/admin/audit").get_data(as_text=True)
    subjects = re.findall(r'<a href="/admin/engine">([^<]*)</a>', html)
    assert subjects == [engine, engine]
