"""Offline evaluation on a real investment dataset, by the rule of the data README.

    python -m matching.evaluate DATASET_DIR [--json] [--seed 0]

Temporal split at `split.json`'s cutoff. Investor records are built from TRAIN investments
only (their portfolio's texts, sectors, stages, locations, amounts, count and latest date);
candidate pitches only from their own fields. Every evaluated investor ranks all candidates
(pitch ranking) and every candidate with an evaluated test investor ranks all evaluated
investors (investor ranking). Component weights are learned on the TRAIN period alone, by the
same protocol one level down (an inner temporal split), so nothing is tuned on the test period.
The engine is the app's `MatchEngine`; ties are broken by its seeded random order.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .activity import activity_scale, activity_score, parse_date, scale_counts
from .engine import MatchEngine
from .records import EngineWeights, InvestorRecord, PitchRecord, PortfolioItem
from .reranker import shrunk_weights

PITCH_KEYS = ("recall@10", "recall@50", "ndcg@10", "mrr")
REVERSE_KEYS = ("recall@10", "ndcg@10")


@dataclass
class Dataset:
    """A dataset folder in memory."""

    name: str
    pitches: dict[str, dict]
    investments: list[dict]
    cutoff: str


def load_dataset(folder: str | Path) -> Dataset:
    """Read pitches, investments and split from a dataset folder."""
    folder = Path(folder)

    def lines(name: str) -> list[dict]:
        with open(folder / name, encoding="utf-8") as fh:
            return [json.loads(x) for x in fh if x.strip()]

    pitches = {p["id"]: p for p in lines("pitches.jsonl")}
    split = json.loads((folder / "split.json").read_text(encoding="utf-8"))
    investments = [i for i in lines("investments.jsonl") if i["pitch_id"] in pitches]
    for inv in investments:  # undated investments take the company's date
        inv["date"] = inv.get("date") or pitches[inv["pitch_id"]].get("date")
    investments = [i for i in investments if i["date"]]
    return Dataset(folder.name, pitches, investments, split["cutoff"])


@dataclass
class Task:
    """One ranking task: investor records, candidate records and the answer key."""

    investors: list[InvestorRecord]
    candidates: list[PitchRecord]
    relevant: dict[str, set[str]]  # investor id -> candidate ids it funded


def pitch_record(p: dict) -> PitchRecord:
    """A candidate pitch, described only by its own fields."""
    return PitchRecord(id=p["id"], text=p.get("text") or "", sectors=tuple(p.get("sectors") or ()),
                       stage=p.get("stage"), location=p.get("location"), amount=p.get("amount"),
                       date=p.get("date"))


def investor_record(qid: str, portfolio: list[dict], pitches: dict[str, dict]
                    ) -> InvestorRecord:
    """An investor profile as its past portfolio reads (repeats count as weight)."""
    ps = [pitches[i["pitch_id"]] for i in portfolio]
    amounts = np.log10([p["amount"] for p in ps if p.get("amount") and p["amount"] > 0])
    lo = hi = None
    if amounts.size:
        lo, hi = 10 ** np.quantile(amounts, 0.1), 10 ** np.quantile(amounts, 0.9)
    return InvestorRecord(
        id=qid, text=". ".join(p.get("text") or "" for p in ps),
        sectors=tuple(s for p in ps for s in p.get("sectors") or ()),
        stages=tuple(s for i, p in zip(portfolio, ps, strict=True)
                     if (s := i.get("stage") or p.get("stage"))),
        locations=tuple(p["location"] for p in ps if p.get("location")),
        ticket_min=lo, ticket_max=hi, activity=float(len(portfolio)),
        last_active=max(i["date"] for i in portfolio),
        activity_dates=tuple(sorted(i["date"] for i in portfolio)),
        portfolio=tuple(PortfolioItem(date=i["date"], stage=i.get("stage") or p.get("stage"),
                                      location=p.get("location"),
                                      sectors=tuple(p.get("sectors") or ()),
                                      text=p.get("text") or "")
                        for i, p in zip(portfolio, ps, strict=True)))


def make_task(ds: Dataset, start: str | None, cutoff: str, end: str | None = None) -> Task:
    """The README's protocol for investments in [start, cutoff) vs [cutoff, end)."""
    inv = [i for i in ds.investments if (start is None or i["date"] >= start)
           and (end is None or i["date"] < end)]
    first: dict[str, str] = {}
    for i in inv:
        first[i["pitch_id"]] = min(first.get(i["pitch_id"], i["date"]), i["date"])
    cands = {p for p, d in first.items() if d >= cutoff and (
        not ds.pitches[p].get("date") or ds.pitches[p]["date"] >= cutoff)}
    train: dict[str, list[dict]] = defaultdict(list)
    test: dict[str, set[str]] = defaultdict(set)
    for i in inv:
        if i["date"] < cutoff:
            train[i["investor_id"]].append(i)
        elif i["pitch_id"] in cands:
            test[i["investor_id"]].add(i["pitch_id"])
    evaluated = sorted(q for q in test if len(train.get(q, ())) >= 3)
    return Task([investor_record(q, train[q], ds.pitches) for q in evaluated],
                [pitch_record(ds.pitches[p]) for p in sorted(cands)],
                {q: test[q] for q in evaluated})


