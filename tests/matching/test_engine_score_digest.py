"""Guard: the engine's scores on a fixed dataset are the ones recorded for ENGINE_REVISION.

The fingerprint cannot see code, so a change to scoring must come with a bump of
`ENGINE_REVISION` (which marks every saved index stale) and a new recorded digest; see
`tests/matching/engine_score_digest.py` and docs/DEVELOPING.md."""

from __future__ import annotations

import copy
import os
import subprocess
import sys

from matching.fingerprint import ENGINE_REVISION
from tests.matching.engine_score_digest import (
    RECORD_COMMAND,
    TOLERANCE,
    current,
    differences,
    recorded,
)


def _told(changes: list[str]) -> str:
    shown = "\n  ".join(changes[:8]) + ("\n  ..." if len(changes) > 8 else "")
    return (f"scores changed: bump ENGINE_REVISION in matching/fingerprint.py and record the "
            f"new digest with `{RECORD_COMMAND}` (it writes "
            f"tests/matching/engine_score_digest.json). {len(changes)} differences:\n  {shown}")


def test_the_recorded_digest_is_this_revisions():
    assert recorded()["revision"] == ENGINE_REVISION, (
        f"ENGINE_REVISION is {ENGINE_REVISION} but the digest was recorded for revision "
        f"{recorded()['revision']}: record the new digest with `{RECORD_COMMAND}`")


def test_scores_are_the_ones_recorded_for_this_revision():
    changes = differences(recorded(), current())
    assert not changes, _told(changes)


def test_a_change_beyond_float_noise_is_seen():
    old = current()
    nudged = copy.deepcopy(old)
    first = next(iter(nudged["investors_for_pitch"].values()))[0]
    first["score"] += TOLERANCE / 2  # noise: still the same scores
    assert differences(old, nudged) == []
    first["score"] += 2 * TOLERANCE
    assert len(differences(old, nudged)) == 1


def test_the_digest_is_the_same_under_other_hash_seeds_and_blas_threads():
    code = ("import json, sys\n"
            "from tests.matching.engine_score_digest import current, differences, recorded\n"
            "print(json.dumps(differences(recorded(), current())))\n")
    for seed, threads in (("1", "1"), ("2", "2")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "OPENBLAS_NUM_THREADS": threads,
               "OMP_NUM_THREADS": threads, "MKL_NUM_THREADS": threads}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env=env, cwd=_root()).stdout
        assert out.strip() == "[]", out


def _root() -> str:
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
