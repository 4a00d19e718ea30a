"""The store: the only code that reads a corpus's files, and the index it keeps of them.

Every brief file is read once and kept in an SQLite index (:mod:`.database`) in the user cache
folder: the entry as the loader made it, its list columns, and its words and names for the
filter in full-text tables, the names also in a table of their own for counting. Opening a
corpus brings the index up to date (:mod:`.refresh`), reading again only the files that changed,
many in parallel, and gives a :class:`~tui.core.model.Corpus` whose entries are read from the
index a page at a time (:mod:`.view`): the list reads the rows it shows, the filter asks the
index, and a corpus of any size costs the few entries in use.

- :func:`peek_corpus`: the corpus as the index last saw it, without reading a brief file: what
  a first frame shows, in milliseconds.
- :func:`open_corpus`: the corpus as it is on disk, through the index.
- :func:`load_corpus`: the same, every file read, with an index in memory that is dropped after.
- :func:`read_entry`: one brief file as it reads on its own, for a check before the corpus's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.core.atomic import file_identity
from tui.core.model import Corpus, Entries, Entry
from tui.core.store.database import (
    GLANCE_BUSY_MS,
    IndexFile,
    connect,
    default_cache_dir,
    index_file,
    is_current,
    is_unusable,
    open_index,
    rebuild_index,
    wait_for_others,
    why_unusable,
)
from tui.core.store.refresh import FolderProblem, Listed, Progress, refresh
from tui.core.store.view import StoredEntries

__all__ = [
    "Listed",
    "Progress",
    "default_cache_dir",
    "index_file",
    "load_corpus",
    "open_corpus",
    "peek_corpus",
    "read_entry",
]


def open_corpus(
    root: Path,
    cache_dir: Path | None = None,
    *,
    progress: Progress | None = None,
    listed: Listed | None = None,
    damaged: Entries | None = None,
) -> Corpus:
    """The corpus at ``root``, its index brought up to date first. ``damaged`` are entries
    that found their index damaged after it was opened (:meth:`~tui.core.model.Entries.on_damage`):
    every brief file is then read again into an index made anew, unless another reader has
    made it anew since.

    ``progress`` is told how many brief files have been read so far, when any must be; an
    exception it raises stops the refresh there and reaches the caller (this is how an app that
    is closing stops a long build). What was written to the index by then is kept: the next
    refresh goes on from there. ``listed`` is told, while an index is first built on disk, each
    time :func:`peek_corpus` can show more of the briefs read so far.
    """
    found = damaged.index_identity if isinstance(damaged, StoredEntries) else None
    index = open_index(root, cache_dir, damaged=damaged is not None, damaged_file=found)
    return _refreshed(index, progress, listed)


def load_corpus(root: Path) -> Corpus:
    """The corpus at ``root``, every brief file read, without an index on disk."""
    return _refreshed(IndexFile(root, None), None, None)


def peek_corpus(root: Path, cache_dir: Path | None = None) -> Corpus | None:
    """The corpus at ``root`` as its index last saw it, no file of the corpus read; None when
    there is no usable index of it, or it holds no brief."""
    try:
        path = index_file(root, cache_dir)
        if not path.is_file():
            return None
        connection = connect(str(path))
        wait_for_others(connection, GLANCE_BUSY_MS)
    except (OSError, RuntimeError, sqlite3.Error):
        return None
    try:
        if not is_current(connection, root):
            connection.close()
            return None
        entries = StoredEntries(connection, root, path)
        damaged: list[bool] = []
        entries.on_damage(lambda: damaged.append(True))
        if len(entries):
            entries.entry_at(0)  # the first page, which the list shows first, can be read
    except sqlite3.Error:
        connection.close()
        return None
    if damaged:  # read from the files instead: the index is not worth showing first
        entries.close()
        return None
    if not len(entries):
        return None
    wait_for_others(connection)  # as any reader of the corpus shown, from now on
    return Corpus(root, entries)


def read_entry(root: Path, path: Path) -> Entry:
    """The brief file at ``path``, in the corpus at ``root``, as it reads on its own: what the
    corpus adds (an id another file keeps) is not in it."""
    from tui.core.loader import iter_brief_files

    ((entry, _),) = iter_brief_files(root, [path])
    return entry


def _refreshed(index: IndexFile, progress: Progress | None, listed: Listed | None) -> Corpus:
    root = index.root
    opened = None if index.path is None else file_identity(index.path)
    connection = index.connect()
    try:
        # An index in memory is seen by this connection alone: nobody could be shown it.
        refresh(connection, root, progress, listed if index.path is not None else None)
    except FolderProblem as error:
        connection.close()
        return Corpus(root, problems=(error.problem,))
    except sqlite3.DatabaseError as error:
        connection.close()
        if index.path is None:
            raise
        if is_unusable(error):
            unusable = why_unusable(error, index.path)
            return _refreshed(IndexFile.in_memory(root, unusable), progress, None)
        # Damaged past its first pages, which opening it read: built again from the files.
        return _refreshed(rebuild_index(index, opened), progress, listed)
    except BaseException:
        connection.close()
        raise
    if index.path is not None:
        # A connection of its own for reading, its snapshot taken now that all is written.
        connection.close()
        connection = index.connect()
    return Corpus(root, StoredEntries(connection, root, index.path), notice=index.notice)
