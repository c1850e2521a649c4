"""/api/v1/docs: every operation shows a request example (curl), and every example works:
each is sent to the test app with a token of the role it names and real ids in place of the
shown ones, so an example that rots fails here. The description's Markdown (`code`) is
rendered, not shown as backticks."""

from __future__ import annotations

import html
import json
import re
import shlex
from urllib.parse import parse_qsl, urlsplit

import pytest

from app.api.examples import EXAMPLES, IDS, url_of
from tests.app.api.helpers import bearer
from tests.factories import (
    make_arena,
    make_investor,
    make_invitation,
    make_meeting,
    make_pitch,
    make_user,
)


def _operations(client) -> set[tuple[str, str]]:
    spec = client.get("/api/v1/openapi.json").get_json()
    return {(method.upper(), path) for path, item in spec["paths"].items()
            for method in item if method in ("get", "post", "put", "patch", "delete")}


def test_every_operation_has_an_example_and_the_page_shows_it(client):
    assert set(EXAMPLES) == _operations(client)
    page = html.unescape(client.get("/api/v1/docs").get_data(as_text=True))
    commands = re.findall(r"<pre[^>]*><code>(curl .*?)</code></pre>", page, re.S)
    assert len(commands) == len(EXAMPLES)
    assert ('curl -X POST http://localhost/api/v1/pitches \\\n  -H "Authorization: Bearer '
            '$KOBLE_TOKEN" \\\n  -H \'Content-Type: application/json\' \\\n  -d \'{\n  '
            '"title": "Solkraft på låvetak",') in page
    assert "Example, with a staff member's token in $KOBLE_TOKEN:" in page


@pytest.mark.parametrize(("lang", "said", "never"), [
    ("en", ["Example, with a founder's token in $KOBLE_TOKEN:",
            "Example, with an investor's token in $KOBLE_TOKEN:",
            "Example, with a staff member's token in $KOBLE_TOKEN:"], ["a investor"]),
    ("nb", ["Eksempel, med nøkkelen til en gründer i $KOBLE_TOKEN:",
            "Eksempel, med nøkkelen til en investor i $KOBLE_TOKEN:",
            "Eksempel, med nøkkelen til en ansatt i $KOBLE_TOKEN:"], ["Example, with"]),
])
def test_example_intros_name_the_role_in_the_readers_grammar(client, lang, said, never):
    """An example's intro names whose token it takes as a whole sentence per role: the
    English page read "with a token of a investor", a role's name set into one sentence."""
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    for sentence in said:
        assert sentence in page
    for wrong in never:
        assert wrong not in page


def _world():
    founder = make_user("founder", association="asker")
    pitch = make_pitch(founder)
    investor = make_user("investor", association="asker")
    profile = make_investor(investor)
    arena = make_arena()
    invitation = make_invitation(arena, founder, state="accepted", pitch_id=pitch.id)
    investor_invitation = make_invitation(arena, investor, state="accepted")
    staff = make_user("staff", association="asker")
    return {"founder": founder, "investor": investor, "staff": staff, "arena": arena,
            "invitation": invitation, "investor_invitation": investor_invitation,
            "ids": {"pitch_id": pitch.id, "investor_id": profile.id, "arena_id": arena.id,
                    "invitation_id": invitation.id}}


def _documented(client) -> dict[str, str]:
    """The curl command the page shows for each operation, by the operation's id."""
    page = client.get("/api/v1/docs").get_data(as_text=True)
    found = {}
    for op_id, command in re.findall(
            r'<section class="border[^>]*id="([^"]+)"(?:(?!</section>).)*?<pre[^>]*><code>'
            r"(curl .*?)</code></pre>", page, re.S):
        found[op_id] = html.unescape(command)
    return found


