"""The ワンタイムパスワード screens, re-exported from pages.site under this module's old name."""

from .site import (
    OtpChoicePage,
    OtpConfirmPage,
    OtpConsentPage,
    OtpEntryPage,
    OtpProvisionalPage,
    OtpRegisteredPage,
    OtpRegistrationPage,
)

__all__ = [
    "OtpChoicePage",
    "OtpConfirmPage",
    "OtpConsentPage",
    "OtpEntryPage",
    "OtpProvisionalPage",
    "OtpRegisteredPage",
    "OtpRegistrationPage",
]
