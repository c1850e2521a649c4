"""A large dataset in the evaluation format, made by replicating a real one N times.

    python benchmarks/scale_dataset.py /work/shared/data/india-2015-2020 OUT_DIR 20 [--shared 0.3]

For timing `python -m matching.evaluate` at a size the real datasets do not reach, not for
match quality. Copy 0 is the source unchanged; copy k (1 … N-1) has every pitch id suffixed
`~k` (and its investments with it), so the copies' pitches are disjoint. A fixed, seeded
share `--shared` of the investors keeps its id in every copy (one investor whose portfolio
spans all copies, as large funds do); the others are suffixed `~k` too. So the data are not N
identical blocks: shared investors are N times as active and rank against every copy's
candidates. `split.json` (the cutoff) is copied as is.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def read_lines(path: Path) -> list[dict]:
    """A JSON-lines file's rows."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").split("\n") if x.strip()]


def scale(src: Path, dst: Path, copies: int, shared: float = 0.3, seed: int = 0
          ) -> tuple[int, int, int]:
    """Write the replicated dataset to `dst`; returns its (pitches, investors, investments)."""
    pitches = read_lines(src / "pitches.jsonl")
    investors = read_lines(src / "investors.jsonl")
    investments = read_lines(src / "investments.jsonl")
    rng = random.Random(seed)
    common = {q["id"] for q in investors if rng.random() < shared}

    def pid(x: str, k: int) -> str:
        return x if k == 0 else f"{x}~{k}"

    def qid(x: str, k: int) -> str:
        return x if k == 0 or x in common else f"{x}~{k}"

    out_p, out_q, out_i = [], {}, []
    for k in range(copies):
        out_p += [{**p, "id": pid(p["id"], k)} for p in pitches]
        out_q.update((qid(q["id"], k), {**q, "id": qid(q["id"], k)}) for q in investors)
        out_i += [{**i, "investor_id": qid(i["investor_id"], k), "pitch_id": pid(i["pitch_id"], k)}
                  for i in investments]
    dst.mkdir(parents=True, exist_ok=True)
    for name, rows in (("pitches", out_p), ("investors", list(out_q.values())),
                       ("investments", out_i)):
        (dst / f"{name}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (dst / "split.json").write_text((src / "split.json").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    return len(out_p), len(out_q), len(out_i)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("copies", type=int)
    ap.add_argument("--shared", type=float, default=0.3,
                    help="share of investors common to all copies (default 0.3)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    n = scale(args.source, args.out, args.copies, args.shared, args.seed)
    print(f"{args.out}: {n[0]} pitches, {n[1]} investors, {n[2]} investments")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
