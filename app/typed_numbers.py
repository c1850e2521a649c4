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
