"""The control API's request bodies, declared once: the handlers validate with these models and
openapi.json's request schemas are generated from them (`request_schemas()`).

Each field's description is also the message a refusal gives for it; a rule that needs the
environment (a password under the settings in force, the site's rules for a destination) stays
in its handler. pydantic (v2): strict types (no "1" for 1, no true for 1), unknown fields
refused, bounds and formats in the JSON Schema it generates.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .. import faults, seed, wording
from ..clock import JST, ClockOutOfRange, check_in_range
from ..errors import FieldError
from ..regions import REGIONS
from ..services.incoming import MAX_FAX_PAGES
from ..store import VOICE_WARP_ENTRIES

# One number of seconds a request may move the clock: about a hundred years.
MAX_ADVANCE_SECONDS = 100 * 366 * 24 * 3600

Region = Literal[tuple(REGIONS)]  # type: ignore[valid-type]
ServiceKey = Literal[tuple(wording.SERVICE_NAMES)]  # type: ignore[valid-type]
Unit = Literal[tuple(wording.UNIT_NAMES)]  # type: ignore[valid-type]
Mode = Literal[tuple(wording.VW_MODES)]  # type: ignore[valid-type]
Condition = Literal[tuple(wording.NOTICE_CONDITIONS)]  # type: ignore[valid-type]
PhoneNumber = Annotated[str, Field(pattern=r"^0[0-9]{9}$", max_length=10)]
FAULT_KINDS = tuple(kind for kinds in faults.KINDS.values() for kind in kinds)


class Body(BaseModel):
    """A JSON object with exactly the fields declared, each of its declared type."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=False)

    @classmethod
    def parse(cls, raw: bytes) -> Any:
        """Return the validated body; raise FieldError naming the first field at fault."""
        try:
            return cls.model_validate_json(raw or b"{}")
        except ValidationError as error:
            raise _field_error(cls, error.errors(include_url=False)[0]) from None


def _field_error(model: type[BaseModel], error: dict) -> FieldError:
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, FieldError):
        return cause
    loc = [str(part) for part in error.get("loc", ())]
    if not loc or error["type"] in ("json_invalid", "model_type", "model_attributes_type"):
        return FieldError("body", "the body is not a JSON object")
    owner, field = _declared(model, loc)
    if error["type"] == "extra_forbidden":
        allowed = ", ".join(sorted(owner.model_fields))
        return FieldError(loc[0], f"{'.'.join(loc)}: unknown field; allowed: {allowed}")
    described = field.description if field is not None and field.description else error["msg"]
    return FieldError(loc[0], described if len(loc) == 1 else f"{'.'.join(loc[1:])}: {described}")


def _declared(model: type[BaseModel], loc: list[str]) -> tuple[type[BaseModel], Any]:
    """Follow loc through nested models: the model that declares its last name, and the field."""
    owner, field = model, None
    for part in loc:
        field = owner.model_fields.get(part)
        if field is None:
            break
        inner = [t for t in _types(field.annotation) if isinstance(t, type)]
        nested = next((t for t in inner if issubclass(t, BaseModel)), None)
        if nested is not None and part != loc[-1]:
            owner = nested
    return owner, field


def _types(annotation: Any) -> list[Any]:
    args = get_args(annotation)
    return [annotation] if not args else [t for arg in args for t in _types(arg)]


class Nothing(Body):
    """Nothing to say: `{}`."""


class ClockChange(Body):
    """Move the clock by advance_seconds or to now (not both); frozen stops or restarts it."""

    advance_seconds: float = Field(  # type: ignore[assignment]  (absent: None, never null)
        None, ge=-MAX_ADVANCE_SECONDS, le=MAX_ADVANCE_SECONDS, allow_inf_nan=False,
        description="a number of seconds (may be negative), at most about a hundred years",
    )  # fmt: skip
    now: datetime = Field(  # type: ignore[assignment]
        None,
        description="an ISO-8601 date and time between 2000 and 2099, e.g. "
        "2026-11-25T09:00:00+09:00 (without a zone: Japan time)",
    )
    frozen: bool | None = Field(None, description="true or false")

    @field_validator("now", mode="before")
    @classmethod
    def _iso(cls, text: Any) -> Any:
        """Read what datetime.fromisoformat reads (a date alone is its midnight)."""
        if not isinstance(text, str):
            return text  # refused by the type
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            raise FieldError("now", cls.model_fields["now"].description or "") from None

    @field_validator("now")
    @classmethod
    def _readable(cls, when: datetime) -> datetime:
        try:
            check_in_range(when if when.tzinfo else when.replace(tzinfo=JST))
        except (ClockOutOfRange, OverflowError) as error:
            raise FieldError("now", str(ClockOutOfRange())) from error
        return when

    @model_validator(mode="after")
    def _one_move(self) -> ClockChange:
        given = self.model_fields_set
        if not given:
            raise FieldError("advance_seconds", "give advance_seconds, now or frozen")
        if {"advance_seconds", "now"} <= given:
            raise FieldError("advance_seconds", "give advance_seconds or now, not both")
        return self


