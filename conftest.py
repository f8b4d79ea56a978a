"""This repository's own pytest set-up.

The fixtures (`hikari`, `mailbox`, `region`, `site_url`, `customer`, …) come from the hikari_e2e
plugin, which `pip install -e .[dev]` registers (entry point pytest11) exactly as it does in
any project that installs the wheel; e2e/conftest.py adds what this suite alone wants.
"""

# The outside project is a separate pytest project with its own virtualenv (a test runs it);
# the benchmarks are scripts.
collect_ignore = ["examples", "bench"]
