"""The language an article is written in.

English and Spanish, the languages of the field, are told by their most common words: of a news
article's words, about a quarter are among the English list below in English and a fifth among
the Spanish list in Spanish, while the other language's list finds a few in hundreds. Each list
holds only words the other languages the field meets (Portuguese, French, Italian) do not use
as much, so an article in one of those scores low on both. When neither list wins clearly (a
short text, another language), py3langid decides: a maintained fork of langid.py, trained on 97
languages. Its model takes most of a second to load, so it is loaded only then.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tui.core.languages import ISO_639_1

SAMPLE_CHARACTERS = 20_000
"""How much of an article is looked at: its first pages say which language it is in."""
MIN_SHARE = 0.08
"""The least share of an article's words the winning list must find."""
MIN_LEAD = 4
"""How many times as many words the winning list must find as the other."""
MIN_WORDS = 40
"""Below this many words the lists are not trusted."""

_MARKERS = {
    "en": frozenset(
        "the and of to in is that for with on as was by are it from at this be has have which"  # noqa: SIM905
        " will said its an their were been or not but they who would also".split()
    ),
    "es": frozenset(
        "el los las del y una con su sus al lo más pero también hay muy sin cuando es está"  # noqa: SIM905
        " están fue ha han este esta estos estas entre según durante".split()
    ),
}
_WORDS = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in; ``en`` when it has no words."""
    sample = text[:SAMPLE_CHARACTERS]
    words = [word.lower() for word in _WORDS.findall(sample)]
    if not words:
        return "en"
    counts = {code: sum(word in markers for word in words) for code, markers in _MARKERS.items()}
    if len(words) >= MIN_WORDS:
        for code, other in (("en", "es"), ("es", "en")):
            if counts[code] >= MIN_SHARE * len(words) and counts[code] >= MIN_LEAD * counts[other]:
                return code
    return _classified(sample)


def _classified(sample: str) -> str:
    for code, _ in _ranker()(sample):
        if code in ISO_639_1:
            return str(code)
    return "en"


@cache
def _ranker() -> Any:
    import py3langid

    return py3langid.rank
