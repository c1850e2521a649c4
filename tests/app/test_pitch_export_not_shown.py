"""/staff/pitches says "Published — not shown: …" of a published pitch its founder's
account no longer shows (88fd2ef), but the list's export (and `flask export pitches`) wrote
plain "Published" for it. The staff export now ends with a "Not shown because" column
saying why (the columns before it keep their places and the status its words); investors'
export, which only holds pitches they see, has no such column."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from app.services import account_access
from app.services.erasure import anonymise
from tests.factories import make_investor, make_pitch, make_user


@pytest.fixture
def pitches():
    shown = make_pitch(make_user("founder", association="asker"), title="Vises")
    draft = make_pitch(make_user("founder", association="asker"), title="Utkast",
                       status="draft")
    off = make_user("founder", association="asker")
    deactivated = make_pitch(off, title="Deaktivert")
    account_access.set_active(off, False)
    moved = make_user("founder", association="asker")
    investor_now = make_pitch(moved, title="Investor nå")
    account_access.set_role(moved, "investor")
    gone = make_user("founder", association="asker")
    deleted = make_pitch(gone, title="Slettet")
    anonymise(gone)
    return {"shown": shown.id, "draft": draft.id, "deactivated": deactivated.id,
            "role": investor_now.id, "deleted": deleted.id}


WHY = {
    "en": {"shown": "", "deactivated": "The founder's account is deactivated",
           "role": "Its owner is no longer a founder",
           "deleted": "The founder's account is deleted"},
    "nb": {"shown": "", "deactivated": "Gründerens konto er deaktivert",
           "role": "Eieren er ikke lenger gründer", "deleted": "Gründerens konto er slettet"},
}
HEADER = {"en": ("Published at", "Not shown because", "Status", "Published"),
          "nb": ("Tidspunkt for publisering", "Vises ikke fordi", "Status", "Publisert")}


def _check(header, rows, pitches, lang):
    last, column, status, published = HEADER[lang]
    assert header[-2:] == [last, column]
    by_id = {int(row[0]): dict(zip(header, row, strict=True)) for row in rows}
    found = {key: by_id[pitch_id] for key, pitch_id in pitches.items() if pitch_id in by_id}
    assert {key: row[column] or "" for key, row in found.items()} \
        == {key: WHY[lang][key] for key in found}
    # no draft: it is its founder's alone
    assert "draft" not in found
    # the status keeps its words: these are published, as the list's filter counts them
    assert all(row[status] == published for row in found.values())
    return found


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_staff_export_says_why_a_published_pitch_is_not_shown(client, staff, pitches, lang):
    client.post("/language", data={"lang": lang})
    text = client.get("/exports/pitches.csv").get_data(as_text=True).lstrip("\ufeff")
    header, *rows = csv.reader(io.StringIO(text), delimiter=";" if lang == "nb" else ",")
    assert {"shown", "deactivated", "role"} <= set(_check(header, rows, pitches, lang))
    sheet = load_workbook(io.BytesIO(client.get("/exports/pitches.xlsx").data)).active
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert {"shown", "deactivated", "role"} <= set(_check(header, rows, pitches, lang))


def test_flask_export_pitches_says_it_too(app, pitches, tmp_path):
    out = tmp_path / "pitches.csv"
    result = app.test_cli_runner().invoke(args=["export", "pitches", "-o", str(out)])
    assert result.exit_code == 0, result.output
    header, *rows = csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    # every association; no draft, from the command line either
    assert set(_check(header, rows, pitches, "en")) == set(pitches) - {"draft"}


def test_investors_export_has_no_such_column(client, auth, pitches):
    auth.login(make_investor().user.email)
    client.post("/language", data={"lang": "en"})
    text = client.get("/exports/pitches.csv").get_data(as_text=True).lstrip("\ufeff")
    header = next(csv.reader(io.StringIO(text)))
    assert "Not shown because" not in header and header[-1] == "Published at"