def _read_curl(command: str) -> tuple[str, str, dict, dict | None]:
    """What the shell would send: method, path, query and JSON body."""
    words = shlex.split(command.replace("\\\n", " "))
    assert words[0] == "curl"
    method, url, body, headers = "GET", None, None, []
    rest = iter(words[1:])
    for word in rest:
        if word == "-X":
            method = next(rest)
        elif word == "-H":
            headers.append(next(rest))
        elif word == "-d":
            body = json.loads(next(rest))
        else:
            url = word
    assert "Authorization: Bearer $KOBLE_TOKEN" in headers
    if body is not None:
        assert "Content-Type: application/json" in headers
    parts = urlsplit(url)
    return method, parts.path, dict(parse_qsl(parts.query)), body


@pytest.mark.parametrize(("method", "path"), sorted(EXAMPLES))
def test_every_documented_example_works(client, method, path):
    """The command on the page, as the shell reads it, with real ids for the shown ones."""
    spec = client.get("/api/v1/openapi.json").get_json()
    op_id = spec["paths"][path][method.lower()].get("operationId") or f"{method.lower()}-{path}"
    command = _documented(client)[op_id]
    sent_method, sent_path, query, body = _read_curl(command)
    assert (sent_method, sent_path) == (method, path.format(**IDS))

    world = _world()
    example = EXAMPLES[(method, path)]
    user = world[example.role]
    if (method, path) == ("PUT", "/api/v1/profile"):
        user = make_user("investor")  # the example makes a profile: one who has none yet
    if path.endswith("/agenda"):
        make_meeting(world["arena"], world["invitation"], world["investor_invitation"])
    real = world["ids"]
    query = {key: real[key] if key in IDS else value for key, value in query.items()}
    if body is not None:
        body = {key: real[key] if key in IDS else value for key, value in body.items()}
    response = client.open(url_of(path, query, real), method=method,
                           headers=bearer(user), json=body)
    assert 200 <= response.status_code < 300, (response.status_code, response.get_json())
    if path.endswith("/agenda"):
        assert response.get_json()["items"], "the example shows an empty agenda"


def test_the_examples_ids_are_only_placeholders():
    shown = {str(value) for value in IDS.values()}
    for (method, path), example in EXAMPLES.items():
        for key, value in {**example.query, **(example.body or {})}.items():
            if key in IDS:
                assert str(value) in shown, (method, path, key)


def test_the_description_renders_its_code_spans(client):
    page = client.get("/api/v1/docs").get_data(as_text=True)
    assert "<code>Authorization: Bearer kbl_…</code>" in page
    intro = re.search(r"</small></h1>\s*<p>(.*?)</p>", page, re.S).group(1)
    assert "`" not in intro
    # and in a field's description (MeetingOut.slot) and an operation's
    assert "<code>slot_number</code>" in page


@pytest.mark.parametrize(("lang", "notes", "not_there"), [
    ("en", ["Saved as a draft; publish it to show it.",
            "Send the whole pitch and the version you read.", "null: the arena's own.",
            "Without <code>version</code> it creates your profile."],
     "Lagres som utkast"),
    ("nb", ["Lagres som utkast; publiser den for å vise den.",
            "Send hele pitchen og versjonen du leste.", "null: arenaens egen verdi.",
            "Uten <code>version</code> opprettes profilen din."],
     "Saved as a draft"),
])
def test_the_examples_notes_read_in_the_readers_language(client, lang, notes, not_there):
    """The bokmål page showed its example notes in English among bokmål headings."""
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    for note in notes:
        assert note in page
    assert not_there not in page


@pytest.mark.parametrize(("lang", "words", "not_there"), [
    ("en", ["max length ", "max items ", "default "], "maks. lengde"),
    ("nb", ["maks. lengde ", "maks. antall ", "standard "], "max length"),
])
def test_the_rules_column_reads_in_the_readers_language(client, lang, words, not_there):
    """The fields' rules (max length 80, default 90) were English on the bokmål page (the
    types too: tests/app/api/test_docs_type_words.py)."""
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    for word in words:
        assert word in page
    assert not_there not in page
