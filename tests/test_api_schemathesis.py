"""Schemathesis against the API's own OpenAPI schema, in process (the WSGI application, no network): whatever
the generated parameters, no operation answers with a server error."""
import json
import os

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings

from archive.wsgi import application
from schemathesis.checks import not_a_server_error
from tests.seeded_archive import seeded  # noqa: F401  (fixture)


# The schema is the application's own, generated here as /api/schema/ generates it (which needs no database),
# not fetched over WSGI: that request would count against the rate limits, which live in the database, and the
# test database does not exist yet while tests are collected.
schema = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(
    SchemaGenerator().get_schema(request=None, public=True))))
schema.app = application
# Schemathesis' coverage phase (boundary values: year=0, ids that are not numbers) found two server errors here;
# with the fuzzing phase it takes about a minute on two loaded cores, over this suite's budget, so the tests
# run the explicit examples and fuzzing, and test_api.py keeps those two cases as regression tests.
# ARCHIVE_SCHEMATHESIS_FULL=1 runs the coverage phase as well.
if not os.environ.get("ARCHIVE_SCHEMATHESIS_FULL"):
    schema.config.phases.update(phases=["examples", "fuzzing"])


@pytest.fixture
def archive(seeded, db, settings):
    # The generated requests would soon exhaust the allowances; 429s are tested in test_api.py and
    # test_rate_limits.py.
    settings.ARCHIVE_RATE_LIMITS = {"anon": "1000000/minute", "heavy": "1000000/minute"}
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
