"""Responses compressed for the browser (Flask-Compress): gzip, or brotli when asked for.

Pages are 30-300 KB of HTML (a staff schedule's whole view 3.6 MB) that shrink to a tenth;
behind a proxy that compresses already, COMPRESS_RESPONSES=0 leaves it to the proxy.

Compressed: HTML, CSS, JavaScript, JSON (the API), calendars and CSV exports, from 500
bytes. Not: spreadsheets (an .xlsx is a zip already), redirects and error pages (not 2xx),
what is smaller, and a byte range (206 Partial Content, a static file asked for with Range):
its Content-Range counts the file's own bytes, so it goes as it is, and a compressed answer
does not offer ranges (no Accept-Ranges), as nginx's gzip does. Static files are compressed
once and kept (below); the rest each time.

Static files (ours, Bootstrap-Flask's) are compressed once per file version and coding and
kept (`StaticBodies`): they were compressed on every full fetch, 3-4 ms of CPU for
bootstrap.min.css, and on every revalidation too (Flask-Compress answers a streamed file's
If-None-Match after compressing it, and werkzeug reads the whole stream to size the 304),
which with their Cache-Control: no-cache was every page a browser loaded.

A compressed answer's strong ETag gets the coding appended ("…:gzip"), as RFC 9110 asks of
a different representation, and Flask-Compress answers If-None-Match for it. The API answers
If-None-Match itself (flask-smorest, once the list is built and before anything is
compressed) and knows those tags too (`tagged_variants`), so its 304 costs no compression
and carries the tag the client sent.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from flask import Flask, Response, request
from flask_compress import Compress

# Flask-Compress's own choice of coding and compressor, so a kept body is what it would send
# (pinned <2 in pyproject). Its cache (COMPRESS_CACHE_BACKEND) does not fit: it never sees
# streamed answers such as static files, and its key, made from the request alone, is asked
# of every compressed page too (see benchmarks/README.md).
from flask_compress.flask_compress import _choose_algorithm, _compress_data

from app.breach import not_for_other_sites
from app.static_files import STATIC_ENDPOINTS, is_static_request

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
    # a static file kept compressed answers its If-None-Match itself (StaticBodies); one not
    # kept (too large) is streamed and answers it after compressing
    "COMPRESS_STREAMING_ENDPOINT_CONDITIONAL": sorted(STATIC_ENDPOINTS),
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
    # not for a request another site's page made (BREACH): app/breach.py
    compress.after_request = not_for_other_sites(compress.after_request)
    app.extensions["compress"] = compress
    kept = StaticBodies()
    app.extensions["compress_static"] = kept

    def after_request(response: Response) -> Response:
        if response.status_code == 206 or "Content-Range" in response.headers:
            # a byte range of the file as it is (Content-Range counts its bytes): compressed,
            # the client would splice gzip into the file it is putting together
            response.vary.add("Accept-Encoding")
            return response
        response = compress.after_request(kept.serve(compress, response))
        if "Content-Encoding" in response.headers:
            # no ranges of the compressed body: a Range request is answered from the file
            # as it is, which is another representation (its own ETag)
            response.headers.pop("Accept-Ranges", None)
        return response

    # First in the list, so last to run (Flask runs an app's after_request hooks from the
    # last registered): every other hook sees the body as the view made it, and the headers
    # they write (rate limits, Talisman's) stay as they are.
    app.after_request_funcs.setdefault(None, []).insert(0, after_request)


class StaticBodies:
    """Static files compressed once, kept in this process by (path, the file's ETag, coding).

    The ETag is werkzeug's, of the file's mtime, size and name, so an edited or upgraded file
    is a new key and its old body ages out. Bounded: at most MAX_ENTRIES bodies and
    MAX_BYTES in all, the least recently used dropped first; a file over MAX_FILE is left to
    Flask-Compress, streamed. Pages and the API are never kept: they change with the data
    and the person."""

    MAX_ENTRIES = 64
    MAX_BYTES = 4 * 1024 * 1024
    MAX_FILE = 2 * 1024 * 1024

    def __init__(self) -> None:
        self._bodies: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()  # gunicorn's threads share one process's bodies

    def serve(self, compress: Compress, response: Response) -> Response:
        """`response` compressed from what is kept, and answering If-None-Match for the
        compressed tag without compressing; anything else as it came, for Flask-Compress."""
        if not is_static_request() or request.method not in ("GET", "HEAD"):
            return response  # a page or the API: asked first, it costs no header parsing
        coding = _choose_algorithm(compress.enabled_algorithms,
                                   request.headers.get("Accept-Encoding", ""))
        etag, weak = response.get_etag()
        length = response.content_length
        if (response.status_code != 200 or coding is None or not etag or weak
                or response.mimetype not in compress.compress_mimetypes_set
                or "Content-Encoding" in response.headers or length is None
                or length < compress.app.config["COMPRESS_MIN_SIZE"]
                or length > self.MAX_FILE):
            return response
        key = (request.path, etag, coding)
        body = self._get(key)
        response.direct_passthrough = False  # read or replaced here, not sent as it is
        if body is None:
            body = _compress_data(compress.app, response.get_data(), coding)
            self._put(key, body)
        else:
            close = getattr(response.response, "close", None)
            if close is not None:
                close()  # the file send_file opened, not read
        response.set_data(body)
        response.headers["Content-Encoding"] = coding
        response.set_etag(f"{etag}:{coding}")
        return response.make_conditional(request)

    def _get(self, key: tuple[str, str, str]) -> bytes | None:
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                self._bodies.move_to_end(key)
            return body

    def _put(self, key: tuple[str, str, str], body: bytes) -> None:
        with self._lock:
            if key in self._bodies:
                return
            self._bodies[key] = body
            self._size += len(body)
            while len(self._bodies) > self.MAX_ENTRIES or self._size > self.MAX_BYTES:
                _key, dropped = self._bodies.popitem(last=False)
                self._size -= len(dropped)


def tagged_variants(app: Flask, etag: str) -> list[str]:
    """`etag` and the tags a compressed answer carries it as, the plain one first."""
    if "compress" not in app.extensions:
        return [etag]
    return [etag, *(f"{etag}:{coding}" for coding in ALGORITHMS)]
