"""Telegram helpers without a network: callback data, bubbles, and the 48-hour message log."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.channels.telegram import MAX_CALLBACK_BYTES, PREVIEW_LINE, bubbles, callback_data
from bot.channels.telegram_messages import MessageLog
from bot.directory.database import make_engine


def test_a_payload_that_fits_is_kept() -> None:
    payload = '/inform_place{"place": "gemeente Bergen (L.)"}'
    assert callback_data({"title": "Bergen (Limburg)", "payload": payload}) == payload


def test_a_long_payload_becomes_the_title_which_the_nlu_reads() -> None:
    button = {"title": "Nieuwerkerk aan den IJssel (gemeente Zuidplas)", "payload": "/inform_place" + "x" * 80}
    data = callback_data(button)
    assert data == button["title"] and len(data.encode()) <= MAX_CALLBACK_BYTES


def test_a_long_multibyte_title_is_cut_at_64_bytes_without_breaking_a_character() -> None:
    data = callback_data({"title": "é" * 50, "payload": "/x" + "y" * 100})
    assert len(data.encode()) <= MAX_CALLBACK_BYTES and data == "é" * 32


def test_blank_lines_split_bubbles_and_each_starts_neutral() -> None:
    parts = bubbles("Ben je nu in gevaar? Bel 112.\n\nVeilig Thuis: 0800-2000.")
    assert parts == [f"{PREVIEW_LINE}\nBen je nu in gevaar? Bel 112.", f"{PREVIEW_LINE}\nVeilig Thuis: 0800-2000."]
    assert all("gevaar" not in p.splitlines()[0] for p in parts)


def test_only_messages_younger_than_48_hours_can_be_deleted(tmp_path) -> None:
    now = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
    clock = [now - timedelta(hours=50)]
    log = MessageLog(make_engine(f"sqlite:///{tmp_path / 't.db'}"), clock=lambda: clock[0])
    log.seen("1", 10)
    clock[0] = now - timedelta(hours=1)
    log.seen("1", 11)
    log.seen("2", 20)
    clock[0] = now
    assert log.deletable("1") == [11]
    assert log.too_old("1") == 1
    log.forget("1")
    assert log.deletable("1") == [] and log.too_old("1") == 0
    assert log.deletable("2") == [20]
