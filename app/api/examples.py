"""A request example for every /api/v1 operation, shown on /api/v1/docs as a curl command.

Each names the role whose token it needs and the ids it uses; tests/app/api/
test_documented_examples.py runs every one against the test app (with that role's token
and real ids put in place of these), so an example that stops working fails a test.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from urllib.parse import urlencode

from flask_babel import lazy_gettext as _l

# The ids the examples show; the test puts real ones in their place, by name.
IDS = {"pitch_id": 42, "investor_id": 7, "arena_id": 3, "invitation_id": 15}

PITCH = {
    "title": "Solkraft på låvetak",
    "summary": "Solceller og batteri for gårdsbruk i Lier, leid ut per kWh.",
    "description": "Vi monterer og drifter solcelleanlegg på landbrukets låvetak …",
    "sectors": ["energy"],
    "stage": "seed",
    "ask_nok": 3000000,
    "funding_type": "equity",
    "municipality": "lier",
    "green_objectives": ["climate_mitigation"],
    "support_needs": ["capital", "mentoring"],
    "website": "solkraft.no",
}
PROFILE = {
    "organisation": "Fjordkapital",
    "investor_type": "angel",
    "thesis": "Tidligfase innen energi og sirkulærøkonomi i Viken.",
    "sectors": ["energy", "circular_economy"],
    "stages": ["pre_seed", "seed"],
    "ticket_min": 500000,
    "ticket_max": 5000000,
    "regions": ["asker", "baerum"],
    "green_mandate": "preferred",
    "green_objectives": ["climate_mitigation"],
    "support_offers": ["capital", "network"],
    "funding_types": ["equity"],
}


@dataclass(frozen=True)
class Example:
    """One request: who sends it, its query and its JSON body, and a note for the reader
    (lazy: the docs page shows it in the reader's language)."""

    role: str
    query: dict = field(default_factory=dict)
    body: dict | None = None
    note: str = ""


EXAMPLES: dict[tuple[str, str], Example] = {
    ("GET", "/api/v1/me"): Example("founder"),
    ("GET", "/api/v1/pitches"): Example(
        "investor", {"q": "solceller", "stage": "seed", "per_page": 10},
        note=_l("With a founder's token the same filters search your own pitches, drafts "
                "included.")),
    ("POST", "/api/v1/pitches"): Example("founder", body=PITCH,
                                         note=_l("Saved as a draft; publish it to show it. "
                                                 "Add -H 'Idempotency-Key: <a UUID>' to make "
                                                 "a retry after a timeout safe.")),
    ("GET", "/api/v1/pitches/{pitch_id}"): Example("founder"),
    ("PUT", "/api/v1/pitches/{pitch_id}"): Example(
        "founder", body={**PITCH, "ask_nok": 3500000, "version": 1},
        note=_l("Send the whole pitch and the version you read.")),
    ("POST", "/api/v1/pitches/{pitch_id}/publish"): Example("founder"),
    ("POST", "/api/v1/pitches/{pitch_id}/unpublish"): Example("founder"),
    ("GET", "/api/v1/profile"): Example("investor"),
    ("PUT", "/api/v1/profile"): Example("investor", body=PROFILE,
                                        note=_l("Without `version` it creates your profile.")),
    ("GET", "/api/v1/recommendations"): Example("investor", {"sector": "energy"}),
    ("GET", "/api/v1/pitches/{pitch_id}/recommendations"): Example("founder"),
    ("GET", "/api/v1/interests"): Example("investor"),
    ("PUT", "/api/v1/interests"): Example("investor", body={"pitch_id": IDS["pitch_id"],
                                                            "kind": "interested"}),
    ("DELETE", "/api/v1/interests"): Example("investor", {"pitch_id": IDS["pitch_id"]}),
    ("GET", "/api/v1/interests/received"): Example(
        "founder", note=_l("Answer one with PUT /api/v1/interests.")),
    ("GET", "/api/v1/matches"): Example("founder"),
    ("GET", "/api/v1/arenas"): Example("founder"),
    ("GET", "/api/v1/arenas/{arena_id}"): Example("founder"),
    ("GET", "/api/v1/invitations"): Example("founder"),
    ("GET", "/api/v1/arenas/{arena_id}/agenda"): Example(
        "founder", note=_l("No meetings until staff publish the schedule: `schedule_status` "
                           "and `reason` say why `items` is empty.")),
    ("GET", "/api/v1/arenas/{arena_id}/invitations"): Example("staff"),
    ("GET", "/api/v1/arenas/{arena_id}/schedule"): Example("staff"),
    ("GET", "/api/v1/arenas/{arena_id}/times"): Example("founder"),
    ("PUT", "/api/v1/arenas/{arena_id}/times"): Example(
        "founder", body={"arrive": "09:15", "leave": "10:30", "meeting_cap": 2}),
    ("GET", "/api/v1/arenas/{arena_id}/invitations/{invitation_id}/times"): Example("staff"),
    ("PUT", "/api/v1/arenas/{arena_id}/invitations/{invitation_id}/times"): Example(
        "staff", body={"arrive": None, "leave": "10:30", "meeting_cap": None},
        note=_l("null: the arena's own.")),
}


def url_of(path: str, query: dict, ids: dict) -> str:
    """The path with its ids filled in, and the query string."""
    filled = path.format(**ids)
    return filled + ("?" + urlencode(query) if query else "")


def curl(method: str, path: str, example: Example, base_url: str) -> str:
    """The example as a curl command, one option a line (the token in $KOBLE_TOKEN)."""
    first = "curl" + ("" if method == "GET" else f" -X {method}")
    lines = [f"{first} {shlex.quote(base_url.rstrip('/') + url_of(path, example.query, IDS))}",
             '-H "Authorization: Bearer $KOBLE_TOKEN"']
    if example.body is not None:
        lines += ["-H 'Content-Type: application/json'",
                  "-d " + shlex.quote(json.dumps(example.body, ensure_ascii=False, indent=2))]
    return " \\\n  ".join(lines)
