"""An administrator changed someone's role (withdrawing a founder's pitches or an investor's
profile, ending their part in the arenas on the old role's side) or moved a staff member to
another association, and the person was told nothing: their session ended, and at the next
login they found another menu and their pitches gone. Now they get an e-mail in their own
language and an in-app notice saying what the change was and what it withdrew and ended,
from "an administrator" (not named, as the staff invitation says it), through the admin's
page and the command line alike (account_access.set_role). A change refused or that changes
nothing tells nobody. These are account mails: sent whatever notification e-mails the
person turned off, as the password-changed mail is."""

from __future__ import annotations

import contextvars

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.services import account_access
from app.services.accounts import association_by_slug
from app.services.errors import DomainError
from tests.app.admin_questions import role_seen_on
from tests.app.page_text import fresh, main_text
from tests.app.security.principals import log_in
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_investor,
    make_invitation,
    make_pitch,
    make_user,
    outbox_of,
)

SAID = {
    "en": {"subject": "Your role on Koble has changed",
           "role": "An administrator changed your role on Koble to investor.",
           "pitch": "Your pitch “Solkraft på låven” is no longer shown to investors or "
                    "matched. It is kept, and shown again if you become a founder again.",
           "arena": "You no longer take part in the arena “Høstarena”: your invitation, "
                    "meetings and meeting requests there have ended",
           "logged_out": "You were logged out, so that the new role applies at once.",
           "contact": "If you have questions, contact your association, Asker "
                      "Næringsforening."},
    "nb": {"subject": "Rollen din på Koble er endret",
           "role": "En administrator har endret rollen din på Koble til investor.",
           "pitch": "Pitchen din «Solkraft på låven» vises ikke lenger for investorer og "
                    "matches ikke. Den blir tatt vare på, og vises igjen hvis du blir gründer "
                    "igjen.",
           "arena": "Du deltar ikke lenger på arenaen «Høstarena»: invitasjonen, møtene og "
                    "møteforespørslene dine der er avsluttet",
           "logged_out": "Du ble logget ut, slik at den nye rollen gjelder med en gang.",
           "contact": "Har du spørsmål, kontakt foreningen din, Asker Næringsforening."},
}


def _text(mail) -> str:
    return " ".join(mail.body.split())


def _mails_to(app, user) -> list:
    return [mail for mail in outbox_of(app) if mail.to == [user.email]]


def _notes(user, kind: str | None = None) -> list[Notification]:
    query = select(Notification).where(Notification.user_id == user.id)
    if kind:
        query = query.where(Notification.kind == kind)
    return list(db.session.scalars(query))


@pytest.fixture
def admin():
    return make_user("admin", "sjef@koble.no", name="Ada Admin", association=None, locale="en",
                     phone="+47 900 00 000")


def _founder(locale: str):
    """Åse, a founder with a published pitch, invited to an arena not yet held."""
    founder = make_user("founder", "ase@example.no", name="Åse Berg", locale=locale)
    pitch = make_pitch(founder, title="Solkraft på låven")
    arena = make_arena(status="inviting", title="Høstarena")
    make_invitation(arena, founder, "accepted", pitch_id=pitch.id)
    db.session.commit()
    return founder


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_a_role_change_mails_the_person_what_it_withdrew_and_ended(app, admin, locale):
    founder = _founder(locale)
    founder.notice_mail_off = ["interest", "arenas", "moderation"]  # an account mail still goes
    db.session.commit()
    account_access.set_role(founder, "investor", actor=admin)
    said = SAID[locale]
    (mail,) = _mails_to(app, founder)
    body = _text(mail)
    assert mail.subject == said["subject"]
    for part in ("role", "pitch", "arena", "logged_out", "contact"):
        assert said[part] in body, (part, body)
    # the administrator is "an administrator": no name, no address, no phone
    for theirs in ("Ada", "sjef@koble.no", "900 00 000"):
        assert theirs not in body


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_the_notice_is_there_at_the_next_login(app, admin, locale):
    founder = _founder(locale)
    account_access.set_role(founder, "investor", actor=admin)
    (note,) = _notes(founder)
    assert note.kind == "role_changed"
    client = app.test_client()
    client.post("/auth/login", data={"email": founder.email, "password": DEFAULT_PASSWORD})
    text = main_text(client.get("/notifications").get_data(as_text=True))
    said = SAID[locale]
    assert said["role"] in text and said["pitch"] in text and said["arena"] in text


