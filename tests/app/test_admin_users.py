"""The admin's people pages: finding accounts, changing roles and associations (staff need
one), deactivating and reactivating, and inviting staff; the guard rails (no admin removes
their own rights, the last active admin stays) and who may open the pages at all."""

from __future__ import annotations

import os
import re
import threading
import time

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent, User
from app.services import account_access
from app.services.accounts import association_by_slug
from app.services.errors import DomainError
from tests.app.admin_questions import confirm
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.app.test_i18n import _untranslated
from tests.factories import DEFAULT_PASSWORD, make_user, outbox_of

NEW_PASSWORD = "fjord sol batteri 2026"


@pytest.fixture
def admin(app):
    """An admin and a client logged in as them."""
    user = make_user("admin", "sjef@koble.no", name="Ada Admin", association=None)
    client = app.test_client()
    log_in(client, user)
    return user, client


def _assoc_id(slug: str) -> int:
    return association_by_slug(slug).id


def _audit(user: User) -> list[str]:
    """The account changes audited for the user (not their logins)."""
    return list(db.session.scalars(select(AuditEvent.action).where(
        AuditEvent.target == f"user:{user.id}", AuditEvent.action != "login")
        .order_by(AuditEvent.id)))


def _fresh(user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def _names(html: str) -> set[str]:
    return set(re.findall(r'<a href="/admin/users/\d+">([^<]+)</a>', html))


# --- the list ---------------------------------------------------------------------------------
def test_people_list_shows_searches_and_filters(admin):
    _admin, client = admin
    make_user("founder", "kari@grunder.no", name="Kari Nordmann", association="drammen")
    make_user("investor", "ola@fond.no", name="Ola Kapital", association="asker")
    make_user("staff", "per@drammen.no", name="Per Ansatt", association="drammen")
    make_user("founder", "gone@grunder.no", name="Kari Borte", active=False)

    page = client.get("/admin/users").get_data(as_text=True)
    assert _names(page) == {"Ada Admin", "Kari Nordmann", "Ola Kapital", "Per Ansatt",
                            "Kari Borte"}
    assert "kari@grunder.no" in page and "5 accounts." in page

    def names(query: str) -> set[str]:
        response = client.get(f"/admin/users?{query}")
        assert response.status_code == 200
        return _names(response.get_data(as_text=True))

    assert names("q=kari") == {"Kari Nordmann", "Kari Borte"}
    assert names("q=FOND.no") == {"Ola Kapital"}  # e-mail, any case
    assert names("q=kari+nord") == {"Kari Nordmann"}  # every word must match
    assert names("role=staff") == {"Per Ansatt"}
    assert names(f"association={_assoc_id('drammen')}") == {"Kari Nordmann", "Per Ansatt"}
    assert names(f"role=founder&association={_assoc_id('drammen')}") == {"Kari Nordmann"}
    assert names("q=%25") == set()  # a typed % is a character, not a wildcard


def test_people_list_is_paged(admin):
    _admin, client = admin
    for n in range(30):
        make_user("founder", f"p{n:02d}@example.no", name=f"Person {n:02d}")
    first = client.get("/admin/users?role=founder").get_data(as_text=True)
    second = client.get("/admin/users?role=founder&page=2").get_data(as_text=True)
    assert "30 accounts." in first
    assert len(_names(first)) == 25 and len(_names(second)) == 5
    assert not _names(first) & _names(second)
    assert "page=2" in first and "role=founder" in first  # the pager keeps the filter


def test_bad_filters_get_a_message(admin):
    _admin, client = admin
    for query in ("role=boss", "association=99999", "association=abc", "q=" + "x" * 200):
        response = client.get(f"/admin/users?{query}")
        assert response.status_code == 422, query
        assert "Please correct the marked filters." in response.get_data(as_text=True)


# --- roles and associations -------------------------------------------------------------------
def _refused(client, person, action: str, data=None):
    """A refusal on the person's page comes back to the page (POST, redirect, GET), which
    says why: rendered at the POST-only /role or /deactivate address, a reload was a 405."""
    response = client.post(f"/admin/users/{person.id}/{action}", data=data)
    assert response.status_code == 303, response.status_code
    assert response.headers["Location"] == f"/admin/users/{person.id}"
    return client.get(response.headers["Location"])


def test_staff_role_needs_an_association(admin):
    _admin, client = admin
    person = make_user("founder", association="asker")
    before = checksum()
    response = _refused(client, person, "role", {"role": "staff", "association": ""})
    assert response.status_code == 200
    assert "Staff belong to an association: choose one." in response.get_data(as_text=True)
    assert checksum() == before


def test_role_change_with_association_applies_at_once_and_is_audited(app, admin):
    _admin, client = admin
    person = make_user("founder", association="asker")
    theirs = app.test_client()
    log_in(theirs, person)
    assert theirs.get("/pitches/mine").status_code == 200

    response = client.post(f"/admin/users/{person.id}/role",
                           data={"role": "staff", "association": str(_assoc_id("drammen"))})
    assert response.status_code == 303
    person = _fresh(person)
    assert (person.role, person.association.slug) == ("staff", "drammen")
    assert _audit(person) == ["role_changed", "association_changed"]
    details = set(db.session.scalars(select(AuditEvent.detail).where(
        AuditEvent.target == f"user:{person.id}")))
    assert details == {"founder -> staff", "asker -> drammen"}
    # the old session is over: the new rights come with a new login
    assert "/auth/login" in theirs.get("/pitches/mine").location
    page = client.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert "Role changed" in page and "Ada Admin" in page


def test_a_staff_members_association_can_be_changed(admin):
    _admin, client = admin
    person = make_user("staff", association="asker")
    response = client.post(f"/admin/users/{person.id}/role",
                           data={"role": "staff", "association": str(_assoc_id("modum"))})
    assert response.status_code == 303
    person = _fresh(person)
    assert (person.role, person.association.slug) == ("staff", "modum")
    assert _audit(person) == ["association_changed"]


def test_founders_association_stays_when_their_role_changes(admin):
    _admin, client = admin
    person = make_user("founder", association="ringerike")
    client.post(f"/admin/users/{person.id}/role",
                data={"role": "investor", "association": str(_assoc_id("asker"))})
    person = _fresh(person)
    assert (person.role, person.association.slug) == ("investor", "ringerike")


def test_unknown_role_unknown_association_and_unknown_user_change_nothing(admin):
    _admin, client = admin
    person = make_user("founder")
    before = checksum()
    for data in ({"role": "boss"}, {"role": ""}, {},
                 {"role": "staff", "association": "99999"},
                 {"role": "staff", "association": "abc"}):
        response = _refused(client, person, "role", data)
        assert "invalid-feedback" in response.get_data(as_text=True), data
    assert "Choose one of the options in the list." in _refused(
        client, person, "role", {"role": "boss"}).get_data(as_text=True)
    for url in ("/admin/users/99999", "/admin/users/99999/role",
                "/admin/users/99999/deactivate", "/admin/users/99999/reactivate"):
        method = client.get if url.endswith("99999") else client.post
        assert method(url, data={"role": "admin"} if "role" in url else None
                      ).status_code == 404, url
    assert checksum() == before


def test_admin_cannot_demote_or_deactivate_themselves(admin):
    me, client = admin
    other_admin = make_user("admin", association=None)  # so "last admin" is not the reason
    before = checksum()
    response = _refused(client, me, "role",
                        {"role": "staff", "association": str(_assoc_id("asker"))})
    page = response.get_data(as_text=True)
    assert "You cannot remove your own admin role" in page
    assert "data-error-summary" in page and 'aria-invalid="true"' in page
    # the choices sent stay chosen, as on a refused form
    assert re.search(r'<option selected value="staff">|<option value="staff" selected>', page)
    response = _refused(client, me, "deactivate")
    assert "You cannot deactivate your own account." in response.get_data(as_text=True)
    # said once: a reload shows the person's page as it is
    assert "You cannot deactivate" not in client.get(f"/admin/users/{me.id}").get_data(
        as_text=True)
    assert checksum() == before
    assert _fresh(me).role == "admin" and _fresh(me).active
    # another admin can be demoted: there is still one left
    response = client.post(f"/admin/users/{other_admin.id}/role", data={"role": "founder"})
    assert response.status_code == 303 and _fresh(other_admin).role == "founder"


def test_the_last_active_admin_cannot_be_removed(app):
    only = make_user("admin", "eneste@koble.no", association=None)
    make_user("admin", "sovende@koble.no", association=None, active=False)  # does not count
    before = checksum()
    with app.test_request_context(), pytest.raises(DomainError, match="last active admin"):
        account_access.set_role(only, "founder")
    with app.test_request_context(), pytest.raises(DomainError, match="last active admin"):
        account_access.set_active(_fresh(only), False)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "set-role", "eneste@koble.no", "investor"])
    assert result.exit_code != 0 and "last active administrator" in result.output
    result = runner.invoke(args=["users", "deactivate", "eneste@koble.no"])
    assert result.exit_code != 0 and "last active administrator" in result.output
    assert checksum() == before
    # with a second active admin, the first may go
    make_user("admin", association=None)
    with app.test_request_context():
        account_access.set_role(_fresh(only), "founder")
    assert _fresh(only).role == "founder"


