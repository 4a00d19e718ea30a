"""Which of the corpus's briefs the list shows: those the filter finds, and only the bookmarked
ones when the user asks for them alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.core.model import Entries
from tui.core.search import Query, parse_query


class ListQuery:
    """The rows of the list for what the user typed in the filter and the bookmarks switch.

    The index answers the filter (:meth:`tui.core.model.Entries.find`); its answer is kept until
    the query or the corpus changes, so that a bookmark toggled or the switch flipped does not
    ask again.
    """

    def __init__(self) -> None:
        self._asked: tuple[Entries, Query, frozenset[str]] | None = None
        self._matches: list[int] = []

    def rows(
        self,
        entries: Entries,
        text: str,
        ids: Sequence[str | None],
        bookmarked: frozenset[str],
        *,
        bookmarks_only: bool = False,
    ) -> list[int]:
        """The positions of ``entries`` that the filter ``text`` finds, in the list's order; of
        those only the ones whose id (in ``ids``) is ``bookmarked`` with ``bookmarks_only``."""
        query = parse_query(text)
        # The bookmarks matter to the index only for a query that names them (is:bookmarked).
        wanted = bookmarked if query.bookmarked else frozenset[str]()
        asked = self._asked
        # The corpus by identity: entries compare equal by content, which means reading them.
        if asked is None or asked[0] is not entries or asked[1:] != (query, wanted):
            self._matches = entries.find(query, wanted)
            self._asked = (entries, query, wanted)
        if not bookmarks_only:
            return self._matches
        return [i for i in self._matches if ids[i] in bookmarked]

    @property
    def names_bookmarks(self) -> bool:
        """Whether the filter last given keeps bookmarked briefs (``is:bookmarked``): its rows
        change as bookmarks do."""
        return self._asked is not None and self._asked[1].bookmarked


def rows_query(
    text: str, bookmarked: frozenset[str], *, bookmarks_only: bool = False
) -> tuple[Query, frozenset[str]]:
    """The query that finds what the list shows for the filter ``text`` and the bookmarks switch,
    and the bookmarks it needs: the bookmarks switch is the term ``is:bookmarked``."""
    query = parse_query(text)
    if bookmarks_only:
        query = replace(query, bookmarked=True)
    return query, bookmarked if query.bookmarked else frozenset[str]()


def empty_notice(*, filtered: bool, bookmarks_only: bool) -> str:
    """What the list says when it has no row to show."""
    if filtered and bookmarks_only:
        return "No bookmarked brief matches the filter"
    if filtered:
        return "No brief matches the filter"
    if bookmarks_only:
        return "No bookmarks yet: press b on an article"
    return "No briefs in this corpus"
