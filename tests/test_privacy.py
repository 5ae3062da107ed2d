"""Privacy in the store: redacted events, expiry on a controlled clock, forget-me, and anonymous
statistics with suppression; against SQLite and PostgreSQL (127.0.0.1:5432, database test)."""

from __future__ import annotations

import json
import os
import re
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from bot.privacy import stats
from bot.privacy.tracker_store import DEFAULT_RETENTION_MINUTES, RedactingTrackerStore, purge_expired

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = Domain.load(str(ROOT / "domain.yml"))
PG_SERVER = "postgresql://postgres@127.0.0.1:5432/test"
PHONE, EMAIL = "06-12345678", "jan.jansen@example.nl"


def _postgres_schema() -> Iterator[str]:
    schema = f"wegwijzer_privacy_{uuid.uuid4().hex[:8]}"
    try:
        server = create_engine(PG_SERVER, future=True)
        with server.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as error:  # noqa: BLE001 - any connection failure means: no server here
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at 127.0.0.1:5432 is required in CI: {type(error).__name__}")
        pytest.skip(f"no PostgreSQL at 127.0.0.1:5432 ({type(error).__name__})")
    yield schema
    with server.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    server.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RedactingTrackerStore]:
    if request.param == "sqlite":
        yield RedactingTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
        return
    for schema in _postgres_schema():
        yield RedactingTrackerStore(
            domain=DOMAIN,
            dialect="postgresql",
            host="127.0.0.1",
            port=5432,
            db="test",
            username="postgres",
            query={"options": f"-csearch_path={schema}"},
        )


@pytest.fixture(params=["sqlite", "postgresql"])
def stats_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    if request.param == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path / 'stats.db'}", future=True)
        stats.metadata.create_all(engine)
        yield engine
        return
    for schema in _postgres_schema():
        engine = create_engine(f"{PG_SERVER}?options=-csearch_path%3D{schema}", future=True)
        stats.metadata.create_all(engine)
        yield engine
        engine.dispose()


NOW = time.time()


def _tracker(sender: str, message: str, intent: str = "disclose_violence", at: float = NOW) -> DialogueStateTracker:
    parse = {"text": message, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    events = [
        ActionExecuted("action_session_start", timestamp=at),
        SessionStarted(timestamp=at),
        ActionExecuted("action_listen", timestamp=at),
        UserUttered(message, intent=parse["intent"], parse_data=parse, input_channel="rest", timestamp=at + 1),
        SlotSet("place", "Zwolle", timestamp=at + 1),
        SlotSet("region_id", "ijsselland", timestamp=at + 1),
        BotUttered("Voor Zwolle is dat Veilig Thuis IJsselland.", timestamp=at + 2),
    ]
    return DialogueStateTracker.from_events(sender, events, DOMAIN.slots)


def _stored(store: RedactingTrackerStore, sender: str) -> list[dict]:
    with store.engine.connect() as connection:
        rows = connection.execute(text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender})
        return [json.loads(row.data) for row in rows]


@pytest.fixture(autouse=True)
def _stats_to_a_temporary_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    stats._engine.cache_clear()
    yield
    stats._engine.cache_clear()


async def test_personal_data_never_reaches_the_store(store: RedactingTrackerStore) -> None:
    await store.save(_tracker("s1", f"mijn nummer is {PHONE}, mail me op {EMAIL}"))
    dump = json.dumps(_stored(store, "s1"))
    assert PHONE not in dump and EMAIL not in dump and "12345678" not in dump
    user = next(e for e in _stored(store, "s1") if e["event"] == "user")
    assert user["text"] == user["parse_data"]["text"]
    assert "[telefoonnummer]" in user["text"] and "[e-mail]" in user["text"]


async def test_the_place_the_lookup_needs_is_kept(store: RedactingTrackerStore) -> None:
    await store.save(_tracker("s2", "ik woon in Zwolle"))
    slots = {e["name"]: e["value"] for e in _stored(store, "s2") if e["event"] == "slot"}
    assert slots == {"place": "Zwolle", "region_id": "ijsselland"}
    restored = await store.retrieve("s2")
    assert restored is not None and restored.get_slot("region_id") == "ijsselland"


