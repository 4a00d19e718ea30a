"""Which of the corpus's briefs the list shows: those the filter finds, and only the bookmarked
ones when the user asks for them alone."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.model import Entries
from tui.core.search import Query, parse_query


class ListQuery:
    """The rows of the list for what the user typed in the filter and the bookmarks switch.

    The index answers the filter (:meth:`tui.core.model.Entries.find`); its answer is kept until
    the query or the corpus changes, so that a bookmark toggled or the switch flipped does not
    ask again.
    """

    def __init__(self) -> None:
        self._entries: Entries | None = None
        self._query = Query()
        self._matches: list[int] = []

    def rows(
        self,
        entries: Entries,
        text: str,
        ids: Sequence[str | None],
        bookmarked: frozenset[str] | None = None,
    ) -> list[int]:
        """The positions of ``entries`` that the filter ``text`` finds, in the list's order;
        of those only the ones whose id (in ``ids``) is in ``bookmarked``, when it is given."""
        query = parse_query(text)
        if entries is not self._entries or query != self._query:
            self._matches = entries.find(query)
            self._entries, self._query = entries, query
        if bookmarked is None:
            return self._matches
        return [i for i in self._matches if ids[i] in bookmarked]


def empty_notice(*, filtered: bool, bookmarks_only: bool) -> str:
    """What the list says when it has no row to show."""
    if filtered and bookmarks_only:
        return "No bookmarked brief matches the filter"
    if filtered:
        return "No brief matches the filter"
    if bookmarks_only:
        return "No bookmarks yet: press b on an article"
    return "No briefs in this corpus"
