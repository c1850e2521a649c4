"""A form sent after its writer was logged out (in another tab, or timed out while writing)
saves nothing, but what it held is kept for their account: logging in again leads back to
the form with it, to check and save. Before, the "You are logged out" page (or, after a
timeout, a redirect to the login page) was all that was left, and the text was gone."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import KeptForm, Pitch
from app.services import kept_forms
from tests.app.form_tokens import form_token, token_in
from tests.factories import DEFAULT_PASSWORD, make_pitch, make_user

LONG = "Vi gjør om matavfall til biogass 🌱 مرحبا " * 200


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


def _logged_in(app, user):
    client = app.test_client()
    client.post("/auth/login", data={"email": user.email, "password": DEFAULT_PASSWORD,
                                     "csrf_token": form_token(client)})
    return client


def _login_link(page: str) -> str:
    start = page.index('href="/auth/login?next=') + len('href="')
    return page[start:page.index('"', start)].replace("&amp;", "&")


def _log_in_again(client, user, link: str):
    """Log in with the page's link, as the person would; the answer's redirect."""
    response = client.post(link, data={"email": user.email, "password": DEFAULT_PASSWORD,
                                       "csrf_token": form_token(client, link)})
    assert response.status_code == 302
    return response.headers["Location"]


def _new_pitch(client, token):
    return {"csrf_token": token, "title": "Biogass fra matavfall",
            "summary": "Matavfall blir drivstoff.", "description": LONG,
            "sectors": ["energy", "food_agriculture"], "once": "t" * 32}


def test_a_new_pitch_sent_after_logging_out_in_another_tab_is_back_after_logging_in(app):
    founder = make_user("founder", locale="en")
    client = _logged_in(app, founder)
    token = form_token(client, "/pitches/new")
    client.post("/auth/logout", data={"csrf_token": token})  # the other tab

    response = client.post("/pitches/new", data=_new_pitch(client, token),
                           headers={"Referer": "http://localhost/pitches/new"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "You are logged out" in page
    assert "What you wrote is kept for a day" in page
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0  # nothing saved

    back = _log_in_again(client, founder, _login_link(page))
    assert urlsplit(back).path == "/pitches/new" and "kept" in parse_qs(urlsplit(back).query)
    page = client.get(back).get_data(as_text=True)
    assert "What you wrote is back in the form below" in page
    assert "Biogass fra matavfall" in page and "Vi gjør om matavfall til biogass 🌱 مرحبا" in page
    assert 'value="energy" checked' in page or 'checked value="energy"' in page
    saved = client.post("/pitches/new", data=_new_pitch(client, token_in(page)))
    assert saved.status_code == 302
    assert db.session.scalar(select(Pitch.description)) == LONG.strip()


def test_an_edit_sent_after_timing_out_is_back_after_logging_in(app):
    founder = make_user("founder", locale="en")
    pitch = make_pitch(founder)
    client = _logged_in(app, founder)
    path = f"/pitches/{pitch.id}/edit"
    page = client.get(path).get_data(as_text=True)
    with client.session_transaction() as session:
        session["seen"] = 0  # the pitch took hours to write
    sent = {"csrf_token": token_in(page), "version": str(pitch.version), "title": "Ny tittel",
            "summary": "Ny linje.", "description": LONG,
            "sectors": ["energy"], "stage": "seed"}

    response = client.post(path, data=sent)
    page = response.get_data(as_text=True)
    assert response.status_code == 401 and "You are logged out" in page  # not a redirect
    assert "What you wrote is kept for a day" in page
    db.session.expire_all()
    assert db.session.get(Pitch, pitch.id).title != "Ny tittel"

    back = _log_in_again(client, founder, _login_link(page))
    page = client.get(back).get_data(as_text=True)
    assert "Ny tittel" in page and "Vi gjør om matavfall" in page
    sent["csrf_token"] = token_in(page)
    assert client.post(path, data=sent).status_code == 302
    db.session.expire_all()
    assert db.session.get(Pitch, pitch.id).description == LONG.strip()


def test_only_the_writer_gets_it_back(app):
    writer, other = make_user("founder"), make_user("founder")
    client = _logged_in(app, writer)
    token = form_token(client, "/pitches/new")
    client.post("/auth/logout", data={"csrf_token": token})
    page = client.post("/pitches/new", data=_new_pitch(client, token)).get_data(as_text=True)

    back = _log_in_again(client, other, _login_link(page))  # someone else at the computer
    page = client.get(back).get_data(as_text=True)
    assert "Biogass fra matavfall" not in page and "back in the form" not in page


def test_a_password_is_never_kept(app):
    founder = make_user("founder")
    client = _logged_in(app, founder)
    token = form_token(client, "/auth/password")
    client.post("/auth/logout", data={"csrf_token": token})
    client.post("/auth/password", data={"csrf_token": token, "current_password": "gammelt",
                                        "password": "et nytt passord", "confirm": "nytt"})
    kept = db.session.scalars(select(KeptForm.fields)).all()
    assert all("gammelt" not in fields and "nytt passord" not in fields for fields in kept)


def test_a_form_sent_from_a_tab_left_open_overnight_is_back_after_logging_in(app):
    """The session cookie had expired, so the post comes with no session: nobody is known,
    and it used to end on the plain "Bad request" page. From this site's own page, what it
    held is kept for whoever logs in by the link that browser is given."""
    founder = make_user("founder", locale="en")
    pitch = make_pitch(founder)
    client = _logged_in(app, founder)
    path = f"/pitches/{pitch.id}/edit"
    page = client.get(path).get_data(as_text=True)
    sent = {"csrf_token": token_in(page), "version": str(pitch.version), "title": "Ny tittel",
            "summary": "Ny linje.", "description": LONG, "sectors": ["energy"],
            "stage": "seed"}
    client.delete_cookie("session")  # the night

    response = client.post(path, data=sent, headers={"Origin": "http://localhost"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "You are logged out" in page
    assert "What you wrote is kept for a day" in page

    back = _log_in_again(client, founder, _login_link(page))
    page = client.get(back).get_data(as_text=True)
    assert "Ny tittel" in page and "Vi gjør om matavfall" in page
    assert db.session.scalar(select(KeptForm.user_id)) == founder.id  # now theirs alone

    token = parse_qs(urlsplit(back).query)["kept"][0]  # the link gives nobody else anything
    assert kept_forms.kept(make_user("founder").id, token, path) is None


def test_a_post_from_another_site_without_a_session_is_not_kept(app):
    founder = make_user("founder")
    pitch = make_pitch(founder)
    response = app.test_client().post(
        f"/pitches/{pitch.id}/edit", data={"csrf_token": "x", "title": "Fra en annen side"},
        headers={"Origin": "https://evil.example"})
    assert response.status_code == 400 and "logged out" not in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(KeptForm)) == 0


def test_a_link_to_a_form_kept_in_another_browser_fills_in_nothing(app):
    """Another site can post a made-up form with no session and a forged Origin, and send
    the link it is given to someone logged in: their own form must not come up filled in
    with its text under "What you wrote is back"."""
    founder = make_user("founder", locale="en")
    pitch = make_pitch(founder)
    path = f"/pitches/{pitch.id}/edit"
    forged = app.test_client().post(path, data={"csrf_token": "x", "title": "Planted"},
                                    headers={"Origin": "http://localhost"})
    link = _login_link(forged.get_data(as_text=True))
    back = parse_qs(urlsplit(link).query)["next"][0]

    client = _logged_in(app, founder)
    page = client.get(back).get_data(as_text=True)
    assert "Planted" not in page and "back in the form" not in page
    assert db.session.scalar(select(KeptForm.user_id)) is None  # nobody's


def test_an_edit_sent_after_logging_out_on_another_device_is_back_after_logging_in(app):
    """Logging out rotates the account's session token, which ends its login on every
    device: the laptop's next save came as nobody and was redirected to the login page."""
    founder = make_user("founder", locale="en")
    pitch = make_pitch(founder)
    laptop = _logged_in(app, founder)
    path = f"/pitches/{pitch.id}/edit"
    page = laptop.get(path).get_data(as_text=True)
    phone = _logged_in(app, founder)
    phone.post("/auth/logout", data={"csrf_token": form_token(phone, "/account/")})

    response = laptop.post(path, data={
        "csrf_token": token_in(page), "version": str(pitch.version), "title": "Ny tittel",
        "summary": "Ny linje.", "description": LONG, "sectors": ["energy"], "stage": "seed"})
    page = response.get_data(as_text=True)
    assert response.status_code == 401 and "What you wrote is kept for a day" in page

    back = _log_in_again(laptop, founder, _login_link(page))
    page = laptop.get(back).get_data(as_text=True)
    assert "Ny tittel" in page and "Vi gjør om matavfall" in page


