"""The refusals that say when a slot began write the time as the agenda does
(templating.clock_face): on the night the clocks go back, 02:00 comes twice, and "Slot 4
began at 02:00" did not say which. They formatted the time in an f-string inside the _()
call, which `pybabel extract` warned of ("Skipping f-string with substitutions",
test_catalogues checks there is no warning)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from types import SimpleNamespace

import pytest
from flask_babel import force_locale

from app.models import Arena
from app.services import meeting_changes

# 01:30 CEST, then 30-minute slots: 02:00 CEST, 02:30 CEST, 02:00 CET (slot 4), 02:30 CET
ARENA = dict(date=date(2026, 10, 25), start_time=time(1, 30), end_time=time(4, 0),
             slot_minutes=30, slot_count=6, breaks=[], table_count=2, status="scheduled")
LATER = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)
SAID = {
    "en": {"move": "Slot 4 began at 02:00 CET: move the meeting",
           "restore": "Slot 4 began at 02:00 CET, so the meeting is not put back there.",
           "cancel": "This meeting began at 02:00 CET, so it can no longer be cancelled"},
    "nb": {"move": "Tidsluke 4 begynte kl. 02:00 CET",
           "restore": "Tidsluke 4 begynte kl. 02:00 CET",
           "cancel": "Dette møtet begynte kl. 02:00 CET, så det kan ikke lenger avlyses"},
}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_slot_in_the_repeated_hour_says_which_0200(app, lang, monkeypatch):
    arena = Arena(**ARENA)
    monkeypatch.setattr(meeting_changes, "_check_changeable", lambda arena: None)
    monkeypatch.setattr(meeting_changes, "meeting_of",
                        lambda arena, meeting_id: SimpleNamespace(slot=3))
    monkeypatch.setattr(meeting_changes, "is_active", lambda meeting, present: True)
    monkeypatch.setattr(meeting_changes, "accepted", lambda arena_id: [])
    with app.test_request_context(), force_locale(lang):
        moved = meeting_changes._begun_refusal(arena, SimpleNamespace(slot=0), 3, LATER)
        restored = meeting_changes.restore_too_late(arena, SimpleNamespace(slot=3), LATER)
        with pytest.raises(meeting_changes.DomainError) as cancelled:
            meeting_changes.cancellable(arena, 1, LATER)
    said = SAID[lang]
    assert said["move"] in moved
    assert said["restore"] in restored
    assert said["cancel"] in str(cancelled.value)
