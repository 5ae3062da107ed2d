"""Loading, checking and reading the directory database, on SQLite and on real PostgreSQL.

PostgreSQL: 127.0.0.1:5432, user postgres, database ``test``. Each test session works in its own
schema (``wegwijzer_test_<random>``), dropped at the end. When PostgreSQL is unreachable the
PostgreSQL cases are skipped, except when the CI environment variable is set: then they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.directory import repository
from bot.directory.check import problems
from bot.directory.database import make_engine
from bot.directory.files import DATA_DIR, read_directory
from bot.directory.loader import is_current, load
from bot.directory.lookup import MunicipalityInfo, PlaceIndex, Status
from bot.directory.models import Base, Municipality, National, Organisation, Postcode, ServiceChannel, Town

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgresql://postgres@127.0.0.1:5432/test"
TABLES = (
    "national",
    "organisation",
    "municipality",
    "town",
    "place_alias",
    "postcode",
    "service",
    "service_channel",
    "resource_area",
    "load_info",
)


# -- backends ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A URL into a fresh schema of the local PostgreSQL, dropped after the session."""
    admin = make_engine(f"{PG_SERVER}?connect_timeout=5")
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        admin.dispose()
        reason = f"PostgreSQL at {PG_SERVER} is unreachable ({str(error.orig).strip().splitlines()[0]})"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI is set, so the PostgreSQL tests must run")
        pytest.skip(reason)
    schema = f"wegwijzer_test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_SERVER}?connect_timeout=5&options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'directory.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def engine(db_url) -> Iterator[Engine]:
    """An empty database: the session's PostgreSQL schema is emptied before every test."""
    engine = make_engine(db_url)
    Base.metadata.drop_all(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def loaded(engine) -> Engine:
    load(engine)
    return engine


@pytest.fixture
def data_copy(tmp_path) -> Path:
    copy = tmp_path / "directory"
    shutil.copytree(DATA_DIR, copy)
    return copy


def _table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {t: connection.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}


def _execute(engine: Engine, *statements) -> None:
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(statement)


def _edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {path.name}"
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def _cli(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT), "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


# -- load -----------------------------------------------------------------------------------------


def test_load_returns_the_row_count_of_every_table(engine) -> None:
    data = read_directory()
    counts = load(engine)
    assert counts == {
        "national": len(data.national),
        "organisation": 26,
        "municipality": 342,
        "town": 2501,
        "place_alias": len(data.aliases),
        "postcode": len(data.postcodes),
        "service_channel": len(data.channels),
        "resource_area": len(data.resource_areas),
        "service": len(data.services),
        "load_info": 1,
    }
    assert len(data.postcodes) == 4072 + 20  # 20 PC4s also cover a second municipality
    assert _table_counts(engine) == counts


def test_load_is_idempotent_and_marks_the_database_current(engine) -> None:
    assert not is_current(engine), "an empty database cannot be current"
    first = load(engine)
    assert is_current(engine)
    second = load(engine)
    assert second == first
    assert _table_counts(engine) == first
    assert is_current(engine)


def test_is_current_follows_the_content_of_the_data_files(engine, data_copy) -> None:
    load(engine, data_copy)
    assert is_current(engine, data_copy)
    assert is_current(engine), "a byte-identical copy must count as the same data"

    _edit(data_copy / "organisations.yml", "# Veilig Thuis organisations", "# Veilig Thuis organisations (edited)")
    assert not is_current(engine, data_copy)
    load(engine, data_copy)
    assert is_current(engine, data_copy)

    (data_copy / "new_file.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert not is_current(engine, data_copy), "a new file in the data folder must make the database stale"


def test_a_failed_load_keeps_the_previous_directory(engine, data_copy) -> None:
    """The load runs in one transaction: a bad file leaves the old content and its hash in place."""
    before = load(engine)
    _edit(data_copy / "pc4_gemeente.csv", "\n1011,GM0363,", "\n1011,GM0363,Amsterdam,,x,no\n1011,GM0363,")
    with pytest.raises(IntegrityError):
        load(engine, data_copy)  # the duplicate (pc4, municipality) breaks the primary key
    assert _table_counts(engine) == before
    assert is_current(engine)


# -- check ----------------------------------------------------------------------------------------


def test_check_finds_no_problem_in_the_real_data(loaded) -> None:
    assert problems(loaded) == []


def test_check_reports_an_empty_directory(engine) -> None:
    Base.metadata.create_all(engine)
    assert problems(engine) == [
        "national: the fallback number must be 0800-2000 with a source",
        "directory is empty: run `python -m bot directory load`",
    ]


def test_check_on_a_database_without_tables_says_it_is_empty(engine) -> None:
    assert any("directory is empty" in problem for problem in problems(engine))


BREAKAGES = {
    "website without source": (
        update(Organisation).where(Organisation.region_id == "utrecht").values(website_source=None),
        "organisation utrecht: website without a source",
    ),
    "email without source": (
        update(Organisation).where(Organisation.region_id == "utrecht").values(email_source=""),
        "organisation utrecht: email without a source",
    ),
    "chat hours without source": (
        update(Organisation).where(Organisation.region_id == "drenthe").values(chat_hours={"weekly": {}}),
        "organisation drenthe: chat hours without a source",
    ),
    "organisation without name": (
        update(Organisation).where(Organisation.region_id == "twente").values(name="  "),
        "organisation twente: no name",
    ),
    "wrong national number": (
        update(National).where(National.key == "phone").values(value="0900-1234"),
        "national: the fallback number must be 0800-2000 with a source",
    ),
    "region serving nobody": (
        update(Municipality).where(Municipality.region_id == "flevoland").values(region_id="utrecht"),
        "organisation flevoland: serves no municipality",
    ),
    "municipality without source": (
        update(Municipality).where(Municipality.code == "GM0193").values(source=""),
        "municipality GM0193 Zwolle: no source",
    ),
    "town without source": (
        update(Town).where(Town.name == "Zwolle").values(source=""),
        "town Zwolle: no source",
    ),
    "channel number not in its service's record": (
        update(ServiceChannel)
        .where(ServiceChannel.service_id == "kindertelefoon", ServiceChannel.channel == "phone")
        .values(contact="0800-9999"),
        "channel kindertelefoon phone: 0800-9999 is not in the service's sourced record",
    ),
    "escalation route without its channel": (
        delete(ServiceChannel).where(
            ServiceChannel.service_id == "zelfmoordpreventie_113", ServiceChannel.channel == "chat"
        ),
        "escalation route zelfmoordpreventie_113 chat: no such channel in service_hours.yml",
    ),
    "postcode with two main municipalities": (
        update(Postcode).where(Postcode.pc4 == "5091").values(is_main=True),
        "postcode 5091: needs exactly one main municipality",
    ),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_check_reports_a_readable_problem_for_broken_rows(loaded, breakage) -> None:
    statement, expected = BREAKAGES[breakage]
    _execute(loaded, statement)
    assert expected in problems(loaded)


def test_check_reports_a_website_without_source_in_the_data_files(engine, data_copy) -> None:
    _edit(
        data_copy / "organisations.yml",
        'website_source: "https://www.veiligthuisdrenthe.nl/melding-gedaan/"',
        "website_source: null",
    )
    load(engine, data_copy)
    assert problems(engine) == ["organisation drenthe: website without a source"]


def test_a_municipality_pointing_to_a_missing_region_is_refused_or_reported(engine, data_copy) -> None:
    """PostgreSQL enforces the foreign key and keeps the old data; SQLite loads it and check reports it."""
    load(engine)
    row = "GM0014,Groningen,Groningen,Groningen,"
    _edit(data_copy / "municipalities.csv", f"{row}groningen,", f"{row}atlantis,")
    if engine.dialect.name == "postgresql":
        with pytest.raises(IntegrityError):
            load(engine, data_copy)
        assert problems(engine) == []
        return
    load(engine, data_copy)
    assert "municipality GM0014 Groningen: region 'atlantis' does not exist" in problems(engine)


def test_a_municipality_pointing_to_a_missing_region_by_sql(loaded) -> None:
    statement = update(Municipality).where(Municipality.code == "GM0014").values(region_id="atlantis")
    if loaded.dialect.name == "postgresql":
        with pytest.raises(IntegrityError):
            _execute(loaded, statement)
        return
    _execute(loaded, statement)
    assert "municipality GM0014 Groningen: region 'atlantis' does not exist" in problems(loaded)


# -- read -----------------------------------------------------------------------------------------


def test_repository_read_gives_an_index_that_routes_zwolle_to_ijsselland(loaded) -> None:
    directory = repository.read(loaded)
    resolution = directory.index.resolve("Zwolle")
    assert resolution.status is Status.FOUND
    assert resolution.place.region_id == "ijsselland"
    assert directory.index.resolve("ik woon in Den Bosch").place.region_id == "brabant_noordoost"
    assert directory.national["phone"] == "0800-2000"
    assert len(directory.organisations) == 26
    assert directory.organisations["twente"].website is None
    assert directory.organisations["utrecht"].email == "veiligthuis@samen-veilig.nl"
    assert "de_nieuwe_toekomst" in directory.services


def test_repository_hides_a_website_whose_source_is_gone(loaded) -> None:
    _execute(loaded, update(Organisation).where(Organisation.region_id == "zeeland").values(website_source=None))
    assert repository.read(loaded).organisations["zeeland"].website is None


def test_index_from_the_database_equals_the_index_from_the_files(loaded) -> None:
    data = read_directory()
    from_files = PlaceIndex(
        [MunicipalityInfo(m.code, m.name, m.province, m.region_id) for m in data.municipalities],
        [(t.name, t.municipality_code) for t in data.towns],
        [(a.alias, a.kind, a.municipality_code) for a in data.aliases],
        [(p.pc4, p.municipality_code) for p in data.postcodes],
    )
    from_db = repository.read(loaded).index
    assert sorted(from_db.names()) == sorted(from_files.names())
    for name in from_files.names():
        assert set(from_db.places(name)) == set(from_files.places(name)), name
    with loaded.connect() as connection:
        pc4s = connection.execute(select(Postcode.pc4).group_by(Postcode.pc4).order_by(func.min(Postcode.pc4)))
        for (pc4,) in pc4s:
            assert set(from_db.postcode_places(pc4)) == set(from_files.postcode_places(pc4)), pc4


# -- command line ---------------------------------------------------------------------------------


def test_cli_check_exits_0_on_a_good_database(loaded, db_url) -> None:
    result = _cli("directory", "check", url=db_url)
    assert result.returncode == 0, result.stderr
    assert "directory check: ok" in result.stdout


def test_cli_check_exits_1_and_lists_the_problem_on_a_broken_database(loaded, db_url) -> None:
    _execute(loaded, update(Organisation).where(Organisation.region_id == "utrecht").values(website_source=None))
    result = _cli("directory", "check", url=db_url)
    assert result.returncode == 1
    assert "organisation utrecht: website without a source" in result.stderr
    assert "directory check: 1 problem(s)" in result.stdout


def test_cli_load_if_stale_skips_a_current_database(loaded, db_url) -> None:
    result = _cli("directory", "load", "--if-stale", url=db_url)
    assert result.returncode == 0, result.stderr
    assert "directory: up to date" in result.stdout
