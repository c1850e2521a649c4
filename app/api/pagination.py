"""The page of a paginated list, as the API answers it."""

from __future__ import annotations


def page_of(pagination, items) -> dict:
    return {"items": items, "page": pagination.page, "per_page": pagination.per_page,
            "total": pagination.total or 0, "pages": pagination.pages or 0}
