"""The questions an admin confirms before an account change that ends something: a role
change that leaves arenas behind, withdraws pitches or a profile or ends a part in arenas
(`role_question`), and deactivating or deleting an account (`departure_question`).

A page left open while the account changed (another admin changed the role or deactivated
it, an invitation or an arena came in) would otherwise be confirmed as it was, ending what
it never named. So the page sends back what it asked (`Question.seen`), and an answer to a
question that no longer stands changes nothing: the admin is asked again, told which parts
changed since they opened the page (`not_changed_message`).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _


@dataclass(frozen=True)
class Question:
    """What a page asks, part by part (a key from `_labels` and the value the page named)."""

    parts: dict[str, str]

    @property
    def seen(self) -> str:
        """The question as the page sends it back with the confirmation."""
        return ";".join(f"{key}={value}" for key, value in self.parts.items())

    def changed_since(self, sent: str) -> list[str] | None:
        """None when `sent` (a page's `seen`) is this question; otherwise which parts differ,
        in words (none: `sent` was no question, e.g. made up)."""
        if sent == self.seen:
            return None
        try:
            seen = dict(part.split("=", 1) for part in sent.split(";"))
        except ValueError:
            seen = {}
        labels = _labels()
        return [labels[key] for key, value in self.parts.items()
                if key in seen and seen[key] != value]


def _labels() -> dict[str, str]:
    return {"role": _("their role or association"),
            "active": _("whether the account is active"),
            "ends": _("what it would end (arena invitations, meetings, meeting requests, API "
                      "tokens)"),
            "arenas": _("the arenas they would no longer manage"),
            "shown": _("the pitches or profile the change would withdraw"),
            "taking-part": _("their part in arenas the change would end")}


def role_question(left, withdrawn) -> Question | None:
    """The role change's question: the arenas it leaves behind (`account_access
    .arenas_left`), the pitches and profile it withdraws from view and (when there are any)
    the arenas it takes the person out of with what that ends there (`withdrawn_by_role`).
    None when it leaves nothing behind and withdraws nothing: nothing to ask."""
    if not (left or withdrawn):
        return None
    ends = withdrawn.ends
    taking_part = ""
    if withdrawn.arenas or ends.requests:
        taking_part = (",".join(str(a.id) for a in withdrawn.arenas)
                       + f"/{ends.invitations}/{ends.meetings}/{ends.requests}")
    return Question({
        "arenas": ",".join(str(item.arena.id) for item in left),
        "shown": (",".join(str(p.id) for p in withdrawn.pitches) + "|"
                  + ",".join(str(p.id) for p in withdrawn.profiles)),
        "taking-part": taking_part})


def departure_question(person, ahead, left) -> Question:
    """The deactivate or delete question: the person's role and association, whether the
    account is active, what it would end (`ahead`: account_access.deactivation_ahead or
    deletion_ahead) and the arenas they would stop managing (`left`, with how many others
    run each)."""
    return Question({
        "role": f"{person.role}/{person.association_id or ''}",
        "active": "yes" if person.active else "no",
        "ends": f"{ahead.invitations}/{ahead.meetings}/{ahead.requests}/{ahead.tokens}",
        "arenas": ",".join(f"{item.arena.id}:{item.others}" for item in left)})


def not_changed_message(name: str, what: list[str]) -> str:
    """What the admin is told when the question they confirmed no longer stands: nothing
    was changed, and (`what`, from `Question.changed_since`) which parts changed."""
    if what:
        return _("Nothing was changed: since you opened the page, this changed for %(name)s: "
                 "%(what)s. Read the question as it stands now, and confirm again if you still "
                 "want to.", name=name, what="; ".join(what))
    return _("Nothing was changed: the page you confirmed on is not the question as it "
             "stands now for %(name)s. Read it again, and confirm if you still want to.",
             name=name)
