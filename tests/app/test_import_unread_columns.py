"""A member list whose columns the import does not know is not taken silently: the preview
(and the command line) names the columns left out, and a file with column names but no
member under them is refused at the upload, not shown as a preview of nothing to import."""

from __future__ import annotations

import io

import pytest

from app.extensions import db
from app.models import User

# As a member register would name its columns: "Ansatte" and "Nettside" are not columns the
# import reads, so their cells would be lost ("Bransjer" and "Fase" are: sectors, stage).
WITH_UNKNOWN = ("e-post;navn;rolle;kommune;Bransjer;Ansatte;Nettside;Fase;\n"
                "kari@solfanger.no;Kari Nordmann;gründer;Øvre Eiker;energi;12;sol.no;idé;\n")
HEADER_ONLY = "e-post;navn;rolle\n;;\n"


def _upload(client, text: str):
    return client.post("/staff/members/import", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(text.encode("cp1252")), "medlemmer.csv")})


@pytest.mark.parametrize(("staff_lang", "left_out", "reads"), [
    ("nb", "Koble kjenner ikke disse kolonnene og hopper over dem: Ansatte, Nettside.",
     "Kolonnene Koble leser: E-post, Navn, Rolle,"),
    ("en", "Koble does not know these columns and leaves them out: Ansatte, Nettside.",
     "The columns Koble reads: E-mail, Name, Role,"),
])
def test_preview_names_the_columns_left_out(client, staff, left_out, reads):
    assert _upload(client, WITH_UNKNOWN).status_code == 303
    html = client.get("/staff/members/import/preview").get_data(as_text=True)
    warning = html.split('id="import-ignored"', 1)[1].split("</div>", 1)[0]
    assert left_out in warning and reads in warning


def test_preview_without_unknown_columns_has_no_warning(client, staff):
    assert _upload(client, "email;name;role\nkari@solfanger.no;Kari;founder\n").status_code == 303
    html = client.get("/staff/members/import/preview").get_data(as_text=True)
    assert "import-ignored" not in html


@pytest.mark.parametrize(("staff_lang", "message"), [
    ("nb", "Filen har kolonnenavn, men ingen medlemmer under dem."),
    ("en", "The file names the columns but has no members under them."),
])
def test_a_file_without_members_is_refused_at_the_upload(client, staff, message):
    users = db.session.query(User).count()
    response = _upload(client, HEADER_ONLY)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert client.get("/staff/members/import/preview").status_code == 302  # nothing kept
    assert db.session.query(User).count() == users


def test_cli_names_the_columns_left_out(app, tmp_path):
    path = tmp_path / "medlemmer.csv"
    path.write_bytes(WITH_UNKNOWN.encode("cp1252"))
    result = app.test_cli_runner().invoke(args=["members", "import", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Columns not read (their cells are left out): Ansatte, Nettside" in result.output
