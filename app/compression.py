"""Responses compressed for the browser (Flask-Compress): gzip, or brotli when asked for.

Pages are 30-300 KB of HTML (a staff schedule's whole view 3.6 MB) that shrink to a tenth;
behind a proxy that compresses already, COMPRESS_RESPONSES=0 leaves it to the proxy.

Compressed: HTML, CSS, JavaScript, JSON (the API), calendars and CSV exports, from 500
bytes. Not: spreadsheets (an .xlsx is a zip already), redirects and error pages (not 2xx),
what is smaller. Static files are sent streamed and compressed as they go; the rest whole.

A compressed answer's strong ETag gets the coding appended ("…:gzip"), as RFC 9110 asks of
a different representation, and Flask-Compress answers If-None-Match for it. The API answers
If-None-Match itself (flask-smorest, once the list is built and before anything is
compressed) and knows those tags too (`tagged_variants`), so its 304 costs no compression
and carries the tag the client sent.
"""

from __future__ import annotations

from flask import Flask
from flask_compress import Compress

# Brotli first: smaller at the same CPU (measured on the demo pages; see the commit that
# added this), and browsers ask for it over HTTPS; gzip for everything else.
ALGORITHMS = ("br", "gzip")
SETTINGS = {
    "COMPRESS_MIMETYPES": [
        "text/html", "text/css", "text/javascript", "application/javascript",
        "application/json", "text/calendar", "text/csv", "image/svg+xml",
    ],
    "COMPRESS_MIN_SIZE": 500,  # smaller ones gain a few bytes for the header they add
    "COMPRESS_ALGORITHM": list(ALGORITHMS),
    "COMPRESS_ALGORITHM_STREAMING": list(ALGORITHMS),
    "COMPRESS_LEVEL": 6,
    "COMPRESS_BR_LEVEL": 4,
    # static files are streamed: answer their If-None-Match after compressing too
    "COMPRESS_STREAMING_ENDPOINT_CONDITIONAL": ["static", "bootstrap.static"],
    "COMPRESS_REGISTER": False,  # registered below, to run last
}


def init_app(app: Flask) -> None:
    """Compress the app's answers unless COMPRESS_RESPONSES is off. Call after every other
    after_request hook is registered."""
    if not app.config.get("COMPRESS_RESPONSES", True):
        return
    for name, value in SETTINGS.items():
        app.config.setdefault(name, value)
    compress = Compress(app)
    app.extensions["compress"] = compress
    # First in the list, so last to run (Flask runs an app's after_request hooks from the
    # last registered): every other hook sees the body as the view made it, and the headers
    # they write (rate limits, Talisman's) stay as they are.
    app.after_request_funcs.setdefault(None, []).insert(0, compress.after_request)


def tagged_variants(app: Flask, etag: str) -> list[str]:
    """`etag` and the tags a compressed answer carries it as, the plain one first."""
    if "compress" not in app.extensions:
        return [etag]
    return [etag, *(f"{etag}:{coding}" for coding in ALGORITHMS)]
