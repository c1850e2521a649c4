"""Language selection: Norwegian bokmål by default, English on request."""

from __future__ import annotations

import click
from flask import current_app, g, has_request_context, request, session
from flask_babel import gettext, refresh
from flask_login import current_user

# The command line's help, prompts and own messages are English; a service's translated
# refusal printed among them is English too.
CLI_LOCALE = "en"


def select_locale() -> str:
    """The session's choice, then the user's saved choice, then (on a page opened with a
    personal link) the link owner's saved choice, then bokmål (an API request: the
    token user's saved choice, then bokmål). Without a request (a `flask` command, a
    background job) there is no session or user to ask: a command speaks English, anything
    else the site's default."""
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
    return current_app.config["BABEL_DEFAULT_LOCALE"]


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
