"""Restoring a backup made before someone deleted their account or a pitch deletes it again.

`flask db-restore` put the database back as the backup had it, with every account deleted
since back in it, name, e-mail, texts and all, though the privacy page had told the person
it was gone. Each deletion is now noted outside the database (`erasure_ledger`), by kind, id
and creation time, and the restore deletes again what it finds of them."""

from __future__ import annotations

import html
import json

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, InvestorProfile, Pitch, User
from app.services import erasure, pitches
from app.services.deleted_accounts import is_deleted
from tests.app.security.test_reliability import app_on, postgres_only, scratch_database
from tests.factories import DEFAULT_PASSWORD, make_investor, make_pitch, make_user


def app_with_ledger(url: str, ledger):
    return app_on(url, ledger.parent, ERASURE_LEDGER=str(ledger))


def _run(application, *args):
    result = application.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    db.session.remove()
    return result.output


def _deleted_again_after_restore(application, tmp_path, backup_name):
    backup = tmp_path / backup_name
    leaving = make_user("founder", name="Kari Nordmann", email="kari@example.no")
    make_pitch(leaving, title="Solceller på låvetaket", summary="Kari sin solenergi")
    staying = make_user("founder", name="Ola Hansen")
    kept = make_pitch(staying, title="Batterier for båter")
    gone = make_pitch(staying, title="Sirkulær betong")
    investor = make_investor(organisation="Grønn Kapital")
    ids = {"leaving": leaving.id, "kept": kept.id, "gone": gone.id, "investor": investor.id,
           "staying": staying.id}
    _run(application, "db-backup", str(backup))

    erasure.delete_account(db.session.get(User, ids["leaving"]), DEFAULT_PASSWORD)
    pitches.delete(db.session.get(Pitch, ids["gone"]))

    output = _run(application, "db-restore", str(backup), "--yes")
    assert "Deleted again, as they were deleted after this backup was made: 1 account(s), " \
           "1 pitch(es)." in output

    person = db.session.get(User, ids["leaving"])
    assert is_deleted(person) and person.name != "Kari Nordmann"
    assert db.session.scalar(select(User).where(User.email == "kari@example.no")) is None
    titles = set(db.session.scalars(select(Pitch.title)))
    assert "Solceller på låvetaket" not in titles and "Sirkulær betong" not in titles
    assert db.session.get(Pitch, ids["gone"]) is None
    # the others are as the backup had them
    assert db.session.get(Pitch, ids["kept"]).title == "Batterier for båter"
    assert db.session.get(User, ids["staying"]).name == "Ola Hansen"
    assert db.session.get(InvestorProfile, ids["investor"]).active
    assert db.session.scalar(select(AuditEvent).where(
        AuditEvent.action == "erasures_reapplied")).detail == "accounts 1, pitches 1"
    # the person cannot log in with what the backup held
    client = application.test_client()
    response = client.post("/auth/login", data={"email": "kari@example.no",
                                                "password": DEFAULT_PASSWORD})
    assert response.status_code != 302


def test_a_restore_deletes_again_what_was_deleted_after_the_backup(tmp_path):
    with app_with_ledger(f"sqlite:///{tmp_path / 'koble.sqlite'}",
                         tmp_path / "ledger.jsonl") as application:
        _deleted_again_after_restore(application, tmp_path, "koble.backup.sqlite")


@postgres_only
def test_a_restore_deletes_again_on_postgres(tmp_path):
    with scratch_database() as url, \
            app_with_ledger(url, tmp_path / "ledger.jsonl") as application:
        _deleted_again_after_restore(application, tmp_path, "koble.dump")


def test_the_ledger_names_nobody(tmp_path):
    ledger = tmp_path / "ledger.jsonl"
    with app_with_ledger(f"sqlite:///{tmp_path / 'koble.sqlite'}", ledger):
        person = make_user("founder", name="Kari Nordmann", email="kari@example.no")
        pitch = make_pitch(person, title="Solceller på låvetaket")
        pitch_id = pitch.id
        pitches.delete(pitch)
        erasure.delete_account(person, DEFAULT_PASSWORD)
        text = ledger.read_text(encoding="utf-8")
        assert "Kari" not in text and "kari@" not in text and "Solceller" not in text
        entries = [json.loads(line) for line in text.splitlines()]
        assert [(e["kind"], e["id"]) for e in entries] == [("pitch", pitch_id),
                                                          ("user", person.id)]


def test_someone_new_under_a_deleted_persons_id_is_not_deleted(tmp_path):
    """The restored database hands out ids from where the backup left off: a person who
    registers after a restore may get the id of someone deleted before it."""
    ledger = tmp_path / "ledger.jsonl"
    with app_with_ledger(f"sqlite:///{tmp_path / 'koble.sqlite'}", ledger) as application:
        make_user("founder")
        _run(application, "db-backup", str(tmp_path / "before.sqlite"))
        brief = make_user("founder", email="brief@example.no")
        brief_id = brief.id
        erasure.delete_account(brief, DEFAULT_PASSWORD)
        _run(application, "db-restore", str(tmp_path / "before.sqlite"), "--yes")
        newcomer = make_user("founder", email="newcomer@example.no", name="Nina Ny")
        assert newcomer.id == brief_id  # the id came round again
        _run(application, "db-backup", str(tmp_path / "after.sqlite"))
        output = _run(application, "db-restore", str(tmp_path / "after.sqlite"), "--yes")
        assert "0 account(s), 0 pitch(es)" in output
        assert db.session.scalar(select(User.name).where(
            User.email == "newcomer@example.no")) == "Nina Ny"


def test_an_unreadable_line_is_reported_and_the_rest_deleted_again(tmp_path):
    ledger = tmp_path / "ledger.jsonl"
    with app_with_ledger(f"sqlite:///{tmp_path / 'koble.sqlite'}", ledger) as application:
        person_id = make_user("founder", email="kari@example.no").id
        _run(application, "db-backup", str(tmp_path / "koble.backup.sqlite"))
        erasure.delete_account(db.session.get(User, person_id), DEFAULT_PASSWORD)
        with ledger.open("a", encoding="utf-8") as file:
            file.write("{not json\n")
        result = application.test_cli_runner().invoke(
            args=["db-restore", str(tmp_path / "koble.backup.sqlite"), "--yes"])
        assert result.exit_code == 0, result.output
        assert "1 account(s)" in result.output
        assert "1 line(s) of the erasure ledger" in result.output
        db.session.remove()
        assert db.session.scalar(select(User).where(User.email == "kari@example.no")) is None


@pytest.mark.parametrize("locale, words", [
    ("nb", "Hvis en av dem noen gang tas i bruk igjen"),
    ("en", "If one of them is ever restored, what you deleted is deleted again at once"),
])
def test_the_privacy_page_says_so(app, locale, words):
    client = app.test_client()
    client.post("/language", data={"lang": locale})
    assert words in html.unescape(client.get("/privacy").get_data(as_text=True))
