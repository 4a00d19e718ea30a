"""Bringing the index up to date with the corpus folder, reading only the files that changed.

A brief file is read again when its fingerprint (size, modification time, change time and
inode) or its article's differs from the stored one. Content is not hashed: hashing every file
costs as much as reading it, which is most of what the index saves. Instead, a file modified
less than :data:`SETTLE_NS` before it was fingerprinted is not trusted next time: a change made
within the same tick of a coarse file-system clock leaves the fingerprint as it was, so only a
file whose modification time was already in the past can be trusted to show the next change.
Briefs that failed to load are always read again (they are few, and their problems may depend on
files the row does not name).

Files are read in batches, each written in a short transaction of its own, so that a cold build
of a large corpus holds one batch in memory, and another process sharing the index waits for
one batch at most. Many files are read in parallel, by processes over the machine's cores. The
order of the list, and the ids that another file keeps, are worked out once every file is in,
in the last transaction: until then a new brief has no place in the list, and a changed one
keeps its old place. A first build, which has no list to show meanwhile, also places the briefs
read so far now and then (see :class:`_ListingAsRead`), so that a reader can show them while the
rest are read.
"""

from __future__ import annotations

import concurrent.futures as futures
import json
import os
import sqlite3
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.corpus_path import is_brief_name, without_briefs
from tui.core.model import Problem
from tui.core.store.codec import encode_entry_json
from tui.core.text import compound_words

SETTLE_NS = 3_000_000_000
"""How long before a fingerprint was taken a file must have been last modified to be trusted:
more than the coarsest file-system clock in common use (two seconds on FAT)."""
BATCH = 128
"""How many brief files are read, then written in one transaction."""
PARENT_CHECK_INTERVAL = 0.5
"""Seconds between two looks, by a worker process, at whether the process it reads for is
still there."""
PARALLEL_FROM = 512
"""How many files to read make it worth starting processes (each takes some 0.3 s to start)."""

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while brief files are read; an exception it raises stops
the refresh there (what was written so far is kept, and is valid)."""
Listed = Callable[[], None]
"""Called while a first build goes on, each time the briefs read so far have been given their
places in the list: the index then shows them (:func:`tui.core.store.peek_corpus`)."""

Fingerprint = tuple[int, int, int, int]


class FolderProblem(Exception):
    """The corpus folder cannot be read as a corpus; the index is left as it is."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class Read(NamedTuple):
    """One brief file as read, in the form the index stores it."""

    path: str
    source: str | None
    entry: str
    words: bytes
    brief_id: str | None
    stem: str
    published: str | None
    status: str | None
    anchors: int
    id_line: int
    values: list[tuple[str, str, str, str]]
    """What field terms look in and facets count (see :func:`tui.core.search.field_values`)."""


def read_files(root: str, paths: Sequence[str]) -> list[Read]:
    """Read the brief files ``paths`` (relative to ``root``) as the loader reads each one.

    This runs in worker processes too, so it takes and gives plain values.
    """
    from tui.core.loader import iter_brief_files
    from tui.core.search import anchor_bits, field_values, search_words

    base = Path(root)
    reads = []
    for path, (entry, article) in zip(
        paths, iter_brief_files(base, (base / p for p in paths)), strict=True
    ):
        brief = entry.brief
        words = search_words(brief, article) if brief else ""
        id_line = next((p.line for p in entry.problems if p.field == "id"), 1)
        reads.append(
            Read(
                path,
                brief.source if brief else None,
                encode_entry_json(entry),
                zlib.compress(words.encode(), 1),
                brief.id if brief else None,
                Path(path).stem,
                brief.published.isoformat() if brief and brief.published else None,
                brief.status if brief else None,
                # No status of a quote not looked for: anchor:missing is for quotes to mend.
                anchor_bits(brief.key_facts) if brief and not entry.article_unread else 0,
                id_line,
                list(field_values(brief)) if brief else [],
            )
        )
    return reads


