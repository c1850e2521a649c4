"""The first step of the bulk import of members (founders' companies and investors) from
CSV or .xlsx: after `member_files.read_upload`, `plan` shows, row by row, what would be
created, updated or rejected and why, writing nothing. member_import_apply re-plans the
same rows and writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app import vocabulary
from app.extensions import db
from app.models import InvestorProfile, Pitch, User
from app.services.accounts import normalise_email
from app.services.investors import MAX_PAST_INVESTMENTS
from app.services.member_files import COLUMN_LABELS, fold
from app.services.value_synonyms import SYNONYMS
from app.typed_numbers import read_number

ROLES = {"founder": "founder", "gründer": "founder", "grunder": "founder",
         "investor": "investor", "investorer": "investor"}
# The columns whose cells name values of a fixed list; "sectors" and "stages" may name several.
VALUE_COLUMNS = {"investor_type": vocabulary.INVESTOR_TYPES, "sectors": vocabulary.SECTORS,
                 "stages": vocabulary.STAGES, "stage": vocabulary.STAGES}
# An existing account's role, said in a whole sentence so each language words it its own way.
ALREADY_REGISTERED = {
    "founder": _l("Already registered as founder."),
    "investor": _l("Already registered as investor."),
    "staff": _l("Already registered as staff."),
    "admin": _l("Already registered as an administrator."),
}
# Staff update only their own association's members: another association's member (or
# someone in none) keeps their name, phone and profile as they and their association wrote them.
NOT_YOUR_MEMBER = _l("Already has a Koble account outside your association, so the import "
                     "leaves it alone.")


@dataclass
class RowPlan:
    """What one data row would do."""

    line: int
    values: dict
    action: str = "create"  # create | update | reject
    reasons: list[str] = field(default_factory=list)

    @property
    def email(self) -> str:
        return self.values.get("email", "")


def _names(mapping: dict, synonyms: dict[str, tuple[str, ...]] | None = None
           ) -> dict[str, str]:
    """Each value of a fixed list by its key, by its label in every language of the site
    ("energy", "Energy", "Energi") and by the words `synonyms` gives it ("Fornybar energi",
    value_synonyms.py), folded, to its key. A sheet is filled in by people who read the
    lists on the pages, in bokmål or English, or who write as their office speaks, whoever
    imports it. A key or label comes before a word."""
    names = {}
    for locale in current_app.config["LANGUAGES"]:
        with force_locale(locale):
            for key, label in mapping.items():
                names.setdefault(fold(label), key)
    names.update({fold(key): key for key in mapping})
    for key, words in (synonyms or {}).items():
        for word in words:
            names.setdefault(fold(word), key)
    return names


def _split(raw: str) -> list[str]:
    """The values of a cell that may name several, separated by commas or semicolons."""
    return [part.strip() for part in raw.replace(",", ";").split(";") if part.strip()]


class _Values:
    """Reads the cells of the fixed-list columns of one plan: the lists' names once, and the
    columns' names as the file writes them."""

    def __init__(self, headers: dict[str, str] | None):
        self.headers = headers or {}
        self.names = {column: _names(mapping, SYNONYMS.get(column))
                      for column, mapping in VALUE_COLUMNS.items()}
        self.municipalities = _names(vocabulary.MUNICIPALITIES)

    def column(self, key: str) -> str:
        return self.headers.get(key) or str(COLUMN_LABELS[key])

    def read(self, row: RowPlan, column: str, raw: str) -> list[str]:
        """The keys a cell names; a value the list does not have is a reason to reject."""
        names = self.names[column]
        items = _split(raw) if column in ("sectors", "stages") else [raw.strip()]
        bad = [item for item in items if fold(item) not in names]
        if bad:
            # each value in the language's quotes (outside ngettext's call, which the
            # message extraction does not look into)
            quoted = ", ".join(_("“%(value)s”", value=item) for item in bad)
            valid = ", ".join(str(label) for label in VALUE_COLUMNS[column].values())
            row.reasons.append(ngettext(
                "Unknown value in the column “%(column)s”: %(values)s. Valid values: "
                "%(valid)s.",
                "Unknown values in the column “%(column)s”: %(values)s. Valid values: "
                "%(valid)s.", len(bad), column=self.column(column), values=quoted,
                valid=valid))
        return [names[fold(item)] for item in items if fold(item) in names]


