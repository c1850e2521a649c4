"""Deleted texts leave the saved index versions within the hour.

Deleting an account or a pitch stamps the settings row (`note_texts_deleted()`); the hourly
`flask prune` then rebuilds unless the newest version was built after the deletion and
deletes every saved version built before it (`erase_deleted_texts()`), so no saved copy
keeps the deleted texts longer than an hour.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update

from app.extensions import db
from app.models import EngineIndex, EngineSettings
from app.models.user import utcnow
from app.services.engine_index import as_aware

# A rebuild begun this soon after a deletion's stamp may have read the texts before the
# deletion was committed: it counts as begun before it.
DELETION_MARGIN = timedelta(minutes=1)


def note_texts_deleted() -> None:
    """Texts were deleted (an account's, a pitch): stamp the settings row, in the caller's
    transaction, so the hourly `flask prune` takes them out of the saved index versions
    (`erase_deleted_texts`)."""
    from app.services.engine_settings import settings

    settings().texts_deleted_at = utcnow()


def erase_deleted_texts() -> dict | None:
    """Take deleted texts out of the saved index versions (the hourly `flask prune`).

    Only after a deletion (`note_texts_deleted`'s stamp; else one primary-key read and
    None): unless the newest version was begun after the deletion, rebuild (readers keep the
    last index meanwhile; other processes load the new version at their next use of the
    engine, dropping the old one), then delete every version begun before it and clear the
    stamp. While a rebuild from the admin page runs, wait for the next run (`busy`)."""
    from app.services import rebuild_jobs

    row = db.session.get(EngineSettings, 1)
    stamp = row.texts_deleted_at if row is not None else None
    if stamp is None:
        return None
    if rebuild_jobs.running(row):
        return {"busy": True, "rebuilt": None, "deleted": 0}
    cutoff = as_aware(stamp) + DELETION_MARGIN
    versions = db.session.execute(select(EngineIndex.id, EngineIndex.created_at)
                                  .order_by(EngineIndex.version.desc())).all()
    before = [v.id for v in versions if as_aware(v.created_at) <= cutoff]
    rebuilt = None
    if versions and versions[0].id in before:
        # begun now, after the stamp was committed: it reads the texts as deleted
        rebuild_jobs._set_status("running", None)
        rebuilt = rebuild_jobs.rebuild_reported()
    if before:  # the rebuild may have deleted some of them already (KEEP_INDEXES)
        db.session.execute(delete(EngineIndex).where(EngineIndex.id.in_(before)))
    # a deletion stamped meanwhile keeps its stamp for the next run
    db.session.execute(update(EngineSettings).where(EngineSettings.id == 1,
                                                    EngineSettings.texts_deleted_at == stamp)
                       .values(texts_deleted_at=None))
    db.session.commit()
    return {"busy": False, "rebuilt": rebuilt, "deleted": len(before)}