# -- metrics ---------------------------------------------------------------------------
def ranking_metrics(ranked: list[str], relevant: set[str], keys=PITCH_KEYS) -> dict[str, float]:
    """recall@10/50, NDCG@10 (binary gain) and MRR of one ranked list."""
    hits = [x in relevant for x in ranked]
    out = {}
    for key in keys:
        if key.startswith("recall@"):
            out[key] = sum(hits[: int(key[7:])]) / len(relevant)
        elif key == "ndcg@10":
            dcg = sum(1 / math.log2(r + 2) for r, h in enumerate(hits[:10]) if h)
            idcg = sum(1 / math.log2(r + 2) for r in range(min(len(relevant), 10)))
            out[key] = dcg / idcg
        elif key == "mrr":
            out[key] = next((1 / (r + 1) for r, h in enumerate(hits) if h), 0.0)
    return out


def mean_metrics(rows: list[dict[str, float]], keys) -> dict[str, float]:
    """Macro average."""
    return {k: float(np.mean([r[k] for r in rows])) if rows else 0.0 for k in keys}


def evaluate_scores(task: Task, scores: np.ndarray) -> tuple[dict, dict]:
    """Both directions' metrics from a (investors × candidates) score matrix."""
    qids = [q.id for q in task.investors]
    pids = [p.id for p in task.candidates]
    fwd = [ranking_metrics([pids[j] for j in np.argsort(-scores[r], kind="stable")],
                           task.relevant[q]) for r, q in enumerate(qids)]
    by_pitch: dict[str, set[str]] = defaultdict(set)
    for q, ps in task.relevant.items():
        for p in ps:
            by_pitch[p].add(q)
    rev = []
    for c, p in enumerate(pids):
        if p in by_pitch:
            order = np.argsort(-scores[:, c], kind="stable")
            rev.append(ranking_metrics([qids[r] for r in order], by_pitch[p], REVERSE_KEYS))
    return mean_metrics(fwd, PITCH_KEYS), mean_metrics(rev, REVERSE_KEYS)


def engine_scores(engine: MatchEngine, task: Task) -> np.ndarray:
    """Full investors × candidates score matrix, via the engine's own blocked top-k."""
    n, m = len(task.candidates), len(task.investors)
    fwd, _ = engine.batch_topk(k=m, forward=True, reverse=False)
    scores = np.full((m, n), -np.inf)
    rows = np.repeat(np.arange(n), fwd.index.shape[1])
    cols = fwd.index.ravel()
    ok = cols >= 0
    scores[cols[ok], rows[ok]] = fwd.score.ravel()[ok]
    return scores


def fit_engine(task: Task, weights: EngineWeights, as_of: str, seed: int,
               half_life: float = 365.0) -> MatchEngine:
    """The app's engine, fitted on a task's candidates and investor profiles."""
    return MatchEngine(weights=weights, random_state=seed, as_of=as_of, retrieval="exact",
                       half_life_days=half_life).fit(task.candidates, task.investors)


#: Half-lives (days) tried for the recency-weighted activity count: a quarter to four years.
HALF_LIVES = (90.0, 180.0, 365.0, 730.0, 1460.0)
#: Inner cutoffs, as quantiles of the TRAIN investment dates; several, so that what is learned
#: does not hinge on one small window.
INNER_QUANTILES = (0.6, 0.7, 0.8)


