"""A person chooses, on their account page, which groups of notification e-mails they get
(interest and matches; arenas and meetings; their pitches' moderation). A group turned off
stops exactly its e-mails and keeps the in-app notices; e-mails a person must act on
(password reset, arena invitations and reminders with their answer link) always go. Every
notification e-mail says, in the reader's language, where to change this. Before, every
notice was e-mailed and nobody could turn any off."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Notification, User
from app.services import (
    interest,
    interest_notices,
    mail_preferences,
    meeting_requests,
    moderation,
    notices,
    notifications,
    personal_data,
    rsvp,
)
from tests.factories import (
    make_arena,
    make_investor,
    make_invitation,
    make_participant,
    make_pitch,
    make_user,
    outbox_of,
)

ALL = ["interest", "arenas", "moderation"]
FOOTER = {
    "nb": "Velg hvilke varsler du får på e-post, på kontoen din:",
    "en": "To choose which notification e-mails you get, go to your account:",
}
SERVICES = Path(notifications.__file__).parent


def _kinds_in_the_code() -> set[str]:
    """Every notice kind the app words or adds: the kinds `notifications.text` compares
    with, the staff changes and meeting requests it words, and the literal kinds passed to
    `tell`/`notify`."""
    kinds = (set(notifications.STAFF_CHANGES) | set(notifications.MEETING_REQUESTS)
             | set(interest_notices.INTEREST_NOTICES.values()))
    tree = ast.parse(inspect.getsource(notifications.text))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute)
                and node.left.attr == "kind"):
            kinds |= {c.value for c in node.comparators if isinstance(c, ast.Constant)}
    call = re.compile(r"\b(?:tell|notify|_tell_owner)\(\s*[^,()]*(?:\([^()]*\))?[^,()]*,\s*"
                      r"\"([a-z_]+)\"")
    for path in SERVICES.glob("*.py"):
        kinds |= set(call.findall(path.read_text(encoding="utf-8")))
    return kinds


def test_every_notice_kind_has_a_mail_group():
    """A new kind must be put in a group (or it is e-mailed whatever people chose)."""
    kinds = _kinds_in_the_code()
    assert {"mutual_match", "interest_from_investor", "pitch_hidden", "arena_cancelled",
            "meeting_cancelled"} <= kinds  # the scan finds them
    unmapped = sorted(k for k in kinds if mail_preferences.group_of(k) is None)
    assert unmapped == [], f"give these notice kinds a group in mail_preferences: {unmapped}"
    for kind in ("meeting_request", "meeting_request_accepted", "meeting_request_declined"):
        assert mail_preferences.group_of(kind) == "arenas"


def test_a_kind_in_no_group_is_still_mailed(app):
    user = make_user("founder", notice_mail_off=ALL)
    assert mail_preferences.wants_mail(user, "something_new")
    assert not mail_preferences.wants_mail(user, "pitch_hidden")


def _off(user, *groups):
    user.notice_mail_off = list(groups)
    db.session.commit()


def _notes(user, kind=None) -> list[Notification]:
    db.session.expire_all()
    query = select(Notification).where(Notification.user_id == user.id)
    if kind:
        query = query.where(Notification.kind == kind)
    return list(db.session.scalars(query))


def _mails(app, user) -> list:
    return [m for m in outbox_of(app) if user.email in m.to]


# --- the default ---------------------------------------------------------------------------
def test_by_default_every_group_is_on_and_mailed(app, client, auth):
    founder = make_user("founder")
    assert mail_preferences.enabled_groups(founder) == ALL
    pitch = make_pitch(founder, title="Tang fra fjorden")
    moderation.hide(pitch, "Mangler tall", make_user("staff"))
    assert len(_mails(app, founder)) == 1
    auth.login(founder.email)
    page = client.get("/account/").get_data(as_text=True)
    assert 'id="email-notifications"' in page
    for group in ALL:
        assert re.search(rf'value="{group}" checked', page), group


# --- turning a group off ------------------------------------------------------------------
def test_turning_a_group_off_on_the_page_stops_exactly_its_mails_and_keeps_the_notices(
        app, client, auth):
    founder = make_user("founder", locale="en")
    auth.login(founder.email)
    response = client.post("/account/email-notifications",
                           data={"groups": ["interest", "moderation"]})
    assert response.status_code == 303
    # The page's top, where the flashed message is: not the section's #part, which scrolled
    # the message out of sight.
    assert response.headers["Location"].endswith("/account/")
    assert "Your e-mail choices are saved." in client.get("/account/").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, founder.id).notice_mail_off == ["arenas"]

    arena = make_arena()
    pitch = make_pitch(founder, title="Tang fra fjorden")
    founder = db.session.get(User, founder.id)
    notices.send(notices.tell([founder], "arena_cancelled", "/agenda", arena=arena.title,
                              date="2027-01-05"))
    notices.send(notices.tell([founder], "meeting_moved", "/agenda", arena=arena.title,
                              who="Per", time="09:00", table="2"))
    moderation.hide(pitch, "Mangler tall", make_user("staff"))
    [mail] = _mails(app, founder)
    assert "Tang fra fjorden" in mail.subject  # the pitch, not the arena
    assert {n.kind for n in _notes(founder)} == {"arena_cancelled", "meeting_moved",
                                                 "pitch_hidden"}


def test_interest_off_stops_interest_and_match_mails_but_keeps_the_notices(app):
    founder, investor_user = make_user("founder"), make_user("investor")
    pitch, profile = make_pitch(founder), make_investor(investor_user)
    _off(investor_user, "interest")
    _off(founder, "arenas", "moderation")
    interest.mark(founder, pitch.id, profile.id, "interested")  # one-sided: investor told
    assert _mails(app, investor_user) == []
    assert [n.kind for n in _notes(investor_user)] == ["interest_from_founder"]
    interest.mark(investor_user, pitch.id, profile.id, "interested")  # mutual: both told
    assert _mails(app, investor_user) == []
    assert len(_mails(app, founder)) == 1  # the founder kept interest e-mails on
    assert {n.kind for n in _notes(investor_user)} == {"interest_from_founder", "mutual_match"}


def test_arenas_off_stops_the_meeting_request_mail(app):
    arena = make_arena()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    _off(investor.user, "arenas")
    meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    assert _mails(app, investor.user) == []
    other = make_participant(arena, "investor")
    meeting_requests.request_meeting(founder.user, arena.id, other.user_id)
    assert len(_mails(app, other.user)) == 1


def test_mails_to_act_on_go_with_every_group_off(app, client):
    user = make_user("founder", notice_mail_off=ALL)
    arena = make_arena()
    invitation = make_invitation(arena, user)
    assert rsvp.mail_invitation(invitation)
    assert rsvp.mail_invitation(invitation, reminder=True)
    client.post("/auth/reset", data={"email": user.email})
    sent = _mails(app, user)
    assert len(sent) == 3
    assert all(FOOTER["nb"] not in m.body and FOOTER["en"] not in m.body for m in sent)


# --- the footer ----------------------------------------------------------------------------
@pytest.mark.parametrize("locale", ["nb", "en"])
def test_every_notification_mail_says_where_to_change_it_in_the_readers_language(app, locale):
    founder, investor_user = make_user("founder", locale=locale), make_user("investor",
                                                                            locale=locale)
    pitch, profile = make_pitch(founder), make_investor(investor_user)
    interest.mark(founder, pitch.id, profile.id, "interested")  # interest_received
    interest.mark(investor_user, pitch.id, profile.id, "interested")  # mutual_match
    moderation.hide(pitch, "Mangler tall", make_user("staff"))  # notice
    arena = make_arena()
    one, two = make_participant(arena, "founder"), make_participant(arena, "investor")
    two.user.locale = locale
    db.session.commit()
    meeting_requests.request_meeting(one.user, arena.id, two.user_id)  # meeting_request
    sent = outbox_of(app)
    assert len(sent) == 5
    for mail in sent:
        assert FOOTER[locale] in mail.body, mail.body
        assert "/account/#email-notifications" in mail.body


# --- the form ------------------------------------------------------------------------------
@pytest.mark.parametrize("forged", [["interest", "admin"], ["arenas", "arenas"],
                                    ["moderation", ""]])
def test_the_form_refuses_a_forged_value_and_changes_nothing(app, client, auth, forged):
    user = make_user("investor", locale="en", notice_mail_off=["arenas"])
    auth.login(user.email)
    client.post("/language", data={"lang": "en"})
    response = client.post("/account/email-notifications", data={"groups": forged})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Please correct the marked fields." in page
    assert "Your e-mail choices are saved." not in page
    db.session.expire_all()
    assert db.session.get(User, user.id).notice_mail_off == ["arenas"]


def test_the_setting_needs_a_login_and_a_post(app, client):
    assert client.post("/account/email-notifications", data={"groups": "interest"}) \
        .status_code == 302
    assert client.get("/account/email-notifications").status_code == 405


def test_nobody_can_change_someone_elses_choices(app, client, auth):
    victim = make_user("founder")
    mallory = make_user("founder")
    auth.login(mallory.email)
    response = client.post("/account/email-notifications",
                           data={"groups": "interest", "user_id": victim.id, "id": victim.id,
                                 "notice_mail_off": "interest|arenas|moderation"})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(User, victim.id).notice_mail_off == []
    assert db.session.get(User, mallory.id).notice_mail_off == ["arenas", "moderation"]


def test_the_data_export_holds_the_choice(app, client, auth):
    user = make_user("founder", notice_mail_off=["moderation"])
    assert personal_data.export_data(user)["account"]["notice_mail_off"] == ["moderation"]
    auth.login(user.email)
    body = client.get("/account/export").get_json()
    assert body["account"]["notice_mail_off"] == ["moderation"]


def test_changing_the_choice_keeps_everyones_cached_pages(app):
    """No page of anyone shows which e-mails a person gets, so the site-wide page version
    (what cached recommendation pages are keyed by) stays."""
    from app.models import PageVersion

    user = make_user("founder")
    before = db.session.scalar(select(PageVersion.version).where(PageVersion.id == 1))
    mail_preferences.set_enabled_groups(user, ["interest"])
    db.session.expire_all()
    assert db.session.scalar(select(PageVersion.version).where(PageVersion.id == 1)) == before
    assert db.session.get(User, user.id).notice_mail_off == ["arenas", "moderation"]
