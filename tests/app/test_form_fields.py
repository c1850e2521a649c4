"""Every form ties a field's error and hint to its control (templates/_macros.html form_field):
a screen reader user who moves to a refused field hears that it is invalid and why, and hears
the hint, because the control says aria-invalid="true" and its aria-describedby names the
elements holding those texts."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.app.test_arenas_staff import arena_form
from tests.app.test_i18n import _client_in
from tests.app.test_investor_profile import _form as profile_form
from tests.app.test_pitches import _form as pitch_form
from tests.factories import make_arena, make_participant, make_user

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class _Page(HTMLParser):
    """Each element's attributes, by id and by name, the fieldsets, and the text inside each
    element with an id."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "area", "col"}

    def __init__(self, html: str):
        super().__init__()
        self.by_id: dict[str, dict] = {}
        self.by_name: dict[str, list[dict]] = {}
        self.text: dict[str, str] = {}
        self.fieldsets: list[dict] = []
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {"tag": tag, **{k: v or "" for k, v in attrs}}
        if "id" in attributes:
            self.by_id[attributes["id"]] = attributes
            self.text[attributes["id"]] = ""
        if tag == "fieldset":
            self.fieldsets.append(attributes)
        if "name" in attributes:
            self.by_name.setdefault(attributes["name"], []).append(attributes)
        if tag not in self.VOID:
            self._open.append((tag, attributes.get("id")))

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _tag, element_id in self._open:
            if element_id:
                self.text[element_id] += data

    def described_by(self, element: dict) -> list[str]:
        """The texts a screen reader reads as the element's description."""
        return [" ".join(self.text[i].split()) for i in element.get("aria-describedby", "").split()
                if i in self.text]


def _control(page: _Page, name: str) -> dict:
    [control] = page.by_name[name]
    return control


def assert_refused(page: _Page, name: str, message: str) -> None:
    """The control is marked invalid and described by an element saying `message`."""
    control = _control(page, name)
    assert control.get("aria-invalid") == "true", control
    assert "is-invalid" in control["class"]
    assert message in page.described_by(control), page.described_by(control)


def assert_hinted(page: _Page, name: str, hint: str) -> None:
    """The control is described by an element saying `hint`."""
    assert hint in page.described_by(_control(page, name)), page.described_by(_control(page, name))


def assert_fine(page: _Page, name: str) -> None:
    control = _control(page, name)
    assert "aria-invalid" not in control and "is-invalid" not in control["class"]


@pytest.fixture
def founder(auth):
    user = make_user("founder")
    auth.login(user.email)
    return user


def test_registration_errors_and_hints_are_tied_to_their_controls(client):
    response = client.post("/auth/register", data={
        "name": "Kari Nordmann", "email": "not-an-address", "municipality": "asker",
        "password": "short", "confirm": "short"})
    assert response.status_code in (200, 422)
    page = _Page(response.get_data(as_text=True))
    assert_refused(page, "email", "Enter an e-mail address, such as kari@solkraft.no.")
    assert_fine(page, "name")
    assert_hinted(page, "password", "At least 12 characters. A sentence is easy to remember.")
    # The role's radios: the group (fieldset) is described by the error, each radio is invalid.
    assert page.by_id["role-0"].get("aria-invalid") == "true"
    [fieldset] = [f for f in page.fieldsets if "role-error" in f.get("aria-describedby", "")]
    assert page.described_by(fieldset) == ["Choose whether you are a founder or an investor."]


def test_pitch_form_errors_and_hints_are_tied_to_their_controls(client, founder):
    response = client.post("/pitches/new", data=pitch_form(title="", summary="x" * 201))
    assert response.status_code == 422
    page = _Page(response.get_data(as_text=True))
    assert_refused(page, "title", "This field is required.")
    summary = _control(page, "summary")
    assert summary.get("aria-invalid") == "true"
    # the error first, then the hint that says how to fix it
    described = page.described_by(summary)
    assert len(described) == 2 and described[1] == "At most 200 characters."
    assert "200" in described[0]
    assert_hinted(page, "description", "Plain text is fine. You can also use **bold**, lists "
                  "(lines starting with “- ”) and links: [text](https://…). The format is "
                  "called Markdown. Up to 20,000 characters.")
    assert_fine(page, "description")


def test_investor_profile_errors_are_tied_to_their_controls(client, auth):
    auth.login(make_user("investor").email)
    response = client.post("/profile", data=profile_form(organisation="", ticket_min="lots"))
    assert response.status_code == 422
    page = _Page(response.get_data(as_text=True))
    assert_refused(page, "organisation", "This field is required.")
    ticket = _control(page, "ticket_min")
    assert ticket.get("aria-invalid") == "true" and page.described_by(ticket)
    assert_hinted(page, "contact_email", "Shown to a founder only after you are both interested.")


def test_arena_form_errors_and_hints_are_tied_to_their_controls(client, auth):
    auth.login(make_user("staff", association="asker").email)
    response = client.post("/staff/arenas/new", data=arena_form(venue="", slot_count="many"))
    assert response.status_code == 422
    page = _Page(response.get_data(as_text=True))
    assert_refused(page, "venue", "This field is required.")
    assert_refused(page, "slot_count", "Enter a whole number.")
    assert_hinted(page, "breaks", "Slot numbers without meetings, counted from 1, e.g. 4, 8.")
    assert_fine(page, "title")


def test_account_page_errors_and_hints_in_norwegian(app):
    user = make_user("founder")
    client = _client_in(app, "nb", user)
    response = client.post("/account/", data={"name": "", "phone": "", "locale": "nb"})
    assert response.status_code == 422
    page = _Page(response.get_data(as_text=True))
    assert_refused(page, "name", "Dette feltet er påkrevd.")
    assert_hinted(page, "locale", "For sidene og e-postene Koble sender deg.")


def test_times_form_uses_the_same_field_macro(client, auth):
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder")
    auth.login(me.user.email)
    response = client.post(f"/arenas/{arena.id}/times",
                           data={"arrive_slot": "5", "leave_slot": "3", "meeting_cap": ""})
    assert response.status_code == 422
    page = _Page(response.get_data(as_text=True))
    assert_refused(page, "leave_slot", "The leaving time must be after the arrival time.")
    assert_fine(page, "arrive_slot")
    assert page.described_by(_control(page, "meeting_cap"))  # the hint on the arena's limit


def test_filter_form_errors_are_tied_to_their_controls(client, auth):
    auth.login(make_user("admin", association=None).email)
    page = _Page(client.get("/admin/users?role=nobody").get_data(as_text=True))
    assert_refused(page, "role", "Unknown choice for “Role”: choose one from the list.")


def test_no_template_renders_a_field_without_the_macro():
    """Bootstrap-Flask's render_field and hand-written `form.x(...)` calls leave errors and
    hints untied; every field goes through form_field."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        if "render_field" in text.replace("Bootstrap-Flask's render_field", ""):
            offenders.append(str(path))
        for line in text.splitlines():
            if "{{ form." in line and "(" in line.split("{{ form.", 1)[1].split("}}")[0] \
                    and "hidden_tag" not in line and path.name != "_macros.html":
                offenders.append(f"{path}: {line.strip()}")
    assert offenders == []
