"""Writing the audit trail."""

from __future__ import annotations

import re
from datetime import timedelta

from flask import has_request_context, request
from sqlalchemy import delete

from app.extensions import db
from app.models.audit import AuditEvent
from app.models.user import utcnow

# How long the trail is kept: the privacy page promises one year (templates/main/privacy.html).
KEEP = timedelta(days=365)

# C0 and C1 controls (NEL, \x85, ends a line too), line/paragraph separators, and the bidi
# and zero-width marks that can disguise what a line says. Not app/typed_text.py's rule, on
# purpose: that one cleans what people type and keeps bidi marks, C1 and zero-width
# characters (right-to-left names need them); this one keeps a trail line from being forged
# or disguised, whatever wrote it, and puts a space where each was so words stay apart.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


# Events whose detail is what someone typed as their e-mail. People do type their password
# there by mistake; anything not shaped like an address is not kept.
_TYPED_IDENTIFIER_ACTIONS = {"login_failed"}
_EMAIL_SHAPE = re.compile(r"[^@\s]{1,64}@[^@\s]{1,253}\.[^@\s]{1,63}")


def _typed_identifier(text: str | None) -> str | None:
    if text is None or _EMAIL_SHAPE.fullmatch(text.strip()):
        return text
    return "(not an e-mail address)"


def _clean(text: str | None, limit: int) -> str | None:
    # Control characters and newlines would let a user forge log lines.
    if text is None:
        return None
    return _CONTROL.sub(" ", str(text))[:limit]


def record(action: str, actor=None, target: str | None = None, detail: str | None = None,
           commit: bool = True) -> AuditEvent:
    """Append one event to the audit trail."""
    if action in _TYPED_IDENTIFIER_ACTIONS:
        detail = _typed_identifier(detail)
    event = AuditEvent(
        action=_clean(action, 60),
        actor_id=getattr(actor, "id", None),
        target=_clean(target, 120),
        detail=_clean(detail, 2000),
        ip=_clean(request.remote_addr, 64) if has_request_context() else None,
    )
    db.session.add(event)
    if commit:
        db.session.commit()
    return event


def prune() -> int:
    """Delete the events older than KEEP, as the privacy page promises; how many. The
    hourly `flask prune` runs it."""
    deleted = db.session.execute(delete(AuditEvent).where(AuditEvent.at < utcnow() - KEEP)
                                 ).rowcount
    db.session.commit()
    return deleted
