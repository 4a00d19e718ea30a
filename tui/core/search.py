"""Filtering briefs by what a user types: case, accents and typography ignored."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.core.text import fold_search, fold_words

if TYPE_CHECKING:
    from tui.core.model import Brief


def search_text(brief: Brief, article: str) -> str:
    """Everything a filter looks through for ``brief``, folded once so each keystroke is cheap.

    This is the distinct words of the brief's fields and its article, folded by
    :func:`tui.core.text.fold_words`: a word of a query (which holds no white space) is in it
    exactly when it is in the folded text, and each word is kept once, which takes about a third
    of the memory of the whole text and as much less time to look through.
    """
    parts = [brief.id, brief.title, brief.title_en or "", brief.summary]
    for fact in brief.key_facts:
        parts += (fact.fact, fact.quote)
    for _, names in brief.entity_groups:
        parts += names
    parts += (brief.outlet or "", brief.author or "", article)
    return fold_words("\n".join(parts))


def query_terms(query: str) -> tuple[str, ...]:
    """The folded words of ``query``; a brief matches when its text holds every one."""
    return tuple(fold_search(query).split())


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
