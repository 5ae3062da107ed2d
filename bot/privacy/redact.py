"""Redact personal data from free text before it is stored.

Pure functions, no Rasa import. Personal data is replaced by a neutral placeholder in square brackets and the rest of
the sentence is kept, so a stored conversation still shows what kind of message it was:

    >>> redact("mijn man Ahmed slaat me, bel me op 06-12345678")
    'mijn man [naam] slaat me, bel me op [telefoonnummer]'

What is detected, in this order (earlier detectors see the raw text, later ones the partly redacted text):

1. URLs with a query string, fragment, identifier-like path or a social-media profile path -> ``[url]``
   (a bare domain or an informational page such as ``https://www.veiligthuis.nl/contact`` is kept);
2. e-mail addresses -> ``[e-mail]``;
3. IBANs that have the right length for their country and pass the mod-97 check -> ``[iban]``;
4. full dates (day, month and year) in numeric or written form, and day + month after a birth cue
   ("geboren op 12 maart") -> ``[datum]``; a bare year, a time, or a day + month without a birth cue is kept;
5. phone numbers: Dutch national (10 digits), Dutch and other international (+ or 00) -> ``[telefoonnummer]``;
   the service numbers 112, 113, 0800-... and 0900/0906/0909-... are not personal and are kept;
6. BSNs: 9 digits that pass the elfproef -> ``[bsn]``;
7. a Dutch postcode followed by a house number -> the four digits are kept: ``1234 [adres]``;
   a postcode without house number is kept;
8. street + house number (Dutch street-type suffixes, English "12 Baker Street") -> ``[adres]``;
9. names after cue phrases ("mijn naam is", "ik heet", "ik ben", "I'm", "call me", "mijn man ...") -> ``[naam]``.

The detectors are applied until the text no longer changes (at most a few rounds), so ``redact`` is idempotent.

Decisions: every date becomes ``[datum]`` (also after "geboren op": the cue stays visible, so there is no separate
``[geboortedatum]``); "op 5 mei" (day + month, no year, no birth cue) is kept because it dates an incident, not a
person. A lower-case name is only redacted after an explicit cue ("mijn naam is fatima"); after "ik ben", "I'm",
"call me" and "mijn man" the name must be capitalised and not a known non-name (bang, Marokkaans, Dutch, ...).
Names without a cue ("Ahmed slaat me") are not detected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = [
    "PLACEHOLDERS",
    "contains_personal_data",
    "iban_is_valid",
    "is_valid_bsn",
    "redact",
    "redact_value",
]

PHONE = "[telefoonnummer]"
EMAIL = "[e-mail]"
IBAN = "[iban]"
BSN = "[bsn]"
ADDRESS = "[adres]"
DATE = "[datum]"
URL = "[url]"
NAME = "[naam]"
PLACEHOLDERS = (PHONE, EMAIL, IBAN, BSN, ADDRESS, DATE, URL, NAME)

_MAX_ROUNDS = 4

# --------------------------------------------------------------------------------------------------------------------
# Character classes and small shared pieces
# --------------------------------------------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_LETTER = _UPPER + _LOWER
_WS = r"[ \t\u00a0]"  # horizontal white space only: a redaction never spans lines
_SEP = rf"(?:{_WS}?[-–./]{_WS}?|{_WS})"  # separator between digit groups of a phone number

_CAP_WORD = rf"[{_UPPER}][{_LETTER}]+(?:['’\-][{_LETTER}]+)*"
_ANY_WORD = rf"[{_LETTER}]+(?:['’\-][{_LETTER}]+)*"
_PARTICLES = r"(?:van|de|der|den|ter|ten|het|'t|’t|von|du|da|di|dos|le|la|el|al|bin|ibn|ben|op|in)"

# Words that may follow a house number without being part of it: "Kerkstraat 2 keer", "1234 AB 3 jaar".
_QUANTITY_GUARD = (
    rf"(?!{_WS}*(?i:keer|jaar|jaren|jr|dag|dagen|week|weken|maand|maanden|uur|minuten|min|kinderen|kind|kids|"
    r"children|child|years?|days?|weeks?|months?|hours?|times|euro|eur|procent|percent|km|kilometer)\b)"
)
_HOUSE_NUMBER = (
    rf"[0-9]{{1,5}}(?![0-9]){_QUANTITY_GUARD}"
    rf"(?:(?:{_WS}?-{_WS}?|{_WS})?(?:bis|hs|huis|[A-HJ-Za-z](?![{_LETTER}]))|-[0-9]{{1,3}}(?![0-9]))?"
)


def _replace_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Replace non-overlapping (start, end, replacement) spans; later overlapping spans are dropped."""
    out: list[str] = []
    pos = 0
    for start, end, replacement in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --------------------------------------------------------------------------------------------------------------------
