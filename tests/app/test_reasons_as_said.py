"""The API and the personal-data download list under `reasons` the reasons the match's
sentence says (explain.said_reasons), not the engine's raw codes: since 1598433 the sentence
adds or drops a stage, sector, place or funding reason by the facts the bars' words show, and
one answer gave `reasons` ["stage_fit", "sector_overlap"] beside an explanation that also
said the place is near the investor's and the funding type fits."""

from __future__ import annotations

import html

import pytest

from app.extensions import db
from app.models import MatchScore
from app.services import personal_data
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

COMPONENTS = {"text": 0.2, "sectors": 0.707, "stage": 0.577, "location": 0.277,
              "support": 0.5, "funding": 1.0, "ticket": 1.0}
# The engine gave stage and sectors; the facts add a region (Lier beside Drammen and Asker)
# and the funding type (equity, the investor's only one), as the sentence says them.
SAID = ["stage_fit", "sector_overlap", "funding_match", "same_region"]


def _pair():
    founder, investor = make_user("founder", locale="en"), make_user("investor", locale="en")
    # no ask: the amount's reason would follow the facts too, and take a place of the four
    pitch = make_pitch(founder, municipality="lier", ask_nok=None)
    profile = make_investor(investor, stages=["pre_seed", "seed", "series_a"],
                            regions=["drammen", "asker"], funding_types=["equity"])
    score = MatchScore(pitch_id=pitch.id, investor_profile_id=profile.id, score=0.6,
                       components=dict(COMPONENTS), shared_terms=["solenergi"],
                       reasons=["stage_fit", "sector_overlap"])
    db.session.add(score)
    db.session.commit()
    return founder, investor, pitch


def _agree(item: dict) -> None:
    assert sorted(item["reasons"]) == sorted(SAID)
    assert "places near " in item["explanation"]  # the place, as the reader's side reads it
    assert "the funding type fits" in item["explanation"]


def test_the_api_lists_the_reasons_its_explanation_says(client):
    founder, investor, pitch = _pair()
    recs = client.get("/api/v1/recommendations", headers=bearer(investor)).get_json()
    _agree(recs["items"][0])
    mine = client.get(f"/api/v1/pitches/{pitch.id}/recommendations",
                      headers=bearer(founder)).get_json()
    _agree(mine["items"][0])


def test_the_personal_data_download_lists_the_reasons_its_explanation_says(app):
    founder, investor, _pitch = _pair()
    with app.test_request_context(headers={"Accept-Language": "en"}):
        for user, section in ((investor, "investor_match_scores"),
                              (founder, "pitch_match_scores")):
            rows = personal_data.export_data(user)[section]
            assert len(rows) == 1, section
            _agree(rows[0])


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "its sentence puts the strongest few into words"),
    ("nb", "setningen setter ord på de sterkeste av dem"),
])
def test_the_api_docs_say_what_reasons_are(client, lang, words):
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    assert words in page
