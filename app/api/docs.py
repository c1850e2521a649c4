"""A readable page for the OpenAPI description, rendered on the server (no scripts, no CDN).

/api/v1/openapi.json is one English document, for clients and code generators. The page
shows the same texts in the reader's language: each summary and description is looked up
in the catalogue by its English text (`text`), and app/api/doc_texts.py hands `make
messages` every text this page shows, walked by the same `page_context`.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from flask import Blueprint, current_app, render_template, request
from flask_babel import gettext as _
from flask_babel import pgettext

from app.api.examples import EXAMPLES, curl

bp = Blueprint("api_docs", __name__, url_prefix="/api/v1")

METHODS = ("get", "post", "put", "patch", "delete")

Text = Callable[[str], str]


def plain(text: str) -> str:
    """The text as one line: a docstring rewrapped keeps its msgid (and its translation)."""
    return " ".join(text.split())


def text(english: str | None) -> str:
    """A summary or description of the spec in the reader's language."""
    return _(plain(english)) if english else ""  # gettext("") is the catalogue's header


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _type_of(schema: dict | None) -> str:
    """A short human type for a schema in the reader's language: "Pitch", "array of
    string", "integer | null" (bokmål "liste av tekst", "heltall | null")."""
    if not schema:
        return ""
    if "$ref" in schema:
        return _ref_name(schema["$ref"])
    if "allOf" in schema:
        return " & ".join(_type_of(s) for s in schema["allOf"])
    if "anyOf" in schema:  # a nullable nested schema: "MovedFromOut | null", not "object"
        return " | ".join(_type_of(s) for s in schema["anyOf"])
    kinds = schema.get("type", "object")
    kind = " | ".join(_type_word(k, schema) for k in
                      (kinds if isinstance(kinds, list) else [kinds]))
    if "enum" in schema:
        kind += " (" + ", ".join(str(v) for v in schema["enum"] if v is not None) + ")"
    return kind


def _type_word(kind: str, schema: dict) -> str:
    """One JSON Schema type in the reader's language ("array of string" / "liste av tekst"):
    the page is read by people, and a bokmål reader met English words in every row of it.
    openapi.json keeps JSON Schema's own words for code; schema names and enum values are
    the API's own and stay as they are."""
    if kind == "array":
        if "items" in schema:
            return _("array of %(items)s", items=_type_of(schema["items"]))
        return pgettext("JSON type", "array")
    words = {"string": pgettext("JSON type", "string"),
             "integer": pgettext("JSON type", "integer"),
             "number": pgettext("JSON type", "number"),
             "boolean": pgettext("JSON type", "boolean"),
             "object": pgettext("JSON type", "object"),
             "null": pgettext("JSON type", "null")}
    return words.get(kind, kind)


def _location_word(where: str | None) -> str:
    """Where a parameter goes, the "in" column, in the reader's language ("query" /
    "spørrestreng"), as the type column (_type_word): openapi.json keeps OpenAPI's words."""
    words = {"query": pgettext("parameter location", "query"),
             "path": pgettext("parameter location", "path"),
             "header": pgettext("parameter location", "header"),
             "cookie": pgettext("parameter location", "cookie")}
    return words.get(where, where or "")


def _constraints(schema: dict) -> str:
    """The rules column in the reader's language, as the type column (_type_word)."""
    parts = []
    for key, label in (("minimum", "≥"), ("maximum", "≤"), ("minLength", _("min length")),
                       ("maxLength", _("max length")), ("maxItems", _("max items"))):
        if key in schema:
            parts.append(f"{label} {schema[key]}")
    if "default" in schema:
        parts.append(_("default %(value)s", value=json.dumps(schema["default"])))
    return ", ".join(parts)


def operations(spec: dict, text: Text = text) -> list[dict]:
    """Every operation, grouped in path order, ready for the template."""
    out = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            body = (op.get("requestBody", {}).get("content", {})
                    .get("application/json", {}).get("schema"))
            responses = []
            for status, response in op.get("responses", {}).items():
                if "$ref" in response:
                    name = _ref_name(response["$ref"])
                    response = spec["components"]["responses"].get(name, {})
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                responses.append({"status": status,
                                  "description": text(response.get("description", "")),
                                  "type": _type_of(schema)})
            params = []
            for param in op.get("parameters", []) + item.get("parameters", []):
                if "$ref" in param:
                    param = spec["components"]["parameters"].get(_ref_name(param["$ref"]), {})
                schema = param.get("schema", {})
                params.append({"name": param.get("name"), "in": _location_word(param.get("in")),
                               "required": param.get("required", False),
                               "type": _type_of(schema), "constraints": _constraints(schema),
                               "description": text(param.get("description", ""))})
            out.append({"method": method.upper(), "path": path, "id": op.get("operationId")
                        or f"{method}-{path}", "summary": text(op.get("summary", "")),
                        "description": text(op.get("description", "")), "tags": op.get("tags", []),
                        "params": params, "body": _type_of(body), "responses": responses,
                        "public": op.get("security") == [],
                        "example": _example(method.upper(), path)})
    return out


def _example(method: str, path: str) -> dict | None:
    example = EXAMPLES.get((method, path))
    if example is None:
        return None
    # str(): the note is lazy, translated now, in the reader's language
    return {"role": example.role, "note": str(example.note),
            "curl": curl(method, path, example, request.url_root)}


def schemas(spec: dict, text: Text = text) -> list[dict]:
    """Every schema with its fields, by name."""
    out = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        props = [{"name": prop, "type": _type_of(sub), "required": prop in required,
                  "constraints": _constraints(sub),
                  "description": text(sub.get("description", ""))}
                 for prop, sub in schema.get("properties", {}).items()]
        out.append({"name": name, "properties": props})
    return out


def page_context(spec: dict, text: Text = text) -> dict:
    """What the template shows, every English text of the spec passed through `text`."""
    schemes = spec.get("components", {}).get("securitySchemes", {})
    return {"spec": spec, "intro": text(spec.get("info", {}).get("description", "")),
            "operations": operations(spec, text), "schemas": schemas(spec, text),
            "schemes": {name: dict(scheme, description=text(scheme.get("description", "")))
                        for name, scheme in schemes.items()}}


@bp.route("/docs")
def page():
    """The API reference, generated from the same spec as /api/v1/openapi.json."""
    spec = current_app.extensions["koble_api"].spec.to_dict()
    return render_template("api/docs.html", **page_context(spec))