def brief_names(root: Path) -> list[str]:
    """The brief files of the corpus, by name; raises :class:`FolderProblem` for a folder that
    is missing or cannot be listed."""
    briefs = root / "briefs"
    if not briefs.is_dir():
        message = without_briefs(root)
        if not root.exists():
            message = f"the corpus folder {root} is not there: was it moved or deleted?"
        raise FolderProblem(Problem("briefs", 0, "", message))
    try:
        with os.scandir(briefs) as listing:
            # Once each: a name that is not UTF-8 may be stored as another file's name is.
            return sorted({storable_name(e.name) for e in listing if is_brief_name(e.name)})
    except OSError as error:
        problem = Problem("briefs", 0, "", f"cannot list the folder: {error.strerror}")
        raise FolderProblem(problem) from error


def storable_name(name: str) -> str:
    """A file name as the index can hold it: a byte of it that is not UTF-8 (a file named on
    another system) is written as ``\\xNN``. Such a file cannot be opened by that name, and is
    reported as misnamed (see :mod:`tui.core.loader`)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def refresh(
    connection: sqlite3.Connection,
    root: Path,
    progress: Progress | None = None,
    listed: Listed | None = None,
) -> bool:
    """Bring the index on ``connection`` up to date with the corpus at ``root``; True when
    anything in it changed. ``listed`` is told when a first build has placed the briefs read
    so far in the list."""
    started = time.time_ns()
    names = brief_names(root)
    stale, prints, gone = _stale(connection, root, names)

    changed = False
    as_read = _ListingAsRead(connection, listed) if listed and not _listing(connection) else None
    for batch in _read_all(root, stale, progress):
        # Articles are fingerprinted afresh once read (see _write), each once a batch: kept
        # longer, 100,000 fingerprints would be held to the end of a cold build.
        changed |= _write(connection, batch, prints, _ArticlePrints(root / "seeds"), started)
        if as_read is not None:
            as_read.written(len(batch))
    if changed or gone or _unordered(connection):
        with _transaction(connection):
            if gone:  # else every stored file was listed: a brief edited needs no such pass
                _forget(connection, {f"briefs/{name}" for name in names})
            # Ordering reads every row: a brief edited in place (its title, its facts) keeps
            # its place, and a large corpus is not ordered again for it.
            if gone or _unordered(connection):
                _arrange(connection)
            _count_change(connection)
        return True
    return False


class _ListingAsRead:
    """Places the briefs of a first build in the list as they are read, so that a reader shows
    them while the rest are read: after the first batch, then each time the number read has
    doubled. Each placing reads every row stored, so doubling keeps all of them together to
    about twice the work of the last one."""

    def __init__(self, connection: sqlite3.Connection, listed: Listed) -> None:
        self._connection = connection
        self._listed = listed
        self._read = 0
        self._next = 1

    def written(self, count: int) -> None:
        self._read += count
        if self._read < self._next:
            return
        self._next = 2 * self._read
        with _transaction(self._connection):
            _arrange(self._connection)
            _count_change(self._connection)
        self._listed()


def _listing(connection: sqlite3.Connection) -> bool:
    """Whether any brief has a place in the list."""
    return bool(
        connection.execute("SELECT 1 FROM briefs WHERE position IS NOT NULL LIMIT 1").fetchone()
    )


def _count_change(connection: sqlite3.Connection) -> None:
    """Count one more change of the index, so that two snapshots of it can tell they hold the
    same."""
    connection.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('changes',"
        " (SELECT COALESCE(MAX(CAST(value AS INTEGER)), 0) + 1 FROM meta"
        " WHERE key = 'changes'))"
    )


def _stale(
    connection: sqlite3.Connection, root: Path, names: Sequence[str]
) -> tuple[list[str], dict[str, Fingerprint | None], bool]:
    """The brief files to read again (those of ``names``, in order, whose row is missing or no
    longer valid), their fingerprints, and whether a stored file is gone from the folder.

    The stored rows are walked beside the names, both in order, rather than held: at 100,000
    briefs a dictionary of them all took some 60 MiB for the moment of a start.
    """
    folder = os.path.join(root, "briefs")  # joined as text: a Path for each of 100,000 is slow
    seeds = os.path.join(root, "seeds")
    stale: list[str] = []
    prints: dict[str, Fingerprint | None] = {}
    gone = False
    rows = connection.execute(
        "SELECT path, brief_print, source, article_print, settled, brief_id FROM briefs"
        " ORDER BY path"  # as the names are sorted: UTF-8 bytes and code points agree
    )
    row = next(rows, None)
    for name in names:
        path = f"briefs/{name}"
        while row is not None and row[0] < path:
            gone = True  # stored, and no longer in the folder
            row = next(rows, None)
        fingerprint = _fingerprint(os.path.join(folder, name))
        matched = row if row is not None and row[0] == path else None
        if matched is not None:
            row = next(rows, None)
            if _still_valid(matched, fingerprint, seeds):
                continue
        stale.append(path)
        prints[path] = fingerprint
    return stale, prints, gone or row is not None


def _read_all(root: Path, paths: Sequence[str], progress: Progress | None) -> Iterator[list[Read]]:
    """The files ``paths`` read, a batch at a time, in parallel when they are many."""
    if not paths:
        return
    batches = [paths[i : i + BATCH] for i in range(0, len(paths), BATCH)]
    total, done = len(paths), 0
    if progress is not None:
        progress(0, total)
    workers = min(os.cpu_count() or 1, len(batches))
    if len(paths) < PARALLEL_FROM or workers < 2:
        yield from _read_here(root, batches, progress, total)
        return
    # Imported here: a warm start reads few files, and its first frame need not wait for it.
    import multiprocessing

    # Processes are spawned, not forked: the app calls this from a thread, and a fork copies
    # whatever lock another thread held at that moment.
    context = multiprocessing.get_context("spawn")
    waiting = iter(batches)
    pool = None
    try:
        pool = futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=_end_with, initargs=(os.getpid(),)
        )
        # Two batches per process in flight: enough to keep them busy, while the batches read
        # and not yet written stay few.
        running = {pool.submit(read_files, str(root), b) for b in _take(waiting, 2 * workers)}
    except (OSError, ValueError):
        # No process could be started: multiprocessing hands its helper process the standard
        # error's descriptor, which an app that captures standard error (Textual does) lacks
        # (see tui.app.main). The files are read here instead.
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        yield from _read_here(root, batches, progress, total)
        return
    try:
        while running:
            finished, running = futures.wait(running, return_when=futures.FIRST_COMPLETED)
            for future in finished:
                batch = future.result()
                yield batch
                done += len(batch)
                if progress is not None:
                    progress(done, total)
            running |= {
                pool.submit(read_files, str(root), b) for b in _take(waiting, len(finished))
            }
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _end_with(parent: int) -> None:
    """Run in each worker process as it starts: end it once the process that started it has
    gone. One killed, or ended without shutting its workers down, leaves them waiting for work
    forever, holding what it shared with them (its standard output among them)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_INTERVAL)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _read_here(
    root: Path, batches: Sequence[Sequence[str]], progress: Progress | None, total: int
) -> Iterator[list[Read]]:
    done = 0
    for paths in batches:
        yield read_files(str(root), paths)
        done += len(paths)
        if progress is not None:
            progress(done, total)


