"""A restore deletes again the accounts deleted after its backup (erasure_ledger), and its
audit trail now says so: each was audited as the person's own "account_deleted", in their
name, even when an administrator had deleted it, and the restored trail had lost the first
deletion's own event. Now it is "erased_again_after_restore", by nobody, saying whether
the person or an administrator deleted it the first time; the ledger notes only that
(never which administrator, nor anything else that names anyone)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, User
from app.services import account_access, erasure
from tests.app.page_text import main_text
from tests.app.security.principals import log_in
from tests.app.test_restore_deletes_again import _run, app_with_ledger
from tests.factories import DEFAULT_PASSWORD, make_user


def _events(person_id: int) -> list[tuple[str, int | None, str | None]]:
    return [(e.action, e.actor_id, e.detail) for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.target == f"user:{person_id}",
                                 AuditEvent.action.in_(("account_deleted", "user_deleted",
                                                        "erased_again_after_restore")))
        .order_by(AuditEvent.id))]


@pytest.fixture
def restored(tmp_path):
    """Kari deletes her account and an administrator deletes Ola's, both after the backup;
    the backup is restored. Yields (app, ledger text, Kari's id, Ola's id, the admin)."""
    ledger = tmp_path / "ledger.jsonl"
    with app_with_ledger(f"sqlite:///{tmp_path / 'koble.sqlite'}", ledger) as application:
        kari = make_user("founder", name="Kari Nordmann", email="kari@example.no")
        ola = make_user("investor", name="Ola Hansen", email="ola@example.no")
        admin = make_user("admin", name="Ada Admin", email="ada@koble.no", association=None)
        ids = (kari.id, ola.id, admin.id)
        _run(application, "db-backup", str(tmp_path / "backup.sqlite"))
        erasure.delete_account(db.session.get(User, ids[0]), DEFAULT_PASSWORD)
        account_access.delete_user(db.session.get(User, ids[1]),
                                   actor=db.session.get(User, ids[2]))
        _run(application, "db-restore", str(tmp_path / "backup.sqlite"), "--yes")
        yield application, ledger.read_text(encoding="utf-8"), *ids


def test_the_second_deletion_is_audited_as_such_with_how_it_first_went(restored):
    _app, _ledger, kari_id, ola_id, _admin_id = restored
    assert _events(kari_id) == [("erased_again_after_restore", None, "first=self")]
    assert _events(ola_id) == [("erased_again_after_restore", None, "first=admin")]


def test_the_ledger_says_who_deleted_but_names_nobody(restored):
    _app, ledger, kari_id, ola_id, admin_id = restored
    entries = [json.loads(line) for line in ledger.splitlines()]
    assert [(e["id"], e["by"]) for e in entries] == [(kari_id, "self"), (ola_id, "admin")]
    for word in ("Kari", "kari@", "Ola", "ola@", "Ada", "ada@"):
        assert word not in ledger
    assert all(set(e) == {"kind", "id", "created", "deleted", "by"} for e in entries)
    assert str(admin_id) not in {str(v) for e in entries for k, v in e.items() if k != "id"}


@pytest.mark.parametrize("lang, label, first", [
    ("en", "Account deleted again after a backup was restored",
     "First deleted by an administrator"),
    ("nb", "Kontoen slettet på nytt etter at en sikkerhetskopi ble tatt i bruk",
     "Først slettet av en administrator"),
])
def test_the_audit_log_says_it_in_words(restored, lang, label, first):
    application, _ledger, _kari, ola_id, admin_id = restored
    client = application.test_client()
    log_in(client, db.session.get(User, admin_id))
    text = main_text(client.get(
        f"/admin/audit?action=erased_again_after_restore&lang={lang}").get_data(as_text=True))
    assert label in text and first in text


def test_a_ledger_line_from_before_says_nothing_of_the_first_time(tmp_path):
    ledger = tmp_path / "ledger.jsonl"
    with app_with_ledger(f"sqlite:///{tmp_path / 'koble.sqlite'}", ledger) as application:
        person_id = make_user("founder", email="kari@example.no").id
        _run(application, "db-backup", str(tmp_path / "backup.sqlite"))
        erasure.delete_account(db.session.get(User, person_id), DEFAULT_PASSWORD)
        (entry,) = [json.loads(line) for line in ledger.read_text().splitlines()]
        del entry["by"]  # as the ledger wrote it before it noted who deleted
        ledger.write_text(json.dumps(entry) + "\n", encoding="utf-8")
        _run(application, "db-restore", str(tmp_path / "backup.sqlite"), "--yes")
        assert _events(person_id) == [("erased_again_after_restore", None, None)]