# A file's numbers are written as its spreadsheet's locale writes them, not as the person
# importing it reads the site: a Norwegian one exports "12,0", "1 200" and "1 200,5" (grouped
# with a no-break space), a program or an .xlsx number cell "12.0". So they are read one way
# whoever imports the file, staff in English, staff in bokmål or the command line (which
# speaks English), and the preview and the confirmation always agree: bokmål's format, with a
# point taken as the decimal sign too (app/typed_numbers.py, the forms' reader). Read with
# English's format, "12,0" would be 120.
FILE_NUMBER_LOCALE = "nb"
# "1,000" and "1.000": 1 in bokmål and with a decimal point, 1000 in English and in a
# Norwegian typed with points between thousands. Refused rather than guessed.
_TWO_WAYS = re.compile(r"[+-]?\d{1,3}[.,]\d{3}")


def _number(raw: str) -> Decimal | None:
    """A finite number from a cell ("12", "12,0", "12.0", "1 200", "1 200,5"); else None."""
    return read_number(raw.replace(".", ","), FILE_NUMBER_LOCALE)


def _count(raw: str) -> int | None:
    """A whole number from a cell ("12", "12,0" or "12.0", "1 000"); else None."""
    number = _number(raw)
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


def _check_past_investments(row: RowPlan) -> None:
    """An investor's track record: blank keeps what the profile says."""
    raw = row.values.get("past_investments", "")
    if not raw:
        row.values["past_investments"] = None
        return
    if _TWO_WAYS.fullmatch(raw.strip()):
        row.reasons.append(_("Past investments: “%(value)s” can be read two ways; write the "
                             "number without a thousands separator, e.g. 1000.", value=raw))
        row.values["past_investments"] = None
        return
    count = _count(raw)
    if count is None or not 0 <= count <= MAX_PAST_INVESTMENTS:
        row.reasons.append(_("Past investments must be a whole number from 0 to %(max)d.",
                             max=MAX_PAST_INVESTMENTS))
    row.values["past_investments"] = count


def _check_row(row: RowPlan, values: _Values) -> None:
    v = row.values
    # An empty cell is said as missing, not as a bad or unknown value: "Bad e-mail address:
    # “”." read as if something odd had been typed where nothing was.
    if not v.get("email", "").strip():
        row.reasons.append(_("An e-mail address is required."))
    else:
        try:
            v["email"] = normalise_email(validate_email(
                v.get("email", ""), check_deliverability=False).normalized)
        except EmailNotValidError:
            row.reasons.append(_("Bad e-mail address: “%(value)s”.", value=v.get("email", "")))
    if not v.get("name") or len(v["name"]) > 120:
        row.reasons.append(_("A name of 1 to 120 characters is required."))
    role = ROLES.get(v.get("role", "").strip().lower())
    if role is None and not v.get("role", "").strip():
        row.reasons.append(_("A role is required: founder or investor."))
    elif role is None:
        row.reasons.append(_("Unknown role “%(value)s” (founder or investor).",
                             value=v.get("role", "")))
    v["role"] = role
    if v.get("municipality"):
        key = values.municipalities.get(fold(v["municipality"]))
        if key is None:
            row.reasons.append(_("Unknown municipality “%(value)s”.", value=v["municipality"]))
        v["municipality"] = key
    else:
        v["municipality"] = None
    if len(v.get("phone", "")) > 40 or len(v.get("organisation", "")) > 120:
        row.reasons.append(_("Phone (40) or organisation (120) is too long."))
    if role == "investor":
        if not v.get("organisation"):
            row.reasons.append(_("Investors need an organisation."))
        # Blank: "angel" for a new profile, but an existing one keeps its type
        # (member_import_apply._investor_profile); a member list from elsewhere rarely has
        # the column, and its re-import turned every fund and family office into an angel
        # investor.
        kind = (values.read(row, "investor_type", v["investor_type"])
                if v.get("investor_type") else None)
        v["investor_type"] = kind[0] if kind else None
        _check_past_investments(row)
    for column in ("sectors", "stages"):
        v[column] = values.read(row, column, v.get(column, ""))
    stage = values.read(row, "stage", v.get("stage") or "idea")
    v["stage"] = stage[0] if stage else None


