"""The guide's journeys as Japanese feature files (hikari_e2e/features/), each scenario a test in
both regions (or in the one its steps name); test ids are the scenarios' own titles."""

from hikari_e2e.scenarios.suite import Features

test_guide = Features.built_in()
