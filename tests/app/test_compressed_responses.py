"""Answers are compressed for a client that asks (Accept-Encoding): pages were sent as they
were, 30-300 KB of HTML each. What must not change with it: the body once decompressed, the
page cache, the API's ETags and 304s and its rate-limit headers, Talisman's headers, HEAD,
static files and their 304s; spreadsheets and tiny answers go as they are, and
COMPRESS_RESPONSES=0 turns it off for a proxy that compresses."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
from flask import url_for

from tests.app.api.world import build
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_meeting, make_participant, make_user

GZIP = {"Accept-Encoding": "gzip"}
ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "app" / "static"


def _plain(response) -> bytes:
    coding = response.headers.get("Content-Encoding")
    if coding == "gzip":
        return gzip.decompress(response.data)
    if coding == "br":
        return brotli.decompress(response.data)
    assert coding is None, coding
    return response.data


@pytest.mark.parametrize("accept, coding", [
    ("gzip", "gzip"), ("gzip, deflate, br", "br"), ("br;q=0.5, gzip", "gzip")])
def test_a_page_is_compressed_as_asked_and_reads_the_same(client, accept, coding):
    plain = client.get("/auth/login")
    packed = client.get("/auth/login", headers={"Accept-Encoding": accept})
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == coding
    for response in (plain, packed):  # a shared cache keeps one per coding
        assert "Accept-Encoding" in response.headers["Vary"]
    assert int(packed.headers["Content-Length"]) == len(packed.data) < len(plain.data) / 2
    # the login form's CSRF token differs per session: compare the page around it
    token = b'name="csrf_token"'
    assert _plain(packed).split(token)[0] == plain.data.split(token)[0]
    # Talisman's headers are on the compressed answer
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"):
        assert packed.headers[header] == plain.headers[header]


def test_head_says_the_compressed_length_and_sends_nothing(app, client):
    get = client.get("/", headers=GZIP)
    head = client.head("/", headers=GZIP)
    assert head.status_code == 200 and head.data == b""
    assert head.headers["Content-Encoding"] == "gzip"
    assert head.headers["Content-Length"] == get.headers["Content-Length"]


def test_tiny_answers_redirects_and_spreadsheets_go_as_they_are(app, client):
    assert "Content-Encoding" not in client.get("/health", headers=GZIP).headers
    assert client.get("/matches", headers=GZIP).status_code == 302
    arena = make_arena(hosts=("asker",), status="scheduled")
    for _ in range(8):
        make_meeting(arena, make_participant(arena, "founder"),
                     make_participant(arena, "investor"))
    log_in(client, make_user("staff"))
    xlsx = client.get(f"/exports/arenas/{arena.id}/meetings.xlsx", headers=GZIP)
    assert xlsx.status_code == 200 and "Content-Encoding" not in xlsx.headers
    csv = client.get(f"/exports/arenas/{arena.id}/meetings.csv", headers=GZIP)
    assert csv.headers["Content-Encoding"] == "gzip"
    assert _plain(csv) == client.get(f"/exports/arenas/{arena.id}/meetings.csv").data


def test_a_kept_page_is_served_compressed_from_the_page_cache(app, client):
    world = build()
    log_in(client, world.investor_a.user)
    built = client.get("/matches", headers=GZIP)
    kept = client.get("/matches", headers=GZIP)
    assert (built.headers["X-Cache"], kept.headers["X-Cache"]) == ("miss", "hit")
    assert kept.headers["Content-Encoding"] == "gzip"
    assert _plain(kept) == _plain(built) == client.get("/matches").data


@pytest.mark.parametrize("app_overrides", [
    {"RATELIMIT_ENABLED": True, "API_RATE_LIMIT": "100 per minute"}])
def test_the_api_compresses_keeps_its_rate_limit_headers_and_answers_its_own_tags(
        app, client):
    world = build()
    headers = {**world.tokens["investor_b"], **GZIP}
    plain = client.get("/api/v1/pitches", headers=world.tokens["investor_b"])
    first = client.get("/api/v1/pitches", headers=headers)
    assert first.headers["Content-Encoding"] == "gzip"
    assert _plain(first) == plain.data
    for header in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"):
        assert header in first.headers
    assert "Retry-After" not in first.headers
    etag = plain.headers["ETag"]
    assert first.headers["ETag"] == etag[:-1] + ':gzip"'  # another representation's tag
    for sent in (first.headers["ETag"], etag, f"W/{first.headers['ETag']}"):
        again = client.get("/api/v1/pitches", headers={**headers, "If-None-Match": sent})
        assert again.status_code == 304 and again.data == b"", sent
        assert again.headers["ETag"] == sent.removeprefix("W/")
        assert "X-RateLimit-Remaining" in again.headers


@pytest.mark.parametrize("path, file", [
    ("/static/koble.css", STATIC / "koble.css"), ("/bootstrap/static/css/bootstrap.min.css", None)])
def test_static_files_are_compressed_and_answer_if_none_match(client, path, file):
    plain = client.get(path)
    packed = client.get(path, headers={"Accept-Encoding": "br, gzip"})
    assert packed.status_code == 200 and packed.headers["Content-Encoding"] == "br"
    body = b"".join(packed.response)
    assert brotli.decompress(body) == plain.data
    if file is not None:
        assert plain.data == file.read_bytes()
    assert len(body) < len(plain.data) / 2
    again = client.get(path, headers={"Accept-Encoding": "br, gzip",
                                      "If-None-Match": packed.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    plain.close(), packed.close(), again.close()


@pytest.mark.parametrize("app_overrides", [{"COMPRESS_RESPONSES": False}])
def test_compress_responses_off_sends_them_as_they_are(client):
    for path in ("/auth/login", "/static/koble.css"):
        response = client.get(path, headers=GZIP)
        assert response.status_code == 200 and "Content-Encoding" not in response.headers
        response.close()


@pytest.mark.parametrize("value, on", [(None, True), ("0", False), ("1", True)])
def test_the_switch_is_read_from_the_environment(value, on):
    env = {k: v for k, v in os.environ.items() if k != "COMPRESS_RESPONSES"}
    if value is not None:
        env["COMPRESS_RESPONSES"] = value
    out = subprocess.run([sys.executable, "-c", "from app.config import Config; "
                          "print(Config.COMPRESS_RESPONSES)"], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(on)


def test_the_api_answers_its_compressed_tag_before_compressing(app, client, monkeypatch):
    """The list's 304 for a tag as compression sent it is the API's own (flask-smorest's
    check, with the tag sent), not a list compressed and then dropped by Flask-Compress."""
    from flask_compress import flask_compress

    world = build()
    headers = {**world.tokens["investor_b"], **GZIP}
    tag = client.get("/api/v1/pitches", headers=headers).headers["ETag"]
    compressed = []
    real = flask_compress._compress_data
    monkeypatch.setattr(flask_compress, "_compress_data",
                        lambda *a: compressed.append(a[2]) or real(*a))
    again = client.get("/api/v1/pitches", headers={**headers, "If-None-Match": tag})
    assert again.status_code == 304 and again.headers["ETag"] == tag
    assert compressed == []
    client.get("/api/v1/pitches", headers=headers)
    assert compressed == ["gzip"]  # the counting works


def _count_compressions(monkeypatch) -> list[str]:
    """The codings compressed from here on, whole or streamed, by Flask-Compress or by the
    static files' kept bodies."""
    from flask_compress import flask_compress

    import app.compression

    compressed: list[str] = []
    whole, streamed = flask_compress._compress_data, flask_compress._compress_chunks
    monkeypatch.setattr(flask_compress, "_compress_data",
                        lambda *a: compressed.append(a[2]) or whole(*a))
    monkeypatch.setattr(flask_compress, "_compress_chunks",
                        lambda *a: compressed.append(a[2]) or streamed(*a))
    monkeypatch.setattr(app.compression, "_compress_data",
                        lambda *a: compressed.append(a[2]) or whole(*a), raising=False)
    return compressed


