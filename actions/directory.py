"""The directory for the actions, or None when the database cannot be read."""

from __future__ import annotations

import logging

from bot.directory.repository import Directory, directory

logger = logging.getLogger(__name__)


def load_directory() -> Directory | None:
    # The database can be down; the card then falls back on 0800-2000, never on silence.
    try:
        return directory()
    except Exception as error:  # noqa: BLE001 - any failure must end in the national number
        logger.error("directory unavailable: %s", type(error).__name__)
        return None
