"""The engine's fingerprint names what decides a fitted index besides the data: it changes
with the glossary, the stop words, the word lists and ENGINE_REVISION, and is the same in
every process running the same code."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from matching import fingerprint, glossary
from matching.fingerprint import engine_fingerprint


@pytest.fixture(autouse=True)
def fresh_fingerprint():
    engine_fingerprint.cache_clear()
    yield
    engine_fingerprint.cache_clear()


def _in_another_process(seed: str) -> str:
    code = ("import sys\n"
            "from matching.fingerprint import engine_fingerprint\n"
            "print(engine_fingerprint())\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('flask', 'sqlalchemy', 'app')))\n")
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env).stdout.split("\n")
    assert out[1] == "[]"  # the engine never pulls in the web app
    return out[0]


def test_the_fingerprint_is_the_same_in_every_process():
    here = engine_fingerprint()
    assert len(here) == 16 and int(here, 16) >= 0
    assert _in_another_process("1") == _in_another_process("2") == here


def test_unchanged_code_keeps_its_fingerprint():
    first = engine_fingerprint()
    engine_fingerprint.cache_clear()
    assert engine_fingerprint() == first


@pytest.mark.parametrize("change", [
    lambda mp: mp.setitem(glossary.GLOSSARY, "port", (*glossary.GLOSSARY["port"], "port")),
    lambda mp: mp.setattr(glossary, "NORWEGIAN_STOP_WORDS",
                          glossary.NORWEGIAN_STOP_WORDS | {"altså"}),
    lambda mp: mp.setattr(glossary, "FALSE_FRIENDS", glossary.FALSE_FRIENDS - {"marinated"}),
    lambda mp: mp.setattr(glossary, "UNNAMED_WORDS", glossary.UNNAMED_WORDS | {"havbruk"}),
    lambda mp: mp.setattr(glossary, "COMPOUND_MIN_PART", 5),
    lambda mp: mp.setattr(fingerprint, "ENGINE_REVISION", fingerprint.ENGINE_REVISION + 1),
], ids=["glossary", "stop-words", "false-friends", "unnamed-words", "compound-part",
        "revision"])
def test_what_decides_a_fit_changes_the_fingerprint(monkeypatch, change):
    before = engine_fingerprint()
    change(monkeypatch)
    engine_fingerprint.cache_clear()
    assert engine_fingerprint() != before


def test_it_is_computed_once_per_process(monkeypatch):
    first = engine_fingerprint()
    monkeypatch.setattr(glossary, "COMPOUND_MIN_PART", 5)
    assert engine_fingerprint() == first  # cached: the code does not change while it runs
