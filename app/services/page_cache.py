"""Rendered recommendation pages, kept until something they show changes.

A recommendation page is a few hundred stored scores, filtered, counted, joined and drawn:
~10 ms of CPU and SQL. Its inputs change far more rarely than it is read, so the HTML is kept
under a key made of everything it depends on: the user and their own page version, the
site-wide page version (both read with the user, see app.sessions.load_user, and raised by
app.services.page_versions with every change a page could show), the user's role (the side
the page's match sentences speak to: "your range" to an investor, "the support you need" to
a founder; services/explain.py), the language, the hour (a
meeting becomes "met before" when the database's date passes its day, in whatever time zone
the database keeps), the URL with its query, and the session's CSRF token (the page's forms
carry it). A changed input is a new key; old entries age out (CACHE_DEFAULT_TIMEOUT). Nothing
is kept for a page that shows flashed messages, an error status, or a user whose version
could not be read.

A page also embeds its static files' addresses, versioned by their content (`?v=`,
app.static_files). The page is kept with the version of each file it names and served only
while every one is still what this process serves: after a deploy that changed koble.css, a
page kept by the old code in a shared cache (CACHE_TYPE=RedisCache) is built anew instead of
pointing browsers at the old file's address. An entry kept in another form (an older
release's bare HTML) is built anew too.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import wraps

from flask import current_app, g, make_response, request, session
from flask_babel import get_locale
from flask_login import current_user

from app import static_files
from app.extensions import cache


def _key() -> str | None:
    site = g.get("page_version")
    if site is None or not current_user.is_authenticated:
        return None
    csrf = session.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), "")
    parts = (current_user.id, current_user.page_version, site, current_user.role,
             str(get_locale()),
             datetime.now(UTC).strftime("%Y-%m-%dT%H"), csrf, request.full_path)
    return "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def cached_page(view):
    """Serve the view's HTML from the cache while nothing it shows has changed.

    Goes inside the access checks (`role_required`), so only a user who may see the page
    reaches it, and the key holds the user.
    """

    @wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("_flashes"):  # the page will show them once; not for keeping
            return view(*args, **kwargs)
        key = _key()
        if key is not None:
            kept = cache.get(key)
            if _current(kept):
                return _answer(kept[0], "hit")
        static_files.record_versions()
        page = view(*args, **kwargs)
        static = static_files.versions_recorded()
        if not isinstance(page, str):
            return page
        key = _key()  # rendering may have given the session its CSRF token
        if key is None:
            return page
        cache.set(key, (page, static))
        return _answer(page, "miss")

    return wrapper


def _current(kept) -> bool:
    """A kept (page, static versions) whose static files are all still the versions served."""
    return (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], str)
            and static_files.versions_current(current_app, kept[1]))


def _answer(page: str, outcome: str):
    # X-Cache, as caching proxies say it: the access log shows how often pages were kept
    response = make_response(page)
    response.headers["X-Cache"] = outcome
    return response
