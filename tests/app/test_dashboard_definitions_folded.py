"""The staff dashboard shows its numbers first: the long definitions of the funnel's steps
and priorities (a phone's whole screen of grey text above the first number) are folded
under "How the numbers are counted", one click away, in both languages."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_user

SUMMARY = {"en": "How the numbers are counted", "nb": "Slik telles tallene"}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_definitions_are_folded_above_the_numbers(client, auth, lang):
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": lang})
    html = client.get("/staff/dashboard").get_data(as_text=True)
    folded = re.search(r"<details(?P<attrs>[^>]*)>\s*<summary>(?P<summary>.*?)</summary>"
                       r"(?P<body>.*?)</details>", html, re.S)
    assert folded is not None
    assert " open" not in folded["attrs"]  # closed until asked for
    assert folded["summary"].strip() == SUMMARY[lang]
    assert 'id="funnel-definitions"' in folded["body"]
    assert 'id="funnel-priorities"' in folded["body"]
    # what is left out and when it was counted stays in sight, and the numbers follow
    assert 'id="funnel-left-out"' not in folded["body"]
    assert html.index("</details>") < html.index('id="funnel-pitches"')