def test_deactivation_ends_the_persons_sessions_and_reactivation_lets_them_back(app, admin):
    _admin, client = admin
    person = make_user("investor", "ola@fond.no")
    theirs = app.test_client()
    log_in(theirs, person)
    assert theirs.get("/profile").status_code == 200

    response = confirm(client, person.id, "deactivate")
    assert response.status_code == 303
    assert "logged out everywhere" in client.get(response.location).get_data(as_text=True)
    assert not _fresh(person).active
    assert "/auth/login" in theirs.get("/profile").location
    login = app.test_client().post("/auth/login", data={"email": person.email,
                                                         "password": DEFAULT_PASSWORD})
    assert login.status_code != 302  # refused

    assert client.post(f"/admin/users/{person.id}/reactivate").status_code == 303
    assert _fresh(person).active
    # the session was ended, not only suspended: being active again does not revive it
    assert "/auth/login" in theirs.get("/profile").location
    login = app.test_client().post("/auth/login", data={"email": person.email,
                                                         "password": DEFAULT_PASSWORD})
    assert login.status_code == 302
    assert _audit(person) == ["user_deactivated", "user_reactivated"]
    # once more changes nothing and logs nothing
    client.post(f"/admin/users/{person.id}/reactivate")
    assert _audit(person) == ["user_deactivated", "user_reactivated"]


