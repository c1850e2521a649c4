"""The list pager (templates/_macros.html, pager) has Previous / Next links (rel="prev" /
rel="next", labelled "Previous page" / "Next page"), shown disabled at the ends, and keeps the
list's query string; "…" only stands for two pages or more: page 1 of 8 once read
"1 2 3 4 5 … 7 8", the "…" hiding page 6 alone, with no way to step to the next page."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from flask_babel import force_locale

from tests.factories import make_pitch, make_user


@pytest.fixture
def app_overrides() -> dict:
    return {"PITCHES_PER_PAGE": 2}


@pytest.fixture(params=["nb", "en"])
def lang(request):
    return request.param


@pytest.fixture
def investor(client, auth, lang):
    user = make_user("investor", locale=lang)
    auth.login(user.email)
    client.post("/language", data={"lang": lang})
    return user


def _said(lang: str, msgid: str) -> str:
    from flask_babel import gettext
    with force_locale(lang):
        return gettext(msgid)


def _pitches(count: int) -> None:
    founder = make_user("founder")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(count):
        make_pitch(founder, title=f"Idea {n:02d}", sectors=["energy"],
                   published_at=start + timedelta(hours=n))


def _pager(client, page: int) -> str:
    text = client.get(f"/pitches?sector=energy&page={page}").get_data(as_text=True)
    return text.split('<ul class="pagination')[1].split("</ul>")[0]


def _link(pager: str, rel: str) -> str:
    return re.search(rf'<a [^>]*rel="{rel}"[^>]*>', pager).group(0)


def _target(link: str) -> dict:
    """The query of a link's href, which must lead to the pitch list."""
    url = urlsplit(html.unescape(re.search(r'href="([^"]*)"', link).group(1)))
    assert url.path == "/pitches"
    return parse_qs(url.query)


def _numbers(pager: str) -> list[str]:
    return [text.strip() for text in re.findall(r'class="page-link"[^>]*>([^<]*)<', pager)]


def test_previous_and_next_step_a_page_keeping_the_filters(app, client, investor, lang):
    _pitches(16)  # 8 pages
    previous, nxt = _said(lang, "Previous"), _said(lang, "Next")
    assert (previous, nxt) == {"nb": ("Forrige", "Neste"), "en": ("Previous", "Next")}[lang]
    first = _pager(client, 1)
    assert _numbers(first) == [previous, "1", "2", "3", "4", "5", "6", "7", "8", nxt]
    assert "…" not in first
    assert 'rel="prev"' not in first
    assert re.search(r'<span class="page-link" aria-disabled="true">' + previous + "</span>",
                     first)
    link = re.search(r'<a [^>]*rel="next"[^>]*>' + nxt + "</a>", first).group(0)
    assert _target(link) == {"sector": ["energy"], "page": ["2"]}
    assert f'aria-label="{_said(lang, "Next page")}"' in link

    middle = _pager(client, 4)
    prev_link = re.search(r'<a [^>]*rel="prev"[^>]*>' + previous + "</a>", middle).group(0)
    assert _target(prev_link) == {"sector": ["energy"], "page": ["3"]}
    assert f'aria-label="{_said(lang, "Previous page")}"' in prev_link
    assert _target(_link(middle, "next")) == {"sector": ["energy"], "page": ["5"]}

    last = _pager(client, 8)
    assert _target(_link(last, "prev")) == {"sector": ["energy"], "page": ["7"]}
    assert 'rel="next"' not in last
    assert re.search(r'<span class="page-link" aria-disabled="true">' + nxt + "</span>", last)


def test_an_ellipsis_stands_for_two_pages_or_more(app, client, investor, lang):
    _pitches(18)  # 9 pages: page 1 shows 1-5, then 8 and 9; 6 and 7 are hidden
    first = _pager(client, 1)
    assert "…" in first
    assert _numbers(first)[1:-1] == ["1", "2", "3", "4", "5", "…", "8", "9"]
