"""Place lookup over the real data: every name, every postcode, misspellings, sentences, nasty input.

The index is built once from the data files, the same way ``repository.read`` builds it from the
database. Expected answers come from an oracle built straight from the data files (name → the
set of regions of every place with that name), not from the index under test.

Run ``pytest -s tests/test_lookup.py`` to see the measured rates.
"""

from __future__ import annotations

import csv
import random
import re
import time
from collections.abc import Iterable

import pytest
import yaml

from bot.directory import lookup
from bot.directory.files import DATA_DIR, DirectoryData, read_directory
from bot.directory.lookup import PROVINCES, MunicipalityInfo, PlaceIndex, Resolution, Status, key

ROOT = DATA_DIR.parents[1]
PLACE_INTENTS = {"inform_place", "find_veilig_thuis"}
SEED = 20261129
HAS_DISTRICTS = (DATA_DIR / "districts.csv").exists()

# Official suffixes on BAG woonplaats and CBS municipality names: 'Bergen (L.)', 'Haren Gn', 'Elst Ut', 'Bavel AC'.
OFFICIAL_SUFFIX = re.compile(r"\s*\([^)]*\)$|\s+(?:L|Gld|GLD|NB|NH|Gn|GN|ZH|Ut|AC)$")

# Municipalities whose bare name is also a village elsewhere: their button answer must still resolve.
SHARED_MUNICIPALITY_NAMES = (
    "Beuningen",
    "Buren",
    "Heusden",
    "Hoorn",
    "Katwijk",
    "Noordwijk",
    "Oosterhout",
    "Scherpenzeel",
    "Steenbergen",
)


# -- building ---------------------------------------------------------------------------------------


def build_index(data: DirectoryData | None = None) -> PlaceIndex:
    """The index from the files, built exactly as bot.directory.repository.read builds it from the DB."""
    data = data or read_directory()
    return PlaceIndex(
        [MunicipalityInfo(m.code, m.name, m.province, m.region_id) for m in data.municipalities],
        [(t.name, t.municipality_code) for t in data.towns],
        [(a.alias, a.kind, a.municipality_code) for a in data.aliases],
        [(p.pc4, p.municipality_code) for p in data.postcodes],
    )


def strip_suffix(name: str) -> str:
    return OFFICIAL_SUFFIX.sub("", name)


def expected_regions(data: DirectoryData) -> dict[str, set[str]]:
    """Oracle: for each name key, the regions of every place the data gives that name."""
    region = {m.code: m.region_id for m in data.municipalities}
    oracle: dict[str, set[str]] = {}

    def add(name: str, region_id: str) -> None:
        oracle.setdefault(key(name), set()).add(region_id)

    for m in data.municipalities:
        add(m.name, m.region_id)
        add(strip_suffix(m.name), m.region_id)
    for t in data.towns:
        add(t.name, region[t.municipality_code])
        add(strip_suffix(t.name), region[t.municipality_code])
    for a in data.aliases:
        add(a.alias, region[a.municipality_code])
    by_province: dict[str, set[str]] = {}
    for m in data.municipalities:
        by_province.setdefault(m.province, set()).add(m.region_id)
    for province_key, province in PROVINCES.items():  # a province is a place only when it is one region
        if len(province_key) > 3 and len(by_province[province]) == 1:
            add(province_key, next(iter(by_province[province])))
    return oracle


def misspell(name: str, rng: random.Random) -> str | None:
    """One edit on the letters of a name: delete, swap two adjacent, double, or change a vowel."""
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    operation = rng.choice(("delete", "swap", "double", "vowel"))
    if operation == "delete":
        i = rng.choice(letters)
        return name[:i] + name[i + 1 :]
    if operation == "double":
        i = rng.choice(letters)
        return name[:i] + name[i] + name[i:]
    if operation == "swap":
        pairs = [i for i in letters if i + 1 < len(name) and name[i + 1].isalpha() and name[i] != name[i + 1]]
        if not pairs:
            return None
        i = rng.choice(pairs)
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    vowels = [i for i in letters if name[i].lower() in "aeiou"]
    if not vowels:
        return None
    i = rng.choice(vowels)
    return name[:i] + rng.choice([v for v in "aeiou" if v != name[i].lower()]) + name[i + 1 :]