# URLs
# --------------------------------------------------------------------------------------------------------------------

_URL_RE = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'\[\]]+"
    r"|(?<![\w.\-])(?:[a-z0-9-]+\.)+(?:nl|be|com|org|net|eu|de|uk|io|me|info|co|tv|app|ly|gl|to|ma|tr|sr)/[^\s<>\"'\[\]]*",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?)'\"’"
_SOCIAL_DOMAINS = (
    "facebook.com",
    "fb.com",
    "fb.me",
    "instagram.com",
    "tiktok.com",
    "twitter.com",
    "x.com",
    "linkedin.com",
    "snapchat.com",
    "youtube.com",
    "youtu.be",
    "t.me",
    "wa.me",
    "telegram.me",
    "threads.net",
    "pinterest.com",
    "reddit.com",
    "onlyfans.com",
    "marktplaats.nl",
)
_PROFILE_SEGMENTS = {"profiel", "profile", "user", "users", "u", "member", "members", "people", "in", "account", "p"}
_PLAIN_SEGMENT = re.compile(r"[a-z][a-z_\-]*(?:\.(?:html?|php|aspx?))?", re.IGNORECASE)


def _url_is_personal(url: str) -> bool:
    stripped = re.sub(r"^(?:[a-z]+://)?", "", url, flags=re.IGNORECASE)
    if re.search(r"[?#].", stripped):  # a query string or fragment carries identifiers
        return True
    host, _, rest = stripped.partition("/")
    host = host.lower().split("@")[-1].split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    segments = [s for s in rest.split("/") if s]
    if not segments:
        return False
    if any(host == d or host.endswith("." + d) for d in _SOCIAL_DOMAINS):
        return True
    if any(seg.lower() in _PROFILE_SEGMENTS for seg in segments[:-1]):
        return True
    return any(not _PLAIN_SEGMENT.fullmatch(seg) or len(seg) > 40 for seg in segments)


def _redact_urls(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        url = match.group(0)
        trailing = ""
        while url and url[-1] in _URL_TRAILING:
            trailing = url[-1] + trailing
            url = url[:-1]
        return (URL + trailing) if url and _url_is_personal(url) else match.group(0)

    return _URL_RE.sub(replace, text)


# --------------------------------------------------------------------------------------------------------------------
# E-mail
# --------------------------------------------------------------------------------------------------------------------

# The look-behind anchors the local part at the start of its run (else a long run is rescanned from every position).
_EMAIL_RE = re.compile(r"(?<![\w.%+'’\-])[\w.%+'’\-]+@(?:[^\W_][\w\-]*\.)+[^\W\d_]{2,}")


def _redact_emails(text: str) -> str:
    return _EMAIL_RE.sub(EMAIL, text)


# --------------------------------------------------------------------------------------------------------------------
# IBAN
# --------------------------------------------------------------------------------------------------------------------

IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "BY": 28,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24,
    "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24,
    "XK": 20,
}  # fmt: skip

_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}")


def iban_is_valid(iban: str) -> bool:
    """ISO 13616: known country, right length, alphanumeric, and the mod-97 remainder of the rearranged number is 1."""
    compact = re.sub(r"[ \t\u00a0]", "", iban).upper()
    if not compact.isascii() or not compact.isalnum() or IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    if not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _iban_end(text: str, start: int) -> int | None:
    """End of a valid IBAN starting at ``start`` (compact or in groups separated by single spaces), or None."""
    length = IBAN_LENGTHS.get(text[start : start + 2].upper())
    if length is None:
        return None
    chars: list[str] = []
    i = start
    while i < len(text) and len(chars) < length:
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            chars.append(ch)
            i += 1
        elif ch in " \u00a0" and i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalnum():
            i += 1
        else:
            break
    if len(chars) != length or (i < len(text) and text[i].isalnum()):
        return None
    return i if iban_is_valid("".join(chars)) else None


