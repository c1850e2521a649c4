"""The privacy page says what deleting an account leaves behind, as the code leaves it: the
audit log keeps the internet address each event came from (AuditEvent.ip), and the matching
engine's saved index keeps the words of the texts until it has been rebuilt three times
(matching.KEEP_INDEXES versions are kept), while the stored scores lose the texts' words at
once. The page said neither."""

from __future__ import annotations

import html

import pytest

from app.services import matching

PAGE = {
    "en": ("from which internet address",
           "Kept until the matching engine's index has been rebuilt three times",
           "the stored match scores keep no word of them"),
    "nb": ("fra hvilken internettadresse",
           "Beholdes til matchemotorens indeks er bygget på nytt tre ganger",
           "de lagrede matchpoengene beholder ingen ord fra dem"),
}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_privacy_page_says_what_the_audit_log_and_the_engine_keep(app, lang):
    client = app.test_client()
    client.post("/language", data={"lang": lang})
    page = html.unescape(client.get("/privacy").get_data(as_text=True))
    for sentence in PAGE[lang]:
        assert sentence in page, sentence


def test_three_is_how_many_indexes_the_engine_keeps():
    assert matching.KEEP_INDEXES == 3