def misspellings(
    data: DirectoryData, index: PlaceIndex, count: int = 400, seed: int = SEED
) -> list[tuple[str, str, str]]:
    """(misspelling, right region, original) for names of ≥ 7 letters that name one region only."""
    oracle = expected_regions(data)
    known = set(index.names())
    pool = sorted({m.name for m in data.municipalities} | {t.name for t in data.towns})
    pool = [n for n in pool if len(key(n)) >= 7 and len(oracle[key(n)]) == 1]
    rng = random.Random(seed)
    rng.shuffle(pool)
    cases = []
    for name in pool:
        wrong = misspell(name, rng)
        if wrong is None or key(wrong) in known:
            continue
        cases.append((wrong, next(iter(oracle[key(name)])), name))
        if len(cases) == count:
            break
    return cases


def nlu_examples(exclude: Iterable[str] = PLACE_INTENTS) -> list[tuple[str, str]]:
    """(intent, text) of every NLU example of the other intents."""
    examples = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" not in item or item["intent"] in exclude:
                continue
            for line in item["examples"].splitlines():
                if line.strip().startswith("- "):
                    examples.append((item["intent"], re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.strip()[2:])))
    return examples


def plain_words(examples: list[tuple[str, str]]) -> list[str]:
    return sorted({w for _, text in examples for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 5})


def is_found(resolution: Resolution, region: str) -> bool:
    return resolution.status is Status.FOUND and resolution.place.region_id == region


def regions(resolution: Resolution) -> set[str]:
    return {place.region_id for place in resolution.places}


# -- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data() -> DirectoryData:
    return read_directory()


@pytest.fixture(scope="module")
def index(data) -> PlaceIndex:
    return build_index(data)


@pytest.fixture(scope="module")
def oracle(data) -> dict[str, set[str]]:
    return expected_regions(data)


@pytest.fixture(scope="module")
def all_names(data) -> list[str]:
    names = [m.name for m in data.municipalities] + [t.name for t in data.towns] + [a.alias for a in data.aliases]
    return list(dict.fromkeys(names))


@pytest.fixture(scope="module")
def other_examples() -> list[tuple[str, str]]:
    examples = nlu_examples()
    assert len(examples) > 500, "too few NLU examples to measure false mentions"
    return examples


def check_resolution(index: PlaceIndex, name: str, expected: set[str]) -> str | None:
    """What is wrong with resolving ``name`` when the data says it names places in ``expected``."""
    resolution = index.resolve(name)
    if len(expected) == 1:
        if not is_found(resolution, next(iter(expected))):
            return f"{name!r}: expected found {expected}, got {resolution.status.value} {regions(resolution)}"
    elif resolution.status is not Status.AMBIGUOUS or regions(resolution) != expected:
        return f"{name!r}: expected ambiguous {sorted(expected)}, got {resolution.status.value} {regions(resolution)}"
    return None


# -- municipalities ---------------------------------------------------------------------------------


def test_every_municipality_name_resolves_to_its_region(data, index, oracle) -> None:
    wrong = []
    for m in data.municipalities:
        expected = oracle[key(m.name)]
        assert m.region_id in expected
        wrong.append(check_resolution(index, m.name, expected))
    assert not [w for w in wrong if w]


def test_official_names_with_a_qualifier_are_found(data, index) -> None:
    qualified = [m for m in data.municipalities if strip_suffix(m.name) != m.name]
    assert {m.name for m in qualified} >= {"Bergen (L.)", "Bergen (NH.)", "Hengelo (O.)", "Rijswijk (ZH.)"}
    for m in qualified:
        assert is_found(index.resolve(m.name), m.region_id), m.name