def test_an_edit_whose_save_fails_on_our_side_is_kept_to_take_back(app, monkeypatch):
    """A 500 while saving ended on "Something went wrong" with a link to the front page; the
    text was only in the browser's history, if at all."""
    from app.services import pitches

    founder = make_user("founder", locale="en")
    pitch = make_pitch(founder)
    client = _logged_in(app, founder)
    path = f"/pitches/{pitch.id}/edit"
    page = client.get(path).get_data(as_text=True)

    def broken(*_args, **_kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(pitches, "update_pitch", broken)
    response = client.post(path, data={
        "csrf_token": token_in(page), "version": str(pitch.version), "title": "Ny tittel",
        "summary": "Ny linje.", "description": LONG, "sectors": ["energy"], "stage": "seed"})
    page = response.get_data(as_text=True)
    assert response.status_code == 500 and "Nothing was saved, but what you wrote is kept." in page
    start = page.index('href="', page.index("btn btn-koble")) + len('href="')
    back = page[start:page.index('"', start)].replace("&amp;", "&")
    assert urlsplit(back).path == path

    monkeypatch.undo()
    page = client.get(back).get_data(as_text=True)
    assert "Something went wrong on our side when you sent this form" in page
    assert "Ny tittel" in page and "Vi gjør om matavfall" in page


def test_logging_in_without_the_link_leads_to_the_kept_form_once(app):
    """The logged-out page's link is one way back; someone who logs in from the menu, or in
    a new tab, was taken to their start page, the kept form out of reach."""
    founder = make_user("founder", locale="en")
    client = _logged_in(app, founder)
    token = form_token(client, "/pitches/new")
    client.post("/auth/logout", data={"csrf_token": token})
    client.post("/pitches/new", data=_new_pitch(client, token))

    back = _log_in_again(client, founder, "/auth/login")  # no next
    assert urlsplit(back).path == "/pitches/new" and "kept" in parse_qs(urlsplit(back).query)
    assert "Biogass fra matavfall" in client.get(back).get_data(as_text=True)

    client.post("/auth/logout", data={"csrf_token": form_token(client, "/account/")})
    home = _log_in_again(client, founder, "/auth/login")  # given back: no more detours
    assert urlsplit(home).path != "/pitches/new"


def test_flask_prune_deletes_the_forms_kept_longer_than_a_day(app):
    """The page promises "kept for a day"; without a new kept form to prune them on, the
    old ones stayed in the database."""
    from datetime import timedelta

    from app.models.user import utcnow

    founder = make_user("founder")
    for token, age in (("a" * 32, timedelta(hours=25)), ("b" * 32, timedelta(hours=23))):
        db.session.add(KeptForm(token=token, user_id=founder.id, path="/pitches/new",
                                fields='[["title", "Tittel"]]', created_at=utcnow() - age))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["prune"])
    assert result.exit_code == 0, result.output
    assert "Forms kept after a logout or a failed save, older than a day, deleted: 1." \
        in result.output
    db.session.expire_all()
    assert db.session.scalars(select(KeptForm.token)).all() == ["b" * 32]


