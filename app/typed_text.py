"""Typed or pasted text made clean where it enters (the forms, the API's bodies, the member
import): invisible control characters a paste brings along are dropped, not stored. Word
pastes a vertical tab (U+000B) or form feed (U+000C) for a line break; other C0 controls
come with junk or a crafted request. Stored, they looked broken on the pages and made
openpyxl refuse the Excel exports (a 500). A value left empty then meets its field's own
"required" rule, as one typed empty does.

Text that shows nothing is empty: only white space (a non-breaking space too) and
characters that draw nothing (zero-width space, word joiner, a byte-order mark, the other
format characters, Hangul fillers, the blank Braille pattern). A pitch summary of one
zero-width space was saved as filled in. Such characters inside real text stay: a
zero-width joiner holds an emoji sequence together, bidi marks a right-to-left name.

NUL is refused before it gets here, where it was already (a form's field, the API's Text):
the cleaners drop it too, for any other way in."""

from __future__ import annotations

import re
import unicodedata

# VT, FF, NEL and the Unicode line and paragraph separators: a line break in a text area.
_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
# Every C0 control but tab, LF and CR, and DEL.
_MULTI_LINE_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Every C0 control and DEL (a tab is a space first).
_SINGLE_LINE_CONTROLS = re.compile("[\x00-\x1f\x7f]")
# Characters that draw nothing though they are neither white space nor a format character
# (Unicode category Cf, which holds U+200B, U+2060, U+FEFF, soft hyphen, bidi marks, tags):
# combining grapheme joiner, variation selectors, Hangul fillers, blank Braille pattern.
_BLANK = frozenset("\u034f\u115f\u1160\u3164\uffa0\u2800") \
    | frozenset(map(chr, range(0xFE00, 0xFE10))) | frozenset(map(chr, range(0xE0100, 0xE01F0)))


def shows_nothing(text: str) -> bool:
    """True for text of only white space and characters that draw nothing (an empty text
    too): what a reader sees as an empty field."""
    return all(char.isspace() or char in _BLANK or unicodedata.category(char) in ("Cf", "Cc")
               for char in text)


def single_line(text: str) -> str:
    """A one-line field's text: a tab becomes a space, every other C0 control and DEL go;
    text that shows nothing is empty."""
    text = _SINGLE_LINE_CONTROLS.sub("", text.replace("\t", " "))
    return "" if shows_nothing(text) else text


def multi_line(text: str) -> str:
    """A text area's text: VT, FF, NEL, U+2028 and U+2029 become a line break; tabs and
    line breaks stay; every other C0 control and DEL go; text that shows nothing is empty."""
    text = _MULTI_LINE_CONTROLS.sub("", _BREAKS.sub("\n", text))
    return "" if shows_nothing(text) else text
