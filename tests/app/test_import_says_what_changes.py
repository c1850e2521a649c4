"""The import preview says, for each row that updates a member, which columns it changes, or
that it changes nothing. Before, such a row said only "Update", its "Why" empty, so staff
could not tell whether confirming would overwrite a member's name, phone or profile."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.factories import make_investor, make_pitch, make_user

HEADER = ["email", "name", "role", "municipality", "organisation", "phone", "sectors"]


@pytest.fixture
def staff_lang():
    return "nb"


def _preview(client, rows) -> dict[str, str]:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(rows)
    client.post("/staff/members/import",
                data={"file": (io.BytesIO(out.getvalue().encode()), "m.csv")},
                content_type="multipart/form-data")
    page = client.get("/staff/members/import/preview").get_data(as_text=True)
    return {email: why.strip() for email, why in re.findall(
        r'<tr class="import-update".*?<td[^>]*>[^<]*</td><td[^>]*>([^<]+)</td>.*?'
        r'data-label="Hvorfor">([^<]*)</td>', page, re.S)}


def test_each_update_says_what_it_changes(app, client, staff):
    founder = make_user("founder", email="kari@asker.no", name="Kari Solberg",
                        municipality="asker", phone="+47 900 00 001")
    make_pitch(founder)
    make_investor(make_user("investor", email="lars@asker.no", name="Lars Haugen",
                            municipality="asker"),
                  organisation="Fjord Kapital", sectors=["energy"])
    why = _preview(client, [
        ["kari@asker.no", "Kari Solberg", "founder", "Asker", "", "+47 900 00 001", ""],
        ["lars@asker.no", "Lars Haugen", "investor", "Bærum", "Fjord Kapital AS", "",
         "energy; maritime"],
    ])
    assert why["kari@asker.no"] == "Ingenting endres: Koble har allerede disse verdiene."
    assert why["lars@asker.no"] == "Endres: Kommune, Organisasjon, Bransjer."


def test_a_new_name_and_phone_are_named(app, client, staff):
    make_user("founder", email="kari@asker.no", name="Kari Solberg", phone="+47 900 00 001")
    why = _preview(client, [["kari@asker.no", "Kari Nordmann", "founder", "", "",
                             "+47 900 00 002", ""]])
    assert why["kari@asker.no"] == "Endres: Navn, Telefon."
