"""Searching the published, visible pitches."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import lazyload, load_only

from app.models import Pitch
from app.models.types import has_tag
from app.services import paging
from app.services.collation import norwegian_order
from app.services.text_search import words_match


def visible_pitches():
    """A select of the pitches others may see (`Pitch.visible_clause`: published, not
    hidden, the founder still on Koble)."""
    return select(Pitch).where(Pitch.visible_clause())


def _ordered(query, sort: str, newest=None):
    if sort == "ask_asc":
        # Pitches without an ask go last on both databases (NULL ordering differs).
        return query.order_by(Pitch.ask_nok.is_(None), Pitch.ask_nok.asc(), Pitch.id.desc())
    if sort == "ask_desc":
        return query.order_by(Pitch.ask_nok.is_(None), Pitch.ask_nok.desc(), Pitch.id.desc())
    if sort == "title":
        return query.order_by(norwegian_order(Pitch.title), Pitch.id)
    return query.order_by((Pitch.published_at if newest is None else newest).desc(),
                          Pitch.id.desc())


def search_query(text: str = "", sort: str = "newest", **filters):
    """A select of visible pitches matching the text and every given filter, in order."""
    return _ordered(filtered(visible_pitches(), text, **filters), sort)


def own_query(owner_id: int, text: str = "", sort: str = "newest", **filters):
    """A select of one founder's pitches, drafts and hidden ones too, matching the text and
    every given filter, in order: "newest" is newest made (a draft has no publishing
    date)."""
    query = select(Pitch).where(Pitch.owner_id == owner_id)
    return _ordered(filtered(query, text, **filters), sort, newest=Pitch.created_at)


def filtered(query, text: str = "", sector: str | None = None, stage: str | None = None,
             municipality: str | None = None, objective: str | None = None,
             ask_min: int | None = None, ask_max: int | None = None):
    """The select of pitches narrowed to the text and every given filter."""
    condition = words_match((Pitch.title, Pitch.summary, Pitch.description), text or "")
    if condition is not None:
        query = query.where(condition)
    if sector:
        query = query.where(has_tag(Pitch.sectors, sector))
    if objective:
        query = query.where(has_tag(Pitch.green_objectives, objective))
    if stage:
        query = query.where(Pitch.stage == stage)
    if municipality:
        query = query.where(Pitch.municipality == municipality)
    if ask_min is not None:
        query = query.where(Pitch.ask_nok >= ask_min)
    if ask_max is not None:
        query = query.where(Pitch.ask_nok <= ask_max)
    return query


# What a search result shows (templates/pitches/_summary.html): the description is searched
# but not sent back; the owner is not loaded (it loads on access).
LIST_COLUMNS = ("id", "owner_id", "title", "summary", "sectors", "stage", "ask_nok",
                "municipality", "green_objectives", "status", "hidden", "published_at",
                "version")


def search(page: int = 1, per_page: int | None = None, **filters):
    """One page of matching visible pitches (a Flask-SQLAlchemy Pagination).

    One query: the total rides along with the page (a text search scans the published
    pitches once, not twice)."""
    per_page = per_page or current_app.config.get("PITCHES_PER_PAGE", 20)
    query = search_query(**filters).options(
        load_only(*(getattr(Pitch, name) for name in LIST_COLUMNS)), lazyload(Pitch.owner))
    return paging.paginate(query, page, per_page)
