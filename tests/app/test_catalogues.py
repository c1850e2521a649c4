"""The translation catalogues hold exactly what `make messages` extracts (babel.cfg, the
keywords of the Makefile): refreshing them after adding a string neither drops a string the
pages still show (it would turn English on a Norwegian page) nor keeps dead ones, and every
string has its bokmål."""

from __future__ import annotations

import contextlib
import functools
import io
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]


def _extracted() -> set[str]:
    return _extraction()[0]


@functools.cache
def _extraction() -> tuple[set[str], str]:
    """What `make messages` extracts, and the warnings the extractors write (to stderr)."""
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle, "babel.cfg")
    # the Makefile's -k
    keywords = dict(DEFAULT_KEYWORDS, _l=None, lazy_gettext=None, lazy_ngettext=(1, 2))
    found = set()
    warnings = io.StringIO()
    with contextlib.redirect_stderr(warnings):
        for _file, _line, message, _comments, _context in extract_from_dir(
                str(ROOT), method_map, options_map, keywords=keywords):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found, warnings.getvalue()


def test_make_messages_warns_of_nothing():
    """An extractor's warning is a string it may have read wrong: Babel skips an f-string with
    substitutions inside _() (a time formatted as `time=f"{start:%H:%M}"`) and says so, and
    the warnings of `make messages` were read past as noise."""
    assert _extraction()[1] == ""


def _catalogue(lang: str) -> dict:
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {(m.id[0] if isinstance(m.id, tuple) else m.id): m
                for m in read_po(handle, locale=lang) if m.id}


def test_make_messages_finds_every_catalogued_string_and_every_string_is_translated():
    extracted = _extracted()
    assert "Pages" in extracted  # templates/_macros.html, which uses {% do %}
    assert "Why this match" in extracted  # app/matches/cards.py, inside an f-string before
    assert "Leave empty for the arena's limit of %(num)d meeting." in extracted  # lazy_ngettext
    for lang in ("nb", "en"):
        catalogue = _catalogue(lang)
        dropped = sorted(set(catalogue) - extracted)
        assert not dropped, f"{lang}: `make messages` would drop these strings: {dropped}"
        missing = sorted(extracted - set(catalogue))
        assert not missing, f"{lang}: not in the catalogue, run `make messages`: {missing}"
    untranslated = sorted(key for key, m in _catalogue("nb").items()
                          if m.fuzzy or not (m.string[0] if isinstance(m.string, tuple)
                                             else m.string))
    assert not untranslated, f"nb: strings without bokmål: {untranslated}"


def test_catalogues_keep_no_obsolete_copies():
    """`make messages` drops strings the code no longer has: an obsolete ('#~') copy of a
    string that came back sits beside the active one, and `msgfmt -c` refuses the catalogue
    for the duplicate."""
    for lang in ("nb", "en"):
        with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
            catalogue = read_po(f, locale=lang)
        assert not catalogue.obsolete, (lang, list(catalogue.obsolete)[:3])
