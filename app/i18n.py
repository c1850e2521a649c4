"""Language selection: Norwegian bokmål by default, English on request."""

from __future__ import annotations

from flask import current_app, request, session
from flask_babel import gettext
from flask_login import current_user


def select_locale() -> str:
    """The session's choice, then the user's saved choice, then bokmål."""
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    if getattr(current_user, "is_authenticated", False) and current_user.locale in languages:
        return current_user.locale
    if request and request.args.get("lang") in languages:
        return request.args["lang"]
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def login_message(_message: str) -> str:
    """Translated 'please log in' for Flask-Login's redirect."""
    return gettext("Please log in to see this page.")