def test_a_static_file_is_compressed_once_per_coding(client, monkeypatch):
    """bootstrap.min.css cost 3-4 ms of CPU on every full fetch and on every revalidation
    (Cache-Control: no-cache, so every page a browser loads): its 304 was answered after
    compressing it. Now each coding of each file version is compressed once and kept."""
    path = "/bootstrap/static/css/bootstrap.min.css"
    plain = client.get(path).data
    compressed = _count_compressions(monkeypatch)
    tags = {}
    for accept, coding in [("br, gzip", "br"), ("gzip", "gzip")] * 3:
        response = client.get(path, headers={"Accept-Encoding": accept})
        assert response.status_code == 200 and response.headers["Content-Encoding"] == coding
        assert _plain(response) == plain
        assert int(response.headers["Content-Length"]) == len(response.data)
        assert "Accept-Encoding" in response.headers["Vary"]
        tags[accept] = response.headers["ETag"]
        response.close()
    for accept, tag in tags.items():
        again = client.get(path, headers={"Accept-Encoding": accept, "If-None-Match": tag})
        assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == tag
    head = client.head(path, headers=GZIP)
    assert head.status_code == 200 and head.data == b""
    assert head.headers["Content-Length"] == str(len(client.get(path, headers=GZIP).data))
    assert compressed == ["br", "gzip"]
    # a tag of the other coding is no match: the body this client accepts is sent
    other = client.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": tags["br, gzip"]})
    assert other.status_code == 200 and other.headers["Content-Encoding"] == "gzip"