def test_an_investor_is_told_their_profile_is_withdrawn(app, admin):
    investor = make_investor(make_user("investor", "ivar@example.no", locale="en")).user
    account_access.set_role(investor, "founder", actor=admin)
    body = _text(_mails_to(app, investor)[0])
    assert "An administrator changed your role on Koble to founder." in body
    assert ("Your investor profile is no longer shown to founders or matched. It is kept, and "
            "shown again if you become an investor again.") in body
    assert "Your pitch" not in body and "arena" not in body


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_staff_moved_to_another_association_are_told_which(app, admin, locale):
    staff = make_user("staff", "stine@example.no", name="Stine", association="asker",
                      locale=locale)
    account_access.set_role(staff, "staff", association=association_by_slug("baerum"),
                            actor=admin)
    (mail,) = _mails_to(app, staff)
    body = _text(mail)
    expected = {
        "en": ("You are moved to another association on Koble",
               "An administrator moved you to Bærum Næringsråd on Koble. The arenas of Asker "
               "Næringsforening are no longer yours to run: they stay with the association "
               "and its other staff.",
               "You find this message under Notifications on Koble too."),
        "nb": ("Du er flyttet til en annen forening på Koble",
               "En administrator har flyttet deg til Bærum Næringsråd på Koble. Arenaene til "
               "Asker Næringsforening er ikke lenger dine å drive: de blir hos foreningen og "
               "de andre ansatte der.",
               "Du finner også denne meldingen under Varsler på Koble."),
    }[locale]
    assert mail.subject == expected[0]
    assert expected[1] in body and expected[2] in body
    assert "Bærum Næringsråd" in body and "logged out" not in body
    (note,) = _notes(staff, "association_changed")
    client = app.test_client()
    log_in(client, fresh(staff))
    assert expected[1] in main_text(client.get("/notifications").get_data(as_text=True))


def test_a_founder_made_staff_is_told_the_role_and_association(app, admin):
    founder = make_user("founder", "kari@example.no", locale="en")
    account_access.set_role(founder, "staff", association=association_by_slug("baerum"),
                            actor=admin)
    body = _text(_mails_to(app, founder)[0])
    assert "An administrator changed your role on Koble to staff, for Bærum Næringsråd." in body
    assert "no longer yours to run" not in body


def test_the_command_line_tells_them_too(app):
    founder = make_user("founder", "kari@example.no", locale="nb")
    runner = app.test_cli_runner()
    result = contextvars.Context().run(runner.invoke, args=[
        "users", "set-role", founder.email, "investor"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    (mail,) = _mails_to(app, founder)
    assert mail.subject == "Rollen din på Koble er endret"
    assert "En administrator har endret rollen din på Koble til investor." in _text(mail)
    assert len(_notes(founder, "role_changed")) == 1


def test_nothing_changed_tells_nobody_and_a_change_tells_once(app, admin):
    founder = make_user("founder", "kari@example.no", locale="en")
    account_access.set_role(founder, "founder", actor=admin)
    assert _mails_to(app, founder) == [] and _notes(founder) == []
    account_access.set_role(founder, "investor", actor=admin)
    assert len(_mails_to(app, founder)) == 1 and len(_notes(founder)) == 1


def test_the_last_admin_refused_is_not_told_until_it_is_done(app):
    only = make_user("admin", "eneste@koble.no", association=None, locale="en")
    with pytest.raises(DomainError):
        account_access.set_role(only, "founder")
    assert _mails_to(app, only) == [] and _notes(only) == []
    make_user("admin", "andre@koble.no", association=None)
    account_access.set_role(fresh(only), "founder")
    assert len(_mails_to(app, only)) == 1 and len(_notes(only, "role_changed")) == 1


def test_a_stale_question_changes_nothing_and_tells_nobody(app, admin):
    founder = _founder("en")
    client = app.test_client()
    log_in(client, admin)
    asked = client.post(f"/admin/users/{founder.id}/role",
                        data={"role": "investor", "association": ""})
    page = client.get(asked.location).get_data(as_text=True)
    make_pitch(founder, title="En pitch til")  # the question no longer says it all
    stale = client.post(f"/admin/users/{founder.id}/role",
                        data={"role": "investor", "association": "",
                              "arenas_seen": role_seen_on(page)})
    assert stale.status_code == 303 and fresh(founder).role == "founder"
    assert _mails_to(app, founder) == [] and _notes(founder) == []
    page = client.get(stale.location).get_data(as_text=True)
    done = client.post(f"/admin/users/{founder.id}/role",
                       data={"role": "investor", "association": "",
                             "arenas_seen": role_seen_on(page)})
    assert done.status_code == 303 and fresh(founder).role == "investor"
    (mail,) = _mails_to(app, founder)
    assert "“Solkraft på låven” and “En pitch til”" in _text(mail)
