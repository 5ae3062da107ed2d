"""Text normalisation shared by the danger detector, language detection and lookups.

People type on phones, in a hurry, sometimes hiding what they type: accents are dropped
or added at random, zero-width characters come in from copy/paste, and capitals are
rare. Everything that matches patterns on user text goes through :func:`normalise`.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width and other invisible format characters survive NFKC; a zero-width space
# inside "zwolle" or "mes" must not hide a word from the patterns.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_WHITESPACE = re.compile(r"\s+")
# Curly quotes and apostrophes are common on phones ("I’m", "’s-Gravenhage").
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "`": "'"})


def normalise(text: str) -> str:
    """Lower-case, strip accents and invisible characters, collapse whitespace."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text).translate(_QUOTES)
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WHITESPACE.sub(" ", without_accents).strip().lower()
