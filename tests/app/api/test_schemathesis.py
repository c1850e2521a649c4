"""Schemathesis against /api/v1/openapi.json, in-process: for every operation and several
callers' tokens, generated requests never get a 5xx and every response conforms to the
description (status, content type, body schema)."""

from __future__ import annotations

import contextvars

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate as validate_spec
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.extensions import db
from tests.app.api.world import build

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
CALLERS = ("founder_a", "investor_a", "staff")
EXAMPLES = {GenerationMode.POSITIVE: 5, GenerationMode.NEGATIVE: 3}


def _ids(world) -> dict:
    """Real ids as path parameters for some of the cases, so they reach the handlers."""
    return {"pitch_id": st.sampled_from([world.a_pitch.id, world.a_draft.id, world.b_pitch.id]),
            "arena_id": st.sampled_from([world.arena.id, world.other_arena.id])}


def test_openapi_description_is_valid_3_1(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"] == "3.1.0"
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    validate_spec(spec)


@pytest.mark.filterwarnings("ignore")
def test_schemathesis_no_5xx_and_responses_conform(app):
    world = build()
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [op.ok() for op in schema.get_all_operations()]
    assert len(operations) >= 18
    ids = _ids(world)
    cases = 0
    failures: list[str] = []

    def run(operation, mode, headers, path, label):
        @settings(max_examples=EXAMPLES[mode], deadline=None, database=None,
                  derandomize=True, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode), fixed=path)
        def check(case, fixed):
            nonlocal cases
            if fixed:
                case.path_parameters = {**(case.path_parameters or {}), **fixed}
            response = contextvars.Context().run(case.call, headers=headers)
            db.session.expire_all()
            cases += 1
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except Exception as error:  # noqa: BLE001 - collected and reported
                failures.append(f"{label} {operation.label}: {error}"[:800])

        check()

    for operation in operations:
        names = [p.name for p in operation.path_parameters]
        for caller in CALLERS:
            for mode in EXAMPLES:
                real = {n: ids[n] for n in names if n in ids} if mode.is_positive else {}
                path = st.fixed_dictionaries(real) if real else st.just({})
                # Schemathesis reads the body as it comes (no Content-Encoding decoding), and
                # a compressed answer is not JSON to it; compression has its own tests.
                headers = {**world.tokens[caller], "Accept-Encoding": "identity"}
                run(operation, mode, headers, path, caller)
    print(f"\nschemathesis: {len(operations)} operations, {cases} generated cases, "
          f"{len(CALLERS)} callers, {len(failures)} failures")
    assert not failures, "\n".join(failures[:10])
