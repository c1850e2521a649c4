"""The privacy page says what deleting an account leaves behind, as the code leaves it: the
audit log keeps the internet address each event came from (AuditEvent.ip), and the matching
engine's saved index keeps the words of the texts until the hourly `flask prune` has rebuilt
it after the deletion and deleted the versions built before (the README's hourly job runs
it; tests/app/test_prune_erases_deleted_texts.py), while the stored scores lose the texts'
words at once. The page said neither; then it said "until it has been rebuilt three times"
(engine_index.KEEP_INDEXES versions were kept, and nothing rebuilt by itself)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from app.services import deleted_texts

PAGE = {
    "en": ("from which internet address",
           "Kept until the hourly clean-up has rebuilt the matching engine's index after the "
           "deletion (normally within the hour, where the platform runs the clean-up hourly",
           "the stored match scores keep no word of them",
           "what you sent is kept for a day, for your account only"),
    "nb": ("fra hvilken internettadresse",
           "Beholdes til den timevise oppryddingen har bygget matchemotorens indeks på nytt "
           "etter slettingen (vanligvis innen en time, der plattformen kjører oppryddingen",
           "de lagrede matchpoengene beholder ingen ord fra dem",
           "beholdes det du sendte i ett døgn, bare for kontoen din"),
}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_privacy_page_says_what_the_audit_log_and_the_engine_keep(app, lang):
    client = app.test_client()
    client.post("/language", data={"lang": lang})
    page = html.unescape(client.get("/privacy").get_data(as_text=True))
    for sentence in PAGE[lang]:
        assert sentence in page, sentence


def test_the_readmes_hourly_job_runs_the_prune_that_erases_them():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/flask arenas remind && .venv/bin/flask prune" in readme
    assert hasattr(deleted_texts, "erase_deleted_texts")