def inner_tasks(ds: Dataset, quantiles=INNER_QUANTILES, min_investments: int = 50
                ) -> list[tuple[str, Task]]:
    """The evaluation protocol one level down: TRAIN split at inner cutoffs (TEST unseen)."""
    dates = sorted(i["date"] for i in ds.investments if i["date"] < ds.cutoff)
    out: list[tuple[str, Task]] = []
    if len(dates) < min_investments:
        return out
    for qt in quantiles:
        cut = dates[int(qt * len(dates))]
        if cut <= dates[0] or any(c == cut for c, _ in out):
            continue
        task = make_task(ds, None, cut, ds.cutoff)
        if len(task.investors) >= 3 and len(task.candidates) >= 5:
            out.append((cut, task))
    return out


def activity_values(task: Task, as_of: str, half_life: float) -> np.ndarray:
    """The engine's activity score of every investor of `task` at `as_of`."""
    when = parse_date(as_of)
    scale = activity_scale(scale_counts(task.investors, when, half_life))
    return np.array([activity_score(q.activity, q.last_active, when, scale, half_life, 0.3,
                                    q.activity_dates) for q in task.investors])


def choose_half_life(tasks: list[tuple[str, Task]], seed: int,
                     default: float = 365.0) -> tuple[float, dict]:
    """Half-life whose activity prior alone ranks the inner splits' investors best.

    Reverse-direction NDCG@10 of the activity score alone, averaged over the inner splits;
    ties keep the longer half-life (the smoother prior). `default` without inner data.
    """
    if not tasks:
        return default, {}
    means = {}
    for h in HALF_LIVES:
        vals = []
        for cut, task in tasks:
            act = activity_values(task, cut, h)
            m, n = len(task.investors), len(task.candidates)
            jit = np.random.default_rng(seed).random((m, n)) * 1e-9
            vals.append(evaluate_scores(task, act[:, None] + jit)[1]["ndcg@10"])
        means[h] = float(np.mean(vals))
    best = max(HALF_LIVES, key=lambda h: (round(means[h], 4), h))
    return best, {str(int(h)): round(v, 4) for h, v in means.items()}


def _pair_differences(tasks: list[tuple[str, Task]], seed: int, negatives: int,
                      half_life: float) -> tuple[np.ndarray, int]:
    """Component differences (funded pair − sampled unfunded pair sharing a side), pooled,
    and the number of funded pairs behind them (the effective sample size)."""
    rng = np.random.default_rng(seed)
    diffs = [np.zeros((0, len(EngineWeights().as_dict())))]
    n_pos = 0
    for cut, task in tasks:
        eng = fit_engine(task, EngineWeights(), cut, seed, half_life)
        pids = [p.id for p in task.candidates]
        qids = [q.id for q in task.investors]
        pos, neg = [], []
        for q, ps in task.relevant.items():
            for p in sorted(ps):  # sets iterate in hash order: sort, so runs repeat
                others_p = [x for x in rng.choice(pids, negatives) if x not in ps]
                others_q = [x for x in rng.choice(qids, negatives) if p not in task.relevant[x]]
                pos += [(p, q)] * (len(others_p) + len(others_q))
                neg += [(x, q) for x in others_p] + [(p, x) for x in others_q]
                n_pos += 1
        diffs.append(eng.pair_components(pos).astype(float)
                     - eng.pair_components(neg).astype(float))
    return np.vstack(diffs), n_pos


def blend(a: EngineWeights, b: EngineWeights, t: float = 0.5) -> EngineWeights:
    """Convex combination `t * a + (1 - t) * b` of two weight vectors."""
    da, db = a.as_dict(), b.as_dict()
    return EngineWeights(**{k: t * da[k] + (1 - t) * db[k] for k in da})


#: L2 strengths on the log-ratios to the default weights (see `reranker.shrunk_weights`),
#: in units of funded pairs; chosen on forward-chained folds of the TRAIN period.
LAMBDAS = (3.0, 10.0, 30.0, 100.0, 300.0)
#: Extra, earliest training cutoff for the validation folds (as a TRAIN date quantile).
FOLD_START_QUANTILE = 0.5
#: Learned weights are kept only if they beat the defaults by this much on average over the
#: folds (sum over both directions of log NDCG@10 ratios) and lose no more on any fold.
GUARD_MARGIN = 0.02


def _gain(got: tuple[float, float], base: tuple[float, float]) -> float:
    """Sum over both directions of log NDCG@10 ratios (smoothed)."""
    return float(sum(np.log((g + 1e-3) / (b + 1e-3)) for g, b in zip(got, base, strict=True)))


