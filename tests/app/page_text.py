"""Reading a page as a person does: the words of its main part, and rows as they are now."""

from __future__ import annotations

import html
import re

from app.extensions import db
from app.models import User


def main_text(page: str) -> str:
    """The text of the page's <main>, tags dropped, white space folded, entities read."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ",
                                                    page.split("<main", 1)[1])))


def fresh(user: User) -> User:
    """The person as the database holds them now (after another request changed them)."""
    db.session.expire_all()
    return db.session.get(User, user.id)
