"""Idempotency keys of the API's creating requests (app/models/idempotent_request.py).

A client that sends ``Idempotency-Key`` with a POST and sends it again (a timeout, a lost
answer) gets the first answer back, and nothing is made twice. The key is reserved, and
committed, before the request does its work: a copy of it sent meanwhile finds the
reservation and is told to wait, so two copies racing cannot both create. The answer is
stored when the work is done; if the work fails nothing was made, and the key is freed so
the corrected request can use it.

If the process dies between the work's commit and storing its answer, the key stays
reserved until it expires: copies get "still being processed" rather than a second pitch.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import IdempotentRequest
from app.models.user import utcnow
from app.services.errors import Conflict, DomainError

KEEP = timedelta(hours=24)
MAX_LENGTH = 255
# visible ASCII: what any HTTP client can send unchanged (a UUID, or the draft standard's
# quoted string, "…", quotes and all)
_KEY = re.compile(rf"[\x21-\x7e]{{1,{MAX_LENGTH}}}")


@dataclass(frozen=True)
class Answer:
    """The stored answer to replay."""

    status: int
    body: str
    location: str | None


def check_key(key: str) -> str:
    """The key as sent, or DomainError saying what a key may be."""
    if not _KEY.fullmatch(key):
        raise DomainError(_("An Idempotency-Key is 1 to %(max)d visible ASCII characters, "
                            "such as a UUID.", max=MAX_LENGTH), "Idempotency-Key")
    return key


def fingerprint(method: str, path: str, body: bytes) -> str:
    """What makes two requests the same: method, path and the body as JSON (the same
    fields in another order, or other spacing, are the same body)."""
    try:
        text = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False)
    except (ValueError, RecursionError):  # refused later, as without a key
        text = body.decode("utf-8", "replace")
    # surrogatepass: half a surrogate pair ("\ud800") is read as JSON but is no text; the
    # body parser refuses it (400) once the key is checked, and here it must not fail first
    return hashlib.sha256(f"{method}\n{path}\n{text}".encode("utf-8", "surrogatepass")
                          ).hexdigest()


def _live(user_id: int, key: str) -> IdempotentRequest | None:
    row = db.session.get(IdempotentRequest, (user_id, key), populate_existing=True)
    if row is not None and row.created_utc <= utcnow() - KEEP:
        db.session.delete(row)  # expired: the key is new again
        db.session.flush()
        return None
    return row


def _answer(row: IdempotentRequest, request_fingerprint: str) -> Answer:
    if row.fingerprint != request_fingerprint:
        raise DomainError(_("This Idempotency-Key was already used with a different request. "
                            "Nothing was done: send a new key for a new request."),
                          "Idempotency-Key")
    if row.status is None:
        raise _busy()
    return Answer(row.status, row.body or "", row.location)


def _busy() -> Conflict:
    return Conflict(_("A request with this Idempotency-Key is still being processed. Try "
                      "again in a moment; if this goes on, check whether it was done before "
                      "sending it with a new key."))


def begin(user, key: str, request_fingerprint: str) -> Answer | None:
    """The earlier answer for this user's key, or None after reserving the key for this
    request. DomainError if the key came with another request; Conflict while the request
    that reserved it is still at work."""
    row = _live(user.id, key)
    if row is not None:
        return _answer(row, request_fingerprint)
    # Keys live a day: drop the expired ones now, an indexed range of rows each deleted once.
    _delete_expired()
    db.session.add(IdempotentRequest(user_id=user.id, key=key,
                                     fingerprint=request_fingerprint))
    try:
        db.session.commit()
    except IntegrityError:  # a copy of this request reserved it first
        db.session.rollback()
        row = _live(user.id, key)
        if row is None:
            # That copy was refused and freed the key between our insert and this read;
            # sent again, this one (the same request) gets the same refusal.
            raise _busy() from None
        return _answer(row, request_fingerprint)
    return None


def _delete_expired() -> int:
    return db.session.execute(delete(IdempotentRequest)
                              .where(IdempotentRequest.created_at <= utcnow() - KEEP)).rowcount


def prune() -> int:
    """Delete the expired keys and their answers (which hold the pitch as it was sent); how
    many. Storing a new key does it too, but an API nobody writes to would keep them."""
    deleted = _delete_expired()
    db.session.commit()
    return deleted


def finish(user, key: str, status: int, body: str, location: str | None,
           pitch_id: int | None = None) -> None:
    """Store the answer of the request that reserved the key, and the pitch it holds."""
    row = db.session.get(IdempotentRequest, (user.id, key))
    if row is not None:
        row.status, row.body, row.location, row.pitch_id = status, body, location, pitch_id
        try:
            db.session.commit()
        except IntegrityError:
            # The pitch was deleted for good before its answer was stored: as if it had
            # been stored and deleted with the pitch, the key is new again.
            release(user, key)


def release(user, key: str) -> None:
    """Free the key of a request that made nothing (refused or failed)."""
    db.session.rollback()
    db.session.execute(delete(IdempotentRequest).where(IdempotentRequest.user_id == user.id,
                                                       IdempotentRequest.key == key))
    db.session.commit()
