"""A member-import row with an empty e-mail or role cell is rejected with what is missing,
in the reader's language. Before, the preview said "Bad e-mail address: “”." and "Unknown
role “” (founder or investor).", as if something odd had been typed where nothing was
(found by exploratory testing as staff, 7 Dec). A value that is there but wrong keeps its
own words."""

from __future__ import annotations

import io
import re

import pytest

CSV = ("e-post;navn;rolle\n"
       ";Uten Epost;gründer\n"
       "uten.rolle@example.no;Uten Rolle;\n"
       "ikke-en-adresse;Feil Adresse;kunde\n")


def _reasons(client, email_or_name: str) -> str:
    html = client.get("/staff/members/import/preview").get_data(as_text=True)
    row = next(r for r in html.split("<tr") if email_or_name in r)
    return re.sub(r"<[^>]+>", " ", row)


@pytest.mark.parametrize(("staff_lang", "no_email", "no_role", "bad_email", "bad_role"), [
    ("nb", "E-postadresse er påkrevd.", "Rolle er påkrevd: gründer eller investor.",
     "Ugyldig e-postadresse: «ikke-en-adresse».", "Ukjent rolle «kunde»"),
    ("en", "An e-mail address is required.", "A role is required: founder or investor.",
     "Bad e-mail address: “ikke-en-adresse”.", "Unknown role “kunde”"),
])
def test_an_empty_cell_is_said_missing(client, staff, no_email, no_role, bad_email, bad_role):
    upload = client.post("/staff/members/import", content_type="multipart/form-data",
                         data={"file": (io.BytesIO(CSV.encode()), "medlemmer.csv")})
    assert upload.status_code == 303
    empty_email = _reasons(client, "Uten Epost")
    assert no_email in empty_email and "“”" not in empty_email and "«»" not in empty_email
    empty_role = _reasons(client, "uten.rolle@example.no")
    assert no_role in empty_role and "“”" not in empty_role and "«»" not in empty_role
    wrong = _reasons(client, "Feil Adresse")
    assert bad_email in wrong and bad_role in wrong
