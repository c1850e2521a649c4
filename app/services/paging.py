"""Pages of a select with their total from one query: count(*) OVER () rides along.

`db.paginate(..., count=True)` runs the select for the page and then the same select again
inside a count; when the select scans (a text search) or joins, that is the query's cost
twice. Here the total comes back with the page's rows; only an empty page (past the end)
asks for the count separately. Works on PostgreSQL and SQLite (window functions).

`narrow=True` (the member list and the admin's people list): the count and the order run
over the entity's id alone, in a subquery that picks the page's ids, and only those rows are
read whole, still one statement. Counting over the whole select materialises every
matching row, all its columns and an eager join, before the sort: on 8,500 accounts that
spilled to disk and was most of the page's SQL (benchmarks/README.md, Load).
"""

from __future__ import annotations

from functools import lru_cache

from flask_sqlalchemy.pagination import SelectPagination
from sqlalchemy import func
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select as sa_select

from app.extensions import db

# The last page number a list answers (the API's limit too). A page number from a URL is
# multiplied into the query's OFFSET: past this it would overflow the database's integer
# (page=10**20: "bigint out of range" on PostgreSQL, OverflowError on SQLite) and answer 500.
MAX_PAGE = 10_000


def page_number(page: int | None) -> int:
    """A requested page number as a list can answer it: 1 … MAX_PAGE (a page past the last
    one is empty, as page 10 000 of a short list is)."""
    return min(max(int(page or 1), 1), MAX_PAGE)


@lru_cache(maxsize=128)
def _counted(select, per_page: int, offset: int):
    """The page's select with the total added. Kept per select object (statements that are
    built once and reused, e.g. the recommendations'): a new statement costs its cache key
    (a walk of the whole statement) on every execution."""
    return (select.add_columns(func.count().over().label("koble_total"))
            .limit(per_page).offset(offset))


@lru_cache(maxsize=128)
def _counted_narrow(select, per_page: int, offset: int):
    """As `_counted`, but the page is chosen and counted over the entity's id alone (a
    subquery with the select's filters and order), then its rows are read by id, in the
    select's order again (a unique id ends the order, so the page is the same)."""
    entity = select.column_descriptions[0]["entity"]
    key = sa_inspect(entity).primary_key[0]
    page = (select.with_only_columns(key.label("koble_id"),
                                     func.count().over().label("koble_total"))
            .limit(per_page).offset(offset).subquery("koble_page"))
    return (sa_select(entity, page.c.koble_total).join(page, key == page.c.koble_id)
            .order_by(*select._order_by_clauses))


class CountedPagination(SelectPagination):
    """A Flask-SQLAlchemy pagination whose items query also returns the total."""

    _total: int | None = None

    def _query_items(self) -> list:
        select = self._query_args["select"]
        session = self._query_args["session"]
        build = _counted_narrow if self._query_args.get("narrow") else _counted
        counted = build(select, self.per_page, self._query_offset)
        rows = session.execute(counted, self._query_args.get("params")).all()
        if rows:
            self._total = rows[0][-1]
        elif self.page == 1:
            self._total = 0
        return [row[0] for row in rows]

    def _query_count(self) -> int:
        if self._total is not None:
            return int(self._total)
        select = self._query_args["select"]
        sub = select.order_by(None).subquery()
        return self._query_args["session"].execute(
            sa_select(func.count()).select_from(sub), self._query_args.get("params")).scalar()


def paginate(select, page: int = 1, per_page: int = 20,
             params: dict | None = None, narrow: bool = False) -> CountedPagination:
    """One page of an ORM select of one entity, with `total`, as db.paginate(count=True)
    with error_out=False; `params` are values for the select's bound parameters; `narrow`:
    order and count over the entity's id only (a select of one entity with a single-column
    primary key and an order that ends with it)."""
    return CountedPagination(select=select, session=db.session, page=page_number(page),
                             per_page=per_page, max_per_page=None, error_out=False, count=True,
                             params=params, narrow=narrow)
