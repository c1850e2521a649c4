"""The development outbox: e-mails the file mail backend wrote under MAIL_FILE_PATH."""

from __future__ import annotations

import email
from dataclasses import dataclass
from datetime import datetime
from email import policy
from pathlib import Path

from flask import current_app

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


@dataclass
class OutboxMail:
    """One stored e-mail, as shown to staff."""

    file: str
    subject: str
    to: str
    date: datetime | None  # shown in the reader's format, not the header's English one
    body: str


def enabled() -> bool:
    """The outbox exists only with the file backend (development)."""
    return current_app.config.get("MAIL_BACKEND") == "file"


def _text_of(message) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


def _date_of(message) -> datetime | None:
    header = message["date"]
    return getattr(header, "datetime", None)


def latest(limit: int = 50) -> list[OutboxMail]:
    """The newest mails first."""
    folder = Path(current_app.config.get("MAIL_FILE_PATH") or "")
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
    mails: list[OutboxMail] = []
    for path in files:
        chunks = [c for c in path.read_bytes().split(SEPARATOR) if c.strip()]
        for chunk in reversed(chunks):
            message = email.message_from_bytes(chunk, policy=policy.default)
            mails.append(OutboxMail(file=path.name, subject=str(message["subject"] or ""),
                                    to=str(message["to"] or ""), date=_date_of(message),
                                    body=_text_of(message)))
            if len(mails) >= limit:
                return mails
    return mails
