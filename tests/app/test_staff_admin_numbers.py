"""Numbers and counts on the staff's schedule and the admin's engine page read as the
page's language writes them: in bokmål 7 000 and 0,55 s, not 7000 and 0.55 s; and "1 møte",
not "1 møter (1 gjensidige, ...)"."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from types import SimpleNamespace

from app.services import engine_index
from app.services import schedule as schedule_service
from app.services.engine_settings import weight_names
from tests.factories import make_arena, make_user


def _speak(client, lang: str) -> None:
    client.post("/language", data={"lang": lang})


def _plain(page: str) -> str:
    return re.sub(r"\s+", " ", page.replace("\u00a0", " ").replace("\u202f", " "))


def test_engine_page_writes_numbers_as_the_language_does(client, auth, monkeypatch):
    index = SimpleNamespace(
        version=3, created_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC), n_pitches=12500,
        n_investors=60, n_scores=7000, seconds=0.552,
        learning={"enabled": True, "used": True, "good": 24, "poor": 21, "min_pairs": 20},
        weights=dict.fromkeys(weight_names(), 1.25), data_stamp="")
    monkeypatch.setattr(engine_index, "latest_index", lambda: index)
    auth.login(make_user("admin").email)
    _speak(client, "nb")
    page = _plain(client.get("/admin/engine").get_data(as_text=True))
    assert "7 000" in page and "12 500" in page and "0,55 s" in page
    assert ": 1,25<" in page and "1.25" not in page and "0.55" not in page
    _speak(client, "en")
    page = _plain(client.get("/admin/engine").get_data(as_text=True))
    assert "7,000" in page and "0.55 s" in page and ": 1.25<" in page


def test_schedule_summary_counts_one_meeting_in_the_singular(client, auth, monkeypatch):
    arena = make_arena(status="inviting")
    monkeypatch.setattr(schedule_service, "build", lambda *_args: {
        "total": 1, "mutual": 1, "one_sided": 0, "suggestion": 0})
    auth.login(make_user("staff", association="asker").email)
    _speak(client, "nb")
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert ("Utkastet til møteplan er klart: 1 møte (gjensidige: 1, ensidige: 0, "
            "foreslåtte: 0)." in page)
    _speak(client, "en")
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert ("The draft schedule is ready: 1 meeting (mutual: 1, one-sided: 0, suggested: 0)."
            in page)
