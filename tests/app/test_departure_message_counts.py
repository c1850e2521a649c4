"""What the admin reads after deactivating or deleting an account names what it ended, and
only that. It counted every kind, so deactivating someone with nothing at the arenas read
"0 meetings at the arenas are called off, the other participants told. 0 arena
invitations are ended. 0 API tokens are revoked." (as if someone had been told something),
right after a question that said nothing else would end; and the meeting requests it
withdrew, which the question names, were never counted. Found walking the demo as its
administrator."""

from __future__ import annotations

import pytest

from tests.app.admin_questions import seen_on
from tests.app.security.principals import log_in
from tests.app.test_cli_messages import run
from tests.factories import make_user


def _flashed(client, url: str) -> str:
    response = client.post(url, data={"seen": seen_on(client.get(url).get_data(as_text=True))})
    assert response.status_code == 303
    return client.get(response.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("lang, said", [
    ("en", "Kari Nordmann is deactivated and logged out everywhere."),
    ("nb", "Kari Nordmann er deaktivert og logget ut overalt."),
])
def test_deactivating_someone_with_nothing_at_the_arenas_names_no_zeros(app, lang, said):
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale=lang))
    kari = make_user("founder", name="Kari Nordmann")
    page = _flashed(client, f"/admin/users/{kari.id}/deactivate")
    assert said in page
    for zero in ("0 meetings", "0 møter", "0 arena", "0 API"):
        assert zero not in page


@pytest.mark.parametrize("lang, said", [
    ("en", "2 meeting requests waiting for an answer are withdrawn, the other side of each "
           "told."),
    ("nb", "2 møteforespørsler som ventet på svar, er trukket tilbake, og den andre siden av "
           "hver har fått beskjed."),
])
def test_the_withdrawn_meeting_requests_are_counted(app, waiting_requests, lang, said):
    """The founder asked one investor and was asked by another: two requests withdrawn."""
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale=lang))
    page = _flashed(client, f"/admin/users/{waiting_requests['founder'].id}/deactivate")
    assert said in page


def test_the_command_line_names_no_zeros_either(app):
    make_user("admin", association=None)
    make_user("investor", email="kari@fond.no")
    result = run(app, "users", "deactivate", "kari@fond.no")
    assert result.exit_code == 0, result.output
    assert result.output == "kari@fond.no is deactivated and logged out everywhere.\n"