def test_shared_base_names_are_ambiguous_with_every_municipality(data, index, oracle) -> None:
    bases: dict[str, set[str]] = {}
    for m in data.municipalities:
        bases.setdefault(key(strip_suffix(m.name)), set()).add(m.region_id)
    shared = {b: r for b, r in bases.items() if len(r) > 1}
    assert "bergen" in shared
    bergen = index.resolve("Bergen")
    assert bergen.status is Status.AMBIGUOUS
    assert regions(bergen) == {"noord_holland_noord", "limburg_noord"}
    assert {p.municipality for p in bergen.places} == {"Bergen (NH.)", "Bergen (L.)"}
    for base, base_regions in shared.items():
        resolution = index.resolve(base)
        assert resolution.status is Status.AMBIGUOUS and regions(resolution) >= base_regions, base


def test_every_municipality_alias_resolves_to_its_municipality(data, index, oracle) -> None:
    region = {m.code: m.region_id for m in data.municipalities}
    aliases = [a for a in data.aliases if a.kind == "municipality_alias"]
    assert {a.alias for a in aliases} >= {"Den Haag", "Den Bosch"}
    for alias in aliases:
        assert oracle[key(alias.alias)] == {region[alias.municipality_code]}, alias
        assert is_found(index.resolve(alias.alias), region[alias.municipality_code]), alias.alias


# -- every known name ---------------------------------------------------------------------------------


def test_every_name_naming_one_region_is_found(index, oracle, all_names) -> None:
    """Towns, municipalities, aliases and districts whose places all lie in one region."""
    wrong = []
    for name in all_names:
        expected = oracle[key(name)]
        if len(expected) > 1 or name == "Nederland":
            continue
        wrong.append(check_resolution(index, name, expected))
    assert not [w for w in wrong if w]


def test_the_village_nederland_is_the_country_unless_qualified(index, data) -> None:
    assert [t.municipality_code for t in data.towns if t.name == "Nederland"], "the village is in the data"
    assert index.resolve("Nederland").status is Status.TOO_BROAD
    assert index.resolve("nederland").status is Status.TOO_BROAD
    assert index.find_mention("ik woon in Nederland") is None
    assert is_found(index.resolve("Nederland, Steenwijkerland"), "ijsselland")
    assert is_found(index.resolve("Nederland in Steenwijkerland"), "ijsselland")


def test_every_name_spanning_regions_is_ambiguous_and_each_answer_resolves(index, oracle, all_names) -> None:
    wrong, checked = [], 0
    for name in all_names:
        expected = oracle[key(name)]
        if len(expected) == 1:
            continue
        problem = check_resolution(index, name, expected)
        if problem:
            wrong.append(problem)
            continue
        for place in index.resolve(name).places:
            checked += 1
            if not is_found(index.resolve(place.answer), place.region_id):
                got = index.resolve(place.answer)
                wrong.append(f"{name!r}: answer {place.answer!r} gives {got.status.value} {regions(got)}")
    assert checked > 50
    assert not wrong


@pytest.mark.parametrize("name", SHARED_MUNICIPALITY_NAMES)
def test_a_municipality_button_answer_resolves_where_a_village_shares_its_name(index, name) -> None:
    resolution = index.resolve(name)
    assert resolution.status is Status.AMBIGUOUS
    for place in resolution.places:
        assert is_found(index.resolve(place.answer), place.region_id), place.answer


def test_a_comma_ends_a_name_so_beek_berg_en_dal_is_not_beekbergen(index) -> None:
    beek = [p for p in index.resolve("Beek").places if p.municipality == "Berg en Dal"]
    assert beek
    assert is_found(index.resolve(beek[0].answer), "gelderland_zuid")


def test_bag_suffixes_are_stripped_so_elst_is_ambiguous(index) -> None:
    elst = index.resolve("Elst")
    assert elst.status is Status.AMBIGUOUS
    assert regions(elst) == {"gelderland_midden", "utrecht"}


