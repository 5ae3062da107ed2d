"""Free text → place → Veilig Thuis region. Pure functions over an in-memory index; no Rasa.

The index is built once per process (from the database in the action server, from the data
files in the NLU component). When a name fits places in more than one region the result is
``ambiguous`` with every candidate: the bot asks with buttons and never guesses. When all
candidates share a region the answer does not depend on which one was meant, so it is found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz, process

MAX_INPUT = 200  # characters looked at: a place answer is short, and this bounds the work
MAX_NAME_TOKENS = 4  # "Capelle aan den IJssel"
FUZZY_MIN_KEY = 5  # shorter names are too close to each other (Ede, Epe, Ees) to guess at
FUZZY_CUTOFF = 85.0  # chosen by tests/test_lookup.py: misspellings resolve, plain words do not

# Words before a place in a sentence: "ik woon in Zwolle", "mijn zus uit Almere".
CUES = frozenset(
    "in uit te bij naar rond nabij omgeving buurt van gemeente regio plaats woonplaats dorp stad "
    "postcode near from around municipality town city village".split()
)
MUNICIPALITY_WORDS = frozenset({"gemeente", "municipality"})
# Place names that are also everyday Dutch or English words. In a sentence they count only
# when written with a capital ("in Best"); as a whole answer ("best") they always count.
COMMON_WORDS = frozenset(
    "een best born buren echt haren hee heel hem ie lies loon made monster well mill lent hall "
    "halle beek broek hoek heide veen waal neer spier boer horn enter erica linde reek spui elim "
    "amen gauw vries rien ell ees erm est ens nes rijs doorn graft groet grave dalen balk sluis "
    "hulst peins wier deil leur baars putte zegge wouw winde andel aalst horst stein vlist".split()
)
# Said as a place, these mean the whole country, not the village of that name.
COUNTRY_NAMES = frozenset({"nederland", "holland", "netherlands", "thenetherlands"})

PROVINCES = {
    "groningen": "Groningen",
    "gn": "Groningen",
    "fryslan": "Fryslân",
    "friesland": "Fryslân",
    "fr": "Fryslân",
    "drenthe": "Drenthe",
    "dr": "Drenthe",
    "overijssel": "Overijssel",
    "o": "Overijssel",
    "ov": "Overijssel",
    "flevoland": "Flevoland",
    "gelderland": "Gelderland",
    "gld": "Gelderland",
    "utrecht": "Utrecht",
    "u": "Utrecht",
    "ut": "Utrecht",
    "noordholland": "Noord-Holland",
    "nh": "Noord-Holland",
    "zuidholland": "Zuid-Holland",
    "zh": "Zuid-Holland",
    "zeeland": "Zeeland",
    "z": "Zeeland",
    "noordbrabant": "Noord-Brabant",
    "brabant": "Noord-Brabant",
    "nb": "Noord-Brabant",
    "limburg": "Limburg",
    "l": "Limburg",
    "lb": "Limburg",
}
_QUALIFIER_GLUE = frozenset({"in", "de", "het", "provincie", "province", "gemeente", "municipality", "bij", "te"})
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*['’]?", re.UNICODE)
_POSTCODE = re.compile(r"(?<!\d)([1-9]\d{3})(?:\s?[A-Za-z]{2})?(?![\dA-Za-z])")
# BAG adds these to tell same-named places apart: "Elst Ut", "Bavel AC" (old Alphen-Chaam).
_OFFICIAL_SUFFIX = re.compile(r"\s*\(([^)]*)\)$|\s+(L|Gld|NB|NH|Gn|GN|ZH|Ut|AC)$")
# Punctuation that ends a name: "Beek, Berg en Dal" is Beek in Berg en Dal, not Beekbergen.
_NAME_BREAK = re.compile(r"[,;:()/]")


def key(text: str) -> str:
    """Comparable form of a name: lower case, no accents, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


def base_name(name: str) -> str:
    """'Bergen (L.)' and 'Bergen L' → 'Bergen': the name people say without the qualifier."""
    return _OFFICIAL_SUFFIX.sub("", name)


