"""The browser suite: page objects, journeys and tests against the mock environment."""
