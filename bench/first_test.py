"""A pytest plugin for the benchmark: stamp the moment the first test body starts."""

from __future__ import annotations

import os
import time

STAMP_ENV = "HIKARI_FIRST_TEST_STAMP"


def pytest_runtest_call(item) -> None:
    path = os.environ.get(STAMP_ENV)
    if not path:
        return
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as stamp:
        stamp.write(repr(time.time()))
