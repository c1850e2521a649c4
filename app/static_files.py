"""Static files (ours, Bootstrap-Flask's) at versioned addresses, kept by browsers for a year.

Every url_for of a static endpoint carries `?v=` and a short hash of the file's content,
worked out once per file version and process. A request whose `v` is the file's hash gets
`Cache-Control: public, max-age=31536000, immutable`: the address changes when the file
does, so a browser keeps the file and asks again for nothing. Without `v`, or with another
file's or an older version's, the answer is as Flask makes it (`no-cache` and an ETag, so a
browser revalidates): an address written by hand, or a page cached before a deploy.

A url_defaults hook, not a library: Flask-Static-Digest renames files in a build step
(`flask digest compile`) that a deploy would have to run and the repository keep out of git,
and covers the app's own folder only; Bootstrap-Flask's files come from its package.

Static files do not depend on who asks, so they do not vary on Cookie: the hooks that read
the session skip them (app.sessions), and the session is neither saved nor looked at for
them (`StaticSessionInterface`; Flask-Login's after_request reads it on every answer).
"""

from __future__ import annotations

import hashlib
import os
import threading

from flask import Flask, Response, g, request
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer
from werkzeug.security import safe_join

# The endpoints that serve files: ours and Bootstrap-Flask's. Compression (app.compression,
# app.breach) and the session hooks (app.sessions) tell static requests apart by them too.
STATIC_ENDPOINTS = frozenset({"static", "bootstrap.static"})
IMMUTABLE = "public, max-age=31536000, immutable"
_versions: dict[str, tuple[tuple[int, int], str]] = {}  # path: ((mtime, size), hash)
_lock = threading.Lock()


def is_static_request() -> bool:
    """The request is for a static file."""
    return request.endpoint in STATIC_ENDPOINTS


def version(app: Flask, endpoint: str, filename: str) -> str | None:
    """The first 10 hex digits of the SHA-256 of the file `url_for(endpoint, filename=...)`
    serves, or None when there is no such file. Hashed once per file version and process:
    each call only stats the file, so a file edited under a running server (a developer's
    CSS) gets a new address at once instead of the old one a browser keeps for a year."""
    folder = _folder(app, endpoint)
    path = safe_join(folder, filename) if folder else None
    if path is None:
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    stamp = (found.st_mtime_ns, found.st_size)
    with _lock:
        known = _versions.get(path)
    if known is not None and known[0] == stamp:
        return known[1]
    try:
        with open(path, "rb") as file:
            digest = hashlib.file_digest(file, "sha256").hexdigest()[:10]
    except OSError:  # a directory, or gone since the stat
        return None
    with _lock:
        _versions[path] = (stamp, digest)
    return digest


def record_versions() -> None:
    """From now on in this request, note each static file's version that url_for writes
    into the page (`versions_recorded`)."""
    g.static_versions_used = {}


def versions_recorded() -> tuple[tuple[tuple[str, str], str], ...]:
    """The ((endpoint, filename), version) of every static address written since
    `record_versions`, and stop noting them."""
    return tuple(sorted(g.pop("static_versions_used", {}).items()))


def versions_current(app: Flask, recorded) -> bool:
    """Whether every file of `recorded` still has the version noted: a page kept with them
    points at the files this process serves (not at a deploy's old ones, not at a file
    edited since)."""
    return all(version(app, endpoint, filename) == digest
               for (endpoint, filename), digest in recorded)


def _folder(app: Flask, endpoint: str) -> str | None:
    if endpoint == "static":
        return app.static_folder
    blueprint = app.blueprints.get(endpoint.rpartition(".")[0])
    return blueprint.static_folder if blueprint is not None else None


class StaticSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, left alone for static files: not written and not
    varied upon (Flask adds Vary: Cookie when anything read the session, and Flask-Login's
    after_request reads it for every answer), so shared caches can keep them.

    Its signing serializer is made once per secret key (and fallback keys), not twice a
    request (reading the cookie, writing it): Flask builds a new one each time, about 14
    microseconds, for the same keys and settings."""

    _serializer: tuple[tuple, URLSafeTimedSerializer | None] | None = None

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """Flask's serializer for the app's current keys, kept until they change."""
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        kept = self._serializer
        if kept is None or kept[0] != keys:
            kept = self._serializer = (keys, super().get_signing_serializer(app))
        return kept[1]

    def save_session(self, app: Flask, session, response: Response) -> None:
        if is_static_request():
            return
        super().save_session(app, session, response)


def init_app(app: Flask) -> None:
    """Versioned static addresses, their long cache life, and no session for them."""
    app.session_interface = StaticSessionInterface()

    @app.url_defaults
    def _static_version(endpoint: str, values: dict) -> None:
        if endpoint in STATIC_ENDPOINTS and "v" not in values and "filename" in values:
            digest = version(app, endpoint, values["filename"])
            if digest is not None:
                values["v"] = digest
                used = g.get("static_versions_used")
                if used is not None:  # a page being kept (app.services.page_cache)
                    used[(endpoint, values["filename"])] = digest

    @app.after_request
    def _kept_for_a_year(response: Response) -> Response:
        if (is_static_request() and response.status_code in (200, 304)
                and request.args.get("v")
                and request.args["v"] == version(app, request.endpoint,
                                                 request.view_args.get("filename", ""))):
            response.headers["Cache-Control"] = IMMUTABLE
        return response
