"""Filtering briefs by what a user types: case, accents and typography ignored.

A query is words, each of which a brief must hold, and field terms: ``anchor:STATUS`` keeps the
briefs with at least one key fact whose quote was anchored so (``anchor:exact``,
``anchor:loose``, ``anchor:fuzzy``, ``anchor:missing`` for a quote not found; the start of a
status is enough, as in ``anchor:f``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.core.quotes import ANCHOR_STATUSES
from tui.core.text import fold_search, fold_words

if TYPE_CHECKING:
    from tui.core.model import Brief

ANCHOR_FIELD = "anchor:"
"""How a query's field term for the anchor status of a brief's quotes begins."""

# Each anchor status of a brief's facts is one word of its search text, made of control
# characters: no brief or article holds them once cleaned (clean_text removes them) and no one
# types them, so no word of a query finds them, only the field term does.
_ANCHOR_WORDS = {status: f"\x00{chr(n)}" for n, status in enumerate(ANCHOR_STATUSES, 1)}


def search_text(brief: Brief, article: str) -> str:
    """Everything a filter looks through for ``brief``, folded once so each keystroke is cheap.

    This is the distinct words of the brief's fields and its article, folded by
    :func:`tui.core.text.fold_words`: a word of a query (which holds no white space) is in it
    exactly when it is in the folded text, and each word is kept once, which takes about a third
    of the memory of the whole text and as much less time to look through. A word for each
    anchor status its facts have follows, for the field term ``anchor:``.
    """
    parts = [brief.id, brief.title, brief.title_en or "", brief.summary]
    for fact in brief.key_facts:
        parts += (fact.fact, fact.quote)
    for _, names in brief.entity_groups:
        parts += names
    parts += (brief.outlet or "", brief.author or "", article)
    anchors = dict.fromkeys(_ANCHOR_WORDS[fact.anchor] for fact in brief.key_facts)
    return " ".join((fold_words("\n".join(parts)), *anchors))


def query_terms(query: str) -> tuple[str, ...]:
    """The terms of ``query``: its folded words, and for a field term such as ``anchor:fuzzy``
    the word that stands for it; a brief matches when its text holds every one.

    A field term naming no status (``anchor:`` alone, as it is while being typed) is left out;
    one naming an unknown status is taken as a plain word.
    """
    terms = []
    for word in fold_search(query).split():
        if word.startswith(ANCHOR_FIELD):
            value = word[len(ANCHOR_FIELD) :]
            if not value:
                continue
            named = [status for status in ANCHOR_STATUSES if status.startswith(value)]
            if len(named) == 1:
                terms.append(_ANCHOR_WORDS[named[0]])
                continue
        terms.append(word)
    return tuple(terms)


def filter_indices(
    terms: Sequence[str], texts: Sequence[str], within: Sequence[int] | None = None
) -> list[int]:
    """Indices of ``texts`` holding every term, looking only at ``within`` when given.

    Pass the previous result as ``within`` when the new query only adds to the old one: the
    matches can only narrow, so the search shrinks with each keystroke.
    """
    candidates: Sequence[int] = range(len(texts)) if within is None else within
    # A term found inside another term needs no looking for; the longest terms, usually the
    # rarest, narrow the candidates first. Neither changes which texts match.
    distinct = sorted(dict.fromkeys(terms), key=len, reverse=True)
    for index, term in enumerate(distinct):
        if any(term in longer for longer in distinct[:index]):
            continue
        candidates = [i for i in candidates if term in texts[i]]
    return list(candidates)


def narrows(previous: Sequence[str], current: Sequence[str]) -> bool:
    """True when every text matching ``current`` also matches ``previous``."""
    return all(any(old in new for new in current) for old in previous)
