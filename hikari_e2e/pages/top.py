"""The top screen, re-exported from pages.site under this module's old name."""

from .site import TopPage

__all__ = ["TopPage"]
