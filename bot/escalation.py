"""Who to send someone to, now: situation signals + the Dutch clock → an ordered list of lines.

Pure and table-driven. ROUTES names, per situation, the sourced lines (service, channel) from
data/directory/service_hours.yml in order of fit. ``escalate`` puts 112 first wherever there
is danger, then every fitting line that is open now, then those whose hours are unknown, then
the closed ones with when they open, and always keeps Veilig Thuis 0800-2000. Without a
specific situation the general lines (Veilig Thuis chat and phone, De Luisterlijn) are offered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from bot.opening_hours import Hours, Reading, State, read

# The entity bot.nlu.danger_detector adds when it keeps a situation intent and marks danger next
# to it: a Signal.ACUTE_DANGER as much as the acute_danger intent. Defined here, in a light module,
# because the action server reads it too.
DANGER_ENTITY = "danger"


class Signal(str, Enum):
    ACUTE_DANGER = "acute_danger"
    SUICIDAL = "suicidal"
    CHILD = "child"
    SEXUAL_VIOLENCE = "sexual_violence"
    EXPLOITATION = "exploitation"
    HONOUR = "honour"  # honour-based violence, forced marriage, abandonment abroad
    FGM = "fgm"
    ELDER_ABUSE = "elder_abuse"
    OWN_BEHAVIOUR = "own_behaviour"
    LEGAL = "legal"
    BYSTANDER = "bystander"
    GENERAL = "general"


@dataclass(frozen=True)
class Line:
    """One way to reach a service, with its hours (a row of service_hours.yml)."""

    service: str
    channel: str
    contact: str
    hours: Hours


@dataclass(frozen=True)
class Offer:
    line: Line
    reading: Reading


EMERGENCY = (("alarmnummer_112", "phone"), ("app_112nl", "app"))
VEILIG_THUIS_PHONE = ("veilig_thuis", "phone")

# Most specific first; a line named under several signals is offered once, at its first place.
ROUTES: dict[Signal, tuple[tuple[str, str], ...]] = {
    Signal.ACUTE_DANGER: EMERGENCY,
    Signal.SUICIDAL: (("zelfmoordpreventie_113", "phone"), ("zelfmoordpreventie_113", "chat")),
    Signal.CHILD: (("kindertelefoon", "chat"), ("kindertelefoon", "phone"), VEILIG_THUIS_PHONE),
    Signal.SEXUAL_VIOLENCE: (("centrum_seksueel_geweld", "phone"), ("centrum_seksueel_geweld", "chat")),
    Signal.EXPLOITATION: (("comensha", "phone"), ("fier_chat", "chat"), VEILIG_THUIS_PHONE),
    Signal.HONOUR: (VEILIG_THUIS_PHONE, ("buitenlandse_zaken_24_7", "phone"), ("buitenlandse_zaken_24_7", "whatsapp")),
    Signal.FGM: (VEILIG_THUIS_PHONE,),
    Signal.ELDER_ABUSE: (("ouderenmishandeling", "phone"),),
    Signal.OWN_BEHAVIOUR: (("plegers_huiselijk_geweld", "phone"), ("veilig_thuis", "chat")),
    Signal.LEGAL: (
        ("juridisch_loket", "phone"),
        ("slachtofferhulp_nederland", "phone"),
        ("politie_geen_spoed", "phone"),
    ),
    Signal.BYSTANDER: (("veilig_thuis", "chat"), VEILIG_THUIS_PHONE),
    Signal.GENERAL: (("veilig_thuis", "chat"), VEILIG_THUIS_PHONE, ("de_luisterlijn", "phone")),
}
SIGNAL_ORDER = tuple(ROUTES)
_STATE_ORDER = {State.OPEN: 0, State.UNKNOWN: 1, State.CLOSED: 2}


def escalate(signals: Iterable[Signal], lines: Iterable[Line], now: datetime) -> list[Offer]:
    """The lines to offer, best first. Never empty: 0800-2000 is always in it."""
    by_key = {(line.service, line.channel): line for line in lines}
    wanted = set(signals) or {Signal.GENERAL}
    keys: list[tuple[str, str]] = []
    for signal in SIGNAL_ORDER:
        if signal in wanted:
            keys.extend(k for k in ROUTES[signal] if k not in keys)
    if VEILIG_THUIS_PHONE not in keys:
        keys.append(VEILIG_THUIS_PHONE)

    offers: list[Offer] = []
    seen_contacts: set[str] = set()
    for service_channel in keys:
        line = by_key.get(service_channel)
        if line is None or line.contact in seen_contacts:
            continue
        seen_contacts.add(line.contact)
        offers.append(Offer(line, read(line.hours, now)))

    emergency = [o for o in offers if (o.line.service, o.line.channel) in EMERGENCY]
    others = [o for o in offers if o not in emergency]
    others.sort(key=lambda offer: _STATE_ORDER[offer.reading.state])  # stable: table order within a state
    if Signal.ACUTE_DANGER in wanted:
        return emergency + others
    return others
