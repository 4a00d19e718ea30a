"""The corpus as the index holds it: entries read a page at a time, when they are asked for.

A :class:`StoredEntries` keeps one read transaction open on its own connection for its whole
life: SQLite then shows it the index as it was when it was made, whatever another thread or
process writes meanwhile, so that the positions it gives and the entries it reads always agree.
A refresh gives a new one; the old one closes its connection when it is let go.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import weakref
from collections.abc import Collection
from pathlib import Path

from tui.core.model import Entries, Entry, Problem
from tui.core.recent import RecentlyUsed
from tui.core.search import (
    NO_MARKS,
    FacetField,
    Query,
    UserMarks,
    anchor_mask,
    match_expression,
    name_expression,
    searchable,
    tagged_ids,
)
from tui.core.store.codec import DECODE_ERRORS, decode_entry_json

PAGE = 64
"""How many entries are read at once: a screenful of rows and then some."""
PAGES_KEPT = 16
"""How many pages of entries read are kept, the most recently used."""

# What stands at a position: the brief, unless another file keeps its id.
_LISTED = "position IS NOT NULL"
_KEPT_BRIEF = "brief_id IS NOT NULL AND duplicate_of IS NULL"


class StoredEntries(Entries):
    """The entries of the index on ``connection``, as they are when this is made."""

    def __init__(
        self, connection: sqlite3.Connection, root: Path, location: Path | None = None
    ) -> None:
        """``location`` is the index file; None for an index in memory."""
        self._connection = connection
        self._root = root
        self._lock = threading.Lock()
        self._pages: RecentlyUsed[int, list[Entry]] = RecentlyUsed(PAGES_KEPT)
        connection.execute("BEGIN")  # the snapshot, until the connection closes
        count = connection.execute(f"SELECT count(*) FROM briefs WHERE {_LISTED}").fetchone()
        self._count = int(count[0])
        self._version: tuple[Path, str] | None = None
        """The index file and the number of times it has changed, as this snapshot has it."""
        if location is not None:
            row = connection.execute("SELECT value FROM meta WHERE key = 'changes'").fetchone()
            self._version = (location, row[0] if row else "")
        weakref.finalize(self, connection.close)

    def __len__(self) -> int:
        return self._count

    def entry_at(self, position: int) -> Entry:
        number, offset = divmod(position, PAGE)
        with self._lock:
            page = self._pages.get(number)
            if page is None:
                page = self._read_page(number)
                self._pages.put(number, page)
        return page[offset]

    def _read_page(self, number: int) -> list[Entry]:
        rows = self._connection.execute(
            "SELECT path, entry, duplicate_of, id_line FROM briefs"
            " WHERE position >= ? AND position < ? ORDER BY position",
            (number * PAGE, (number + 1) * PAGE),
        ).fetchall()
        return [_decode(self._root, *row) for row in rows]

    def same_as(self, other: Entries) -> bool:
        if isinstance(other, StoredEntries) and self._version is not None:
            return self._version == other._version
        return other is self

    def ids(self) -> list[str | None]:
        with self._lock:
            rows = self._connection.execute(
                f"SELECT CASE WHEN duplicate_of IS NULL THEN brief_id END FROM briefs"
                f" WHERE {_LISTED} ORDER BY position"
            ).fetchall()
        return [ident for (ident,) in rows]

    def position_of(self, key: str) -> int | None:
        with self._lock:
            row = self._connection.execute(
                f"SELECT position FROM briefs WHERE {_LISTED} AND (path = ?"
                f" OR ({_KEPT_BRIEF} AND brief_id = ?)"
                f" OR (NOT ({_KEPT_BRIEF}) AND stem = ?))"
                " ORDER BY path != ?, position LIMIT 1",
                (key, key, key, key),
            ).fetchone()
        return None if row is None else int(row[0])

    def find(self, query: Query, marks: UserMarks | None = None) -> list[int]:
        if query.is_empty:
            return list(range(self._count))
        where, values = _conditions(query, marks or NO_MARKS)
        with self._lock:
            rows = self._connection.execute(
                f"SELECT position FROM briefs WHERE {where} ORDER BY position", values
            ).fetchall()
        return [position for (position,) in rows]

    def facets(
        self,
        query: Query,
        field: FacetField,
        limit: int = 10,
        marks: UserMarks | None = None,
    ) -> list[tuple[str, int]]:
        marks = marks or NO_MARKS
        where, values = _conditions(query, marks)
        if field == "tag":
            return self._tag_facets(where, values, limit, marks)
        # Counted by the folded value; shown as the first brief in the list spells it (SQLite
        # takes a bare column from the row that gives min() its value). The briefs found come
        # first, each one's names then read from an index: a narrow filter reads few names.
        with self._lock:
            rows = self._connection.execute(
                "SELECT names.name, count(*) AS found, min(matching.position) FROM"
                f" (SELECT rowid AS id, position FROM briefs WHERE {where}) AS matching"
                " CROSS JOIN names ON names.brief = matching.id AND names.field = ?"
                " GROUP BY names.folded ORDER BY found DESC, names.folded LIMIT ?",
                (*values, field, limit),
            ).fetchall()
        return [(name, count) for name, count, _ in rows]

    def _tag_facets(
        self, where: str, values: list[str | int], limit: int, marks: UserMarks
    ) -> list[tuple[str, int]]:
        """The user's tags most briefs matching have. The tags are the user's, not the
        index's: they come in as one value, each tag with its ids, and are counted against the
        briefs found."""
        tagged = {tag: sorted(ids) for tag, ids in marks.tagged.items() if ids}
        if not tagged:
            return []
        with self._lock:
            rows = self._connection.execute(
                "SELECT tag.key, count(*) AS found FROM json_each(?) AS tag,"
                " json_each(tag.value) AS ident"
                f" WHERE ident.value IN (SELECT brief_id FROM briefs WHERE {where})"
                " GROUP BY tag.key ORDER BY found DESC, lower(tag.key), tag.key LIMIT ?",
                (json.dumps(tagged), *values, limit),
            ).fetchall()
        return [(tag, count) for tag, count in rows]


def _conditions(query: Query, marks: UserMarks) -> tuple[str, list[str | int]]:
    """What a row of ``briefs`` must satisfy to match ``query``, and the values it names;
    ``marks`` are what the user keeps, asked for only as far as the query names it."""
    conditions = [_LISTED, _KEPT_BRIEF]
    values: list[str | int] = []
    words = searchable(query.words)
    if words:
        conditions.append("rowid IN (SELECT rowid FROM words WHERE words MATCH ?)")
        values.append(match_expression(words))
    for term in query.names:
        conditions.append(
            "rowid IN (SELECT brief FROM names WHERE rowid IN"
            " (SELECT rowid FROM name_words WHERE name_words MATCH ?))"
        )
        values.append(name_expression(term))
    for language in query.languages:
        conditions.append(
            "rowid IN (SELECT brief FROM names WHERE field = 'language'"
            " AND substr(folded, 1, ?) = ?)"
        )
        values += (len(language), language)
    for period in query.periods:
        # An undated brief's null is neither before nor after anything: no period holds it.
        if period.start is not None:
            conditions.append("published >= ?")
            values.append(period.start)
        if period.end is not None:
            conditions.append("published < ?")
            values.append(period.end)
    for status in query.statuses:
        conditions.append("status = ?")
        values.append(status)
    # Each set of ids as one value however many: SQLite limits how many values a statement
    # may take. Only the sets the query names are read and sent.
    among: list[tuple[str, Collection[str]]] = []
    if query.bookmarked:
        among.append(("IN", marks.bookmarked))
    if query.read:
        among.append(("IN", marks.read))
    if query.unread:
        among.append(("NOT IN", marks.read))
    if query.noted:
        among.append(("IN", marks.noted))
    among += [("IN", tagged_ids(marks, start)) for start in query.tags]
    for operator, ids in among:
        conditions.append(f"brief_id {operator} (SELECT value FROM json_each(?))")
        values.append(json.dumps(list(ids)))
    if query.anchors:
        mask = anchor_mask(query.anchors)
        conditions.append("anchors & ? = ?")
        values += (mask, mask)
    return " AND ".join(conditions), values


def _decode(root: Path, path: str, text: str, duplicate_of: str | None, id_line: int) -> Entry:
    try:
        entry = decode_entry_json(path, text)
    except DECODE_ERRORS:
        # The index is in the user's cache folder, and anything may have been written there:
        # what cannot be read back as it was written is read from the brief file itself.
        from tui.core.store import read_entry

        entry = read_entry(root, root / path)
    if duplicate_of is None or entry.brief is None:
        return entry
    # Only one file can be named after the id, so every other one has already been told that
    # its id must equal its name: the problem points at the same line.
    duplicate = Problem(
        path, id_line, "id", f"duplicate id {entry.brief.id!r}: {duplicate_of} has it"
    )
    return Entry(path, None, (*entry.problems, duplicate))
