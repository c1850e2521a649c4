"""A draft is its founder's alone: the pages tell them "only you can see it", so staff and
admins (of any association) read no draft either, never published or made a draft again
after staff hid it: not its page, not in the moderation list, its search or its exports,
not through the API, not in the arena pages and files, not in the admin's audit log. Staff
moderate what is or was shown to others (published pitches, hidden ones too); the founder
still reads and edits their drafts."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from openpyxl import load_workbook

from app.extensions import db
from app.models import AuditEvent, Interest, Pitch
from app.services import moderation, pitches
from tests.app.api.helpers import bearer
from tests.factories import (
    make_arena,
    make_investor,
    make_meeting,
    make_participant,
    make_pitch,
    make_user,
)

SECRET = "Hemmelig utkast"


def _reload(pitch_id: int) -> Pitch:
    db.session.expire_all()
    return db.session.get(Pitch, pitch_id)


@pytest.fixture
def drafts():
    """A draft never published, and one staff hid while published that its founder then
    made a draft again and renamed; both by Asker's founders. And a published pitch."""
    founder = make_user("founder", association="asker", name="Gry Gründer")
    never = make_pitch(founder, title=SECRET, status="draft")
    again = make_pitch(make_user("founder", association="asker"), title="Reklame for alt")
    moderation.hide(again, "Reklame", make_user("staff", association="asker"))
    pitches.unpublish(again)
    again.title = "Omdøpt i utkast"
    db.session.commit()
    shown = make_pitch(make_user("founder", association="asker"), title="Synlig pitch")
    return {"founder": founder, "never": never.id, "again": again.id, "shown": shown.id}


PEOPLE = [("staff", "asker"), ("staff", "modum"), ("admin", None)]
TITLES = (SECRET, "Omdøpt i utkast", "Reklame for alt")


@pytest.mark.parametrize(("role", "association"), PEOPLE)
def test_staff_and_admins_open_no_draft_the_founder_still_does(client, auth, drafts, role,
                                                                association):
    auth.login(make_user(role, association=association).email)
    for key in ("never", "again"):
        response = client.get(f"/pitches/{drafts[key]}")
        page = response.get_data(as_text=True)
        assert response.status_code == 404, key
        assert not any(title in page for title in TITLES), key
    assert client.get(f"/pitches/{drafts['shown']}").status_code == 200
    auth.logout()
    # the founder reads the preview and edits it as before
    auth.login(drafts["founder"].email)
    page = client.get(f"/pitches/{drafts['never']}").get_data(as_text=True)
    assert SECRET in page and "Only you can see it until you publish it." in page
    assert client.get(f"/pitches/{drafts['never']}/edit").status_code == 200


@pytest.mark.parametrize(("role", "association"), PEOPLE)
def test_no_draft_in_the_moderation_list_its_search_or_its_exports(client, auth, drafts, role,
                                                                   association):
    auth.login(make_user(role, association=association).email)
    client.post("/language", data={"lang": "en"})
    for url in ("/staff/pitches", "/staff/pitches?hidden=yes", "/staff/pitches?q=hemmelig",
                "/staff/pitches?q=gry", "/staff/pitches?q=omdøpt"):
        page = client.get(url).get_data(as_text=True)
        ids = {int(x) for x in re.findall(r'data-pitch-id="(\d+)"', page)}
        assert not ids & {drafts["never"], drafts["again"]}, url
        assert not any(title in page for title in TITLES), url
    assert "Drafts are not" in client.get("/staff/pitches").get_data(as_text=True)
    text = client.get("/exports/pitches.csv").get_data(as_text=True)
    sheet = load_workbook(io.BytesIO(client.get("/exports/pitches.xlsx").data)).active
    cells = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
    for found in (text, cells):
        assert not any(title in found for title in TITLES)
    # the export is the list's rows, every association's (Modum's staff too)
    assert "Synlig pitch" in text and "Synlig pitch" in cells


