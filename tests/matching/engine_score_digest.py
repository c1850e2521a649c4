"""The engine's scores on a small fixed dataset, rounded: what `ENGINE_REVISION` vouches for.

The fingerprint (`matching/fingerprint.py`) sees constants, not code, so a change to how
pairs are scored that nobody marks by bumping `ENGINE_REVISION` would leave indexes fitted by
the old code in service. This digest is the engine's answer on 24 synthetic pitches and 16
investors (default weights, both directions, top 3, plus one unindexed pitch scored live),
recorded in `engine_score_digest.json` under the revision that produced it;
`test_engine_score_digest.py` compares.

Record a new digest (after bumping the revision) with

    .venv/bin/python -m tests.matching.engine_score_digest --write
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from matching import MatchEngine
from matching.fingerprint import ENGINE_REVISION
from matching.records import COMPONENTS, PortfolioItem
from matching.synthetic import generate

RECORDED = Path(__file__).with_name("engine_score_digest.json")
RECORD_COMMAND = ".venv/bin/python -m tests.matching.engine_score_digest --write"
# Scores are float32 sums; the last bits move with the BLAS build and its thread count, so
# they are written to 6 decimals and compared to within TOLERANCE (a change to scoring moves
# them by far more).
DECIMALS = 6
TOLERANCE = 2e-5
K = 3


def _dataset():
    pitches, investors = generate(24, 16, seed=7)
    # generate() leaves portfolios empty; a few past deals so the focus component counts
    deals = tuple(PortfolioItem(date=p.date, stage=p.stage, location=p.location,
                                sectors=p.sectors, text=p.text) for p in pitches[:6])
    investors = [dataclasses.replace(q, portfolio=deals[j % 3::3]) if j < 8 else q
                 for j, q in enumerate(investors)]
    live, _ = generate(1, 0, seed=11)
    return pitches, investors, dataclasses.replace(live[0], id="live")


def _pair(m) -> dict:
    return {"pitch": m.pitch_id, "investor": m.investor_id,
            "score": round(float(m.score), DECIMALS),
            "components": [round(float(m.components[c]), DECIMALS) for c in COMPONENTS],
            "shared_terms": list(m.shared_terms), "reasons": list(m.reasons)}


def current() -> dict:
    """The digest of the code as it is: each direction's top K per record, best first."""
    pitches, investors, live = _dataset()
    engine = MatchEngine().fit(pitches, investors)
    forward = engine.batch_top_investors(K)
    reverse = engine.batch_top_pitches(K)
    return {"revision": ENGINE_REVISION,
            "investors_for_pitch": {p: [_pair(m) for m in ms] for p, ms in forward.items()},
            "pitches_for_investor": {q: [_pair(m) for m in ms] for q, ms in reverse.items()},
            "live_pitch": [_pair(m) for m in engine.top_investors(live, K)]}


def recorded() -> dict:
    return json.loads(RECORDED.read_text(encoding="utf-8"))


def differences(old: dict, new: dict) -> list[str]:
    """Where `new` differs from `old` beyond float noise (empty: the same scores)."""
    out = []
    for part in ("investors_for_pitch", "pitches_for_investor"):
        if old[part].keys() != new[part].keys():
            out.append(f"{part}: other records")
            continue
        for key in old[part]:
            out += _list_differences(f"{part}[{key}]", old[part][key], new[part][key])
    return out + _list_differences("live_pitch", old["live_pitch"], new["live_pitch"])


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE


def _list_differences(where: str, old: list[dict], new: list[dict]) -> list[str]:
    """One top-K list against its record: the same pairs in the same order with the same
    scores and explanations, except that pairs within float noise of each other may swap
    (and of the K-th score, may fall in or out of the list)."""
    key = lambda m: (m["pitch"], m["investor"])  # noqa: E731
    olds, news = {key(m): m for m in old}, {key(m): m for m in new}
    out = []
    for mine, theirs, last in ((olds, news, new), (news, olds, old)):
        for k in mine.keys() - theirs.keys():
            if not (last and _close(mine[k]["score"], last[-1]["score"])):
                out.append(f"{where}: {k} {'gone' if mine is olds else 'new'}")
    both = [k for k in map(key, new) if k in olds]
    rank = {k: i for i, k in enumerate(k for k in map(key, old) if k in news)}
    for i, a in enumerate(both):
        for b in both[i + 1:]:
            if rank[a] > rank[b] and not _close(news[a]["score"], news[b]["score"]):
                out.append(f"{where}: {a} now before {b}")
        o, n = olds[a], news[a]
        if not _close(o["score"], n["score"]):
            out.append(f"{where}: {a} score {o['score']} -> {n['score']}")
        if len(o["components"]) != len(n["components"]) or not all(
                _close(x, y) for x, y in zip(o["components"], n["components"], strict=True)):
            out.append(f"{where}: {a} components {o['components']} -> {n['components']}")
        for field in ("shared_terms", "reasons"):
            if o[field] != n[field]:
                out.append(f"{where}: {a} {field} {o[field]} -> {n[field]}")
    return out


def _one_pair_a_line(digest: dict) -> str:
    """The digest as JSON with one pair a line, so a diff shows which pairs moved."""
    def pairs(ms):
        return "[\n" + ",\n".join("   " + json.dumps(m, ensure_ascii=False) for m in ms) + "]"
    lines = [f' "components": {json.dumps(COMPONENTS)},', f' "revision": {digest["revision"]},',
             f' "live_pitch": {pairs(digest["live_pitch"])},']
    for part in ("investors_for_pitch", "pitches_for_investor"):
        inner = ",\n".join(f"  {json.dumps(k)}: {pairs(ms)}" for k, ms in digest[part].items())
        lines.append(f' "{part}": {{\n{inner}}},')
    return "{\n" + "\n".join(lines).rstrip(",") + "\n}\n"


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit(f"usage: {RECORD_COMMAND}")
    RECORDED.write_text(_one_pair_a_line(current()), encoding="utf-8")
    print(f"recorded the scores of ENGINE_REVISION {ENGINE_REVISION} in {RECORDED}")