def _ndcgs(engine: MatchEngine, task: Task, weights: EngineWeights) -> tuple[float, float]:
    fwd, rev = evaluate_scores(task, engine_scores(engine.set_weights(weights), task))
    return fwd["ndcg@10"], rev["ndcg@10"]


def validation_folds(ds: Dataset, tasks: list[tuple[str, Task]]
                     ) -> list[tuple[list[tuple[str, Task]], str, Task]]:
    """Forward-chained folds over the inner splits: (training windows, cutoff, task).

    Fold j validates on inner split j (investments from its cutoff to the outer cutoff) and
    trains on windows that all END at that cutoff (inner cutoffs before it, plus one earlier
    start), so no fold ever learns from what it is validated on.
    """
    dates = sorted(i["date"] for i in ds.investments if i["date"] < ds.cutoff)
    starts = sorted({dates[int(FOLD_START_QUANTILE * len(dates))]} | {c for c, _ in tasks})
    folds = []
    for cut, task in tasks:
        train = [(c, make_task(ds, None, c, cut)) for c in starts if c < cut]
        train = [(c, t) for c, t in train if len(t.investors) >= 3 and len(t.candidates) >= 5]
        if train:
            folds.append((train, cut, task))
    return folds


def learn_weights(ds: Dataset, seed: int, negatives: int = 20, half_life: float = 365.0,
                  tasks: list[tuple[str, Task]] | None = None) -> tuple[EngineWeights, dict]:
    """Weights from inner temporal splits of the TRAIN period, kept only if they validate.

    The learner (`reranker.shrunk_weights`) moves each default weight by a factor
    ``exp(theta)`` under an L2 penalty ``lam * ||theta||^2``, activity and focus tied. `lam`
    is chosen on forward-chained folds (`validation_folds`): each fold learns on windows
    ending at an inner cutoff and is scored on that inner split against the defaults (sum of
    log NDCG@10 ratios over both directions); the best mean gain wins, the worst fold breaks
    ties. The guard keeps the weights (refitted on all inner splits with that `lam`) only if
    that mean gain is at least `GUARD_MARGIN` and no fold loses more than `GUARD_MARGIN`;
    otherwise the defaults are kept.
    """
    tasks = inner_tasks(ds) if tasks is None else tasks
    default = EngineWeights()
    if not tasks:
        return default, {"inner": "too little train data; defaults kept"}
    info: dict = {"inner_cutoffs": [c for c, _ in tasks],
                  "inner_investors": [len(t.investors) for _, t in tasks],
                  "inner_candidates": [len(t.candidates) for _, t in tasks]}
    folds = validation_folds(ds, tasks)
    if not folds:
        info["choice"] = "no validation fold; defaults kept"
        return default, info
    gains: dict[float, list[float]] = {lam: [] for lam in LAMBDAS}
    for train, cut, task in folds:
        diff, n_pos = _pair_differences(train, seed, negatives, half_life)
        engine = fit_engine(task, default, cut, seed, half_life)
        base = _ndcgs(engine, task, default)
        for lam in LAMBDAS:
            w = shrunk_weights(diff, default, lam, n_eff=n_pos)[0]
            gains[lam].append(_gain(_ndcgs(engine, task, w), base))
    best = max(LAMBDAS, key=lambda lam: (round(float(np.mean(gains[lam])), 4),
                                         round(min(gains[lam]), 4), lam))
    mean_gain, worst = float(np.mean(gains[best])), float(min(gains[best]))
    info.update(folds=[c for _, c, _ in folds],
                validation_gain={str(lam): [round(g, 4) for g in v] for lam, v in gains.items()},
                lam=best)
    if mean_gain < GUARD_MARGIN or worst < -GUARD_MARGIN:
        info["choice"] = "default"
        return default, info
    diff, n_pos = _pair_differences(tasks, seed, negatives, half_life)
    learned, theta = shrunk_weights(diff, default, best, n_eff=n_pos)
    info.update(pairs=len(diff), positives=n_pos, log_ratio={k: round(v, 3)
                                                             for k, v in theta.items()},
                choice="learned")
    return learned, info


