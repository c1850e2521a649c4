"""Numbers as people write them, read one way wherever they are typed: form fields and the
cells of an imported member list."""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

# What may be left once spaces are dropped: ASCII digits, the marks the two languages group
# and split digits with, a sign. Babel hands the rest to Decimal, which reads Arabic-Indic
# and full-width digits and "1_000" at face value; the meeting cap (availability.cap_from)
# never did, and a number reads one way in every field.
_WRITTEN = re.compile(r"[+-]?[0-9.,]+")


def read_number(text: str, locale: str) -> Decimal | None:
    """The finite number `text` writes in `locale`'s way, else None: in bokmål "1 500 000",
    "0,5" (and "0.5"), in English "1,500,000" and "0.5". Spaces of every kind are dropped
    first (digit groups typed with spaces in English too, a no-break space from a
    spreadsheet); the rest must be grouped as the language groups digits, so "1,5" is not
    1500 in English and "1.500.000" is nothing in bokmål. An exponent is refused: Babel
    reads "1e3" as 1000, and nobody writes an amount so. Digits are 0-9 only."""
    typed = "".join(str(text).split())
    if not _WRITTEN.fullmatch(typed):  # "1e3", "١٢", "１２", "1_000"
        return None
    try:
        number = parse_decimal(typed, locale=locale, strict=True)
    except NumberFormatError:
        return None
    return number if number.is_finite() else None  # "nan", "inf"


def read_whole_number(text: str, locale: str) -> int | None:
    """The whole number `text` writes ("1 500 000", "-3"), else None. Anything typed with a
    decimal mark is refused, even "12,0": in a whole-number field "1,5" is a typed decimal
    (1.5 million meant), and "1.000" in English is 1, not the thousand it may mean."""
    number = read_number(text, locale)
    if number is None or number.as_tuple().exponent != 0:
        return None
    return int(number)


# An amount of kroner as founders and investors write one in a form: a currency mark before
# or after ("kr 2 500 000", "2 500 000 kr", "NOK", the price tag's ",-") and a word for
# millions or thousands ("2,5 mill", "1.5 million", "2,5 MNOK", "500k"). Each reads one way
# only: "mill" is a million in every spelling, so "2,5 mill" is 2 500 000 and not the 25 or
# 2.5 a bare "2,5" could be (that stays refused, as read_whole_number refuses it).
_CURRENCY_BEFORE = re.compile(r"^(?:kr\.?|nok)\s*", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"\s*(?:kr\.?|nok|,-|,–|\.-)$", re.IGNORECASE)
_SCALE = re.compile(
    r"\s*(?P<word>mill(?:ioner|ion|ions)?\.?|mln\.?|mnok|m|tusen|thousand|k)$", re.IGNORECASE)
_SCALES = {"m": 1_000_000, "t": 1_000, "k": 1_000}
# Two or more dots, each before three digits: "1.500.000", Norwegian grouping by hand. Never
# a decimal in either language; a single dot ("1.500") is, in English, and stays refused.
_DOT_GROUPS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}")


def read_kroner(text: str, locale: str) -> int | None:
    """The whole number of kroner `text` writes, else None: what read_whole_number reads,
    and besides it a currency mark ("kr 2 500 000", "2 500 000,-", "NOK 1,500,000"), a scale
    word after a number that may have decimals ("2,5 mill", "2,5 millioner", "2,5 MNOK",
    "1.5 million", "500k", "500 tusen"; the result must be whole kroner) and digits grouped
    with dots ("1.500.000")."""
    typed = " ".join(str(text).split())
    typed = _CURRENCY_BEFORE.sub("", typed)
    typed = _CURRENCY_AFTER.sub("", typed).strip()
    scale = _SCALE.search(typed)
    if scale:
        number = read_number(typed[:scale.start()], locale)  # in bokmål "2.5" too
        if number is None:
            return None
        kroner = number * _SCALES[scale["word"][0].lower()]
        return int(kroner) if kroner == kroner.to_integral_value() else None
    if _DOT_GROUPS.fullmatch(typed.replace(" ", "")):
        return int(typed.replace(" ", "").replace(".", ""))
    return read_whole_number(typed, locale)
