"""A refused form's summary names every marked field, in the page's language, as a link to
the field (a group's first option), and is the element the page's script focuses."""

from __future__ import annotations

import re

import pytest

from app.services import engine_settings
from tests.app.test_form_fields import TEMPLATES, _Page
from tests.factories import make_arena, make_investor, make_participant, make_user


@pytest.fixture
def app_overrides():
    return {"BABEL_DEFAULT_LOCALE": "nb"}


def _summary(page: str) -> str:
    match = re.search(r'<div [^>]*data-error-summary[^>]*>(.*?)</div>',
                      page, re.S)
    assert match, "no focusable error summary on the page"
    assert 'tabindex="-1"' in match.group(0) and 'role="alert"' in match.group(0)
    return match.group(1)


def _links(summary: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)


def test_login_summary_links_to_the_empty_fields(client):
    response = client.post("/auth/login", data={"email": "", "password": ""})
    summary = _summary(response.get_data(as_text=True))
    assert "Rett opp feltene som er markert." in summary
    assert _links(summary) == [("email", "E-post"), ("password", "Passord")]


def test_register_summary_names_groups_by_their_first_option(client):
    response = client.post("/auth/register", data={"name": "Kari", "email": "ikke-epost"})
    page = response.get_data(as_text=True)
    links = dict(_links(_summary(page)))
    assert links["role-0"] == "Jeg er"  # the radio group: its first option
    assert links["email"] == "E-post"
    assert "name" not in links  # filled in, not marked
    for target in links:
        assert f'id="{target}"' in page  # every link leads to a control on the page


def test_pitch_summary_in_english(client, auth):
    founder = make_user("founder", locale="en")
    auth.login(founder.email)
    response = client.post("/pitches/new", data={"title": "", "summary": ""})
    summary = _summary(response.get_data(as_text=True))
    assert "Please correct the marked fields." in summary
    assert ("title", "Title") in _links(summary)


def test_a_wrong_password_names_no_field(client):
    user = make_user("founder")
    response = client.post("/auth/login", data={"email": user.email, "password": "feil"})
    summary = _summary(response.get_data(as_text=True))
    assert "Feil e-post eller passord." in summary and _links(summary) == []


def test_the_page_loads_the_script_that_moves_the_focus(client):
    page = client.get("/auth/login").get_data(as_text=True)
    assert '<script src="/static/form_errors.js?v=' in page


# --- every form with errors: the one summary ---------------------------------------------------
# Each form refused: (who logs in, what to send) and the ids of the controls the summary must
# link to. These forms had hand-written alerts that named no field and took no focus.
def _admin_role(client, auth):
    auth.login(make_user("admin", association=None).email)
    person = make_user("founder")
    refused = client.post(f"/admin/users/{person.id}/role", data={"role": "", "association": ""})
    assert refused.status_code == 303  # back to the person's page, which shows the summary
    return client.get(refused.headers["Location"])


def _mail_choices(client, auth):
    auth.login(make_user("investor").email)
    return client.post("/account/email-notifications", data={"groups": ["admin"]})


def _engine_weights(client, auth):
    auth.login(make_user("admin", association=None).email)
    names = engine_settings.weight_names()
    return client.post("/admin/engine", data={name: "1" for name in names} | {names[0]: "-1"})


def _staff_times(client, auth):
    arena = make_arena()
    invitation = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    return client.post(f"/staff/arenas/{arena.id}/invitations/{invitation.id}/times",
                       data={"arrive_slot": "5", "leave_slot": "3", "meeting_cap": ""})


def _own_times(client, auth):
    arena = make_arena()
    invitation = make_participant(arena, "founder")
    auth.login(invitation.user.email)
    return client.post(f"/arenas/{arena.id}/times",
                       data={"arrive_slot": "5", "leave_slot": "3", "meeting_cap": ""})


def _as(role: str, url: str, **user):
    def send(client, auth):
        person = make_user(role, **user)
        if role == "investor":
            make_investor(person)
        auth.login(person.email)
        return client.get(url)
    return send


FORMS = {
    "admin-role": (_admin_role, ["role"]),
    "mail-choices": (_mail_choices, ["groups-0"]),
    "engine-weights": (_engine_weights, [None]),  # the first weight's id, read at run time
    "staff-times": (_staff_times, ["leave_slot"]),
    "own-times": (_own_times, ["leave_slot"]),
    "people-filters": (_as("admin", "/admin/users?role=boss", association=None), ["role"]),
    "match-filters": (_as("investor", "/matches?ask_min=mye&sector=space"),
                      ["sector", "ask_min"]),
    "browse-filters": (_as("investor", "/pitches?stage=unicorn"), ["stage"]),
    "investor-filters": (_as("founder", "/investors?sector=space"), ["sector"]),
    "moderation-filters": (_as("staff", "/staff/pitches?shown=weird", association="asker"),
                           ["shown"]),
    "dashboard-filters": (_as("staff", "/staff/dashboard?scope=drammen", association="asker"),
                          ["scope"]),
}


AFTER_REDIRECT = {"admin-role"}  # the page comes back with a GET (see _admin_role)


@pytest.mark.parametrize("name", FORMS)
def test_every_refused_form_has_the_summary_linking_to_its_marked_fields(client, auth, name):
    send, targets = FORMS[name]
    if targets == [None]:
        targets = [engine_settings.weight_names()[0]]
    response = send(client, auth)
    assert response.status_code == (200 if name in AFTER_REDIRECT else 422)
    html = response.get_data(as_text=True)
    assert html.count("data-error-summary") == 1
    summary = _summary(html)
    count = len(targets)
    heading = f"{count} feil å rette"
    assert re.search(rf'<h2 class="h6 alert-heading">{heading}</h2>', summary), summary
    assert [target for target, _label in _links(summary)] == targets
    page = _Page(html)
    for target in targets:
        control = page.by_id[target]
        assert control.get("aria-invalid") == "true", control
        field = target.removesuffix("-0")
        described = page.described_by(
            next((f for f in page.fieldsets if f"{field}-error" in f.get("aria-describedby", "")),
                 control))
        assert page.text[f"{field}-error"].strip() in described, described


def test_a_refusal_with_no_field_is_said_and_counted(client, auth):
    """A refusal about no field (here: an admin deactivating themselves, refused by the
    service) is counted and said in the summary, with no link."""
    admin = make_user("admin", association=None)
    auth.login(admin.email)
    response = client.post(f"/admin/users/{admin.id}/deactivate")
    summary = _summary(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "1 feil å rette" in summary and _links(summary) == []
    assert "Du kan ikke deaktivere din egen konto." in summary


def test_no_template_writes_its_own_error_alert():
    """A form's errors are shown by the error_summary macro alone. Not form errors: a hidden
    pitch's notice; and the schedule's refused move, which lands at its row (#meeting-N), where
    a summary taking the focus would scroll the page away from it."""
    allowed = {"_macros.html", "pitches/view.html", "meetings/staff_schedule.html"}
    offenders = [str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html")
                 if "alert-danger" in path.read_text()
                 and str(path.relative_to(TEMPLATES)) not in allowed]
    assert offenders == []
