"""Give the mock's own tests an environment reached through Flask's test clients."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mock_site.environment import FREE_PORTS, Environment


@pytest.fixture
def env() -> Environment:
    """Return a fresh environment whose apps are used without servers."""
    return Environment()


@pytest.fixture
def api(env: Environment):
    """Return a test client of the home app, for the control API."""
    return env.apps["home"].test_client()


@pytest.fixture(params=["east", "west"])
def site(env: Environment, request: pytest.FixtureRequest):
    """Return a test client of one regional site."""
    return env.apps[request.param].test_client()


@pytest.fixture
def running_env() -> Iterator[Environment]:
    """Return an environment serving on free ports, stopped afterwards."""
    env = Environment().start(FREE_PORTS)
    yield env
    env.stop()