async def test_forget_me_deletes_the_conversation_at_once(store: RedactingTrackerStore) -> None:
    await store.save(_tracker("s3", "hoi"))
    assert _stored(store, "s3")
    forget = _tracker("s3", "vergeet dit gesprek", intent="forget_conversation")
    await store.save(forget)
    assert _stored(store, "s3") == []
    assert await store.retrieve("s3") is None


async def test_conversations_expire_after_the_retention_on_a_controlled_clock(store: RedactingTrackerStore) -> None:
    await store.save(_tracker("old", "hoi", at=NOW))
    await store.save(_tracker("new", "hoi", at=NOW + 50 * 60))
    just_before = NOW + 2 + DEFAULT_RETENTION_MINUTES * 60 - 1  # the last event of "old" is at NOW + 2
    assert purge_expired(store.engine, DEFAULT_RETENTION_MINUTES, now=just_before) == 0
    deleted = purge_expired(store.engine, DEFAULT_RETENTION_MINUTES, now=just_before + 2)
    assert deleted == len(_tracker("old", "hoi").events)
    assert _stored(store, "old") == [] and _stored(store, "new")


def test_the_retention_matches_the_session_expiry_and_the_endpoint() -> None:
    assert DOMAIN.session_config.session_expiration_time == DEFAULT_RETENTION_MINUTES
    assert f"retention_minutes: {DEFAULT_RETENTION_MINUTES}" in (ROOT / "endpoints.yml").read_text()


def test_statistics_count_per_day_and_suppress_small_cells(stats_engine: object) -> None:
    day = date(2026, 12, 1)
    cell = {"channel": "rest", "language": "nl", "persona": "bystander", "route": "bystander_worry"}
    rare = {**cell, "region": "twente", "route": "veilig_thuis_card"}
    for _ in range(7):
        stats.add(cell, day=day, engine=stats_engine)
    for _ in range(4):
        stats.add(rare, day=day, engine=stats_engine)
    rows = {row.cell: row.count for row in stats.export(engine=stats_engine)}
    assert rows[("rest", "nl", "bystander", "bystander_worry", "", "")] == 7
    assert rows[("rest", "nl", "bystander", "veilig_thuis_card", "", "twente")] is None  # 4 < 5
    table = stats.format_table(stats.export(engine=stats_engine))
    assert "<5" in table and re.search(r"\b4\b", table) is None


def test_the_statistics_table_has_no_sender_text_or_time(stats_engine: object) -> None:
    columns = {c.name for c in stats.daily_count.columns}
    assert columns == {"day", "channel", "language", "persona", "route", "target", "region", "count"}
    assert str(stats.daily_count.c.day.type) == "DATE"


async def test_saving_counts_each_user_message_anonymously(store: RedactingTrackerStore) -> None:
    await store.save(_tracker("s4", "mijn buurvrouw wordt geslagen", intent="bystander_worry"))
    rows = stats.export()
    assert [(r.cell[0], r.cell[3]) for r in rows] == [("rest", "bystander_worry")]
    assert rows[0].count is None  # one message: suppressed in every export


def test_privacy_md_states_the_figures_the_code_uses() -> None:
    privacy = (ROOT / "PRIVACY.md").read_text(encoding="utf-8")
    minutes = DEFAULT_RETENTION_MINUTES
    assert f"**{minutes} minuten**" in privacy and f"**{minutes} minutes**" in privacy
    assert f"**minder dan {stats.SUPPRESS_BELOW}**" in privacy and f"**below {stats.SUPPRESS_BELOW}**" in privacy


def test_the_chart_is_written(tmp_path: Path, stats_engine: object) -> None:
    for _ in range(6):
        stats.add({"route": "greet"}, engine=stats_engine)
    stats.write_chart(stats.export(engine=stats_engine), tmp_path / "stats.png")
    assert (tmp_path / "stats.png").stat().st_size > 1000


def test_a_sqlite_tracker_store_keeps_its_connection_in_wal_mode(tmp_path: Path) -> None:
    # Reopening the file per message checkpointed the log to disk on every commit (5-8 ms each).
    from sqlalchemy.pool import QueuePool

    store = RedactingTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    assert isinstance(store.engine.pool, QueuePool)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with store.session_scope() as session:
        assert session.bind is store.engine
