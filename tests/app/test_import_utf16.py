"""A member list saved as Excel's "Unicode Text" (UTF-16 with a byte order mark, tab
between cells) or as LibreOffice's UTF-16 CSV is read, æøå and all. The upload refused it as
"not a CSV or Excel (.xlsx) file": every other byte of a Latin letter in UTF-16 is a NUL,
which the reader took for binary data before decoding."""

from __future__ import annotations

import codecs
import io

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import User
from tests.app.security.principals import logged_in_client
from tests.factories import make_user

ROWS = ("e-post\tnavn\trolle\tkommune\r\n"
        "pal@bedrift.no\tPål Ærø\tgründer\tBærum\r\n"
        "asa@bedrift.no\tÅsa Øvrebø\tgründer\tAsker\r\n")
NOT_A_LIST = {"nb": "Dette er ikke en CSV- eller Excel-fil (.xlsx).",
              "en": "This is not a CSV or Excel (.xlsx) file."}


def _staff(app, lang):
    client = logged_in_client(app, make_user("staff", association="asker", locale=lang))
    client.post("/language", data={"lang": lang})
    return client


def _upload(client, data: bytes, name: str):
    return client.post("/staff/members/import", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("name", "data"), [
    ("medlemmer.txt", codecs.BOM_UTF16_LE + ROWS.encode("utf-16-le")),  # Excel's Unicode Text
    ("medlemmer.csv", codecs.BOM_UTF16_BE + ROWS.replace("\t", ";").encode("utf-16-be")),
])
def test_a_utf16_member_list_is_read(app, lang, name, data):
    client = _staff(app, lang)
    response = _upload(client, data, name)
    assert response.status_code == 303, response.get_data(as_text=True)
    preview = client.get("/staff/members/import/preview").get_data(as_text=True)
    assert "Pål Ærø" in preview and "Åsa Øvrebø" in preview
    assert 'class="import-reject"' not in preview
    assert client.post("/staff/members/import/confirm").status_code == 303
    names = dict(db.session.execute(select(User.email, User.name).where(
        User.email.like("%@bedrift.no"))).all())
    assert names == {"pal@bedrift.no": "Pål Ærø", "asa@bedrift.no": "Åsa Øvrebø"}


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("data", [
    codecs.BOM_UTF16_LE + b"e\x00-",  # half a character: not UTF-16 after all
    codecs.BOM_UTF16_LE + "e-post\x00navn".encode("utf-16-le"),  # a NUL character
    b"e-post;navn\x00;rolle\n",  # a NUL byte without a byte order mark, as before
])
def test_what_is_not_text_is_still_refused(app, lang, data):
    response = _upload(_staff(app, lang), data, "medlemmer.csv")
    assert response.status_code == 422
    assert NOT_A_LIST[lang] in response.get_data(as_text=True)
