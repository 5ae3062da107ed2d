"""Read the loaded directory from the database once per process and serve it from memory."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.directory.database import make_engine
from bot.directory.lookup import MunicipalityInfo, PlaceIndex
from bot.directory.models import (
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
from bot.escalation import Line
from bot.opening_hours import Hours


@dataclass(frozen=True)
class OrganisationCard:
    """What the bot may say about a regional organisation: sourced fields only, empty = unknown."""

    region_id: str
    name: str
    website: str | None
    email: str | None
    chat_hours: dict[str, Any] | None


@dataclass(frozen=True)
class KnownArea:
    """Where a resource is known to have run: for the card, by Veilig Thuis region."""

    municipality: str
    region_id: str
    organisations: tuple[str, ...]
    years: str | None


@dataclass(frozen=True)
class Directory:
    index: PlaceIndex
    organisations: dict[str, OrganisationCard]
    national: dict[str, Any]
    services: dict[str, dict[str, Any]]
    lines: tuple[Line, ...]
    nieuwe_toekomst_areas: tuple[KnownArea, ...]


def read(engine: Engine) -> Directory:
    with Session(engine, future=True) as session:
        municipalities = [
            MunicipalityInfo(m.code, m.name, m.province, m.region_id)
            for m in session.execute(select(Municipality)).scalars()
        ]
        index = PlaceIndex(
            municipalities,
            session.execute(select(Town.name, Town.municipality_code)).all(),
            session.execute(select(PlaceAlias.alias, PlaceAlias.kind, PlaceAlias.municipality_code)).all(),
            session.execute(select(Postcode.pc4, Postcode.municipality_code)).all(),
        )
        organisations = {
            o.region_id: OrganisationCard(
                o.region_id,
                o.name,
                o.website if o.website_source else None,
                o.email if o.email_source else None,
                o.chat_hours,
            )
            for o in session.execute(select(Organisation)).scalars()
        }
        national = {row.key: row.value for row in session.execute(select(National)).scalars()}
        services = {s.id: s.record for s in session.execute(select(Service)).scalars()}
        lines = tuple(
            Line(c.service_id, c.channel, c.contact, Hours.from_record(c.hours))
            for c in session.execute(select(ServiceChannel).order_by(ServiceChannel.id)).scalars()
        )
        areas = tuple(
            KnownArea(municipality.name, municipality.region_id, tuple(area.organisations), area.years)
            for area, municipality in session.execute(
                select(ResourceArea, Municipality)
                .join(Municipality, Municipality.code == ResourceArea.municipality_code)
                .where(ResourceArea.service_id == "de_nieuwe_toekomst")
                .order_by(ResourceArea.id)
            ).all()
        )
    return Directory(index, organisations, national, services, lines, areas)


@lru_cache(maxsize=1)
def directory() -> Directory:
    """The process-wide directory, read on first use (DATABASE_URL or var/directory.db)."""
    engine = make_engine()
    try:
        return read(engine)
    finally:
        engine.dispose()
