"""Which language the API refuses in: the token user's saved one, else Accept-Language's."""

from __future__ import annotations

from flask import current_app, g, request

from app.i18n import saved_locale
from app.services import api_tokens


def anonymous_locale() -> str:
    """The language of an answer to a request without a usable token: the first of ours its
    Accept-Language names, else the site's default. Never a cookie or ?lang=: the API
    ignores them."""
    languages = current_app.config["LANGUAGES"]
    # Werkzeug's best_match prefers an exact tag to a regional one whatever their weights:
    # "en-GB,nb;q=0.5" got bokmål. The list is ordered by weight; a tag names its language
    # by its first part, and q=0 means "not this one".
    for tag, quality in request.accept_languages:
        language = tag.replace("_", "-").split("-")[0].lower()
        if quality > 0 and language in languages:
            return language
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def caller_locale() -> str:
    """The language to refuse this request in: the token user's saved one, as every answer
    after app.api.auth.authenticate speaks. A refusal before it (a path or method the API
    does not have, answered by the app; the rate limit, checked before the blueprint's
    hooks) reads the token itself; without a usable one, anonymous_locale."""
    user = g.get("api_user")
    if user is None:
        scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            try:
                user = api_tokens.authenticate(value.strip()).user
            except api_tokens.TokenInvalid:
                user = None
    if user is None:
        return anonymous_locale()
    return saved_locale(user)
