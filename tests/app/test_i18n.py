"""Norwegian bokmål by default, English one click away, and the choice remembered."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from app import create_app, vocabulary
from app.config import Config
from app.extensions import db
from app.models import User
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_investor,
    make_invitation,
    make_pitch,
    make_user,
    outbox_of,
)


def test_bokmal_is_the_configured_default():
    assert Config.BABEL_DEFAULT_LOCALE == "nb"
    assert set(Config.LANGUAGES) == {"nb", "en"}


@pytest.fixture
def nb_client(app):
    """A client of an app with the production default language."""
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    return app.test_client()


def test_home_page_speaks_bokmal_by_default(nb_client):
    page = nb_client.get("/").get_data(as_text=True)
    assert 'lang="nb"' in page
    assert "Logg inn" in page


def test_switch_to_english_is_remembered(nb_client):
    response = nb_client.post("/language", data={"lang": "en", "next": "/auth/login"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"
    page = nb_client.get("/").get_data(as_text=True)
    assert 'lang="en"' in page
    assert "Log in" in page


def test_logged_in_users_choice_is_saved_on_the_account(app, nb_client, auth):
    user = make_user("founder")
    nb_client.post("/auth/login", data={"email": user.email,
                                        "password": "grønne idéer møter kapital"})
    nb_client.post("/language", data={"lang": "en"})
    saved = db.session.scalar(select(User.locale).where(User.id == user.id))
    assert saved == "en"


def test_unknown_language_changes_nothing(nb_client):
    nb_client.post("/language", data={"lang": "xx"})
    assert 'lang="nb"' in nb_client.get("/").get_data(as_text=True)


def test_form_errors_come_in_the_users_language(nb_client):
    response = nb_client.post("/auth/login", data={"email": "", "password": ""})
    assert response.status_code == 422
    assert "Dette feltet er påkrevd" in response.get_data(as_text=True) or "påkrevd" in (
        response.get_data(as_text=True))


def test_app_factory_default_language_outside_tests(monkeypatch, tmp_path):
    monkeypatch.setenv("KOBLE_INSTANCE_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    application = create_app()
    assert application.config["BABEL_DEFAULT_LOCALE"] == "nb"


# --- every key page is in bokmål: its headings, labels and buttons differ from English -------
class _Labels(HTMLParser):
    """The texts of a page's headings, form labels, legends, buttons and table headers."""

    TAGS = {"title", "h1", "h2", "h3", "legend", "label", "button", "th"}

    def __init__(self):
        super().__init__()
        self.open: list[list[str]] = []
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.TAGS:
            self.open.append([tag, ""])

    def handle_endtag(self, tag):
        if tag in self.TAGS and self.open and self.open[-1][0] == tag:
            name, text = self.open.pop()
            self.found.append((name, " ".join(text.split())))

    def handle_data(self, data):
        for item in self.open:
            item[1] += data


def _labels(html: str) -> list[tuple[str, str]]:
    parser = _Labels()
    parser.feed(html)
    return parser.found


# Words that are the same in both languages: place and association names, a few loanwords.
SAME_IN_BOTH = ({str(v) for v in vocabulary.MUNICIPALITIES.values()}
                | {name for name, _ in vocabulary.ASSOCIATIONS.values()}
                | {"Pre-seed", "Seed", "Koble", "Status", "Type", "Person", "Arena", "Per arena"})


def _client_in(app, lang: str, user=None):
    client = app.test_client()
    if user is not None:
        client.post("/auth/login", data={"email": user.email, "password": DEFAULT_PASSWORD})
    client.post("/language", data={"lang": lang})
    return client


def _untranslated(app, path: str, user=None, data=()) -> list[tuple[str, str]]:
    """Headings and labels that read the same in bokmål and English (data excepted)."""
    nb = _client_in(app, "nb", user).get(path)
    en = _client_in(app, "en", user).get(path)
    assert nb.status_code == en.status_code == 200, path
    nb_html = nb.get_data(as_text=True)
    assert 'lang="nb"' in nb_html and 'lang="en"' in en.get_data(as_text=True)
    nb_items, en_items = _labels(nb_html), _labels(en.get_data(as_text=True))
    assert len(nb_items) == len(en_items) and nb_items, path
    same = []
    for (tag, text), (_, english) in zip(nb_items, en_items, strict=True):
        text = re.sub(r"\s*·\s*Koble$", "", text)
        if text == re.sub(r"\s*·\s*Koble$", "", english) and re.search(r"[A-Za-z]", text) \
                and text not in SAME_IN_BOTH and text not in data:
            same.append((tag, text))
    return same


def test_public_pages_have_no_english_left_in_bokmal(app):
    for path in ("/", "/auth/login", "/auth/register", "/auth/reset", "/privacy"):
        assert _untranslated(app, path) == [], path


def test_founders_pitch_form_is_all_bokmal(app):
    founder = make_user("founder")
    assert _untranslated(app, "/pitches/new", founder) == []
    pitch = make_pitch(founder)
    assert _untranslated(app, f"/pitches/{pitch.id}/edit", founder) == []
    assert _untranslated(app, f"/pitches/{pitch.id}", founder, data={pitch.title}) == []


