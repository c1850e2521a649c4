"""Every form that posts carries a CSRF token, on the pages people reach by clicking.

The other tests post with CSRF off, and test_csrf.py takes its token from the front page, so
a page that built its form without one passed them all: the admin's question before moving a
staff member did (c548b34), and every "Save the change" answered 400. Here the demo data is
walked with CSRF on, as each role, from the first page through its links and GET forms (as a
browser submits them), and every <form method="post"> on every page must hold the token.
No page may answer 5xx on the way.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import pytest

from app.demo.run import DEMO_DOMAIN, DEMO_PASSWORD

# Each kind of page (its path with numbers read as N) is opened a few times, not once per
# row: enough to see each page with different data, few enough for a quick walk.
PER_KIND = 3
PAGES_PER_ROLE = 160
LOGINS = {
    "founder": f"founder@{DEMO_DOMAIN}",
    "investor": f"investor.en@{DEMO_DOMAIN}",
    "staff": f"staff.asker@{DEMO_DOMAIN}",
    "admin": f"admin@{DEMO_DOMAIN}",
}
# Links that end the session or leave the HTML pages.
SKIP = re.compile(r"^/(auth/logout|static/|language/)|/(export|exports|download)\b|"
                  r"\.(csv|xlsx|ics|json|pdf)$")


class _Page(HTMLParser):
    """The links, the GET forms (with the values a browser would send) and the POST forms."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.get_forms: list[tuple[str, list[tuple[str, str]]]] = []
        self.post_forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._first_option: str | None = None
        self._chosen: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = {"action": a.get("action") or "", "method": (a.get("method") or
                          "get").lower(), "fields": [], "names": set()}
        elif self._form is None:
            return
        elif tag in ("input", "button", "textarea") and a.get("name"):
            self._form["names"].add(a["name"])
            kind = (a.get("type") or "text").lower()
            if tag == "input" and (kind not in ("checkbox", "radio", "submit", "button",
                                                "image") or "checked" in a):
                self._form["fields"].append((a["name"], a.get("value") or ""))
        elif tag == "select" and a.get("name"):
            self._form["names"].add(a["name"])
            self._select, self._first_option, self._chosen = a["name"], None, None
        elif tag == "option" and self._select is not None:
            value = a.get("value") or ""
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self._chosen = value

    def handle_endtag(self, tag):
        if tag == "select" and self._form is not None and self._select is not None:
            value = self._chosen if self._chosen is not None else self._first_option
            self._form["fields"].append((self._select, value or ""))
            self._select = None
        elif tag == "form" and self._form is not None:
            if self._form["method"] == "post":
                self.post_forms.append(self._form)
            else:
                self.get_forms.append((self._form["action"], self._form["fields"]))
            self._form = None


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def demo(app):
    runner = app.test_cli_runner()
    seeded = runner.invoke(args=["demo", "seed", "--pitches", "40", "--investors", "12",
                                 "--seed", "3"])
    assert seeded.exit_code == 0, seeded.output
    built = runner.invoke(args=["matching", "rebuild"])
    assert built.exit_code == 0, built.output
    return app


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "the login page has no csrf_token"
    return match.group(1)


def _log_in(client, email: str):
    page = client.get("/auth/login").get_data(as_text=True)
    answer = client.post("/auth/login", data={"email": email, "password": DEMO_PASSWORD,
                                              "csrf_token": _token(page)})
    assert answer.status_code == 302, f"{email} could not log in"


def _kind(path: str) -> str:
    return re.sub(r"\d+", "N", path)


def _walk(client) -> tuple[int, list[str], list[str]]:
    """(pages read, POST forms without a token, pages that answered 5xx)."""
    seen: set[str] = set()
    per_kind: dict[str, int] = {}
    queue = deque(["/"])
    tokenless, broken, pages = [], [], 0
    while queue and pages < PAGES_PER_ROLE:
        url = queue.popleft()
        parts = urlsplit(url)
        if url in seen or SKIP.search(parts.path):
            continue
        seen.add(url)
        kind = _kind(parts.path) + ("?" if parts.query else "")
        if per_kind.get(kind, 0) >= PER_KIND:
            continue
        per_kind[kind] = per_kind.get(kind, 0) + 1
        response = client.get(url)
        pages += 1
        if response.status_code >= 500:
            broken.append(f"{url} → {response.status_code}")
            continue
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        page = _Page()
        page.feed(response.get_data(as_text=True))
        for form in page.post_forms:
            if "csrf_token" not in form["names"]:
                tokenless.append(f"{url}: <form method=post action={form['action']!r}>")
        found = [urljoin(url, link) for link in page.links]
        found += [urljoin(url, action or url).split("?")[0] + "?" + urlencode(fields)
                  for action, fields in page.get_forms]
        for link in found:
            target = urlsplit(link)
            if target.netloc in ("", "localhost") and target.scheme in ("", "http"):
                queue.append(target.path + ("?" + target.query if target.query else ""))
    return pages, tokenless, broken


@pytest.mark.parametrize("role", sorted(LOGINS))
def test_every_post_form_a_role_reaches_carries_a_csrf_token(demo, role):
    client = demo.test_client()
    _log_in(client, LOGINS[role])
    pages, tokenless, broken = _walk(client)
    assert pages >= 20, f"the walk as {role} read only {pages} pages"
    assert broken == []
    assert tokenless == []
