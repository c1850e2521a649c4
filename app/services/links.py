"""Addresses of the site's pages, also where there is no request (a `flask` command, a
background job): there the configured BASE_URL stands in for the request's host."""

from __future__ import annotations

from flask import current_app, has_request_context, url_for

DEFAULT_BASE_URL = "http://127.0.0.1:5000"


def base_url() -> str:
    """The site's own address as configured (for links in e-mails sent from the CLI)."""
    return current_app.config.get("BASE_URL") or DEFAULT_BASE_URL


def url(endpoint: str, *, external: bool = False, **values) -> str:
    """url_for, inside a request or not; `external` gives the absolute address."""
    if has_request_context():
        return url_for(endpoint, _external=external, **values)
    with current_app.test_request_context(base_url=base_url()):
        return url_for(endpoint, _external=external, **values)