class OtpInUse(Body):
    address: str = Field(max_length=254, description="the registered address")


class NewLine(Body):
    """A line to seed; Faker makes up whatever numbers are left out."""

    region: Region = Field(description=f"required; use one of {', '.join(REGIONS)}")
    contract_number: str | None = Field(None, max_length=10, description="10 half-width digits")
    additional_numbers: list[Annotated[str, Field(max_length=10)]] | None = Field(
        None, max_length=20, description="a list of 10-digit strings"
    )
    additional_count: int = Field(2, ge=0, le=20, description="a whole number from 0 to 20")
    services: list[ServiceKey] | dict[str, list[ServiceKey]] | None = Field(
        None,
        description=f"a list of {', '.join(wording.SERVICE_NAMES)}, or an object of such lists "
        "by number",
    )
    auth_unit: Unit | None = Field(None, description=f"use one of {', '.join(wording.UNIT_NAMES)}")
    password: str | None = Field(
        None,
        max_length=64,
        description="half-width letters and digits, not digits only, "
        "password_min_length to password_max_length long (GET /api/settings)",
    )
    temp_password: str | None = Field(
        None, max_length=64, description="the 仮パスワード: temp_password_digits half-width digits"
    )
    label: str | None = Field("", max_length=100, description="at most 100 characters")
    otp: Literal["decline"] | OtpInUse | None = Field(
        None, description='null (not chosen yet), "decline", or {"address": "..."} (in use)'
    )

    def to_seed(self) -> seed.LineToSeed:
        """The line to seed, in the one shape the state takes."""
        services = self.services
        if isinstance(services, dict):
            services = {number: tuple(keys) for number, keys in services.items()}
        elif services is not None:
            services = tuple(services)
        otp = self.otp
        if isinstance(otp, OtpInUse):
            otp = seed.SeedOtp.using(otp.address)
        elif otp is not None:
            otp = seed.DECLINED
        return seed.LineToSeed(
            self.region, self.contract_number,
            None if self.additional_numbers is None else tuple(self.additional_numbers),
            self.additional_count, services, self.auth_unit, self.password, self.temp_password,
            self.label or "", otp,
        )  # fmt: skip


class Dial(Body):
    """A call from caller to dialled; the answer holds the first guidance."""

    caller: PhoneNumber = Field(
        description="the calling number: 10 half-width digits starting with 0"
    )
    dialled: str = Field(max_length=40, description="the number dialled, as a string of digits")
    data: bool = Field(False, description="true for a データ接続通信 call, else false")
    region: Region | None = Field(
        None, description=f"the caller's region, one of {', '.join(REGIONS)}"
    )


class Keys(Body):
    """Keys pressed on a call, in order."""

    keys: str = Field(max_length=200, description="a string of 0–9, * and #")


class IncomingCall(Body):
    """A call (or FAX) to number from caller."""

    region: Region = Field(description=f"required; use one of {', '.join(REGIONS)}")
    number: str = Field(max_length=40, description="the number called: 10 digits of a line")
    caller: str = Field(
        "anonymous", max_length=40,
        description="a number, or anonymous, payphone or unavailable",
    )  # fmt: skip
    answered: bool = Field(False, description="true or false")
    busy: bool = Field(False, description="true or false")
    fax: bool = Field(False, description="true or false")
    pages: int = Field(1, ge=1, le=MAX_FAX_PAGES, description=wording.IN_ERR_PAGES)


class MailFaultPlay(Body):
    """How the sink fails: refuse at rcpt or data, delay, or hang up."""

    stage: Literal["rcpt", "data"] = Field("rcpt", description="rcpt or data")
    code: int = Field(
        550, ge=200, le=599,
        description="an SMTP reply code from 200 to 599 (below 400: no refusal)",
    )  # fmt: skip
    message: str = Field(
        "Mailbox unavailable", max_length=200, pattern=r"^[\x20-\x7e]*$",
        description="printable ASCII text of at most 200 characters",
    )  # fmt: skip
    delay_seconds: float = Field(0, ge=0, le=30, description="seconds from 0 to 30")
    uses: int | None = Field(
        None, ge=1, le=10_000, description="how many times it plays, 1 to 10000; none: until reset"
    )


Address = Annotated[str, Field(max_length=254, pattern=r"@")]


