"""The escalation policy over a table of situations and moments on the Dutch clock."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.directory.files import read_directory
from bot.escalation import Line, Signal, escalate
from bot.opening_hours import AMSTERDAM, Hours, State, easter_sunday, public_holidays

LINES = tuple(Line(c.service_id, c.channel, c.contact, Hours.from_record(c.hours)) for c in read_directory().channels)

TUESDAY_10 = datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)
TUESDAY_15 = datetime(2026, 12, 1, 15, 0, tzinfo=AMSTERDAM)
TUESDAY_2230 = datetime(2026, 12, 1, 22, 30, tzinfo=AMSTERDAM)
SATURDAY_10 = datetime(2026, 12, 5, 10, 0, tzinfo=AMSTERDAM)
SUNDAY_NIGHT = datetime(2026, 12, 6, 3, 0, tzinfo=AMSTERDAM)
CHRISTMAS_10 = datetime(2026, 12, 25, 10, 0, tzinfo=AMSTERDAM)  # a Friday
CHRISTMAS_15 = datetime(2026, 12, 25, 15, 0, tzinfo=AMSTERDAM)
KINGS_DAY_10 = datetime(2026, 4, 27, 10, 0, tzinfo=AMSTERDAM)  # a Monday
GOOD_FRIDAY_10 = datetime(2026, 4, 3, 10, 0, tzinfo=AMSTERDAM)


def contacts(signals: set[Signal], now: datetime) -> list[str]:
    return [offer.line.contact for offer in escalate(signals, LINES, now)]


def states(signals: set[Signal], now: datetime) -> dict[str, State]:
    return {offer.line.contact: offer.reading.state for offer in escalate(signals, LINES, now)}


# (situation, moment) -> the first lines, in order
TABLE = [
    ({Signal.ACUTE_DANGER}, TUESDAY_10, ["112", "112NL app", "0800-2000"]),
    ({Signal.ACUTE_DANGER}, SUNDAY_NIGHT, ["112", "112NL app", "0800-2000"]),
    ({Signal.ACUTE_DANGER, Signal.CHILD}, TUESDAY_15, ["112", "112NL app", "https://www.kindertelefoon.nl"]),
    ({Signal.SUICIDAL}, SUNDAY_NIGHT, ["113", "https://www.113.nl", "0800-2000"]),
    ({Signal.SUICIDAL}, CHRISTMAS_10, ["113", "https://www.113.nl", "0800-2000"]),
    ({Signal.CHILD}, TUESDAY_15, ["https://www.kindertelefoon.nl", "0800-0432", "0800-2000"]),
    ({Signal.CHILD}, TUESDAY_2230, ["0800-2000", "https://www.kindertelefoon.nl", "0800-0432"]),
    ({Signal.CHILD}, CHRISTMAS_10, ["0800-2000", "https://www.kindertelefoon.nl", "0800-0432"]),
    ({Signal.SEXUAL_VIOLENCE}, SUNDAY_NIGHT, ["0800-0188", "0800-2000", "https://www.centrumseksueelgeweld.nl"]),
    ({Signal.EXPLOITATION}, TUESDAY_10, ["033-448 11 86", "0800-2000", "https://www.chatmetfier.nl"]),
    ({Signal.EXPLOITATION}, SATURDAY_10, ["0800-2000", "https://www.chatmetfier.nl", "033-448 11 86"]),
    ({Signal.EXPLOITATION}, KINGS_DAY_10, ["0800-2000", "033-448 11 86", "https://www.chatmetfier.nl"]),
    ({Signal.HONOUR}, SUNDAY_NIGHT, ["0800-2000", "+31 247 247 247", "+31 6 82 38 77 96"]),
    ({Signal.FGM}, SATURDAY_10, ["0800-2000"]),
    ({Signal.ELDER_ABUSE}, TUESDAY_2230, ["0800-2000"]),
    ({Signal.OWN_BEHAVIOUR}, SATURDAY_10, ["0800-2000", "https://www.veiligthuis.nl"]),
    ({Signal.LEGAL}, TUESDAY_10, ["0800-2000", "0900-8020", "0900-0101", "0900-8844"]),
    ({Signal.BYSTANDER}, TUESDAY_10, ["https://www.veiligthuis.nl", "0800-2000"]),
    ({Signal.BYSTANDER}, SATURDAY_10, ["0800-2000", "https://www.veiligthuis.nl"]),
    (set(), TUESDAY_10, ["https://www.veiligthuis.nl", "0800-2000", "088-0767 000"]),
    (set(), SUNDAY_NIGHT, ["0800-2000", "088-0767 000", "https://www.veiligthuis.nl"]),
    (set(), GOOD_FRIDAY_10, ["0800-2000", "088-0767 000", "https://www.veiligthuis.nl"]),
]


@pytest.mark.parametrize(("signals", "now", "expected"), TABLE)
def test_escalation_table(signals: set[Signal], now: datetime, expected: list[str]) -> None:
    assert contacts(signals, now)[: len(expected)] == expected


@pytest.mark.parametrize(("signals", "now", "_"), TABLE)
def test_veilig_thuis_is_always_offered_and_112_leads_in_danger(signals: set[Signal], now: datetime, _: list) -> None:
    offered = contacts(signals, now)
    assert "0800-2000" in offered
    assert len(offered) == len(set(offered))  # one number once
    assert (offered[0] == "112") is (Signal.ACUTE_DANGER in signals)


def test_closed_lines_say_when_they_open() -> None:
    [kindertelefoon] = [o for o in escalate({Signal.CHILD}, LINES, TUESDAY_2230) if o.line.contact == "0800-0432"]
    assert kindertelefoon.reading.state is State.CLOSED
    assert kindertelefoon.reading.opens_at == datetime(2026, 12, 2, 11, 0, tzinfo=AMSTERDAM)


def test_unverified_hours_are_never_open() -> None:
    for now in (TUESDAY_10, TUESDAY_15, SATURDAY_10, SUNDAY_NIGHT):
        readings = states({Signal.LEGAL, Signal.EXPLOITATION, Signal.SEXUAL_VIOLENCE}, now)
        assert readings["0900-8020"] is State.UNKNOWN
        assert readings["https://www.chatmetfier.nl"] is State.UNKNOWN


def test_on_a_holiday_a_line_without_holiday_hours_is_unknown_not_open() -> None:
    assert states({Signal.EXPLOITATION}, CHRISTMAS_10)["033-448 11 86"] is State.UNKNOWN
    assert states({Signal.CHILD}, CHRISTMAS_15)["0800-0432"] is State.OPEN  # "365 days a year"


def test_the_veilig_thuis_chat_is_only_usually_open() -> None:
    [chat] = [o for o in escalate({Signal.BYSTANDER}, LINES, TUESDAY_10) if o.line.channel == "chat"]
    assert chat.reading.state is State.OPEN and chat.reading.usually


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2024, (3, 31)), (2025, (4, 20)), (2026, (4, 5)), (2027, (3, 28)), (2038, (4, 25))],
)
def test_easter(year: int, easter: tuple[int, int]) -> None:
    assert (easter_sunday(year).month, easter_sunday(year).day) == easter


def test_public_holidays_2026() -> None:
    days = {d.isoformat(): name for d, name in public_holidays(2026).items()}
    assert days["2026-04-03"] == "goede_vrijdag"
    assert days["2026-04-27"] == "koningsdag"
    assert days["2026-05-14"] == "hemelvaartsdag"
    assert days["2026-05-25"] == "tweede_pinksterdag"
    assert len(days) == 11


def test_kings_day_on_a_sunday_moves_to_saturday() -> None:
    assert public_holidays(2025)  # 27 April 2025 is a Sunday
    assert any(d.isoformat() == "2025-04-26" and n == "koningsdag" for d, n in public_holidays(2025).items())
