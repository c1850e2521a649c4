"""The optional ``Idempotency-Key`` header of the API's creating POSTs: a request sent again
with the same key gets the first answer, and nothing is made twice (the rules live in
app/services/idempotent_requests.py)."""

from __future__ import annotations

from functools import wraps

from flask import current_app, g, request

from app.api.auth import caller
from app.api.error_schemas import ErrorOut
from app.api.refusals import ApiError
from app.services import idempotent_requests
from app.services.errors import DomainError

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
PARAMETER = {
    "in": "header", "name": HEADER, "required": False,
    "description": (
        "Optional. A key you choose for this request (a UUID is a good one). Send the same "
        "request again with the same key within 24 hours, after a timeout or a lost answer, "
        "and you get the first answer back (same status and body, with the header "
        f"`{REPLAYED}: true`) while nothing is made a second time. Keys are per user. The same "
        "key with another body is refused (422); while the first request is still being "
        "handled, a copy gets 409. A request that was refused made nothing and does not use "
        "up its key. If the pitch it made has been deleted since, its answer went with it: "
        "the key is new again, and the request makes a new pitch."),
    "schema": {"type": "string", "minLength": 1,
               "maxLength": idempotent_requests.MAX_LENGTH, "pattern": "^[!-~]+$"},
}


_PITCH = "idempotent_pitch_id"


def answer_holds_pitch(pitch_id: int) -> None:
    """Name the pitch the answer being made holds: deleting the pitch for good deletes the
    stored answer, which has it as it was sent, with it."""
    setattr(g, _PITCH, pitch_id)


def idempotent(bp):
    """Decorate a creating POST view (under its role check, over its arguments and
    response) so it honours the Idempotency-Key header, and document that."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            key = request.headers.get(HEADER)
            if key is None:
                return view(*args, **kwargs)
            user = caller()
            try:
                key = idempotent_requests.check_key(key)
            except DomainError as error:
                raise ApiError(422, error.message, {HEADER: [error.message]}) from None
            found = idempotent_requests.fingerprint(request.method, request.path,
                                                    request.get_data(cache=True))
            earlier = idempotent_requests.begin(user, key, found)
            if earlier is not None:
                return _replay(earlier)
            try:
                response = current_app.make_response(view(*args, **kwargs))
            except BaseException:
                idempotent_requests.release(user, key)
                raise
            if 200 <= response.status_code < 300:
                idempotent_requests.finish(user, key, response.status_code,
                                           response.get_data(as_text=True),
                                           response.headers.get("Location"),
                                           pitch_id=g.pop(_PITCH, None))
            else:
                idempotent_requests.release(user, key)
            return response

        wrapped = bp.doc(parameters=[PARAMETER])(wrapped)
        wrapped = bp.alt_response(409, schema=ErrorOut, description=(
            "A request with the same Idempotency-Key is still being handled."))(wrapped)
        return wrapped

    return decorator


def _replay(answer: idempotent_requests.Answer):
    response = current_app.response_class(answer.body, status=answer.status,
                                          mimetype="application/json")
    if answer.location:
        response.headers["Location"] = answer.location
    response.headers[REPLAYED] = "true"
    return response
