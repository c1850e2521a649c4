"""A web or e-mail address written as text in a pitch's description is a link. On the
founder walk (nb, phone) "Mer på https://example.no/soldeling." stayed plain text: an
investor on a phone had to select and copy it to open it, and a founder does not know
Markdown's [text](…) form. Only http, https and mailto become links (nh3 as before)."""

from __future__ import annotations

from app.markdown import render_markdown, render_markdown_inline
from tests.app.test_i18n import _client_in
from tests.app.test_pitches import _form as pitch_form
from tests.factories import make_user

REL = 'rel="nofollow noopener noreferrer"'


def test_an_address_in_a_description_is_a_link_on_the_pitch_page(app):
    client = _client_in(app, "nb", make_user("founder"))
    location = client.post("/pitches/new", data=pitch_form(
        description="Mer på https://example.no/soldeling. Skriv til post@soldeling.no.")
    ).headers["Location"]

    page = client.get(location).get_data(as_text=True)

    assert f'<a href="https://example.no/soldeling" {REL}>https://example.no/soldeling</a>.' \
        in page
    assert f'<a href="mailto:post@soldeling.no" {REL}>post@soldeling.no</a>' in page


def test_a_bare_domain_links_and_numbers_do_not():
    html = str(render_markdown("Se soldeling.no, f.eks. 2,5 mill. kl. 09.30, versjon 2.0."))
    assert f'<a href="http://soldeling.no" {REL}>soldeling.no</a>' in html
    assert html.count("<a ") == 1


def test_no_other_scheme_and_no_code_becomes_a_link():
    html = str(render_markdown("javascript:alert(1) og `https://kode.no` og "
                               "[tekst](https://a.no)"))
    assert "javascript:alert(1)" in html and 'href="javascript' not in html
    assert "<code>https://kode.no</code>" in html
    assert html.count("<a ") == 1
    assert "<a " in str(render_markdown_inline("https://a.no"))
