"""Read the directory's data files (data/directory) into plain rows.

The files are the source of truth; the database is a loaded copy. Both the loader and the
NLU place extractor read through here, so there is one parser for each file.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.directory.lookup import MunicipalityInfo, PlaceIndex

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "directory"

# The compiled routing data cites these for every row of the CSV it comes from.
MUNICIPALITY_SOURCE_FIELD = "source"
PC4_SOURCE = "CBS, Buurt, wijk en gemeente 2024 voor postcode huisnummer (pc6hnr 2024-08-01, CC BY 4.0)"
TOWN_SOURCE = (
    "CBS Woonplaatsen in Nederland via github.com/woonstadrotterdam/woningwaardering "
    "woningwaardering/data/corop/corop.generated.csv (generated 2024-11-13, CC BY 4.0)"
)
MUNICIPALITY_ALIAS_SOURCE = "municipalities.csv, column aliases (see ROUTING_README.md, section 2)"


@dataclass(frozen=True)
class OrganisationRow:
    region_id: str
    name: str
    source: str
    website: str | None = None
    website_source: str | None = None
    email: str | None = None
    email_source: str | None = None
    chat_hours: dict[str, Any] | None = None


@dataclass(frozen=True)
class MunicipalityRow:
    code: str
    name: str
    province: str
    region_id: str
    mapping_confidence: str
    source: str


@dataclass(frozen=True)
class AliasRow:
    """Another name for a municipality or a town: a common name, the other language, a district."""

    alias: str
    kind: str  # municipality_alias | town_alias | district
    municipality_code: str
    source: str
    town_code: str | None = None


@dataclass(frozen=True)
class TownRow:
    code: str
    name: str
    municipality_code: str
    source: str


@dataclass(frozen=True)
class PostcodeRow:
    pc4: str
    municipality_code: str
    is_main: bool
    source: str


@dataclass(frozen=True)
class ServiceRow:
    """A hotline or a resource (De Nieuwe Toekomst): kept whole, with its own source fields."""

    id: str
    kind: str  # hotline | resource
    name: str
    status: str
    source: str
    phone: str | None
    url: str | None
    unverified: tuple[str, ...]
    record: dict[str, Any] = field(hash=False, compare=False)


@dataclass(frozen=True)
class ChannelRow:
    service_id: str
    channel: str
    contact: str
    hours: dict[str, Any] = field(hash=False, compare=False)
    source: str = ""


@dataclass(frozen=True)
class ResourceAreaRow:
    service_id: str
    municipality_code: str
    organisations: tuple[str, ...]
    years: str | None
    source: str


@dataclass(frozen=True)
class DirectoryData:
    national: dict[str, Any]
    organisations: tuple[OrganisationRow, ...]
    municipalities: tuple[MunicipalityRow, ...]
    aliases: tuple[AliasRow, ...]
    towns: tuple[TownRow, ...]
    postcodes: tuple[PostcodeRow, ...]
    services: tuple[ServiceRow, ...]
    channels: tuple[ChannelRow, ...]
    resource_areas: tuple[ResourceAreaRow, ...]


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def data_hash(data_dir: Path = DATA_DIR) -> str:
    """Content hash of every data file, so the database is reloaded when any of them changes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_organisations(data_dir: Path) -> tuple[dict[str, Any], tuple[OrganisationRow, ...]]:
    structured = _yaml(data_dir / "organisations.yml")
    compiled = {row["region_id"]: row for row in _csv(data_dir / "veilig_thuis_organisations.csv")}
    rows = []
    for entry in structured["organisations"]:
        region_id = entry["region_id"]
        rows.append(
            OrganisationRow(
                region_id=region_id,
                name=entry["name"],
                source=compiled[region_id]["source_url"] if region_id in compiled else "",
                website=entry.get("website"),
                website_source=entry.get("website_source"),
                email=entry.get("email"),
                email_source=entry.get("email_source"),
                chat_hours=entry.get("chat_hours"),
            )
        )
    return structured["national"], tuple(rows)


def read_municipalities(data_dir: Path) -> tuple[tuple[MunicipalityRow, ...], tuple[AliasRow, ...]]:
    municipalities, aliases = [], []
    for row in _csv(data_dir / "municipalities.csv"):
        municipalities.append(
            MunicipalityRow(
                code=row["gemeentecode"],
                name=row["gemeentenaam"],
                province=row["province"],
                region_id=row["veilig_thuis_region_id"],
                mapping_confidence=row["vt_mapping_confidence"],
                source=row[MUNICIPALITY_SOURCE_FIELD],
            )
        )
        for alias in filter(None, (a.strip() for a in row["aliases"].split("|"))):
            aliases.append(AliasRow(alias, "municipality_alias", row["gemeentecode"], MUNICIPALITY_ALIAS_SOURCE))
    return tuple(municipalities), tuple(aliases)


