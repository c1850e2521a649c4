"""Outgoing e-mail through Flask-Mailman (SMTP in production, a folder in development)."""

from __future__ import annotations

import smtplib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flask import current_app, render_template
from flask_babel import LazyString, force_locale
from flask_mailman import EmailMultiAlternatives
from jinja2 import TemplateNotFound

from app.services.deleted_accounts import shown


@dataclass(frozen=True)
class Attachment:
    """A file sent with an e-mail; `build` makes its content when the mail is rendered, in
    the recipient's language (a calendar file's texts)."""

    filename: str
    build: Callable[[], str | bytes]
    mimetype: str


def send_mail(to: str, subject: str, template: str, locale: str | None = None,
              attachments: Sequence[Attachment] = (), **context) -> None:
    """Render templates/<template>.txt (and .html if present) and send it, with the
    attachments built in the recipient's language."""
    with force_locale(locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        body = render_template(f"{template}.txt", **context)
        message = EmailMultiAlternatives(subject=str(subject), body=body, to=[to])
        try:
            html = render_template(f"{template}.html", **context)
        except TemplateNotFound as missing:
            if missing.name != f"{template}.html":  # an HTML part that includes a missing file
                raise
            html = None  # the HTML part is optional
        if html:
            message.attach_alternative(html, "text/html")
        for attachment in attachments:
            message.attach(attachment.filename, attachment.build(), attachment.mimetype)
    message.send()


def deliver(to: str, subject: str, template: str, locale: str | None = None,
            attachments: Sequence[Attachment] = (), **context) -> bool:
    """send_mail where the change it tells of is already saved: a mail server that is down
    or refuses the address must not turn that change into an error page (and stop the mails
    after it). The failure is logged; returns whether the mail went out."""
    try:
        send_mail(to, subject, template, locale=locale, attachments=attachments, **context)
    except (smtplib.SMTPException, OSError):  # refused, unreachable, timed out; a template
        current_app.logger.exception("E-mail %s could not be sent", template)  # bug still raises
        return False
    return True


def shown_to_recipient(value) -> LazyString:
    """A name or title for a lazy subject line: a deleted account's placeholder
    (`deleted_accounts.shown`) is translated when the subject is, under the recipient's locale."""
    return LazyString(shown, value)
