"""Domain errors raised by services; views turn them into messages."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken; the message is shown to the user."""

    api_message: str | None = None

    def __init__(self, message: str, field: str | None = None, *, fields=(),
                 api_message: str | None = None):
        """`field` is the one a form marks; `fields`, when the message is about several
        (what publishing lacks), names them all, `field` first. `api_message` is what the
        API answers instead, when the message points at something only the pages have."""
        super().__init__(message)
        self.message = message
        self.api_message = api_message
        self.fields = tuple(fields) or ((field,) if field else ())
        self.field = field or (self.fields[0] if self.fields else None)


class NotFound(DomainError):
    """The object does not exist, or the caller may not know it exists."""


class Forbidden(DomainError):
    """The caller's role may not do this."""


class Conflict(DomainError):
    """Someone else changed the object since the caller loaded it."""


class AddressUnconfirmed(DomainError):
    """The caller's self-registered e-mail address is not confirmed yet, so they may not act
    towards others (email_confirmation.require_confirmed). The pages say it like any refusal;
    the API answers 403 with its own code, as the request is fine and the account is not."""


class Problems(DomainError):
    """Several broken rules found at once, each a DomainError at its own field, so that a
    form can show every one of them in one round instead of the first."""

    def __init__(self, problems: list[DomainError]):
        super().__init__(problems[0].message, problems[0].field)
        self.problems = list(problems)
