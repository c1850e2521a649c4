"""Writing the audit trail."""

from __future__ import annotations

import re

from flask import has_request_context, request

from app.extensions import db
from app.models.audit import AuditEvent

# C0 and C1 controls (NEL, \x85, ends a line too), line/paragraph separators, and the bidi
# and zero-width marks that can disguise what a line says.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def _clean(text: str | None, limit: int) -> str | None:
    # Control characters and newlines would let a user forge log lines.
    if text is None:
        return None
    return _CONTROL.sub(" ", str(text))[:limit]


def record(action: str, actor=None, target: str | None = None, detail: str | None = None,
           commit: bool = True) -> AuditEvent:
    """Append one event to the audit trail."""
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
