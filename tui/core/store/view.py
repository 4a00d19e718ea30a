"""The corpus as the index holds it: entries read a page at a time, when they are asked for.

A :class:`StoredEntries` keeps a read transaction open on its own connection for its whole
life: SQLite then shows it the index as it was when it was made, whatever another thread or
process writes meanwhile, so that the positions it gives and the entries it reads always agree.
A refresh gives a new one; the old one closes its connection when it is let go. Asked to
(:meth:`StoredEntries.renew`), it moves to a later snapshot that shows the same, which lets
SQLite reuse its journal.

Facets are counted on a second connection to the same file, reading the same snapshot, so that
the list, reading its rows on the first connection meanwhile, does not wait for them. Those of
every brief, and of words most briefs have, come from counts the index keeps.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import weakref
from collections.abc import Callable, Collection, Sequence
from pathlib import Path, PurePosixPath
from typing import TypeVar

from tui.core.atomic import file_identity
from tui.core.model import ID_NOT_THE_FILE_NAME, Entries, Entry, Problem
from tui.core.recent import RecentlyUsed
from tui.core.search import (
    NO_MARKS,
    FacetField,
    Query,
    UserMarks,
    anchor_mask,
    known_name,
    marked_letters,
    match_expression,
    name_expression,
    searchable,
    tagged_ids,
)
from tui.core.store.codec import DECODE_ERRORS, decode_entry_json
from tui.core.store.database import connect, is_damage
from tui.core.text import fold_search

PAGE = 64
"""How many entries are read at once: a screenful of rows and then some."""
PAGES_KEPT = 16
"""How many pages of entries read are kept, the most recently used."""
READ_AHEAD_KEPT = 4 * PAGE
"""How many entries read on their own (see :meth:`StoredEntries.read_ahead`) are kept."""
_FEW = 8
"""A query whose words find fewer than one brief in this many has its briefs looked up one by
one; else the list is walked in order (see :meth:`StoredEntries.find`)."""

_ENTRY_COLUMNS = "path, entry, duplicate_of, id_line"
"""The columns an entry is made from, in the order :func:`_decode` takes them."""

_T = TypeVar("_T")

DAMAGED = "the index of this corpus is damaged; it is being built again from the files"
"""What an entry says whose place in a damaged index cannot be read."""

# What stands at a position: the brief, unless another file keeps its id.
_LISTED = "position IS NOT NULL"
_KEPT_BRIEF = "brief_id IS NOT NULL AND duplicate_of IS NULL"
_NOT_KEPT_BRIEF = "(brief_id IS NULL OR duplicate_of IS NOT NULL)"
"""A row whose entry has no brief: its file did not load, or another file keeps its id. Written
as the index of those rows is, so that SQLite can use it."""
_EVERY_BRIEF = f"{_LISTED} AND {_KEPT_BRIEF}"
"""What a row must satisfy to be one of the corpus's briefs: what an empty query asks."""


