"""hikari-e2e as a library: the mock environment, its control client and the suite's test data.

    with hikari_e2e.environment(password_max_failures=5) as hikari:
        line = hikari_e2e.LineBuilder(1).line("east")
        hikari.add_line("east", **line.api_fields())
        print(hikari.site_url("east"))

The browser side needs Playwright (`pip install hikari-e2e[test]`) and lives in its modules:
`hikari_e2e.journeys` (Customer, the guide's journeys), `hikari_e2e.pages` (one page object per
screen), `hikari_e2e.scenarios` (QA scenarios). Under pytest, the plugin (`hikari_e2e.plugin`)
gives all of it as fixtures.
"""

from __future__ import annotations

from mock_site import wording
from mock_site.client import ControlClient, ControlError, Mail, RemoteCall
from mock_site.client import controlled_environment as environment
from mock_site.config import SettingError
from mock_site.environment import Environment
from mock_site.regions import REGIONS

from .builders import LineBuilder, LineSpec, OtpAccount
from .mailbox import Mailbox

__all__ = [
    "REGIONS",
    "ControlClient",
    "ControlError",
    "Environment",
    "LineBuilder",
    "LineSpec",
    "Mail",
    "Mailbox",
    "OtpAccount",
    "RemoteCall",
    "SettingError",
    "environment",
    "wording",
]
