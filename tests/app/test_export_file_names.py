"""A download's file name is in the reader's language, as its column headers are: a bokmål
reader saves "medlemmer.csv", not "members.csv". Every name was English in both languages.
A bokmål name with æøå ("møter") goes as RFC 6266's filename* (UTF-8), with an ASCII
filename beside it for clients that read only that."""

from __future__ import annotations

import pytest
from werkzeug.http import parse_options_header

from app.services.exports import attachment
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_meeting, make_participant, make_user

NAMES = {
    "nb": {"members": "medlemmer", "investors": "investorer", "pitches": "pitcher",
           "matches": "matcher", "invitations": "invitasjoner", "answers": "svar",
           "meetings": "møter", "data": "koble-mine-data.json"},
    "en": {"members": "members", "investors": "investors", "pitches": "pitches",
           "matches": "matches", "invitations": "invitations", "answers": "answers",
           "meetings": "meetings", "data": "koble-my-data.json"},
}


def _client(app, role: str, lang: str):
    client = app.test_client()
    log_in(client, make_user(role, locale=lang))
    return client


def _saved_as(response) -> str:
    """The name a browser saves the download as: filename* when there is one (werkzeug's
    parser decodes it and prefers it, as browsers do)."""
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    disposition.encode("ascii")  # a header holds no raw æøå
    kind, params = parse_options_header(disposition)
    assert kind == "attachment"
    return params["filename"]


def _ascii_filename(disposition: str) -> str:
    """The plain filename parameter, which a client that ignores filename* saves as."""
    plain = [part.strip().split("=", 1)[1] for part in disposition.split(";")[1:]
             if part.strip().startswith("filename=")]
    assert len(plain) == 1
    return parse_options_header(f"attachment; filename={plain[0]}")[1]["filename"]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_list_downloads_are_named_in_the_readers_language(app, lang, fmt):
    names = NAMES[lang]
    staff = _client(app, "staff", lang)
    assert _saved_as(staff.get(f"/exports/members.{fmt}")) == f"{names['members']}.{fmt}"
    assert _saved_as(staff.get(f"/exports/matches.{fmt}")) == f"{names['matches']}.{fmt}"
    founder = _client(app, "founder", lang)
    assert _saved_as(founder.get(f"/exports/investors.{fmt}")) == f"{names['investors']}.{fmt}"
    investor = _client(app, "investor", lang)
    assert _saved_as(investor.get(f"/exports/pitches.{fmt}")) == f"{names['pitches']}.{fmt}"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_arenas_tables_are_named_in_the_readers_language(app, lang):
    arena = make_arena(hosts=("asker",), status="scheduled")
    make_meeting(arena, make_participant(arena, "founder"), make_participant(arena, "investor"))
    staff = _client(app, "staff", lang)
    for kind in ("invitations", "answers", "meetings"):
        name = f"arena-{arena.id}-{NAMES[lang][kind]}"
        for url in (f"/staff/arenas/{arena.id}/export/{kind}.csv",
                    f"/exports/arenas/{arena.id}/{kind}.csv"):
            assert _saved_as(staff.get(url)) == f"{name}.csv"
        assert _saved_as(staff.get(f"/exports/arenas/{arena.id}/{kind}.xlsx")) == f"{name}.xlsx"


def test_a_name_with_o_slash_has_an_ascii_filename_too(app):
    arena = make_arena(hosts=("asker",), status="scheduled")
    make_meeting(arena, make_participant(arena, "founder"), make_participant(arena, "investor"))
    response = _client(app, "staff", "nb").get(f"/exports/arenas/{arena.id}/meetings.csv")
    assert _saved_as(response) == f"arena-{arena.id}-møter.csv"
    assert _ascii_filename(response.headers["Content-Disposition"]) == (
        f"arena-{arena.id}-moter.csv")


@pytest.mark.parametrize(("name", "plain"), [
    ("møter.csv", "moter.csv"),
    ("bærekraft-Øst-Ås.xlsx", "baerekraft-Ost-As.xlsx"),  # not "brekraft-st-As"
    ("café.csv", "cafe.csv"),  # an accent Unicode decomposes is dropped, not made a "-"
    ("medlemmer.csv", "medlemmer.csv"),
])
def test_the_ascii_filename_reads_as_the_name(name, plain):
    disposition = attachment(name)
    disposition.encode("ascii")
    assert _ascii_filename(disposition) == plain
    assert parse_options_header(disposition) == ("attachment", {"filename": name})


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_my_data_is_named_in_my_language(app, lang):
    response = _client(app, "founder", lang).get("/account/export")
    assert _saved_as(response) == NAMES[lang]["data"]