class StoredEntries(Entries):
    """The entries of the index on ``connection``, as they are when this is made."""

    def __init__(
        self, connection: sqlite3.Connection, root: Path, location: Path | None = None
    ) -> None:
        """``location`` is the index file; None for an index in memory."""
        self._reader = _Reader(connection)
        self._root = root
        self._lock = self._reader.lock
        self._pages: RecentlyUsed[int, list[Entry]] = RecentlyUsed(PAGES_KEPT)
        self._read_ahead: RecentlyUsed[int, Entry] = RecentlyUsed(READ_AHEAD_KEPT)
        self._kept_count: int | None = None
        connection.execute("BEGIN")  # the snapshot, until the connection closes
        count = connection.execute(f"SELECT count(*) FROM briefs WHERE {_LISTED}").fetchone()
        self._count = int(count[0])
        self.index_identity = None if location is None else file_identity(location)
        """The index file these entries read, to tell it from one made anew in its place."""
        self._version: tuple[Path, str] | None = None
        """The index file and the number of times it has changed, as this snapshot has it."""
        if location is not None:
            self._version = (location, _changes(connection))
        weakref.finalize(self, self._reader.close)
        self._counting: _Reader | None = None
        """The connection facets are counted on, once asked for."""
        self._damage_told: Callable[[], None] | None = None
        """Called once the index is found damaged (see :meth:`on_damage`)."""
        self._damaged = False
        """Whether a read of the index failed: it is damaged where opening it did not look."""
        self._not_found: tuple[str, list[int]] | None = None
        """The words facets were last counted for, and the briefs they do not find (see
        :meth:`_briefs_not_found`); used with the counting connection's lock held."""
        self._counting_lock = threading.Lock()

    @property
    def _connection(self) -> sqlite3.Connection:
        """The connection entries are read on; used with ``self._lock`` held."""
        return self._reader.connection

    def __len__(self) -> int:
        return self._count

    def entry_at(self, position: int) -> Entry:
        number, offset = divmod(position, PAGE)
        with self._lock:
            page = self._pages.get(number)
            if page is None:
                entry = self._read_ahead.get(position)
                if entry is not None:
                    return entry
                page = self._answer(
                    lambda: self._read_page(number), lambda: self._read_page_from_files(number)
                )
                self._pages.put(number, page)
        return page[offset]

    def read_ahead(self, positions: Sequence[int]) -> None:
        # A filter's rows lie far apart in the list: reading a page for each would decode
        # some 64 entries for every row drawn. The rows not in a page already read are read
        # alone, all in one query.
        with self._lock:
            wanted = [
                p
                for p in dict.fromkeys(positions)
                if 0 <= p < self._count
                and p // PAGE not in self._pages
                and p not in self._read_ahead
            ]
            if not wanted:
                return
            rows = self._answer(
                lambda: self._connection.execute(
                    f"SELECT position, {_ENTRY_COLUMNS} FROM briefs"
                    " WHERE position IN (SELECT value FROM json_each(?))",
                    (json.dumps(wanted),),
                ).fetchall(),
                list,  # each is read with its page instead
            )
            for position, *row in rows:
                self._read_ahead.put(position, _decode(self._root, *row))

    def _read_page(self, number: int, columns: str = _ENTRY_COLUMNS) -> list[Entry]:
        rows = self._connection.execute(
            f"SELECT {columns} FROM briefs WHERE position >= ? AND position < ? ORDER BY position",
            (number * PAGE, (number + 1) * PAGE),
        ).fetchall()
        return [_decode(self._root, *row) for row in rows]

    def _read_page_from_files(self, number: int) -> list[Entry]:
        """Page ``number`` read from the brief files, for an index whose entries cannot be
        read; entries whose very place cannot be read say so."""
        try:
            # An entry of None cannot be decoded: each is read from its file.
            return self._read_page(number, "path, NULL, duplicate_of, id_line")
        except sqlite3.DatabaseError:
            problem = Problem("index", 0, "", DAMAGED)
            first = number * PAGE
            count = min(PAGE, self._count - first)
            return [Entry(f"#{first + n + 1}", None, (problem,)) for n in range(count)]

    def on_damage(self, tell: Callable[[], None]) -> None:
        self._damage_told = tell
        if self._damaged:
            tell()

    def _answer(self, ask: Callable[[], _T], if_damaged: Callable[[], _T]) -> _T:
        """``ask()``; ``if_damaged()`` when the index is damaged, which is told, once (see
        :meth:`on_damage`). Any other error of SQLite's is raised: building the index again
        would not mend it. Asked from any thread."""
        try:
            return ask()
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            if not self._damaged:
                self._damaged = True
                if self._damage_told is not None:
                    self._damage_told()
            return if_damaged()

    def same_as(self, other: Entries) -> bool:
        if isinstance(other, StoredEntries) and self._version is not None:
            return self._version == other._version
        return other is self

    def ids(self) -> list[str | None]:
        with self._lock:
            rows = self._answer(
                lambda: self._connection.execute(
                    f"SELECT CASE WHEN duplicate_of IS NULL THEN brief_id END FROM briefs"
                    f" WHERE {_LISTED} ORDER BY position"
                ).fetchall(),
                lambda: [(None,)] * self._count,
            )
        return [ident for (ident,) in rows]

    def position_of(self, key: str) -> int | None:
        with self._lock:
            row = self._answer(
                lambda: self._connection.execute(
                    f"SELECT position FROM briefs WHERE {_LISTED} AND (path = ?"
                    f" OR ({_KEPT_BRIEF} AND brief_id = ?)"
                    f" OR (NOT ({_KEPT_BRIEF}) AND stem = ?))"
                    " ORDER BY path != ?, position LIMIT 1",
                    (key, key, key, key),
                ).fetchone(),
                lambda: None,
            )
        return None if row is None else int(row[0])

    def keys_not_loaded(self) -> set[str]:
        # Read from an index of those rows alone: at 10,000 briefs, decoding every entry to
        # find the few that did not load took some 1.5 s of each command.
        with self._lock:
            rows = self._answer(
                lambda: self._connection.execute(
                    f"SELECT stem FROM briefs INDEXED BY briefs_not_kept"
                    f" WHERE {_NOT_KEPT_BRIEF} AND {_LISTED}"
                ).fetchall(),
                lambda: None,
            )
        if rows is None:  # each entry is read from its file instead
            return super().keys_not_loaded()
        return {stem for (stem,) in rows}

    def find(self, query: Query, marks: UserMarks | None = None) -> list[int]:
        return self._answer(lambda: self._find(query, marks), list)

    def _find(self, query: Query, marks: UserMarks | None) -> list[int]:
        # Words of punctuation alone narrow nothing (see searchable): such a query finds every
        # file, those that failed to load too, as an empty one does.
        if not query.narrows:
            return list(range(self._count))
        words = searchable(query.words)
        where, values = _conditions(query, marks or NO_MARKS)
        with self._lock:
            # Two ways to the same rows. Few briefs found by words: each is looked up, and the
            # few positions sorted. Many (a word's first letter finds nearly every brief), or
            # no words to count by: sorting 100,000 positions took longer than walking the
            # list's own index in order, which holds every column a term other than words
            # asks about, keeping the rows found: some 0.13 ms a thousand briefs. Words alone
            # finding more than half are asked for the briefs they do not find.
            match = match_expression(words)
            found, most = self._found(self._connection, match) if words else (self._count, False)
            if most and _words_alone(query) is not None:
                return self._all_kept_but(match)
            walk = found * _FEW > self._count
            table = "briefs INDEXED BY briefs_listing" if walk else "briefs"
            rows = self._connection.execute(
                f"SELECT position FROM {table} WHERE {where} ORDER BY position", values
            ).fetchall()
        return [position for (position,) in rows]

    def _all_kept_but(self, match: str) -> list[int]:
        """The positions of the briefs kept in the list, but those the full-text query
        ``match`` does not find.

        Words finding nearly every brief are asked for the few they do not find, which saves
        making 100,000 numbers of the rows found. Briefs another file keeps the id of, and
        files that did not load, are placed last: the briefs kept are the first positions.
        """
        missing = {
            position
            for (position,) in self._connection.execute(
                f"SELECT position FROM briefs INDEXED BY briefs_listing"
                f" WHERE {_LISTED} AND {_KEPT_BRIEF}"
                " AND rowid NOT IN (SELECT rowid FROM words WHERE words MATCH ?)",
                (match,),
            )
        }
        return [position for position in range(self._kept()) if position not in missing]

    def _kept(self) -> int:
        """How many briefs the list keeps: all but files that failed and ids kept elsewhere."""
        if self._kept_count is None:
            row = self._connection.execute(
                f"SELECT count(*) FROM briefs INDEXED BY briefs_listing"
                f" WHERE {_LISTED} AND {_KEPT_BRIEF}"
            ).fetchone()
            self._kept_count = int(row[0])
        return self._kept_count

    def facets(
        self,
        query: Query,
        field: FacetField,
        limit: int = 10,
        marks: UserMarks | None = None,
    ) -> list[tuple[str, int]]:
        return self._answer(lambda: self._facets(query, field, limit, marks), list)

    def _facets(
        self, query: Query, field: FacetField, limit: int, marks: UserMarks | None
    ) -> list[tuple[str, int]]:
        marks = marks or NO_MARKS
        where, values = _conditions(query, marks)
        reader = self._counting_reader()
        with reader.lock:
            connection = reader.connection
            if field == "tag":
                return _tag_facets(connection, where, values, limit, marks)
            if where == _EVERY_BRIEF:
                return _whole_corpus_facets(connection, field, limit)
            not_found = self._briefs_not_found(connection, query)
            if not_found is not None:
                return _whole_corpus_facets(connection, field, limit, not_found)
            # Counted by the folded value; spelt as the first brief in the list spells it
            # (SQLite takes a bare column from the row that gives min() its value), unless
            # another spells it fuller. The briefs found come first, each one's names then read
            # from an index: a narrow filter reads few names.
            rows = connection.execute(
                "SELECT names.name, names.folded, count(*) AS found, min(matching.position) FROM"
                f" (SELECT rowid AS id, position FROM briefs WHERE {where}) AS matching"
                " CROSS JOIN names ON names.brief = matching.id AND names.field = ?"
                " GROUP BY names.folded ORDER BY found DESC, names.folded LIMIT ?",
                (*values, field, limit),
            ).fetchall()
            return _spelt_fullest(
                connection, field, [(name, folded, count) for name, folded, count, _ in rows]
            )

    def _briefs_not_found(self, connection: sqlite3.Connection, query: Query) -> list[int] | None:
        """The rowids of the corpus's briefs the words of ``query`` do not find, when it has
        nothing but words and they find more than half the list; else None.

        The facets of such words are those of every brief but those few: counting the names of
        the 99,000 briefs a common word finds took 285 ms a field at 100,000 briefs. The facets
        dialog asks for six fields in a row, so the briefs of the last words are kept.
        """
        match = _words_alone(query)
        if match is None:
            return None
        if self._not_found is None or self._not_found[0] != match:
            if not self._found(connection, match)[1]:
                return None
            rowids = connection.execute(
                f"SELECT rowid FROM briefs INDEXED BY briefs_listing WHERE {_EVERY_BRIEF}"
                " AND rowid NOT IN (SELECT rowid FROM words WHERE words MATCH ?)",
                (match,),
            ).fetchall()
            self._not_found = (match, [rowid for (rowid,) in rowids])
        return self._not_found[1]

    def _found(self, connection: sqlite3.Connection, match: str) -> tuple[int, bool]:
        """How many briefs the full-text query ``match`` finds, counted no further than one
        more than half the list, and whether that is more than half: the few it does not find
        are then fewer to ask for than those it finds."""
        found = _found_up_to(connection, match, self._count // 2 + 1)
        return found, 2 * found > self._count

    def _counting_reader(self) -> _Reader:
        """The connection to count on: a second one reading what this one reads when it can be
        had, else the entries' own. None can be had for an index in memory, or when the file
        has changed since this snapshot was taken: the corpus is then about to be replaced by
        a newer one, and its counts must still agree with its list."""
        with self._counting_lock:
            if self._counting is None:
                connection = self._same_snapshot()
                if connection is None:
                    self._counting = self._reader
                else:
                    self._counting = _Reader(connection)
                    weakref.finalize(self, self._counting.close)
            return self._counting

    def _same_snapshot(self) -> sqlite3.Connection | None:
        """A connection reading a snapshot taken now, when it shows what this one shows: the
        index has not been changed since. None for an index in memory, or one changed."""
        if self._version is None:
            return None
        location, changes = self._version
        try:
            connection = connect(str(location))
        except sqlite3.Error:
            return None
        try:
            connection.execute("BEGIN")
            same = _changes(connection) == changes  # the snapshot is taken at this first read
        except sqlite3.Error:
            same = False
        if not same:
            connection.close()
            return None
        return connection

    def renew(self) -> None:
        """Read from a snapshot taken now, when it shows what this one shows, and let SQLite
        empty its journal into the index.

        A snapshot held keeps SQLite from reusing the index's journal (its ``-wal`` file): while
        a first build writes, every page it writes was added to the journal again, some 3.4
        times the index in all. Between two changes of what the index shows, a snapshot taken
        later shows the same (a build's batches add briefs the list does not show until the
        next change), so the entries move to one. Moving twice, with the journal copied into
        the index between, leaves them reading the index file alone: the next writer then
        starts the journal over, and the file can be cut back. Nothing is done when the index
        has changed since, or another process holds it: the entries keep the snapshot they
        have.
        """
        if self._version is None:
            return
        location = self._version[0]
        for mode in ("PASSIVE", "TRUNCATE"):
            for reader in self._readers():
                connection = self._same_snapshot()
                if connection is None:
                    return
                reader.replace(connection)
            _checkpoint(location, mode)

    def close(self) -> None:
        for reader in self._readers():
            with reader.lock:
                reader.close()

    def _readers(self) -> list[_Reader]:
        """The connections this reads on: its own, and the one it counts on when that is
        another."""
        with self._counting_lock:
            counting = self._counting
        return [self._reader] if counting in (None, self._reader) else [self._reader, counting]


class _Reader:
    """A connection reading a snapshot of the index, and the lock to hold while using it. The
    connection may be replaced by one reading a later snapshot that shows the same."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.lock = threading.Lock()

    def replace(self, connection: sqlite3.Connection) -> None:
        with self.lock:
            old, self.connection = self.connection, connection
        old.close()

    def close(self) -> None:
        self.connection.close()


def _checkpoint(location: Path, mode: str) -> None:
    """Copy what SQLite's journal holds into the index file at ``location``, and with
    ``TRUNCATE`` empty the journal, as far as can be done now: a writer or a reader of an older
    snapshot is not waited for."""
    with contextlib.suppress(sqlite3.Error):
        connection = sqlite3.connect(str(location), timeout=0, isolation_level=None)
        try:
            connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchall()
        finally:
            connection.close()


def _words_alone(query: Query) -> str | None:
    """The full-text query of the words of ``query``, when it holds nothing else; else None."""
    words = searchable(query.words)
    alone = query._replace(left_out=0, quoted_words=False) == Query(words=query.words)
    return match_expression(words) if words and alone else None


def _found_up_to(connection: sqlite3.Connection, match: str, most: int) -> int:
    """How many briefs the full-text query ``match`` finds, counted no further than ``most``,
    by the full-text index alone."""
    row = connection.execute(
        "SELECT count(*) FROM (SELECT rowid FROM words WHERE words MATCH ? LIMIT ?)",
        (match, most),
    ).fetchone()
    return int(row[0])


def _changes(connection: sqlite3.Connection) -> str:
    """How many times the index has been changed, as ``connection`` sees it."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'changes'").fetchone()
    return str(row[0]) if row else ""


