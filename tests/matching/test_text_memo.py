"""A text is analysed (tokenised, stemmed, glossary-mapped) once per process, not once per
engine fit: an evaluation's learning run fits ~10 engines on the same texts, and with long
texts that analysis was nearly all of its time. The memo of analyses stays bounded."""

from __future__ import annotations

import json
import uuid
from collections import Counter

import numpy as np
import pytest

from matching import InvestorRecord, MatchEngine, PitchRecord, analysis_memo
from matching.evaluate import evaluate
from matching.features import FeatureBuilder
from matching.text import Analyzer

from .test_activity import _dataset


@pytest.fixture
def tokenised(monkeypatch) -> Counter:
    """How many times each text went through the analyser's first step."""
    seen: Counter = Counter()
    tokens = Analyzer.tokens

    def spy(text):
        seen[text] += 1
        return tokens(text)

    monkeypatch.setattr(Analyzer, "tokens", staticmethod(spy))
    return seen


def test_a_text_is_analysed_once_across_engine_fits(tokenised):
    tag = uuid.uuid4().hex  # texts no earlier test can have left in the memo
    pitches = [PitchRecord("p1", f"Solceller og batterilagring på gårdsbygget {tag}."),
               PitchRecord("p2", f"Salmon farming sensors at sea {tag}."),
               PitchRecord("p3", f"Læringsapp for skolen {tag}.")]
    investors = [InvestorRecord("q1", f"Battery storage. Solar on farms {tag}."),
                 InvestorRecord("q2", f"Havbruk og fisk {tag}.")]
    first = MatchEngine().fit(pitches, investors)
    second = MatchEngine().fit(pitches, investors)
    second.score_pair("p1", "q1")
    texts = [r.text for r in pitches + investors]
    assert {t: tokenised[t] for t in texts} == dict.fromkeys(texts, 1)
    # the second fit, from remembered analyses, is the first one
    for a, b in ((first.pitch_text_, second.pitch_text_),
                 (first.investor_text_, second.investor_text_)):
        assert (a != b).nnz == 0
    assert first.score_pair("p1", "q1").shared_terms == second.score_pair("p1", "q1").shared_terms


def test_an_evaluation_analyses_each_text_once(tmp_path, monkeypatch, tokenised):
    folder = _dataset(tmp_path)
    tag = uuid.uuid4().hex  # texts no earlier test can have left in the memo
    rows = [json.loads(line) for line in (folder / "pitches.jsonl").read_text().splitlines()]
    (folder / "pitches.jsonl").write_text("\n".join(
        json.dumps({**p, "text": f"{p['text']} {p['id']} {tag}"}) for p in rows))
    fits = []
    fit = FeatureBuilder.fit
    monkeypatch.setattr(FeatureBuilder, "fit",
                        lambda self, *args: fits.append(1) or fit(self, *args))
    evaluate(folder, seed=0)
    assert len(fits) > 2  # the learning run refits on the same texts
    assert tokenised and set(tokenised.values()) == {1}


def test_the_memo_keeps_recent_texts_within_its_character_budget(monkeypatch, tokenised):
    memo = analysis_memo.AnalysisMemo(max_chars=60)
    monkeypatch.setattr(Analyzer, "memo", memo)
    analyzer = Analyzer()
    a, b, c = "solar panels on farm roofs", "salmon farming with sensors", "an app for schools"
    for text in (a, b, a, c):  # c pushes out b, the least recently used; a was just used
        analyzer.analyze(text)
    assert memo.chars <= 60 and len(memo) == 2
    analyzer.analyze(a)
    analyzer.analyze(b)
    assert tokenised[a] == 1 and tokenised[b] == 2
    long = "hydrogen " * 20  # longer than the whole budget: analysed, never remembered
    first = analyzer.analyze(long)
    assert analyzer.analyze(long) == first and tokenised[long] == 2
    assert memo.chars <= 60


def test_remembered_analyses_give_the_same_rows_as_fresh_ones(monkeypatch):
    texts = [f"Vi bygger solenergi og batterilagring {i} for gårder i Asker." for i in range(5)]
    texts += ["Solar panels for large industrial roofs, https://example.no/solar, battery."]
    from matching.text import TextVectorizer

    monkeypatch.setattr(Analyzer, "memo", analysis_memo.AnalysisMemo(max_chars=0))
    fresh = TextVectorizer().fit_transform(texts).toarray()
    monkeypatch.setattr(Analyzer, "memo", analysis_memo.AnalysisMemo())
    TextVectorizer().fit_transform(texts)
    assert np.array_equal(TextVectorizer().fit_transform(texts).toarray(), fresh)


def test_a_fit_analyses_each_text_once_when_the_memo_cannot_hold_them(monkeypatch, tokenised):
    # At 100,000 pitches the fit's texts are three times the memo: the pitches' own spellings
    # (PitchWords) are read from the fit's analyses, not analysed again through the memo.
    monkeypatch.setattr(Analyzer, "memo", analysis_memo.AnalysisMemo(max_chars=200))
    tag = uuid.uuid4().hex
    pitches = [PitchRecord(f"p{i}", f"Solceller og batterilagring på gårdsbygget nr {i} {tag}. "
                           f"CO2-utslipp i Oslo, SaaS fra SINTEF.") for i in range(12)]
    investors = [InvestorRecord("q1", f"Battery storage. Solar on farms {tag}."),
                 InvestorRecord("q2", f"Havbruk og fisk {tag}.")]
    small = MatchEngine().fit(pitches, investors)
    texts = [r.text for r in pitches + investors]
    assert {t: tokenised[t] for t in texts} == dict.fromkeys(texts, 1)
    monkeypatch.setattr(Analyzer, "memo", analysis_memo.AnalysisMemo())
    whole = MatchEngine().fit(pitches, investors)
    assert whole.pitch_words_.forms == small.pitch_words_.forms
    assert (whole.pitch_words_.matrix != small.pitch_words_.matrix).nnz == 0
    assert small.score_pair("p3", "q1").shared_terms == whole.score_pair("p3", "q1").shared_terms