class Status(str, Enum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    UNKNOWN_POSTCODE = "unknown_postcode"
    TOO_BROAD = "too_broad"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class Place:
    """One thing a name can mean, and the region that serves it."""

    label: str  # shown to the user: "Bergen (Limburg)", "Velp (gemeente Rheden)"
    answer: str  # text that resolves to exactly this place again (a button's payload)
    kind: str  # municipality | town | district | postcode | province
    municipality_code: str | None
    municipality: str | None
    province: str
    region_id: str


@dataclass(frozen=True)
class Resolution:
    status: Status
    places: tuple[Place, ...] = ()
    matched: str = ""  # the part of the text that named the place

    @property
    def place(self) -> Place | None:
        return self.places[0] if self.status is Status.FOUND else None


@dataclass(frozen=True)
class MunicipalityInfo:
    code: str
    name: str
    province: str
    region_id: str


@dataclass(frozen=True)
class _Token:
    text: str
    key: str
    start: int
    end: int
    segment: int  # tokens of one name share a segment; punctuation starts a new one


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        segment = len(_NAME_BREAK.findall(text, 0, match.start()))
        tokens.append(_Token(match.group(), key(match.group()), match.start(), match.end(), segment))
    return tokens


def _distinct_regions(places: Iterable[Place]) -> set[str]:
    return {place.region_id for place in places}


def _resolution(places: Sequence[Place], matched: str) -> Resolution:
    unique: dict[tuple[str | None, str], Place] = {}
    for place in places:
        unique.setdefault((place.municipality_code, place.region_id), place)
    candidates = tuple(unique.values())
    if not candidates:
        return Resolution(Status.NOT_FOUND)
    if len(_distinct_regions(candidates)) == 1:
        return Resolution(Status.FOUND, candidates[:1], matched)
    return Resolution(Status.AMBIGUOUS, candidates, matched)


class PlaceIndex:
    """Every name we know, by key, with the places it can mean."""

    def __init__(
        self,
        municipalities: Iterable[MunicipalityInfo],
        towns: Iterable[tuple[str, str]],
        aliases: Iterable[tuple[str, str, str]],
        postcodes: Iterable[tuple[str, str]],
    ) -> None:
        """Build from (town, municipality code), (alias, kind, municipality code), (pc4, code)."""
        self.municipalities = {m.code: m for m in municipalities}
        self._by_key: dict[str, list[Place]] = {}
        base_count: dict[str, int] = {}
        for m in self.municipalities.values():
            base_count[key(base_name(m.name))] = base_count.get(key(base_name(m.name)), 0) + 1
        for m in self.municipalities.values():
            label = self._municipality_label(m, qualified=base_count[key(base_name(m.name))] > 1)
            # "gemeente Beuningen" names the municipality even where a town elsewhere shares its name.
            place = Place(label, f"gemeente {m.name}", "municipality", m.code, m.name, m.province, m.region_id)
            self._add(m.name, place)
            self._add(base_name(m.name), place)
        towns = list(towns)
        town_count: dict[str, int] = {}
        for name, _ in towns:
            town_count[key(base_name(name))] = town_count.get(key(base_name(name)), 0) + 1
        for name, code in towns:
            self._add_named(name, "town", code, qualify=town_count[key(base_name(name))] > 1)
            self._add_named(base_name(name), "town", code, qualify=town_count[key(base_name(name))] > 1)
        for alias, kind, code in aliases:
            self._add_named(alias, kind, code, qualify=kind == "district")
        self._add_single_region_provinces()
        self._postcodes: dict[str, list[Place]] = {}
        for pc4, code in postcodes:
            m = self.municipalities[code]
            place = Place(f"gemeente {m.name}", m.name, "postcode", m.code, m.name, m.province, m.region_id)
            self._postcodes.setdefault(pc4, []).append(place)
        self._fuzzy_keys = [k for k in self._by_key if len(k) >= FUZZY_MIN_KEY and k not in COUNTRY_NAMES]

    @staticmethod
    def _municipality_label(m: MunicipalityInfo, qualified: bool) -> str:
        # "Hengelo (O.)" is clear to CBS, not to people: "Hengelo (Overijssel)".
        return f"{base_name(m.name)} ({m.province})" if qualified or base_name(m.name) != m.name else m.name

    def _add(self, name: str, place: Place) -> None:
        places = self._by_key.setdefault(key(name), [])
        if place not in places:
            places.append(place)

    def _add_named(self, name: str, kind: str, code: str, qualify: bool) -> None:
        m = self.municipalities[code]
        shown = base_name(name)
        label = f"{shown} (gemeente {m.name})" if qualify or kind == "district" else shown
        self._add(name, Place(label, f"{shown}, {m.name}", kind, m.code, m.name, m.province, m.region_id))

    def _add_single_region_provinces(self) -> None:
        # "Zeeland" or "Drenthe" names one Veilig Thuis region; "Limburg" names two and is too broad.
        regions: dict[str, set[str]] = {}
        for m in self.municipalities.values():
            regions.setdefault(m.province, set()).add(m.region_id)
        for province_key, province in PROVINCES.items():
            if len(province_key) > 3 and len(regions.get(province, ())) == 1:
                label = f"provincie {province}"
                place = Place(label, label, "province", None, None, province, next(iter(regions[province])))
                self._add(province_key, place)
                self._add(label, place)

    def places(self, name: str) -> tuple[Place, ...]:
        return tuple(self._by_key.get(key(name), ()))

    def postcode_places(self, pc4: str) -> tuple[Place, ...]:
        return tuple(self._postcodes.get(pc4, ()))

    def names(self) -> list[str]:
        return list(self._by_key)

    # -- matching -------------------------------------------------------------------------

    def _qualified(self, places: list[Place], tokens: list[_Token], after: int) -> tuple[list[Place], int]:
        """Narrow places by a province or municipality named right after: 'Bergen in Limburg'.

        Returns the narrowed places and the index of the first token after the qualifier.
        """
        rest = [(i, t) for i, t in enumerate(tokens[after : after + 5], start=after) if t.key not in _QUALIFIER_GLUE]
        for size in (3, 2, 1):
            if len(rest) < size:
                continue
            qualifier = "".join(t.key for _, t in rest[:size])
            province = PROVINCES.get(qualifier)
            narrowed = [p for p in places if province and p.province == province]
            narrowed = narrowed or [
                p
                for p in places
                if p.municipality and qualifier in (key(p.municipality), key(base_name(p.municipality)))
            ]
            if narrowed:
                return narrowed, rest[size - 1][0] + 1
        return places, after

    def _mentions(
        self, tokens: list[_Token], need_cue: bool, whole: bool
    ) -> list[tuple[int, int, int, list[Place]]]:
        """Known names in the text: (first token, end of name, end of its qualifier, places)."""
        found: list[tuple[int, int, int, list[Place]]] = []
        i = 0
        while i < len(tokens):
            for size in range(min(MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
                span = tokens[i : i + size]
                if span[-1].segment != span[0].segment:
                    continue
                span_key = "".join(t.key for t in span)
                places = self._by_key.get(span_key)
                if not places or span_key in COUNTRY_NAMES:
                    continue
                if i > 0 and tokens[i - 1].key in MUNICIPALITY_WORDS:
                    places = [p for p in places if p.kind == "municipality"] or places
                cued = i > 0 and tokens[i - 1].key in CUES
                capital = span[0].text[:1].isupper()
                if span_key in COMMON_WORDS and not (whole or capital):
                    continue
                if need_cue and not cued:
                    continue
                narrowed, next_token = self._qualified(list(places), tokens, i + size)
                found.append((i, i + size, next_token, narrowed))
                i = next_token - 1
                break
            i += 1
        return found

    def _fuzzy(self, text_key: str) -> tuple[str, list[Place]]:
        """The closest known name within the cutoff and its places; ties keep every tied name."""
        if len(text_key) < FUZZY_MIN_KEY:
            return "", []
        matches = process.extract(text_key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
        if not matches:
            return "", []
        best = matches[0][1]
        places: list[Place] = []
        for name_key, score, _ in matches:
            if score == best:
                places.extend(self._by_key[name_key])
        return matches[0][0], places

    def resolve(self, text: str) -> Resolution:
        """Read an answer to "in which place?": a name, a postcode, or a sentence with either."""
        text = text[:MAX_INPUT]
        tokens = _tokens(text)
        whole_key = "".join(t.key for t in tokens)
        if not whole_key:
            return Resolution(Status.NOT_FOUND)
        if whole_key in COUNTRY_NAMES or (
            any(t.key in COUNTRY_NAMES for t in tokens)
            and not any(t.key in self._by_key for t in tokens if t.key not in COUNTRY_NAMES)
        ):
            return Resolution(Status.TOO_BROAD, matched=text.strip())
        if whole_key in self._by_key:
            return _resolution(self._by_key[whole_key], text.strip())
        postcode = _POSTCODE.search(text)
        if postcode:
            places = self.postcode_places(postcode.group(1))
            if not places:
                return Resolution(Status.UNKNOWN_POSTCODE, matched=postcode.group())
            return _resolution(places, postcode.group())
        mentions = self._mentions(tokens, need_cue=False, whole=len(tokens) == 1)
        if mentions:
            start, end, qualifier_end, places = mentions[-1]  # "niet Bergen maar Hengelo": the last one
            longer = self._longer_misspelt_name(tokens, start, end) if qualifier_end == end else None
            if longer:
                return longer
            return _resolution(places, text[tokens[start].start : tokens[end - 1].end])
        if any(t.key in PROVINCES and len(t.key) > 3 for t in tokens):
            return Resolution(Status.TOO_BROAD, matched=text.strip())
        return self._resolve_fuzzy(text, tokens)

    def _longer_misspelt_name(self, tokens: list[_Token], start: int, end: int) -> Resolution | None:
        """'Loon op Zan' is Loon op Zand misspelt, not the village Loon with two stray words."""
        segment = [t for t in tokens[start : start + MAX_NAME_TOKENS] if t.segment == tokens[start].segment]
        if len(segment) <= end - start:
            return None
        name_key = "".join(t.key for t in tokens[start:end])
        for size in range(len(segment), end - start, -1):
            span = segment[:size]
            matched_key, places = self._fuzzy("".join(t.key for t in span))
            if places and len(matched_key) > len(name_key):
                return _resolution(places, " ".join(t.text for t in span))
        return None

    def _resolve_fuzzy(self, text: str, tokens: list[_Token]) -> Resolution:
        # The words after the last cue are the likeliest name ("ik woon in Zwole"); else the whole text.
        cue_at = max((i for i, t in enumerate(tokens) if t.key in CUES), default=-1)
        spans = [tokens[cue_at + 1 : cue_at + 1 + size] for size in range(MAX_NAME_TOKENS, 0, -1)]
        spans.append(tokens)
        for span in spans:
            if span and len(span) <= MAX_NAME_TOKENS:
                _, places = self._fuzzy("".join(t.key for t in span))
                if places:
                    return _resolution(places, text[span[0].start : span[-1].end])
        return Resolution(Status.NOT_FOUND)

    def find_mention(self, text: str) -> Resolution | None:
        """A place named in a message about something else ("mijn zus in Almere"), if any.

        Stricter than ``resolve``: the name must be the whole message or follow a word like
        "in" or "uit", a postcode needs its letters or the word "postcode", and misspellings are
        left to the form (which asks), so ordinary words and numbers do not become places.
        """
        text = text[:MAX_INPUT]
        tokens = _tokens(text)
        whole_key = "".join(t.key for t in tokens)
        # A greeting like "hee" is also a village: on its own it counts only with a capital.
        plain_word = whole_key in COMMON_WORDS and not text.strip()[:1].isupper()
        if whole_key in self._by_key and whole_key not in COUNTRY_NAMES and not plain_word:
            return _resolution(self._by_key[whole_key], text.strip())
        if _POSTCODE.fullmatch(text.strip()):
            return self.resolve(text)
        postcode = _POSTCODE.search(text)
        if postcode and (postcode.group() != postcode.group(1) or any(t.key == "postcode" for t in tokens)):
            places = self.postcode_places(postcode.group(1))
            if not places:
                return Resolution(Status.UNKNOWN_POSTCODE, matched=postcode.group())
            return _resolution(places, postcode.group())
        mentions = self._mentions(tokens, need_cue=True, whole=False)
        if not mentions:
            return None
        start, end, _, places = mentions[-1]
        return _resolution(places, text[tokens[start].start : tokens[end - 1].end])
