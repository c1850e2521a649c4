"""Reading a JSON request body: what is not JSON, not sent as JSON, cut off, or names a
field twice is refused in words rather than read as something else."""

from __future__ import annotations

import codecs
import json
from collections import Counter

from flask_babel import gettext as _
from webargs.core import parse_json
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.exceptions import RequestEntityTooLarge

from app.api.refusals import ApiError


def _refuse_cut_off(req) -> None:
    """413 for a body sent without Content-Length (chunked) that reaches
    MAX_CONTENT_LENGTH. Werkzeug refuses a declared length over it before reading, but
    reads a chunked body only up to it and hands back the first 5 MB as if that were all:
    the JSON was cut off mid-way and refused as "not valid JSON" (400)."""
    limit = req.max_content_length
    if (req.content_length is None and limit is not None
            and len(req.get_data(cache=True)) >= limit):
        raise RequestEntityTooLarge()


def _names_once(pairs: list) -> dict:
    """json.loads' object hook: an object, unless a name is given twice in it."""
    counts = Counter(name for name, _value in pairs)
    repeated = sorted(name for name, n in counts.items() if n > 1)
    if repeated:
        raise ApiError(422, _("Invalid input."),
                       {name: [_("Send it once: it takes one value.")] for name in repeated})
    return dict(pairs)


def _refuse_repeated_names(body: bytes) -> None:
    """422 for a body that gives a field twice in one object ({"title": "a", "title": "b"}):
    json.loads keeps the last and drops the first unsaid, as a repeated query parameter's
    were; I-JSON (RFC 7493) refuses it. Read after the body parsed, so it is valid JSON."""
    json.loads(body, object_pairs_hook=_names_once)


class JsonParser(FlaskParser):
    """webargs' parser, with the body refusals said in words: a body that is not sent as
    JSON is 415 (webargs read it as no body at all, so a form-encoded body got "Missing data"
    for every field), and broken JSON is 400 saying so (webargs' abort left Werkzeug's "The
    browser (or proxy) sent a request that this server could not understand"). A body nested
    deeper than Python's recursion limit (a few KB of "[[[[…") is broken JSON too: json.loads
    raises RecursionError for it, not JSONDecodeError, and that was a 500. So is a string
    with half a surrogate pair ("\\ud800" alone): JSON's grammar lets it through, but it is
    no text (I-JSON, RFC 7493, refuses it), and saving or answering it failed to encode, a
    500 too."""

    def _raw_load_json(self, req):
        if not is_json_request(req):
            raise ApiError(415, _("Send the body as JSON, with the header Content-Type: "
                                  "application/json."))
        _refuse_cut_off(req)
        body = req.get_data(cache=True)
        try:
            # A UTF-8 byte order mark (Notepad's and PowerShell 5's "UTF8" files begin with
            # one) is not part of the text: RFC 8259 lets a parser ignore it, json.loads on
            # bytes does, webargs' decoding kept it and called the body not JSON.
            data = parse_json(body.removeprefix(codecs.BOM_UTF8))
            json.dumps(data, ensure_ascii=False).encode()
        except (RecursionError, UnicodeEncodeError) as error:
            self._handle_invalid_json_error(error, req)
        _refuse_repeated_names(body.removeprefix(codecs.BOM_UTF8))
        return data

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        raise ApiError(400, _("The body is not valid JSON."))