def _take(items: Iterator[Sequence[str]], count: int) -> list[Sequence[str]]:
    return [batch for _, batch in zip(range(count), items, strict=False)]


class _transaction:
    """A write transaction: committed when its block ends, rolled back when it raises."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> None:
        self.connection.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            self.connection.execute("COMMIT")
        elif self.connection.in_transaction:  # else SQLite rolled back itself (a full disk)
            self.connection.execute("ROLLBACK")


def _unordered(connection: sqlite3.Connection) -> bool:
    """Whether the list must be ordered again: a brief is not placed in it yet (a new one), or
    one placed has a new id or date (see :func:`_write`)."""
    return bool(
        connection.execute(
            "SELECT 1 FROM briefs WHERE position IS NULL"
            " UNION ALL SELECT 1 FROM meta WHERE key = 'unordered' LIMIT 1"
        ).fetchone()
    )


def _write(
    connection: sqlite3.Connection,
    batch: Iterable[Read],
    prints: dict[str, Fingerprint | None],
    articles: _ArticlePrints,
    started: int,
) -> bool:
    """Store ``batch``; say whether any of it differs from what was stored."""
    changed = reordered = modified = False
    named: list[tuple[int, Iterable[Sequence[str]]]] = []
    with _transaction(connection):
        for read in batch:
            brief_print = prints.pop(read.path)  # not needed again: let it go
            # Articles are fingerprinted after they were read: one changed meanwhile has a
            # modification time after ``started``, so it is not settled and is read again.
            article_print = articles[read.source] if read.source is not None else None
            settled = _settled(brief_print, started) and _settled(article_print, started)
            values = (
                _print_text(brief_print),
                read.source,
                _print_text(article_print),
                int(settled),
                read.entry,
                read.words,
                read.brief_id,
                read.stem,
                read.published,
                read.status,
                read.anchors,
                read.id_line,
            )
            # Looked up again inside the transaction: another process sharing the index may
            # have written the same file since this refresh began.
            old = connection.execute(
                "SELECT rowid, brief_print, source, article_print, settled, entry, words,"
                " brief_id, published FROM briefs WHERE path = ?",
                (read.path,),
            ).fetchone()
            if old is not None and _newer(old[1], brief_print):
                # Another refresh (an app starts one at every change on disk, without waiting
                # for the last; or another process) read a later state of the file and stored it.
                continue
            if old is not None:
                rowid, entry, words = old[0], old[5], old[6]
                if tuple(old[1:4]) == values[:3] and (entry, words) == (read.entry, read.words):
                    if old[4] != values[3]:
                        connection.execute(
                            "UPDATE briefs SET settled = ? WHERE rowid = ?", (values[3], rowid)
                        )
                    continue  # read again just as it was: a brief that failed again, say
                _unindex(connection, rowid, words)
                modified = True
                reordered |= tuple(old[7:9]) != (read.brief_id, read.published)
                connection.execute(
                    "UPDATE briefs SET brief_print = ?, source = ?, article_print = ?,"
                    " settled = ?, entry = ?, words = ?, brief_id = ?, stem = ?, published = ?,"
                    " status = ?, anchors = ?, id_line = ? WHERE rowid = ?",
                    (*values, rowid),
                )
            else:
                cursor = connection.execute(
                    "INSERT INTO briefs (path, brief_print, source, article_print, settled,"
                    " entry, words, brief_id, stem, published, status, anchors, id_line)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (read.path, *values),
                )
                rowid = cursor.lastrowid
            text = zlib.decompress(read.words).decode()
            connection.execute(
                "INSERT INTO words (rowid, text, compounds) VALUES (?, ?, ?)",
                (rowid, text, compound_words(text)),
            )
            named.append((rowid, read.values))
            changed = True
        _name(connection, named)
        if reordered:
            # Said with the batch, not at the end of the refresh: one stopped before its end
            # (the app closing, or reading again for a later change) would leave the list in
            # an order no later refresh would see the need to mend.
            connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('unordered', '1')")
        if modified:
            # A brief the list shows changed: a snapshot taken from now on shows something
            # else (see StoredEntries.renew). New briefs are not shown until they are placed,
            # which counts a change of its own.
            _count_change(connection)
    return changed


def _name(
    connection: sqlite3.Connection, named: Iterable[tuple[int, Iterable[Sequence[str]]]]
) -> None:
    """Store the field values of each brief in ``named`` (its rowid, its values), and the words
    of its names."""
    from tui.core.search import NAME_FIELDS

    # A batch's names go in with one statement per table rather than two per name, some 30 a
    # brief (300,000 statements at 10,000 briefs). Their rowids are given here, as the words of
    # each name are stored under its rowid; the transaction keeps other writers out meanwhile.
    (last,) = connection.execute("SELECT coalesce(max(rowid), 0) FROM names").fetchone()
    rows: list[tuple[int, int, str, str, str]] = []
    words: dict[str, list[tuple[int, str]]] = {}
    counts: Counter[tuple[str, ...]] = Counter()
    spellings: Counter[tuple[str, ...]] = Counter()
    for brief, values in named:
        for field, name, folded, its_words in values:
            last += 1
            rows.append((last, brief, field, name, folded))
            counts[field, folded] += 1  # once per brief: its values of a field are distinct
            spellings[field, folded, name] += 1
            if field in NAME_FIELDS:
                words.setdefault(field, []).append((last, its_words))
    connection.executemany(
        "INSERT INTO names (rowid, brief, field, name, folded) VALUES (?, ?, ?, ?, ?)", rows
    )
    for field, pairs in words.items():  # a fixed column name: nothing read is in the statement
        connection.executemany(f"INSERT INTO name_words (rowid, {field}) VALUES (?, ?)", pairs)
    _count_up(connection, "name_counts", counts)
    _count_up(connection, "name_spellings", spellings)


_COUNTED_BY = {"name_counts": ("field", "folded"), "name_spellings": ("field", "folded", "name")}
"""The tables counting the briefs that have each value of a field (or each way of writing it),
by the columns of ``names`` that key them; fixed names: nothing read goes into a statement."""


def _count_up(
    connection: sqlite3.Connection, table: str, counts: Mapping[tuple[str, ...], int]
) -> None:
    """Add ``counts``, by key, to the briefs that ``table`` of :data:`_COUNTED_BY` counts."""
    columns = _COUNTED_BY[table]
    # Two statements rather than one upsert (INSERT ... ON CONFLICT), which needs SQLite 3.24.
    connection.executemany(
        f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}, briefs)"
        f" VALUES ({', '.join('?' * len(columns))}, 0)",
        counts.keys(),
    )
    connection.executemany(
        f"UPDATE {table} SET briefs = briefs + ?"
        f" WHERE {' AND '.join(f'{column} = ?' for column in columns)}",
        [(count, *key) for key, count in counts.items()],
    )


def _count_down(connection: sqlite3.Connection, table: str, rowid: int) -> None:
    """Take the brief of ``rowid`` off the briefs that ``table`` of :data:`_COUNTED_BY` counts,
    dropping the keys no brief has any more."""
    columns = ", ".join(_COUNTED_BY[table])
    its = f"({columns}) IN (SELECT {columns} FROM names WHERE brief = ?)"
    connection.execute(f"UPDATE {table} SET briefs = briefs - 1 WHERE {its}", (rowid,))
    connection.execute(f"DELETE FROM {table} WHERE briefs = 0 AND {its}", (rowid,))


def _unindex(connection: sqlite3.Connection, rowid: int, words: bytes) -> None:
    """Take the brief of ``rowid`` out of the search tables, which it was given ``words``."""
    # A contentless table forgets a row only when told the words it was given.
    text = zlib.decompress(words).decode()
    connection.execute(
        "INSERT INTO words (words, rowid, text, compounds) VALUES ('delete', ?, ?, ?)",
        (rowid, text, compound_words(text)),
    )
    connection.execute(
        "DELETE FROM name_words WHERE rowid IN (SELECT rowid FROM names WHERE brief = ?)", (rowid,)
    )
    for table in _COUNTED_BY:
        _count_down(connection, table, rowid)
    connection.execute("DELETE FROM names WHERE brief = ?", (rowid,))


def _forget(connection: sqlite3.Connection, present: set[str]) -> None:
    """Drop the rows of brief files not ``present``; looked for inside the transaction, as
    another process may have dropped some or added others meanwhile."""
    rows = connection.execute("SELECT rowid, path FROM briefs").fetchall()
    for rowid, path in rows:
        if path in present:
            continue
        (words,) = connection.execute(
            "SELECT words FROM briefs WHERE rowid = ?", (rowid,)
        ).fetchone()
        _unindex(connection, rowid, words)
        connection.execute("DELETE FROM briefs WHERE rowid = ?", (rowid,))


_PLACE = """
INSERT INTO temp.placed (id, position, duplicate_of)
WITH kept AS (
    SELECT rowid AS id, path, stem, brief_id, NULLIF(published, '') AS published,
        CASE WHEN brief_id IS NOT NULL THEN first_value(path) OVER (
            PARTITION BY brief_id ORDER BY stem != brief_id, path
        ) END AS keeper
    FROM briefs
)
SELECT id,
    row_number() OVER (ORDER BY
        shown_last,
        CASE WHEN NOT shown_last THEN published IS NULL END,
        CASE WHEN NOT shown_last THEN published END DESC,
        CASE WHEN shown_last THEN stem ELSE brief_id END
    ) - 1,
    CASE WHEN keeper != path THEN keeper END
