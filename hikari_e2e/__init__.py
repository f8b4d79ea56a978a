"""hikari-e2e as a library: the mock environment, its control client and the suite's test data.

    with hikari_e2e.environment(password_max_failures=5) as hikari:
        line = hikari_e2e.LineBuilder(1).line("east")
        hikari.lines.add(line)
        print(hikari.site_url("east"))

The browser side needs Playwright (`pip install hikari-e2e[test]`) and lives in its modules:
`hikari_e2e.journeys` (Customer, the guide's journeys), `hikari_e2e.pages` (one page object per
screen), `hikari_e2e.scenarios` (QA scenarios). Under pytest, the plugin (`hikari_e2e.plugin`)
gives all of it as fixtures.
"""

from __future__ import annotations

import importlib

# Loaded on first use: pytest loads the plugin (and so this package) in every run of any project
# it is installed in, where most runs never ask for the environment.
_EXPORTS = {
    "REGIONS": "mock_site.regions",
    "ControlClient": "mock_site.client",
    "ControlError": "mock_site.client",
    "Environment": "mock_site.environment",
    "LineBuilder": "hikari_e2e.builders",
    "DECLINED": "mock_site.seed",
    "LineToSeed": "mock_site.seed",
    "SeedOtp": "mock_site.seed",
    "Mail": "mock_site.client",
    "Mailbox": "hikari_e2e.mailbox",
    "OtpAccount": "hikari_e2e.builders",
    "RemoteCall": "mock_site.client",
    "SettingError": "mock_site.config",
    "environment": "mock_site.client",
    "wording": "mock_site.wording",
}
_NAMES = {"environment": "controlled_environment"}
_MODULES = {"wording"}  # exported as a module, which is loaded on first use as the rest

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'hikari_e2e' has no attribute {name!r}")
    target = importlib.import_module(_EXPORTS[name])
    value = target if name in _MODULES else getattr(target, _NAMES.get(name, name))
    globals()[name] = value
    return value
