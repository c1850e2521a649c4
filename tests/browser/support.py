"""What the journeys share: the server's handle, a person at a browser, translations,
the e-mail outbox, axe-core checks and screenshots."""

from __future__ import annotations

import email
import os
import re
import time
from dataclasses import dataclass, field
from email import policy
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
DEMO_PASSWORD = "koble-demo-passord"  # noqa: S105 - app/demo/generator.py, public on purpose
BLOCKING = ("critical", "serious")
TIMINGS: list[tuple] = []  # (page, seconds in axe, seconds in screenshots)
AXE_LOG: list[dict] = []  # every page checked this session, for the report
_AXED: set[tuple] = set()
# Long result lists repeat one card template 20 times; axe checks the first five of each
# list (the rest differ only in data), which keeps a match page's check to a second or two.
AXE_CONTEXT = {"include": [["html"]], "exclude": [["li.card:nth-child(n+6)"]]}
KEY_PAGES = {"home", "home-en", "founder-matches", "investor-recommendations",
             "arena-schedule", "agenda", "invitations-sent", "register-errors",
             "pitch-errors", "founder-mutual-contacts", "rsvp-accepted"}  # also photographed whole


# -- translations --------------------------------------------------------------------------
@cache
def _catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    path = ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    found = {}
    for message in catalog:
        if message.id and message.string and not message.fuzzy:
            if isinstance(message.id, tuple):
                found[message.id[0]] = message.string[0]
            else:
                found[message.id] = message.string
    return found


def tr(lang: str, msgid: str, **values) -> str:
    """What the UI shows for `msgid` in `lang` (the English source when not translated yet),
    exactly as gettext would."""
    text = _catalog(lang).get(msgid, msgid)
    return text % values if values else text


# -- the server and its outbox -------------------------------------------------------------
SEPARATOR = b"\n" + b"-" * 79 + b"\n"


@dataclass
class Mail:
    to: str
    subject: str
    body: str


@dataclass
class Server:
    base_url: str
    outbox: Path
    log: Path
    seed_log: Path

    def mails(self) -> list[Mail]:
        """Every e-mail the server wrote (MAIL_BACKEND=file), oldest first."""
        found: list[Mail] = []
        if not self.outbox.is_dir():
            return found
        for path in sorted(self.outbox.glob("*.log"), key=lambda p: (p.stat().st_mtime, p.name)):
            for chunk in path.read_bytes().split(SEPARATOR):
                if not chunk.strip():
                    continue
                message = email.message_from_bytes(chunk, policy=policy.default)
                part = message.get_body(preferencelist=("plain", "html"))
                # a long non-ASCII subject is folded before its first encoded word
                # ("Subject:\n =?utf-8?q?…"); mail programs drop that leading space, the parser
                # keeps it
                found.append(Mail(to=str(message["to"] or ""),
                                  subject=str(message["subject"]).strip(),
                                  body=part.get_content() if part is not None else ""))
        return found

    def links_in_mails(self, pattern: str) -> dict[str, str]:
        """Recipient → the last link in their mails that matches `pattern` (a regex)."""
        links = {}
        for mail in self.mails():
            for link in re.findall(r"https?://\S+", mail.body):
                if re.search(pattern, link):
                    links[mail.to] = link
        return links


