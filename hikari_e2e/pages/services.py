"""The service screens, re-exported from pages.site under this module's old name."""

from .site import (
    ENTRY_SCREENS,
    ConfirmPage,
    DestinationListPage,
    DonePage,
    FaxListPage,
    FaxMenuPage,
    NoticePage,
    NumberChoicePage,
    ServiceScreen,
    SwitchPage,
    VoiceWarpMenuPage,
)

__all__ = [
    "ConfirmPage",
    "DestinationListPage",
    "DonePage",
    "ENTRY_SCREENS",
    "FaxListPage",
    "FaxMenuPage",
    "NoticePage",
    "NumberChoicePage",
    "ServiceScreen",
    "SwitchPage",
    "VoiceWarpMenuPage",
]
