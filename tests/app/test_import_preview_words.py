"""The member import's preview speaks the reader's language: a row's role is "Gründer" /
"Investor", not the file's or the database's key, and a clash with an existing account names
that account's role in words."""

from __future__ import annotations

import io
import re

import pytest

from tests.factories import make_user

CSV = ("e-post;navn;rolle;organisasjon\n"
       "ny@solfanger.no;Kari Nordmann;Gründer;Solfanger AS\n"
       "ny@fjordkapital.no;Per Hansen;investor;Fjordkapital AS\n"
       "kjent@demo.no;Kjent Person;investor;Kjent AS\n"
       "feil@demo.no;Feil Rolle;mentor;\n")


def _preview(client) -> str:
    make_user("founder", email="kjent@demo.no")
    upload = client.post("/staff/members/import", content_type="multipart/form-data",
                         data={"file": (io.BytesIO(CSV.encode("cp1252")), "medlemmer.csv")})
    assert upload.status_code == 303
    return client.get("/staff/members/import/preview").get_data(as_text=True)


def _cells(html: str, email: str) -> list[str]:
    row = re.split(rf"<td[^>]*>{re.escape(email)}</td>", html, maxsplit=1)[1].split("</tr>", 1)[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


@pytest.mark.parametrize(("staff_lang", "founder", "investor", "clash", "unknown"), [
    ("nb", "Gründer", "Investor", "Allerede registrert som gründer.",
     "Ukjent rolle «mentor» (gründer eller investor)."),
    ("en", "Founder", "Investor", "Already registered as founder.",
     "Unknown role “mentor” (founder or investor)."),
])
def test_preview_names_roles_in_the_readers_language(client, staff, founder, investor, clash,
                                                     unknown):
    html = _preview(client)
    assert _cells(html, "ny@solfanger.no")[1] == founder
    assert _cells(html, "ny@fjordkapital.no")[1] == investor
    assert _cells(html, "kjent@demo.no")[-1] == clash
    assert _cells(html, "feil@demo.no")[1] == ""
    assert unknown in _cells(html, "feil@demo.no")[-1]
