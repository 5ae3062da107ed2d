"""Shared fixtures: the real domain, and rasa-sdk trackers built the way the server builds them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text())


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def make_tracker(*, text: str = "", intent_ranking: list[dict[str, Any]] | None = None, **slots: Any) -> Tracker:
    ranking = intent_ranking or []
    latest = {"text": text, "intent": ranking[0] if ranking else {}, "intent_ranking": ranking, "entities": []}
    return Tracker(
        sender_id="test",
        slots={"language": "nl", **slots},
        latest_message=latest,
        events=[{"event": "user", "text": text, "parse_data": latest}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


@pytest.fixture(scope="session")
def directory_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from tests.support import loaded_directory

    return loaded_directory(tmp_path_factory.mktemp("directory"))


@pytest.fixture
def loaded(directory_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The actions read this loaded directory (DATABASE_URL), fresh from their per-process cache."""
    from bot.directory import repository

    monkeypatch.setenv("DATABASE_URL", directory_url)
    repository.directory.cache_clear()
    yield
    repository.directory.cache_clear()
