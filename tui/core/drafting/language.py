"""The language an article is written in.

py3langid (a maintained fork of langid.py, trained on 97 languages) classifies the article's
prose; site furniture in another language (a "Contenido relacionado" label on an English page)
is a few words against hundreds and does not sway it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tui.core.languages import ISO_639_1

SAMPLE_CHARACTERS = 20_000
"""How much of an article is classified: its first pages say which language it is in."""


@cache
def _ranker() -> Any:
    # Imported on first use: loading its model takes a noticeable fraction of a second.
    import py3langid

    return py3langid.rank


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in; ``en`` when it has no words."""
    sample = text[:SAMPLE_CHARACTERS]
    if not any(character.isalpha() for character in sample):
        return "en"
    for code, _ in _ranker()(sample):
        if code in ISO_639_1:
            return str(code)
    return "en"
