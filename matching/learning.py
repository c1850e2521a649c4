"""What the evaluation learns from the TRAIN period alone, by its own protocol one level down.

Inner temporal splits of TRAIN (`inner_tasks`) stand in for the unseen TEST period:

1. the activity half-life whose recency-weighted investor prior alone ranks the inner
   splits' investors best (`choose_half_life`);
2. the weights of the components that vary across pitches for one investor (text, facets,
   ticket, focus), from same-investor pairs (funded vs unfunded pitch) and validated on the
   pitch ranking alone (`learn_forward`);
3. the activity weight, validated on the investor ranking alone (`learn_activity`). Activity
   is a property of the investor, the same for every pitch, so its weight reorders investors
   for a pitch but never pitches for an investor: step 3 cannot cost the pitch ranking
   anything, and one weight vector serves both directions;
4. all weights again, from same-pitch pairs (funded vs non-funding investor), validated on
   the investor ranking (`learn_reverse`). These weights move the pitch ranking too, so the
   step is also held to costing the pitch ranking no more than the guard margin on average.

Each choice is made on forward-chained folds (`validation_folds`) and guarded: it is kept
only if it beats what it replaces on average and loses little on every fold.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .activity import activity_scale, activity_score, parse_date, scale_counts
from .dataset import Dataset, Task, make_task
from .engine import MatchEngine
from .metrics import (
    REVERSE_KEYS,
    engine_scores,
    evaluate_scores,
    fit_engine,
    mean_metrics,
    reverse_rows,
    text_blocks,
)
from .records import EngineWeights
from .reranker import shrunk_weights

#: Half-lives (days) tried for the recency-weighted activity count: a quarter to four years.
HALF_LIVES = (90.0, 180.0, 365.0, 730.0, 1460.0)
#: Inner cutoffs, as quantiles of the TRAIN investment dates; several, so that what is learned
#: does not hinge on one small window.
INNER_QUANTILES = (0.6, 0.7, 0.8)
#: L2 strengths on the log-ratios to the default weights (see `reranker.shrunk_weights`),
#: in units of funded pairs; chosen on forward-chained folds of the TRAIN period.
LAMBDAS = (3.0, 10.0, 30.0, 100.0, 300.0)
#: Multipliers of the activity weight tried for the investor ranking.
ACTIVITY_FACTORS = (1.0, 1.5, 2.0, 3.0, 5.0)
#: Extra, earliest training cutoff for the validation folds (as a TRAIN date quantile).
FOLD_START_QUANTILE = 0.5
#: A learned choice is kept only if it beats what it replaces by this much on average over
#: the folds (log NDCG@10 ratio) and loses no more than this on any fold.
GUARD_MARGIN = 0.02

Folds = list[tuple[list[tuple[str, Task]], str, Task]]


class Engines:
    """Engines fitted during one learning run, by (task, cutoff, seed, half-life), and the
    NDCG@10 pair each weight vector scores on them.

    A fit does not depend on the weights (they only scale columns at scoring time), so the
    steps that sample pairs from or validate on the same task share one fit, a weight
    vector that two steps score on the same task is scored once, and the text products
    (the costly part of scoring) are computed once per validation task.
    """

    def __init__(self) -> None:
        self._fits: dict[tuple, tuple[Task, MatchEngine]] = {}
        self._ndcgs: dict[tuple, tuple[float, float]] = {}
        self._text: dict[tuple, list[np.ndarray]] = {}

    def fit(self, task: Task, cut: str, seed: int, half_life: float) -> MatchEngine:
        """The engine fitted on `task` as of `cut` (its weights are whatever was set last)."""
        key = (id(task), cut, seed, half_life)  # the task is kept, so its id stays its own
        if key not in self._fits:
            self._fits[key] = (task, fit_engine(task, EngineWeights(), cut, seed, half_life))
        return self._fits[key][1]

    def ndcgs(self, task: Task, cut: str, seed: int, half_life: float,
              weights: EngineWeights) -> tuple[float, float]:
        """Pitch- and investor-ranking NDCG@10 of `weights` on `task`."""
        key = (id(task), cut, seed, half_life, weights)
        if key not in self._ndcgs:
            engine = self.fit(task, cut, seed, half_life)
            text = self._text.get(key[:-1])
            if text is None:
                text = self._text[key[:-1]] = text_blocks(engine)
            scores = engine_scores(engine.set_weights(weights), task, text)
            fwd, rev = evaluate_scores(task, scores)
            self._ndcgs[key] = fwd["ndcg@10"], rev["ndcg@10"]
        return self._ndcgs[key]


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
            rows = reverse_rows(task, act[:, None] + jit)
            vals.append(mean_metrics(rows, REVERSE_KEYS)["ndcg@10"])
        means[h] = float(np.mean(vals))
    best = max(HALF_LIVES, key=lambda h: (round(means[h], 4), h))
    return best, {str(int(h)): round(v, 4) for h, v in means.items()}


def validation_folds(ds: Dataset, tasks: list[tuple[str, Task]]) -> Folds:
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


def pitch_differences(tasks: list[tuple[str, Task]], seed: int, negatives: int,
                      half_life: float, engines: Engines | None = None
                      ) -> tuple[np.ndarray, int]:
    """Component differences (funded pitch − sampled unfunded pitch, same investor), pooled,
    and the number of funded pairs behind them (the effective sample size)."""
    return _differences(tasks, seed, negatives, half_life, False, engines or Engines())


def investor_differences(tasks: list[tuple[str, Task]], seed: int, negatives: int,
                         half_life: float, engines: Engines | None = None
                         ) -> tuple[np.ndarray, int]:
    """Component differences (funding investor − sampled non-funding investor, same pitch),
    pooled, and the number of funded pairs: the pairs the investor ranking is made of."""
    return _differences(tasks, seed, negatives, half_life, True, engines or Engines())


def _differences(tasks: list[tuple[str, Task]], seed: int, negatives: int, half_life: float,
                 same_pitch: bool, engines: Engines) -> tuple[np.ndarray, int]:
    rng = np.random.default_rng(seed)
    diffs = [np.zeros((0, len(EngineWeights().as_dict())))]
    n_pos = 0
    for cut, task in tasks:
        eng = engines.fit(task, cut, seed, half_life)
        groups: dict[str, set[str]] = task.relevant  # investor -> funded pitches
        pool = [p.id for p in task.candidates]
        if same_pitch:  # pitch -> its funders
            groups = {}
            for q, ps in task.relevant.items():
                for p in ps:
                    groups.setdefault(p, set()).add(q)
            pool = [q.id for q in task.investors]
        pos, repeats, neg = [], [], []
        for key in sorted(groups):
            for x in sorted(groups[key]):  # sets iterate in hash order: sort, so runs repeat
                # drawing positions draws what rng.choice(pool) would, without converting
                # the whole pool to an array for every positive
                others = [o for o in map(pool.__getitem__, rng.choice(len(pool), negatives))
                          if o not in groups[key]]
                pairs = [(key, o) if same_pitch else (o, key) for o in [x, *others]]
                pos.append(pairs[0])  # scored once, repeated for each of its negatives
                repeats.append(len(others))
                neg += pairs[1:]
                n_pos += 1
        diffs.append(np.repeat(eng.pair_components(pos).astype(float), repeats, axis=0)
                     - eng.pair_components(neg).astype(float))
    return np.vstack(diffs), n_pos


def log_gain(got: float, base: float) -> float:
    """Smoothed log ratio of two NDCG@10 values."""
    return float(np.log((got + 1e-3) / (base + 1e-3)))


def _pick(gains: dict, info: dict, key: str) -> tuple[object, bool]:
    """The candidate with the best mean fold gain (worst fold breaks ties) and whether it
    passes the guard; records the gains in `info`."""
    best = max(gains, key=lambda c: (round(float(np.mean(gains[c])), 4),
                                     round(min(gains[c]), 4), -list(gains).index(c)))
    info["validation_gain"] = {str(c): [round(g, 4) for g in v] for c, v in gains.items()}
    info[key] = best
    ok = float(np.mean(gains[best])) >= GUARD_MARGIN and min(gains[best]) >= -GUARD_MARGIN
    return best, ok


def learn_forward(tasks: list[tuple[str, Task]], folds: Folds, seed: int, negatives: int,
                  half_life: float, engines: Engines | None = None
                  ) -> tuple[EngineWeights, dict]:
    """Pitch-varying weights from same-investor pairs, validated on the pitch ranking.

    The learner (`reranker.shrunk_weights`) moves each default weight by ``exp(theta)``
    under an L2 penalty ``lam * ||theta||^2``; `lam` is chosen on the folds by the mean gain
    in pitch-ranking NDCG@10 over the defaults. Activity never differs within one investor's
    pairs, so it keeps its default here.
    """
    return _learn_shrunk(tasks, folds, EngineWeights(), pitch_differences, seed, negatives,
                         half_life, 0, engines or Engines())


def learn_activity(folds: Folds, weights: EngineWeights, seed: int, half_life: float,
                   engines: Engines | None = None) -> tuple[EngineWeights, dict]:
    """`weights` with the activity weight scaled by the factor that ranks investors best on
    the folds (mean gain in investor-ranking NDCG@10 over factor 1, guarded)."""
    info: dict = {}
    if weights.activity <= 0:
        return weights, {"choice": "activity weight is 0; kept"}
    engines = engines or Engines()
    gains: dict[float, list[float]] = {f: [] for f in ACTIVITY_FACTORS}
    for _, cut, task in folds:
        base = engines.ndcgs(task, cut, seed, half_life, weights)[1]
        for f in ACTIVITY_FACTORS:
            w = replace(weights, activity=weights.activity * f)
            gains[f].append(log_gain(engines.ndcgs(task, cut, seed, half_life, w)[1], base))
    factor, ok = _pick(gains, info, "factor")
    if not ok or factor == 1.0:
        info["choice"] = "default"
        return weights, info
    info["choice"] = "learned"
    return replace(weights, activity=weights.activity * factor), info


def learn_reverse(tasks: list[tuple[str, Task]], folds: Folds, weights: EngineWeights,
                  seed: int, negatives: int, half_life: float, engines: Engines | None = None
                  ) -> tuple[EngineWeights, dict]:
    """All weights from same-pitch pairs (`investor_differences`), shrunk toward `weights`,
    validated on the investor ranking.

    As `learn_forward` with the directions swapped: `lam` is chosen on the folds by the mean
    gain in investor-ranking NDCG@10 over `weights` (guarded the same way). Unlike activity,
    these weights also reorder pitches for an investor, so the choice is kept only if the
    pitch ranking loses no more than the guard margin on average over the folds.
    """
    return _learn_shrunk(tasks, folds, weights, investor_differences, seed, negatives,
                         half_life, 1, engines or Engines())


def _learn_shrunk(tasks, folds: Folds, start: EngineWeights, differences, seed: int,
                  negatives: int, half_life: float, ranking: int, engines: Engines
                  ) -> tuple[EngineWeights, dict]:
    """Weights learned from `differences` pairs, shrunk toward `start`, with `lam` chosen on
    the folds by the gain in NDCG@10 of `ranking` (0 pitches, 1 investors). Learning for
    the investor ranking (1) must also not cost the pitch ranking more than GUARD_MARGIN
    on average: those weights reorder pitches too."""
    info: dict = {}
    gains: dict[float, list[float]] = {lam: [] for lam in LAMBDAS}
    pitch_gains: dict[float, list[float]] = {lam: [] for lam in LAMBDAS}
    for train, cut, task in folds:
        diff, n_pos = differences(train, seed, negatives, half_life, engines)
        base = engines.ndcgs(task, cut, seed, half_life, start)
        for lam in LAMBDAS:
            got = engines.ndcgs(task, cut, seed, half_life,
                                shrunk_weights(diff, start, lam, n_eff=n_pos)[0])
            gains[lam].append(log_gain(got[ranking], base[ranking]))
            pitch_gains[lam].append(log_gain(got[0], base[0]))
    lam, ok = _pick(gains, info, "lam")
    if ranking == 1:
        info["pitch_ranking_gain"] = [round(g, 4) for g in pitch_gains[lam]]
        ok = ok and float(np.mean(pitch_gains[lam])) >= -GUARD_MARGIN
    if not ok:
        info["choice"] = "default"
        return start, info
    diff, n_pos = differences(tasks, seed, negatives, half_life, engines)
    learned, theta = shrunk_weights(diff, start, lam, n_eff=n_pos)
    info.update(positives=n_pos, log_ratio={k: round(v, 3) for k, v in theta.items()},
                choice="learned")
    return learned, info


def learn_weights(ds: Dataset, seed: int, negatives: int = 20, half_life: float = 365.0,
                  tasks: list[tuple[str, Task]] | None = None) -> tuple[EngineWeights, dict]:
    """Weights from inner temporal splits of the TRAIN period, kept only where they validate:
    first the pitch-varying weights (`learn_forward`), then activity (`learn_activity`), then
    all weights for the investor ranking (`learn_reverse`)."""
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
    info["folds"] = [c for _, c, _ in folds]
    engines = Engines()  # the three steps fit and score the same tasks
    weights, info["pitch_ranking"] = learn_forward(tasks, folds, seed, negatives, half_life,
                                                   engines)
    weights, info["investor_ranking"] = learn_activity(folds, weights, seed, half_life,
                                                       engines)
    weights, info["reverse_pairs"] = learn_reverse(tasks, folds, weights, seed, negatives,
                                                   half_life, engines)
    info["choice"] = ", ".join(f"{k}: {info[k]['choice']}"
                               for k in ("pitch_ranking", "investor_ranking", "reverse_pairs"))
    return weights, info
