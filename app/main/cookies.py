"""The cookies Koble sets, as the privacy page lists them: name, what it is for, how long it
is kept. Names and lifetimes are read from where they are set, so the page cannot drift from
them; tests/app/test_privacy_cookies.py checks that every cookie a browser gets is here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext

from app.device_cookies import COOKIE as DEVICE_COOKIE
from app.device_cookies import MAX_AGE as DEVICE_COOKIE_AGE
from app.i18n import LANGUAGE_COOKIE, LANGUAGE_COOKIE_AGE


@dataclass(frozen=True)
class ListedCookie:
    name: str
    purpose: str
    kept: str


def _kept(age: timedelta) -> str:
    if age < timedelta(days=2):
        hours = int(age.total_seconds() // 3600)
        return ngettext("%(num)d hour at most", "%(num)d hours at most", hours)
    return ngettext("%(num)d day", "%(num)d days", age.days)


def listed() -> list[ListedCookie]:
    config = current_app.config
    return [
        ListedCookie(config["SESSION_COOKIE_NAME"],
                     _("Keeps you logged in, the choices you make while you browse, and the "
                       "check that a form you send came from this site."),
                     _kept(config["PERMANENT_SESSION_LIFETIME"])),
        ListedCookie(config.get("REMEMBER_COOKIE_NAME", "remember_token"),
                     _("Only when you tick \u201cKeep me logged in on this device\u201d: logs "
                       "you in again on this device after the session has ended."),
                     _kept(config["REMEMBER_COOKIE_DURATION"])),
        ListedCookie(DEVICE_COOKIE,
                     _("Set when you log in: lets this browser go on logging in to your "
                       "account while someone elsewhere is held back for guessing its "
                       "password."),
                     _kept(DEVICE_COOKIE_AGE)),
        ListedCookie(LANGUAGE_COOKIE,
                     _("The language you read Koble in, so that pages keep it after you are "
                       "logged out."),
                     _kept(LANGUAGE_COOKIE_AGE)),
    ]
