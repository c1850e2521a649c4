"""Text written in a right-to-left script reads right to left: each block a person writes
(a pitch's summary and description, an investor's thesis, an arena's description) takes
its direction from its own first strong letter (dir="auto"). Before, an Arabic paragraph in
a Norwegian page was laid out left to right, its full stop at the wrong end. Only the
renderer sets the attribute: a writer's own HTML is still escaped."""

from __future__ import annotations

from app.markdown import render_markdown
from tests.app.security.principals import log_in
from tests.factories import make_pitch, make_user

ARABIC = "نحول بقايا الطعام إلى غاز حيوي."


def test_every_block_of_written_text_takes_its_own_direction():
    html = str(render_markdown(f"# Om oss\n\n{ARABIC}\n\n- én\n- {ARABIC}\n\n> sitat"))
    assert f'<p dir="auto">{ARABIC}</p>' in html
    assert '<h3 dir="auto">Om oss</h3>' in html
    assert f'<li dir="auto">{ARABIC}</li>' in html and '<blockquote dir="auto">' in html


def test_a_writers_own_direction_or_html_is_not_passed_through():
    html = str(render_markdown('<p dir="rtl" onclick="alert(1)">hei</p>'))
    assert html == ('<p dir="auto">&lt;p dir="rtl" onclick="alert(1)"&gt;hei&lt;/p&gt;</p>\n')


def test_the_pitch_page_gives_the_summary_and_description_their_own_direction(app):
    founder = make_user("founder")
    pitch = make_pitch(founder, summary=ARABIC, description=ARABIC)
    client = app.test_client()
    log_in(client, founder)
    page = client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    assert f'<p class="lead" dir="auto">{ARABIC}</p>' in page
    assert f'<p dir="auto">{ARABIC}</p>' in page
