"""The login screen, re-exported from pages.site under this module's old name."""

from .site import LoginPage

__all__ = ["LoginPage"]