def plan(rows: list[dict], headers: dict[str, str] | None = None,
         only_members_of: str | None = None, lines: list[int] | None = None
         ) -> list[RowPlan]:
    """Row by row: create, update or reject (with the reasons). Writes nothing. `headers`:
    the columns' names as the file writes them (Table.headers), for the messages.
    `only_members_of`: an association's slug whose members alone may be updated (a staff
    member's import; "" for none); None (an admin, the CLI) updates anyone. `lines`: each
    row's line number in the file (Table.lines); without them, the lines under a first row
    of column names."""
    if not lines or len(lines) != len(rows):
        lines = list(range(2, len(rows) + 2))
    plans = [RowPlan(line=n, values=dict(values)) for n, values in zip(lines, rows, strict=True)]
    values = _Values(headers)
    seen: dict[str, int] = {}
    for row in plans:
        _check_row(row, values)
        email = row.values.get("email", "").lower()
        if email and email in seen:
            row.reasons.append(_("Duplicate of line %(line)d in the file.", line=seen[email]))
        elif email:
            seen[email] = row.line
    emails = [r.email for r in plans if r.email]
    existing = {}
    for start in range(0, len(emails), 500):
        chunk = emails[start:start + 500]
        existing.update({u.email: u for u in db.session.scalars(
            select(User).where(func.lower(User.email).in_(chunk)))})
    for row in plans:
        user = existing.get(row.email)
        if user is not None and not row.reasons:
            if user.role != row.values["role"]:
                row.reasons.append(str(ALREADY_REGISTERED[user.role]))
            elif only_members_of is not None and (
                    user.association is None or user.association.slug != only_members_of):
                row.reasons.append(str(NOT_YOUR_MEMBER))
            else:
                row.action = "update"
        if row.reasons:
            row.action = "reject"
    _say_what_changes([(row, existing[row.email]) for row in plans if row.action == "update"])
    return plans


def _say_what_changes(updates: list[tuple[RowPlan, User]]) -> None:
    """An update row's reason: the columns whose saved values it changes, or that it changes
    nothing. "Update" alone left staff to guess whether a member's name, phone or profile
    would be overwritten."""
    ids = [user.id for _row, user in updates]
    profiles, with_pitch = {}, set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        profiles.update({p.user_id: p for p in db.session.scalars(
            select(InvestorProfile).where(InvestorProfile.user_id.in_(chunk)))})
        with_pitch.update(db.session.scalars(
            select(Pitch.owner_id).where(Pitch.owner_id.in_(chunk)).distinct()))
    for row, user in updates:
        changed = _changed_columns(row.values, user, profiles.get(user.id),
                                   user.id in with_pitch)
        row.reasons.append(
            _("Changes: %(columns)s.", columns=", ".join(str(COLUMN_LABELS[c]) for c in changed))
            if changed else _("Nothing changes: Koble already holds these values."))


def _changed_columns(v: dict, user: User, profile: InvestorProfile | None,
                     has_pitch: bool) -> list[str]:
    """The columns whose values `member_import_apply.apply` would write over different saved
    ones, in the order of COLUMN_LABELS."""
    changed = set()
    if v["name"] != user.name:
        changed.add("name")
    if v.get("municipality") and v["municipality"] != user.municipality:
        changed.add("municipality")
    if v.get("phone") and v["phone"] != user.phone:
        changed.add("phone")
    if v["role"] == "investor":
        if profile is None:  # a profile is made from the row
            changed.update(c for c in ("organisation", "investor_type", "sectors", "stages",
                                       "past_investments") if v.get(c) not in (None, "", []))
            changed.add("organisation")
        else:
            if v["organisation"] != profile.organisation:
                changed.add("organisation")
            if v.get("investor_type") and v["investor_type"] != profile.investor_type:
                changed.add("investor_type")
            for column in ("sectors", "stages"):
                if v.get(column) and set(v[column]) != set(getattr(profile, column) or ()):
                    changed.add(column)
            if v.get("phone") and v["phone"] != profile.contact_phone:
                changed.add("phone")
            if (v.get("past_investments") is not None
                    and v["past_investments"] != profile.past_investments):
                changed.add("past_investments")
    elif v.get("organisation") and not has_pitch:
        changed.add("organisation")  # a draft pitch (member_import_apply._founder_company)
    return [column for column in COLUMN_LABELS if column in changed]


def counts(plans: list[RowPlan]) -> dict[str, int]:
    out = {"create": 0, "update": 0, "reject": 0}
    for row in plans:
        out[row.action] += 1
    return out
