"""Domain errors raised by services; views turn them into messages."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken; the message is shown to the user."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    """The object does not exist, or the caller may not know it exists."""


class Forbidden(DomainError):
    """The caller's role may not do this."""


class Conflict(DomainError):
    """Someone else changed the object since the caller loaded it."""
