"""A pitch's line of facts in a list (stage · ask · municipality) starts with the first fact
it has: a draft without a stage read "· Drammen" on "My pitches", a stray separator first."""

from __future__ import annotations

import re

from tests.factories import make_pitch, make_user


def _facts(page: str) -> list[str]:
    return [" ".join(line.split()) for line in
            re.findall(r'<p class="small text-body-secondary mb-0">(.*?)</p>', page, re.S)]


def test_a_draft_without_stage_lists_its_municipality_without_a_separator(client, auth):
    founder = make_user("founder")
    make_pitch(founder, status="draft", stage="", ask_nok=None, municipality="drammen")
    auth.login(founder.email)
    assert _facts(client.get("/pitches/mine").get_data(as_text=True)) == ["Drammen"]


def test_a_full_pitch_keeps_stage_ask_and_municipality_in_order(client, auth):
    founder = make_user("founder")
    make_pitch(founder, stage="seed", ask_nok=2_000_000, municipality="asker")
    auth.login(founder.email)
    (line,) = _facts(client.get("/pitches/mine").get_data(as_text=True))
    assert re.fullmatch(r"Seed · NOK 2,000,000 · Asker", line), line
