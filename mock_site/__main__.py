"""Run hikari-mock with python -m mock_site."""

import sys

from .cli import main

sys.exit(main())