def read_towns(data_dir: Path) -> tuple[TownRow, ...]:
    return tuple(
        TownRow(row["woonplaatscode"], row["woonplaats"], row["gemeentecode"], TOWN_SOURCE)
        for row in _csv(data_dir / "woonplaats_gemeente.csv")
    )


def read_postcodes(data_dir: Path) -> tuple[PostcodeRow, ...]:
    rows = []
    for row in _csv(data_dir / "pc4_gemeente.csv"):
        rows.append(PostcodeRow(row["pc4"], row["gemeentecode"], True, PC4_SOURCE))
        for other in filter(None, row["other_gemeentecodes"].split("|")):
            rows.append(PostcodeRow(row["pc4"], other, False, PC4_SOURCE))
    return tuple(rows)


_COMPASS = re.compile(r"noord|zuid|oost|west|midden", re.IGNORECASE)


def _district_parts(name: str) -> list[str]:
    """'Kralingen-Crooswijk' is named after Kralingen and Crooswijk, and people say either."""
    parts = name.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() and len(p) >= 6 and not _COMPASS.search(p) for p in parts):
        return []
    return parts


def _source(row: dict[str, str]) -> str:
    return f"{row['source_url']} ({row['source_note']})" if row.get("source_note") else row["source_url"]


def read_extra_aliases(data_dir: Path, towns: tuple[TownRow, ...]) -> tuple[AliasRow, ...]:
    """Districts and other-language town names: project files with a source on every row."""
    rows: list[AliasRow] = []
    for row in _csv(data_dir / "districts.csv"):
        rows.append(AliasRow(row["name"], "district", row["gemeentecode"], _source(row)))
        for part in _district_parts(row["name"]):
            source = f"{_source(row)}; part of the district name {row['name']}"
            rows.append(AliasRow(part, "district", row["gemeentecode"], source))
    town_code = {(t.name, t.municipality_code): t.code for t in towns}
    for row in _csv(data_dir / "town_aliases.csv"):
        code = town_code.get((row["woonplaats"], row["gemeentecode"]))
        rows.append(AliasRow(row["alias"], "town_alias", row["gemeentecode"], _source(row), code))
    return tuple(rows)


def read_services(data_dir: Path) -> tuple[ServiceRow, ...]:
    services = []
    for record in _yaml(data_dir / "hotlines.yml")["services"]:
        services.append(
            ServiceRow(
                id=record["id"],
                kind="hotline",
                name=record["name"],
                status=record.get("status", ""),
                source=record.get("source_url") or "",
                phone=record.get("phone"),
                url=record.get("chat_or_web"),
                unverified=tuple(record.get("unverified") or ()),
                record=record,
            )
        )
    dnt = _yaml(data_dir / "nieuwe_toekomst.yml")
    dnt_sources = dnt["what_it_is"]["sources"]
    services.append(
        ServiceRow(
            id="de_nieuwe_toekomst",
            kind="resource",
            name=dnt["name"],
            status="active",
            source=dnt_sources[0]["url"],
            phone=None,
            url=dnt_sources[0]["url"],
            unverified=("availability per municipality",),
            record=dnt,
        )
    )
    return tuple(services)


def read_channels(data_dir: Path) -> tuple[ChannelRow, ...]:
    rows = []
    for entry in _yaml(data_dir / "service_hours.yml")["services"]:
        hours = {k: entry.get(k) for k in ("always_open", "weekly", "on_holidays", "verified") if k in entry}
        rows.append(ChannelRow(entry["service"], entry["channel"], str(entry["contact"]), hours, entry["source_url"]))
    return tuple(rows)


def read_resource_areas(data_dir: Path) -> tuple[ResourceAreaRow, ...]:
    rows = []
    for entry in _yaml(data_dir / "nieuwe_toekomst_regions.yml")["entries"]:
        for code in entry["municipalities"]:
            organisations = tuple(entry["organisations"])
            rows.append(ResourceAreaRow("de_nieuwe_toekomst", code, organisations, entry["years"], entry["source_url"]))
    return tuple(rows)


def read_directory(data_dir: Path = DATA_DIR) -> DirectoryData:
    national, organisations = read_organisations(data_dir)
    municipalities, municipality_aliases = read_municipalities(data_dir)
    towns = read_towns(data_dir)
    return DirectoryData(
        national=national,
        organisations=organisations,
        municipalities=municipalities,
        aliases=municipality_aliases + read_extra_aliases(data_dir, towns),
        towns=towns,
        postcodes=read_postcodes(data_dir),
        services=read_services(data_dir),
        channels=read_channels(data_dir),
        resource_areas=read_resource_areas(data_dir),
    )


def place_index(data: DirectoryData) -> PlaceIndex:
    """The lookup index straight from the files (the NLU component has no database)."""
    return PlaceIndex(
        [MunicipalityInfo(m.code, m.name, m.province, m.region_id) for m in data.municipalities],
        [(t.name, t.municipality_code) for t in data.towns],
        [(a.alias, a.kind, a.municipality_code) for a in data.aliases],
        [(p.pc4, p.municipality_code) for p in data.postcodes],
    )
