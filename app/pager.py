"""The view side of a paged list: a page past the end sends the reader to the last page."""

from __future__ import annotations

from flask import redirect, request, url_for
from werkzeug.wrappers import Response


def to_last_page(pagination) -> Response | None:
    """A redirect to the last page that has rows when the requested one is past the end, or
    None.

    A page past the end is an edited URL (?page=999), an old link, or the page whose last row
    was just deleted, un-saved or marked (those actions come back to the page they were on).
    An empty page with only the pager under it read as "nothing matches"; the last page that
    exists is what the reader was after. The list's other query arguments (its filters) are
    kept as sent, repeated keys too. Page 1 is never redirected, so an empty list is shown
    as empty, with its usual message.
    """
    if pagination is None or pagination.items or pagination.page <= 1:
        return None
    args = request.args.to_dict(flat=False)
    args["page"] = max(pagination.pages, 1)
    return redirect(url_for(request.endpoint, **(request.view_args or {}), **args))