# -- postcodes ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pc4_rows() -> list[dict[str, str]]:
    with (DATA_DIR / "pc4_gemeente.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_postcode_resolves(index, data, pc4_rows) -> None:
    region = {m.code: m.region_id for m in data.municipalities}
    ambiguous, wrong = [], []
    for row in pc4_rows:
        codes = [row["gemeentecode"], *filter(None, row["other_gemeentecodes"].split("|"))]
        expected = {region[c] for c in codes}
        resolution = index.resolve(row["pc4"])
        if resolution.status is Status.AMBIGUOUS:
            ambiguous.append(row["pc4"])
            if regions(resolution) != expected:
                wrong.append(f"{row['pc4']}: {regions(resolution)} != {expected}")
            for place in resolution.places:
                if not is_found(index.resolve(place.answer), place.region_id):
                    wrong.append(f"{row['pc4']}: answer {place.answer!r} does not resolve to {place.region_id}")
        elif not is_found(resolution, row["veilig_thuis_region_id"]) or len(expected) != 1:
            wrong.append(f"{row['pc4']}: {resolution.status.value} {regions(resolution)}, expected {expected}")
    assert not wrong
    assert ambiguous == ["5091", "7351", "7693", "7694"]


@pytest.mark.parametrize("template", ["{} AB", "{}AB", "{} ab", "{}  "])
def test_postcode_with_letters_resolves_like_the_four_digits(index, pc4_rows, template) -> None:
    for row in pc4_rows[::7]:
        plain = index.resolve(row["pc4"])
        with_letters = index.resolve(template.format(row["pc4"]))
        assert with_letters.status is plain.status and regions(with_letters) == regions(plain), row["pc4"]


def test_postcodes_in_sentences(index, pc4_rows) -> None:
    known = {row["pc4"] for row in pc4_rows}
    unknown = next(str(n) for n in range(1000, 10000) if str(n) not in known)
    assert is_found(index.resolve("ik woon op 8011 AB"), "ijsselland")
    assert is_found(index.find_mention("mijn adres is 8011 AB"), "ijsselland")
    assert is_found(index.find_mention("postcode 8011"), "ijsselland")
    assert index.find_mention("ik heb 2000 euro schuld") is None, "a bare number in a sentence is not a postcode"
    assert index.resolve(f"{unknown} AB").status is Status.UNKNOWN_POSTCODE
    assert index.resolve("0123").status is Status.NOT_FOUND


# -- sentences ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,region",
    [
        ("Zwolle", "ijsselland"),
        ("ik woon in Zwolle", "ijsselland"),
        ("zwolle", "ijsselland"),
        ("nee, ik bedoel Bergen in Limburg", "limburg_noord"),
        ("Bergen in Noord-Holland", "noord_holland_noord"),
        ("Bergen op Zoom", "west_brabant"),
        ("Hengelo in Overijssel", "twente"),
        ("Den Haag", "haaglanden"),
        ("den haag", "haaglanden"),
        ("'s-Gravenhage", "haaglanden"),
        ("s Gravenhage", "haaglanden"),
        ("Den Bosch", "brabant_noordoost"),
        ("'s-Hertogenbosch", "brabant_noordoost"),
        ("Ljouwert", "fryslan"),
        ("Snits", "fryslan"),
        ("mijn moeder woont in Snits", "fryslan"),
        ("Súdwest-Fryslân", "fryslan"),
        ("Sudwest Fryslan", "fryslan"),
        ("ik woon in Zwole", "ijsselland"),
        ("Drenthe", "drenthe"),
        pytest.param(
            "Scheveningen",
            "haaglanden",
            marks=pytest.mark.xfail(not HAS_DISTRICTS, reason="data/directory/districts.csv does not exist yet"),
        ),
    ],
)
def test_sentence_is_found(index, text, region) -> None:
    resolution = index.resolve(text)
    assert is_found(resolution, region), (resolution.status.value, regions(resolution))


@pytest.mark.parametrize(
    "text,status",
    [
        ("Bergen", Status.AMBIGUOUS),
        ("5091", Status.AMBIGUOUS),
        ("ik wil dat niet zeggen", Status.NOT_FOUND),
        ("weet ik niet", Status.NOT_FOUND),
        ("Limburg", Status.TOO_BROAD),
        ("Nederland", Status.TOO_BROAD),
        ("Holland", Status.TOO_BROAD),
    ],
)
def test_sentence_status(index, text, status) -> None:
    assert index.resolve(text).status is status


