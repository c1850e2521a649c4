"""Text stored with what a form, the API or an import may let through (invisible C0 control
characters, a right-to-left override, a formula's first character, markup) is downloaded
without a 5xx: every export file (CSV, Excel, calendar) of a route, for the principals who
own what it lists. A pitch title holding U+0001 made every .xlsx download that listed it
answer 500 (openpyxl refuses the character): the hostile-input tests send such text in
requests, where it is refused or saved, and never read it back in a file."""

from __future__ import annotations

from sqlalchemy import update

from app.extensions import db
from app.models import ApiToken, Arena, InvestorProfile, Pitch, User
from tests.app.security.access_matrix import FIXED_ARGS
from tests.app.security.counts import count
from tests.app.security.principals import get_rules, url_for_rule

READERS = ("founder_a", "investor_a", "staff", "admin")  # whose downloads list something
HOSTILE = " \x01\x0b\x1b\x1f\u202e=1+2 <b>x</b>"
FREE_TEXT = {
    User: ("name", "phone"),
    Pitch: ("title", "summary", "description", "hidden_reason"),
    InvestorProfile: ("organisation", "thesis", "contact_phone"),
    Arena: ("title", "description", "venue"),
    ApiToken: ("name",),
}


def _is_download(rule) -> bool:
    return ("export" in rule.endpoint or rule.rule.endswith((".ics", ".csv"))
            or "fmt" in rule.arguments)


def test_downloads_of_hostile_stored_text_never_answer_5xx(principals):
    world = principals
    for model, columns in FREE_TEXT.items():
        for column in columns:
            attribute = getattr(model, column)
            db.session.execute(update(model).where(attribute.is_not(None)).values(
                {column: db.func.coalesce(attribute, "") + HOSTILE}))
    db.session.commit()
    failures = []
    for rule in get_rules(world.app, "GET"):
        if rule.rule.startswith("/api/") or not _is_download(rule):
            continue
        for name in READERS:
            ids = world.ids(name, "own", rule, fixed=FIXED_ARGS.get(rule.endpoint))
            if ids is None:
                continue
            fmts = ["csv", "xlsx"] if "fmt" in rule.arguments else [None]
            for fmt in fmts:
                values = dict(ids, **({"fmt": fmt} if fmt else {}))
                url = url_for_rule(rule, values)
                response = world[name].client.get(url)
                count("downloads of hostile stored text")
                if response.status_code >= 500:
                    failures.append(f"{name} GET {url} → {response.status_code}")
    assert not failures, "\n".join(failures)