def _whole_corpus_facets(
    connection: sqlite3.Connection,
    field: FacetField,
    limit: int,
    left_out: Sequence[int] = (),
) -> list[tuple[str, int]]:
    """The ``limit`` values of ``field`` most of the corpus's briefs have, but those of rowid
    ``left_out``: from the counts the index keeps, less the names of those briefs and of the
    files that are not among the corpus's briefs (not yet listed, failed, or whose id another
    keeps).

    Taking off only lowers a count, so the values that can end in the first ``limit`` are
    among the first ``limit`` counted, and those that have something taken off.
    """
    not_kept = _names_not_kept(connection, field)
    taken_off: dict[str, int] = {}
    for (folded, _), count in not_kept.items():
        taken_off[folded] = taken_off.get(folded, 0) + count
    if left_out:
        for folded, count in connection.execute(
            # Looked up brief by brief: SQLite would rather read every name of the field.
            "SELECT folded, count(*) FROM names INDEXED BY names_brief WHERE field = ?"
            " AND brief IN (SELECT value FROM json_each(?)) GROUP BY folded",
            (field, json.dumps(list(left_out))),
        ):
            taken_off[folded] = taken_off.get(folded, 0) + count
    counted = connection.execute(
        "SELECT folded, briefs FROM name_counts WHERE field = ?"
        " ORDER BY briefs DESC, folded LIMIT ?",
        (field, limit + len(taken_off)),
    ).fetchall()
    counts = [(folded, briefs - taken_off.get(folded, 0)) for folded, briefs in counted]
    counts = sorted((c for c in counts if c[1] > 0), key=lambda c: (-c[1], c[0]))[:limit]
    # Spelt as the first brief in the list writes it, unless another spells it fuller. The
    # list is walked in order until a brief has the value: few steps for values this many
    # briefs have.
    skipped = frozenset(left_out)
    firsts = []
    for folded, count in counts:
        having = connection.execute(
            "SELECT briefs.rowid, names.name FROM briefs INDEXED BY briefs_listing"
            " CROSS JOIN names"
            " ON names.brief = briefs.rowid AND names.field = ? AND names.folded = ?"
            f" WHERE {_EVERY_BRIEF} ORDER BY briefs.position",
            (field, folded),
        )
        firsts.append((next(name for rowid, name in having if rowid not in skipped), folded, count))
    return _spelt_fullest(connection, field, firsts, not_kept)


