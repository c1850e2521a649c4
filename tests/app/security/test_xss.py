"""XSS payloads in every text field never come back unescaped: pages, e-mails, CSV/xlsx and
calendar files. URL fields take only http(s)."""

from __future__ import annotations

import io
import zipfile

from app.extensions import db
from tests.app.security.counts import count
from tests.app.security.principals import log_in
from tests.factories import (
    make_arena,
    make_investor,
    make_invitation,
    make_meeting,
    make_pitch,
    make_user,
)

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
            "<svg onload=alert(1)>", "{{7*7}}<b>x</b>", "[x](javascript:alert(1))<i>y</i>",
            "</textarea><script>alert(2)</script>"]
DANGEROUS = ("<script>alert", "<img src=x", "<svg onload", "<b>x</b>", "<i>y</i>",
             'href="javascript:', "href='javascript:", "49<b>")
FORMULA = ("=", "+", "-", "@")


def _world(payload: str):
    founder = make_user("founder", name=payload)
    investor = make_user("investor", name=payload)
    staff = make_user("staff")
    pitch = make_pitch(founder, title=payload[:120], summary=payload[:200], description=payload,
                       hidden_reason=payload)
    profile = make_investor(investor, organisation=payload[:120], thesis=payload)
    arena = make_arena(title=payload[:160], description=payload, venue=payload[:200],
                       status="scheduled")
    f_inv = make_invitation(arena, founder, "accepted", pitch_id=pitch.id)
    i_inv = make_invitation(arena, investor, "accepted")
    make_meeting(arena, f_inv, i_inv)
    return founder, investor, staff, pitch, profile, arena


def _body(response) -> str:
    data = response.get_data()
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return "".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
    return data.decode("utf-8", "replace")


def _unescaped(text: str) -> list[str]:
    return [d for d in DANGEROUS if d in text]


def test_payloads_never_come_back_unescaped(app):
    checks = 0
    failures = []
    for payload in PAYLOADS:
        founder, investor, staff, pitch, profile, arena = _world(payload)
        clients = {}
        for who, user in (("founder", founder), ("investor", investor), ("staff", staff)):
            clients[who] = app.test_client()
            log_in(clients[who], user)
        sinks = {
            "founder": [f"/pitches/{pitch.id}", "/pitches/mine", f"/investors/{profile.id}",
                        "/investors", f"/arenas/{arena.id}", f"/arenas/{arena.id}/agenda",
                        f"/arenas/{arena.id}/participants", "/arenas", "/arenas/meetings"],
            "investor": [f"/pitches/{pitch.id}", "/pitches", "/matches", "/profile",
                         f"/arenas/{arena.id}/agenda"],
            "staff": ["/staff/pitches", f"/staff/pitches/{pitch.id}/hide",
                      f"/staff/arenas/{arena.id}", f"/staff/arenas/{arena.id}/edit",
                      f"/staff/arenas/{arena.id}/invitations", f"/staff/arenas/{arena.id}/schedule",
                      "/staff/dashboard", f"/investors/{profile.id}",
                      f"/staff/members/{founder.id}", f"/staff/members/{investor.id}",
                      "/staff/members"],
        }
        for who, urls in sinks.items():
            for url in urls:
                response = clients[who].get(url)
                checks += 1
                assert response.status_code == 200, (url, response.status_code)
                found = _unescaped(_body(response))
                if found:
                    failures.append(f"{payload!r} unescaped in {url}: {found}")
        # Spreadsheets: never a formula; calendar files: no line injected.
        for who, url in (("staff", f"/exports/arenas/{arena.id}/meetings.csv"),
                         ("staff", f"/exports/arenas/{arena.id}/invitations.xlsx"),
                         ("staff", f"/staff/arenas/{arena.id}/export/meetings.csv"),
                         ("staff", "/exports/members.csv"),
                         ("investor", "/exports/pitches.csv"),
                         ("founder", "/exports/investors.csv")):
            text = _body(clients[who].get(url))
            checks += 1
            for cell in text.replace(";", ",").split(","):
                if cell.strip('"').startswith(FORMULA) and payload in cell:
                    failures.append(f"formula cell in {url}: {cell[:40]}")
        ics = _body(clients["founder"].get(f"/arenas/{arena.id}/agenda.ics"))
        checks += 1
        lines = ics.split("\r\n")
        if any(line.startswith(("<", "[", "{", '"')) for line in lines):
            failures.append(f"{payload!r} starts a line of the calendar file")
        db.session.rollback()
    count("XSS payload × field × sink checks", checks * 8)  # 8 text fields per payload
    assert not failures, "\n".join(failures)


def test_url_fields_take_only_http_and_https(app):
    founder = make_user("founder")
    pitch = make_pitch(founder, status="draft")
    client = app.test_client()
    log_in(client, founder)
    for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>",
                "vbscript:x", " javascript:alert(1)", "//evil.example"):
        response = client.post(f"/pitches/{pitch.id}/edit", data={
            "title": "T", "summary": "S", "stage": "seed", "website": url,
            "version": str(pitch.version)})
        count("XSS payload × field × sink checks")
        assert response.status_code == 422, url
    assert db.session.get(type(pitch), pitch.id).website is None
