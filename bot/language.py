"""Which language a message is in: Dutch or English (we answer in it), or another one.

The detector ships its models inside the wheel (lingua), so nothing is downloaded at run
time. Short messages ("ok", "ja", a town name) say nothing reliable about language, so
for them :func:`detect` returns ``None`` and the conversation keeps the language
it had. Messages in one of the other languages below get a short help card in that language.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_REPLY_LANGUAGES: dict[Language, str] = {Language.DUTCH: "nl", Language.ENGLISH: "en"}
# Languages many people in the Netherlands write in; each has a help card in domain.yml.
OTHER_LANGUAGES: dict[Language, str] = {
    Language.TURKISH: "tr",
    Language.ARABIC: "ar",
    Language.POLISH: "pl",
    Language.UKRAINIAN: "uk",
    Language.GERMAN: "de",
    Language.FRENCH: "fr",
    Language.SPANISH: "es",
}
# Russian is here only so that Ukrainian is not claimed for it (no card: we do not guess).
_CONTRAST = (Language.RUSSIAN,)
# On short, mixed messages ("which veilig thuis is mine") trigram statistics alone call Dutch
# and English text French or German. A card in another language is only sent when the text
# also shows that language itself: its script, letters only it uses, its name, or its words.
_SCRIPTS = {"ar": re.compile("[\u0600-\u06ff]"), "uk": re.compile("[\u0400-\u04ff]")}
_OWN_LETTERS = {"tr": "ğış", "pl": "ąęłńśźż", "es": "ñ¿¡", "fr": "çêèàùœ", "de": "ßäöü"}
_OWN_NAMES = {"tr": "türkçe", "pl": "polsku", "es": "español", "fr": "français", "de": "deutsch"}
_OWN_WORDS = {
    "de": frozenset("ich mein meine mich mir und nicht ist bin der die das ein eine habe angst hilfe".split()),
    "fr": frozenset("je mon ma mes moi et ne pas est suis le la les une du peur mari aide vous pour famille".split()),
    "es": frozenset("yo mi mis me y no es soy el la los las una del miedo marido ayuda casa por busco vivo".split()),
    "tr": frozenset("ben bir ve bu çok beni bana benim kocam evde yardım var yok ile için ailem istiyor".split()),
    "pl": frozenset("ja mnie mój moja się nie jest boję mąż pomocy domu czy gdzie mogę".split()),
}
_DUTCH_ENGLISH_WORDS = frozenset(
    "ik je jij hij zij het de een en is niet mijn mn wat hoe kan i you he she it the a and not my what how can "
    "in to of for do does this that veilig thuis woon woont live lives".split()
)
# Below these, one or two words decide nothing ("ok", "help", "zwolle").
MIN_WORDS = 2
MIN_LETTERS = 8
MIN_CONFIDENCE = 0.6


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Low-accuracy mode uses trigrams only: ~20 MB instead of ~190 MB, and on two or more
    # words it separates Dutch from English as well as the full models in our tests.
    return (
        LanguageDetectorBuilder.from_languages(*_REPLY_LANGUAGES, *OTHER_LANGUAGES, *_CONTRAST)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )


def warm_up() -> None:
    """Load the models now, so the first user does not wait for them."""
    _detector()


def detect(text: str) -> str | None:
    """The code of the message's language ("nl", "en", or one of OTHER_LANGUAGES) when clear."""
    # Accents stay: they tell Polish, Turkish and Ukrainian apart.
    cleaned = " ".join(text.split()).lower()
    if len(cleaned.split()) < MIN_WORDS or sum(c.isalpha() for c in cleaned) < MIN_LETTERS:
        return None
    values = _detector().compute_language_confidence_values(cleaned)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    reply = _REPLY_LANGUAGES.get(values[0].language)
    if reply:
        return reply
    other = OTHER_LANGUAGES.get(values[0].language)
    return other if other and _shows_itself(other, cleaned) else None


def _shows_itself(code: str, text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if code in _SCRIPTS:
        return sum(bool(_SCRIPTS[code].match(c)) for c in letters) > len(letters) / 2
    if any(c in _OWN_LETTERS[code] for c in letters) or _OWN_NAMES[code] in text:
        return True
    words = re.findall(r"[^\W\d_]+", text)
    own = sum(w in _OWN_WORDS[code] for w in words)
    return own >= 2 and own > sum(w in _DUTCH_ENGLISH_WORDS for w in words)