# -- a person at a browser -----------------------------------------------------------------
@dataclass
class Person:
    """One browser context: a page, its language and the checks each page gets."""

    page: object
    server: Server
    test: str
    who: str = "person"
    checked: list[str] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.page.locator("html").get_attribute("lang") or "nb"

    def t(self, msgid: str, **values) -> str:
        """`msgid` in the language the current page is in."""
        return tr(self.lang, msgid, **values)

    def goto(self, path: str, name: str | None = None):
        response = self.page.goto(path)
        if name:
            self.check(name)
        return response

    def check(self, name: str, screenshot: bool = True) -> None:
        """axe-core on the page as it is now (no serious or critical violations), and a
        screenshot into test-artifacts/screenshots/<test>/<who>-<NN>-<name>.png (and of the
        whole page, -full.png, for the key pages).

        A page state already checked under the same name at the same width in this session
        (the keyboard journey revisits the founder's pages) is photographed, not re-checked.
        """
        from axe_playwright_python.sync_playwright import Axe

        self.page.wait_for_load_state("load")
        self.checked.append(name)
        started = time.perf_counter()
        key = (name, self.page.viewport_size["width"], self.lang)
        blocking = []
        if key not in _AXED:
            _AXED.add(key)
            results = Axe().run(self.page, context=AXE_CONTEXT)
            violations = [
                {"id": v["id"], "impact": v["impact"], "help": v["help"],
                 "nodes": [n["target"] for n in v["nodes"]][:10]}
                for v in results.response["violations"]
            ]
            AXE_LOG.append({"test": self.test, "page": name, "url": self.page.url,
                            "viewport": self.page.viewport_size, "lang": self.lang,
                            "violations": violations})
            blocking = [v for v in violations if v["impact"] in BLOCKING]
        axe_seconds = time.perf_counter() - started
        if screenshot:
            folder = ARTIFACTS / "screenshots" / _safe(self.test)
            folder.mkdir(parents=True, exist_ok=True)
            stem = folder / f"{self.who}-{len(self.checked):02d}-{name}"
            self.page.screenshot(path=f"{stem}.png")
            if name in KEY_PAGES:
                self.page.screenshot(path=f"{stem}-full.png", full_page=True)
        TIMINGS.append((name, axe_seconds, time.perf_counter() - started - axe_seconds))
        if os.environ.get("KOBLE_AXE_SOFT"):  # while fixing: collect everything, fail nothing
            return
        assert not blocking, (f"axe-core: serious/critical violations on {name} "
                              f"({self.page.url}): {blocking}")

    def photograph(self, name: str) -> Path:
        """A screenshot of the page as it is now, without an axe-core check (a second view of
        a page already checked, e.g. for docs/screenshots/)."""
        folder = ARTIFACTS / "screenshots" / _safe(self.test)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.who}-{name}.png"
        self.page.screenshot(path=str(path))
        return path

    # -- common steps ---------------------------------------------------------------------
    def login(self, email_address: str, password: str) -> None:
        self.goto("/auth/login")
        self.page.get_by_label(self.t("E-mail")).fill(email_address)
        self.page.get_by_label(self.t("Password"), exact=True).fill(password)
        self.page.locator("main").get_by_role("button", name=self.t("Log in")).click()
        self.page.wait_for_load_state("load")
        assert "/auth/login" not in self.page.url, f"login failed for {email_address}"

    def confirm_address(self, address: str) -> None:
        """Open the link mailed at registration and confirm: the banner is gone."""
        from playwright.sync_api import expect

        self.goto(self.server.links_in_mails(r"/account/address/confirm/")[address],
                  "confirm-address")
        self.page.get_by_role("button", name=self.t("Confirm my e-mail address")).click()
        expect(self.page.get_by_role("status").first).to_contain_text(self.t(
            "Your e-mail address %(email)s is confirmed.", email=address))
        expect(self.page.locator("#confirm-email")).to_have_count(0)

    def use_language(self, lang: str) -> None:
        """Switch the UI language with the menu's language button, if not already there."""
        if self.lang == lang:
            return
        name = "English" if lang == "en" else "Norsk"
        self.open_menu()
        self.page.get_by_role("button", name=name, exact=True).click()
        self.page.wait_for_load_state("load")
        assert self.lang == lang

    def open_menu(self) -> None:
        """On a narrow screen the menu is collapsed behind the toggler."""
        # Until the stylesheets are in (the load event), the toggler shows on any screen;
        # a step that waited only for the new page's text could find it "visible" on a
        # desktop and then wait in vain for it to be clickable.
        self.page.wait_for_load_state("load")
        toggler = self.page.locator(".navbar-toggler")
        if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
            toggler.click()
            self.page.locator("#nav.show").wait_for()

    def nav(self, msgid: str) -> None:
        """Follow a link of the main menu."""
        self.open_menu()
        menu = self.page.get_by_role("navigation", name=self.t("Main menu"))
        name = {"name": self.t(msgid), "exact": True, "include_hidden": True}
        link = menu.get_by_role("link", **name)
        if not link.is_visible():  # the admin's pages are in the "Administration" dropdown
            dropdown = menu.locator(".dropdown", has=self.page.get_by_role("link", **name))
            dropdown.get_by_role("button").click()
        link.click()
        self.page.wait_for_load_state("load")

    def flash(self) -> str:
        return " ".join(self.page.locator("main .alert").all_inner_texts())


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")


# -- tap targets ---------------------------------------------------------------------------
# The shown elements matching a selector (a box with an area, not visibility: hidden, not in a
# visually hidden part), the first `most` of them: what each says, its width and height in px
# to a tenth, and whether it is a link in running text (a sentence, a list item, a table
# cell: WCAG 2.5.8's inline exception).
_TAP_TARGETS = """([selector, most]) => [...document.querySelectorAll(selector)]
  .filter(e => {
    const box = e.getBoundingClientRect();
    return box.width && box.height && getComputedStyle(e).visibility !== 'hidden'
      && !e.closest('.visually-hidden, .visually-hidden-focusable');
  })
  .slice(0, most ?? undefined)
  .map(e => {
    const box = e.getBoundingClientRect();
    return {text: `${e.tagName} ${(e.innerText || e.name || '').trim().slice(0, 40)}`,
            width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10,
            in_text: e.tagName === 'A' && getComputedStyle(e).display === 'inline'
                     && !e.matches('.btn') && !!e.closest('p, li, td, th, dd, small, .form-text')};
  })"""


def tap_targets(page, selector: str, most: int | None = 12) -> list[dict]:
    """How big the page's tap targets matching `selector` are, the first `most` (None: all):
    each as {"text", "width", "height", "in_text"} (see _TAP_TARGETS)."""
    return page.evaluate(_TAP_TARGETS, [selector, most])