def test_kept_static_bodies_are_bounded_and_keyed_by_the_files_version():
    """The key holds the file's ETag (werkzeug's: mtime, size, name), so an edited file is
    compressed afresh; the least recently used bodies go past the bounds (guard)."""
    from app.compression import StaticBodies

    kept = StaticBodies()
    kept._put(("/static/a.css", '"1-10-1"', "br"), b"old")
    assert kept._get(("/static/a.css", '"2-10-1"', "br")) is None
    for n in range(StaticBodies.MAX_ENTRIES + 5):
        kept._put((f"/static/{n}.css", '"1"', "br"), b"x" * 10)
        kept._get(("/static/0.css", '"1"', "br"))  # kept in use
    assert len(kept._bodies) == StaticBodies.MAX_ENTRIES
    assert kept._get(("/static/0.css", '"1"', "br")) == b"x" * 10
    assert kept._get(("/static/a.css", '"1-10-1"', "br")) is None
    kept._put(("/static/big.css", '"1"', "br"), b"x" * StaticBodies.MAX_BYTES)
    assert kept._size <= StaticBodies.MAX_BYTES


@pytest.mark.parametrize("endpoint, filename", [
    ("static", "koble.css"), ("bootstrap.static", "css/bootstrap.min.css")])
@pytest.mark.parametrize("versioned", [True, False])
def test_a_byte_range_goes_as_the_file_has_it(app, client, endpoint, filename, versioned):
    """A Range request (a resumed download, a media player) gets the file's own bytes: Flask-
    Compress compressed 206 answers too, so the body was gzip/brotli of the slice under a
    Content-Range counting the file's bytes, which no client can splice."""
    with app.test_request_context():
        path = url_for(endpoint, filename=filename)
    if not versioned:
        path = path.split("?")[0]
    whole = client.get(path).data
    for accept in ("gzip", "br", "gzip, deflate, br"):
        for asked, first, last in (("bytes=0-9999", 0, 9999), ("bytes=1000-", 1000,
                                                                len(whole) - 1)):
            part = client.get(path, headers={"Accept-Encoding": accept, "Range": asked})
            assert part.status_code == 206, (accept, asked)
            assert "Content-Encoding" not in part.headers, (accept, asked)
            assert part.headers["Content-Range"] == f"bytes {first}-{last}/{len(whole)}"
            assert part.data == whole[first:last + 1]
            assert "Accept-Encoding" in part.headers["Vary"]
            part.close()
    # the whole file compressed offers no ranges of its compressed body; as it is, it does
    packed = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip" and "Accept-Ranges" not in packed.headers
    assert client.get(path).headers["Accept-Ranges"] == "bytes"
