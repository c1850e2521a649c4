"""`flask prune`: what Koble keeps only for a while goes, what is still in use stays. An
Idempotency-Key answer holds the pitch as it was sent; on an API nobody writes to, nothing
else would ever delete it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.extensions import db
from app.models import FormUse, IdempotentRequest
from app.models.user import utcnow
from tests.factories import make_pitch


def _keys() -> set[str]:
    return set(db.session.scalars(select(IdempotentRequest.key)))


def _tokens() -> set[str]:
    return set(db.session.scalars(select(FormUse.token)))


def test_prune_deletes_expired_answers_and_old_form_tokens_only(app):
    pitch = make_pitch(title="Solceller på låven")
    owner, now = pitch.owner_id, utcnow()
    for key, age in (("day-old", timedelta(hours=24, minutes=1)),
                     ("fresh", timedelta(hours=23))):
        db.session.add(IdempotentRequest(user_id=owner, key=key, fingerprint="f" * 64,
                                         status=201, body='{"title": "Solceller på låven"}',
                                         created_at=now - age))
    for token, age in (("month-old-token-aaaa", timedelta(days=31)),
                       ("last-week-token-bbbb", timedelta(days=6))):
        db.session.add(FormUse(user_id=owner, token=token, kind="pitch", object_id=pitch.id,
                               created_at=now - age))
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["prune"])

    assert result.exit_code == 0, result.output
    assert ("Expired Idempotency-Key answers deleted: 1. Old form tokens deleted: 1."
            in result.output)
    db.session.expire_all()
    assert _keys() == {"fresh"}
    assert _tokens() == {"last-week-token-bbbb"}


def test_prune_with_nothing_to_delete_says_so_and_keeps_everything(app):
    pitch = make_pitch()
    db.session.add(FormUse(user_id=pitch.owner_id, token="todays-token-cccccc", kind="pitch",
                           object_id=pitch.id))
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["prune"])

    assert result.exit_code == 0, result.output
    assert ("Expired Idempotency-Key answers deleted: 0. Old form tokens deleted: 0."
            in result.output)
    assert _tokens() == {"todays-token-cccccc"}
