"""The engine page after a rebuild showed two build times for one build ("Build time 0.91 s"
and "done (… 0.937 s)": two clocks read at two moments, written with two roundings), and
right after a restart said the version this server uses was "not yet", as if something was
wrong, when the index is only not loaded into this process yet."""

from __future__ import annotations

import re

from app.services import loaded_engine, rebuild_jobs
from tests.app.page_text import main_text
from tests.app.test_i18n import _client_in
from tests.factories import make_investor, make_pitch, make_user

SECONDS = re.compile(r"\d+[.,]\d+\s?s\b")


def test_one_build_has_one_build_time_written_in_hundredths(app):
    make_pitch()
    make_investor()
    client = _client_in(app, "en", make_user("admin", association=None))
    rebuild_jobs._run_rebuild(app)
    text = main_text(client.get("/admin/engine").get_data(as_text=True))
    assert "Last rebuild: done (version 1:" in text
    times = SECONDS.findall(text)
    assert len(times) == 1, times
    assert re.fullmatch(r"\d+\.\d\d s", times[0]), times


def test_after_a_restart_the_page_says_the_index_is_not_loaded_yet(app):
    make_pitch()
    make_investor()
    rebuild_jobs._run_rebuild(app)
    loaded_engine.forget_engine(app)  # as a fresh server process holds none
    for lang, label, said in (
            ("en", "Version this server uses", "none in memory yet, as after a restart"),
            ("nb", "Versjonen denne serveren bruker", "ingen i minnet ennå, som etter en omstart")):
        client = _client_in(app, lang, make_user("admin", association=None))
        text = main_text(client.get("/admin/engine").get_data(as_text=True))
        assert f"{label} {said}" in text


def test_the_command_line_says_the_same_build_time(app):
    from app.services import engine_index
    from tests.app.test_cli_messages import run

    make_pitch()
    make_investor()
    result = run(app, "matching", "rebuild")
    assert result.exit_code == 0, result.output
    index = engine_index.latest_index()
    assert f"scores stored in {index.seconds:.2f} s." in result.output