# --- inviting staff ---------------------------------------------------------------------------
def _invite(client, **fields):
    data = {"name": "Siri Stab", "email": "Siri@Drammen.no",
            "association": str(_assoc_id("drammen")), "locale": "en", **fields}
    return client.post("/admin/users/invite", data=data)


def test_invited_staff_member_gets_a_set_password_mail_and_can_log_in(app, admin):
    _admin, client = admin
    response = _invite(client)
    assert response.status_code == 303
    person = db.session.scalar(select(User).where(User.email == "siri@drammen.no"))
    assert (person.role, person.association.slug, person.locale) == ("staff", "drammen", "en")
    assert _audit(person) == ["staff_invited"]
    [mail] = outbox_of(app)
    assert mail.to == ["siri@drammen.no"]
    assert mail.subject == "You are staff of Næringsforeningen i Drammensregionen on Koble"
    assert "Open this link within 7 days to choose your password" in mail.body
    link = re.search(r"http://\S+/auth/reset/\S+", mail.body).group(0)
    path = link.split("localhost", 1)[1]
    fresh = app.test_client()
    assert fresh.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
                      ).status_code == 302
    login = fresh.post("/auth/login", data={"email": "siri@drammen.no",
                                            "password": NEW_PASSWORD})
    assert login.status_code == 302
    assert fresh.get("/staff/arenas").status_code == 200
    # the link worked once
    assert "/auth/reset" in app.test_client().get(path).location


def test_invitation_mail_in_the_default_language_when_none_is_chosen(app, admin):
    _admin, client = admin
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    assert _invite(client, locale="").status_code == 303
    [mail] = outbox_of(app)
    assert mail.subject == "Du er ansatt i Næringsforeningen i Drammensregionen på Koble"
    assert "Hei Siri Stab," in mail.body
    person = db.session.scalar(select(User).where(User.email == "siri@drammen.no"))
    assert person.locale is None


def test_staff_invitation_says_staff_role_and_association_not_the_member_text(app, admin):
    """The staff mail was the member import's ("your business association has added you"):
    it now names the role and the association."""
    _admin, client = admin
    assert _invite(client, locale="nb").status_code == 303
    [mail] = outbox_of(app)
    assert "Næringsforeningen din har lagt deg til" not in mail.body
    assert ("En administrator har gitt deg rollen som ansatt for Næringsforeningen i "
            "Drammensregionen") in mail.body
    assert "«Glemt passordet?»" in mail.body


def test_invite_page_names_the_login_pages_forgot_password_link(admin):
    """The page pointed to «Glemt passord»; the login page's link reads «Glemt passordet?»."""
    _admin, client = admin
    client.post("/language", data={"lang": "nb"})
    login_label = "Glemt passordet?"  # templates/auth/login.html's msgid, in bokmål
    page = client.get("/admin/users/invite").get_data(as_text=True)
    assert f"«{login_label}» på innloggingssiden" in page
    assert "«Glemt passord»" not in page


def test_invitation_refuses_bad_input_and_creates_nothing(admin):
    _admin, client = admin
    make_user("founder", "taken@example.no")
    before = checksum()
    for fields, message in (
            ({"association": ""}, "This field is required."),
            ({"association": "99999"}, "Choose one of the options in the list."),
            ({"email": "TAKEN@example.no"}, "An account with this e-mail already exists."),
            ({"email": "not-an-address"}, "Enter an e-mail address, such as kari@solkraft.no."),
            ({"name": ""}, "This field is required."),
            ({"name": "x" * 121}, "Field cannot be longer than 120 characters."),
            ({"locale": "de"}, "Choose one of the options in the list.")):
        response = _invite(client, **fields)
        assert response.status_code == 422, fields
        assert message in response.get_data(as_text=True), fields
    assert checksum() == before


