"""The start of a corpus's cache file: where it is, whom it was written for, and its index.

The index is what a list shows of each entry (see :class:`IndexRow`), enough to paint the list
before the corpus has loaded. Reading it needs none of the model's classes, which take some 5 ms
to import: an app paints its first frame from here, and :mod:`tui.core.cache`, which reads and
writes the rest of the file, is imported after.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import sys
import unicodedata
import zlib
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, overload

from tui import __version__

ENV_CACHE_DIR = "BRIEFING_CACHE_DIR"
FORMAT = 5
"""The layout of the cache file; raise it whenever what is written changes."""


class Corrupt(Exception):
    """The cache file is not what this version writes; it is ignored and rebuilt."""


# -- Where the cache lives ------------------------------------------------------------------------


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$BRIEFING_CACHE_DIR``, else the user cache folder for briefing."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_CACHE_DIR):
        return Path(environ[ENV_CACHE_DIR]).expanduser()
    from platformdirs import user_cache_dir  # imported late: only needed without the variable

    return Path(user_cache_dir("briefing", appauthor=False))


def cache_file(root: Path, cache_dir: Path | None = None) -> Path:
    """The cache file of the corpus at ``root``: one per corpus folder, named by its path."""
    folder = default_cache_dir() if cache_dir is None else cache_dir
    # A checksum is enough: the file's header names the folder it was written for, and a cache
    # of another folder is rebuilt, never read (read_header). Two folders whose paths share a
    # checksum would only take turns at the file. hashlib would load OpenSSL, 2.5 ms of a start.
    checksum = zlib.crc32(os.fsencode(str(root.resolve())))
    return folder / f"corpus-{checksum:08x}.jsonl"


# -- The index: what a list needs before the corpus has loaded ------------------------------------


class IndexRow(NamedTuple):
    """One entry as a list shows it: enough to paint a row before the corpus has loaded."""

    path: str
    key: str
    """The brief's id, else the file name's stem: :attr:`tui.core.model.Entry.key`."""
    title: str
    """The brief's English title (:attr:`tui.core.model.Brief.english_title`), else the file
    name."""
    published: dt.date | None
    language: str
    """The brief's language; empty for a file that could not be loaded as a brief."""
    outlet: str | None

    @property
    def brief_id(self) -> str | None:
        """The brief's id; None for a file that could not be loaded as a brief (every brief has
        a language, so its row has one)."""
        return self.key if self.language else None


class IndexRows(Sequence[IndexRow]):
    """The rows of an index, each made when asked for: a list shows a screenful of 10,000."""

    def __init__(self, columns: Sequence[Sequence[Any]]) -> None:
        self._columns = columns

    def __len__(self) -> int:
        return len(self._columns[0])

    @overload
    def __getitem__(self, index: int) -> IndexRow: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[IndexRow]: ...
    def __getitem__(self, index: int | slice) -> IndexRow | Sequence[IndexRow]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        return IndexRow._make([column[index] for column in self._columns])

    @property
    def brief_ids(self) -> frozenset[str]:
        """The ids of the rows' briefs (:attr:`IndexRow.brief_id`)."""
        keys, languages = self._columns[1], self._columns[4]
        return frozenset(key for key, language in zip(keys, languages, strict=True) if language)

    @property
    def failed(self) -> int:
        """How many rows are files that could not be loaded as briefs."""
        return self._columns[4].count("")


class CorpusIndex(NamedTuple):
    """The rows of a corpus as it was last loaded, newest first, as the cache holds them."""

    root: Path
    rows: IndexRows


def read_index(root: Path, cache_dir: Path | None = None) -> CorpusIndex | None:
    """The index of the corpus at ``root`` from its cache, or None when there is no usable one.

    This reads about two megabytes at ten thousand briefs (some 12 milliseconds) and checks no
    brief file: the rows are those of the last load, which may since have changed. Paint them at
    once, then replace them with what :func:`tui.core.cache.load_cached` returns.
    """
    try:
        path = cache_file(root, cache_dir)
        with collector_paused(), path.open("rb") as stream:
            header = read_header(stream, root)
            rows = _decode_index(json.loads(stream.readline()), header["count"])
    except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError, Corrupt):
        return None
    return CorpusIndex(root, rows)


def _decode_index(value: Any, count: int) -> IndexRows:
    if type(value) is not list or len(value) != len(IndexRow._fields):
        raise Corrupt("index")
    if any(type(column) is not list or len(column) != count for column in value):
        raise Corrupt("index column")
    paths, keys, titles, published, languages, outlets = value
    if not all(_types(column) <= {str} for column in (paths, keys, titles, languages)):
        raise Corrupt("index row")
    if not _types(outlets) <= {str, type(None)}:
        raise Corrupt("index row")
    value[3] = list(map(as_date, published))
    return IndexRows(value)


def _types(column: list[Any]) -> set[type]:
    return set(map(type, column))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many objects, none of them garbage, are made:
    otherwise it scans every object of the corpus over and over."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


# -- The header -----------------------------------------------------------------------------------


@cache
def environment() -> list[Any]:
    """Everything besides the corpus that decides what a corpus loads to.

    The package version is not enough while the code is being worked on, so the code's own files
    are fingerprinted, with those of the YAML and date parsers (PyYAML with or without libyaml
    words its errors differently) and of rapidfuzz, which scores fuzzy anchors.
    """
    from importlib.util import find_spec

    folders = [Path(__file__).resolve().parent]
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
    return [
        FORMAT,
        __version__,
        list(sys.version_info[:3]),
        unicodedata.unidata_version,
        sorted(files),
    ]


def read_header(stream: Iterator[Any], root: Path) -> dict[str, Any]:
    header = json.loads(next(stream))
    if type(header) is not dict:
        raise Corrupt("header")
    if header.get("environment") != environment() or header.get("root") != str(root.resolve()):
        raise Corrupt("written for another version or corpus")
    as_count(header.get("count"))
    return header


# -- Values read back -----------------------------------------------------------------------------


def as_text(value: Any) -> str:
    if type(value) is not str:
        raise Corrupt("text")
    return value


def as_count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise Corrupt("number")
    return value


def as_date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(as_text(value))
