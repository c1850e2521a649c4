"""The moderation list, its export and its news agree with what staff moderate.

- Its status filter offered only "All" and "Published", the same list (every pitch listed
  is published: a draft is its founder's alone). It is now "Shown to investors": yes, or no
  (hidden by staff, or the founder's account no longer shows it).
- The list showed every association's published pitches, but its export held only the
  staff member's association's founders. Staff moderate every pitch (a pitch is shown to
  every investor, and a founder outside the associations' region belongs to none), so the
  export holds the list's rows; e-mail addresses only where contacts allow them, as before.
- A founder could make a hidden pitch a draft, change it, and publish it again: it stayed
  hidden, and nobody told the staff member who hid it, who cannot see drafts and so never
  saw it change. They are now told, in the app and by e-mail, in their own language; the
  founder was told "Your pitch is published." and is now told it stays hidden.
"""

from __future__ import annotations

import csv
import html
import io
import re

import pytest

from app.extensions import db
from app.services import account_access, moderation
from tests.app.notices_told import told
from tests.app.security.principals import log_in
from tests.factories import make_pitch, make_user, outbox_of


def _ids(page: str) -> set[int]:
    return {int(i) for i in re.findall(r'<tr data-pitch-id="(\d+)"', page)}


def _csv(response) -> list[dict]:
    text = response.get_data(as_text=True).lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def world():
    """Asker's and Modum's founders' pitches: shown, hidden, and one whose founder's
    account is deactivated."""
    shown = make_pitch(make_user("founder", "kari@example.no", association="asker"),
                       title="Solcelletak")
    hidden = make_pitch(make_user("founder", association="modum"), title="Reklame",
                        hidden=True, hidden_reason="Reklame")
    gone = make_user("founder", association="modum")
    deactivated = make_pitch(gone, title="Varmepumpe")
    account_access.set_active(gone, False)
    return {"shown": shown.id, "hidden": hidden.id, "deactivated": deactivated.id}


@pytest.mark.parametrize(("lang", "label"), [("en", "Shown to investors"),
                                             ("nb", "Vises for investorer")])
def test_the_list_filters_by_whether_investors_see_a_pitch(app, world, lang, label):
    client = app.test_client()
    log_in(client, make_user("staff", association="asker", locale=lang))
    client.post("/language", data={"lang": lang})
    page = client.get("/staff/pitches").get_data(as_text=True)
    assert f">{label}</label>" in page and 'name="status"' not in page
    assert _ids(client.get("/staff/pitches?shown=yes").get_data(as_text=True)) \
        == {world["shown"]}
    assert _ids(client.get("/staff/pitches?shown=no").get_data(as_text=True)) \
        == {world["hidden"], world["deactivated"]}


def test_the_export_holds_the_rows_the_list_shows(app, world):
    client = app.test_client()
    log_in(client, make_user("staff", association="modum", locale="en"))
    client.post("/language", data={"lang": "en"})
    for query in ("", "?shown=yes", "?shown=no", "?hidden=yes"):
        listed = _ids(client.get(f"/staff/pitches{query}").get_data(as_text=True))
        rows = _csv(client.get(f"/exports/pitches.csv{query}"))
        assert {int(row["Id"]) for row in rows} == listed, query
    rows = {int(row["Id"]): row for row in _csv(client.get("/exports/pitches.csv"))}
    # Asker's founder: in the file as in the list, their address not (Modum's staff)
    assert rows[world["shown"]]["Title"] == "Solcelletak"
    assert rows[world["shown"]]["E-mail"] == ""
    page = client.get("/staff/pitches").get_data(as_text=True)
    assert "Download this list" in page and "association’s part" not in page


SAID = {
    "en": ("A pitch you hid is published again: “Ny vri”",
           "“Ny vri”, which you hid, is published again by its founder. It stays hidden "
           "until you unhide it: look at what it says now."),
    "nb": ("En pitch du skjulte, er publisert igjen: «Ny vri»",
           "«Ny vri», som du skjulte, er publisert igjen av gründeren. Den forblir skjult "
           "til du viser den igjen: se hva den sier nå."),
}


def _hidden_then_republished(app, hider):
    """The founder makes the hidden pitch a draft, renames it and publishes it again."""
    founder = make_user("founder", locale="en")
    pitch = make_pitch(founder, title="Reklame for alt")
    moderation.hide(pitch, "Reklame", hider)
    client = app.test_client()
    log_in(client, founder)
    assert client.post(f"/pitches/{pitch.id}/unpublish",
                       data={"confirm_unpublish": "y"}).status_code == 302
    pitch.title = "Ny vri"
    db.session.commit()
    published = client.post(f"/pitches/{pitch.id}/publish")
    assert published.status_code == 302
    db.session.refresh(pitch)
    assert pitch.status == "published" and pitch.hidden  # still hidden
    page = client.get(published.location).get_data(as_text=True)
    assert ("Your pitch is published, but it stays hidden from investors until the "
            "organisers show it again.") in page
    return pitch


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_staff_who_hid_a_pitch_are_told_when_it_is_published_again(app, lang):
    hider = make_user("staff", "stine@example.no", association="asker", locale=lang)
    colleague = make_user("staff", "per@example.no", association="asker")
    pitch = _hidden_then_republished(app, hider)
    subject, sentence = SAID[lang]

    (note,) = told("pitch_republished")[hider.id]
    assert note.link == f"/pitches/{pitch.id}"
    (mail,) = [m for m in outbox_of(app) if m.to == [hider.email]]
    assert mail.subject == subject and sentence in " ".join(mail.body.split())
    assert not [m for m in outbox_of(app) if m.to == [colleague.email]]
    client = app.test_client()
    log_in(client, hider)
    page = html.unescape(client.get("/notifications").get_data(as_text=True))
    assert sentence in " ".join(page.split())


def test_publishing_a_pitch_nobody_hid_tells_no_staff(app):
    """A guard: an ordinary publish is no news to staff."""
    make_user("staff", association="asker")
    founder = make_user("founder")
    pitch = make_pitch(founder, status="draft")
    client = app.test_client()
    log_in(client, founder)
    assert client.post(f"/pitches/{pitch.id}/publish").status_code == 302
    assert not told("pitch_republished")
