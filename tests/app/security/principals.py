"""The principals of the access-control matrix and URL building for every route.

    def test_something(principals):
        world = principals
        founder_a = world["founder_a"]            # .name, .user, .client (logged in)
        for rule in get_rules(world.app):
            for variant in ID_VARIANTS:
                ids = world.ids(founder_a.name, variant, rule)
                if ids is not None:
                    founder_a.client.get(url_for_rule(rule, ids))

Principals: anonymous, founder A, founder B, investor A, investor B, staff, admin, and a
deactivated founder whose (stale) cookie still carries a valid session token. Founder A has a
draft and a published pitch, founder B a published pitch, each investor a profile.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from app.extensions import db
from app.models import User
from tests.factories import DEFAULT_PASSWORD, make_investor, make_pitch, make_user

PRINCIPALS = (
    "anonymous", "founder_a", "founder_b", "investor_a", "investor_b", "staff", "admin",
    "deactivated",
)
# own: the principal's object; other: someone else's private one (A's draft for most);
# other_published: someone else's public one; then ids that exist for nobody.
ID_VARIANTS = ("own", "other", "other_published", "missing", "negative", "huge", "non_numeric")
MISSING_ID = 2**31 - 2  # fits the column, belongs to nobody
HUGE_ID = 2**63  # overflows every integer column
SKIP_ENDPOINTS = frozenset({"static", "bootstrap.static"})

# Which kind of object a route argument names; anything ending in _id falls back to its stem.
ARG_KINDS = {
    "pitch_id": "pitch",
    "profile_id": "investor_profile",
    "investor_id": "investor_profile",
    "user_id": "user",
    "arena_id": "arena",
    "invitation_id": "invitation",
    "meeting_id": "meeting",
    "request_id": "meeting_request",
    "note_id": "notification",
    "token_id": "api_token",
}
_ARGUMENT = re.compile(
    r"<(?:(?P<converter>[a-zA-Z_][a-zA-Z0-9_]*)(?:\((?P<args>[^)]*)\))?:)?(?P<name>[a-zA-Z_]\w*)>"
)


def kind_of(argument: str) -> str | None:
    """The kind of object a route argument refers to, if it is an id."""
    if argument in ARG_KINDS:
        return ARG_KINDS[argument]
    if argument.endswith("_id"):
        return argument[: -len("_id")]
    return None


def url_for_rule(rule: Rule, ids: Mapping[str, object]) -> str:
    """The rule's path with each <argument> replaced by ids[argument] (or ids["*"]).

    Unlike url_for, any value goes in as given (negative, huge, non-numeric), so the
    matrix can try what an attacker would type.
    """

    def fill(match: re.Match) -> str:
        name = match["name"]
        if name in ids:
            value = ids[name]
        elif "*" in ids:
            value = ids["*"]
        elif name in (rule.defaults or {}):
            value = rule.defaults[name]
        else:
            raise KeyError(f"no value for <{name}> in {rule.rule}")
        safe = "/" if match["converter"] == "path" else ""
        return quote(str(value), safe=safe)

    return _ARGUMENT.sub(fill, rule.rule)


def get_rules(app: Flask, method: str = "GET") -> list[Rule]:
    """Every rule answering `method`, except static files, in a stable order."""
    return sorted(
        (r for r in app.url_map.iter_rules()
         if method in (r.methods or ()) and r.endpoint not in SKIP_ENDPOINTS),
        key=lambda r: (r.rule, r.endpoint),
    )


@dataclass
class Principal:
    """One person (or nobody) with a client whose cookie carries their session."""

    name: str
    user: User | None
    client: FlaskClient

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user is not None else None


@dataclass
class World:
    """Every principal and the objects they own."""

    app: Flask
    principals: dict[str, Principal]
    objects: dict[str, object] = field(default_factory=dict)
    owned: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    public: dict[str, list[int]] = field(default_factory=dict)
    private: dict[str, list[int]] = field(default_factory=dict)
    api_tokens: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Principal:
        return self.principals[name]

    def __iter__(self) -> Iterator[Principal]:
        return iter(self.principals.values())

    def _own(self, principal: str, kind: str) -> int | None:
        ids = self.owned.get(principal, {}).get(kind, [])
        return ids[0] if ids else None

    def _other(self, principal: str, kind: str, published: bool) -> int | None:
        mine = set(self.owned.get(principal, {}).get(kind, []))
        pools = [self.public.get(kind, [])] if published else [
            self.private.get(kind, []), self.public.get(kind, [])]
        for pool in pools:
            for object_id in pool:
                if object_id not in mine:
                    return object_id
        return None

    def id_for(self, principal: str, variant: str, argument: str) -> object | None:
        """The value to put in <argument> for this principal and variant (None: n/a)."""
        kind = kind_of(argument)
        if variant == "negative":
            return -1
        if variant == "huge":
            return HUGE_ID
        if variant == "non_numeric":
            return "abc"
        if variant == "missing":
            return MISSING_ID if kind else "missing-value"
        if kind is None:  # a token or slug: no object to own
            return "not-a-real-token" if variant == "own" else None
        if variant == "own":
            return self._own(principal, kind)
        return self._other(principal, kind, published=variant == "other_published")

    def ids(self, principal: str, variant: str, rule: Rule,
            fixed: Mapping[str, object] | None = None) -> dict[str, object] | None:
        """Values for every argument of the rule, or None if the variant does not apply.

        A rule naming two kinds (a pitch and an investor) is "own" when the principal owns
        one of them; the other is then a public object (a founder marks an investor)."""
        values: dict[str, object] = {}
        owns_one = False
        # A real word in a word's place (mark/<kind>, .<fmt>) for every variant of a rule
        # that names an object, so a missing or odd id is what the variant tries: with a
        # made-up word there, /exports/arenas/<missing>/x.missing-value matched no route and
        # its 404 said nothing of how the missing arena is answered.
        names_one = any(kind_of(a) for a in rule.arguments)
        for argument in sorted(rule.arguments):
            if argument in (rule.defaults or {}):
                continue
            kind = kind_of(argument)
            if fixed and argument in fixed and kind is None and (names_one or variant in (
                    "own", "other", "other_published")):
                values[argument] = fixed[argument]
                continue
            value = self.id_for(principal, variant, argument)
            if variant == "own" and kind is not None:
                if value is None:
                    value = self._other(principal, kind, published=True)
                else:
                    owns_one = True
            if value is None:
                return None
            values[argument] = value
        if variant == "own" and not owns_one and any(kind_of(a) for a in values):
            return None
        if variant in ("other", "other_published") and not any(kind_of(a) for a in values):
            return None  # nobody else's object to try
        if not values and variant != "own":
            return None  # a rule without arguments is tried once
        return values


def log_in(client: FlaskClient, user: User) -> None:
    """Put the user's session in the client's cookie, as login_user would (no scrypt)."""
    now = time.time()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
        session["login_at"] = now
        session["seen"] = now


def logged_in_client(app: Flask, user: User) -> FlaskClient:
    """A new client of `app` with the user logged in (`log_in`)."""
    client = app.test_client()
    log_in(client, user)
    return client


def log_in_with_form(client: FlaskClient, user: User, password: str = DEFAULT_PASSWORD):
    """Log in through the real form."""
    return client.post("/auth/login", data={"email": user.email, "password": password})


def build_world(app: Flask) -> World:
    """Create the principals, their objects and a logged-in client for each."""
    users = {
        "founder_a": make_user("founder", name="Founder A"),
        "founder_b": make_user("founder", name="Founder B", association="drammen"),
        "investor_a": make_user("investor", name="Investor A"),
        "investor_b": make_user("investor", name="Investor B", association="drammen"),
        "staff": make_user("staff", name="Staff Asker"),
        "admin": make_user("admin", name="Admin", association=None),
        "deactivated": make_user("founder", name="Deactivated Founder"),
    }
    a_draft = make_pitch(users["founder_a"], status="draft", title="A's secret draft")
    a_published = make_pitch(users["founder_a"], title="A's published pitch")
    b_published = make_pitch(users["founder_b"], title="B's published pitch")
    b_draft = make_pitch(users["founder_b"], status="draft", title="B's secret draft")
    gone_pitch = make_pitch(users["deactivated"], title="A deactivated founder's pitch")
    profile_a = make_investor(users["investor_a"], organisation="Investor A AS")
    profile_b = make_investor(users["investor_b"], organisation="Investor B AS")

    principals = {"anonymous": Principal("anonymous", None, app.test_client())}
    for name, user in users.items():
        client = app.test_client()
        log_in(client, user)
        principals[name] = Principal(name, user, client)
    # The deactivated user's cookie still holds a valid session token: only `active` stops it.
    users["deactivated"].active = False
    db.session.commit()

    world = World(app=app, principals=principals)
    world.objects = {
        "a_draft": a_draft, "a_published": a_published, "b_published": b_published,
        "b_draft": b_draft, "deactivated_pitch": gone_pitch,
        "investor_a_profile": profile_a, "investor_b_profile": profile_b,
    }
    world.owned = {
        "founder_a": {"pitch": [a_draft.id, a_published.id], "user": [users["founder_a"].id]},
        "founder_b": {"pitch": [b_published.id, b_draft.id], "user": [users["founder_b"].id]},
        "investor_a": {"investor_profile": [profile_a.id], "user": [users["investor_a"].id]},
        "investor_b": {"investor_profile": [profile_b.id], "user": [users["investor_b"].id]},
        "staff": {"user": [users["staff"].id]},
        "admin": {"user": [users["admin"].id]},
        "deactivated": {"pitch": [gone_pitch.id], "user": [users["deactivated"].id]},
    }
    world.private = {"pitch": [a_draft.id, b_draft.id]}
    world.public = {
        "pitch": [a_published.id, b_published.id],
        "investor_profile": [profile_a.id, profile_b.id],
        "user": [users["founder_a"].id, users["founder_b"].id],
    }
    _add_arenas(world, users, a_published, b_published)
    _add_personal(world, users)
    return world


def _add_arenas(world: World, users: dict[str, User], a_published, b_published) -> None:
    """Arena A (hosted by Asker: staff's) with founder A and investor A, who meet and have a
    meeting request; arena B (hosted by Drammen) the same for the B side."""
    from app.models import MeetingRequest
    from tests.factories import make_arena, make_invitation, make_meeting

    arena_a = make_arena(("asker",), title="Arena A", status="scheduled")
    arena_b = make_arena(("drammen",), title="Arena B", status="scheduled")
    made = {}
    for side, arena, pitch in (("a", arena_a, a_published), ("b", arena_b, b_published)):
        founder, investor = users[f"founder_{side}"], users[f"investor_{side}"]
        f_inv = make_invitation(arena, founder, "accepted", pitch_id=pitch.id)
        i_inv = make_invitation(arena, investor, "accepted")
        meeting = make_meeting(arena, f_inv, i_inv, slot=0, table=0)
        request = MeetingRequest(arena_id=arena.id, from_user_id=investor.id,
                                 to_user_id=founder.id)
        db.session.add(request)
        db.session.commit()
        made[side] = (arena, f_inv, i_inv, meeting, request)
    for side, (arena, f_inv, i_inv, meeting, request) in made.items():
        for who, invitation in ((f"founder_{side}", f_inv), (f"investor_{side}", i_inv)):
            owned = world.owned[who]
            owned.update(arena=[arena.id], invitation=[invitation.id], meeting=[meeting.id],
                         meeting_request=[request.id])
    arena_a, fa, ia, ma, ra = made["a"]
    for who in ("staff", "admin"):
        world.owned[who].update(arena=[arena_a.id], invitation=[fa.id, ia.id],
                                meeting=[ma.id], meeting_request=[ra.id])
    for kind, index in (("arena", 0), ("invitation", 1), ("meeting", 3),
                        ("meeting_request", 4)):
        ids = [made["a"][index].id, made["b"][index].id]
        if kind == "invitation":
            ids += [made["a"][2].id, made["b"][2].id]
        world.private[kind] = ids
    world.objects.update(arena_a=arena_a, arena_b=made["b"][0], meeting_a=ma,
                         meeting_b=made["b"][3])


def _add_personal(world: World, users: dict[str, User]) -> None:
    """A notification and a read-write API token for every user (world.api_tokens: plain)."""
    from app.services import api_tokens, notifications

    world.api_tokens = {}
    for name, user in users.items():
        note = notifications.notify(user, "mutual_match", link="/matches/mutual",
                                    other="Someone", pitch="A pitch")
        db.session.commit()
        created = api_tokens.create(user, f"{name} token", "read-write", 30)
        world.api_tokens[name] = created.plain
        world.owned[name].update(notification=[note.id], api_token=[created.token.id])
    world.private["notification"] = [n for o in world.owned.values()
                                     for n in o.get("notification", [])]
    world.private["api_token"] = [t for o in world.owned.values()
                                  for t in o.get("api_token", [])]


@pytest.fixture
def principals(app) -> World:
    """Every principal of the matrix, logged in, with their own objects."""
    return build_world(app)
