"""Whether a text is English, for the stages whose lexicons and parse are English: elsewhere every
cue word is a false friend ("die", "la", "war")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

MIN_WORDS_FOR_LANGUAGE = 8
# English prose has 40-55% English stop words, terse ACLED notes 11% and more, other languages
# up to 25% (Italian) but also 5-30% of their own function words, which English has almost none of.
MIN_ENGLISH_STOP_SHARE = 0.1
SURELY_ENGLISH_STOP_SHARE = 0.35
MAX_FOREIGN_SHARE = 0.05
# fmt: off
FOREIGN_FUNCTION_WORDS = frozenset({
    "der", "die", "und", "das", "ist", "nicht", "mit", "von", "den", "dem",  # German
    "zu", "auf", "für", "sich", "des", "ein", "eine", "einer", "wird", "wurde", "auch",
    "el", "la", "los", "las", "que", "y", "del", "por", "con", "una", "para", "es",  # Spanish
    "le", "les", "et", "est", "une", "du", "au",  # French
    "il", "di", "che", "per", "non", "della", "nel", "sono", "gli",  # Italian
    "och", "att", "är", "ja", "ei", "się", "jest", "nie", "na", "że", "oraz",  # Nordic, Finnish, Polish
})
# fmt: on


def is_english(tokens: Sequence[Token] | Span, language: str | None = None) -> bool:
    """English by the article's declared language, else by the share of English stop words.

    Names are left out of the share: "DEA officials arrested Premier Andrew Alturo Fahie" is
    English with few stop words among its many names.
    """
    if language:
        return language.lower().startswith("en")
    words = [t.lower_ for t in tokens if t.is_alpha and t.pos_ != "PROPN"][:400]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return True
    english = sum(w in STOP_WORDS for w in words) / len(words)
    foreign = sum(w in FOREIGN_FUNCTION_WORDS for w in words) / len(words)
    return english >= SURELY_ENGLISH_STOP_SHARE or (english >= MIN_ENGLISH_STOP_SHARE and foreign < MAX_FOREIGN_SHARE)
