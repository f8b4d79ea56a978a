"""Password hashing for the mock: real salted hashes, never the plain text."""

from __future__ import annotations

from werkzeug.security import check_password_hash, generate_password_hash


def hash_password(password: str, method: str) -> str:
    """Return a salted hash of password in werkzeug's self-describing format."""
    return generate_password_hash(password, method=method, salt_length=16)


def verify_password(password_hash: str, password: str) -> bool:
    """Tell whether password matches the hash, in constant time."""
    return check_password_hash(password_hash, password)
