"""Give every browser test a freshly reset environment."""

from __future__ import annotations

import pytest

from mock_site.client import ControlClient


@pytest.fixture(autouse=True)
def fresh_environment(hikari: ControlClient) -> None:
    """Reset lines, clock and inbox before each test, so no test sees another's state."""
    hikari.reset()
