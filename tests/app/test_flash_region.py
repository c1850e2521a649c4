"""The message of what just happened stands in one region (templates/base.html, koble.css):
news in a polite live region, errors as alerts, each with a close button. koble.css holds the
region at the bottom of the window when scripts run, so an answer on a match card, which comes
back to the card's place down the list (#r-N), is confirmed where the person is; without
scripts it stays at the page's top, without the close button that could not work."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.app.test_answer_lands_at_the_card import _place_of
from tests.factories import make_arena, make_pitch, make_user

CSS = Path(__file__).resolve().parents[2] / "app" / "static" / "koble.css"


class _Region(HTMLParser):
    """The page's message region: each message's class, role, the roles of the elements
    around it inside the region, its text, and its button's name."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "area", "col"}

    def __init__(self, html: str):
        super().__init__()
        self.found = False
        self.messages: list[dict] = []
        self._stack: list[dict] = []  # open elements inside the region
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self._stack and attrs.get("id") == "flashes":
            self.found = True
            self._stack.append(attrs)
            return
        if not self._stack or tag in self.VOID:
            return
        if "alert" in (attrs.get("class") or "").split():
            self.messages.append({"class": attrs["class"], "role": attrs.get("role"),
                                  "within": [a.get("role") for a in self._stack if a.get("role")],
                                  "live": [a.get("aria-live") for a in self._stack
                                           if a.get("aria-live")],
                                  "text": "", "button": None, "depth": len(self._stack)})
        if tag == "button" and self.messages:
            self.messages[-1]["button"] = attrs.get("aria-label")
        self._stack.append(attrs)

    def handle_endtag(self, tag):
        if self._stack and tag not in self.VOID:
            self._stack.pop()

    def handle_data(self, data):
        if self.messages and len(self._stack) > self.messages[-1]["depth"]:
            self.messages[-1]["text"] += data


def _messages(html: str) -> list[dict]:
    region = _Region(html)
    assert region.found, "no message region on the page"
    return [{k: v.strip() if k == "text" else v for k, v in m.items() if k != "depth"}
            for m in region.messages]


def test_an_answer_on_a_card_is_confirmed_in_the_live_region(client, auth, market):
    investor, fish = market["solar_investor"], market["fish"]
    auth.login(investor.user.email)
    at = _place_of(client.get("/matches").get_data(as_text=True), fish.id, investor.id)
    response = client.post(f"/matches/{fish.id}/{investor.id}/mark/interested?next=/matches",
                           data={"at": at})
    assert response.location.endswith(f"#r-{fish.id}-{investor.id}")
    html = client.get(response.location).get_data(as_text=True)
    assert _messages(html) == [{
        "class": "alert alert-success alert-dismissible", "role": None, "within": ["status"],
        "live": ["polite"], "text": "Marked as interesting.", "button": "Close message"}]
    assert html.count("Marked as interesting.") == 1
    # said once: the next page has no region at all
    assert 'id="flashes"' not in client.get("/matches").get_data(as_text=True)


def test_an_error_is_an_alert_beside_the_news(client, auth):
    auth.login(make_user("staff", association="asker").email)
    arena = make_arena(status="inviting")
    pitch = make_pitch()
    url = f"/staff/arenas/{arena.id}/invitations/add"
    client.post(url, data={"user_id": pitch.owner_id})
    client.post(url, data={"user_id": pitch.owner_id})  # already on the list: refused
    client.post("/language", data={"lang": "nb"})
    html = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    messages = _messages(html)
    error, = [m for m in messages if "alert-danger" in m["class"]]
    assert error["role"] == "alert" and error["within"] == []  # not inside the polite region
    news = [m for m in messages if m is not error]
    assert news and all(m["within"] == ["status"] and m["role"] is None for m in news)
    assert [m["text"] for m in news] == ["Added to the list."]  # said in the language of then
    assert all(m["button"] == "Lukk meldingen" for m in messages)


def test_the_region_is_held_in_view_only_when_scripts_can_close_it():
    css = CSS.read_text()
    on = css.split("@media (scripting: enabled)")[1].split("@media")[0]
    assert re.search(r"\.flashes \{[^}]*position: fixed;[^}]*bottom: 0;", on)
    assert "@media (scripting: none) { .flashes .btn-close { display: none; } }" in css
