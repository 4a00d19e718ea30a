"""Filtering briefs by what a user types: case, accents and typography ignored."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.model import Brief
from tui.core.text import fold_search


def search_text(brief: Brief, article: str) -> str:
    """Everything a filter looks through for ``brief``, folded once so each keystroke is cheap."""
    parts = [brief.id, brief.title, brief.title_en or "", brief.summary]
    for fact in brief.key_facts:
        parts += (fact.fact, fact.quote)
    for _, names in brief.entity_groups:
        parts += names
    parts += (brief.outlet or "", brief.author or "", article)
    return fold_search("\n".join(parts))


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
    candidates = range(len(texts)) if within is None else within
    if not terms:
        return list(candidates)
    return [i for i in candidates if all(term in texts[i] for term in terms)]


def narrows(previous: Sequence[str], current: Sequence[str]) -> bool:
    """True when every text matching ``current`` also matches ``previous``."""
    return all(any(old in new for new in current) for old in previous)
