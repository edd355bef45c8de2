"""Property-based fuzzing of the HTTP API from its own OpenAPI schema (schemathesis): no input gives a 5xx.

A fast slice runs in ``make test``; ``make fuzz`` runs many more examples per operation
(``SITREP_API_FUZZ_EXAMPLES``). Requests go to the app in-process: nothing leaves the machine.
"""

from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, given, settings

from sitrep.store import Store
from sitrep.web import create_app

EXAMPLES = int(os.environ.get("SITREP_API_FUZZ_EXAMPLES", "15"))


SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def test_no_request_gets_a_server_error(corpus: Store) -> None:
    """Every operation of the schema, with generated parameters and bodies."""
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(corpus))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @SETTINGS
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:300])
            if response.status_code >= 400:
                assert response.headers["content-type"][0].startswith("application/problem+json"), response.headers

        check()
