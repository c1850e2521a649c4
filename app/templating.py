"""Template filters and globals."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import flask_babel
from babel import Locale, lists, numbers
from flask import Flask, request
from flask_babel import get_locale
from jinja2 import pass_context

from app import vocabulary
from app.markdown import render_markdown, render_markdown_inline
from app.services.accounts import shown_email


def format_nok(amount: int | float | None) -> str:
    """An amount in NOK in the user's number format."""
    return nok_in(str(get_locale()), amount)


def nok_in(locale: str, amount: int | float | None) -> str:
    """format_nok() in the given locale."""
    if amount is None:
        return ""
    return _nok_in(locale, amount)


@lru_cache(maxsize=4096)
def _nok_in(locale: str, amount: int | float) -> str:
    # Babel's format_currency parses the pattern and walks the locale data on every call; a
    # recommendation page formats 20-40 amounts, mostly the same round ones.
    pattern, symbol = _nok_format(locale)
    text = numbers.format_currency(amount, "NOK", format=pattern, locale=locale,
                                   currency_digits=False)
    # CLDR's currency spacing, which Babel leaves out: a symbol ending in a letter is kept
    # from the digits by a no-break space ("NOK 2,900,000", not "NOK2,900,000").
    at = text.find(symbol)
    before, after = text[:at], text[at + len(symbol):]
    if symbol[-1].isalpha() and after[:1].isdigit():
        after = "\u00a0" + after
    if symbol[0].isalpha() and before[-1:].isdigit():
        before += "\u00a0"
    return before + symbol + after


def format_nok_range(low: int | float | None, high: int | float | None) -> str:
    """A range of amounts in NOK in the user's number format, the currency named once."""
    return nok_range_in(str(get_locale()), low, high)


def nok_range_in(locale: str, low: int | float | None, high: int | float | None) -> str:
    """format_nok_range() in the given locale: the currency on the end the locale's pattern
    puts it, "NOK 1,000,000–10,000,000" in English, "1 000 000–10 000 000 kr" in bokmål
    (on both ends it read "NOK 1,000,000–NOK 10,000,000"). With one end unknown, the other
    is written in full beside the dash, as before ("–10 000 000 kr")."""
    if low is None or high is None:
        return f"{nok_in(locale, low)}–{nok_in(locale, high)}"
    pattern, symbol = _nok_format(locale)
    low_text, high_text = _nok_in(locale, low), _nok_in(locale, high)
    if pattern.find("¤") < pattern.find("#"):  # currency first: drop it from the top end
        high_text = high_text.replace(symbol, "", 1).strip()
    else:
        low_text = low_text.replace(symbol, "", 1).strip()
    return f"{low_text}–{high_text}"


