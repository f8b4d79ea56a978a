"""Page objects: one class per screen, found by role and label with the guide's words."""

from .home import HomePage
from .login import LoginPage
from .top import TopPage

__all__ = ["HomePage", "LoginPage", "TopPage"]
