"""The admin's question before moving a staff member (admin.set_role's GET page) sends its
form as a browser does, with CSRF on as in production. The page was built from a form with
CSRF turned off (it reads the question from the address), so its "Save the change" button
posted no token and every confirmation was refused as a bad request (400), the person left
where they were: found walking the demo as its administrator."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from app.services.accounts import association_by_slug
from tests.app.form_tokens import form_token
from tests.app.page_text import fresh
from tests.factories import DEFAULT_PASSWORD, make_arena, make_user


@pytest.fixture
def app_overrides() -> dict:
    return {"WTF_CSRF_ENABLED": True}


class _PostForm(HTMLParser):
    """The inputs of the page's form that posts to `action`, as a browser sends them."""

    def __init__(self, action: str):
        super().__init__()
        self.action, self.inside, self.fields = action, False, {}

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "form":
            self.inside = (found.get("method") == "post" and found.get("action") == self.action)
        elif tag == "input" and self.inside and found.get("name"):
            self.fields[found["name"]] = found.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def _fields(page: str, action: str) -> dict[str, str]:
    parser = _PostForm(action)
    parser.feed(page)
    return parser.fields


def test_confirming_a_staff_move_with_csrf_on_moves_them(client):
    admin = make_user("admin", "ada@koble.no", name="Ada Admin", association=None, locale="en")
    staff = make_user("staff", name="Siri Stab", association="asker")
    make_arena(("asker",), title="Gründerkveld")
    client.post("/auth/login", data={"email": admin.email, "password": DEFAULT_PASSWORD,
                                     "csrf_token": form_token(client)})
    baerum = association_by_slug("baerum").id
    action = f"/admin/users/{staff.id}/role"
    asked = client.post(action, data={"role": "staff", "association": str(baerum),
                                      "csrf_token": form_token(client, action.rsplit("/", 1)[0])})
    assert asked.status_code == 303 and "/role?" in asked.location
    page = client.get(asked.location).get_data(as_text=True)
    answer = client.post(action, data=_fields(page, action))
    assert answer.status_code == 303, answer.status_code
    assert answer.location.endswith(f"/admin/users/{staff.id}")
    assert fresh(staff).association.slug == "baerum"
