"""Warm a server process before it takes its first request.

A fresh process pays, on the first request of each page, for work that is then kept for the
life of the process: compiling the page's Jinja templates (the login page 60 ms, the
recommendations 40 ms of CPU), loading the Babel catalogues and locale data, opening the
first database connection and compiling the page's SQL. Under load every worker paid it
in the first seconds, and requests queued behind it. `warm_up()` does that work up front;
gunicorn calls it in each worker before the worker accepts connections (`gunicorn.conf.py`,
`post_worker_init`). It only reads: templates from disk, and the database with ids that
match nothing.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

from flask import Flask

# Flask-Bootstrap also ships its Bootstrap 3 and 4 macros; the templates use bootstrap5/.
_UNUSED_TEMPLATE_PREFIXES = ("bootstrap/", "bootstrap4/")
_NOBODY = SimpleNamespace(id=0, is_authenticated=True)  # ids start at 1: matches no row


def templates(app: Flask) -> int:
    """Compile every template into the environment's cache; returns how many."""
    env = app.jinja_env
    names = [name for name in env.list_templates(extensions=("html", "txt"))
             if not name.startswith(_UNUSED_TEMPLATE_PREFIXES)]
    for name in names:
        env.get_template(name)
    return len(names)


def babel(app: Flask) -> None:
    """Load the catalogue and the locale data (numbers, lists) of each language."""
    from babel.lists import format_list
    from flask_babel import force_locale, format_decimal, get_locale, gettext

    from app.services import match_bars

    with app.test_request_context():
        for language in app.config["LANGUAGES"]:
            with force_locale(language):
                gettext("Recommended pitches")
                format_decimal(1_000_000, format="#,##0")
                format_list(["a", "b", "c"], locale=get_locale())
                match_bars.component_labels()


def database(app: Flask) -> None:
    """Open the pool's first connection and compile the hot pages' SQL (no rows match)."""
    from app.extensions import db
    from app.matches import cards
    from app.models import User
    from app.services import interest, notifications
    from app.services.recommendations import recommended_investors, recommended_pitches

    with app.test_request_context():
        try:
            db.session.get(User, 0)
            notifications.unread_count(_NOBODY)
            recommended_pitches(_NOBODY, columns=cards.PITCH_CARD_COLUMNS,  # noqa: B018
                                without_incoming=True).items
            recommended_investors(_NOBODY, 20, columns=cards.INVESTOR_CARD_COLUMNS)
            recommended_investors(_NOBODY, 3, columns=cards.INVESTOR_NAME_COLUMNS)
            interest.marks_of_both("investor", investor_id=0)
            interest.marks_of_both("founder", pitch_id=0)
        finally:
            db.session.rollback()
            db.session.remove()


def warm_up(app: Flask) -> dict[str, float]:
    """Templates, Babel and the database, warmed; returns the CPU milliseconds of each.

    A step that fails (say, the database is not up yet) is logged and skipped: the process
    still serves, and pays for that step on its first request as before.
    """
    spent: dict[str, float] = {}
    for name, step in (("templates", templates), ("babel", babel), ("database", database)):
        started = time.process_time()
        try:
            step(app)
        except Exception:  # noqa: BLE001 - warming is an optimisation, never a reason to stop
            app.logger.warning("Warm-up step %s failed", name, exc_info=True)
            continue
        spent[name] = round((time.process_time() - started) * 1000, 1)
    app.logger.info("Warmed up in %s ms of CPU: %s", round(sum(spent.values())), spent)
    return spent