def _redact_ibans(text: str) -> str:
    spans: list[tuple[int, int, str]] = []
    pos = 0
    while (match := _IBAN_START.search(text, pos)) is not None:
        end = _iban_end(text, match.start())
        if end is None:
            pos = match.start() + 1
        else:
            spans.append((match.start(), end, IBAN))
            pos = end
    return _replace_spans(text, spans)


# --------------------------------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------------------------------

_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_YEAR4 = r"(?:19|20)[0-9]{2}"
_MONTHS = (
    r"(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|"
    r"march|may|june|july|august|october|febr|sept|jan|feb|mrt|mar|apr|jun|jul|aug|sep|okt|oct|nov|dec)"
    rf"(?![{_LETTER}])\.?"
)
_DAY_SUFFIX = r"(?:ste|de|st|nd|rd|th|e)?"
# Not inside a longer run of digit groups ("+44 12-03-1985" and "06 12.03.1985" are phone numbers, not dates).
_NUMERIC_GUARD_BEFORE = r"(?<![0-9])(?<![0-9][-./ \t])"
_NUMERIC_GUARD_AFTER = r"(?![0-9])(?![-./][0-9])"

_FULL_DATE_RE = re.compile(
    # 12-03-1985, 12/3/85, 12.03.1985
    rf"{_NUMERIC_GUARD_BEFORE}{_DAY}(?P<s1>[-./]){_MONTH_NUM}(?P=s1)(?:{_YEAR4}|[0-9]{{2}}){_NUMERIC_GUARD_AFTER}"
    # 1985-03-12, 1985/03/12
    rf"|{_NUMERIC_GUARD_BEFORE}{_YEAR4}(?P<s2>[-./]){_MONTH_NUM}(?P=s2){_DAY}{_NUMERIC_GUARD_AFTER}"
    # 12 maart 1985, 3rd of March 1985, 12 mrt. '85
    rf"|(?<![0-9]){_DAY}{_DAY_SUFFIX}{_WS}+(?:of{_WS}+)?{_MONTHS}{_WS}*,?{_WS}*(?:{_YEAR4}|['’][0-9]{{2}})(?![0-9])"
    # March 3, 1985
    rf"|(?<![{_LETTER}]){_MONTHS}{_WS}+{_DAY}(?:st|nd|rd|th)?,?{_WS}+{_YEAR4}(?![0-9])"
)
_BIRTH_CUE = (
    r"(?i:\bgeboren(?:[ \t]+op)?|\bgeboortedatum(?:[ \t]+is)?[ \t]*:?|\bgeb\.|\bborn(?:[ \t]+on)?|"
    r"\bdate[ \t]+of[ \t]+birth(?:[ \t]+is)?[ \t]*:?|\bdob[ \t]*:?|\bbirthday(?:[ \t]+is)?(?:[ \t]+on)?|"
    r"\bverjaardag(?:[ \t]+is)?(?:[ \t]+op)?|\bjarig(?:[ \t]+op)?)"
)
_BIRTH_DATE_RE = re.compile(
    rf"(?P<cue>{_BIRTH_CUE}{_WS}*)"
    rf"(?P<date>(?<![0-9]){_DAY}{_DAY_SUFFIX}{_WS}+(?:of{_WS}+)?{_MONTHS}"
    rf"|{_MONTHS}{_WS}+{_DAY}(?:st|nd|rd|th)?(?![0-9])"
    rf"|{_NUMERIC_GUARD_BEFORE}{_DAY}[-./]{_MONTH_NUM}{_NUMERIC_GUARD_AFTER})"
)


def _redact_dates(text: str) -> str:
    # Until nothing changes: the guard against digit runs also blocks a date right after another
    # date ("12-03-1985 12-03-1985"), which only matches once the first is a placeholder. Each
    # pass removes a date, so this ends; redact()'s few rounds alone left the fifth one in.
    while (redacted := _FULL_DATE_RE.sub(DATE, text)) != text:
        text = redacted
    return _BIRTH_DATE_RE.sub(lambda m: m.group("cue") + DATE, text)


