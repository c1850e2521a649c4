"""Static files at versioned addresses (`?v=` and a hash of the file) are kept by browsers for
a year; without the version, or with a stale one, they are revalidated as before. They never
vary on Cookie: a browser revalidated every one on every page, and a shared cache could not
keep them for the session cookie in Vary (app/static_files.py)."""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import flask_bootstrap
import pytest
from flask import url_for

from tests.app.security.principals import log_in
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]
OURS = ROOT / "app" / "static" / "koble.css"
BOOTSTRAP = Path(flask_bootstrap.__file__).parent / "static/bootstrap5/css/bootstrap.min.css"
YEAR = "public, max-age=31536000, immutable"


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def test_static_addresses_carry_the_files_version(app, client):
    with app.test_request_context():
        assert url_for("static", filename="koble.css") == f"/static/koble.css?v={_hash(OURS)}"
        assert url_for("bootstrap.static", filename="css/bootstrap.min.css") \
            == f"/bootstrap/static/css/bootstrap.min.css?v={_hash(BOOTSTRAP)}"
        assert url_for("static", filename="no-such-file.css") == "/static/no-such-file.css"
    page = client.get("/auth/login").get_data(as_text=True)
    hrefs = re.findall(r'(?:href|src)="(/(?:bootstrap/)?static/[^"]+)"', page)
    assert len(hrefs) >= 4  # Bootstrap's CSS and JS, ours, the icon
    assert all(re.search(r"\?v=[0-9a-f]{10}$", href) for href in hrefs), hrefs


@pytest.mark.parametrize("path, file", [
    ("/static/koble.css", OURS), ("/bootstrap/static/css/bootstrap.min.css", BOOTSTRAP)])
@pytest.mark.parametrize("coding", ["gzip", "br", "identity"])
def test_a_versioned_address_is_kept_for_a_year(client, path, file, coding):
    headers = {"Accept-Encoding": coding}
    full = client.get(f"{path}?v={_hash(file)}", headers=headers)
    assert full.status_code == 200 and full.headers["Cache-Control"] == YEAR
    again = client.get(f"{path}?v={_hash(file)}",
                       headers={**headers, "If-None-Match": full.headers["ETag"]})
    assert again.status_code == 304 and again.headers["Cache-Control"] == YEAR


@pytest.mark.parametrize("query", ["", "?v=0123456789", "?v="])
def test_without_the_files_version_it_is_revalidated_as_before(client, query):
    response = client.get(f"/static/koble.css{query}", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache" and response.headers["ETag"]


def test_static_files_do_not_vary_on_the_session(app, client):
    founder = app.test_client()
    log_in(founder, make_user("founder"))
    for who in (client, founder):
        for path in (f"/static/koble.css?v={_hash(OURS)}", "/static/koble.css",
                     "/bootstrap/static/css/bootstrap.min.css"):
            response = who.get(path, headers={"Accept-Encoding": "gzip"})
            assert response.status_code == 200
            assert "Cookie" not in response.headers.get("Vary", ""), path
            assert "Set-Cookie" not in response.headers, path
    # pages still do (guard)
    assert "Cookie" in founder.get("/").headers.get("Vary", "")


def test_a_static_file_does_not_move_the_idle_clock(app):
    """The page that asked for it did; a static request skips the session's hooks."""
    founder = app.test_client()
    log_in(founder, make_user("founder"))
    with founder.session_transaction() as session:
        session["seen"] = seen = time.time() - 120  # past SEEN_STEP, within the timeout
    founder.get("/static/koble.css")
    with founder.session_transaction() as session:
        assert session["seen"] == seen


def test_a_file_edited_under_a_running_server_gets_a_new_address(app, client, tmp_path,
                                                                 monkeypatch):
    """`flask run` keeps its process while a developer edits koble.css: the old address,
    kept a year by the browser, would have served the old file."""
    monkeypatch.setattr(app, "static_folder", str(tmp_path))  # (the app is kept for others)
    edited = tmp_path / "edited.css"
    edited.write_text("body { color: red; }")
    with app.test_request_context():
        first = url_for("static", filename="edited.css")
    edited.write_text("body { color: blue; margin: 0; }")
    with app.test_request_context():
        second = url_for("static", filename="edited.css")
    assert first != second and second == f"/static/edited.css?v={_hash(edited)}"
    assert client.get(first).headers["Cache-Control"] == "no-cache"
    assert client.get(second).headers["Cache-Control"] == YEAR
