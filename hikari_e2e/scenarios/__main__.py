"""python -m hikari_e2e.scenarios: the same as hikari-e2e."""

import sys

from .cli import main

sys.exit(main())
