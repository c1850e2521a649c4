"""What people deleted, noted outside the database, so that restoring a backup cannot bring
it back.

A backup holds everything as it was when it was made. Restoring one made before someone
deleted their account (or a pitch) would bring the person back, with their name, e-mail and
texts, though they were told it was gone. So each deletion appends a line to a file outside
the database (`ERASURE_LEDGER`, a JSON line per deletion: what kind, its id and when the row
was created, and for an account whether the person or an administrator deleted it; nothing
that says who), and `flask db-restore` deletes again whatever the restored database still
holds of it. The restored database lost the deletion's own audit event, so the account's
second deletion is audited as what it is ("erased_again_after_restore"), with how it went
the first time, not as the person's own deletion.

The row's creation time is part of the key: the restored database hands out ids from where
the backup left off, so an id noted here may later belong to someone new, who must not be
deleted by the next restore.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from app.extensions import db
from app.models import Pitch, User
from app.models.user import utcnow
from app.services.deleted_accounts import is_deleted

USER = "user"
PITCH = "pitch"
# Who deleted an account the first time (the ledger's "by"): never which administrator.
BY_SELF = "self"
BY_ADMIN = "admin"


@dataclass
class Reapplied:
    """What a restore deleted again."""

    accounts: int = 0
    pitches: int = 0
    unreadable: int = 0  # lines of the ledger that could not be read (skipped)


def _path() -> Path | None:
    path = current_app.config.get("ERASURE_LEDGER")
    return Path(path) if path else None


def _stamp(moment: datetime | None) -> str:
    """The creation time as both databases give it back: SQLite drops the time zone."""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds")


def note(kind: str, row_id: int, created_at: datetime | None, by: str | None = None) -> None:
    """After the deletion is committed: add it to the ledger (`by`: BY_SELF or BY_ADMIN, for
    an account). If the file cannot be written the deletion still stands; the error is
    logged, as only a later restore would miss it."""
    path = _path()
    if path is None:
        return
    entry = {"kind": kind, "id": row_id, "created": _stamp(created_at),
             "deleted": _stamp(utcnow())}
    if by is not None:
        entry["by"] = by
    line = json.dumps(entry)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as ledger:
            ledger.write(line + "\n")
            ledger.flush()
            os.fsync(ledger.fileno())
    except OSError:
        current_app.logger.exception(
            "The deletion of %s %s could not be noted in %s: a restore of an older backup "
            "would bring it back.", kind, row_id, path)


def _entries() -> tuple[list[dict], int]:
    path = _path()
    if path is None or not path.exists():
        return [], 0
    entries, unreadable = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            if entry["kind"] in (USER, PITCH) and isinstance(entry["id"], int):
                entries.append(entry)
                continue
        except (ValueError, KeyError, TypeError):
            pass
        unreadable += 1
    return entries, unreadable


def reapply() -> Reapplied:
    """After a restore: delete again every account and pitch the ledger names that the
    database holds as it was before the deletion. The people around them were told the
    first time, so nobody is mailed now. An account's line written before the ledger noted
    "by" is deleted again all the same, its audit event saying nothing of the first time."""
    from app.services import erasure, pitches  # they note here: imported late

    entries, unreadable = _entries()
    done = Reapplied(unreadable=unreadable)
    for entry in entries:
        if entry["kind"] == USER:
            user = db.session.get(User, entry["id"])
            if (user is not None and _stamp(user.created_at) == entry["created"]
                    and not is_deleted(user)):
                by = entry.get("by")
                erasure.anonymise(user, again=True,
                                  first_by=by if by in (BY_SELF, BY_ADMIN) else None)
                done.accounts += 1
        else:
            pitch = db.session.scalar(select(Pitch).where(Pitch.id == entry["id"]))
            if pitch is not None and _stamp(pitch.created_at) == entry["created"]:
                pitches.delete(pitch, again=True)
                done.pitches += 1
    return done
