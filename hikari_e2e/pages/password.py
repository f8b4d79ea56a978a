"""The password screens, re-exported from pages.site under this module's old name."""

from .site import ExpiryNoticePage, ForcedChangePage, PasswordChangedPage, PasswordChangePage

__all__ = ["ExpiryNoticePage", "ForcedChangePage", "PasswordChangePage", "PasswordChangedPage"]
