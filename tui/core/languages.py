"""ISO 639-1 language codes."""

from __future__ import annotations

ISO_639_1 = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
    la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
    oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
    st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
    za zh zu
    """.split()  # noqa: SIM905 - a word block reads better than 183 quoted strings
)

NAMES = {"en": "English", "es": "Spanish"}

_CODES_MEANT = {
    "english": "en",
    "ingles": "en",
    "eng": "en",
    "spanish": "es",
    "espanol": "es",
    "castellano": "es",
    "spa": "es",
    "esp": "es",
}
"""The languages of the corpus by their names in English and Spanish, and by their codes of
three letters (ISO 639-2, and "esp" as Spanish speakers shorten it), folded (no accents, in
lower case): what an analyst may write instead of the two-letter code."""


def code_meant(word: str) -> str | None:
    """The two-letter code of the language ``word`` (folded) names, if it names one the
    corpus is in by another name or code."""
    return _CODES_MEANT.get(word)
