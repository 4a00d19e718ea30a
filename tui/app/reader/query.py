"""Which of the corpus's briefs the list shows: those the filter finds, and only the bookmarked
ones when the user asks for them alone."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence

from tui.core.model import Entries
from tui.core.search import (
    MarkKind,
    Marks,
    Query,
    UserMarks,
    parse_query,
    read_as_words_note,
    read_by_language_note,
    unquoted_value_note,
    value_lists_note,
    without_value_note,
)


class ListQuery:
    """The rows of the list for what the user typed in the filter and the bookmarks switch.

    The index answers the filter (:meth:`tui.core.model.Entries.find`); its answer is kept until
    the query or the corpus changes, or, for a query naming what the user keeps (``is:unread``,
    ``tag:``), until the screen says that changed, so that a key that changes nothing the query
    names does not ask again.
    """

    def __init__(self) -> None:
        self._asked: tuple[Entries, Query, tuple[int, ...]] | None = None
        self._matches: list[int] = []
        self._read_asked: frozenset[str] | None = None
        """The briefs read when a query naming read ones was last asked."""

    def rows(
        self,
        entries: Entries,
        text: str,
        ids: Sequence[str | None],
        marks: UserMarks,
        marks_revisions: Mapping[MarkKind, int],
        *,
        bookmarks_only: bool = False,
        bookmarked_unloaded: Container[int] = (),
    ) -> list[int]:
        """The positions of ``entries`` that the filter ``text`` finds, in the list's order; of
        those only the ones whose id (in ``ids``) is bookmarked with ``bookmarks_only``, and the
        files that failed to load at ``bookmarked_unloaded``, bookmarked under their names.

        ``marks_revisions`` counts the user's changes to each kind of ``marks`` made on purpose:
        the filter is asked again after a change to a kind it names, and only then. A brief
        marked read as it is shown does not count: a list of unread briefs keeps the one being
        read, and the ones read before, until the filter is asked again.
        """
        query = parse_query(text)
        revision = tuple(marks_revisions.get(kind, 0) for kind in sorted(query.marks_named))
        asked = self._asked
        # The corpus by identity: entries compare equal by content, which means reading them.
        if asked is None or asked[0] is not entries or asked[1:] != (query, revision):
            self._matches = entries.find(query, marks)
            self._asked = (entries, query, revision)
            self._read_asked = frozenset(marks.read) if "read" in query.marks_named else None
        if not bookmarks_only:
            return self._matches
        bookmarked = marks.bookmarked
        return [i for i in self._matches if ids[i] in bookmarked or i in bookmarked_unloaded]

    def marks_found_with(self, marks: UserMarks) -> UserMarks:
        """``marks``, the user's now, as the rows last given were found with them: the briefs
        read since then as unread. A list of unread briefs keeps those read while it is shown,
        and counting its briefs must count them."""
        if self._read_asked is None:
            return marks
        return Marks(marks.bookmarked, self._read_asked, marks.noted, marks.tagged)

    @property
    def query(self) -> Query:
        """The query of the filter last given (an empty one before any)."""
        return Query() if self._asked is None else self._asked[1]


def rows_query(text: str, *, bookmarks_only: bool = False) -> Query:
    """The query that finds what the list shows for the filter ``text`` and the bookmarks
    switch: the switch is the term ``is:bookmarked``."""
    query = parse_query(text)
    return query._replace(bookmarked=True) if bookmarks_only else query


def empty_notice(
    query: Query, entries: Entries, marks: UserMarks, *, filtered: bool, bookmarks_only: bool
) -> str:
    """What the list says when it has no row to show; ``query``, the filter's, asked of
    ``entries`` with the user's ``marks``, may add why."""
    notes = (
        read_as_words_note(query),
        value_lists_note(query, entries, marks),
        unquoted_value_note(query, entries, marks),
        read_by_language_note(query, entries),
        without_value_note(query),
    )
    because = "".join(f". {note}" for note in notes if note)
    if filtered and bookmarks_only:
        return "No bookmarked brief matches the filter" + because
    if filtered:
        return "No brief matches the filter" + because
    if bookmarks_only:
        return "No bookmarks yet: press b on an article"
    return "No briefs in this corpus"
