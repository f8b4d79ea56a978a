"""constraints.txt is requirements.lock without its hashes (what another project installs with:
pip refuses a hash-checked constraint file for a wheel or path it cannot hash)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9]\S*==\S*)", re.M)


def test_constraints_pin_what_the_lock_pins_without_hashes():
    lock = PIN.findall((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8")

    assert PIN.findall(constraints) == lock and len(lock) > 50
    assert "--hash" not in constraints
