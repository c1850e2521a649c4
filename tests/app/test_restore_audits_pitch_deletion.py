"""A restore deletes again the pitches deleted after its backup (erasure_ledger), and its
audit trail now says so for each, as it says so for each account deleted again
("erased_again_after_restore"): a pitch deleted again left no event of its own, only the
restore's count ("erasures_reapplied"), so an admin looking up a pitch the backup held
found nothing that said why it is gone."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Pitch, User
from app.services import pitches
from tests.app.page_text import main_text
from tests.app.security.principals import log_in
from tests.app.test_restore_deletes_again import _run, app_with_ledger
from tests.factories import make_pitch, make_user


@pytest.fixture
def restored(tmp_path):
    """Ola deletes one of his two pitches after the backup; the backup is restored.
    Yields (app, the deleted pitch's id, the kept one's id, an admin's id)."""
    ledger = tmp_path / "ledger.jsonl"
    with app_with_ledger(f"sqlite:///{tmp_path / 'koble.sqlite'}", ledger) as application:
        ola = make_user("founder", name="Ola Hansen")
        gone = make_pitch(ola, title="Sirkulær betong")
        kept = make_pitch(ola, title="Batterier for båter")
        admin = make_user("admin", name="Ada Admin", email="ada@koble.no", association=None)
        ids = (gone.id, kept.id, admin.id)
        _run(application, "db-backup", str(tmp_path / "backup.sqlite"))
        pitches.delete(db.session.get(Pitch, ids[0]))
        _run(application, "db-restore", str(tmp_path / "backup.sqlite"), "--yes")
        yield application, *ids


def test_each_pitch_deleted_again_is_audited_by_nobody(restored):
    _app, gone_id, kept_id, _admin = restored
    events = [(e.action, e.actor_id, e.target) for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.target.like("pitch:%")).order_by(AuditEvent.id))]
    assert events == [("pitch_deleted_again_after_restore", None, f"pitch:{gone_id}")]
    assert db.session.get(Pitch, gone_id) is None and db.session.get(Pitch, kept_id)


@pytest.mark.parametrize("lang, label", [
    ("en", "Pitch deleted again after a backup was restored"),
    ("nb", "Pitchen slettet på nytt etter at en sikkerhetskopi ble tatt i bruk"),
])
def test_the_audit_log_says_it_in_words(restored, lang, label):
    application, gone_id, _kept, admin_id = restored
    client = application.test_client()
    log_in(client, db.session.get(User, admin_id))
    text = main_text(client.get(
        f"/admin/audit?action=pitch_deleted_again_after_restore&lang={lang}"
    ).get_data(as_text=True))
    assert label in text and f"#{gone_id}" in text
