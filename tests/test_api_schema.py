"""The control API under Schemathesis: cases generated from its own OpenAPI document.

Every operation gets valid and invalid bodies, queries and path parameters. No answer is a
server error, every answer conforms to the document (status, content type, schema), and a
refused request (4xx) leaves the lines, the settings, the calls and the mailbox as they were.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.checks import negative_data_rejection

from fixtures.screens import snapshot
from mock_site import config
from mock_site.environment import FREE_PORTS, Environment
from mock_site.home import models

ENV = Environment()  # served for the sink (incoming calls mail); requests go in-process
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", ENV.apps["home"])
CHECKS = (
    negative_data_rejection,  # what breaks the document's bounds and formats is refused (4xx)
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
)


@pytest.fixture(scope="module", autouse=True)
def serving():
    ENV.start(FREE_PORTS)
    yield
    ENV.stop()


def state() -> str:
    settings_ = repr(ENV.settings)
    calls = [call.as_json() for call in ENV.phone.calls()]
    return f"{snapshot(ENV)}{settings_}{calls}{len(ENV.switchboard.records())}"


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_control_api_answers_every_generated_request_by_its_document(case):
    if "timeout" in (case.query or {}):  # a long-poll for mail that never comes: keep it short
        case.query["timeout"] = 0.05
    before = state()

    response = case.call()

    case.validate_response(response, checks=CHECKS)
    if 400 <= response.status_code < 500:
        assert state() == before, f"{case.method} {case.path} {response.status_code} changed state"


def test_every_request_body_is_declared_once_by_its_model():
    document = ENV.apps["home"].test_client().get("/api/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    generated = {**models.request_schemas(), "SettingsChange": config.json_schema()}

    bodies = [
        op["requestBody"]["content"]["application/json"]["schema"]
        for path in document["paths"].values()
        for op in path.values()
        if "requestBody" in op
    ]
    assert bodies and all(set(body) == {"$ref"} for body in bodies)  # no schema written by hand
    for body in bodies:
        name = body["$ref"].rsplit("/", 1)[1]
        assert schemas[name] == generated[name]
