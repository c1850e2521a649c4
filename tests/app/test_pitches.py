"""Founders write, preview, publish, edit and delete their own pitches, and nobody else's."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Pitch
from app.services import events
from tests.factories import make_pitch, make_user


def _form(**overrides) -> dict:
    data = {
        "title": "Havvind for fjorden",
        "summary": "Flytende vindturbiner for smale fjorder.",
        "description": "## Idé\n\nVi bygger **små** turbiner.",
        "sectors": ["energy", "maritime"],
        "stage": "pre_seed",
        "ask_nok": "2500000",
        "funding_type": "equity",
        "municipality": "drammen",
        "green_objectives": ["climate_mitigation", "water_marine"],
        "support_needs": ["capital"],
        "team_size": "4",
        "founded_year": "2023",
        "website": "https://havvind.example.no",
    }
    data.update(overrides)
    return data


@pytest.fixture
def founder(auth):
    user = make_user("founder")
    auth.login(user.email)
    return user


def _pitch(pitch_id: int) -> Pitch:
    db.session.expire_all()
    return db.session.get(Pitch, pitch_id)


def test_founder_creates_a_draft_and_sees_a_preview(client, founder):
    response = client.post("/pitches/new", data=_form())
    assert response.status_code == 302
    pitch = db.session.scalar(select(Pitch))
    assert pitch.owner_id == founder.id and pitch.status == "draft"
    assert pitch.sectors == ["energy", "maritime"]
    assert pitch.ask_nok == 2_500_000 and pitch.founded_year == 2023
    page = client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    assert "Preview" in page or "Forhåndsvisning" in page or "utkast" in page
    assert "<strong>små</strong>" in page
    assert pitch.title in client.get("/pitches/mine").get_data(as_text=True)


@pytest.mark.parametrize("field,value", [
    ("title", ""),
    ("summary", "x" * 201),
    ("stage", "unicorn"),
    ("ask_nok", "-1"),
    ("ask_nok", "1000000001"),
    ("ask_nok", "many"),
    ("founded_year", str(date.today().year + 1)),
    ("founded_year", "1899"),
    ("website", "javascript:alert(1)"),
    ("website", "ftp://files.example.no"),
    ("website", "https://"),
    ("website", "solkraft"),  # a bare word is no domain
    ("website", "kari@solkraft.no"),
    ("website", "mailto:kari@solkraft.no"),
    ("website", "solkraft .no"),
    ("website", "solkraft.no:port"),
    ("sectors", ["energy", "space_mining"]),
    ("green_objectives", ["climate_mitigation", "world_peace"]),
    ("team_size", "0"),
    ("municipality", "oslo"),
])
def test_invalid_pitch_is_refused_with_typed_values_kept(client, founder, field, value):
    response = client.post("/pitches/new", data=_form(**{field: value}))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Vi bygger **små** turbiner." in page
    assert "is-invalid" in page
    assert db.session.scalar(select(Pitch)) is None


@pytest.mark.parametrize("field,value,stored", [
    ("ask_nok", "0", 0),
    ("ask_nok", "1000000000", 1_000_000_000),
    ("founded_year", str(date.today().year), date.today().year),
    ("founded_year", "1900", 1900),
    ("website", "http://example.no/path?q=1", "http://example.no/path?q=1"),
    ("website", "", None),
    # a bare domain is the founder's site: https:// is put in front
    ("website", "solkraft.no", "https://solkraft.no"),
    ("website", " www.Solkraft.no/om-oss ", "https://www.Solkraft.no/om-oss"),
    ("website", "bølgekraft.no", "https://bølgekraft.no"),
])
def test_boundary_values_are_accepted(client, founder, field, value, stored):
    assert client.post("/pitches/new", data=_form(**{field: value})).status_code == 302
    assert getattr(db.session.scalar(select(Pitch)), field) == stored


def test_all_six_green_objectives_are_accepted_and_none_too(client, founder):
    six = ["climate_mitigation", "climate_adaptation", "water_marine", "circular_economy",
           "pollution_prevention", "biodiversity"]
    assert client.post("/pitches/new", data=_form(green_objectives=six)).status_code == 302
    assert client.post("/pitches/new", data=_form(green_objectives=[])).status_code == 302
    stored = sorted(len(p.green_objectives) for p in db.session.scalars(select(Pitch)))
    assert stored == [0, 6]


def test_a_seventh_objective_is_impossible(client, founder):
    seven = ["climate_mitigation", "climate_adaptation", "water_marine", "circular_economy",
             "pollution_prevention", "biodiversity", "biodiversity"]
    assert client.post("/pitches/new", data=_form(green_objectives=seven)).status_code == 422
    assert db.session.scalar(select(Pitch)) is None


def test_form_uses_checkbox_groups_with_legends(client, founder):
    page = client.get("/pitches/new").get_data(as_text=True)
    assert page.count("<fieldset") >= 3 and "<legend" in page
    assert page.count('name="green_objectives"') == 6 and 'type="checkbox"' in page


def test_description_markdown_is_rendered_safely(client, founder):
    nasty = "<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>"
    client.post("/pitches/new", data=_form(description=nasty))
    pitch = db.session.scalar(select(Pitch))
    page = client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in page
    assert 'href="javascript' not in page
    assert "<img" not in page


def test_owner_edits_publishes_unpublishes(client, founder):
    pitch = make_pitch(founder, status="draft")
    response = client.post(f"/pitches/{pitch.id}/edit",
                           data=_form(title="Ny tittel", version=str(pitch.version)))
    assert response.status_code == 302
    assert _pitch(pitch.id).title == "Ny tittel"
    assert client.post(f"/pitches/{pitch.id}/publish").status_code == 302
    assert _pitch(pitch.id).status == "published" and _pitch(pitch.id).published_at
    assert client.post(f"/pitches/{pitch.id}/unpublish",
                       data={"confirm_unpublish": "y"}).status_code == 302
    assert _pitch(pitch.id).status == "draft"


def test_publish_is_post_only(client, founder):
    pitch = make_pitch(founder, status="draft")
    assert client.get(f"/pitches/{pitch.id}/publish").status_code == 405
    assert _pitch(pitch.id).status == "draft"


def test_delete_asks_first_then_deletes(client, founder):
    pitch_id = make_pitch(founder).id
    confirm = client.get(f"/pitches/{pitch_id}/delete")
    assert confirm.status_code == 200 and _pitch(pitch_id) is not None
    assert client.post(f"/pitches/{pitch_id}/delete").status_code == 302
    assert _pitch(pitch_id) is None


def test_stale_edit_is_refused_and_keeps_typed_text(client, founder):
    pitch = make_pitch(founder, title="Original")
    old_version = pitch.version
    pitch.title = "Endret i en annen fane"
    db.session.commit()
    response = client.post(f"/pitches/{pitch.id}/edit",
                           data=_form(title="Min tekst", version=str(old_version)))
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Min tekst" in page
    assert "another tab" in page or "annen fane" in page
    assert _pitch(pitch.id).title == "Endret i en annen fane"
    # The form now carries the current version: saving again is a deliberate overwrite.
    assert f'value="{_pitch(pitch.id).version}"' in page


@pytest.mark.parametrize("version", [None, "²", "1" * 5000])
def test_edit_without_a_readable_version_saves_nothing(client, founder, version):
    pitch = make_pitch(founder, title="Original")
    data = _form(title="Uten versjon") if version is None else _form(title="Uten versjon",
                                                                        version=version)
    response = client.post(f"/pitches/{pitch.id}/edit", data=data)
    assert response.status_code == 409
    assert "invalid literal" not in response.get_data(as_text=True)
    assert _pitch(pitch.id).title == "Original"


def test_race_between_check_and_commit_is_a_conflict(app, founder):
    from sqlalchemy import update

    from app.services import pitches
    from app.services.errors import Conflict

    pitch = make_pitch(founder, title="Original")
    version = pitch.version
    # Another request commits between our version check and our flush.
    with db.engine.begin() as connection:
        connection.execute(update(Pitch).where(Pitch.id == pitch.id)
                           .values(title="Annen", version=version + 1))
    with app.test_request_context(), pytest.raises(Conflict):
        pitches.update_pitch(pitch, {**_form(), "ask_nok": 1, "team_size": 1,
                                     "founded_year": 2020}, version)
    db.session.expire_all()
    assert db.session.get(Pitch, pitch.id).title == "Annen"


@pytest.mark.parametrize("method,path", [
    ("get", "/pitches/{id}/edit"),
    ("post", "/pitches/{id}/edit"),
    ("post", "/pitches/{id}/publish"),
    ("get", "/pitches/{id}/unpublish"),
    ("post", "/pitches/{id}/unpublish"),
    ("get", "/pitches/{id}/delete"),
    ("post", "/pitches/{id}/delete"),
])
def test_stranger_cannot_touch_another_founders_pitch(client, auth, method, path):
    owner = make_user("founder")
    pitch = make_pitch(owner, status="draft", title="Hemmelig")
    auth.login(make_user("founder").email)
    url = path.format(id=pitch.id)
    data = _form(title="Kapret", version=str(pitch.version)) if method == "post" else None
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 404
    after = _pitch(pitch.id)
    assert after is not None and after.title == "Hemmelig" and after.status == "draft"


def test_drafts_are_invisible_to_others(client, auth):
    owner = make_user("founder")
    draft = make_pitch(owner, status="draft")
    # staff and admins too: a draft is its founder's alone (test_drafts_are_the_founders)
    for role in ("founder", "investor", "staff", "admin"):
        auth.login(make_user(role).email)
        assert client.get(f"/pitches/{draft.id}").status_code == 404
        auth.logout()


def test_published_pitch_is_seen_by_an_investor(client, auth):
    pitch = make_pitch(title="Synlig idé")
    auth.login(make_user("investor").email)
    response = client.get(f"/pitches/{pitch.id}")
    assert response.status_code == 200 and "Synlig idé" in response.get_data(as_text=True)
    assert pitch.owner.email not in response.get_data(as_text=True)


def test_a_founder_cannot_open_another_founders_published_pitch(client, auth):
    pitch = make_pitch(title="Konkurrentens plan")
    other = make_user("founder")
    make_pitch(other, title="Min egen plan")
    auth.login(other.email)
    response = client.get(f"/pitches/{pitch.id}")
    assert response.status_code == 404  # as for an id that does not exist: nothing to probe
    assert "Konkurrentens plan" not in response.get_data(as_text=True)
    assert "Konkurrentens plan" not in client.get("/pitches/mine").get_data(as_text=True)
    auth.logout()
    auth.login(pitch.owner.email)
    assert client.get(f"/pitches/{pitch.id}").status_code == 200
    auth.logout()
    for role in ("staff", "admin"):
        auth.login(make_user(role).email)
        assert client.get(f"/pitches/{pitch.id}").status_code == 200
        auth.logout()


def test_wrong_role_and_anonymous(client, auth):
    assert client.get("/pitches/mine").status_code == 302
    assert "/auth/login" in client.get("/pitches/new").headers["Location"]
    auth.login(make_user("investor").email)
    assert client.get("/pitches/mine").status_code == 403
    assert client.post("/pitches/new", data=_form()).status_code == 403
    assert db.session.scalar(select(Pitch)) is None


def test_saving_and_publishing_send_the_pitch_saved_signal(client, founder):
    seen = []

    def receiver(sender):
        seen.append((sender.id, sender.status))

    events.pitch_saved.connect(receiver)
    removed = []

    def on_removed(sender):
        removed.append(sender)

    events.pitch_removed.connect(on_removed)
    try:
        client.post("/pitches/new", data=_form())
        pitch_id = db.session.scalar(select(Pitch.id))
        client.post(f"/pitches/{pitch_id}/publish")
        client.post(f"/pitches/{pitch_id}/delete")
    finally:
        events.pitch_saved.disconnect(receiver)
        events.pitch_removed.disconnect(on_removed)
    assert seen == [(pitch_id, "draft"), (pitch_id, "published")]
    assert removed == [pitch_id]


def test_description_headings_stay_headings_below_the_title(client, founder):
    text = "# Problemet\nTak står tomme.\n\n## Løsningen\nSolceller.\n\n#### Detaljer\nMer."
    client.post("/pitches/new", data=_form(description=text))
    pitch = db.session.scalar(select(Pitch))
    page = client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    # the page's h1 is the title: the writer's levels follow below it, none is lost
    assert '<h2 dir="auto">Problemet</h2>' in page
    assert '<h3 dir="auto">Løsningen</h3>' in page
    assert '<h5 dir="auto">Detaljer</h5>' in page
    assert page.count("<h1") == 1


def test_markdown_headings_shift_below_the_page_heading():
    from app.markdown import render_markdown

    assert str(render_markdown("# A\n\n## B\n\n###### C")) == (
        '<h3 dir="auto">A</h3>\n<h4 dir="auto">B</h4>\n<h6 dir="auto">C</h6>\n')
    assert '<h2 dir="auto">A</h2>' in str(render_markdown("# A", top=2))


def _selected_municipality(html: str) -> list[str]:
    select_html = html.split('name="municipality"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option[^>]*selected[^>]*value="([^"]*)"|'
                      r'<option[^>]*value="([^"]*)"[^>]*selected', select_html)


def test_new_pitch_starts_in_the_founders_municipality(client, auth):
    user = make_user("founder", municipality="kongsberg")
    auth.login(user.email)
    chosen = _selected_municipality(client.get("/pitches/new").get_data(as_text=True))
    assert [a or b for a, b in chosen] == ["kongsberg"]
    # what the founder picks wins, "Not given" included
    response = client.post("/pitches/new", data=_form(municipality=""))
    assert response.status_code == 302
    assert db.session.scalars(select(Pitch).where(Pitch.owner_id == user.id)).one(
    ).municipality is None
    # a founder who gave no municipality gets "Not given"
    auth.logout()
    auth.login(make_user("founder", municipality=None).email)
    chosen = _selected_municipality(client.get("/pitches/new").get_data(as_text=True))
    assert [a or b for a, b in chosen] in ([], [""])