def _names_not_kept(
    connection: sqlite3.Connection, field: FacetField
) -> dict[tuple[str, str], int]:
    """How many of the files that are not among the corpus's briefs (not yet listed, failed, or
    whose id another keeps) have each value of ``field``, by its folded value and spelling:
    the counts the index keeps count them, and facets take them off."""
    rows = connection.execute(
        "SELECT names.folded, names.name, count(*) FROM briefs CROSS JOIN names"
        " ON names.brief = briefs.rowid AND names.field = ?"
        f" WHERE NOT ({_EVERY_BRIEF}) GROUP BY names.folded, names.name",
        (field,),
    ).fetchall()
    return {(folded, name): count for folded, name, count in rows}


def _spelt_fullest(
    connection: sqlite3.Connection,
    field: FacetField,
    counted: Sequence[tuple[str, str, int]],
    not_kept: dict[tuple[str, str], int] | None = None,
) -> list[tuple[str, int]]:
    """The values ``counted`` (each as the first brief in the list spells it, folded, and its
    count), each spelt as fully as a brief of the corpus spells it: with the most letters
    bearing a mark (:func:`~tui.core.search.marked_letters`), "Samuel García" rather than
    "Samuel Garcia"; spelt as the first brief does when none spells it fuller, and else as most
    briefs do. The corpus's, not only the briefs counted: a value is spelt the same whatever
    the filter. ``not_kept``: :func:`_names_not_kept`, when already asked for."""
    if not counted:
        return []
    ways: dict[str, dict[str, int]] = {}
    for folded, name, briefs in connection.execute(
        "SELECT folded, name, briefs FROM name_spellings WHERE field = ?"
        " AND folded IN (SELECT value FROM json_each(?))",
        (field, json.dumps([folded for _, folded, _ in counted])),
    ):
        ways.setdefault(folded, {})[name] = briefs
    shown = []
    for name, folded, count in counted:
        marks = marked_letters(name)
        fuller = {way: n for way, n in ways.get(folded, {}).items() if marked_letters(way) > marks}
        if fuller:
            if not_kept is None:
                not_kept = _names_not_kept(connection, field)
            fuller = {way: n - not_kept.get((folded, way), 0) for way, n in fuller.items()}
            written = [(-marked_letters(way), -n, way) for way, n in fuller.items() if n > 0]
            if written:
                name = min(written)[2]
        shown.append((name, count))
    return shown


