"""A dataset folder of the evaluation format, and the README's ranking tasks over it.

Temporal split at `split.json`'s cutoff. Investor records are built from TRAIN investments
only (their portfolio's texts, sectors, stages, locations, amounts, count and latest date);
candidate pitches only from their own fields.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from .records import InvestorRecord, PitchRecord, PortfolioItem


class DatasetError(ValueError):
    """A dataset folder that does not follow the format (missing file, bad line, missing key)."""


@dataclass
class Dataset:
    """A dataset folder in memory."""

    name: str
    pitches: dict[str, dict]
    investments: list[dict]
    cutoff: str


#: Field types of each file's rows (README "Files"); None = may be null or absent.
_TEXT, _DATE, _AMOUNT, _LABELS = "a string", "a YYYY-MM-DD date", "a finite number", \
    "a list of strings"
FIELDS = {
    "pitches.jsonl": {"id": _TEXT, "text": _TEXT, "sectors": _LABELS,
                      "stage": _TEXT, "location": _TEXT, "amount": _AMOUNT,
                      "currency": _TEXT, "date": _DATE},
    "investments.jsonl": {"investor_id": _TEXT, "pitch_id": _TEXT, "date": _DATE,
                          "stage": _TEXT},
    "split.json": {"cutoff": _DATE},
}


def _is(value, kind: str) -> bool:
    if kind == _TEXT:
        return isinstance(value, str)
    if kind == _LABELS:
        return isinstance(value, list) and all(isinstance(x, str) for x in value)
    if kind == _AMOUNT:  # NaN and Infinity parse from JSON lines but are no amounts
        try:
            return not isinstance(value, bool) and math.isfinite(value)
        except (TypeError, OverflowError):  # not a number, or an int beyond any float
            return False
    try:  # _DATE: compared as strings, so it must be exactly YYYY-MM-DD
        return isinstance(value, str) and len(value) == 10 and \
            date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def load_dataset(folder: str | Path) -> Dataset:
    """Read pitches, investments and split from a dataset folder.

    A row whose field has the wrong type is refused with its file and line. An investment
    without a date takes its company's date (the earliest it can be: the README dates YC's
    investments the same way) and is left out if that is missing too; a repeated (investor,
    pitch) pair counts once, at its earliest date, as the README's one line per pair would.
    """
    folder = Path(folder)

    def read(name: str) -> str:
        try:
            raw = (folder / name).read_bytes()
        except OSError as e:
            raise DatasetError(f"{folder / name}: cannot read ({e.strerror})") from e
        try:  # a byte-order mark (some editors write one) is not part of the first row
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = raw.count(b"\n", 0, e.start) + 1
            raise DatasetError(f"{folder / name} line {line}: not UTF-8 text") from e

    def parse(name: str, text: str, line: int, keys: tuple[str, ...]) -> dict:
        try:
            row = json.loads(text)
        except json.JSONDecodeError as e:
            raise DatasetError(f"{folder / name} line {line}: not JSON ({e.msg})") from e
        missing = [k for k in keys if not isinstance(row, dict) or k not in row]
        if missing:
            raise DatasetError(f"{folder / name} line {line}: missing {', '.join(missing)}")
        for key, kind in FIELDS[name].items():
            value = row.get(key)
            if not (value is None and key not in keys) and not _is(value, kind):
                raise DatasetError(f"{folder / name} line {line}: {key} must be {kind}"
                                   f"{'' if key in keys else ' or null'}, not {value!r:.40}")
        return row

    def lines(name: str, keys: tuple[str, ...]) -> list[dict]:
        return [parse(name, x, n, keys) for n, x in enumerate(read(name).split("\n"), 1)
                if x.strip()]

    pitches = {p["id"]: p for p in lines("pitches.jsonl", ("id",))}
    split = parse("split.json", read("split.json"), 1, ("cutoff",))
    investments = [i for i in lines("investments.jsonl", ("investor_id", "pitch_id"))
                   if i["pitch_id"] in pitches]
    for inv in investments:  # undated investments take the company's date
        inv["date"] = inv.get("date") or pitches[inv["pitch_id"]].get("date")
    earliest: dict[tuple[str, str], dict] = {}
    for inv in investments:
        key = (inv["investor_id"], inv["pitch_id"])
        if inv["date"] and (key not in earliest or inv["date"] < earliest[key]["date"]):
            earliest[key] = inv
    return Dataset(folder.name, pitches, list(earliest.values()), split["cutoff"])


@dataclass
class Task:
    """One ranking task: investor records, candidate records and the answer key."""

    investors: list[InvestorRecord]
    candidates: list[PitchRecord]
    relevant: dict[str, set[str]]  # investor id -> candidate ids it funded


def usd_amount(p: dict) -> float | None:
    """A pitch's amount in USD, or None: an amount in another currency is not comparable
    with the rest (the README has USD only), so it counts as unknown."""
    if p.get("amount") is None or p.get("currency") not in (None, "USD"):
        return None
    return float(p["amount"])  # an int beyond 64 bits too


def pitch_record(p: dict) -> PitchRecord:
    """A candidate pitch, described only by its own fields."""
    return PitchRecord(id=p["id"], text=p.get("text") or "", sectors=tuple(p.get("sectors") or ()),
                       stage=p.get("stage"), location=p.get("location"), amount=usd_amount(p),
                       date=p.get("date"))


def investor_record(qid: str, portfolio: list[dict], pitches: dict[str, dict]
                    ) -> InvestorRecord:
    """An investor profile as its past portfolio reads (repeats count as weight)."""
    ps = [pitches[i["pitch_id"]] for i in portfolio]
    amounts = np.log10([a for p in ps if (a := usd_amount(p)) and a > 0])
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


def simulate_earlier_cutoff(ds: Dataset, quantile: float) -> Dataset:
    """The TRAIN period alone, re-split at a quantile of its dates (an "unseen" split)."""
    train = [i for i in ds.investments if i["date"] < ds.cutoff]
    dates = sorted(i["date"] for i in train)
    if not dates:
        raise DatasetError(f"{ds.name}: no investment before the cutoff {ds.cutoff} to re-split")
    cut = dates[min(len(dates) - 1, int(quantile * len(dates)))]
    return Dataset(f"{ds.name}@{cut}", ds.pitches, train, cut)