FROM (SELECT *, brief_id IS NULL OR keeper != path AS shown_last FROM kept)
"""
# Only the rows whose place changed are written. (UPDATE ... FROM would say it in one statement,
# but needs SQLite 3.33; Python builds on older systems have less.)
_MOVE = """
UPDATE briefs SET
    position = (SELECT position FROM temp.placed WHERE id = briefs.rowid),
    duplicate_of = (SELECT duplicate_of FROM temp.placed WHERE id = briefs.rowid)
WHERE rowid IN (
    SELECT id FROM temp.placed JOIN briefs ON briefs.rowid = placed.id
    WHERE briefs.position IS NOT placed.position
        OR briefs.duplicate_of IS NOT placed.duplicate_of
)
"""


def _arrange(connection: sqlite3.Connection) -> None:
    """Place each brief in the list, and mark the ids that another file keeps.

    One brief of each id is kept: the one in the file named after the id, else the first by
    file name, so that a copy saved under another name cannot push the original out. The list
    is newest first, then undated briefs, then files that could not be read and those whose id
    another keeps; ties by id, or by file stem for those shown last. SQLite does the sorting,
    on disk for what does not fit in its cache: at 100,000 briefs, sorting in Python held
    some 80 MB for a moment.
    """
    connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS placed"
        " (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, duplicate_of TEXT)"
    )
    connection.execute("DELETE FROM temp.placed")
    connection.execute(_PLACE)
    connection.execute(_MOVE)
    connection.execute("DELETE FROM temp.placed")
    connection.execute("DELETE FROM meta WHERE key = 'unordered'")


# -- Fingerprints ---------------------------------------------------------------------------------


def _fingerprint(path: Path | str) -> Fingerprint | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _print_text(fingerprint: Fingerprint | None) -> str | None:
    """``fingerprint`` as the index keeps it: ``[size, mtime, ctime, inode]``, as JSON writes it
    (formatted here: a warm start at 100,000 briefs formats 200,000 of them)."""
    if fingerprint is None:
        return None
    size, modified, changed, inode = fingerprint
    return f"[{size}, {modified}, {changed}, {inode}]"


def _newer(stored: str | None, taken: Fingerprint | None) -> bool:
    """Whether the fingerprint ``stored`` (as the index keeps it) was taken of a later state of
    the file than ``taken``: its change time, which the system sets at every change and no
    program can set back, is later."""
    if stored is None or taken is None:
        return False
    try:
        return int(json.loads(stored)[2]) > taken[2]
    except (ValueError, TypeError, IndexError, KeyError):
        return False  # not as this version writes it: the read in hand replaces it


def _settled(fingerprint: Fingerprint | None, taken: int) -> bool:
    return fingerprint is not None and fingerprint[1] < taken - SETTLE_NS


class _ArticlePrints:
    """Fingerprints of the articles, each taken once, when first asked for."""

    def __init__(self, seeds: Path) -> None:
        self.seeds = str(seeds)
        self.prints: dict[str, Fingerprint | None] = {}

    def __getitem__(self, source: str) -> Fingerprint | None:
        if source not in self.prints:
            self.prints[source] = _fingerprint(os.path.join(self.seeds, source))
        return self.prints[source]


def _still_valid(row: Sequence[Any], brief_print: Fingerprint | None, seeds: str) -> bool:
    """Whether the stored ``row`` (path, fingerprints, source, settled, id) still holds for a
    brief file whose fingerprint is now ``brief_print``."""
    _, stored_print, source, article_print, settled, brief_id = row
    if not settled or brief_id is None or stored_print != _print_text(brief_print):
        return False
    article = _fingerprint(os.path.join(seeds, source)) if source is not None else None
    return source is not None and _print_text(article) == article_print