# --------------------------------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------------------------------

_PHONE_RE = re.compile(
    # Dutch number written internationally: +31 6 12345678, 0031 (0)20 123 4567, +31612345678
    rf"(?<![\w+])(?:\+|00){_WS}?31{_SEP}?(?:\(0\)|0)?{_SEP}?[0-9](?:\)?{_SEP}?[0-9]){{8}}(?![0-9])"
    # any other international number: + or 00, country code, 8 to 15 digits in all
    rf"|(?<![\w+])(?:\+|00){_WS}?[1-9](?:\)?{_SEP}?(?:\(0\){_SEP}?)?\(?[0-9]){{7,14}}(?![0-9])"
    # Dutch national number: 0 and nine digits, in groups: 06-12345678, (020) 123 45 67, 010-1234567
    rf"|(?<![\w+])\(?0(?:\)?{_SEP}?[0-9]){{9}}(?![0-9])(?![-–./][0-9])"
)
# Free (0800) and paid (0900, 0906, 0909) service numbers; 112 and 113 are too short to ever match.
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")


def _national_form(number: str) -> str:
    digits = re.sub(r"[^0-9]", "", number)
    stripped = number.lstrip("( \t")
    if stripped.startswith("+") or stripped.startswith("00"):
        digits = digits[2:] if stripped.startswith("00") else digits
        if not digits.startswith("31"):
            return "+" + digits
        digits = "0" + digits[2:]
    while digits.startswith("00"):
        digits = digits[1:]
    return digits


