"""An investor's track record (past investments): kept on the profile page, through the API
and by the member import, validated the same way, and fed to the engine's activity score."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile, MatchScore, User
from app.services import engine_index, events, member_files, member_import_apply, member_import_plan
from app.services.investors import MAX_PAST_INVESTMENTS
from tests.app.api.helpers import bearer
from tests.app.matching_data import tiny_market
from tests.factories import make_investor, make_user


def _form(**overrides) -> dict:
    data = {"organisation": "Fjordkapital AS", "investor_type": "angel",
            "thesis": "Vi investerer i havbruk.", "green_mandate": "none",
            "past_investments": "12"}
    data.update(overrides)
    return data


def _profile(user) -> InvestorProfile | None:
    db.session.expire_all()
    return db.session.scalar(select(InvestorProfile).where(InvestorProfile.user_id == user.id))


def _marked_invalid(page: str, name: str) -> bool:
    field = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
    return field is not None and "is-invalid" in field.group(0)


@pytest.fixture
def investor(auth):
    user = make_user("investor")
    auth.login(user.email)
    return user


# -- the profile page ----------------------------------------------------------------------
def test_investor_states_and_edits_past_investments(client, investor):
    assert client.post("/profile", data=_form()).status_code == 302
    profile = _profile(investor)
    assert profile.past_investments == 12
    page = client.get("/profile").get_data(as_text=True)
    assert 'name="past_investments"' in page and 'value="12"' in page
    response = client.post("/profile", data=_form(past_investments="13",
                                                  version=str(profile.version)))
    assert response.status_code == 302
    assert _profile(investor).past_investments == 13


def test_blank_past_investments_means_none(client, investor):
    assert client.post("/profile", data=_form(past_investments="")).status_code == 302
    assert _profile(investor).past_investments == 0


@pytest.mark.parametrize("value", ["-1", str(MAX_PAST_INVESTMENTS + 1), "many", "2.5"])
def test_bad_past_investments_are_refused_and_nothing_is_saved(client, investor, value):
    response = client.post("/profile", data=_form(past_investments=value))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Vi investerer i havbruk." in page  # the typed text is kept
    assert _marked_invalid(page, "past_investments")
    assert _profile(investor) is None


def test_bad_past_investments_leave_an_existing_profile_unchanged(client, investor):
    profile = make_investor(investor, past_investments=4)
    response = client.post("/profile", data=_form(past_investments="-5",
                                                  version=str(profile.version)))
    assert response.status_code == 422
    assert _profile(investor).past_investments == 4


def test_the_field_and_its_message_are_in_bokmal(client, investor):
    client.post("/language", data={"lang": "nb"})
    page = client.get("/profile").get_data(as_text=True)
    assert "Tidligere investeringer" in page
    assert "Hvor mange selskaper du har investert i" in page
    page = client.post("/profile", data=_form(past_investments="-1")).get_data(as_text=True)
    assert _marked_invalid(page, "past_investments")
    assert "Number must be" not in page


def test_the_services_message_is_in_bokmal(app):
    from flask_babel import force_locale

    from app.services import investors
    from app.services.errors import DomainError

    user = make_user("investor")
    with app.test_request_context(), force_locale("nb"), pytest.raises(DomainError) as caught:
        investors.save_profile(user, {"organisation": "X", "investor_type": "angel",
                                      "past_investments": 5000}, None)
    assert caught.value.message == "Tidligere investeringer må være et helt tall fra 0 til 1000."


def test_the_service_refuses_what_the_form_would(app):
    from app.services import investors
    from app.services.errors import DomainError

    user = make_user("investor")
    values = {"organisation": "X", "investor_type": "angel", "past_investments": -1}
    with app.test_request_context(), pytest.raises(DomainError) as caught:
        investors.save_profile(user, values, None)
    assert caught.value.field == "past_investments"
    assert _profile(user) is None


# -- the engine sees it --------------------------------------------------------------------
@pytest.fixture
def market(app):
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    return tiny_market()


def _activity(profile) -> list[float]:
    db.session.expire_all()
    return [row.components["activity"] for row in db.session.scalars(
        select(MatchScore).where(MatchScore.investor_profile_id == profile.id))]


def test_a_new_track_record_rescored_at_once_on_save(client, auth, market):
    profile = market["health_investor"]
    engine_index.rebuild()
    before = _activity(profile)
    assert before and max(before) == 0.0  # no track record, no answers yet
    auth.login(profile.user.email)
    page = client.get("/profile").get_data(as_text=True)
    assert 'value="0"' in page
    form = {key: getattr(profile, key) for key in (
        "organisation", "investor_type", "thesis", "green_mandate")}
    form.update(sectors=profile.sectors, stages=profile.stages, regions=profile.regions,
                ticket_min=str(profile.ticket_min), ticket_max=str(profile.ticket_max),
                past_investments="25", version=str(profile.version))
    assert client.post("/profile", data=form).status_code == 302
    after = _activity(profile)  # no rebuild in between: the save re-scored this investor
    assert after and min(after) > 0.0


# -- the API -------------------------------------------------------------------------------
def _body(**overrides) -> dict:
    body = {"organisation": "Fjordkapital AS", "investor_type": "angel",
            "thesis": "Havbruk og maritim teknologi.", "sectors": ["maritime"],
            "past_investments": 9}
    body.update(overrides)
    return body


def test_api_creates_reads_and_updates_the_profile(client, app):
    user = make_user("investor")
    headers = bearer(user)
    assert client.get("/api/v1/profile", headers=headers).status_code == 404
    seen = []

    def receiver(sender):
        seen.append(sender.past_investments)

    events.investor_saved.connect(receiver)
    try:
        created = client.put("/api/v1/profile", json=_body(), headers=headers)
        assert created.status_code == 200, created.get_json()
        version = created.get_json()["version"]
        read = client.get("/api/v1/profile", headers=headers).get_json()
        assert read["past_investments"] == 9 and read["organisation"] == "Fjordkapital AS"
        updated = client.put("/api/v1/profile", json=_body(past_investments=10, version=version),
                             headers=headers)
        assert updated.status_code == 200
        assert updated.get_json()["past_investments"] == 10
    finally:
        events.investor_saved.disconnect(receiver)
    assert seen == [9, 10]  # each save re-scores, as the profile page does
    assert _profile(user).past_investments == 10


def test_api_omitted_past_investments_reads_as_none(client, app):
    user = make_user("investor")
    body = _body()
    del body["past_investments"]
    response = client.put("/api/v1/profile", json=body, headers=bearer(user))
    assert response.status_code == 200
    assert response.get_json()["past_investments"] == 0


@pytest.mark.parametrize("value", [-1, MAX_PAST_INVESTMENTS + 1, "many", 2.5, None])
def test_api_refuses_bad_past_investments_in_its_error_shape(client, app, value):
    user = make_user("investor")
    profile = make_investor(user, past_investments=3)
    response = client.put("/api/v1/profile", headers=bearer(user),
                          json=_body(past_investments=value, version=profile.version))
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert list(error["fields"]) == ["past_investments"]
    assert _profile(user).past_investments == 3


def test_api_stale_or_missing_version_is_a_conflict(client, app):
    user = make_user("investor")
    profile = make_investor(user, past_investments=3)
    old = profile.version
    profile.thesis = "Endret på siden"
    db.session.commit()
    headers = bearer(user)
    stale = client.put("/api/v1/profile", json=_body(version=old), headers=headers)
    assert stale.status_code == 409
    assert stale.get_json()["error"]["code"] == "conflict"
    missing = client.put("/api/v1/profile", json=_body(), headers=headers)
    assert missing.status_code == 409
    assert _profile(user).past_investments == 3


def test_api_profile_is_for_investors_with_a_write_token(client, app):
    founder = make_user("founder")
    assert client.get("/api/v1/profile", headers=bearer(founder)).status_code == 403
    assert client.put("/api/v1/profile", json=_body(), headers=bearer(founder)).status_code == 403
    investor = make_user("investor")
    refused = client.put("/api/v1/profile", json=_body(), headers=bearer(investor, "read"))
    assert refused.status_code == 403
    assert _profile(investor) is None


# -- the member import ---------------------------------------------------------------------
HEADER = ["email", "name", "role", "organisation", "past_investments"]


def _rows(*rows) -> list[dict]:
    return [dict(zip(HEADER, row, strict=True)) for row in rows]


def test_import_sets_past_investments_and_blank_keeps_them(app):
    staff = make_user("staff")
    kept = make_investor(make_user("investor", email="kept@fond.no"), past_investments=6)
    rows = _rows(["ny@fond.no", "Ny Investor", "investor", "Nytt Fond AS", "14"],
                 ["kept@fond.no", "Kept", "investor", "Gammelt Fond AS", ""],
                 ["excel@fond.no", "Excel", "investor", "Tall AS", "3.0"])
    assert member_import_plan.counts(member_import_plan.plan(rows)) == {
        "create": 2, "update": 1, "reject": 0}
    member_import_apply.apply(staff, rows)
    db.session.expire_all()
    by_email = {p.user.email: p.past_investments for p in db.session.scalars(
        select(InvestorProfile))}
    assert by_email == {"ny@fond.no": 14, "kept@fond.no": 6, "excel@fond.no": 3}
    assert kept.organisation == "Gammelt Fond AS"


@pytest.mark.parametrize("value", ["-2", "mange", "1.5", str(MAX_PAST_INVESTMENTS + 1)])
def test_import_rejects_a_bad_past_investments_cell(app, value):
    rows = _rows(["ny@fond.no", "Ny Investor", "investor", "Nytt Fond AS", value])
    with app.test_request_context():
        [row] = member_import_plan.plan(rows)
    assert row.action == "reject"
    assert any("0" in reason and str(MAX_PAST_INVESTMENTS) in reason for reason in row.reasons)


def test_import_reads_the_norwegian_column_name(app):
    rows = member_files.read_table("medlemmer.csv", (
        b"e-post;navn;rolle;organisasjon;tidligere investeringer\n"
        b"ny@fond.no;Ny Investor;investor;Nytt Fond AS;8\n"))
    member_import_apply.apply(make_user("staff"), rows)
    assert _profile(db.session.scalar(select(InvestorProfile)).user).past_investments == 8


def test_an_imported_track_record_is_rescored_at_once(app, market):
    """A member import changes profiles as the form does: their stored matches follow now,
    not at the next rebuild."""
    profile = market["health_investor"]
    engine_index.rebuild()
    assert max(_activity(profile)) == 0.0
    rows = _rows([profile.user.email, profile.user.name, "investor", profile.organisation, "25"])
    member_import_apply.apply(make_user("staff"), rows)
    after = _activity(profile)  # no rebuild in between
    assert after and min(after) > 0.0


# -- numbers as a Norwegian spreadsheet writes them ---------------------------------------
NORWEGIAN_HEADER = "e-post;navn;rolle;organisasjon;tidligere investeringer\n"


def _norwegian_csv(*lines: str) -> bytes:
    """A member list as Excel in bokmål saves it as CSV: semicolons, Windows-1252 (where the
    no-break space between thousands is one byte, 0xA0)."""
    return (NORWEGIAN_HEADER + "".join(line + "\n" for line in lines)).encode("cp1252")


@pytest.mark.parametrize(("value", "count"), [
    ("12,0", 12), ("12.0", 12), ("12", 12), ("1 000", 1000), ("1\u00a0000", 1000),
    ("1 000,0", 1000), ("1\u00a0000,0", 1000), ("0,0", 0)])
def test_import_reads_numbers_as_norwegian_spreadsheets_write_them(app, value, count):
    rows = member_files.read_table("medlemmer.csv", _norwegian_csv(
        f"ny@fond.no;Ny Investor;investor;Nytt Fond AS;{value}"))
    with app.test_request_context():
        [row] = member_import_plan.plan(rows)
        assert row.action == "create", row.reasons
        member_import_apply.apply(make_user("staff"), rows)
    assert _profile(db.session.scalar(select(InvestorProfile)).user).past_investments == count


def test_a_files_numbers_read_the_same_in_either_language(app):
    """The format is the file's, not the reader's: in English "12,0" is not 120."""
    from flask_babel import force_locale

    rows = _rows(["a@fond.no", "A", "investor", "A AS", "12,0"],
                 ["b@fond.no", "B", "investor", "B AS", "1\u00a0000"])
    for language in ("en", "nb"):
        with app.test_request_context(), force_locale(language):
            plans = member_import_plan.plan(rows)
        assert [row.values["past_investments"] for row in plans] == [12, 1000], language


def _preview_reasons(client) -> dict[str, str]:
    html = client.get("/staff/members/import/preview").get_data(as_text=True)
    return {email: reason for email, reason in re.findall(
        r'<tr class="import-reject"[^>]*>\s*<td[^>]*>\d+</td><td[^>]*>([^<]+)</td>'
        r'.*?<td[^>]*>([^<]*)</td>\s*</tr>',
        html, re.S)}


def test_unreadable_numbers_are_refused_row_by_row_in_bokmal_and_nothing_is_imported(
        client, staff):
    client.post("/language", data={"lang": "nb"})
    data = _norwegian_csv("desimal@fond.no;Desimal;investor;Desimal AS;1 200,5",
                          "tekst@fond.no;Tekst;investor;Tekst AS;tolv",
                          "to@fond.no;To;investor;To AS;12,5,0",
                          "tvetydig@fond.no;Tvetydig;investor;Tvetydig AS;1,000")
    upload = client.post("/staff/members/import", content_type="multipart/form-data",
                         data={"file": (io.BytesIO(data), "medlemmer.csv")})
    assert upload.status_code == 303
    reasons = _preview_reasons(client)
    whole = "Tidligere investeringer må være et helt tall fra 0 til 1000."
    assert reasons == {
        "desimal@fond.no": whole, "tekst@fond.no": whole, "to@fond.no": whole,
        "tvetydig@fond.no": "Tidligere investeringer: «1,000» kan leses på to måter; skriv "
                            "tallet uten tusenskille, for eksempel 1000."}
    client.post("/staff/members/import/confirm")
    assert db.session.scalar(select(InvestorProfile)) is None
    assert db.session.scalar(select(User).where(User.email.like("%@fond.no"))) is None