class FaultChange(MailFaultPlay):
    """One fault on the site, the phone or the mail, for one number (or its line) or one
    address, and on the site optionally one path; until the reset or for `uses` plays."""

    channel: Literal[tuple(faults.KINDS)] = Field(  # type: ignore[valid-type]
        description="site, phone or mail"
    )
    kind: Literal[(*FAULT_KINDS,)] = Field(  # type: ignore[valid-type]
        description="; ".join(f"{c}: {', '.join(k)}" for c, k in faults.KINDS.items())
    )
    region: Region | None = Field(None, description=f"one of {', '.join(REGIONS)}; none: both")
    number: PhoneNumber | None = Field(
        None,
        description="the customer's number (site: logged in or logging in; phone: the caller); "
        "none: every number",
    )
    line: bool = Field(False, description="true: every number of number's line")
    path: str | None = Field(
        None, max_length=100, pattern=r"^/[A-Za-z0-9_./-]*$",
        description="site only: the path it plays on, e.g. /VUM_Disp.do; none: every path",
    )  # fmt: skip
    to: Address | None = Field(None, description="mail only: the recipient address")
    latency_ms: int = Field(
        0, ge=0, le=30_000, description="latency: milliseconds each answer is held, 0 to 30000"
    )
    latency_max_ms: int | None = Field(
        None, ge=0, le=30_000,
        description="latency: a random hold between latency_ms and this, at most 30000",
    )  # fmt: skip
    after_sentences: int = Field(
        1, ge=1, le=50, description="drop_call: the sentences heard before it drops, 1 to 50"
    )

    @model_validator(mode="after")
    def _consistent(self) -> FaultChange:
        if self.kind not in faults.KINDS[self.channel]:
            raise FieldError("kind", f"{self.channel}: {', '.join(faults.KINDS[self.channel])}")
        if self.channel == faults.MAIL:
            if self.to is None:
                raise FieldError("to", "mail: the recipient address the fault is for")
            for name in ("number", "path", "region"):
                if getattr(self, name) is not None:
                    raise FieldError(name, "mail faults are scoped by `to` alone")
        elif self.to is not None:
            raise FieldError("to", "site and phone faults are scoped by number, not address")
        if self.channel == faults.PHONE and self.path is not None:
            raise FieldError("path", "site only")
        if self.line and self.number is None:
            raise FieldError("line", "give the number whose line it is")
        if self.latency_max_ms is not None and self.latency_max_ms < self.latency_ms:
            raise FieldError("latency_max_ms", "at least latency_ms")
        return self


class VoiceWarpChange(Body):
    destinations: list[Annotated[str, Field(max_length=40)]] = Field(  # type: ignore[assignment]
        None, max_length=VOICE_WARP_ENTRIES, description=f"up to {VOICE_WARP_ENTRIES} strings"
    )
    selected: int = Field(  # type: ignore[assignment]
        None, ge=1, le=VOICE_WARP_ENTRIES,
        description=f"the list entry in use, 1 to {VOICE_WARP_ENTRIES}",
    )  # fmt: skip
    mode: Mode = Field(None, description=f"one of {', '.join(wording.VW_MODES)}")  # type: ignore[assignment]
    ring_seconds: int | None = Field(None, description="a whole number (the site's bounds apply)")


class FaxNoticeChange(Body):
    addresses: list[Annotated[str, Field(max_length=254)]] = Field(
        default_factory=list, max_length=10, description="a list of strings"
    )


class CallNoticeChange(FaxNoticeChange):
    condition: Condition = Field(  # type: ignore[assignment]
        None, description=f"one of {', '.join(wording.NOTICE_CONDITIONS)}"
    )
    skip_anonymous: bool = Field(None, description="true or false")  # type: ignore[assignment]


class ServicesChange(Body):
    """Any part of a number's settings, checked by the site's own rules; all or nothing."""

    voice_warp: VoiceWarpChange | None = Field(
        None, description="an object: destinations, selected, mode, ring_seconds"
    )
    call_notice: CallNoticeChange | None = Field(
        None, description="an object: addresses, condition, skip_anonymous"
    )
    fax_notice: FaxNoticeChange | None = Field(None, description="an object: addresses")


class NewSpace(Body):
    """A space to make: a name to know it by, and settings of its own."""

    name: str | None = Field(default=None, max_length=80, description="a name to know it by")
    settings: dict[str, Any] | None = Field(
        default=None, description="settings of its own, as POST /api/settings takes them"
    )


REQUEST_BODIES: dict[str, type[Body]] = {
    "Nothing": Nothing,
    "ClockChange": ClockChange,
    "NewLine": NewLine,
    "Dial": Dial,
    "Keys": Keys,
    "IncomingCall": IncomingCall,
    "FaultChange": FaultChange,
    "ServicesChange": ServicesChange,
    "NewSpace": NewSpace,
}


def request_schemas() -> dict[str, dict]:
    """Return the JSON Schema of every request body (and the models they use), by name."""
    schemas: dict[str, dict] = {}
    for name, model in REQUEST_BODIES.items():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[name] = schema
    return schemas
