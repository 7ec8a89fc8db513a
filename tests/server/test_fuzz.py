"""Fuzzing over real HTTP: Schemathesis generates requests for every operation of the server's
OpenAPI description; none may get a server error or an answer that breaks its own schema."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from rekg_server.app import create_app
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kg.settings import Settings
from tests.conftest import LiveServer

# the description is the app's own (building it needs no store); requests go to a live server
SCHEMA = schemathesis.openapi.from_dict(create_app(Settings(store_dir=Path("unused"))).openapi())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=[f"{op.method.upper()} {op.path}" for op in OPERATIONS])
def test_no_server_error_and_answers_match_the_schema(server: LiveServer, operation: schemathesis.APIOperation) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: schemathesis.Case) -> None:
        # every default check (no server error, documented status codes and media types,
        # response schemas) but one: the protocol's "either a query or a body", "?graph= or
        # ?default" are rules the description states in prose, so an empty request that the
        # schema allows is rightly refused with 400/415
        case.call_and_validate(base_url=server.url, excluded_checks=[positive_data_acceptance])

    run()
