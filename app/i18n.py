"""Language selection: Norwegian bokmål by default, English on request."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import current_app, g, has_request_context, request, session
from flask_babel import gettext, refresh
from flask_login import current_user

# The command line's help, prompts and own messages are English; a service's translated
# refusal printed among them is English too.
CLI_LOCALE = "en"


def select_locale() -> str:
    """The session's choice, then the user's saved choice, then (on a page opened with a
    personal link) the link owner's saved choice, then the browser's language cookie
    (`remember_language`), then bokmål (an API request: the token user's saved choice,
    then bokmål). Without a request (a `flask` command, a background job) there is no
    session or user to ask: a command speaks English, anything else the site's default."""
    if not has_request_context():
        if click.get_current_context(silent=True) is not None:
            return CLI_LOCALE
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    languages = current_app.config["LANGUAGES"]
    api_user = g.get("api_user")
    if api_user is not None:  # an API request: the token's user, never a cookie or ?lang=
        return saved_locale(api_user)
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    if getattr(current_user, "is_authenticated", False) and current_user.locale in languages:
        return current_user.locale
    if g.get("link_owner_locale") in languages:
        return g.link_owner_locale
    if request.args.get("lang") in languages:
        return request.args["lang"]
    if request.cookies.get(LANGUAGE_COOKIE) in languages:
        return request.cookies[LANGUAGE_COOKIE]
    return current_app.config["BABEL_DEFAULT_LOCALE"]


# The language a browser reads in outlives its session. The session cookie ends after 12
# hours at most, so a form sent from a tab left open overnight arrives with no session: no
# choice, no user, and its "You are logged out" page (app/errors.py), the login page and
# every page after it came in bokmål to someone who had read everything in English.
LANGUAGE_COOKIE = "koble_lang"
LANGUAGE_COOKIE_AGE = timedelta(days=365)


def remember_language(response):
    """Keep the language of this browser's session (its choice, else the logged-in user's
    saved one) in a cookie of its own, written only when it changes; `select_locale` reads
    it when there is neither. Not for a static file (cached for anyone, no cookies), the
    API (tokens, not browsers) or an error on our side (the database may be what failed,
    and the rollback left the user's row to be read again)."""
    from app.static_files import is_static_request

    if (response.status_code >= 500 or is_static_request() or request.path == "/api"
            or request.path.startswith("/api/")):
        return response
    languages = current_app.config["LANGUAGES"]
    lang = session.get("lang")
    if lang not in languages and getattr(current_user, "is_authenticated", False):
        lang = current_user.locale
    if lang in languages and request.cookies.get(LANGUAGE_COOKIE) != lang:
        response.set_cookie(LANGUAGE_COOKIE, lang,
                            max_age=int(LANGUAGE_COOKIE_AGE.total_seconds()), httponly=True,
                            samesite="Lax",
                            secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return response


def saved_locale(user) -> str:
    """The user's saved language, else the site's default."""
    if user.locale in current_app.config["LANGUAGES"]:
        return user.locale
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def speak_as_link_owner(user) -> None:
    """Answer this request in the saved language of the person a personal link (an e-mailed
    RSVP link) was made for: they read the e-mail in it and open the link logged out."""
    g.link_owner_locale = getattr(user, "locale", None)
    refresh()  # the locale may already have been chosen (and kept) for this request


def login_message(_message: str) -> str:
    """Translated 'please log in' for Flask-Login's redirect."""
    return gettext("Please log in to see this page.")
