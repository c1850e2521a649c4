"""The shape of a demo theme: a field founders work in, and its words in each language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """One language's phrases for a theme."""

    roots: tuple[str, ...]  # brand-name roots
    products: tuple[str, ...]  # "what we build", lower-case, fits "utvikler …" / "builds …"
    customers: tuple[str, ...]
    benefits: tuple[str, ...]  # fits "hjelper kunden med å …" / "helps customers …"
    problems: tuple[str, ...]
    solutions: tuple[str, ...]
    thesis: tuple[str, ...]  # an investor's sentence about this field


@dataclass(frozen=True)
class Theme:
    """A field founders work in: its sectors, green objectives and words."""

    key: str
    sectors: tuple[str, ...]  # the first is the main one
    objectives: tuple[str, ...]  # green objectives a pitch here usually names
    green: bool
    weight: float
    nb: Words
    en: Words