def _redact_phones(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        national = _national_form(match.group(0))
        return match.group(0) if national.startswith(_SERVICE_PREFIXES) else PHONE

    return _PHONE_RE.sub(replace, text)


# --------------------------------------------------------------------------------------------------------------------
# BSN
# --------------------------------------------------------------------------------------------------------------------

_BSN_RE = re.compile(
    r"(?<![0-9])(?<![0-9][ .,-])"
    r"(?:[0-9]{9}|[0-9]{4}\.[0-9]{2}\.[0-9]{3}|[0-9]{4} [0-9]{2} [0-9]{3}|[0-9]{3}([ .-])[0-9]{3}\1[0-9]{3})"
    r"(?![0-9])(?![ .,-][0-9])"
)


def is_valid_bsn(value: str) -> bool:
    """The elfproef: 9 digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11 (and not all zeros)."""
    digits = re.sub(r"[^0-9]", "", value)
    if len(digits) != 9 or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def _redact_bsns(text: str) -> str:
    return _BSN_RE.sub(lambda m: BSN if is_valid_bsn(m.group(0)) else m.group(0), text)


# --------------------------------------------------------------------------------------------------------------------
# Postcode + house number, street addresses
# --------------------------------------------------------------------------------------------------------------------

_COMMON_TWO_LETTER_WORDS = {
    "al", "am", "an", "as", "at", "be", "by", "do", "en", "er", "go", "he", "if", "ik", "in", "is", "it", "je", "me",
    "my", "na", "no", "nu", "of", "om", "on", "op", "or", "so", "te", "to", "tv", "up", "us", "we", "ze", "zo",
}  # fmt: skip

_POSTCODE_HOUSE_RE = re.compile(
    rf"(?<![\w])(?P<area>[1-9][0-9]{{3}}){_WS}?(?P<letters>[A-Za-z]{{2}})(?![{_LETTER}])"
    rf"{_WS}*,?{_WS}*(?:(?i:huisnummer|huisnr\.?|nummer|nr\.?|no\.?){_WS}*)?"
    rf"(?P<number>{_HOUSE_NUMBER})"
)


def _redact_postcodes(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        letters = match.group("letters")
        if not letters.isupper() and letters.lower() in _COMMON_TWO_LETTER_WORDS:
            return match.group(0)
        return f"{match.group('area')} {ADDRESS}"

    return _POSTCODE_HOUSE_RE.sub(replace, text)


_STREET_SUFFIXES = (
    "dwarsstraat", "straatweg", "straatje", "straat", "steeg", "weg", "laan", "dreef", "pleintje", "plein", "gracht",
    "kade", "dijk", "singel", "pad", "hof", "park", "markt", "ring", "baan", "allee", "boulevard", "burgwal", "wal",
    "kanaal", "vaart", "haven", "plantsoen", "oever", "wetering", "erf", "hoven", "rading", "street", "road", "avenue",
    "lane",
)  # fmt: skip
_STREET_SUFFIX_RE = "|".join(sorted(_STREET_SUFFIXES, key=len, reverse=True))
# Words that end in a street suffix but are not streets.
_NOT_STREETS = {
    "onderweg", "halfweg", "zijweg", "snelweg", "supermarkt", "arbeidsmarkt", "woningmarkt", "pretpark",
    "attractiepark", "loopbaan", "werkbaan", "rijbaan", "kerkhof", "gerechtshof", "binnenhof", "ziekenhuishof",
    "achterhof", "voorhof", "ouderdomshof",
}  # fmt: skip
# Capitalised words that do not start a street name ("Ik woon Kerkstraat 12" must not swallow "Ik").
_NOT_STREET_PREFIX = (
    r"(?:Ik|Mijn|M'n|Wij|We|Hij|Zij|Ze|Je|Jij|U|De|Het|Een|In|Op|Aan|Bij|Naar|Uit|Adres|Woon|Woont|Wonen|"
    r"I|My|The|At|On|To|From|In|Address|Live|Lives|Our|His|Her)"
)
_STREET_PREFIX_WORDS = (
    rf"(?:(?!{_NOT_STREET_PREFIX}(?![{_LETTER}])){_CAP_WORD}{_WS}+(?:{_PARTICLES}{_WS}+){{0,3}}){{0,3}}"
)
_STREET_RE = re.compile(
    # Laan van Meerdervoort 120, Hof van Delft 3
    rf"(?<![\w])(?P<lead>(?:Laan|Plein|Hof|Park|Weg|Kade|Singel|Dreef|Markt|Straat|Gracht|Dijk|Pad|Steeg|Ring|"
    rf"Baan|Wal|Allee|Boulevard|Haven){_WS}+(?:{_PARTICLES}{_WS}+){{1,3}}{_CAP_WORD}(?:{_WS}+{_CAP_WORD})?)"
    rf"{_WS}*,?{_WS}*(?P<lead_number>{_HOUSE_NUMBER})"
    # Kerkstraat 12, Oude Gracht 45bis, Burgemeester de Withstraat 3, Dorpsweg 3a, Baker Street 12
    rf"|(?<![\w])(?P<prefix>{_STREET_PREFIX_WORDS})(?P<word>[{_LETTER}]*?(?i:{_STREET_SUFFIX_RE}))(?![\w])"
    rf"{_WS}*,?{_WS}*(?:(?i:nr\.?|nummer|no\.?){_WS}*)?(?P<number>{_HOUSE_NUMBER})"
)
_EN_STREET_RE = re.compile(
    # 12 Baker Street, 221B Baker Street, 10 downing street, 5 Abbey Rd.
    rf"(?<![\w])[0-9]{{1,5}}[A-Za-z]?{_WS}+"
    rf"(?:(?:{_CAP_WORD}{_WS}+){{1,3}}"
    rf"(?:(?i:street|road|avenue|lane|drive|boulevard|crescent|terrace)|St|Rd|Ave|Ln|Dr|Blvd|Way|Place|Close|Court|"
    rf"Square|Gardens|Grove|Mews|Row|Walk|Hill)"
    rf"|(?!(?:the|a|an|my|our|your|his|her|their|this|that|same|next|other|in|on|at|of|to|one|main|way|two|side|dead|end)\b)[a-z]+{_WS}+"
    rf"(?:street|road|avenue|lane|drive|boulevard|crescent|terrace))"
    rf"(?![{_LETTER}])\.?"
)


def _street_is_plausible(word: str, has_prefix: bool) -> bool:
    lower = word.lower()
    if lower in _NOT_STREETS:
        return False
    if lower.endswith("ring") and lower.endswith("ering") and lower != "ring":
        return False  # ervaring, vergadering, verzekering ...
    if lower in _STREET_SUFFIXES:  # a bare "Markt 5", "Oude Gracht 45" is a street, "de weg 2" is not
        return word[0].isupper() or has_prefix
    return True


def _redact_streets(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group("lead") is not None:
            return ADDRESS
        if not _street_is_plausible(match.group("word"), bool(match.group("prefix"))):
            return match.group(0)
        return ADDRESS

    text = _STREET_RE.sub(replace, text)
    return _EN_STREET_RE.sub(ADDRESS, text)


# --------------------------------------------------------------------------------------------------------------------
# Names after cue phrases
# --------------------------------------------------------------------------------------------------------------------

_FUNCTION_WORDS = {
    # Dutch
    "de", "het", "een", "en", "of", "maar", "want", "dus", "ik", "je", "jij", "u", "hij", "zij", "ze", "wij", "we",
    "jullie", "mij", "me", "hem", "haar", "ons", "hun", "mijn", "m'n", "jouw", "zijn", "is", "ben", "bent", "was",
    "heb", "hebt", "heeft", "had", "woon", "woont", "wil", "kan", "moet", "ga", "gaat", "niet", "geen", "wel", "ook",
    "nog", "al", "nu", "dan", "toen", "hier", "daar", "er", "in", "op", "aan", "bij", "met", "van", "voor", "naar",
    "uit", "om", "te", "tot", "over", "door", "na", "zo", "heel", "erg", "echt", "gewoon", "eigenlijk", "als", "dat",
    "die", "dit", "deze", "wat", "wie", "waar", "hoe", "waarom", "sinds", "jaar", "oud", "ja", "nee", "hoi", "hallo",
    "doei", "dag", "groetjes", "alsjeblieft", "graag", "liever", "even", "zeg", "toch",
    # English
    "the", "a", "an", "and", "or", "but", "so", "i", "you", "he", "she", "they", "him", "her", "us", "them", "my",
    "your", "his", "our", "their", "am", "are", "have", "has", "live", "can", "not", "no", "yes", "also",
    "still", "just", "here", "there", "with", "from", "for", "to", "by", "about", "very", "really", "now", "then",
    "when", "if", "because", "since", "years", "old", "hi", "hello", "please", "thanks", "back", "later", "tomorrow",
    "today", "tonight", "asap", "maybe", "again",
}  # fmt: skip
# Capitalised words that follow "ik ben" / "I'm" / "mijn naam is" without being a name: nationalities, religions,
# languages, feelings, roles, refusals.
_NOT_NAMES = {
    # nationalities, origins, religions, languages (nl)
    "nederlands", "nederlandse", "nederlander", "marokkaans", "marokkaanse", "marokkaan", "turks", "turkse", "turk",
    "surinaams", "surinaamse", "surinamer", "antilliaans", "antilliaanse", "antilliaan", "pools", "poolse", "pool",
    "syrisch", "syrische", "syriër", "eritrees", "eritrese", "eritreeër", "somalisch", "somalische", "afghaans",
    "afghaanse", "iraaks", "iraakse", "iraans", "iraanse", "koerdisch", "koerdische", "belgisch", "belgische", "belg",
    "duits", "duitse", "frans", "franse", "engels", "engelse", "spaans", "spaanse", "italiaans", "italiaanse",
    "portugees", "portugese", "kaapverdisch", "kaapverdische", "ghanees", "ghanese", "nigeriaans", "nigeriaanse",
    "indonesisch", "indonesische", "indisch", "indische", "chinees", "chinese", "hindoestaans", "hindoestaanse",
    "arabisch", "arabische", "roemeens", "roemeense", "bulgaars", "bulgaarse", "oekraïens", "oekraïense", "russisch",
    "russische", "europees", "europese", "afrikaans", "afrikaanse", "aziatisch", "aziatische", "amerikaans",
    "amerikaanse", "brits", "britse", "moslim", "moslima", "islamitisch", "islamitische", "christen", "christelijk",
    "christelijke", "joods", "joodse", "hindoe", "katholiek", "katholieke", "protestant", "protestants",
    "amsterdammer", "rotterdammer", "hagenaar", "utrechter",
    # nationalities, religions, languages (en)
    "dutch", "moroccan", "turkish", "surinamese", "polish", "syrian", "eritrean", "somali", "afghan", "iraqi",
    "iranian", "kurdish", "belgian", "german", "french", "english", "british", "spanish", "italian", "portuguese",
    "ghanaian", "nigerian", "indonesian", "arab", "arabic", "romanian", "bulgarian", "ukrainian",
    "russian", "european", "african", "asian", "american", "muslim", "christian", "jewish", "hindu", "catholic",
    # feelings, states, roles (nl)
    "bang", "boos", "moe", "verdrietig", "blij", "alleen", "zwanger", "ziek", "veilig", "onveilig", "benieuwd",
    "bezorgd", "wanhopig", "radeloos", "thuis", "hier", "weg", "klaar", "oké", "oke", "ok", "okay", "sorry",
    "bedankt", "dank", "moeder", "vader", "mama", "papa", "man", "vrouw", "meisje", "jongen", "kind", "tiener",
    "student", "studente", "scholier", "slachtoffer", "dader", "getuige", "mantelzorger", "hulpverlener", "docent",
    "leerkracht", "juf", "meester", "buurvrouw", "buurman", "professional", "huisarts", "arts", "verpleegkundige",
    "politie", "minderjarig", "volwassen", "getrouwd", "gescheiden", "single", "homo", "lesbisch", "lesbienne",
    "hetero", "biseksueel", "bi", "trans", "transgender", "queer", "non-binair", "niet", "geen", "geheim", "anoniem",
    "onbekend", "niemand", "niets", "nog", "ook", "zelf", "echt", "heel", "erg", "best", "wel", "bijna", "net",
    "zeker", "vrij", "gewoon", "hulp", "nieuw", "nieuwe", "benauwd", "gestrest", "depressief", "eenzaam",
    # feelings, states, roles (en)
    "scared", "afraid", "frightened", "worried", "angry", "sad", "tired", "alone", "pregnant", "sick", "ill", "safe",
    "unsafe", "fine", "good", "here", "home", "ready", "lost", "confused", "desperate", "mother",
    "father", "mom", "mum", "dad", "parent", "teacher", "nurse", "doctor", "neighbour", "neighbor", "victim",
    "witness", "married", "divorced", "gay", "lesbian", "straight", "bisexual", "nonbinary", "non-binary",
    "anonymous", "secret", "unknown", "nobody", "none", "nothing", "calling", "writing",
    "looking", "trying", "going", "living", "staying", "being", "getting", "still", "really", "very", "so", "too",
    "new", "stuck", "hurt", "injured", "depressed", "lonely", "stressed", "pupil", "child", "kid",
    "teenager", "adult", "minor", "free", "glad", "happy", "sure", "not", "also", "just", "only", "in",
    "at", "from", "a", "an", "the", # days and months (sentence-initial capitalisation)
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december", "january", "february", "march", "may", "june",
    "july", "august", "october",
}  # fmt: skip
_NOT_NAMES |= _FUNCTION_WORDS

_RELATIONS = (
    "man", "vrouw", "echtgenoot", "echtgenote", "vriend", "vriendje", "vriendin", "vriendinnetje", "partner", "ex",
    "ex-man", "ex-vrouw", "ex-partner", "ex-vriend", "ex-vriendin", "exman", "exvrouw", "exvriend", "exvriendin",
    "vader", "moeder", "pa", "ma", "papa", "mama", "stiefvader", "stiefmoeder", "schoonvader", "schoonmoeder",
    "zus", "zusje", "zuster", "broer", "broertje", "zoon", "zoontje", "dochter", "dochtertje", "kind", "oom", "tante",
    "opa", "oma", "neef", "nicht", "zwager", "schoonzus", "schoonbroer", "buurman", "buurvrouw", "baas", "collega",
    "husband", "wife", "boyfriend", "girlfriend", "ex-husband", "ex-wife", "ex-boyfriend", "ex-girlfriend",
    "father", "mother", "dad", "mom", "mum", "stepfather", "stepmother", "stepdad", "stepmom", "father-in-law",
    "mother-in-law", "sister", "brother", "son", "daughter", "child", "uncle", "aunt", "grandfather", "grandmother",
    "grandpa", "grandma", "cousin", "nephew", "niece", "neighbour", "neighbor", "boss", "colleague",
)  # fmt: skip
_RELATION_RE = "|".join(re.escape(r) for r in sorted(_RELATIONS, key=len, reverse=True))

# Strong cues: the next word is a name even when typed in lower case ("mijn naam is fatima").
_STRONG_CUE_RE = re.compile(
    r"(?i:\b(?:mijn|m['’]n)[ \t]+(?:voor|achter)?naam[ \t]+is|\bik[ \t]+heet|\bheet[ \t]+ik|"
    r"\bmy[ \t]+(?:first[ \t]+|last[ \t]+|sur)?name[ \t]+is|\bmy[ \t]+name['’]s|"
    r"(?<![\w])(?:voor|achter)?naam[ \t]*:|(?<![\w])(?:first[ \t]+|last[ \t]+|sur)?name[ \t]*:)"
    r"(?:[ \t]+(?i:eigenlijk|gewoon|maar|just|simply))?"
)
# Weak cues: only a capitalised word that is not a known non-name ("ik ben Fatima", not "ik ben bang"/"Marokkaans").
_WEAK_CUE_RE = re.compile(
    r"(?i:\bik[ \t]+ben|\bi[ \t]+am|\bi['’]m|\bim|\bnoem[ \t]+(?:me|mij)(?:[ \t]+maar)?|\bcall[ \t]+me)"
    rf"|(?i:\b(?:mijn|m['’]n|onze|zijn|haar|my|our|his|her)[ \t]+(?:{_RELATION_RE}))(?![\w\-])(?:[ \t]*,)?"
)
_WORD_RE = re.compile(_ANY_WORD)
_GAP_RE = re.compile(r"[ \t\u00a0]+")
_PARTICLE_RE = re.compile(rf"{_PARTICLES}(?=[ \t\u00a0])")


def _name_end(text: str, pos: int, *, allow_lower: bool) -> int | None:
    """End of a name of one to three words (with particles: "Anna de Vries") starting after ``pos``, or None."""
    gap = _GAP_RE.match(text, pos)
    if gap is None:
        return None
    word = _WORD_RE.match(text, gap.end())
    if word is None or word.group(0).lower() in _NOT_NAMES:
        return None
    first = word.group(0)
    if not first[0].isupper() and not allow_lower:
        return None
    lower_mode = not first[0].isupper()
    end = word.end()
    for _ in range(2):
        cursor = end
        gap = _GAP_RE.match(text, cursor)
        if gap is None:
            break
        cursor = gap.end()
        particles = 0
        while particles < 3 and (particle := _PARTICLE_RE.match(text, cursor)) is not None:
            after = _GAP_RE.match(text, particle.end())
            if after is None:
                break
            cursor = after.end()
            particles += 1
        word = _WORD_RE.match(text, cursor)
        if word is None:
            break
        candidate = word.group(0)
        if candidate.lower() in _NOT_NAMES or not (candidate[0].isupper() or lower_mode):
            break
        end = word.end()
    return end


def _redact_names(text: str) -> str:
    spans: list[tuple[int, int, str]] = []
    for cue_re, allow_lower in ((_STRONG_CUE_RE, True), (_WEAK_CUE_RE, False)):
        for cue in cue_re.finditer(text):
            end = _name_end(text, cue.end(), allow_lower=allow_lower)
            if end is not None:
                start = _GAP_RE.match(text, cue.end())
                assert start is not None
                spans.append((start.end(), end, NAME))
    return _replace_spans(text, spans)


# --------------------------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------------------------

_DETECTORS: tuple[Callable[[str], str], ...] = (
    _redact_urls,
    _redact_emails,
    _redact_ibans,
    _redact_dates,
    _redact_phones,
    _redact_bsns,
    _redact_postcodes,
    _redact_streets,
    _redact_names,
)


def _redact_once(text: str) -> str:
    for detector in _DETECTORS:
        text = detector(text)
    return text


def redact(text: str) -> str:
    """The text with personal data replaced by placeholders such as ``[telefoonnummer]``; the rest is kept."""
    for _ in range(_MAX_ROUNDS):
        redacted = _redact_once(text)
        if redacted == text:
            break
        text = redacted
    return text


def contains_personal_data(text: str) -> bool:
    """True when :func:`redact` would change the text."""
    return redact(text) != text


def redact_value(value: object) -> object:
    """Redact strings, recursively inside lists, tuples and dict values (slot values, JSON); other values unchanged."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: redact_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [redact_value(item) for item in value]
    if isinstance(value, tuple):
        return tuple(redact_value(item) for item in value)
    return value
