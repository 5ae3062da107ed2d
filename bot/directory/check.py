"""Consistency checks on the loaded directory: what must hold before the bot may route anyone."""

from __future__ import annotations

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

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
from bot.escalation import ROUTES

NATIONAL_NUMBER = "0800-2000"
IN_USE = frozenset({"active", "route", "renamed"})  # "renamed": the line answers under a new name
EMPTY = "directory is empty: run `python -m bot directory load`"


def problems(engine: Engine) -> list[str]:
    """Every broken rule as one readable line; empty when the directory is fit to use."""
    if not inspect(engine).has_table(Organisation.__tablename__):
        return [EMPTY]
    found: list[str] = []
    with Session(engine, future=True) as session:
        regions = set(session.execute(select(Organisation.region_id)).scalars())
        municipality_codes = set(session.execute(select(Municipality.code)).scalars())
        national = {row.key: row.value for row in session.execute(select(National)).scalars()}

        if national.get("phone") != NATIONAL_NUMBER or not national.get("phone_source"):
            found.append(f"national: the fallback number must be {NATIONAL_NUMBER} with a source")
        if not regions:
            return [*found, EMPTY]
        for org in session.execute(select(Organisation)).scalars():
            if not org.name.strip():
                found.append(f"organisation {org.region_id}: no name")
            if not org.source:
                found.append(f"organisation {org.region_id}: no source")
            for field in ("website", "email"):
                if getattr(org, field) and not getattr(org, f"{field}_source"):
                    found.append(f"organisation {org.region_id}: {field} without a source")
            if org.chat_hours and not org.chat_hours.get("source"):
                found.append(f"organisation {org.region_id}: chat hours without a source")
        served = set(session.execute(select(Municipality.region_id)).scalars())
        for region in sorted(regions - served):
            found.append(f"organisation {region}: serves no municipality")

        for m in session.execute(select(Municipality)).scalars():
            if m.region_id not in regions:
                found.append(f"municipality {m.code} {m.name}: region {m.region_id!r} does not exist")
            if not m.source:
                found.append(f"municipality {m.code} {m.name}: no source")
        for model, label, name_column in (
            (Town, "town", Town.name),
            (PlaceAlias, "alias", PlaceAlias.alias),
            (Postcode, "postcode", Postcode.pc4),
            (ResourceArea, "resource area", ResourceArea.service_id),
        ):
            rows = session.execute(select(name_column, model.municipality_code, model.source)).all()
            for name, code, source in rows:
                if code not in municipality_codes:
                    found.append(f"{label} {name}: municipality {code} does not exist")
                if not source:
                    found.append(f"{label} {name}: no source")
        main_count = dict(
            session.execute(
                select(Postcode.pc4, func.count()).where(Postcode.is_main.is_(True)).group_by(Postcode.pc4)
            ).all()
        )
        for pc4 in sorted(set(session.execute(select(Postcode.pc4)).scalars())):
            if main_count.get(pc4) != 1:
                found.append(f"postcode {pc4}: needs exactly one main municipality")

        services = {}
        for service in session.execute(select(Service)).scalars():
            services[service.id] = service
            if (service.phone or service.url) and not service.source:
                found.append(f"service {service.id}: phone or URL without a source")
        channels = set(session.execute(select(ServiceChannel.service_id, ServiceChannel.channel)).all())
        for route in sorted({key for keys in ROUTES.values() for key in keys} - channels):
            found.append(f"escalation route {route[0]} {route[1]}: no such channel in service_hours.yml")
        for line in session.execute(select(ServiceChannel)).scalars():
            label = f"channel {line.service_id} {line.channel}"
            service = services.get(line.service_id)
            if service is None or service.status not in IN_USE:
                found.append(f"{label}: the service is not in use")
            elif line.contact not in f"{service.phone} {service.url}":
                found.append(f"{label}: {line.contact} is not in the service's sourced record")
            if not line.source:
                found.append(f"{label}: no source")
    return found
