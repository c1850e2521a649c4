"""Every e-mail Koble sends ends the same way: the tagline, from one partial
(templates/email/_signoff.txt), as its last line before the notification-settings footer.
The interest and mutual-match mails ended with the tagline while the meeting-request mail
and the account mails said just "Koble"."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from flask import current_app

from app.services.mailer import send_mail
from tests.factories import outbox_of

SIGN_OFF = {"en": "Koble – matchmaking for founders, green ideas and capital",
            "nb": "Koble – matchmaking for gründere, grønne ideer og kapital"}
MAIL_DIR = Path(__file__).resolve().parents[2] / "templates" / "email"
KINDS = sorted(p.stem for p in MAIL_DIR.glob("*.txt") if not p.name.startswith("_"))


class Anything:
    """A stand-in for whatever a mail's template reads (a user, an arena, a request …):
    every attribute, call and item is another stand-in but those given, and it reads as a
    word."""

    def __init__(self, **given):
        self.__dict__.update(given)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Anything()

    def __call__(self, *args, **kwargs):
        return Anything()

    def __getitem__(self, key):
        return Anything()

    def __iter__(self):
        return iter(())

    def __str__(self):
        return "word"


def _context(kind: str) -> dict:
    names = set()
    for path in MAIL_DIR.glob(f"{kind}.*"):
        names |= set(re.findall(r"\b([a-z_]+)\b", path.read_text(encoding="utf-8")))
    context = {name: Anything() for name in names
               if name not in {"_", "ngettext", "if", "else", "endif", "set", "include",
                               "settings_link", "true", "false", "none", "not", "and", "or",
                               "is", "in", "for", "endfor", "always_sent", "to", "subject",
                               "template", "locale", "attachments"}}
    now = datetime.now(UTC)
    context["at"] = now
    context["arenas"] = context["tokens"] = 2  # the counts a mail's ngettext reads
    context["arena"] = Anything(date=now.date(), start_time=time(9), end_time=time(12),
                                rsvp_deadline_utc=now)
    context["settings_link"] = ""  # the footer left out: the sign-off is then the last line
    return context


def _last_line(text: str) -> str:
    return [line.strip() for line in text.splitlines() if line.strip()][-1]


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_mail_ends_with_the_same_sign_off(app, kind, lang):
    send_mail("someone@example.no", "Subject", f"email/{kind}", locale=lang, **_context(kind))
    (mail,) = outbox_of(current_app)
    assert _last_line(mail.body) == SIGN_OFF[lang]
    for html, _mime in mail.alternatives:
        assert _last_line(re.sub(r"<[^>]+>", "", html)) == SIGN_OFF[lang]


def test_every_mail_kind_signs_off_through_the_one_partial():
    assert KINDS and "meeting_request" in KINDS and "interest_received" in KINDS
    for path in MAIL_DIR.iterdir():
        if not path.name.startswith("_"):
            assert path.read_text(encoding="utf-8").count('"email/_signoff.txt"') == 1, path
