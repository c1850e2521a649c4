"""`flask users create` refuses a bad address, a missing or too long name and an unknown
association before it asks for the password. It made accounts with the address "" or
"notanemail" and the name "" (nothing checked what the forms check), said "give
--association SLUG" to someone who had given one that does not exist, and asked for the
password twice before any of that was looked at."""

from __future__ import annotations

import contextvars

import pytest

from app.extensions import db
from app.models import User

STRONG = "en lang setning som er lett å huske"


def run(app, *args: str, input: str | None = None):
    """Run a command as `flask` does: in an app context of its own, with no request."""
    runner = app.test_cli_runner()
    result = contextvars.Context().run(runner.invoke, args=list(args), input=input)
    db.session.expire_all()
    return result


@pytest.mark.parametrize("email, name, message", [
    ("", "Kari", "Enter a valid e-mail address."),
    ("notanemail", "Kari", "Enter a valid e-mail address."),
    ("kari@grunder", "Kari", "Enter a valid e-mail address."),
    ("kari@grunder.no", "", "Enter a name."),
    ("kari@grunder.no", "   ", "Enter a name."),
    ("kari@grunder.no", "K" * 121, "Use at most 120 characters."),
])
def test_a_bad_address_or_name_is_refused_and_nothing_made(app, email, name, message):
    result = run(app, "users", "create", "--email", email, "--name", name, "--role",
                 "founder", "--password", STRONG)
    assert result.exit_code == 1 and f"Error: {message}" in result.output, result.output
    assert db.session.query(User).count() == 0


def test_an_unknown_association_is_named_with_the_known_ones(app):
    result = run(app, "users", "create", "--email", "siri@modum.no", "--name", "Siri",
                 "--role", "staff", "--association", "modumm", "--password", STRONG)
    assert result.exit_code == 2, result.output
    assert "No association with the slug 'modumm'." in result.output
    assert "modum" in result.output.split("Known:", 1)[1]
    assert db.session.query(User).count() == 0


def test_the_password_is_asked_for_only_once_the_rest_is_right(app):
    result = run(app, "users", "create", "--email", "notanemail", "--name", "Siri",
                 "--role", "founder", input="")
    assert result.exit_code == 1 and "Enter a valid e-mail address." in result.output
    assert "Password" not in result.output
    result = run(app, "users", "create", "--email", "siri@modum.no", "--name", "Siri",
                 "--role", "staff", "--association", "modum", input=f"{STRONG}\n{STRONG}\n")
    assert result.exit_code == 0, result.output
    assert "Password" in result.output and "Created staff siri@modum.no" in result.output
    siri = db.session.query(User).one()
    assert (siri.role, siri.association.slug, siri.name) == ("staff", "modum", "Siri")