def _tag_facets(
    connection: sqlite3.Connection,
    where: str,
    values: list[str | int],
    limit: int,
    marks: UserMarks,
) -> list[tuple[str, int]]:
    """The user's tags most briefs matching have. The tags are the user's, not the index's:
    they come in as one value, each tag with its ids, and are counted against the briefs
    found."""
    tagged = {tag: sorted(ids) for tag, ids in marks.tagged.items() if ids}
    if not tagged:
        return []
    rows = connection.execute(
        "SELECT tag.key, count(*) AS found FROM json_each(?) AS tag,"
        " json_each(tag.value) AS ident"
        f" WHERE ident.value IN (SELECT brief_id FROM briefs WHERE {where})"
        " GROUP BY tag.key",
        (json.dumps(tagged), *values),
    ).fetchall()
    # Ordered here, as the other fields' values are by their folded name: SQLite's lower() knows
    # only ASCII, and put "Ñandú" after "zeta". A user's tags are few.
    rows.sort(key=lambda row: (-row[1], fold_search(row[0]), row[0]))
    return [(tag, count) for tag, count in rows[:limit]]


def _conditions(query: Query, marks: UserMarks) -> tuple[str, list[str | int]]:
    """What a row of ``briefs`` must satisfy to match ``query``, and the values it names;
    ``marks`` are what the user keeps, asked for only as far as the query names it."""
    conditions, values = _term_conditions(query, marks)
    for term in query.excluded:
        excluded, its_values = _term_conditions(term, marks)
        if excluded:
            # A brief of which a term cannot be told (an undated one, for a date) does not
            # match it, so excluding the term keeps the brief.
            conditions.append(f"NOT coalesce(({' AND '.join(excluded)}), 0)")
            values += its_values
    return " AND ".join([_LISTED, _KEPT_BRIEF, *conditions]), values