def test_investor_profile_form_is_all_bokmal(app):
    profile = make_investor()
    assert _untranslated(app, "/profile", profile.user) == []
    page = _client_in(app, "nb", profile.user).get("/profile").get_data(as_text=True)
    for word in ("Investortype", "Bransjer", "Faser", "Grønt mandat", "Tilbyr",
                 "Finansieringsformer", "Engleinvestor", "Mentorhjelp", "Lokaler",
                 "Andre steder i Norge", "Utlandet"):
        assert word in page, word


def test_arena_page_is_all_bokmal(app):
    founder = make_user("founder")
    arena = make_arena()
    make_invitation(arena, founder, pitch_id=make_pitch(founder).id)
    assert _untranslated(app, f"/arenas/{arena.id}", founder, data={arena.title}) == []
    page = _client_in(app, "nb", founder).get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert "Ja, jeg kommer" in page and "Svarfrist" in page


def test_staff_arena_pages_are_all_bokmal(app):
    staff = make_user("staff")
    arena = make_arena()
    for path in ("/staff/arenas", "/staff/arenas/new", f"/staff/arenas/{arena.id}",
                 f"/staff/arenas/{arena.id}/invitations", "/staff/dashboard"):
        assert _untranslated(app, path, staff, data={arena.title}) == [], path


def test_vocabulary_has_a_bokmal_label_for_every_key(app):
    from flask_babel import force_locale

    lists = (vocabulary.STAGES, vocabulary.SECTORS, vocabulary.GREEN_OBJECTIVES,
             vocabulary.SUPPORT_KINDS, vocabulary.FUNDING_TYPES, vocabulary.INVESTOR_TYPES)
    with app.test_request_context():
        for mapping in lists:
            with force_locale("en"):
                english = [str(v) for v in mapping.values()]
            with force_locale("nb"):
                bokmal = [str(v) for v in mapping.values()]
            changed = [e for e, b in zip(english, bokmal, strict=True) if e != b]
            assert len(changed) >= len(english) - 2, (english, bokmal)


# --- e-mails go out in the recipient's language, whatever the sender's ---------------------
def test_password_reset_mail_speaks_the_recipients_language(app, client):
    norwegian = make_user("founder", locale="nb")
    english = make_user("investor", locale="en")
    client.post("/auth/reset", data={"email": norwegian.email})
    client.post("/auth/reset", data={"email": english.email})
    by_to = {m.to[0]: m for m in outbox_of(app)}
    nb_mail, en_mail = by_to[norwegian.email], by_to[english.email]
    assert nb_mail.subject == "Tilbakestill passordet ditt i Koble"
    assert "Noen har bedt om å tilbakestille passordet" in nb_mail.body
    assert en_mail.subject == "Reset your Koble password"
    assert "Someone asked to reset the password" in en_mail.body


def test_arena_invitation_mail_speaks_the_recipients_language(app, client, auth):
    staff = make_user("staff")
    arena = make_arena(status="draft")
    founder = make_user("founder", locale="nb")
    make_pitch(founder)
    investor = make_investor(make_user("investor", locale="en"))
    auth.login(staff.email)
    for user_id in (founder.id, investor.user_id):
        client.post(f"/staff/arenas/{arena.id}/invitations/add", data={"user_id": user_id})
    client.post(f"/staff/arenas/{arena.id}/invitations/send")
    by_to = {m.to[0]: m for m in outbox_of(app)}
    nb_mail, en_mail = by_to[founder.email], by_to[investor.user.email]
    assert nb_mail.subject == f"Invitasjon: {arena.title}"
    assert f"Hei {founder.name}," in nb_mail.body
    assert "Svar ja eller nei med denne lenken" in nb_mail.body
    html = nb_mail.alternatives[0][0]
    assert 'lang="nb"' in html and "Svar på invitasjonen" in html
    assert en_mail.subject == f"Invitation: {arena.title}"
    assert "Answer yes or no with this link" in en_mail.body


def test_mutual_match_mail_speaks_the_recipients_language(app, client, auth):
    founder = make_user("founder", locale="nb")
    pitch = make_pitch(founder)
    profile = make_investor(make_user("investor", locale="en"))
    auth.login(founder.email)
    client.post(f"/matches/{pitch.id}/{profile.id}/mark/interested")
    auth.logout()
    auth.login(profile.user.email)
    client.post(f"/matches/{pitch.id}/{profile.id}/mark/interested")
    by_to = {m.to[0]: m for m in outbox_of(app)}
    nb_mail, en_mail = by_to[founder.email], by_to[profile.user.email]
    assert nb_mail.subject == f"Gjensidig interesse på Koble: {pitch.title}"
    assert f"Du og {profile.organisation} er begge interessert i «{pitch.title}»" in nb_mail.body
    assert en_mail.subject == f"Mutual interest on Koble: {pitch.title}"
    assert "are both interested in" in en_mail.body
