"""The directory's data files are code: they must parse, agree with each other and cite a source.

Everything here reads data/directory directly (csv / yaml), not through the database, so a
broken file fails here with the file and row named. districts.csv is optional: it is checked
when it exists.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from bot.directory.files import DATA_DIR, read_directory

UNVERIFIED = "niet geverifieerd"
NATIONAL_NUMBER = "0800-2000"


def _csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _domain(url: str) -> str:
    """'https://www.veiligthuisgv.nl/x' and 'www.veiligthuisgv.nl (note)' → 'veiligthuisgv.nl'."""
    url = url.strip().split()[0]
    host = urlparse(url if "://" in url else f"https://{url}").hostname or ""
    return host.lower().removeprefix("www.")


def _is_url(text: str | None) -> bool:
    return bool(text) and bool(re.match(r"https?://[^\s/]+\.[^\s/]+", text))


@pytest.fixture(scope="module")
def organisations_yml() -> dict[str, Any]:
    return yaml.safe_load((DATA_DIR / "organisations.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def organisations_csv() -> dict[str, dict[str, str]]:
    return {row["region_id"]: row for row in _csv("veilig_thuis_organisations.csv")}


@pytest.fixture(scope="module")
def yml_by_region(organisations_yml) -> dict[str, dict[str, Any]]:
    return {entry["region_id"]: entry for entry in organisations_yml["organisations"]}


@pytest.fixture(scope="module")
def municipalities() -> dict[str, dict[str, str]]:
    return {row["gemeentecode"]: row for row in _csv("municipalities.csv")}


@pytest.fixture(scope="module")
def towns() -> list[dict[str, str]]:
    return _csv("woonplaats_gemeente.csv")


@pytest.fixture(scope="module")
def pc4_rows() -> list[dict[str, str]]:
    return _csv("pc4_gemeente.csv")


# -- every file loads --------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.csv")), ids=lambda p: p.name)
def test_csv_file_parses_with_a_full_row_everywhere(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert len(header) == len(set(header)), f"{path.name}: duplicate column names"
    assert body, f"{path.name}: no rows"
    short = [n for n, row in enumerate(body, start=2) if len(row) != len(header)]
    assert not short, f"{path.name}: lines with the wrong number of cells: {short[:10]}"


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yml")), ids=lambda p: p.name)
def test_yaml_file_parses(path: Path) -> None:
    assert yaml.safe_load(path.read_text(encoding="utf-8")) is not None


def test_read_directory_reads_every_file() -> None:
    data = read_directory()
    assert len(data.organisations) == 26
    assert len(data.municipalities) == 342
    assert len(data.towns) == 2501
    assert len({p.pc4 for p in data.postcodes}) == 4072
    assert data.national["phone"] == NATIONAL_NUMBER
    assert data.services, "hotlines.yml / nieuwe_toekomst.yml gave no services"
    if (DATA_DIR / "districts.csv").exists():
        assert any(a.kind == "district" for a in data.aliases)


# -- organisations.yml against the research CSV ---------------------------------------------------


def test_organisations_yml_has_the_26_regions_of_the_csv(yml_by_region, organisations_csv, organisations_yml) -> None:
    ids = [entry["region_id"] for entry in organisations_yml["organisations"]]
    assert len(ids) == len(set(ids)) == 26, Counter(ids).most_common(3)
    assert set(ids) == set(organisations_csv)


def test_organisation_names_match_the_csv(yml_by_region, organisations_csv) -> None:
    differ = {
        region: (entry["name"], organisations_csv[region]["name"])
        for region, entry in yml_by_region.items()
        if entry["name"] != organisations_csv[region]["name"]
    }
    assert not differ


def test_every_website_has_a_source_on_its_own_domain_cited_in_the_csv(yml_by_region, organisations_csv) -> None:
    found = []
    for region, entry in yml_by_region.items():
        website, source = entry.get("website"), entry.get("website_source")
        if not website:
            assert not source, f"{region}: website_source without a website"
            continue
        if not _is_url(website):
            found.append(f"{region}: website {website!r} is not a URL")
        if not _is_url(source):
            found.append(f"{region}: website {website} has no website_source URL")
            continue
        if _domain(source) != _domain(website):
            found.append(f"{region}: source {source} is not on the domain of {website}")
        cited = organisations_csv[region]["source_url"].split("|")
        if source not in cited:
            found.append(f"{region}: website_source {source} is not in the CSV's source_url cell")
    assert not found


def test_website_matches_the_website_cell_of_the_csv(yml_by_region, organisations_csv) -> None:
    for region, entry in yml_by_region.items():
        cell = organisations_csv[region]["website"]
        verified = bool(cell.strip()) and UNVERIFIED not in cell
        if entry.get("website"):
            assert verified, f"{region}: website filled, but the CSV says {cell!r}"
            assert _domain(entry["website"]) == _domain(cell), f"{region}: {entry['website']} vs {cell!r}"
        else:
            assert not verified, f"{region}: the CSV has a verified website {cell!r} that organisations.yml leaves out"


def test_every_email_has_a_source(yml_by_region, organisations_csv) -> None:
    for region, entry in yml_by_region.items():
        if entry.get("email"):
            assert _is_url(entry.get("email_source")), f"{region}: email without email_source"
            assert entry["email_source"] in organisations_csv[region]["source_url"].split("|")
            assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", entry["email"]), entry["email"]
        else:
            assert not entry.get("email_source"), f"{region}: email_source without email"


@pytest.mark.parametrize("column,field", [("website", "website"), ("email", "email"), ("chat", "chat_hours")])
def test_no_field_the_csv_marks_unverified_is_filled(yml_by_region, organisations_csv, column, field) -> None:
    filled = [
        region
        for region, entry in yml_by_region.items()
        if UNVERIFIED in organisations_csv[region][column].lower() and entry.get(field)
    ]
    assert not filled, f"{field} filled although the CSV's {column} cell says '{UNVERIFIED}': {filled}"


def test_only_utrecht_has_an_email_and_twente_has_no_website(yml_by_region) -> None:
    assert [r for r, e in yml_by_region.items() if e.get("email")] == ["utrecht"]
    assert yml_by_region["utrecht"]["email"] == "veiligthuis@samen-veilig.nl"
    assert yml_by_region["twente"]["website"] is None
    assert yml_by_region["twente"]["website_source"] is None


def test_chat_hours_have_a_source(yml_by_region, organisations_yml) -> None:
    for region, entry in yml_by_region.items():
        if entry.get("chat_hours"):
            assert _is_url(entry["chat_hours"].get("source")), f"{region}: chat_hours without a source"
    assert _is_url(organisations_yml["national"]["chat_hours"]["source"])


def test_national_number_is_0800_2000_with_a_source(organisations_yml, organisations_csv) -> None:
    national = organisations_yml["national"]
    assert national["phone"] == NATIONAL_NUMBER
    assert _is_url(national["phone_source"])
    assert _is_url(national["chat_url"]) and _is_url(national["chat_url_source"])
    assert all(row["phone"].startswith(NATIONAL_NUMBER) for row in organisations_csv.values())


# -- municipalities, towns, postcodes, aliases -----------------------------------------------------


def test_counts(municipalities, towns, pc4_rows) -> None:
    assert len(municipalities) == 342
    assert len(towns) == 2501
    assert len({row["woonplaatscode"] for row in towns}) == 2501, "duplicate woonplaatscode"
    assert len(pc4_rows) == len({row["pc4"] for row in pc4_rows}) == 4072


def test_every_municipality_has_an_existing_region_and_a_source(municipalities, organisations_csv) -> None:
    for code, row in municipalities.items():
        assert re.fullmatch(r"GM\d{4}", code), code
        assert row["veilig_thuis_region_id"] in organisations_csv, f"{code}: {row['veilig_thuis_region_id']!r}"
        assert row["source"].strip(), f"{code} {row['gemeentenaam']}: no source"
        assert row["gemeentenaam"].strip() and row["province"].strip()
    names = Counter(row["gemeentenaam"] for row in municipalities.values())
    assert not [n for n, c in names.items() if c > 1]


def test_every_region_serves_a_municipality_and_the_csv_lists_them(municipalities, organisations_csv) -> None:
    served: dict[str, set[str]] = {}
    for row in municipalities.values():
        served.setdefault(row["veilig_thuis_region_id"], set()).add(row["gemeentenaam"])
    for region, row in organisations_csv.items():
        assert served.get(region), f"{region} serves no municipality"
        listed = set(row["municipalities"].split("|"))
        assert listed == served[region], f"{region}: CSV municipalities differ from municipalities.csv"
        assert int(row["n_municipalities"]) == len(served[region])


def test_every_town_points_to_an_existing_municipality(towns, municipalities) -> None:
    for row in towns:
        m = municipalities.get(row["gemeentecode"])
        assert m, f"woonplaats {row['woonplaats']}: {row['gemeentecode']} does not exist"
        assert row["gemeentenaam"] == m["gemeentenaam"], row
        assert row["veilig_thuis_region_id"] == m["veilig_thuis_region_id"], row
    per_name = Counter(row["woonplaats"] for row in towns)
    for row in towns:
        assert (row["name_in_multiple_gemeenten"] == "yes") == (per_name[row["woonplaats"]] > 1), row


def test_every_postcode_points_to_existing_municipalities(pc4_rows, municipalities) -> None:
    ambiguous = []
    for row in pc4_rows:
        assert re.fullmatch(r"[1-9]\d{3}", row["pc4"]), row["pc4"]
        main = municipalities.get(row["gemeentecode"])
        assert main, f"pc4 {row['pc4']}: {row['gemeentecode']} does not exist"
        assert row["gemeentenaam"] == main["gemeentenaam"]
        assert row["veilig_thuis_region_id"] == main["veilig_thuis_region_id"]
        others = [c for c in row["other_gemeentecodes"].split("|") if c]
        assert all(c in municipalities and c != row["gemeentecode"] for c in others), row
        regions = {municipalities[c]["veilig_thuis_region_id"] for c in [row["gemeentecode"], *others]}
        assert (row["vt_region_ambiguous"] == "yes") == (len(regions) > 1), row
        if len(regions) > 1:
            ambiguous.append(row["pc4"])
    assert ambiguous == ["5091", "7351", "7693", "7694"]


def test_every_municipality_alias_is_unique_and_not_an_official_name(municipalities) -> None:
    names = {row["gemeentenaam"] for row in municipalities.values()}
    aliases = [a.strip() for row in municipalities.values() for a in row["aliases"].split("|") if a.strip()]
    assert "Den Haag" in aliases and "Den Bosch" in aliases
    assert len(aliases) == len(set(aliases))
    assert not set(aliases) & names


def test_every_town_alias_row_names_an_existing_town_and_has_a_source(towns, municipalities) -> None:
    known = {(row["woonplaats"], row["gemeentecode"]) for row in towns}
    rows = _csv("town_aliases.csv")
    assert rows
    for n, row in enumerate(rows, start=2):
        assert row["alias"].strip(), f"town_aliases.csv line {n}: empty alias"
        assert row["gemeentecode"] in municipalities, f"town_aliases.csv line {n}: {row['gemeentecode']}"
        assert (row["woonplaats"], row["gemeentecode"]) in known, f"town_aliases.csv line {n}: {row}"
        assert _is_url(row["source_url"]), f"town_aliases.csv line {n}: no source_url"


def test_districts_if_present_point_to_existing_municipalities_with_a_source(municipalities) -> None:
    path = DATA_DIR / "districts.csv"
    if not path.exists():
        pytest.skip("data/directory/districts.csv does not exist yet")
    rows = _csv("districts.csv")
    assert rows
    for n, row in enumerate(rows, start=2):
        assert row["name"].strip(), f"districts.csv line {n}: empty name"
        m = municipalities.get(row["gemeentecode"])
        assert m, f"districts.csv line {n}: {row['gemeentecode']} does not exist"
        if row.get("gemeentenaam"):
            assert row["gemeentenaam"] == m["gemeentenaam"], f"districts.csv line {n}: {row}"
        assert _is_url(row["source_url"]), f"districts.csv line {n}: no source_url"
