"""What the recommendation cards load and how their component chart is drawn, cheaply.

A recommendation page shows 20 cards of nine component bars each. Drawn by a Jinja loop
(and a gettext call per label) the chart cost more CPU than everything else on the page;
here each bar is one string format, with the labels translated and escaped once per request.
The markup is the same: a labelled definition list, each bar a progressbar with its value
as text (aria-valuetext) and the percent shown next to it.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app, g, has_app_context, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from app import templating, vocabulary
from app.services import explain, match_bars, percents, set_fit
from app.services.deleted_accounts import shown
from app.services.email_confirmation import is_confirmed
from app.services.percents import percent_sign

# Columns a card shows (plus what the page checks); the rest of the row loads on access.
# The support columns let a support partner's sentence name the support it brings, the
# ticket and facet columns tell which bars the pair has (services/match_bars.py,
# not_applicable), without a query per card.
PITCH_CARD_COLUMNS = ("id", "owner_id", "title", "summary", "stage", "ask_nok",
                      "municipality", "status", "hidden", "version", "support_needs",
                      "funding_type", "sectors")
INVESTOR_CARD_COLUMNS = ("id", "user_id", "organisation", "investor_type", "ticket_min",
                         "ticket_max", "contact_email", "contact_phone", "active", "version",
                         "support_offers", "funding_types", "sectors", "stages", "regions")
INVESTOR_NAME_COLUMNS = ("id", "user_id", "organisation", "active", "version", "investor_type",
                         "support_offers")
# the investor's pages; the thesis, to name the shared terms as the investor wrote them
OWN_PROFILE_COLUMNS = ("id", "user_id", "investor_type", "support_offers", "ticket_min",
                       "ticket_max", "funding_types", "sectors", "stages",
                       "regions", "thesis")

# One bar, cut where the card's id prefix and the value go: the labelled parts are made once
# per locale, the value parts once per process. Twenty cards of ten bars are most of a page's
# bytes, so the layout lives in koble.css (.match-chart) rather than in utility classes on
# every element; a progressbar's range is 0–100 unless it says otherwise.
_BAR_OPEN = '<div><dt id="'
_BAR_LABEL = ('-{name}">{label}</dt><dd>'
              '<div class="progress" role="progressbar" aria-labelledby="')
_BAR_VALUE = ('-{name}" aria-valuenow="')
_BAR_TAIL = ('{percent}" aria-valuetext="{percent}{sign}">'
             '<div class="progress-bar w-score-{step}"></div></div>{percent}{sign}</dd></div>')
# A set facet's bar (services/set_fit.py) says in words what is true of the pair ("Fits (1
# of the 3 stages you name)") where others write their percent, as text and as the bar's
# value text, so a screen reader hears what is shown; the bar keeps the engine's value.
_BAR_WORDS = ('{percent}" aria-valuetext="{words}">'
              '<div class="progress-bar w-score-{step}"></div></div>'
              '<span class="match-words">{words}</span></dd></div>')
_TAILS: dict[tuple[int, int, str], str] = {}


def _tail(percent: int, step: int, sign: str) -> str:
    found = _TAILS.get((percent, step, sign))
    if found is None:
        found = _TAILS[(percent, step, sign)] = _BAR_TAIL.format(percent=percent, step=step,
                                                                 sign=sign)
    return found


def _texts(locale: str | None = None) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    """The chart's opening tag and, per component, its escaped label parts; once per
    request. `locale`: the current one, when the caller has looked it up already."""
    key = locale or str(get_locale())
    cache = g.setdefault("_koble_chart_texts", {}) if has_app_context() else {}
    found = cache.get(key)
    if found is None:
        # gettext outside the f-strings: Babel's extractor does not look inside them
        why = escape(_("Why this match"))
        opening = f'<dl class="match-chart" aria-label="{why}">'
        bars = tuple((name, _BAR_LABEL.format(name=name, label=escape(label)),
                      _BAR_VALUE.format(name=name))
                     for name, label in match_bars.component_labels())
        found = cache[key] = (opening, bars)
    return found


def component_chart(components: dict | None, id_prefix: str, skip=frozenset(),
                    words: dict[str, str] | None = None, locale: str | None = None) -> Markup:
    """The components as a small bar chart, in the engine's label order; no bar for the
    components in `skip` (match_bars.not_applicable(): a neutral 0.5 drawn as a half-full bar
    would read as a half fit). `words`: what a bar says instead of its percent
    (set_fit.words). `locale`: the current one, when the caller has it (a card does)."""
    locale = locale or str(get_locale())
    opening, bars = _texts(locale)
    components = components or {}
    prefix = str(escape(id_prefix))
    sign = percent_sign(locale)
    parts = [opening]
    for name, label_part, value_part in bars:
        if name not in components or name in skip:
            continue
        value = max(0.0, min(1.0, float(components[name])))
        said = words.get(name) if words else None
        tail = (_tail(round(value * 100), round(value * 10), sign) if said is None else
                _BAR_WORDS.format(percent=round(value * 100), step=round(value * 10),
                                  words=escape(said)))
        parts += (_BAR_OPEN, prefix, label_part, prefix, value_part, tail)
    parts.append("</dl>")
    return Markup("".join(parts))  # noqa: S704 - labels and id escaped above, numbers are ints


MAX_FORMS = 512  # filter forms kept per process (template × locale × filter values)


def filter_form(form, template: str = "matches/_filters.html") -> Markup:
    """A list's filter form as HTML: the investor's recommendations' (the default) or
    another GET list's own `template` (the pitch list's, pitches/_filters.html).

    A GET form without a CSRF token: the same template, locale and filter values give the
    same HTML, so it is rendered once per process and reused (its seven fields cost more
    than the cards' charts, and a third of the pitch list's CPU). A form with errors is
    rendered each time.
    """
    if form.errors:
        return Markup(render_template(template, form=form))  # noqa: S704
    values = tuple(sorted((key, tuple(value)) for key, value in request.args.lists()
                          if key in form._fields))
    key = (template, str(get_locale()), values)
    cache = current_app.extensions.setdefault("koble_filter_forms", {})
    html = cache.get(key)
    if html is None:
        if len(cache) >= MAX_FORMS:
            cache.clear()
        html = cache[key] = Markup(render_template(template, form=form))  # noqa: S704
    return html


# -- links and buttons, per card ---------------------------------------------------------
# A card links to the pitch (or investor) and carries up to four small POST forms; building
# each URL with url_for (rule lookup, converters, quoting) cost more than the rest of the
# card. The URL of a rule is built once per page with stand-in ids and cut where they go.
_ID_A, _ID_B = 987654321, 987654322  # stand-ins: larger than any id on a page


def _cut(url: str, *stand_ins: int) -> tuple[str, ...]:
    """The escaped pieces of `url` around the stand-ins, in order (only the path holds
    them; the query, say a next= of the page's own address, is left whole)."""
    path, sep, query = url.partition("?")
    pieces = []
    for stand_in in stand_ins:
        head, found, path = path.partition(str(stand_in))
        if not found:
            raise ValueError(f"{stand_in} not in {url}")
        pieces.append(str(escape(head)))
    pieces.append(str(escape(path + sep + query)))
    return tuple(pieces)


def link_maker(endpoint: str, key: str, **values) -> Callable[[int], Markup]:
    """`lambda id: url_for(endpoint, **{key: id}, **values)`, escaped for an attribute;
    url_for runs once per request and endpoint."""
    cache = g.setdefault("_koble_links", {})
    memo = (endpoint, key, tuple(sorted(values.items())))
    found = cache.get(memo)
    if found is None:
        head, tail = _cut(url_for(endpoint, **{key: _ID_A}, **values), _ID_A)

        def found(value: int, head=head, tail=tail) -> Markup:
            return Markup(f"{head}{int(value)}{tail}")  # noqa: S704 - escaped pieces, an int
        cache[memo] = found
    return found


def _pair_maker(endpoint: str, **values) -> Callable[[int, int], str]:
    head, middle, tail = _cut(url_for(endpoint, pitch_id=_ID_A, investor_id=_ID_B, **values),
                              _ID_A, _ID_B)

    def make(pitch_id: int, investor_id: int) -> str:
        return f"{head}{int(pitch_id)}{middle}{int(investor_id)}{tail}"
    return make


# One form per card, one button per answer (each with its own formaction): the CSRF token
# once per card rather than once per button. On a list, where a card's buttons are told apart
# by the pitch or investor alone, each button's name says whose pair it answers, beginning
# with its visible word ("Interested: Solar roofs"): twenty alike "Interested" buttons told a
# screen reader's list of buttons nothing. The name is escaped once per card.
_BUTTON_OPEN = '  <button formaction="'
_BUTTON_CLASS = '" class="btn {style} btn-sm"'
_BUTTON_TEXT = '>{text}</button>\n'


def _button_parts(next_url: str) -> dict:
    """Per page (locale and next address): the texts, the CSRF token and the four URL
    makers of the interest buttons, each with its markup after the URL without and with
    an accessible name (cut where the name goes)."""
    key = (str(get_locale()), next_url)
    cache = g.setdefault("_koble_buttons", {})
    found = cache.get(key)
    if found is None:
        token = escape(generate_csrf())

        def button(kind: str, style: str, text: str, label: str) -> tuple:
            endpoint = "matches.clear" if kind == "clear" else "matches.mark"
            extra = {} if kind == "clear" else {"kind": kind}
            make = _pair_maker(endpoint, next=next_url, **extra)
            attrs = _BUTTON_CLASS.format(style=style)
            visible = _BUTTON_TEXT.format(text=escape(text))
            head, tail = str(escape(label)).split("\0")
            return (make, _BUTTON_OPEN, attrs + visible,
                    f'{attrs} aria-label="{head}', f'{tail}"{visible}')
        # gettext outside the f-strings: Babel's extractor does not look inside them
        answer, interested, saved = (escape(_("Your answer")), escape(_("You are interested")),
                                     escape(_("Saved")))
        waits = escape(_("You can show interest once your e-mail address is confirmed:"))
        notice = escape(_("see the notice at the top of the page"))
        found = cache[key] = {
            # the form has no name: a named form is a landmark, twenty alike on a page
            "open": (f'<form method="post"><input type="hidden" name="csrf_token" '
                     f'value="{token}">\n'
                     '<div class="d-flex flex-wrap gap-2 align-items-center" role="group" '
                     f'aria-label="{answer}">\n'),
            "you_are_interested": ('  <span class="badge text-bg-primary">'
                                   f'{interested}</span>\n'),
            "saved": f'  <span class="badge text-bg-secondary">{saved}</span>\n',
            "interested": button("interested", "btn-koble", _("Interested"),
                                 _("Interested: %(name)s", name="\0")),
            "save": button("saved", "btn-outline-secondary", _("Save"),
                           _("Save: %(name)s", name="\0")),
            "not_for_me": button("not_for_me", "btn-outline-danger", _("Not for me"),
                                 _("Not for me: %(name)s", name="\0")),
            "clear": button("clear", "btn-outline-secondary", _("Undo"),
                            _("Undo: %(name)s", name="\0")),
            # in place of "Interested" until the viewer's address is confirmed
            # (services/email_confirmation.py): a button that only refuses helped nobody.
            # The notice it points at holds "Send it again", once per page.
            "confirm_first": (f'  <span class="small interest-after-confirm">{waits} '
                              f'<a href="#confirm-email">{notice}</a>.</span>\n'),
        }
    return found


def pair_place(at: str, pitch_id: int, investor_id: int) -> str:
    """The id of a pair's card in the list whose place `at` is ("r-7" → "r-12-34"): it
    stays with the card wherever an answer moves it in that list (a mutual match goes to
    the end of "Interested in you"), where `at` then names whichever card took its place."""
    return f"{at.split('-', 1)[0]}-{pitch_id}-{investor_id}"


def interest_buttons(pitch_id: int, investor_id: int, mine: str | None,
                     next_url: str, at: str | None = None, name: str | None = None) -> Markup:
    """Buttons for the viewer's own answer about a pair (`mine`: the current kind or None):
    one POST form with the CSRF token, as the interest_buttons macro draws it. `at`: the id
    of the card's place in its list ("r-7": the ranked list's seventh), sent with the answer
    so the page comes back there (routes._landing) rather than at its top. `name`: on a list,
    the pitch or investor the card is about, said in each button's accessible name."""
    parts = _button_parts(next_url)
    named = None if name is None else str(escape(shown(name)))

    def form(kind: str) -> str:
        make, before, after, labelled, label_end = parts[kind]
        if named is None:
            return before + make(pitch_id, investor_id) + after
        return before + make(pitch_id, investor_id) + labelled + named + label_end

    out = [parts["open"]]
    if at:
        out.append(f'<input type="hidden" name="at" value="{escape(at)}">\n')
    if mine == "interested":
        out.append(parts["you_are_interested"])
    elif is_confirmed(current_user):
        out.append(form("interested"))
    else:
        out.append(parts["confirm_first"])
    if mine == "saved":
        out.append(parts["saved"])
    elif mine != "interested":
        out.append(form("save"))
    if mine != "not_for_me":
        out.append(form("not_for_me"))
    if mine:
        out.append(form("clear"))
    out.append("</div></form>")
    return Markup("".join(out))  # noqa: S704 - texts, token, name and URLs escaped, ids ints


def score_badge(score: float) -> Markup:
    """The match score as a badge, "57 %", with its name for screen readers."""
    cache = g.setdefault("_koble_badge", {})
    locale = str(get_locale())
    title = cache.get(locale)
    if title is None:
        title = cache[locale] = escape(_("Match score"))
    return Markup(_badge_html(percents.percent(score), title, percent_sign(locale)))  # noqa: S704


# -- the card's top: title, score, facts, sentence, chart ------------------------------
# One call per card instead of a dozen template expressions (each a filter or helper call,
# each looking up the locale); the markup is what the templates drew.
def _badge_html(percent: int, title: str, sign: str) -> str:
    return (f'<span class="badge text-bg-success fs-6" title="{title}">\n'
            f'  <span class="visually-hidden">{title}: </span>{percent}{sign}\n</span>\n')


def _top_texts(kind: str, next_url: str | None = None) -> dict:
    """Per request and locale: the escaped score title and the link maker of the card. With
    `next_url` (the list's own address), a pitch's link carries it as next=, so the pitch
    page can lead back to the list as it was (filters, page); an investor's link likewise."""
    locale = str(get_locale())
    cache = g.setdefault("_koble_card_texts", {})
    found = cache.get((kind, locale, next_url))
    if found is None:
        back = {} if next_url is None else {"next": next_url}
        href = (link_maker("pitches.view", "pitch_id", **back) if kind == "pitch"
                else link_maker("investors.view", "profile_id", **back))
        found = cache[(kind, locale, next_url)] = {
            "locale": locale, "title": str(escape(_("Match score"))), "href": href}
    return found


def _label(locale: str, key: str | None, mapping: dict) -> str:
    return str(escape(templating.label_in(locale, key, mapping)))


def _nok(locale: str, amount) -> str:
    return str(escape(templating.nok_in(locale, amount)))


# The investor's own activity is one component of every score of theirs: on their own
# pitch cards its bar showed the same value on every card and said nothing about the pitch
# (as the focus bar did, match_bars._NO_OWN_DATA). A founder's cards keep it: it tells one
# investor from another there.
_OWN_SIDE = frozenset({"activity"})


def _explained(m, locale: str, id_prefix: str, viewpoint: str, skip=frozenset()) -> str:
    """The sentence, as the card's reader (`viewpoint`) reads it, and the chart. The set
    facets' verdicts are read once for both: the sentence's reasons and the bars' words
    say the same facts (explain.said_reasons)."""
    verdicts = set_fit.verdicts(m)
    sentence = escape(explain.sentence_in(locale, m, viewpoint,
                                          explain.said_reasons(m, verdicts)))
    chart = component_chart(m.components, id_prefix, match_bars.not_applicable(m) | skip,
                            set_fit.words(verdicts, viewpoint, locale), locale)
    return (f'      <p class="mb-2">{sentence}</p>\n'
            f"      {chart}\n")


def pitch_card_top(m, next_url: str | None = None) -> Markup:
    """The top of an investor's recommendation card for the score `m` (with its pitch):
    title linked to the pitch (with next=`next_url`, the list's address, when given), score
    badge, summary, stage · amount · municipality, the explanation sentence and the
    component chart."""
    texts = _top_texts("pitch", next_url)
    locale = texts["locale"]
    p = m.pitch
    facts = _label(locale, p.stage, vocabulary.STAGES)
    if p.ask_nok:
        facts += " · " + _nok(locale, p.ask_nok)
    if p.municipality:
        facts += " · " + _label(locale, p.municipality, vocabulary.MUNICIPALITIES)
    return Markup(  # noqa: S704 - every value escaped above or an int
        '<div class="d-flex flex-wrap justify-content-between gap-2">\n'
        f'        <h2 class="h5 mb-1"><a href="{texts["href"](p.id)}">{escape(p.title)}</a></h2>\n'
        f"        {_badge_html(percents.percent(m.score), texts['title'], percent_sign(locale))}\n"
        "      </div>\n"
        f'      <p class="mb-1" dir="auto">{escape(p.summary)}</p>\n'
        f'      <p class="small text-body-secondary mb-2">{facts}</p>\n'
        + _explained(m, locale, f"m{m.id}", explain.INVESTOR, _OWN_SIDE))


def pitch_fit(m) -> Markup:
    """An investor's "why this pitch fits you" on the pitch's own page: the score badge, the
    explanation sentence and the component chart of the stored score `m` (the card's top
    without the title, summary and facts the page shows in full)."""
    texts = _top_texts("pitch")
    locale = texts["locale"]
    badge = _badge_html(percents.percent(m.score), texts["title"], percent_sign(locale))
    return Markup(  # noqa: S704 - every value escaped above or an int
        f'<p class="mb-2">{badge}</p>\n'
        + _explained(m, locale, f"f{m.id}", explain.INVESTOR, _OWN_SIDE))


def investor_card_top(m, position: int, next_url: str | None = None) -> Markup:
    """The top of a founder's recommendation card for the score `m` (with its investor):
    rank for screen readers, organisation linked to the profile (with next=`next_url`, the
    list's address, when given), score badge, type · ticket, the explanation sentence and the
    component chart."""
    texts = _top_texts("investor", next_url)
    locale = texts["locale"]
    q = m.investor
    facts = _label(locale, q.investor_type, vocabulary.INVESTOR_TYPES)
    if q.ticket_min or q.ticket_max:
        facts += " · " + str(escape(templating.nok_range_in(locale, q.ticket_min, q.ticket_max)))
    return Markup(  # noqa: S704 - every value escaped above or an int
        '<div class="d-flex flex-wrap justify-content-between gap-2">\n'
        f'        <h2 class="h5 mb-1"><span class="visually-hidden">{int(position)}. </span>'
        f'<a href="{texts["href"](q.id)}">{escape(q.organisation)}</a></h2>\n'
        f"        {_badge_html(percents.percent(m.score), texts['title'], percent_sign(locale))}\n"
        "      </div>\n"
        f'      <p class="small text-body-secondary mb-2">{facts}</p>\n'
        + _explained(m, locale, f"m{m.id}", explain.FOUNDER))
