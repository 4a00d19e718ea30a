"""The index file: where it lives, its tables, and opening it whatever state it is found in.

The index is an SQLite database per corpus folder, in ``$BRIEFING_CACHE_DIR`` or else the user
cache folder. The brief files stay the truth: the index can be deleted at any time and is built
again. It is opened in WAL mode, so that two readers of one corpus (two apps, or an app and
``briefing export``) share it: each reads a consistent snapshot while the other writes.

An index written by another version of briefing, or for another folder, is emptied and built
again; one that is not a database at all (truncated, overwritten) is deleted and built again; a
folder that cannot be written, or an index another process keeps locked, gives an index in
memory for this run, with a notice saying why.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
import unicodedata
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui import __version__
from tui.core.atomic import FileIdentity, file_identity
from tui.core.corpus_path import folder_text
from tui.core.locks import LockBusy, exclusive_lock
from tui.core.store.codec import dumps

ENV_CACHE_DIR = "BRIEFING_CACHE_DIR"
SCHEMA = 18
"""The layout of the tables; raise it whenever what is stored changes."""
BUSY_MS = 5_000
"""How long a connection waits for another process's write to end before giving up."""
GLANCE_BUSY_MS = 100
"""How long a first look at the index, which the first frame waits for, waits for another
process: one that keeps the index busy longer has it read in a thread, the screen saying so."""
JOURNAL_KEPT = 32 * 2**20
"""The bytes of SQLite's journal kept on disk once it has been emptied into the index."""

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- One row per brief file, as read from the file alone. What comparing the corpus's files adds
-- (the order, and ids that another file keeps) is in position and duplicate_of.
CREATE TABLE IF NOT EXISTS briefs (
    -- The small columns first: a row's long values spill onto pages of their own, and reading
    -- a column after them would read those pages too.
    path TEXT NOT NULL UNIQUE,         -- briefs/x.yaml
    position INTEGER,                  -- in the list: newest first, failures last
    brief_id TEXT,                     -- null for a file that did not load
    duplicate_of TEXT,                 -- the file that keeps this brief's id, if another does
    stem TEXT NOT NULL,                -- the file name without .yaml
    published TEXT,                    -- ISO date, for ordering and date terms
    status TEXT,                       -- draft or final, null for a file that did not load
    anchors INTEGER NOT NULL,          -- a bit per anchor status of its facts, 0 if the article
                                       -- could not be read (no quote was looked for)
    id_line INTEGER NOT NULL,          -- the line a duplicate id is reported on
    brief_print TEXT,                  -- the file's fingerprint (JSON), null if it was gone
    source TEXT,                       -- the article the brief names, when it loaded
    article_print TEXT,                -- the article's fingerprint (JSON)
    settled INTEGER NOT NULL,          -- both were last modified well before they were read
    entry TEXT NOT NULL,               -- the entry: brief with its facts, and problems (JSON)
    words BLOB NOT NULL                -- the words given to the search table, compressed
);
-- The list's order with what the list asks of every row (its id, and whether another file keeps
-- it) and what a filter's terms other than words ask (date, status, anchors), read from the
-- index alone: a row's own pages are large, and reading 100,000 of them for the ids took some
-- 0.4 s of the first frame.
CREATE INDEX IF NOT EXISTS briefs_listing
    ON briefs (position, brief_id, duplicate_of, published, status, anchors);
-- A brief looked up by its id or its file's name (going to a brief, exporting those marked):
-- without them, each look-up read every row, 6 ms at 10,000 briefs.
CREATE INDEX IF NOT EXISTS briefs_id ON briefs (brief_id);
CREATE INDEX IF NOT EXISTS briefs_stem ON briefs (stem);
-- The files whose brief did not load, or whose id another file keeps: few, and told of by
-- every command. Without it, finding them read the list's index whole, some 5 ms at 10,000
-- briefs.
CREATE INDEX IF NOT EXISTS briefs_not_kept ON briefs (position)
    WHERE brief_id IS NULL OR duplicate_of IS NOT NULL;
