"""The phone network: calls from the lines' numbers, the 仮パスワード IVR, and the softphone."""

from .network import Call, CallError, PhoneNetwork

__all__ = ["Call", "CallError", "PhoneNetwork"]
