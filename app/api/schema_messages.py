"""marshmallow's own messages ("Not a valid integer.", "Missing data for required field.",
"Unknown field.", "Must be one of: …") in the caller's language, as the API's other
refusals are. Every input schema derives from `Localised` (through shared_schemas.Strict).

marshmallow keeps its messages as English class attributes and fills them in with
`str.format` when it refuses a value (`Field.make_error`, each validator's `_format_error`),
and only when the message is a `str`: a lazy_gettext string would reach the caller with its
braces unfilled ("Må være én av: {choices}."). So `Localised` hands each of its fields and
their validators the same English as a `CatalogueText`, a `str` that looks itself up in
the catalogue when it is filled in, at the moment of the refusal, in the request's language
(the token user's, app/i18n.py). The messages stored without filling in (the schema's
"Unknown field.") are looked up by `handle_error`, marshmallow's hook before it raises.
English callers read marshmallow's words unchanged.
"""

from __future__ import annotations

import copy

import marshmallow as ma
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

# marshmallow's English, as its fields and validators word it, for `make messages`: a message
# missing here reaches a bokmål caller in English (tests/app/api/test_schema_messages.py
# lists those the API's schemas can give).
TEXTS = (
    _l("Missing data for required field."),
    _l("Field may not be null."),
    _l("Invalid value."),
    _l("Unknown field."),
    _l("Invalid input type."),
    _l("Invalid type."),
    _l("Not a valid string."),
    _l("Not a valid utf-8 string."),
    _l("Not a valid integer."),
    _l("Not a valid number."),
    _l("Number too large."),
    _l("Not a valid boolean."),
    _l("Not a valid list."),
    _l("Not a valid mapping type."),
    _l("Not a valid datetime."),
    _l("Not a valid email address."),
    _l("Must be one of: {choices}."),
    _l("Length must be between {min} and {max}."),
    _l("Shorter than minimum length {min}."),
    _l("Longer than maximum length {max}."),
    _l("Length must be {equal}."),
    _l("Must be greater than or equal to {min} and less than or equal to {max}."),
    _l("Must be greater than or equal to {min}."),
    _l("Must be less than or equal to {max}."),
)
# The attributes a validator keeps its messages in (`error` is a message given to it).
_VALIDATOR_MESSAGES = ("error", "message_min", "message_max", "message_all", "message_equal")


class CatalogueText(str):
    """An English message that is said in the request's language when marshmallow fills it
    in. As a `str` it stays marshmallow's own words (its repr, the English answer)."""

    __slots__ = ()

    def format(self, *args, **kwargs) -> str:
        return gettext(str(self)).format(*args, **kwargs)

    def said(self) -> str:
        """The message in the request's language, for one stored without filling in."""
        return gettext(str(self))


def _catalogued(message, obj_type: str | None = None):
    if not isinstance(message, str) or isinstance(message, CatalogueText):
        return message
    if obj_type:  # "Not a valid {obj_type}.": one message per type, as a sentence of its own
        message = message.replace("{obj_type}", obj_type)
    return CatalogueText(message)


def _localised_validator(validator):
    names = [n for n in _VALIDATOR_MESSAGES if isinstance(getattr(validator, n, None), str)]
    if not names:
        return validator
    validator = copy.copy(validator)  # a field's validators may be shared with its class
    for name in names:
        setattr(validator, name, _catalogued(getattr(validator, name)))
    return validator


def localise_field(field: ma.fields.Field) -> None:
    """Give the bound field, its validators and its inner fields (a list's items, a mapping's
    keys and values) messages that speak the request's language."""
    obj_type = getattr(field, "OBJ_TYPE", None)
    field.error_messages = {key: _catalogued(message, obj_type)
                            for key, message in field.error_messages.items()}
    field.validators = [_localised_validator(v) for v in field.validators]
    inner = [getattr(field, "inner", None), getattr(field, "key_field", None),
             getattr(field, "value_field", None), *getattr(field, "tuple_fields", ())]
    for each in inner:
        if isinstance(each, ma.fields.Field):
            localise_field(each)


def _said(messages):
    """The refusal's messages with every one still in English looked up."""
    if isinstance(messages, CatalogueText):
        return messages.said()
    if isinstance(messages, dict):
        return {key: _said(value) for key, value in messages.items()}
    if isinstance(messages, list):
        return [_said(value) for value in messages]
    return messages


class Localised(ma.Schema):
    """A schema whose refusals speak the request's language (see the module's docstring)."""

    error_messages = {"unknown": CatalogueText("Unknown field."),
                      "type": CatalogueText("Invalid input type.")}

    def on_bind_field(self, field_name: str, field_obj: ma.fields.Field) -> None:
        super().on_bind_field(field_name, field_obj)
        localise_field(field_obj)

    def handle_error(self, error: ma.ValidationError, data, *, many: bool, **kwargs):
        super().handle_error(error, data, many=many, **kwargs)
        error.messages = _said(error.messages)
