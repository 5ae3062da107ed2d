"""Which Telegram messages the bot has seen, so /wis can delete them while Telegram still allows it.

Only chat id, message id and when: no text. Telegram lets a bot delete messages for 48 hours;
after that a row is useless, so /wis and the purge drop it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from sqlalchemy import BigInteger, Column, DateTime, MetaData, String, Table, delete, func, insert, select
from sqlalchemy.engine import Engine

from bot.directory.database import make_engine

DELETABLE_FOR = timedelta(hours=48)
metadata = MetaData()
telegram_message = Table(
    "telegram_message",
    metadata,
    Column("chat_id", String(40), nullable=False, index=True),
    Column("message_id", BigInteger, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class MessageLog:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = _utc_now) -> None:
        self.engine = engine
        self.clock = clock
        metadata.create_all(engine)

    @classmethod
    def from_env(cls) -> MessageLog:
        return cls(make_engine())

    def seen(self, chat_id: str, message_id: int) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                insert(telegram_message).values(chat_id=chat_id, message_id=message_id, seen_at=self.clock())
            )

    def _cutoff(self) -> datetime:
        # A margin of a minute: a message at 47:59 h may be 48 h old when the call arrives.
        return self.clock() - DELETABLE_FOR + timedelta(minutes=1)

    def deletable(self, chat_id: str) -> list[int]:
        query = (
            select(telegram_message.c.message_id)
            .where(telegram_message.c.chat_id == chat_id, telegram_message.c.seen_at > self._cutoff())
            .order_by(telegram_message.c.message_id)
        )
        with self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    def too_old(self, chat_id: str) -> int:
        query = select(func.count()).where(
            telegram_message.c.chat_id == chat_id, telegram_message.c.seen_at <= self._cutoff()
        )
        with self.engine.connect() as connection:
            return connection.execute(query).scalar_one()

    def purge(self) -> int:
        """Drop every row older than 48 hours: such a message can no longer be deleted anyway."""
        with self.engine.begin() as connection:
            cutoff = self.clock() - DELETABLE_FOR
            return connection.execute(delete(telegram_message).where(telegram_message.c.seen_at < cutoff)).rowcount or 0

    def forget(self, chat_id: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(telegram_message).where(telegram_message.c.chat_id == chat_id))
