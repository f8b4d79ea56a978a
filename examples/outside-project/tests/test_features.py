"""ACME's feature files (features/), each scenario a test in both regions."""

import acme_steps  # noqa: F401  (ACME's own step)

from hikari_e2e.scenarios.suite import Features

test_acme = Features("../features")
