"""Writing the audit trail."""

from __future__ import annotations

import re

from flask import has_request_context, request

from app.extensions import db
from app.models.audit import AuditEvent

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


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
