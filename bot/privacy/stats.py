"""Anonymous statistics: how many people sought which help, per day. No sender, no text, no time.

One row per (day, channel, language, persona, route, escalation target, Veilig Thuis region) with
a count. Every export suppresses counts below SUPPRESS_BELOW, so a small group cannot be singled out.
The tracker store adds one per user message; the actions add the escalation target and the region.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, UniqueConstraint, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

from bot.directory.database import make_engine

logger = logging.getLogger(__name__)

SUPPRESS_BELOW = 5
DIMENSIONS = ("channel", "language", "persona", "route", "target", "region")
metadata = MetaData()
daily_count = Table(
    "daily_count",
    metadata,
    Column("day", Date, nullable=False),
    *(Column(name, String(60), nullable=False, default="") for name in DIMENSIONS),
    Column("count", Integer, nullable=False),
    UniqueConstraint("day", *DIMENSIONS, name="daily_count_cell"),
)

# Which intents say who someone is; the first that fits wins.
_PERSONAS = (
    ("professional", {"professional_meldcode", "start_afwegingskader"}),
    ("own_behaviour", {"own_behaviour"}),
    ("bystander", {"bystander_worry", "ask_signals", "ask_what_can_i_do", "ask_advice_or_report"}),
    ("victim", {"disclose_violence", "acute_danger", "sexual_violence", "exploitation", "honour_violence"}),
)


@lru_cache(maxsize=1)
def _engine() -> Engine:
    engine = make_engine()
    metadata.create_all(engine)
    return engine


def persona(intents: Iterable[str], youth: bool) -> str:
    if youth:
        return "young_person"
    seen = set(intents)
    return next((name for name, triggers in _PERSONAS if seen & triggers), "unknown")


def add(cell: Mapping[str, str | None], day: date | None = None, engine: Engine | None = None) -> None:
    """Add one to a cell of the table."""
    engine = engine or _engine()
    values = {"day": day or datetime.now(timezone.utc).date(), **{d: str(cell.get(d) or "") for d in DIMENSIONS}}
    insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    statement = insert(daily_count).values(**values, count=1)
    statement = statement.on_conflict_do_update(
        index_elements=["day", *DIMENSIONS], set_={"count": daily_count.c["count"] + 1}
    )
    with engine.begin() as connection:
        connection.execute(statement)


def _intents(tracker: Any) -> list[str]:
    names = []
    for event in tracker.events:
        intent = getattr(event, "intent_name", None)
        if intent:
            names.append(intent)
    return names


def record_message(tracker: Any, user_event: Mapping[str, Any]) -> None:
    """One user message; never fails the conversation (statistics are not worth an error)."""
    try:
        add(
            {
                "channel": user_event.get("input_channel"),
                "language": tracker.get_slot("language"),
                "persona": persona(_intents(tracker), bool(tracker.get_slot("youth"))),
                "route": ((user_event.get("parse_data") or {}).get("intent") or {}).get("name"),
            }
        )
    except Exception as error:  # noqa: BLE001
        logger.error("statistics not recorded: %s", type(error).__name__)


def record_outcome(tracker: Any, route: str, target: str | None = None, region: str | None = None) -> None:
    """From an action (rasa-sdk tracker): which person was offered, which region's card was shown."""
    try:
        users = [e for e in tracker.events if e.get("event") == "user"]
        intents = [(e.get("parse_data") or {}).get("intent", {}).get("name") for e in users]
        add(
            {
                "channel": tracker.get_latest_input_channel(),
                "language": tracker.get_slot("language"),
                "persona": persona([i for i in intents if i], bool(tracker.get_slot("youth"))),
                "route": route,
                "target": target,
                "region": region,
            }
        )
    except Exception as error:  # noqa: BLE001
        logger.error("statistics not recorded: %s", type(error).__name__)


@dataclass(frozen=True)
class Row:
    day: date
    cell: tuple[str, ...]
    count: int | None  # None: suppressed


def export(engine: Engine | None = None, since: date | None = None) -> list[Row]:
    """Every cell, with counts below SUPPRESS_BELOW suppressed: the only way counts leave the table."""
    engine = engine or _engine()
    query = select(daily_count).order_by(daily_count.c.day, *(daily_count.c[d] for d in DIMENSIONS))
    if since:
        query = query.where(daily_count.c.day >= since)
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return [
        Row(r["day"], tuple(r[d] for d in DIMENSIONS), r["count"] if r["count"] >= SUPPRESS_BELOW else None)
        for r in rows
    ]


def format_table(rows: list[Row]) -> str:
    header = ("day", *DIMENSIONS, "count")
    lines = [header] + [
        (row.day.isoformat(), *(c or "-" for c in row.cell), str(row.count) if row.count else f"<{SUPPRESS_BELOW}")
        for row in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(value.ljust(width) for value, width in zip(line, widths, strict=True)) for line in lines)


def write_chart(rows: list[Row], path: Path) -> None:
    """Messages per route (suppressed cells left out) as a bar chart."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    totals: dict[str, int] = {}
    for row in rows:
        if row.count is not None:
            route = row.cell[DIMENSIONS.index("route")] or "-"
            totals[route] = totals.get(route, 0) + row.count
    figure, axis = plt.subplots(figsize=(8, max(2.5, 0.35 * len(totals) + 1)))
    names = sorted(totals, key=totals.get)
    axis.barh(names, [totals[n] for n in names], color="#154273")
    axis.set_xlabel(f"messages (cells below {SUPPRESS_BELOW} left out)")
    axis.set_title("Wegwijzer: messages per route")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
