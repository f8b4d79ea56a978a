"""Forms of the service screens, with production's names where known (domain-notes §1)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, StringField
from wtforms.fields.choices import SelectChoice

from .. import wording
from ..store import VOICE_WARP_ENTRIES
from ..web import OneTimeForm


class ServiceChoiceForm(FlaskForm):
    """Carry the service clicked on the top screen and, once chosen, the number to set."""

    service = HiddenField()
    number = RadioField(wording.SERVICE_TARGET, name="telNo", validate_choice=False)
    step = HiddenField()


class DestinationForm(OneTimeForm):
    """転送先電話番号設定: radios listValue 1–4 and one number per entry (VUL_Disp.do)."""

    selected = RadioField(
        wording.VW_SELECTED,
        name="listValue",
        choices=[
            SelectChoice(str(entry), wording.VW_USE_ENTRY.format(entry=entry))
            for entry in range(1, VOICE_WARP_ENTRIES + 1)
        ],
        validate_choice=False,
    )
    dest1 = StringField(wording.VW_DESTINATION.format(entry=1))
    dest2 = StringField(wording.VW_DESTINATION.format(entry=2))
    dest3 = StringField(wording.VW_DESTINATION.format(entry=3))
    dest4 = StringField(wording.VW_DESTINATION.format(entry=4))

    def entries(self) -> list[StringField]:
        """Return the four destination fields in list order."""
        return [self.dest1, self.dest2, self.dest3, self.dest4]


class SwitchForm(OneTimeForm):
    """サービス開始／停止: the transfer mode and the ring seconds of the modes that ring first."""

    mode = RadioField(
        wording.VW_MODE,
        name="transfer",
        choices=[SelectChoice(key, name) for key, name in wording.VW_MODES.items()],
        validate_choice=False,
    )
    call_sec2 = StringField(
        wording.VW_RING_FOR.format(mode=wording.VW_MODES[wording.VW_NO_ANSWER]),
        render_kw={"inputmode": "numeric", "maxlength": 2, "size": 3},
    )
    call_sec4 = StringField(
        wording.VW_RING_FOR.format(mode=wording.VW_MODES[wording.VW_NO_ANSWER_BUSY]),
        render_kw={"inputmode": "numeric", "maxlength": 2, "size": 3},
    )


class NoticeForm(OneTimeForm):
    """着信／FAXお知らせメール: the addresses (mailAddress1…) are read from the request, as
    their number is a setting; the 送信条件 applies to 着信お知らせメール only."""

    condition = RadioField(
        wording.NOTICE_CONDITION,
        choices=[SelectChoice(key, name) for key, name in wording.NOTICE_CONDITIONS.items()],
        validate_choice=False,
    )
    skip_anonymous = BooleanField(wording.NOTICE_SKIP_ANONYMOUS)
