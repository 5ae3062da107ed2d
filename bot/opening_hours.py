"""Opening hours from the data files, read on the Dutch clock (Europe/Amsterdam).

A line is open, closed, or unknown: unknown when its hours are not verified, or on a Dutch
public holiday when the source does not say what the line does on holidays. The bot never
turns unknown into open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAYS = DAYS[:5]
_DAY_NAMES = {
    "nl": dict(zip(DAYS, ("ma", "di", "wo", "do", "vr", "za", "zo"), strict=True)),
    "en": dict(zip(DAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True)),
}


class State(str, Enum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Hours:
    """One channel's hours as service_hours.yml gives them."""

    always_open: bool = False
    weekly: Mapping[str, str] | None = None
    on_holidays: str = "unknown"  # open | closed | unknown
    verified: bool = True

    @classmethod
    def from_record(cls, record: Mapping[str, object]) -> Hours:
        weekly = record.get("weekly")
        return cls(
            always_open=bool(record.get("always_open")),
            weekly=dict(weekly) if isinstance(weekly, Mapping) else None,
            on_holidays=str(record.get("on_holidays") or "unknown"),
            verified=bool(record.get("verified", True)),
        )


@dataclass(frozen=True)
class Reading:
    state: State
    opens_at: datetime | None = None  # next opening, when closed and known
    usually: bool = False  # hours from a source that says "mostly": the bot says "usually"
    holiday: str | None = None


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous Gregorian algorithm, valid for all Gregorian years)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def public_holidays(year: int) -> dict[date, str]:
    """The 11 official Dutch holidays (Rijksoverheid; see data/directory/service_hours.yml)."""
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday it moves to Saturday the 26th
        kings_day = date(year, 4, 26)
    return {
        date(year, 1, 1): "nieuwjaarsdag",
        easter - timedelta(days=2): "goede_vrijdag",
        easter: "eerste_paasdag",
        easter + timedelta(days=1): "tweede_paasdag",
        kings_day: "koningsdag",
        date(year, 5, 5): "bevrijdingsdag",
        easter + timedelta(days=39): "hemelvaartsdag",
        easter + timedelta(days=49): "eerste_pinksterdag",
        easter + timedelta(days=50): "tweede_pinksterdag",
        date(year, 12, 25): "eerste_kerstdag",
        date(year, 12, 26): "tweede_kerstdag",
    }


def _local(now: datetime) -> datetime:
    if now.tzinfo is None:
        now = now.replace(tzinfo=ZoneInfo("UTC"))
    return now.astimezone(AMSTERDAM)


def _span(text: str) -> tuple[time, time]:
    start, end = text.split("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


def is_open(weekly: Mapping[str, str], now: datetime) -> bool:
    """Whether ``now`` (any timezone; naive means UTC) falls inside the weekly hours."""
    local = _local(now)
    hours = weekly.get(DAYS[local.weekday()])
    if not hours:
        return False
    start, end = _span(hours)
    return start <= local.time() < end


def _next_opening(weekly: Mapping[str, str], local: datetime, skip_holidays: bool) -> datetime | None:
    for offset in range(0, 15):
        day = local.date() + timedelta(days=offset)
        hours = weekly.get(DAYS[day.weekday()])
        if not hours or (skip_holidays and day in public_holidays(day.year)):
            continue
        start, _ = _span(hours)
        opening = datetime.combine(day, start, tzinfo=AMSTERDAM)
        if opening > local:
            return opening
    return None


def read(hours: Hours, now: datetime) -> Reading:
    """Open, closed (and when it opens) or unknown, for this line at ``now``."""
    if hours.always_open:
        return Reading(State.OPEN)
    if not hours.weekly:
        return Reading(State.UNKNOWN)
    local = _local(now)
    holiday = public_holidays(local.year).get(local.date())
    usually = not hours.verified
    if holiday and hours.on_holidays != "open":
        state = State.CLOSED if hours.on_holidays == "closed" else State.UNKNOWN
        opens = _next_opening(hours.weekly, local, skip_holidays=True) if state is State.CLOSED else None
        return Reading(state, opens, usually, holiday)
    if is_open(hours.weekly, local):
        return Reading(State.OPEN, usually=usually)
    skip = hours.on_holidays != "open"
    return Reading(State.CLOSED, _next_opening(hours.weekly, local, skip_holidays=skip), usually)


def describe(weekly: Mapping[str, str], language: str) -> str:
    """'op werkdagen van 09:00 tot 17:00', 'elke dag van 11:00 tot 21:00', else day by day."""
    spans = {weekly.get(day) for day in DAYS}
    if len(spans) == 1 and None not in spans:
        start, end = _span(weekly["mon"])
        if language == "en":
            return f"every day from {start:%H:%M} to {end:%H:%M}"
        return f"elke dag van {start:%H:%M} tot {end:%H:%M}"
    same_weekdays = {weekly.get(day) for day in WEEKDAYS}
    if len(same_weekdays) == 1 and None not in same_weekdays and not (set(weekly) - set(WEEKDAYS)):
        start, end = _span(weekly["mon"])
        if language == "en":
            return f"on weekdays from {start:%H:%M} to {end:%H:%M}"
        return f"op werkdagen van {start:%H:%M} tot {end:%H:%M}"
    names = _DAY_NAMES.get(language, _DAY_NAMES["nl"])
    return ", ".join(f"{names[day]} {weekly[day]}" for day in DAYS if weekly.get(day))


def describe_moment(moment: datetime, now: datetime, language: str) -> str:
    """'vandaag om 11:00', 'morgen om 09:00', 'ma om 09:00' relative to ``now``."""
    local_now, local = _local(now), _local(moment)
    days = (local.date() - local_now.date()).days
    at = f"{local:%H:%M}"
    if language == "en":
        when = "today" if days == 0 else "tomorrow" if days == 1 else _DAY_NAMES["en"][DAYS[local.weekday()]]
        return f"{when} at {at}"
    when = "vandaag" if days == 0 else "morgen" if days == 1 else _DAY_NAMES["nl"][DAYS[local.weekday()]]
    return f"{when} om {at}"