def test_find_mention_in_a_sentence(index) -> None:
    assert is_found(index.find_mention("ik maak me zorgen om mijn zus in Almere"), "flevoland")
    assert is_found(index.find_mention("mijn vriendin uit Den Bosch wordt geslagen"), "brabant_noordoost")
    assert index.find_mention("hij slaat me") is None
    assert index.find_mention("het gaat best goed") is None, "'best' is a village only with a capital or a cue"


def test_find_mention_false_positive_rate_on_other_intents(index, other_examples) -> None:
    mentions = [(intent, text) for intent, text in other_examples if index.find_mention(text) is not None]
    rate = len(mentions) / len(other_examples)
    print(f"\nfind_mention on {len(other_examples)} non-place NLU examples: {len(mentions)} mentions ({rate:.2%})")
    for intent, text in mentions:
        print(f"  {intent}: {text!r} -> {index.find_mention(text).matched!r}")
    assert rate < 0.01


# -- misspellings and the fuzzy cutoff ---------------------------------------------------------------


@pytest.fixture(scope="module")
def misspelt(data, index) -> list[tuple[str, str, str]]:
    cases = misspellings(data, index)
    assert len(cases) >= 300
    return cases


def misspelling_rate(index: PlaceIndex, cases: list[tuple[str, str, str]]) -> float:
    return sum(is_found(index.resolve(wrong), region) for wrong, region, _ in cases) / len(cases)


def word_hit_rate(index: PlaceIndex, words: list[str]) -> float:
    return sum(index.resolve(w).status in (Status.FOUND, Status.AMBIGUOUS) for w in words) / len(words)


def test_misspellings_resolve_to_the_right_region(index, misspelt) -> None:
    rate = misspelling_rate(index, misspelt)
    missed = [(w, o, index.resolve(w).status.value) for w, r, o in misspelt if not is_found(index.resolve(w), r)]
    print(f"\nmisspellings: {len(misspelt)} cases, {rate:.2%} resolve to the right region; missed: {missed}")
    assert rate >= 0.95


def test_fuzzy_cutoff_is_chosen_by_the_tests(index, misspelt, other_examples, monkeypatch) -> None:
    """Lower admits plain words as places; higher loses misspellings. Both must hold at the chosen cutoff."""
    words = plain_words(other_examples)
    assert len(words) > 300
    chosen = lookup.FUZZY_CUTOFF
    rates = {}
    for cutoff in (chosen - 10, chosen, chosen + 10):
        monkeypatch.setattr(lookup, "FUZZY_CUTOFF", cutoff)
        rates[cutoff] = (misspelling_rate(index, misspelt), word_hit_rate(index, words))
    print(f"\ncutoff: (misspellings right, plain words ≥5 letters taken as a place) = {rates}")
    assert rates[chosen - 10][1] > rates[chosen][1], "a lower cutoff would not admit more plain words"
    assert rates[chosen + 10][0] < rates[chosen][0], "a higher cutoff would not lose misspellings"
    assert rates[chosen][1] < 0.05


# -- hostile input ------------------------------------------------------------------------------------

NASTY = [
    "",
    "   ",
    "\n\t\x00",
    "a" * 10_000,
    "Zwolle " * 1_500,
    "in " * 3_000 + "Zwolle",
    "😀🏠💔",
    "ik woon in 😀",
    "<script>alert(1)</script>",
    "'; DROP TABLE town; --",
    "أنا أعيش في أمستردام",
    "我住在阿姆斯特丹",
    "99999999",
    "1" * 10_000,
    "ß" * 500,
    "\u200b",
    "-'-'-",
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_nasty_input_never_crashes_and_returns_quickly(index, text) -> None:
    for method in (index.resolve, index.find_mention):
        started = time.perf_counter()
        result = method(text)
        elapsed = time.perf_counter() - started
        assert result is None or isinstance(result, Resolution)
        assert elapsed < 0.05, f"{method.__name__} took {elapsed * 1000:.1f} ms"
    assert index.resolve(text).status in set(Status)
