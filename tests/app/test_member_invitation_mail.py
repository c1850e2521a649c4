"""A member's invitation names the association that added them, as the staff invitation
does: the mail came from an anonymous "Koble" ("your business association has added
you"), which a member who never heard of Koble reads as spam."""

from __future__ import annotations

import csv
import io

import pytest

from app.extensions import db
from app.models import User
from tests.factories import outbox_of


@pytest.fixture
def app_overrides() -> dict:
    """Bokmål by default, as in production: an imported member has no saved language."""
    return {"BABEL_DEFAULT_LOCALE": "nb"}

def _csv(*rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["email", "name", "role", "municipality", "organisation"])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _import(client, data: bytes):
    client.post("/staff/members/import", data={"file": (io.BytesIO(data), "m.csv")},
                content_type="multipart/form-data")
    return client.post("/staff/members/import/confirm")


def test_staff_import_mail_names_the_staff_members_association(app, client, staff):
    # Kari lives in Drammen, but Asker's staff brought her in: Asker invites her.
    done = _import(client, _csv(["kari@bedrift.no", "Kari Medlem", "founder", "Drammen",
                                 "Kari AS"]))
    assert done.status_code == 303
    [mail] = outbox_of(app)
    # no saved language: bokmål, the site's default
    assert db.session.scalar(db.select(User.locale).where(User.email == "kari@bedrift.no")) \
        is None
    assert mail.subject == "Asker Næringsforening har invitert deg til Koble"
    body = " ".join(mail.body.split())
    assert "Hei Kari Medlem," in body
    assert ("Asker Næringsforening har lagt deg til i Koble, der gründere med grønne ideer "
            "møter investorer.") in body
    assert "Næringsforeningen din" not in body
    assert "/auth/reset/" in body


def test_cli_import_names_each_members_own_association_and_none_when_outside(app, tmp_path):
    path = tmp_path / "members.csv"
    path.write_bytes(_csv(["per@bedrift.no", "Per", "founder", "Kongsberg", "Per AS"],
                          ["ola@utland.no", "Ola", "founder", "abroad", "Ola AS"]))
    result = app.test_cli_runner().invoke(args=["members", "import", str(path)])
    assert result.exit_code == 0, result.output
    mails = {m.to[0]: m for m in outbox_of(app)}
    assert mails["per@bedrift.no"].subject == "Kongsberg Næringsforum har invitert deg til Koble"
    assert "Kongsberg Næringsforum har lagt deg til i Koble" in " ".join(
        mails["per@bedrift.no"].body.split())
    # no association to name: the plain invitation
    assert mails["ola@utland.no"].subject == "Du er invitert til Koble"
    assert "Næringsforeningen din har lagt deg til i Koble" in " ".join(
        mails["ola@utland.no"].body.split())


def test_english_invitation_names_the_association(app):
    from app.services import member_import_apply
    from app.services.accounts import association_by_slug

    user = User(email="eva@bedrift.no", name="Eva", role="investor", locale="en",
                password_hash="!", association=association_by_slug("modum"))
    db.session.add(user)
    db.session.commit()
    with app.test_request_context():
        assert member_import_apply._invite([user]) == 1
    [mail] = outbox_of(app)
    assert mail.subject == "Modum Næringsråd has invited you to Koble"
    assert "Modum Næringsråd has added you to Koble, where founders" in " ".join(
        mail.body.split())