def baselines(task: Task, seeds: int = 5) -> dict[str, dict]:
    """Random (mean of `seeds` orders) and popularity (sector frequency / investor degree)."""
    m, n = len(task.investors), len(task.candidates)
    out = {}
    runs = [evaluate_scores(task, np.random.default_rng(s).random((m, n))) for s in range(seeds)]
    out["random"] = _merge([r[0] for r in runs], [r[1] for r in runs])
    sector_counts = [defaultdict(int) for _ in range(m)]
    for r, q in enumerate(task.investors):
        for s in q.sectors:
            sector_counts[r][s] += 1
    degree = np.array([q.activity for q in task.investors], float)
    runs = []
    for s in range(seeds):
        jitter = np.random.default_rng(100 + s).random((m, n)) * 1e-3
        sec = np.array([[sum(sector_counts[r][x] for x in p.sectors) for p in task.candidates]
                        for r in range(m)], float)
        runs.append(evaluate_scores(task, sec + degree[:, None] * 1e-6 + jitter))
    fwd = _merge([r[0] for r in runs], [r[1] for r in runs])
    runs = [evaluate_scores(task, degree[:, None] + np.random.default_rng(200 + s).random((m, n))
                            * 1e-3) for s in range(seeds)]
    rev = _merge([r[0] for r in runs], [r[1] for r in runs])
    out["popularity"] = {"pitch_ranking": fwd["pitch_ranking"],
                         "investor_ranking": rev["investor_ranking"]}
    return out


def _merge(fwds: list[dict], revs: list[dict]) -> dict:
    return {"pitch_ranking": {k: float(np.mean([f[k] for f in fwds])) for k in PITCH_KEYS},
            "investor_ranking": {k: float(np.mean([r[k] for r in revs])) for k in REVERSE_KEYS}}


def simulate_earlier_cutoff(ds: Dataset, quantile: float) -> Dataset:
    """The TRAIN period alone, re-split at a quantile of its dates (an "unseen" split)."""
    train = [i for i in ds.investments if i["date"] < ds.cutoff]
    dates = sorted(i["date"] for i in train)
    cut = dates[min(len(dates) - 1, int(quantile * len(dates)))]
    return Dataset(f"{ds.name}@{cut}", ds.pitches, train, cut)


def evaluate(folder: str | Path, seed: int = 0, learn: bool = True,
             earlier: float | None = None) -> dict:
    """Run the whole protocol on one dataset folder; returns the JSON-able report.

    `earlier` (a quantile in (0, 1)) drops the TEST period and re-splits TRAIN there: a
    robustness check on a split that nothing was ever tuned on.
    """
    ds = load_dataset(folder)
    if earlier is not None:
        ds = simulate_earlier_cutoff(ds, earlier)
    weights, info, half_life = EngineWeights(), {}, 365.0
    if learn:
        tasks = inner_tasks(ds)
        half_life, info["half_life_ndcg"] = choose_half_life(tasks, seed)
        weights, more = learn_weights(ds, seed, half_life=half_life, tasks=tasks)
        info.update(more, half_life_days=half_life)
    task = make_task(ds, None, ds.cutoff)
    engine = fit_engine(task, weights, ds.cutoff, seed, half_life)
    fwd, rev = evaluate_scores(task, engine_scores(engine, task))
    return {"dataset": ds.name, "investors_evaluated": len(task.investors),
            "candidates": len(task.candidates),
            "pitch_ranking": fwd, "investor_ranking": rev, "baselines": baselines(task),
            "weights": weights.as_dict(), "learning": info}


def _table(report: dict) -> str:
    rows = [("engine", report)] + list(report["baselines"].items())
    head = f"{'method':<12}" + "".join(f"{k:>11}" for k in PITCH_KEYS) + \
        "".join(f"{'rev ' + k:>15}" for k in REVERSE_KEYS)
    lines = [f"{report['dataset']}: {report['investors_evaluated']} investors, "
             f"{report['candidates']} candidates", head]
    for name, r in rows:
        lines.append(f"{name:<12}" + "".join(f"{r['pitch_ranking'][k]:>11.3f}" for k in PITCH_KEYS)
                     + "".join(f"{r['investor_ranking'][k]:>15.3f}" for k in REVERSE_KEYS))
    lines.append("weights: " + ", ".join(f"{k}={v:.2f}" for k, v in report["weights"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-learn", action="store_true", help="keep default weights")
    ap.add_argument("--earlier", type=float, default=None, metavar="Q",
                    help="robustness check: drop TEST, re-split TRAIN at date quantile Q")
    args = ap.parse_args(argv)
    report = evaluate(args.dataset, args.seed, learn=not args.no_learn, earlier=args.earlier)
    sys.stdout.write((json.dumps(report) if args.json else _table(report)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
