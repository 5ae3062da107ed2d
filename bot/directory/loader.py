"""Load the data files into the database: all tables replaced in one transaction."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from sqlalchemy import insert, inspect, select
from sqlalchemy.engine import Engine

from bot.directory.files import DATA_DIR, DirectoryData, data_hash, read_directory
from bot.directory.models import (
    Base,
    LoadInfo,
    Municipality,
    National,
    Organisation,
    PlaceAlias,
    Postcode,
    ResourceArea,
    Service,
    ServiceChannel,
    Town,
)

DATA_HASH_KEY = "data_hash"


def loaded_hash(engine: Engine) -> str | None:
    if not inspect(engine).has_table(LoadInfo.__tablename__):
        return None
    with engine.connect() as connection:
        return connection.execute(select(LoadInfo.value).where(LoadInfo.key == DATA_HASH_KEY)).scalar()


def is_current(engine: Engine, data_dir: Path = DATA_DIR) -> bool:
    return loaded_hash(engine) == data_hash(data_dir)


def _rows(data: DirectoryData, digest: str) -> list[tuple[type[Base], list[dict]]]:
    # Parents before children, so foreign keys hold at every insert.
    return [
        (National, [{"key": key, "value": value} for key, value in data.national.items()]),
        (Organisation, [asdict(row) for row in data.organisations]),
        (Municipality, [asdict(row) for row in data.municipalities]),
        (Town, [asdict(row) for row in data.towns]),
        (PlaceAlias, [asdict(row) for row in data.aliases]),
        (Postcode, [asdict(row) for row in data.postcodes]),
        (Service, [{**asdict(row), "unverified": list(row.unverified)} for row in data.services]),
        (ServiceChannel, [asdict(row) for row in data.channels]),
        (ResourceArea, [{**asdict(row), "organisations": list(row.organisations)} for row in data.resource_areas]),
        (LoadInfo, [{"key": DATA_HASH_KEY, "value": digest}]),
    ]


def load(engine: Engine, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Replace the directory with the files' content; returns the row count per table."""
    data = read_directory(data_dir)
    digest = data_hash(data_dir)
    Base.metadata.create_all(engine)
    counts: dict[str, int] = {}
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
        for model, rows in _rows(data, digest):
            if rows:
                connection.execute(insert(model), rows)
            counts[model.__tablename__] = len(rows)
    return counts
