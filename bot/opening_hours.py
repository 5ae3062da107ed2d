"""Weekly opening hours from the data files, read on the Dutch clock (Europe/Amsterdam)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAYS = DAYS[:5]
_DAY_NAMES = {
    "nl": dict(zip(DAYS, ("ma", "di", "wo", "do", "vr", "za", "zo"), strict=True)),
    "en": dict(zip(DAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True)),
}


def _span(text: str) -> tuple[time, time]:
    start, end = text.split("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


def is_open(weekly: Mapping[str, str], now: datetime) -> bool:
    """Whether ``now`` (any timezone; naive means UTC) falls inside the weekly hours."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=ZoneInfo("UTC"))
    local = now.astimezone(AMSTERDAM)
    hours = weekly.get(DAYS[local.weekday()])
    if not hours:
        return False
    start, end = _span(hours)
    return start <= local.time() < end


def describe(weekly: Mapping[str, str], language: str) -> str:
    """'op werkdagen van 09:00 tot 17:00' for the common case, else day by day."""
    same_weekdays = {weekly.get(day) for day in WEEKDAYS}
    if len(same_weekdays) == 1 and None not in same_weekdays and not (set(weekly) - set(WEEKDAYS)):
        start, end = _span(weekly["mon"])
        if language == "en":
            return f"on weekdays from {start:%H:%M} to {end:%H:%M}"
        return f"op werkdagen van {start:%H:%M} tot {end:%H:%M}"
    names = _DAY_NAMES.get(language, _DAY_NAMES["nl"])
    return ", ".join(f"{names[day]} {weekly[day]}" for day in DAYS if weekly.get(day))
