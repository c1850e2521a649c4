"""`flask members import` speaks one language, the command line's (app.i18n.CLI_LOCALE), as
every other command does: it ran inside a made-up request, so with the site's default
language bokmål (production) the rows' reasons and a file's refusal came out in bokmål among
the command's English lines ("line 2: rejected ikke-en-adresse: Ugyldig e-postadresse: …").
The invitation e-mails it sends stay in each recipient's language."""

from __future__ import annotations

import contextvars

import pytest

from app.extensions import db
from app.models import User
from tests.factories import outbox_of

MEMBERS = ("email,name,role,favourite\n"
           "ikke-en-adresse,Uten Adresse,founder,x\n"
           "rolle@example.no,Feil Rolle,partner,y\n"
           "ny@example.no,Ny Investor,investor,z\n"
           "kari@bedrift.no,Kari Medlem,founder,w\n")


@pytest.fixture
def app_overrides() -> dict:
    return {"BABEL_DEFAULT_LOCALE": "nb"}  # as in production


def run(app, *args: str):
    """Run a command as `flask` does: in an app context of its own, with no request."""
    runner = app.test_cli_runner()
    result = contextvars.Context().run(runner.invoke, args=list(args))
    db.session.expire_all()
    return result


@pytest.mark.parametrize("dry_run", [True, False])
def test_import_prints_the_rows_reasons_in_the_command_lines_language(app, tmp_path, dry_run):
    path = tmp_path / "medlemmer.csv"
    path.write_text(MEMBERS, encoding="utf-8")
    result = run(app, "members", "import", str(path), *(["--dry-run"] if dry_run else []))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Columns not read (their cells are left out): favourite" in lines
    assert "line 2: rejected ikke-en-adresse: Bad e-mail address: “ikke-en-adresse”." in lines
    assert ("line 3: rejected rolle@example.no: Unknown role “partner” (founder or investor)."
            in lines)
    assert "line 4: rejected ny@example.no: Investors need an organisation." in lines
    assert "1 to create, 0 to update, 3 rejected." in lines
    for bokmal in ("Ugyldig", "Ukjent", "Investorer", "gründer", "«"):
        assert bokmal not in result.output, result.output


def test_a_refused_file_is_refused_in_the_command_lines_language(app, tmp_path):
    path = tmp_path / "tom.csv"
    path.write_text("", encoding="utf-8")
    result = run(app, "members", "import", str(path))
    assert result.exit_code == 1
    assert "Error: The file is empty." in result.output, result.output


def test_the_invitation_mail_stays_in_the_recipients_language(app, tmp_path):
    path = tmp_path / "medlemmer.csv"
    path.write_text(MEMBERS, encoding="utf-8")
    result = run(app, "members", "import", str(path))
    assert "1 created" in result.output and "1 invitations sent" in result.output
    [mail] = outbox_of(app)
    # no saved language: the site's default, bokmål
    assert db.session.scalar(db.select(User.locale).where(User.email == "kari@bedrift.no")) \
        is None
    assert mail.subject == "Du er invitert til Koble"
    assert "/auth/reset/" in mail.body
