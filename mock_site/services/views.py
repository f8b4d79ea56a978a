"""The service screens: pick the number, then input → 確認 → 完了 with 戻る (SPEC §10).

Paths: VUM/VUL as production (domain-notes §1); VUS, CNM (着信お知らせメール), FNM/FNL/FNR
(FAXお知らせメール) and AGS_Select.do are assumed in the same style.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import wraps
from typing import Any, NamedTuple

from flask import (
    Blueprint,
    Response,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from .. import accounts, wording
from ..store import (
    DestinationsChange,
    NoticeChange,
    Number,
    ServiceDraft,
    SwitchChange,
    format_number,
)
from ..web import (
    OneTimeForm,
    env,
    form_errors,
    issue_form_token,
    logged_in,
    login_required,
    number_kind,
)
from . import rules
from .forms import DestinationForm, NoticeForm, ServiceChoiceForm, SwitchForm
from .incoming import caller_name, kept_faxes
from .pdf import fax_pdf

bp = Blueprint("services", __name__)

ENTRY_SCREENS = {
    wording.VOICE_WARP: "services.vw_menu",
    wording.CALL_NOTICE: "services.call_notice_form",
    wording.FAX_NOTICE: "services.fax_menu",
}
MAX_ADDRESS_FIELDS = 50  # fields beyond this are not even read


def candidates(service: str) -> list[Number]:
    """Return the numbers this login may set that use the service (SPEC §3, §8)."""
    line, me = logged_in()
    return [n for n in accounts.reach(line, me) if service in n.services]


def for_service(service: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Let a screen in only with a chosen number this login may set that uses the service."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(**kwargs: Any) -> Any:
            found = candidates(service)
            target = next((n for n in found if n.number == g.session.target), None)
            if target is None and len(found) == 1:
                target = found[0]
            if target is None:
                flash(wording.ERR_SERVICE_NOT_IN_REACH, "error")
                return redirect(url_for("auth.top"))
            g.session.target = target.number
            g.target = target
            return view(**kwargs)

        return login_required()(wrapped)

    return decorate


def target_label(number: Number) -> str:
    return f"{number.display}（{number_kind(number)}）"


def render(template: str, **values: Any) -> str:
    """Render a service screen; every one names the number being set."""
    return render_template(template, target=target_label(g.target), **values)


def snapshot(value: Any) -> Any:
    """Capture settings, to notice a change made elsewhere between 確認 and 設定."""
    return dataclasses.asdict(value)


Change = DestinationsChange | SwitchChange | NoticeChange


def take_draft(kind: str) -> Change | None:
    """Return the change of this screen and number, if the confirmation screen made one."""
    draft = g.session.service_draft
    if draft and draft.kind == kind and draft.number == g.target.number:
        return draft.change
    return None


def confirm_page(
    kind: str, before: Any, title: str, rows, screens: tuple[str, str], change: Change
):
    """Keep the checked change as the draft and show it with 「設定」 and 「戻る」.

    screens is (the input screen's endpoint, the 完了 endpoint the 「設定」 posts to).
    """
    g.session.service_draft = ServiceDraft(kind, g.target.number, snapshot(before), change)
    confirm = OneTimeForm(formdata=None)
    confirm.form_token.data = issue_form_token()
    return render(
        "services/confirm.html",
        title=title + wording.CONFIRM_SUFFIX,
        form=confirm,
        rows=rows,
        action=url_for(screens[1]),
        back=url_for(screens[0]),
    )


def apply_confirmed(kind: str, state: Any, title: str, screens: tuple[str, str]):
    """Apply the confirmed change to state, unless state changed meanwhile (by phone, say).

    screens is (the input screen's endpoint, the endpoint 「サービスメニューへ」 leads to).
    """
    form = OneTimeForm()
    change = take_draft(kind)
    if not form.validate_on_submit() or change is None:
        return redirect(url_for(screens[0]))
    with env().store.transaction():
        if snapshot(state) != g.session.service_draft.before:
            g.session.service_draft = None
            flash(wording.ERR_CHANGED_ELSEWHERE, "error")
            return redirect(url_for(screens[0]))
        change.apply_to(state)
    g.session.service_draft = None
    return render("services/done.html", title=title + wording.DONE_SUFFIX, back=url_for(screens[1]))


def pressed_service() -> str | None:
    """Return the service whose image button was clicked: it posts NAME.x and NAME.y."""
    return next((key for key in wording.SERVICE_NAMES if f"{key}.x" in request.form), None)


# Choosing the number --------------------------------------------------------------------------


@bp.post("/AGS_Select.do")
@login_required()
def choose():
    """Open a service clicked on the top screen; under 回線単位 and for the 管理者, pick the
    number first (only numbers that use the service are offered)."""
    form = ServiceChoiceForm()
    service = form.service.data or pressed_service()
    if not form.validate_on_submit() or service not in wording.SERVICE_NAMES:
        flash(wording.ERR_SERVICE_NOT_IN_REACH, "error")
        return redirect(url_for("auth.top"))
    found = candidates(service)
    if not found:
        flash(wording.ERR_SERVICE_NOT_IN_REACH, "error")
        return redirect(url_for("auth.top"))
    chosen = next((n for n in found if n.number == form.number.data), None)
    if form.number.data and chosen is None:
        flash(wording.ERR_SERVICE_NOT_IN_REACH, "error")
        return redirect(url_for("auth.top"))
    if chosen is None and len(found) == 1:
        chosen = found[0]
    if chosen is not None:
        g.session.target = chosen.number
        g.session.service_draft = None
        return redirect(url_for(ENTRY_SCREENS[service]))
    errors = [wording.ERR_NUMBER_CHOICE] if form.step.data == "choose" else []
    form.number.choices = [(n.number, target_label(n)) for n in found]
    form.number.data, form.service.data = None, service
    return render_template(
        "services/choose.html",
        form=form,
        errors=errors,
        service_name=wording.SERVICE_NAMES[service],
    )


# ボイスワープ -------------------------------------------------------------------------------


@bp.route("/VUM_Disp.do", methods=["GET", "POST"])
@for_service(wording.VOICE_WARP)
def vw_menu():
    """Show the ボイスワープ settings and the buttons 転送先電話番号設定 and サービス開始／停止."""
    g.session.service_draft = None
    return render("services/vw_menu.html", **vw_summary(g.target))


def vw_summary(number: Number) -> dict[str, Any]:
    warp = number.voice_warp
    return {
        "warp": warp,
        "mode_name": wording.VW_MODES[warp.mode],
        "on": warp.mode != wording.VW_STOP,
        "ring": rules.ring_seconds(warp, env().settings),
        "format_number": format_number,
    }


@bp.route("/VUL_Disp.do", methods=["GET", "POST"])
@for_service(wording.VOICE_WARP)
def vw_list_form():
    """転送先電話番号設定: the list entries 1–4 and the one in use (back from 確認: the draft)."""
    form = DestinationForm(formdata=None)
    warp = g.target.voice_warp
    draft = take_draft("vw_list")
    entries = draft.entries if draft else warp.destinations
    for field, value in zip(form.entries(), entries, strict=True):
        field.data = value
    form.selected.data = str(draft.selected if draft else warp.selected)
    return vw_list_page(form, [])


def vw_list_page(form: DestinationForm, errors: list[str]) -> str:
    form.form_token.data = issue_form_token()
    return render("services/vw_list.html", form=form, errors=errors)


@bp.post("/VUL_Confirm.do")
@for_service(wording.VOICE_WARP)
def vw_list_confirm():
    """Check the list; show it for confirmation or the input again with the errors."""
    form = DestinationForm()
    if not form.validate_on_submit():
        return vw_list_page(form, form_errors(form))
    entries = [(field.data or "").strip() for field in form.entries()]
    selected = int(form.selected.data) if form.selected.data in ("1", "2", "3", "4") else None
    warp = g.target.voice_warp
    errors = rules.destination_errors(entries, selected, g.target.number, warp.mode)
    if errors:
        return vw_list_page(form, errors)
    rows = [
        (wording.VW_DESTINATION.format(entry=n), format_number(e) or wording.VW_NOT_SET)
        for n, e in enumerate(entries, start=1)
    ]
    rows.append((wording.VW_SELECTED, wording.VW_ENTRY_NAME.format(entry=selected)))
    return confirm_page(
        "vw_list",
        warp,
        wording.VW_LIST_TITLE,
        rows,
        ("services.vw_list_form", "services.vw_list_apply"),
        DestinationsChange(entries, selected),
    )


@bp.post("/VUL_Regist.do")
@for_service(wording.VOICE_WARP)
def vw_list_apply():
    """Apply the confirmed list, unless it changed meanwhile (by phone or another screen)."""
    return apply_confirmed(
        "vw_list",
        g.target.voice_warp,
        wording.VW_LIST_TITLE,
        ("services.vw_list_form", "services.vw_menu"),
    )


@bp.route("/VUS_Disp.do", methods=["GET", "POST"])
@for_service(wording.VOICE_WARP)
def vw_switch_form():
    """サービス開始／停止: 無条件, 無応答時 (呼出秒数), 話中時, both (呼出秒数), or 停止."""
    form = SwitchForm(formdata=None)
    warp = g.target.voice_warp
    draft = take_draft("vw_switch")
    ring = str(rules.ring_seconds(warp, env().settings))
    form.mode.data = draft.mode if draft else warp.mode
    form.call_sec2.data = form.call_sec4.data = str(draft.ring or ring) if draft else ring
    return vw_switch_page(form, [])


def vw_switch_page(form: SwitchForm, errors: list[str]) -> str:
    form.form_token.data = issue_form_token()
    return render(
        "services/vw_switch.html",
        form=form,
        errors=errors,
        ring_fields={
            wording.VW_NO_ANSWER: form.call_sec2,
            wording.VW_NO_ANSWER_BUSY: form.call_sec4,
        },
        radio_ids={
            wording.VW_UNCONDITIONAL: "r1",
            wording.VW_NO_ANSWER: "r2",
            wording.VW_BUSY: "r3",
            wording.VW_NO_ANSWER_BUSY: "r4",
            wording.VW_STOP: "stop",
        },
    )


@bp.post("/VUS_Confirm.do")
@for_service(wording.VOICE_WARP)
def vw_switch_confirm():
    """Check the choice; show it for confirmation or the input again with the errors."""
    form = SwitchForm()
    if not form.validate_on_submit():
        return vw_switch_page(form, form_errors(form))
    warp = g.target.voice_warp
    both = form.mode.data == wording.VW_NO_ANSWER_BUSY
    ring_text = form.call_sec4.data if both else form.call_sec2.data
    choice, errors = rules.switch_errors(form.mode.data, ring_text, warp, env().settings)
    if errors:
        return vw_switch_page(form, errors)
    if not env().settings.voice_warp_switch_confirm:  # as S2's older site: 設定 applies at once
        with env().store.transaction():
            SwitchChange(choice.mode, choice.ring_seconds).apply_to(warp)
        return render(
            "services/done.html",
            title=wording.VW_SWITCH_TITLE + wording.DONE_SUFFIX,
            back=url_for("services.vw_menu"),
        )
    rows = [(wording.VW_MODE, wording.VW_MODES[choice.mode])]
    if choice.ring_seconds:
        rows.append((wording.VW_RING, wording.VW_RING_VALUE.format(seconds=choice.ring_seconds)))
    if choice.mode != wording.VW_STOP:
        entry = wording.VW_ENTRY_NAME.format(entry=warp.selected)
        rows.append((wording.VW_SELECTED, f"{entry}（{format_number(warp.destination)}）"))
    return confirm_page(
        "vw_switch",
        warp,
        wording.VW_SWITCH_TITLE,
        rows,
        ("services.vw_switch_form", "services.vw_switch_apply"),
        SwitchChange(choice.mode, choice.ring_seconds),
    )


@bp.post("/VUS_Regist.do")
@for_service(wording.VOICE_WARP)
def vw_switch_apply():
    """Start or stop as confirmed, unless the settings changed meanwhile."""
    return apply_confirmed(
        "vw_switch",
        g.target.voice_warp,
        wording.VW_SWITCH_TITLE,
        ("services.vw_switch_form", "services.vw_menu"),
    )


# 着信お知らせメール and FAXお知らせメール ---------------------------------------------------


class NoticeScreens(NamedTuple):
    """A お知らせメール's endpoints: input, 確認, 完了, and where 「サービスメニューへ」 leads."""

    form: str
    confirm: str
    apply: str
    menu: str


NOTICE_SCREENS = {
    wording.CALL_NOTICE: NoticeScreens(
        "services.call_notice_form",
        "services.call_notice_confirm",
        "services.call_notice_apply",
        "auth.top",
    ),
    wording.FAX_NOTICE: NoticeScreens(
        "services.fax_notice_form",
        "services.fax_notice_confirm",
        "services.fax_notice_apply",
        "services.fax_menu",
    ),
}


def notice_of(number: Number, service: str):
    return number.call_notice if service == wording.CALL_NOTICE else number.fax_notice


def notice_form(service: str):
    """Show the addresses (and the 送信条件), from the draft when back from 確認."""
    form = NoticeForm(formdata=None)
    notice = notice_of(g.target, service)
    draft = take_draft(service)
    addresses = draft.addresses if draft else notice.addresses
    form.condition.data = draft.condition if draft else notice.condition
    form.skip_anonymous.data = draft.skip_anonymous if draft else notice.skip_anonymous
    return notice_page(service, form, addresses, [])


def notice_page(service: str, form: NoticeForm, addresses: list[str], errors) -> str:
    limit = env().settings.notification_max_addresses
    shown = (list(addresses) + [""] * limit)[:limit]
    screens = NOTICE_SCREENS[service]
    form.form_token.data = issue_form_token()
    return render(
        "services/notice.html",
        form=form,
        errors=errors,
        service=service,
        addresses=shown,
        back=url_for(screens.menu),
        confirm_url=url_for(screens.confirm),
    )


def posted_addresses() -> list[str]:
    """Read mailAddress1, mailAddress2, … up to the last one sent (gaps kept as "")."""
    numbered = {}
    for key, value in request.form.items():
        suffix = key.removeprefix("mailAddress")
        if suffix != key and suffix.isascii() and suffix.isdigit() and len(suffix) <= 2:
            numbered[int(suffix)] = value.strip()
    last = max((n for n, value in numbered.items() if value), default=0)
    last = min(last, MAX_ADDRESS_FIELDS)
    return [numbered.get(n, "") for n in range(1, last + 1)]


def notice_confirm(service: str):
    """Check the addresses (and the 送信条件); show them for confirmation or the errors."""
    form = NoticeForm()
    addresses = posted_addresses()
    if not form.validate_on_submit():
        return notice_page(service, form, addresses, form_errors(form))
    errors = rules.address_errors(addresses, env().settings)
    is_call = service == wording.CALL_NOTICE
    if is_call:
        errors += rules.condition_errors(form.condition.data)
    if errors:
        return notice_page(service, form, addresses, errors)
    kept = [a for a in addresses if a]
    condition = form.condition.data if is_call else "all"
    skip = bool(form.skip_anonymous.data) if is_call else False
    rows = [(wording.NOTICE_ADDRESS.format(n=n), a) for n, a in enumerate(kept, start=1)]
    if is_call:
        rows.append((wording.NOTICE_CONDITION, wording.NOTICE_CONDITIONS[condition]))
        skipping = wording.NOTICE_SKIP_YES if skip else wording.NOTICE_SKIP_NO
        rows.append((wording.NOTICE_SKIP_ANONYMOUS, skipping))
    screens = NOTICE_SCREENS[service]
    return confirm_page(
        service,
        notice_of(g.target, service),
        wording.NOTICE_TITLE[service],
        rows,
        (screens.form, screens.apply),
        NoticeChange(kept, condition, skip),
    )


def notice_apply(service: str):
    """Apply the confirmed addresses, unless they changed meanwhile."""
    notice = notice_of(g.target, service)
    screens = NOTICE_SCREENS[service]
    return apply_confirmed(
        service, notice, wording.NOTICE_TITLE[service], (screens.form, screens.menu)
    )


@bp.route("/CNM_Disp.do", methods=["GET", "POST"])
@for_service(wording.CALL_NOTICE)
def call_notice_form():
    """着信お知らせメール: up to 5 addresses, the 送信条件 and whether to skip 非通知."""
    return notice_form(wording.CALL_NOTICE)


@bp.post("/CNM_Confirm.do")
@for_service(wording.CALL_NOTICE)
def call_notice_confirm():
    return notice_confirm(wording.CALL_NOTICE)


@bp.post("/CNM_Regist.do")
@for_service(wording.CALL_NOTICE)
def call_notice_apply():
    return notice_apply(wording.CALL_NOTICE)


@bp.route("/FNM_Disp.do", methods=["GET", "POST"])
@for_service(wording.FAX_NOTICE)
def fax_menu():
    """FAXお知らせメール: its addresses and the received FAXes."""
    g.session.service_draft = None
    return render("services/fax_menu.html", addresses=g.target.fax_notice.addresses)


@bp.route("/FNL_Disp.do", methods=["GET", "POST"])
@for_service(wording.FAX_NOTICE)
def fax_notice_form():
    return notice_form(wording.FAX_NOTICE)


@bp.post("/FNL_Confirm.do")
@for_service(wording.FAX_NOTICE)
def fax_notice_confirm():
    return notice_confirm(wording.FAX_NOTICE)


@bp.post("/FNL_Regist.do")
@for_service(wording.FAX_NOTICE)
def fax_notice_apply():
    return notice_apply(wording.FAX_NOTICE)


def _kept_faxes() -> list:
    return kept_faxes(g.target, env().clock.now(), env().settings)


@bp.route("/FNR_Disp.do", methods=["GET", "POST"])
@for_service(wording.FAX_NOTICE)
def fax_list():
    """受信FAX一覧: the FAXes within the retention period, newest first, each as a PDF."""
    with env().store.transaction():
        faxes = _kept_faxes()
    return render(
        "services/fax_list.html",
        faxes=faxes,
        caller_name=caller_name,
    )


@bp.get("/FNR_View.do")
@for_service(wording.FAX_NOTICE)
def fax_view():
    """Serve one kept FAX as a PDF; a gone or unknown one gets a Japanese page."""
    fax_id = request.args.get("id", "")
    with env().store.transaction():
        fax = next((f for f in _kept_faxes() if f.id == fax_id), None)
    if fax is None:
        return render_template(
            "error.html",
            title=wording.NOT_FOUND_TITLE,
            message=wording.fill(wording.ERR_FAX_GONE, env().settings),
            back=url_for("services.fax_list"),
        ), 404
    response = Response(fax_pdf(fax, g.target.number), mimetype="application/pdf")
    stamp = fax.received_at.strftime("%Y%m%d%H%M%S")
    response.headers["Content-Disposition"] = f'inline; filename="fax-{stamp}.pdf"'
    return response
