"""`flask` commands print the services' translated refusals as a clear one-line error in
English, with a non-zero exit and no traceback: the language is chosen in one place
(app/i18n.py) for any code that runs without a request."""

from __future__ import annotations

import contextvars

import pytest
from flask_babel import gettext

from app.extensions import db
from app.models import User
from tests.factories import make_user

STRONG = "en lang setning som er lett å huske"


@pytest.fixture
def app_overrides() -> dict:
    # as in production: a command must not fall back to the site's bokmål
    return {"BABEL_DEFAULT_LOCALE": "nb"}


def run(app, *args: str):
    """Run a command as `flask` does: in an app context of its own, with no request."""
    runner = app.test_cli_runner()
    result = contextvars.Context().run(runner.invoke, args=list(args))
    db.session.expire_all()
    return result


def refused(result, message: str) -> bool:
    return (result.exit_code == 1 and isinstance(result.exception, SystemExit)
            and f"Error: {message}" in result.output and "Traceback" not in result.output
            and "request context" not in result.output)


def test_creating_a_user_with_a_taken_email_says_so(app):
    make_user("founder", email="kari@grunder.no")
    result = run(app, "users", "create", "--email", "Kari@Grunder.no", "--name", "Kari",
                 "--role", "investor", "--password", STRONG)
    assert refused(result, "An account with this e-mail already exists."), result.output
    assert db.session.query(User).count() == 1


def test_creating_a_user_with_a_short_password_says_so(app):
    result = run(app, "users", "create", "--email", "ola@grunder.no", "--name", "Ola",
                 "--role", "founder", "--password", "kort")
    assert refused(result, "Use at least 12 characters."), result.output
    assert db.session.query(User).count() == 0


def test_deactivating_the_last_admin_says_so(app):
    admin = make_user("admin", email="eneste@koble.no", association=None)
    result = run(app, "users", "deactivate", "eneste@koble.no")
    assert refused(result, "This is the last active administrator."), result.output
    assert db.session.get(User, admin.id).active


def test_demoting_the_last_admin_says_so(app):
    admin = make_user("admin", email="eneste@koble.no", association=None)
    result = run(app, "users", "set-role", "eneste@koble.no", "founder")
    assert refused(result, "This is the last active administrator."), result.output
    assert db.session.get(User, admin.id).role == "admin"


def test_a_command_that_succeeds_still_works(app):
    result = run(app, "users", "create", "--email", "ola@grunder.no", "--name", "Ola",
                 "--role", "founder", "--password", STRONG)
    assert result.exit_code == 0, result.output
    assert "Created founder ola@grunder.no" in result.output


def test_without_a_request_or_a_command_messages_use_the_sites_default_language(app):
    def translate() -> str:
        with app.app_context():  # a background job: no request, no command
            return gettext("No such arena.")

    assert contextvars.Context().run(translate) == "Arenaen finnes ikke."


def test_deactivating_says_what_it_ended_as_the_admin_page_does(app):
    """The admin page counts what a deactivation ended; the command said only that it was
    done, so whoever ran it did not learn that the person's API tokens were revoked."""
    from app.services import api_tokens
    from tests.factories import make_arena, make_invitation

    make_user("admin", association=None)
    user = make_user("investor", email="kari@fond.no")
    for name in ("crm", "sync"):
        api_tokens.create(user, name, "read", 30)
    make_invitation(make_arena(), user, state="accepted")
    result = run(app, "users", "deactivate", "kari@fond.no")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "kari@fond.no is deactivated and logged out everywhere. 1 arena invitation is ended. "
        "2 API tokens are revoked.\n")
    assert not db.session.get(User, user.id).active


@pytest.mark.parametrize("role", ["founder", "investor"])
def test_set_role_says_a_members_association_stays(app, role):
    """account_access.set_role keeps a founder's or investor's association: the command said
    "(asker)" as if it had set it, where the admin's role form says it is not changed."""
    make_user("founder", email="kari@grunder.no", association="drammen")
    result = run(app, "users", "set-role", "kari@grunder.no", role, "--association", "asker")
    assert result.exit_code == 0, result.output
    assert "(asker)" not in result.output
    assert f"kari@grunder.no: founder → {role}. Their association is not changed (drammen)" \
        in result.output
    person = db.session.query(User).filter_by(email="kari@grunder.no").one()
    assert (person.role, person.association.slug) == (role, "drammen")


def test_set_role_names_the_association_it_set(app):
    make_user("founder", email="kari@grunder.no", association="drammen")
    result = run(app, "users", "set-role", "kari@grunder.no", "investor", "--association",
                 "drammen")
    assert result.output.strip() == "kari@grunder.no: founder → investor (drammen)."
    result = run(app, "users", "set-role", "kari@grunder.no", "staff", "--association", "asker")
    assert result.output.strip() == "kari@grunder.no: investor → staff (asker)."