@lru_cache(maxsize=16)
def _nok_format(locale: str) -> tuple[str, str]:
    """The locale's own currency pattern without its decimals (amounts here are whole
    kroner: "2 900 000 kr" in bokmål, "NOK 2,900,000" in English, whose reader would take
    "kr" after the number for a Norwegian page's) and its symbol for NOK."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return re.sub(r"\.[0#]+", "", pattern), numbers.get_currency_symbol("NOK", locale)


def label(key: str | None, mapping: dict) -> str:
    """The translated label of a vocabulary key (vocabulary.label), kept per locale."""
    return label_in(str(get_locale()), key, mapping)


def label_in(locale: str, key: str | None, mapping: dict) -> str:
    """label() in the given locale."""
    if key is None:
        return ""
    return _label_in(locale, id(mapping), key, mapping)


_LABELS: dict[tuple[str, int, str], tuple[dict, str]] = {}
MAX_LABELS = 10_000


def _label_in(locale: str, mapping_id: int, key: str, mapping: dict) -> str:
    # The vocabularies are fixed module-level dicts of lazy strings; each str() is a gettext.
    # The entry holds the mapping itself, so its id cannot be reused while it is cached.
    found = _LABELS.get((locale, mapping_id, key))
    if found is not None and found[0] is mapping:
        return found[1]
    text = vocabulary.label(mapping, key)
    if key in mapping:  # unknown keys show as they are: not worth keeping
        if len(_LABELS) >= MAX_LABELS:
            _LABELS.clear()
        _LABELS[(locale, mapping_id, key)] = (mapping, text)
    return text


def clock_face(moment: datetime) -> str:
    """An aware datetime as "HH:MM" in its own zone, with the zone's abbreviation only when
    the clocks show that time twice (the night autumn turns them back, "02:00 CEST" then
    "02:00 CET"): without it the two runs of the hour read as the same time."""
    text = f"{moment:%H:%M}"
    if moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset():
        # fold also changes the offset of a time spring skips, but an instant turned into
        # local time (astimezone) never lands there, so only the repeated hour gets here.
        text += f" {moment.tzname()}"
    return text


def clock(value, format: str = "short") -> str:
    """A time on the 24-hour clock in both languages ("14:30", not English's "2:30 PM"), as
    the arenas' slots and agendas write it; a datetime in autumn's repeated hour carries its
    zone (clock_face)."""
    if format == "short" and isinstance(value, datetime):
        # The user's zone as a zoneinfo: Babel may hand back a pytz zone, whose datetimes
        # have no fold, and the repeated hour then reads as one.
        zone = ZoneInfo(str(flask_babel.get_timezone()))
        return clock_face((value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(zone))
    return flask_babel.format_time(value, "HH:mm" if format == "short" else format)


def tel_href(number: str | None) -> str:
    """A phone number as a tel: link wants it ("+47 916 37 862" → "+4791637862"), so a
    phone dials it with one tap; "" when it holds fewer than five digits (a number saved
    before looks_like_phone asked for eight may) and is better left as text."""
    number = (number or "").strip()
    digits = "".join(c for c in number if c.isdigit())
    if len(digits) < 5:
        return ""
    return ("+" if number.startswith("+") else "") + digits


def moment(value, format: str = "short") -> str:
    """A date and time as "28. des. 2026, 14:30" / "Dec 28, 2026, 14:30": the month in
    words (English's short form "12/28/26" reads as a different day to a Norwegian) and the
    24-hour clock."""
    if format in ("short", "medium"):
        return f"{flask_babel.format_date(value, 'medium')}, {clock(value)}"
    return flask_babel.format_datetime(value, format)


def _showing_values(translate, shown):
    """Jinja's gettext callable, with every %-variable passed through shown() first."""
    @pass_context
    def call(context, *args, **variables):
        return translate(context, *args, **{k: shown(v) for k, v in variables.items()})

    return call


def name_list(names: list[str]) -> str:
    """Names as one phrase in the page's language: "A, B og C" / "A, B, and C"."""
    return lists.format_list(names, locale=str(get_locale())) if names else ""


def filters_active(form, ignore=("sort",)) -> bool:
    """Whether a GET filter form narrows the list (a field of it has a value in the query, the
    sort order aside) or was refused: its filters are then shown open on a phone."""
    if form.errors:
        return True
    return any(value.strip() for key, value in request.args.items(multi=True)
               if key in form._fields and key not in ignore)


def init_app(app: Flask) -> None:
    """Register filters and the vocabulary for every template."""
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["markdown_inline"] = render_markdown_inline
    app.jinja_env.filters["nok"] = format_nok
    app.jinja_env.filters["nok_range"] = format_nok_range
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["timeformat"] = clock  # in place of Flask-Babel's own
    app.jinja_env.filters["datetimeformat"] = moment
    app.jinja_env.filters["tel_href"] = tel_href
    app.jinja_env.filters["address"] = shown_email
    from app.services.percents import percent_text

    app.jinja_env.filters["percent"] = percent_text
    app.jinja_env.globals["vocab"] = vocabulary
    app.jinja_env.globals["current_locale"] = lambda: str(get_locale())
    app.jinja_env.globals["filters_active"] = filters_active
    from app.services.reference import running_association_names

    app.jinja_env.globals["running_associations"] = running_association_names
    app.jinja_env.globals["name_list"] = name_list
    from app.form_base import length_hint

    app.jinja_env.globals["length_hint"] = length_hint  # the limit under a text area
    from app.services.deleted_accounts import shown

    app.jinja_env.filters["shown"] = shown  # for a value formatted into a sentence there
    app.jinja_env.finalize = shown  # before any template is compiled: it is compiled in
    # finalize sees only the finished sentence of `_("… %(name)s …", name=...)`, so the
    # values put into a translated sentence go through shown() on their way in.
    for name in ("gettext", "ngettext", "pgettext", "npgettext"):
        app.jinja_env.globals[name] = _showing_values(app.jinja_env.globals[name], shown)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
