"""Typed or pasted text made clean where it enters (the forms, the API's bodies, the member
import): invisible control characters a paste brings along are dropped, not stored. Word
pastes a vertical tab (U+000B) or form feed (U+000C) for a line break; other C0 controls
come with junk or a crafted request. Stored, they looked broken on the pages and made
openpyxl refuse the Excel exports (a 500). A value left empty then meets its field's own
"required" rule, as one typed empty does.

NUL is refused before it gets here, where it was already (a form's field, the API's Text):
the cleaners drop it too, for any other way in."""

from __future__ import annotations

import re

# VT, FF, NEL and the Unicode line and paragraph separators: a line break in a text area.
_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
# Every C0 control but tab, LF and CR, and DEL.
_MULTI_LINE_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Every C0 control and DEL (a tab is a space first).
_SINGLE_LINE_CONTROLS = re.compile("[\x00-\x1f\x7f]")


def single_line(text: str) -> str:
    """A one-line field's text: a tab becomes a space, every other C0 control and DEL go."""
    return _SINGLE_LINE_CONTROLS.sub("", text.replace("\t", " "))


def multi_line(text: str) -> str:
    """A text area's text: VT, FF, NEL, U+2028 and U+2029 become a line break; tabs and
    line breaks stay; every other C0 control and DEL go."""
    return _MULTI_LINE_CONTROLS.sub("", _BREAKS.sub("\n", text))
