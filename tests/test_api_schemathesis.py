"""Schemathesis against the API's own OpenAPI schema, in process (the WSGI application, no network): whatever
the generated parameters, no operation answers with a server error."""
import os

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from archive.wsgi import application
from resolutions.api.throttling import AnonymousClientThrottle
from schemathesis.checks import not_a_server_error
from tests.seeded_archive import seeded  # noqa: F401  (fixture)


# The schema is read from the application itself (generating it needs no database).
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
# Schemathesis' coverage phase (boundary values: year=0, ids that are not numbers) found two server errors here;
# with the fuzzing phase it takes about a minute on two loaded cores, over this suite's budget, so the tests
# run the explicit examples and fuzzing, and test_api.py keeps those two cases as regression tests.
# ARCHIVE_SCHEMATHESIS_FULL=1 runs the coverage phase as well.
if not os.environ.get("ARCHIVE_SCHEMATHESIS_FULL"):
    schema.config.phases.update(phases=["examples", "fuzzing"])


@pytest.fixture
def archive(seeded, db, monkeypatch):
    # The generated requests would soon exhaust the anonymous allowance; 429s are tested in test_api.py.
    monkeypatch.setattr(AnonymousClientThrottle, "THROTTLE_RATES", {"anon": "1000000/minute"})
    cache.clear()
    # As django.test.Client does: the WSGI handler must not close the test's connection after each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield seeded
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_server_error(case, archive):
    response = case.call()
    not_a_server_error_only = [not_a_server_error]
    case.validate_response(response, checks=not_a_server_error_only)
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])
