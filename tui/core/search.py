"""What a user types into the filter, and the words of a brief it is matched against.

A query is words and field terms. Each word must start a word of the brief (its titles, summary,
facts, quotes, names, outlet, author or original text), case, accents and typography ignored:
"mexico" finds "México", "maquila" finds "maquiladoras". The field term ``anchor:STATUS`` keeps
the briefs with at least one key fact whose quote was anchored so (``anchor:exact``,
``anchor:loose``, ``anchor:fuzzy``, ``anchor:missing`` for a quote not found; the start of a
status is enough, as in ``anchor:f``).

The index (:mod:`tui.core.store`) answers a query: the words through its full-text table, the
field terms through its columns. This module says what a query means and what a brief offers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.quotes import ANCHOR_STATUSES, AnchorStatus
from tui.core.text import fold_search, fold_words

if TYPE_CHECKING:
    from tui.core.model import Brief, KeyFact

ANCHOR_FIELD = "anchor:"
"""How a query's field term for the anchor status of a brief's quotes begins."""


@dataclass(frozen=True)
class Query:
    """A filter's words and field terms, folded as the index folds what it holds."""

    words: tuple[str, ...] = ()
    anchors: tuple[AnchorStatus, ...] = ()
    """Anchor statuses each named by a field term: a brief must have a quote anchored so."""

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.anchors)


def parse_query(text: str) -> Query:
    """The query typed as ``text``.

    A field term naming no status (``anchor:`` alone, as it is while being typed) is left out;
    one naming an unknown status is taken as a plain word.
    """
    words: list[str] = []
    anchors: list[AnchorStatus] = []
    for word in fold_search(text).split():
        if word.startswith(ANCHOR_FIELD):
            value = word[len(ANCHOR_FIELD) :]
            if not value:
                continue
            named = [status for status in ANCHOR_STATUSES if status.startswith(value)]
            if len(named) == 1:
                anchors.append(named[0])
                continue
        words.append(word)
    return Query(tuple(dict.fromkeys(words)), tuple(dict.fromkeys(anchors)))


def search_words(brief: Brief, article: str) -> str:
    """Everything the words of a query are looked for in, for ``brief``: the distinct words of
    its fields and its article, folded by :func:`tui.core.text.fold_words` once, when the brief
    is read, so that the index holds each word once."""
    parts = [brief.id, brief.title, brief.title_en or "", brief.summary]
    for fact in brief.key_facts:
        parts += (fact.fact, fact.quote)
    for _, names in brief.entity_groups:
        parts += names
    parts += (brief.outlet or "", brief.author or "", article)
    return fold_words("\n".join(parts))


def anchor_bits(facts: Iterable[KeyFact]) -> int:
    """The anchor statuses of ``facts`` as one number, a bit for each (see :func:`anchor_mask`)."""
    bits = 0
    for fact in facts:
        bits |= anchor_mask((fact.anchor,))
    return bits


def anchor_mask(statuses: Iterable[AnchorStatus]) -> int:
    """The bits of ``statuses``, in the order of :data:`tui.core.quotes.ANCHOR_STATUSES`."""
    bits = 0
    for status in statuses:
        bits |= 1 << ANCHOR_STATUSES.index(status)
    return bits


def match_expression(words: Iterable[str]) -> str:
    """The full-text query finding briefs with a word starting with each of ``words``.

    Each word is quoted whole, so that nothing typed is taken as an operator of the query
    language (``AND``, ``NEAR``, a column name, a parenthesis); a word holding punctuation, such
    as "u.s.", becomes the phrase of its parts ("u s"), as the index split it when it was read.
    """
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)
