"""The message of what just happened stands in one region (templates/base.html, koble.css):
each message with its close button and its own live region, polite news or an alert for a
refusal. A screen reader announces a live region's changes, not what it held when the page
loaded, so each region comes empty and the message's words stand beside it, where they show
without scripts; static/flash_announce.js moves them in after the load (the browser journey
test_flash_announce_journey watches it). koble.css holds the region at the bottom of the
window when scripts run, so an answer on a match card, which comes back to the card's place
down the list (#r-N), is confirmed where the person is; without scripts it stays at the
page's top, without the close button that could not work."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.app.test_answer_lands_at_the_card import _place_of
from tests.factories import make_arena, make_pitch, make_user

CSS = Path(__file__).resolve().parents[2] / "app" / "static" / "koble.css"
SCRIPT = '<script src="/static/flash_announce.js?v='  # then the file's version


class _Region(HTMLParser):
    """The page's message region: each message's class and role, the live regions around it
    inside the region, its own live region (role, politeness, what it holds at the load),
    its words and its button's name."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "area", "col"}

    def __init__(self, html: str):
        super().__init__()
        self.found = False
        self.messages: list[dict] = []
        self._stack: list[dict] = []  # open elements inside the region
        self._into: str | None = None  # "say" or "text": where the data goes now
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
                                  "region": None, "live": None, "at_load": "", "text": "",
                                  "button": None, "depth": len(self._stack)})
        elif self.messages and "data-flash-say" in attrs:
            self.messages[-1].update(region=attrs.get("role"), live=attrs.get("aria-live"))
            self._into = "at_load"
        elif self.messages and "data-flash-words" in attrs:
            self._into = "text"
        if tag == "button" and self.messages:
            self.messages[-1]["button"] = attrs.get("aria-label")
        self._stack.append(attrs)

    def handle_endtag(self, tag):
        if self._stack and tag not in self.VOID:
            closed = self._stack.pop()
            if "data-flash-say" in closed or "data-flash-words" in closed:
                self._into = None

    def handle_data(self, data):
        if self.messages and self._into:
            self.messages[-1][self._into] += data


def _messages(html: str) -> list[dict]:
    region = _Region(html)
    assert region.found, "no message region on the page"
    return [{k: v.strip() if k in ("text", "at_load") else v for k, v in m.items()
             if k != "depth"} for m in region.messages]


def test_an_answer_on_a_card_is_confirmed_in_the_live_region(client, auth, market):
    investor, fish = market["solar_investor"], market["fish"]
    auth.login(investor.user.email)
    at = _place_of(client.get("/matches").get_data(as_text=True), fish.id, investor.id)
    response = client.post(f"/matches/{fish.id}/{investor.id}/mark/interested?next=/matches",
                           data={"at": at})
    assert response.location.endswith(f"#r-{fish.id}-{investor.id}")
    html = client.get(response.location).get_data(as_text=True)
    # its polite region is empty at the load, the words beside it, to be moved in
    assert _messages(html) == [{
        "class": "alert alert-success alert-dismissible", "role": None, "within": [],
        "region": "status", "live": "polite", "at_load": "",
        "text": "You marked this as interesting.",
        "button": "Close message"}]
    assert html.count("You marked this as interesting.") == 1
    assert html.count(SCRIPT) == 1
    # said once: the next page has no region at all, and no script to say it
    again = client.get("/matches").get_data(as_text=True)
    assert 'id="flashes"' not in again and SCRIPT not in again


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
    # an alert of its own, not inside the polite news
    assert error["region"] == "alert" and error["within"] == [] and error["role"] is None
    assert error["at_load"] == "" and error["text"]
    news = [m for m in messages if m is not error]
    assert news and all(m["region"] == "status" and m["live"] == "polite" and m["within"] == []
                        and m["at_load"] == "" for m in news)
    assert [m["text"] for m in news] == ["Added to the list."]  # said in the language of then
    assert messages[-1] is error  # the news first, as before
    assert all(m["button"] == "Lukk meldingen" for m in messages)


def test_the_region_is_held_in_view_only_when_scripts_can_close_it():
    css = CSS.read_text()
    on = css.split("@media (scripting: enabled)")[1].split("@media")[0]
    assert re.search(r"\.flashes \{[^}]*position: fixed;[^}]*bottom: 0;", on)
    assert "@media (scripting: none) { .flashes .btn-close { display: none; } }" in css
