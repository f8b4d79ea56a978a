"""Know when production moves: the replica's markup contract, read from production and compared
(`hikari-e2e drift`; docs/drift.md)."""