def test_no_filter_offers_a_draft_and_an_old_status_draft_finds_none(client, staff, drafts):
    """The status filter is gone (every pitch listed is published); an address kept from
    before it, asking for drafts, is read without it: the published ones, no draft, in the
    list and its export."""
    page = client.get("/staff/pitches").get_data(as_text=True)
    assert 'value="draft"' not in page and 'name="status"' not in page
    response = client.get("/staff/pitches?status=draft")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "Synlig pitch" in page
    assert not any(title in page for title in TITLES)
    response = client.get("/exports/pitches.csv?status=draft")
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and "Synlig pitch" in text
    assert not any(title in text for title in TITLES)


def test_staff_neither_hide_nor_unhide_a_draft(client, staff, drafts):
    for key in ("never", "again"):
        assert client.get(f"/staff/pitches/{drafts[key]}/hide").status_code == 404
        assert client.post(f"/staff/pitches/{drafts[key]}/hide",
                           data={"reason": "Spam"}).status_code == 404
        assert client.post(f"/staff/pitches/{drafts[key]}/unhide").status_code == 404
    assert _reload(drafts["never"]).hidden is False
    again = _reload(drafts["again"])
    # hidden it stays: published again, it is back in staff's list, still hidden
    assert again.hidden is True and again.hidden_reason == "Reklame"
    assert db.session.query(AuditEvent).filter_by(action="pitch_unhidden").count() == 0
    pitches.publish(again)
    page = client.get("/staff/pitches?hidden=yes").get_data(as_text=True)
    assert f'data-pitch-id="{again.id}"' in page and "Omdøpt i utkast" in page


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_the_api_gives_staff_no_draft(client, drafts, role):
    headers = bearer(make_user(role, association="asker" if role == "staff" else None))
    for key in ("never", "again"):
        response = client.get(f"/api/v1/pitches/{drafts[key]}", headers=headers)
        assert response.status_code == 404, key
        assert not any(title in response.get_data(as_text=True) for title in TITLES)
    assert client.get(f"/api/v1/pitches/{drafts['shown']}", headers=headers).status_code == 200
    listed = client.get("/api/v1/pitches?per_page=100", headers=headers).get_json()
    assert drafts["never"] not in {p["id"] for p in listed["items"]}


def test_arena_pages_and_files_name_no_draft(client, staff):
    arena = make_arena()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor)
    pitch = db.session.get(Pitch, founder.pitch_id)
    pitch.title = "Møtets pitch"
    db.session.commit()
    pitches.unpublish(pitch)
    pitch.title = "Hemmelig nytt navn"
    db.session.commit()
    client.post("/language", data={"lang": "en"})
    for url in (f"/staff/arenas/{arena.id}/invitations", f"/staff/arenas/{arena.id}/schedule",
                f"/staff/arenas/{arena.id}/export/invitations.csv",
                f"/staff/arenas/{arena.id}/export/meetings.csv"):
        text = client.get(url).get_data(as_text=True)
        assert "Hemmelig nytt navn" not in text, url
        assert "Withdrawn pitch" in text, url
    sheet = load_workbook(io.BytesIO(client.get(
        f"/exports/arenas/{arena.id}/invitations.xlsx").data)).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert "Hemmelig nytt navn" not in cells and "Withdrawn pitch" in cells


def test_a_mutual_match_export_names_no_draft(app, client, staff, drafts, tmp_path):
    profile = make_investor(make_user("investor", association="asker"))
    pitch = _reload(drafts["never"])
    for side, user in (("founder", pitch.owner), ("investor", profile.user)):
        db.session.add(Interest(user_id=user.id, pitch_id=pitch.id,
                                investor_profile_id=profile.id, side=side, kind="interested"))
    db.session.commit()
    client.post("/language", data={"lang": "en"})
    rows = list(csv.reader(io.StringIO(
        client.get("/exports/matches.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert [row[1] for row in rows[1:]] == ["Withdrawn pitch"]
    out = tmp_path / "matches.csv"
    result = app.test_cli_runner().invoke(args=["export", "matches", "--lang", "en",
                                                "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert SECRET not in out.read_text(encoding="utf-8-sig")


def test_the_audit_log_names_no_draft(client, auth, drafts):
    auth.login(make_user("admin", association=None).email)
    client.post("/language", data={"lang": "en"})
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "Omdøpt i utkast" not in page and "Reklame for alt" not in page
    assert "Pitch: Withdrawn pitch" in html.unescape(page)
    assert f'href="/pitches/{drafts["again"]}"' not in page
