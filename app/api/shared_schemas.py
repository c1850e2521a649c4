"""The shared parts of /api/v1's marshmallow schemas: the field types every body is read
with (trimmed text, web addresses, whole numbers, true/false, UTC timestamps), Strict (the
input schemas' base), rules (cross-field rules refused with the fields' own problems) and
paging. The resources' schemas are in pitch_schemas.py, investor_schemas.py,
user_schemas.py, arena_schemas.py and match_schemas.py; errors in error_schemas.py."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import UTC
from functools import wraps

import marshmallow as ma
from flask_babel import gettext as _
from marshmallow import ValidationError, fields, validate, validates_schema

from app import typed_text
from app.api.schema_messages import Localised
from app.services import paging
from app.web_addresses import web_address

MAX_PAGE = paging.MAX_PAGE


class Text(fields.String):
    """A string, trimmed, without control characters, as the forms read text
    (app/typed_text.py): one line (`multi_line=False`) loses every C0 control and DEL, a
    tab becoming a space; a multi-line text (a description, a thesis) turns VT, FF, NEL,
    U+2028 and U+2029 into a line break and loses the other controls but tabs and line
    breaks. A text left empty meets the field's own length rule. A NUL is refused, as a
    form refuses it."""

    def __init__(self, *args, multi_line: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.multi_line = multi_line

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text:
            raise ValidationError(_("Must not contain control characters."))
        clean = typed_text.multi_line if self.multi_line else typed_text.single_line
        return clean(text).strip()


class WebAddress(Text):
    """A web address as the pitch form reads it: a bare domain ("solkraft.no") gets
    https:// in front; anything but an http(s) address is refused."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return web_address(text) or ""  # "" (nothing typed) is stored as null
        except ValueError:
            raise ValidationError(_("Enter a web address, such as solkraft.no or "
                                    "https://solkraft.no.")) from None


class WholeNumber(fields.Integer):
    """An integer in a JSON body: a JSON number, as the description's "integer" says. The
    one rule for every whole-number body field (query parameters are text and stay read
    from it). marshmallow's Integer reads "3000000" as 3000000 and 2.5 as 2: a string is
    refused, and so is a number with a fraction, instead of cut off (2.0 is 2, as JSON
    makes no difference)."""

    def _validated(self, value):
        if isinstance(value, str) or (isinstance(value, float) and math.isfinite(value)
                                      and not value.is_integer()):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


class TrueOrFalse(fields.Boolean):
    """A boolean in a JSON body: JSON true or false, as the description's "boolean" says.
    The one rule for every boolean body field, as WholeNumber is for whole numbers (query
    parameters are text and stay read from it). marshmallow's Boolean also reads "true",
    "yes", "on", "1", 1 and 0 (and their "false" kin): each is refused."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


def one_of(mapping: dict) -> validate.OneOf:
    return validate.OneOf(list(mapping))


def tag_list(mapping: dict, **kwargs) -> fields.List:
    return fields.List(fields.String(validate=one_of(mapping)), load_default=list,
                       validate=validate.Length(max=len(mapping)), **kwargs)


class Utc(fields.DateTime):
    """An RFC 3339 timestamp in UTC (SQLite hands back naive datetimes; they are UTC)."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class Strict(Localised):
    """An input schema: an unknown field is refused, and every refusal speaks the caller's
    language (schema_messages.py)."""

    class Meta:
        unknown = ma.RAISE


Refuse = Callable[..., None]


def rules(check: Callable[[ma.Schema, dict, Refuse], None]):
    """A schema's rules across fields, refused together with the fields' own refusals: one
    422 names every problem of a body, as the forms mark every field at once. marshmallow
    skips a schema validator when a field failed and stops at its first ValidationError, so
    a body with three problems took three round trips. `check(self, data, refuse)` calls
    `refuse(message, field, *also)` for each broken rule, the message under `field`; a rule
    is left out when `field` or a field in `also` was sent but refused (not in `data`,
    named in `refuse.failed`): its own refusal says what is wrong, and the rule would judge
    a value the body did not hold."""

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    @wraps(check)
    def validator(self, data, original_data, **_kwargs):
        failed = set(original_data) - set(data) if isinstance(original_data, Mapping) else set()
        errors: dict[str, list[str]] = {}

        def refuse(message: str, field: str, *also: str) -> None:
            if not failed & {field, *also}:
                errors.setdefault(field, []).append(message)

        refuse.failed = failed  # type: ignore[attr-defined]

        check(self, data, refuse)
        if errors:
            raise ValidationError(errors)

    return validator


def each_once(data: dict, keys, refuse: Refuse) -> None:
    """Refuse each list field among `keys` that names an option twice."""
    for key in keys:
        values = data.get(key) or []
        if len(set(values)) != len(values):
            refuse(_("Each option can be chosen once."), key)


class PageArgs(Strict):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class PageMeta(ma.Schema):
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    total = fields.Integer(required=True)
    pages = fields.Integer(required=True)
