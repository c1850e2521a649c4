"""`python -m matching.schedule`: JSON in, JSON out, one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from matching.schedule import main
from matching.schedule_check import check_schedule
from matching.schedule_model import Instance, Schedule
from matching.schedule_random import random_instance

ROOT = Path(__file__).resolve().parents[2]


def run(args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "matching.schedule", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def _schedule_of(stdout: str) -> Schedule:
    from matching.schedule_model import Meeting

    data = json.loads(stdout)
    return Schedule(tuple(Meeting(**m) for m in data["meetings"]), data["value"])


def test_cli_prints_a_valid_schedule(tmp_path):
    instance = random_instance(6, 6, 4, 3, density=0.5, locked=2, seed=4)
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(instance.to_dict()))
    done = run([str(path)])
    assert done.returncode == 0, done.stderr
    check_schedule(instance, _schedule_of(done.stdout))


def test_cli_reads_stdin():
    instance = random_instance(4, 4, 3, 2, seed=2)
    done = run(["-"], stdin=json.dumps(instance.to_dict()))
    assert done.returncode == 0, done.stderr
    check_schedule(instance, _schedule_of(done.stdout))


@pytest.mark.parametrize(
    ("stdin", "needle"),
    [
        ("{not json", "not valid JSON"),
        ('{"slots": 2, "tables": 1, "participants": [], "pairs": [{"a": "x", "b": "y", '
         '"value": 1}]}', "unknown participant 'x'"),
        ("[1, 2]", "instance must be an object"),
    ],
)  # fmt: skip
def test_cli_bad_input_gives_one_line_and_exit_code_2(stdin, needle):
    done = run(["-"], stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert needle in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_cli_missing_file_and_bad_usage(tmp_path, capsys):
    assert main([str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_cli_in_process_matches_the_library(tmp_path, capsys):
    instance = random_instance(5, 5, 3, 2, seed=8)
    path = tmp_path / "i.json"
    path.write_text(json.dumps(instance.to_dict()))
    assert main([str(path)]) == 0
    out = _schedule_of(capsys.readouterr().out)
    check_schedule(Instance.from_dict(json.loads(path.read_text())), out)