def test_an_answer_link_form_sent_with_no_session_is_not_called_a_logout(app):
    """An arena's answer link works without logging in: its form sent after the browser
    forgot the session (closed and reopened) is no login that ended, so it is not answered
    "You are logged out … log in again", and nothing is kept for a login to take."""
    from app.services import rsvp
    from tests.factories import make_arena, make_invitation

    invitation = make_invitation(make_arena(), make_user("founder"), state="invited")
    response = app.test_client().post(
        f"/arenas/rsvp/{rsvp.make_token(invitation)}",
        data={"csrf_token": "x", "answer": "accepted"}, headers={"Origin": "http://localhost"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "logged out" not in page and "logget ut" not in page
    assert db.session.scalar(select(func.count()).select_from(KeptForm)) == 0


def test_an_answer_link_form_sent_after_logging_out_is_not_kept(app):
    """The same after a logout in this browser: the answer link's form needs no login, so
    what it held is not kept for the account that logged out here."""
    from app.services import rsvp
    from tests.factories import make_arena, make_invitation

    founder = make_user("founder")
    invitation = make_invitation(make_arena(), founder, state="invited")
    client = _logged_in(app, founder)
    client.post("/auth/logout", data={"csrf_token": form_token(client, "/account/")})
    client.post(f"/arenas/rsvp/{rsvp.make_token(invitation)}",
                data={"csrf_token": "x", "answer": "accepted"})
    assert db.session.scalar(select(func.count()).select_from(KeptForm)) == 0