# --- the command line follows the same rule ---------------------------------------------------
def test_cli_set_role_staff_requires_an_association(app):
    person = make_user("founder", "kari@grunder.no", association="asker")
    runner = app.test_cli_runner()
    before = checksum()
    result = runner.invoke(args=["users", "set-role", "kari@grunder.no", "staff"])
    assert result.exit_code != 0 and "--association" in result.output
    result = runner.invoke(args=["users", "set-role", "kari@grunder.no", "staff",
                                 "--association", "nowhere"])
    assert result.exit_code != 0 and "No association with the slug 'nowhere'" in result.output
    assert checksum() == before
    result = runner.invoke(args=["users", "set-role", "kari@grunder.no", "staff",
                                 "--association", "kongsberg"])
    assert result.exit_code == 0, result.output
    person = _fresh(person)
    assert (person.role, person.association.slug) == ("staff", "kongsberg")


# --- language and access ----------------------------------------------------------------------
def test_people_pages_are_all_bokmal(app):
    me = make_user("admin", association=None)
    person = make_user("staff", name="Per Ansatt")
    account_access.set_active(person, False, actor=me)
    for path in ("/admin/users", f"/admin/users/{person.id}", "/admin/users/invite"):
        assert _untranslated(app, path, me, data={"Per Ansatt", me.name}) == [], path
    nb = app.test_client()
    nb.post("/auth/login", data={"email": me.email, "password": DEFAULT_PASSWORD})
    nb.post("/language", data={"lang": "nb"})
    page = nb.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert "Personer" in page and "Deaktivert" in page and "Aktiver igjen" in page


NEW_ROUTES = (("GET", "/admin/users"), ("GET", "/admin/users/{id}"),
              ("POST", "/admin/users/{id}/role"), ("POST", "/admin/users/{id}/deactivate"),
              ("POST", "/admin/users/{id}/reactivate"), ("GET", "/admin/users/invite"),
              ("POST", "/admin/users/invite"))


@pytest.mark.parametrize("role", ["founder", "investor", "staff", None])
def test_only_admins_reach_the_people_pages(app, role):
    target = make_user("founder")
    client = app.test_client()
    if role:
        log_in(client, make_user(role))
    before = checksum()
    for method, url in NEW_ROUTES:
        response = client.open(url.format(id=target.id), method=method,
                               data={"role": "admin", "name": "X", "email": "x@example.no",
                                     "association": str(_assoc_id("asker"))})
        if role:
            assert response.status_code == 403, (role, method, url)
        else:
            assert response.status_code == 302 and "/auth/login" in response.location
    assert checksum() == before
    assert db.session.scalar(select(func.count(User.id)).where(User.role == "admin")) == 0


def test_the_admin_menu_links_the_new_pages(admin):
    _admin, client = admin
    page = client.get("/").get_data(as_text=True)
    assert 'href="/admin/users"' in page and 'href="/admin/associations"' in page
    assert 'href="/admin/engine"' in page


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
                    reason="two real connections at once: PostgreSQL")
def test_two_admins_removing_each_other_at_once_leave_one(app, monkeypatch):
    first = make_user("admin", association=None)
    second = make_user("admin", association=None)
    ids = {"first": first.id, "second": second.id}
    inside = threading.Event()
    record = account_access.audit.record

    def slow_record(*args, **kwargs):
        # the first demotion holds its transaction open here, after its check
        if threading.current_thread().name == "first":
            inside.set()
            time.sleep(1.0)
        return record(*args, **kwargs)

    monkeypatch.setattr(account_access.audit, "record", slow_record)
    outcome = {}

    def demote(name: str) -> None:
        with app.test_request_context():
            user = db.session.get(User, ids[name])
            try:
                account_access.set_role(user, "founder")
                outcome[name] = "demoted"
            except DomainError as error:
                outcome[name] = error.message
            finally:
                db.session.remove()

    threads = [threading.Thread(target=demote, args=("first",), name="first"),
               threading.Thread(target=demote, args=("second",), name="second")]
    threads[0].start()
    assert inside.wait(10)
    threads[1].start()
    for thread in threads:
        thread.join(30)
    assert outcome["first"] == "demoted"
    assert "last active administrator" in outcome["second"]
    db.session.expire_all()
    assert db.session.scalar(select(func.count(User.id)).where(User.role == "admin")) == 1


def test_cli_create_user_explains_a_taken_email(app):
    make_user("founder", "kari@grunder.no")
    result = app.test_cli_runner().invoke(args=[
        "users", "create", "--email", "kari@grunder.no", "--name", "Kari", "--role", "founder",
        "--password", NEW_PASSWORD])
    assert result.exit_code == 1
    assert "An account with this e-mail already exists." in result.output
