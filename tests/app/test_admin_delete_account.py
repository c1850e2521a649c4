"""An administrator deletes someone's account on their request (the right to erasure): a staff
member who leaves, an admin, or a founder or investor who asks by mail. Staff could not be
deleted at all before (their own deletion says "Staff accounts are closed by an
administrator.", and the admin could only deactivate, which keeps their name and e-mail).

The person page links to a question that says what deleting removes and ends, changing
nothing; its button deletes with the same erasure as the person's own (noted in the erasure
ledger, so a restored backup deletes it again), audited as the admin's doing. Nobody deletes
their own account this way, and the last active admin stays. The arenas of a staff member's
association stay with it (hosting is the association's, not the person's): the question
names those not yet held and says who keeps managing them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Pitch
from app.services import account_access, api_tokens, arenas
from app.services.deleted_accounts import is_deleted
from app.services.errors import DomainError
from tests.app.admin_questions import confirm
from tests.app.page_text import fresh, main_text
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.app.test_cli_messages import refused, run
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_arena_over,
    make_meeting,
    make_participant,
    make_pitch,
    make_user,
)


@pytest.fixture
def app_overrides(tmp_path) -> dict:
    return {"ERASURE_LEDGER": str(tmp_path / "erasure-ledger.jsonl")}


@pytest.fixture
def admin_client(app):
    admin = make_user("admin", "sjef@koble.no", name="Ada Admin", association=None, locale="en")
    client = app.test_client()
    log_in(client, admin)
    return admin, client


def _flash(client, response) -> str:
    return main_text(client.get(response.location).get_data(as_text=True))


def _ledger(app) -> list[dict]:
    with open(app.config["ERASURE_LEDGER"], encoding="utf-8") as ledger:
        return [json.loads(line) for line in ledger]


def test_the_person_page_links_to_the_question(admin_client):
    _admin, client = admin_client
    staff = make_user("staff", name="Siri Stab")
    page = client.get(f"/admin/users/{staff.id}").get_data(as_text=True)
    assert f'href="/admin/users/{staff.id}/delete"' in page
    assert f'action="/admin/users/{staff.id}/delete"' not in page  # a question first
    own = client.get(f"/admin/users/{_admin.id}").get_data(as_text=True)
    assert f'/admin/users/{_admin.id}/delete"' not in own


def test_the_question_says_what_goes_and_changes_nothing(admin_client):
    _admin, client = admin_client
    arena = make_arena(status="scheduled", schedule_sequence=1)
    here = make_participant(arena, "founder")
    founder = here.user
    founder.name = "Åse Berg"
    make_meeting(arena, here, make_participant(arena, "investor"), slot=0)
    api_tokens.create(founder, "crm", "read", 30)
    db.session.commit()
    before = checksum()
    response = client.get(f"/admin/users/{founder.id}/delete")
    assert response.status_code == 200
    text = main_text(response.get_data(as_text=True))
    assert "Delete Åse Berg's account?" in text
    assert f"e-mail address ({founder.email})" in text
    assert "This cannot be undone" in text
    assert "restoring an older backup deletes the account again" in text
    assert ("1 invitation to an arena not yet held ends; a seat they had there goes to the "
            "next on the waiting list.") in text
    assert ("1 meeting in a published schedule is called off; the other participant is "
            "told.") in text
    assert "1 API token is revoked." in text
    assert "no longer manages" not in text  # no arenas of their own to leave
    assert f'action="/admin/users/{founder.id}/delete"' in response.get_data(as_text=True)
    assert checksum() == before
    assert not is_deleted(fresh(founder))


def test_a_staff_members_question_names_the_arenas_their_association_keeps(admin_client):
    _admin, client = admin_client
    staff = make_user("staff", name="Siri Stab", association="asker")
    shared = make_arena(("asker", "drammen"), title="Havvind-arenaen")
    alone = make_arena(("asker",), title="Gründerkveld")
    make_arena_over(title="Arena i fjor")  # held: history, not named
    make_arena(("asker",), title="Avlyst arena", status="cancelled")
    make_arena(("baerum",), title="Bærums arena")
    make_user("staff", name="Dag Drammen", association="drammen")
    make_user("staff", name="Gammel Asker", association="asker", active=False)
    text = main_text(client.get(f"/admin/users/{staff.id}/delete").get_data(as_text=True))
    assert "Arenas Siri Stab no longer manages" in text
    assert "Asker Næringsforening hosts these arenas, not yet held." in text
    assert "Havvind-arenaen" in text and "Gründerkveld" in text
    assert "Arena i fjor" not in text and "Avlyst arena" not in text
    assert "Bærums arena" not in text
    assert "1 other staff member manages it." in text  # Drammen's, of the shared arena
    assert ("no other staff member manages it: only administrators, until its association "
            "has active staff again.") in text
    assert text.index("Gründerkveld") < text.index("no other staff member")
    assert "Invite a staff member" in text
    del shared, alone


def test_deleting_a_staff_member_erases_them_and_the_arena_stays_with_the_association(
        app, admin_client):
    admin, client = admin_client
    staff = make_user("staff", "siri@asker.no", name="Siri Stab", association="asker",
                      phone="+47 900 00 000")
    colleague = make_user("staff", name="Kari Kollega", association="asker")
    arena = make_arena(("asker",), title="Gründerkveld")
    api_tokens.create(staff, "skript", "read", 30)
    db.session.commit()
    response = confirm(client, staff.id, "delete")
    assert response.status_code == 303 and response.location.endswith("/admin/users")
    assert ("Siri Stab's account is deleted: their name, e-mail address and texts are "
            "removed, and they are logged out everywhere.") in _flash(client, response)
    gone = fresh(staff)
    assert is_deleted(gone) and not gone.active
    assert gone.name != "Siri Stab" and "siri" not in gone.email and gone.phone is None
    assert not api_tokens.live_tokens(gone)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user_deleted"))
    assert event.actor_id == admin.id and event.target == f"user:{staff.id}"
    assert [(e["kind"], e["id"]) for e in _ledger(app)] == [("user", staff.id)]
    # the arena is Asker's: its other staff still run it
    assert arenas.can_manage(fresh(colleague), db.session.get(type(arena), arena.id))
    assert client.get(f"/admin/users/{staff.id}").status_code == 404
    login = app.test_client().post("/auth/login", data={"email": "siri@asker.no",
                                                        "password": DEFAULT_PASSWORD})
    assert "/auth/login" in (login.location or "/auth/login")


def test_an_admin_deletes_a_founder_who_asked_by_mail(admin_client):
    _admin, client = admin_client
    founder = make_user("founder", name="Åse Berg")
    pitch = make_pitch(founder, title="Solcelletak")
    response = confirm(client, founder.id, "delete")
    assert response.status_code == 303
    assert is_deleted(fresh(founder))
    assert db.session.get(Pitch, pitch.id).title != "Solcelletak"


def test_an_admin_deletes_another_admin(admin_client):
    _admin, client = admin_client
    other = make_user("admin", name="Bo Admin", association=None)
    assert confirm(client, other.id, "delete").status_code == 303
    assert is_deleted(fresh(other))


def test_nobody_deletes_their_own_account_here(admin_client):
    admin, client = admin_client
    make_user("admin", name="Bo Admin", association=None)  # not the last admin either
    before = checksum()
    for send in (client.get, client.post):
        response = send(f"/admin/users/{admin.id}/delete")
        assert response.status_code == 303
        assert response.location.endswith(f"/admin/users/{admin.id}")
        assert ("You cannot delete your own account here. Ask another administrator."
                in _flash(client, response))
    assert not is_deleted(fresh(admin))
    assert checksum().digests["user"] == before.digests["user"]


def test_the_last_active_admin_stays(app):
    last = make_user("admin", "eneste@koble.no", association=None)
    make_user("admin", "borte@koble.no", association=None, active=False)
    with pytest.raises(DomainError, match="last active administrator"):
        account_access.delete_user(last)
    with pytest.raises(DomainError, match="last active administrator"):
        account_access.deletion_ahead(last)
    assert not is_deleted(fresh(last))
    result = run(app, "users", "delete", "eneste@koble.no", "--yes")
    assert refused(result, "This is the last active administrator."), result.output
    assert not is_deleted(fresh(last))


def test_the_command_line_says_what_it_ends_asks_and_deletes(app):
    staff = make_user("staff", "siri@asker.no", name="Siri Stab", association="asker")
    make_arena(("asker",), title="Gründerkveld")
    result = app.test_cli_runner().invoke(args=["users", "delete", "siri@asker.no"],
                                          input="n\n")
    assert result.exit_code == 1 and "Aborted" in result.output
    assert "Gründerkveld" in result.output and "only administrators" in result.output
    db.session.remove()
    assert not is_deleted(fresh(staff))
    result = run(app, "users", "delete", "siri@asker.no", "--yes")
    assert result.exit_code == 0, result.output
    assert "siri@asker.no's account is deleted" in result.output
    assert is_deleted(fresh(staff))
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user_deleted"))
    assert event.actor_id is None  # the command line


def test_the_question_and_the_log_in_bokmal(app):
    staff = make_user("staff", name="Siri Stab", association="asker")
    make_arena(("asker",), title="Gründerkveld")
    client = app.test_client()
    admin = make_user("admin", association=None, locale="nb")
    log_in(client, admin)
    text = main_text(client.get(f"/admin/users/{staff.id}/delete").get_data(as_text=True))
    assert "Slette kontoen til Siri Stab?" in text
    assert "Arenaer Siri Stab ikke lenger administrerer" in text
    assert "Behold kontoen" in text
    response = confirm(client, staff.id, "delete")
    assert "Kontoen til Siri Stab er slettet" in _flash(client, response)
    log = main_text(client.get("/admin/audit?action=user_deleted").get_data(as_text=True))
    assert "Slettet av en administrator" in log