def _term_conditions(query: Query, marks: UserMarks) -> tuple[list[str], list[str | int]]:
    """The conditions of each term of ``query`` (those it excludes aside), and their values."""
    conditions: list[str] = []
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
    for value in query.values:
        if value.field == "tag":
            continue  # the user's, not the index's: among the marks below
        # Facets count names by their folded value: the same column, equal, finds their briefs.
        conditions.append("rowid IN (SELECT brief FROM names WHERE field = ? AND folded = ?)")
        values += (value.field, known_name(value.field, value.value))
    for language in query.languages:
        # The range lets the index of names be searched; the start of the code decides.
        conditions.append(
            "rowid IN (SELECT brief FROM names WHERE field = 'language' AND folded >= ?"
            " AND folded < ? AND substr(folded, 1, ?) = ?)"
        )
        values += (language, _after_prefix(language), len(language), language)
    for period in query.periods:
        # An undated brief's null is neither before nor after anything: no period holds it.
        if period == (None, None):  # before the last date there is
            conditions.append("published IS NOT NULL")
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
    among += [
        ("IN", tagged_ids(marks, value.value, whole=True))
        for value in query.values
        if value.field == "tag"
    ]
    for operator, ids in among:
        conditions.append(f"brief_id {operator} (SELECT value FROM json_each(?))")
        values.append(json.dumps(list(ids)))
    if query.anchors:
        mask = anchor_mask(query.anchors)
        conditions.append("anchors & ? = ?")
        values += (mask, mask)
    return conditions, values


def _after_prefix(prefix: str) -> str:
    """A text after every text that starts with ``prefix``, in SQLite's order of texts."""
    last = ord(prefix[-1])
    return prefix[:-1] + chr(last + 1) if last < 0x10FFFF else prefix + "\U0010ffff" * 64


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
    # Only one file can be named after the id, so every other one has been told that its id
    # must equal its name, perhaps to rename the file after the id, as the file that keeps it
    # may be told too: one problem instead, which says to change the id.
    others = tuple(
        problem
        for problem in entry.problems
        if not (problem.field == "id" and problem.message == ID_NOT_THE_FILE_NAME)
    )
    from tui.core.loader import ID_RULE  # read with the brief, as the loader is

    stem = PurePosixPath(path).stem
    if others == entry.problems:
        advice = ""
    elif ID_RULE.fullmatch(stem):
        advice = f"set it to {stem}"
    else:  # "Copy of a": no id can be named so
        advice = "give the file a name of small letters, digits and hyphens, and the id that name"

    message = f"duplicate id {entry.brief.id!r}: {duplicate_of} has it"
    duplicate = Problem(path, id_line, "id", message, advice=advice)
    return Entry(path, None, tuple(sorted((*others, duplicate), key=lambda p: p.line)))
