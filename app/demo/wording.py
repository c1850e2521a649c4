"""How the demo data writes things: e-mail slugs, amounts in words, lists, capitals."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """ASCII, lower-case, dots between words: "Øystein Aas" → "oystein.aas"."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", ".", text).strip(".")


def money(amount: int, lang: str) -> str:
    """An amount in words the way a founder writes it, in NOK."""
    if lang == "nb":
        if amount >= 1_000_000:
            millions = f"{amount / 1_000_000:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            unit = "million" if millions == "1" else "millioner"
            return f"{millions} {unit} kroner"
        return f"{amount:,}".replace(",", " ") + " kroner"
    if amount >= 1_000_000:
        return f"NOK {amount / 1_000_000:.1f}".rstrip("0").rstrip(".") + " million"
    return f"NOK {amount:,}"


def join_words(items: list[str], lang: str) -> str:
    """"a, b og c" / "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    word = " og " if lang == "nb" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def capitalise(text: str) -> str:
    """The text with its first letter upper-case (the rest as it is)."""
    return text[:1].upper() + text[1:]


def word_count(text: str) -> int:
    """How many words the text has."""
    return len(text.split())
