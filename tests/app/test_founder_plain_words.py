"""The words a founder meets on the pitch form, the agenda, the menu and the account page say
what a thing does before its technical name: the pitch text's hint says what one can write
before it names Markdown, the green objectives say what the EU taxonomy is, the calendar
link says it adds to the calendar (after a no: removes from it), the menu says "Downloads"
where it said "Data", and the account page's API tokens and data download say what they are
for. The technical word stays as a hint in brackets or in the last sentence, for those who
know it."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.factories import make_arena, make_invitation, make_pitch, make_user

PLAIN = {
    "nb": {
        "text_hint": "Vanlig tekst går fint. Du kan også bruke **fet skrift**",
        "green": "Miljømål",
        "green_hint": "De seks miljømålene EU bruker for å avgjøre hva som regnes som grønt",
        "calendar": "Legg i kalenderen (fil for Outlook, Google, Apple)",
        "calendar_off": "Fjern fra kalenderen (fil for Outlook, Google, Apple)",
        "lists": "Nedlastinger",
        "tokens": "Tilgang for egne programmer (API-nøkler)",
        "download": "Last ned en kopi av dataene dine (JSON-fil)",
    },
    "en": {
        "text_hint": "Plain text is fine. You can also use **bold**",
        "green": "Green objectives",
        "green_hint": "The six environmental objectives the EU uses to decide what counts as green",
        "calendar": "Add to calendar (file for Outlook, Google, Apple)",
        "calendar_off": "Remove from calendar (file for Outlook, Google, Apple)",
        "lists": "Downloads",
        "tokens": "Access for your own programs (API tokens)",
        "download": "Download a copy of your data (JSON file)",
    },
}
# What the labels were: each one a technical name with nothing before it.
JARGON = {
    "nb": ("Markdown", "EU-taksonomien", "Kalenderfil", "Data", "API-nøkler", "(JSON)"),
    "en": ("Markdown", "EU taxonomy", "Calendar file", "Data", "API tokens", "(JSON)"),
}


class _Labels(HTMLParser):
    """The text of every link, legend and hint (id ending in -hint), by kind."""

    KINDS = {"a": "link", "legend": "legend"}

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, str, dict]] = []
        self._open: list[list] = []  # [kind, tag, attrs, text, depth]
        self._depth = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._depth += 1
        kind = self.KINDS.get(tag) or ("hint" if (attrs.get("id") or "").endswith("-hint")
                                       else None)
        if kind:
            self._open.append([kind, tag, attrs, "", self._depth])

    def handle_endtag(self, tag):
        if self._open and self._open[-1][1] == tag and self._open[-1][4] == self._depth:
            kind, _tag, attrs, text, _ = self._open.pop()
            self.found.append((kind, " ".join(text.split()), attrs))
        self._depth -= 1

    def handle_data(self, data):
        for item in self._open:
            item[3] += data

    def texts(self, kind: str) -> list[str]:
        return [text for k, text, _ in self.found if k == kind]

    def hint(self, field_id: str) -> str:
        (text,) = [t for k, t, a in self.found if k == "hint" and a["id"] == f"{field_id}-hint"]
        return text


def _page(client, url: str) -> _Labels:
    response = client.get(url)
    assert response.status_code == 200, url
    return _Labels(response.get_data(as_text=True))


def _bare(texts: list[str], lang: str) -> list[str]:
    """The texts that begin with a technical word, or are nothing but one."""
    return [t for t in texts for word in JARGON[lang] if t == word or t.startswith(word)]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_pitch_form_says_what_the_text_and_the_green_objectives_mean(client, auth, lang):
    auth.login(make_user("founder", locale=lang).email)
    page = _page(client, "/pitches/new")
    plain = PLAIN[lang]
    hint = page.hint("description")
    assert hint.startswith(plain["text_hint"])
    assert "Markdown" not in hint.split(".")[0]  # the name comes last, as a hint
    assert plain["green"] in page.texts("legend")
    assert page.hint("green_objectives").startswith(plain["green_hint"])
    assert not _bare(page.texts("legend"), lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_agenda_offers_to_add_the_arena_to_the_calendar(client, auth, lang):
    founder = make_user("founder", locale=lang)
    arena = make_arena()
    make_invitation(arena, founder, state="accepted", pitch_id=make_pitch(founder).id)
    auth.login(founder.email)
    links = _page(client, f"/arenas/{arena.id}/agenda").texts("link")
    assert PLAIN[lang]["calendar"] in links
    assert not _bare(links, lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_no_offers_to_remove_the_arena_from_the_calendar(client, auth, lang):
    """After a yes and then a no, the arena's page offers the file that takes the arena and
    the meetings out of the calendar: its link said "Kalenderfil (.ics)", what it is, not
    what it does, where the agenda's link says "Legg i kalenderen (…)"."""
    founder = make_user("founder", locale=lang)
    arena = make_arena()
    make_invitation(arena, founder, state="accepted", pitch_id=make_pitch(founder).id)
    auth.login(founder.email)
    assert client.post(f"/arenas/{arena.id}/answer", data={"answer": "decline"}).status_code \
        == 302
    page = _page(client, f"/arenas/{arena.id}")
    (link,) = [attrs for kind, text, attrs in page.found
               if kind == "link" and text == PLAIN[lang]["calendar_off"]]
    assert link["href"] == f"/arenas/{arena.id}/agenda.ics"
    assert not _bare(page.texts("link"), lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("role", ["founder", "investor"])
def test_the_menu_and_account_page_name_what_one_finds_there(client, auth, role, lang):
    auth.login(make_user(role, locale=lang).email)
    page = _page(client, "/account/")
    links = page.texts("link")
    plain = PLAIN[lang]
    assert plain["lists"] in links
    assert plain["tokens"] in links and plain["download"] in links
    assert not _bare(links, lang), _bare(links, lang)


def test_staff_keep_their_data_menu_item(client, auth):
    """Staff import and export there: their menu keeps the short word (a guard)."""
    auth.login(make_user("staff", locale="nb").email)
    links = _page(client, "/account/").texts("link")
    assert "Data" in links and "Nedlastinger" not in links