-- The words of each brief (rowid = the brief's rowid), for the filter. Contentless: the words
-- are kept compressed in briefs.words, which a row's deletion gives back to it, with the words of
-- two parts or more among them (tui.core.text.compound_words). A number is one word, its point
-- or comma kept within it (tui.core.text.numbers_kept_whole), here and in name_words.
CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5 (
    text,
    compounds,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
-- The names, outlet and language of each brief, for field terms and facets: each value once
-- per brief and field, however it is spelt (folded is what it is counted and ordered by).
CREATE TABLE IF NOT EXISTS names (
    brief INTEGER NOT NULL,            -- the rowid of its brief
    field TEXT NOT NULL,               -- organization, place, person, topic, outlet, language
    name TEXT NOT NULL,                -- as written in the brief
    folded TEXT NOT NULL               -- case, accents and marks folded
);
-- A brief's values of a field, read from the index alone when facets are counted.
CREATE INDEX IF NOT EXISTS names_brief ON names (brief, field, folded, name);
CREATE INDEX IF NOT EXISTS names_field ON names (field, folded, brief);
-- How many briefs have each value of a field, for facets over the whole corpus: counting the
-- names of 100,000 briefs takes a second, longer than a keystroke. Kept up to date as names are
-- written and removed. It counts the names of every file, and facets take off those of the
-- files that are not listed, or whose id another keeps, which are few.
CREATE TABLE IF NOT EXISTS name_counts (
    field TEXT NOT NULL,
    folded TEXT NOT NULL,
    briefs INTEGER NOT NULL,
    PRIMARY KEY (field, folded)
) WITHOUT ROWID;
-- How many briefs write each value of a field each way, so that facets show a value as its
-- fullest spelling in the corpus (tui.core.search.marked_letters): "Samuel García", which one
-- brief writes, rather than "Samuel Garcia", which the first brief in the list writes. Kept up
-- to date as name_counts is.
CREATE TABLE IF NOT EXISTS name_spellings (
    field TEXT NOT NULL,
    folded TEXT NOT NULL,
    name TEXT NOT NULL,
    briefs INTEGER NOT NULL,
    PRIMARY KEY (field, folded, name)
) WITHOUT ROWID;
-- The words of each name (rowid = the name's rowid), in the column of its field, so that a
-- field term is one full-text query. The language, matched by its start, is not in it. Names
-- use few distinct words, so a word's start is looked up fast without prefix indexes, which
-- would slow the writing of every name.
CREATE VIRTUAL TABLE IF NOT EXISTS name_words USING fts5 (
    organization, place, person, topic, outlet,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$BRIEFING_CACHE_DIR``, else the user cache folder for briefing."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_CACHE_DIR):
        return Path(environ[ENV_CACHE_DIR]).expanduser()
    from platformdirs import user_cache_dir  # imported late: only needed without the variable

    return Path(user_cache_dir("briefing", appauthor=False))


def index_file(root: Path, cache_dir: Path | None = None) -> Path:
    """The index of the corpus at ``root``: one per corpus folder, named by its path."""
    folder = default_cache_dir() if cache_dir is None else cache_dir
    # A checksum is enough: the index names the folder it was made for, and an index of another
    # folder is emptied, never read. hashlib would load OpenSSL, 2.5 ms of a start.
    checksum = zlib.crc32(os.fsencode(str(root.resolve())))
    return folder / f"corpus-{checksum:08x}.sqlite"


@cache
def environment() -> str:
    """Everything besides the corpus that decides what a corpus loads to, as one text.

    The package version is not enough while the code is being worked on, so the core's own files
    are fingerprinted, with those of the YAML and date parsers (PyYAML with or without libyaml
    words its errors differently) and of rapidfuzz, which scores fuzzy anchors.
    """
    from importlib.util import find_spec

    store = Path(__file__).resolve().parent
    # The drafting folder holds the gazetteer, whose names field terms and facets count as one.
    folders = [store.parent, store, store.parent / "drafting"]
    for package, subfolders in (("yaml", ()), ("dateutil", ("parser",)), ("rapidfuzz", ())):
        with contextlib.suppress(ImportError, ValueError):
            spec = find_spec(package)
            for location in (spec and spec.submodule_search_locations) or ():
                folders += [Path(location), *(Path(location, sub) for sub in subfolders)]
    files = []
    for folder in folders:
        with contextlib.suppress(OSError), os.scandir(folder) as listing:
            for item in listing:
                if item.is_file() and not item.name.startswith("."):
                    info = item.stat()
                    files.append([f"{folder.name}/{item.name}", info.st_size, info.st_mtime_ns])
    version = [SCHEMA, __version__, list(sys.version_info[:3]), unicodedata.unidata_version]
    return dumps([*version, sorted(files)])


def wait_for_others(connection: sqlite3.Connection, milliseconds: int | None = None) -> None:
    """Have ``connection`` wait up to ``milliseconds`` (by default :data:`BUSY_MS`) for another
    process's write before giving up."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_MS if milliseconds is None else milliseconds}")


def connect(location: str) -> sqlite3.Connection:
    """A connection to the index at ``location``, in autocommit mode: transactions are begun
    and ended explicitly. Usable from any thread, one at a time (its users hold a lock)."""
    connection = sqlite3.connect(location, isolation_level=None, check_same_thread=False)
    wait_for_others(connection)
    # Once emptied into the index, the journal is cut back to this, rather than left as large
    # as it ever grew.
    connection.execute(f"PRAGMA journal_size_limit = {JOURNAL_KEPT}")
    return connection


@dataclass(frozen=True)
class IndexFile:
    """Where a corpus's index is: a file, or (when none can be used) memory."""

    root: Path
    path: Path | None
    """The database file; None for an index kept in memory, built anew at each refresh."""
    notice: str | None = None
    """Why the index is in memory and what that means, for the user; None when it is not."""

    @classmethod
    def in_memory(cls, root: Path, reason: str) -> IndexFile:
        """An index in memory for the corpus at ``root``, as none on disk can be used."""
        return cls(root, None, f"{reason}; every brief is read at each start")

    def connect(self) -> sqlite3.Connection:
        """A new connection, to a database whose tables are made and are this version's."""
        if self.path is None:
            connection = connect(":memory:")
            _make_tables(connection, self.root)
            return connection
        return connect(str(self.path))


def open_index(
    root: Path,
    cache_dir: Path | None = None,
    *,
    damaged: bool = False,
    damaged_file: FileIdentity | None = None,
) -> IndexFile:
    """The index of the corpus at ``root``, made ready: its tables made, or emptied when they
    were written by another version or for another folder, or the file replaced when it is not
    a database. When none of that can be done, an index in memory.

    ``damaged``: the index was found damaged while in use (``damaged_file`` being the file found
    so, when known): it is made anew (:func:`rebuild_index`) without a look inside. A file cut
    short under a connection of this process still open on it, with that connection's journal
    beside it, stays locked for as long as SQLite waits (5 s), then passes for one kept busy by
    another process."""
    try:
        path = index_file(root, cache_dir)
    except (OSError, RuntimeError) as error:  # no home folder to find the cache folder in
        reason = getattr(error, "strerror", None) or "it cannot be found"
        return IndexFile.in_memory(root, f"the index folder cannot be used ({reason})")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        what = (
            f"the index folder {path.parent} is a file, or is under one: move the file away,"
            f" or set {ENV_CACHE_DIR} to a folder"
        )
        return IndexFile.in_memory(root, what)
    except OSError as error:
        what = f"the index folder {path.parent} cannot be made ({error.strerror or error})"
        return IndexFile.in_memory(root, what)
    if damaged:
        return rebuild_index(IndexFile(root, path), damaged_file)
    opened = file_identity(path)
    try:
        _prepare(path, root)
    except sqlite3.DatabaseError as error:
        if is_unusable(error):
            return IndexFile.in_memory(root, why_unusable(error, path))
        return rebuild_index(IndexFile(root, path), opened)
    except OSError as error:
        return IndexFile.in_memory(root, why_unusable(error, path))
    return IndexFile(root, path)


def rebuild_index(index: IndexFile, damaged: FileIdentity | None) -> IndexFile:
    """``index``, found damaged (cut short, overwritten), made anew: nothing in it is worth
    keeping. An index in memory when that cannot be done.

    ``damaged`` is the file found damaged. Two readers of a corpus can find the same damage:
    the second keeps the index the first made in its place, which may be filling meanwhile.
    Deleting it, and its journal, from under the first could damage it anew."""
    assert index.path is not None
    try:
        with _one_rebuild_at_a_time(index.path):
            if file_identity(index.path) == damaged:
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(f"{index.path}{suffix}")
            _prepare(index.path, index.root)
    except (OSError, sqlite3.Error) as error:
        return IndexFile.in_memory(index.root, why_unusable(error, index.path))
    return index


def _one_rebuild_at_a_time(path: Path) -> contextlib.AbstractContextManager[None]:
    """Hold the lock file beside the index at ``path`` while it is checked and made anew.

    Waited for as long as a connection waits for another's write: the other reader holds it
    while it deletes the index and makes its tables, a moment. One that holds it longer raises
    :class:`~tui.core.locks.LockBusy`, and the index is kept in memory for this run, rather than
    the reading thread waiting for ever (and the app, which waits for it as it quits)."""
    return exclusive_lock(path.with_name(f"{path.name}.lock"), wait=BUSY_MS / 1000)


def why_unusable(error: Exception, path: Path | None = None) -> str:
    """Why the index at ``path`` cannot be used, as ``error`` says it, for the user."""
    busy = isinstance(error, sqlite3.OperationalError) and _is_busy(error)
    if busy or isinstance(error, LockBusy):
        return "the index is kept busy by another process"
    where = f" in {path.parent}" if path is not None else ""
    reason = getattr(error, "strerror", None) or str(error)
    return (
        f"the index cannot be written{where} ({reason})"
        if reason
        else f"the index cannot be written{where}"
    )


def is_damage(error: sqlite3.Error) -> bool:
    """Whether ``error`` says the index file is damaged: SQLite found it corrupt, or not a
    database at all. Not the file's fault, and not mended by building it again: busy, locked,
    a full disk, a statement SQLite refuses, a connection already closed."""
    # The module raises DatabaseError itself, none of its subclasses, for SQLITE_CORRUPT and
    # SQLITE_NOTADB; it names the codes only from Python 3.11.
    if type(error) is sqlite3.DatabaseError:
        return True
    # Text written over with bytes that are not UTF-8, which SQLite hands back as they are: the
    # module itself fails to read it, with an error of its own that carries no code of SQLite's.
    return isinstance(error, sqlite3.OperationalError) and str(error).startswith(_NOT_UTF8)


_NOT_UTF8 = "Could not decode to UTF-8"


def is_unusable(error: sqlite3.DatabaseError) -> bool:
    """Whether ``error`` says the index file cannot be used as it is, though it is sound: kept
    locked by another process for longer than a connection waits, read-only, or in a folder
    that cannot be used. Building it again would meet the same."""
    return isinstance(error, sqlite3.OperationalError) and not is_damage(error)


def _is_busy(error: sqlite3.Error) -> bool:
    # SQLITE_BUSY and SQLITE_LOCKED; the module names them only from Python 3.11.
    return getattr(error, "sqlite_errorcode", None) in (5, 6)


def _prepare(path: Path, root: Path) -> None:
    connection = connect(str(path))
    try:
        if is_current(connection, root):
            return
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have made it current meanwhile.
            if not is_current(connection, root):
                for table in (
                    "words",
                    "name_words",
                    "name_counts",
                    "name_spellings",
                    "names",
                    "briefs",
                    "meta",
                ):
                    connection.execute(f"DROP TABLE IF EXISTS {table}")
                _make_tables(connection, root)
            connection.execute("COMMIT")
        except BaseException:
            # SQLite may have rolled back itself (a full disk): asking again would raise "no
            # transaction is active" in place of what went wrong.
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    finally:
        connection.close()


def _make_tables(connection: sqlite3.Connection, root: Path) -> None:
    for statement in _TABLES.split(";"):
        if statement.strip():
            connection.execute(statement)
    # The count of changes starts where no other index's will have got to, so that snapshots of
    # an index made anew never pass for those of the one it replaced (see StoredEntries.same_as).
    started = str(time.time_ns())
    connection.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [("environment", environment()), ("root", folder_text(root)), ("changes", started)],
    )


def is_current(connection: sqlite3.Connection, root: Path) -> bool:
    try:
        stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.OperationalError as error:
        if _is_busy(error):
            raise
        return False  # no such table: a new file
    return stored.get("environment") == environment() and stored.get("root") == folder_text(root)
