"""Page objects: one class per screen, found by role and label with the guide's words."""

from .home import HomePage
from .login import LoginPage
from .password import ExpiryNoticePage, ForcedChangePage, PasswordChangedPage, PasswordChangePage
from .top import TopPage

__all__ = [
    "ExpiryNoticePage",
    "ForcedChangePage",
    "HomePage",
    "LoginPage",
    "PasswordChangePage",
    "PasswordChangedPage",
    "TopPage",
]
