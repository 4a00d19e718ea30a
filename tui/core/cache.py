"""Opening a corpus through a cache of parsed briefs, so that a large corpus opens at once.

Parsing ten thousand YAML briefs and matching their quotes takes seconds; reading them back from
one JSON file takes a fraction of that. :func:`load_cached` gives exactly what
:func:`tui.core.loader.load_corpus` gives, reading again only the brief files that changed.

The cache is one file per corpus, in ``$BRIEFING_CACHE_DIR`` or else the user cache folder. It is
JSON lines, written whole or not at all:

1. a header: the cache format, the versions of everything that decides how a brief loads (this
   package's code, PyYAML, dateutil, Python's Unicode tables) and the corpus folder;
2. the index: five columns with one value per entry in display order, enough to paint a list
   before the rest is read (see :func:`tui.core.cache_index.read_index`);
3. one record per brief file, in display order: the file's fingerprint and its article's, and
   the entry as the loader made it, but for the brief's key facts: only their number;
4. the key facts of each brief, one line per record in the same order: a corpus read from the
   cache reads a brief's facts from here when they are first asked for (see
   :data:`LAZY_FACTS`), so that they are not all held in memory;
5. the search texts, one per line in the same order, as they are (words joined by spaces: they
   are read at the speed of the disk that way), then an end mark.

A brief file is read again when its fingerprint (size, modification time, change time and inode)
or its article's differs from the record. Content is not hashed: hashing every file costs as much
as reading it, which is most of what the cache saves. Instead, a file modified less than
:data:`SETTLE_NS` before it was fingerprinted is not trusted next time: a change made within the
same tick of a coarse file-system clock leaves the fingerprint as it was, so only a file whose
modification time was already in the past can be trusted to show the next change. Briefs that
failed to load are always read again (they are few, and their problems may depend on files the
record does not name).

The cache folder is untrusted input: a record is used only when every value has the type and
shape it must have (:mod:`tui.core.cache_codec` writes briefs, facts and problems and checks them
as it reads them back), and anything else (a truncated file, garbage, another version, a record of
the wrong shape) throws the whole cache away and loads the corpus from its files. Key facts are
checked in the same way when they are read, and those that fail are read from their brief file.
A cache that cannot be written is no error: the corpus still loads, only the next start is not
faster.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, overload

from tui.core.cache_codec import (
    BRIEF_LENGTH,
    decode_brief,
    decode_entry,
    decode_facts,
    decode_problem,
    encode_brief,
    encode_entry,
    encode_fact,
    encode_problem,
)
from tui.core.cache_index import (
    Corrupt,
    IndexRow,
    as_count,
    as_text,
    cache_file,
    collector_paused,
    environment,
    read_header,
)
from tui.core.model import Brief, Corpus, Entry, KeyFact

LAZY_FACTS = os.name == "posix"
"""Whether the briefs of a corpus read their key facts from the cache file when asked, rather
than holding them all from the start: most of a corpus's memory, and a reader looks at a few
briefs at a time. This keeps the cache file open, which is harmless only where a file can be
replaced while open; elsewhere (Windows) every fact is read when the corpus is."""
RECENT_FACTS = 64
"""How many briefs' facts, read back from the cache, are kept at hand for the next asking."""
SETTLE_NS = 3_000_000_000
"""How long before a fingerprint was taken a file must have been last modified to be trusted:
more than the coarsest file-system clock in common use (two seconds on FAT)."""

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while brief files are read."""

_PROGRESS_EVERY = 100
_TRAILER = '"end"'

Fingerprint = tuple[int, int, int, int]
"""Size, modification time, change time (both in nanoseconds) and inode of a file."""


def _index_row(entry: Entry) -> list[Any]:
    brief = entry.brief
    if brief is None:
        return [entry.path, entry.key, Path(entry.path).name, None, "", None]
    published = brief.published.isoformat() if brief.published else None
    return [entry.path, entry.key, brief.english_title, published, brief.language, brief.outlet]


def _index_columns(entries: Iterable[Entry]) -> list[list[Any]]:
    # Written as columns: JSON reads 10,000 rows as six lists in about half the time it takes
    # to read 10,000 lists of six.
    columns: list[list[Any]] = [[] for _ in IndexRow._fields]
    for entry in entries:
        for column, value in zip(columns, _index_row(entry), strict=True):
            column.append(value)
    return columns


# -- Loading --------------------------------------------------------------------------------------


class _Record:
    """What the cache keeps of one brief file."""

    __slots__ = (
        "path",
        "brief_print",
        "source",
        "article_print",
        "settled",
        "entry",
        "search",
        "final",
    )

    def __init__(
        self,
        path: str,
        brief_print: Fingerprint | None,
        source: str | None,
        article_print: Fingerprint | None,
        settled: bool,
        entry: Entry,
        search: str,
        final: Entry | None = None,
    ) -> None:
        self.path = path
        self.brief_print = brief_print
        self.source = source
        """The article the brief names, for briefs that loaded."""
        self.article_print = article_print
        self.settled = settled
        """Whether every file was last modified well before it was fingerprinted."""
        self.entry = entry
        """The entry as read from the file alone, before ids are compared across the corpus."""
        self.search = search
        self.final = final
        """The entry after ids were compared, when that changed it (another file has its id)."""

    def final_entry(self) -> Entry:
        return self.entry if self.final is None else self.final

    def as_read(self) -> tuple[Any, ...]:
        """Everything that reading the file gave, without what comparing ids added."""
        fields = (self.brief_print, self.source, self.article_print, self.settled, self.entry)
        return (*fields, self.search)

    def final_search(self) -> str:
        return self.search if self.final_entry().brief is not None else ""


def load_cached(
    root: Path, cache_dir: Path | None = None, *, progress: Progress | None = None
) -> Corpus:
    """The corpus at ``root``, as :func:`tui.core.loader.load_corpus` gives it.

    Brief files unchanged since the cache was written are taken from it; the others are read
    again. ``progress`` is told how many brief files have been read so far, when any must be;
    an exception it raises stops the load there and reaches the caller, and the cache is left as
    it was (this is how an app that is closing stops a long load).

    A corpus of ten thousand briefs is a million objects, none of them garbage: the cyclic
    garbage collector is paused while they are made, rather than scanning them over and over.
    An app that keeps the corpus for its lifetime may call :func:`gc.freeze` afterwards, so that
    they are never scanned again.
    """
    with collector_paused():
        return _load(root, cache_dir, progress)


def _load(root: Path, cache_dir: Path | None, progress: Progress | None) -> Corpus:
    briefs_dir = root / "briefs"
    started = time.time_ns()
    try:
        names = sorted(entry.name for entry in os.scandir(briefs_dir) if _is_brief_name(entry.name))
        path = cache_file(root, cache_dir)
    except (OSError, RuntimeError):
        return _load_corpus(root)  # the loader says what is wrong with the folder
    prints = {name: _fingerprint(str(briefs_dir / name)) for name in names}
    records = _read_records(path, root)
    article_prints = _ArticlePrints(root / "seeds")

    kept: dict[str, _Record] = {}
    stale: list[str] = []
    for name in names:
        relative = f"briefs/{name}"
        record = records.get(relative)
        if record is not None and _still_valid(record, prints[name], article_prints):
            kept[relative] = record
        else:
            stale.append(name)

    fresh = _read_briefs(root, stale, prints, started, progress)
    # Briefs that failed to load are read every time; when they failed again just as before,
    # and no file came or went, the cache stands as it is, in its order.
    if len(records) == len(names) and all(_same(records.get(r.path), r) for r in fresh):
        ordered = list(records.values())
    else:
        ordered = _arrange([*kept.values(), *fresh])
        _write_cache(path, root, ordered)
    return Corpus(
        root,
        tuple(record.final_entry() for record in ordered),
        search_texts=tuple(record.final_search() for record in ordered),
    )


class _FactStore:
    """A cache file kept open, for briefs to read their key facts back when asked for them.

    The descriptor is of the file as this process read or wrote it: another process replacing
    the cache meanwhile leaves it as it was. It is closed once no brief reads from it. Facts that
    cannot be read back as they were written (the file was changed in place) are read from their
    brief file instead, so that the cache is never trusted further than it can be checked.
    """

    def __init__(self, descriptor: int, root: Path) -> None:
        self.descriptor = descriptor
        self.root = root
        self.lock = threading.Lock()
        self.recent: dict[int, tuple[KeyFact, ...]] = {}
        self.damaged: set[int] = set()
        weakref.finalize(self, os.close, descriptor)

    def read(self, offset: int, length: int) -> bytes:
        return os.pread(self.descriptor, length, offset)

    def facts(self, stored: _StoredFacts) -> tuple[KeyFact, ...]:
        with self.lock:
            facts = self.recent.pop(stored.offset, None)
            if facts is None:
                facts = self._read(stored)
            self.recent[stored.offset] = facts  # the most recent last
            if len(self.recent) > RECENT_FACTS:
                del self.recent[next(iter(self.recent))]
            return facts

    def _read(self, stored: _StoredFacts) -> tuple[KeyFact, ...]:
        if stored.offset not in self.damaged:
            try:
                line = self.read(stored.offset, stored.length)
                if not line.endswith(b"\n"):
                    raise Corrupt("cut short")
                return decode_facts(line, stored.size)
            except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError, Corrupt):
                self.damaged.add(stored.offset)
        from tui.core.loader import iter_brief_files

        ((entry, _),) = iter_brief_files(self.root, [self.root / stored.path])
        return tuple(entry.brief.key_facts) if entry.brief else ()


class _StoredFacts(Sequence[KeyFact]):
    """The key facts of a brief, read from the cache file when asked for; equal to their tuple."""

    __slots__ = ("store", "offset", "length", "size", "path")

    def __init__(self, store: _FactStore, offset: int, length: int, size: int, path: str) -> None:
        self.store = store
        self.offset = offset
        self.length = length
        self.size = size
        """How many facts were written."""
        self.path = path
        """The brief file they are read from, should the cache fail."""

    def facts(self) -> tuple[KeyFact, ...]:
        return self.store.facts(self)

    def raw(self) -> bytes | None:
        """The facts' line as written in the cache, to be copied into a new one; None if it
        cannot be read back."""
        if self.offset in self.store.damaged:
            return None
        try:
            line = self.store.read(self.offset, self.length)
        except OSError:
            return None
        return line[:-1] if line.endswith(b"\n") else None

    def __len__(self) -> int:
        return len(self.facts())

    @overload
    def __getitem__(self, index: int) -> KeyFact: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[KeyFact, ...]: ...

    def __getitem__(self, index: int | slice) -> KeyFact | tuple[KeyFact, ...]:
        return self.facts()[index]

    def __iter__(self) -> Iterator[KeyFact]:
        return iter(self.facts())

    def __contains__(self, value: object) -> bool:
        return value in self.facts()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _StoredFacts):
            return self.facts() == other.facts()
        if isinstance(other, tuple):
            return self.facts() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.facts())

    def __repr__(self) -> str:
        return repr(self.facts())


def _with_facts(brief: Brief, facts: Sequence[KeyFact]) -> Brief:
    return replace(brief, key_facts=facts)


def _fact_count(brief: Brief) -> int:
    facts = brief.key_facts
    return facts.size if isinstance(facts, _StoredFacts) else len(facts)


def _same(old: _Record | None, new: _Record) -> bool:
    """Whether ``new``, just read, is what ``old`` recorded of the same file."""
    return old is not None and old.as_read() == new.as_read()


def _load_corpus(root: Path) -> Corpus:
    from tui.core.loader import load_corpus  # YAML and dates load only when a brief is read

    return load_corpus(root)


def _is_brief_name(name: str) -> bool:
    # What the loader reads: names whose suffix is .yaml (a file named only ".yaml" has none).
    return name.endswith(".yaml") and name != ".yaml"


def _fingerprint(path: str) -> Fingerprint | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _settled(print_: Fingerprint | None, taken: int) -> bool:
    return print_ is not None and print_[1] < taken - SETTLE_NS


class _ArticlePrints:
    """Fingerprints of the articles, each taken once per load."""

    def __init__(self, seeds: Path) -> None:
        self.seeds = str(seeds)
        self.prints: dict[str, Fingerprint | None] = {}

    def __getitem__(self, source: str) -> Fingerprint | None:
        if source not in self.prints:
            self.prints[source] = _fingerprint(os.path.join(self.seeds, source))
        return self.prints[source]


def _still_valid(
    record: _Record, brief_print: Fingerprint | None, articles: _ArticlePrints
) -> bool:
    if not record.settled or record.entry.brief is None or record.brief_print != brief_print:
        return False
    return record.source is not None and articles[record.source] == record.article_print


def _read_briefs(
    root: Path,
    names: Sequence[str],
    prints: Mapping[str, Fingerprint | None],
    started: int,
    progress: Progress | None,
) -> list[_Record]:
    """Read ``names`` with the loader; their fingerprints were taken before, at ``started``."""
    if not names:
        return []
    from tui.core.loader import load_searchable_brief_files

    def paths() -> Iterator[Path]:
        for done, name in enumerate(names):
            if progress is not None and done % _PROGRESS_EVERY == 0:
                progress(done, len(names))
            yield root / "briefs" / name

    read = load_searchable_brief_files(root, paths())
    if progress is not None:
        progress(len(names), len(names))
    # Articles are fingerprinted after they were read: one changed meanwhile has a modification
    # time after ``started``, so it is not settled and is read again next time.
    articles = _ArticlePrints(root / "seeds")
    records = []
    for name, (entry, search) in zip(names, read, strict=True):
        brief = entry.brief
        brief_print = prints[name]
        source = brief.source if brief else None
        article_print = articles[source] if source is not None else None
        settled = _settled(brief_print, started) and _settled(article_print, started)
        records.append(
            _Record(entry.path, brief_print, source, article_print, settled, entry, search)
        )
    return records


def _arrange(records: Iterable[_Record]) -> list[_Record]:
    """Compare ids across the corpus and order the records as the loader orders entries."""
    from tui.core.loader import mark_duplicate_ids, sort_entries

    by_path = {record.path: record for record in records}
    ordered = []
    for entry in sort_entries(mark_duplicate_ids([r.entry for r in by_path.values()])):
        record = by_path[entry.path]
        record.final = None if entry == record.entry else entry
        ordered.append(record)
    return ordered


# -- The file -------------------------------------------------------------------------------------


def _read_records(path: Path, root: Path) -> dict[str, _Record]:
    """The records of the cache file, by path; none when it is missing or cannot be trusted.

    Where :data:`LAZY_FACTS` holds, the key facts are not decoded: each brief's are read from
    the file when first asked for, through a descriptor kept open (see :class:`_FactStore`), so
    that a large corpus does not hold them all in memory. Each record is made into its entry as
    soon as it is read, so that what JSON gives and the entry made of it are not all held at
    once.
    """
    try:
        with path.open("rb") as stream:
            lines = _Lines(stream)
            count = read_header(lines, root)["count"]
            next(lines)  # the index
            store = _FactStore(os.dup(stream.fileno()), root)
            records: dict[str, _Record] = {}
            for _ in range(count):
                record = _decode_record(json.loads(next(lines)), store)
                if record.path in records:
                    raise Corrupt("a path twice")
                records[record.path] = record
            # Then each brief's facts, on a line of their own: where it is, or what it holds.
            for record in records.values():
                offset = lines.offset
                line = next(lines)
                brief = record.entry.brief
                if brief is None:
                    continue
                facts = brief.key_facts
                assert isinstance(facts, _StoredFacts)  # as decoded, to be told where they are
                facts.offset = offset
                facts.length = len(line)
                if not LAZY_FACTS:
                    brief = _with_facts(brief, decode_facts(line, facts.size))
                    record.entry = Entry(record.path, brief, record.entry.problems)
            for record in records.values():
                record.search = _decode_search(next(lines))
            if next(lines) != _TRAILER.encode() + b"\n" or next(lines, None) is not None:
                raise Corrupt("cut short or run on")
    except (
        OSError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        StopIteration,
        RecursionError,
        Corrupt,
    ):
        return {}
    return records


class _Lines:
    """The lines of a file opened in binary, each with its offset in the file."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.offset = 0

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        line: bytes = self.stream.readline()
        if not line:
            raise StopIteration
        self.offset += len(line)
        return line


def _write_cache(path: Path, root: Path, records: Sequence[_Record]) -> None:
    """Write the cache whole, or leave the old one; a cache folder that cannot be written is
    no error.

    Once written, the key facts of every brief are read from the new file when asked for, and
    those in memory are let go.
    """
    header = {"environment": environment(), "root": str(root.resolve()), "count": len(records)}
    index = _index_columns(record.final_entry() for record in records)
    facts_at: list[tuple[int, int]] = []

    def lines() -> Iterator[bytes]:
        yield _dumps(header).encode()
        yield _dumps(index).encode()
        for record in records:
            yield _dumps(_encode_record(record)).encode()
        for record in records:
            line = _encode_facts(record.entry.brief)
            facts_at.append((written.offset, len(line) + 1))
            yield line
        for record in records:
            yield _encode_search(record.search).encode()
        yield _TRAILER.encode()

    written = _Written()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = _write_lines_atomically(path, lines(), written, keep_open=LAZY_FACTS)
        if descriptor is None:
            return
        store = _FactStore(descriptor, root)
        for record, (offset, length) in zip(records, facts_at, strict=True):
            brief = record.entry.brief
            if brief is not None:
                facts = _StoredFacts(store, offset, length, _fact_count(brief), record.path)
                record.entry = Entry(record.path, _with_facts(brief, facts), record.entry.problems)


class _Written:
    """How many bytes have been written so far."""

    offset = 0


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _encode_search(text: str) -> str:
    # Search texts are most of the file: written as they are, they are read at the speed of the
    # disk. They are words joined by spaces, never a line break (it would be one to a filter).
    return text.replace("\n", " ")


def _decode_search(line: bytes) -> str:
    if not line.endswith(b"\n"):
        raise Corrupt("cut short")
    return line[:-1].decode("utf-8")


def _write_lines_atomically(
    path: Path, lines: Iterable[bytes], written: _Written, *, keep_open: bool
) -> int | None:
    """Like :func:`tui.core.atomic.write_atomically`, line by line: the cache of a large corpus
    is tens of megabytes, and joining it into one string first would double the memory used.
    A cache need not survive a power cut, so it is not synced: a cut-short file is thrown away.

    With ``keep_open``, returns a descriptor of the file written, open for reading: it stays the
    file this process wrote even if another one replaces it.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    descriptor = None
    try:
        with os.fdopen(handle, "wb") as stream:
            for line in lines:
                stream.write(line)
                stream.write(b"\n")
                written.offset += len(line) + 1
        if keep_open:
            descriptor = os.open(temporary, os.O_RDONLY)
        os.replace(temporary, path)
    except BaseException:
        if descriptor is not None:
            os.close(descriptor)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return descriptor


# -- Records to JSON and back (the briefs in them: tui.core.cache_codec) ---------------------------


def _encode_record(record: _Record) -> list[Any]:
    entry = record.entry
    return [
        record.path,
        record.brief_print,
        record.source,
        record.article_print,
        record.settled,
        # The facts have a line of their own, after the records; here is their number.
        encode_brief(entry.brief, _fact_count(entry.brief)) if entry.brief else None,
        [encode_problem(p) for p in entry.problems],
        encode_entry(record.final) if record.final is not None else None,
    ]


def _encode_facts(brief: Brief | None) -> bytes:
    """The line of a brief's key facts: copied from the cache file they were read from, if so."""
    if brief is None:
        return b"[]"
    facts = brief.key_facts
    if isinstance(facts, _StoredFacts):
        raw = facts.raw()
        if raw is not None:
            return raw
    return _dumps(list(map(encode_fact, facts))).encode()


def _decode_record(value: Any, store: _FactStore) -> _Record:
    """The record of ``value``, its brief's facts to be read from ``store``: the caller is to tell
    them where they are in it."""
    if type(value) is not list:
        raise Corrupt("record")
    path, brief_print, source, article_print, settled, brief, problems, final = value
    path = as_text(path)
    if type(problems) is not list:
        raise Corrupt("problems")
    decoded = None
    if brief is not None:
        if type(brief) is not list or len(brief) != BRIEF_LENGTH:
            raise Corrupt("brief")
        decoded = decode_brief(brief, _StoredFacts(store, 0, 0, as_count(brief[5]), path))
    if type(settled) is not bool or source != (decoded.source if decoded else None):
        raise Corrupt("record")
    return _Record(
        path,
        _fingerprint_value(brief_print),
        source,
        _fingerprint_value(article_print),
        settled,
        Entry(path, decoded, tuple(decode_problem(p) for p in problems)),
        "",  # read after the records
        decode_entry(path, *final) if final is not None else None,
    )


def _fingerprint_value(value: Any) -> Fingerprint | None:
    if value is None:
        return None
    if type(value) is not list or len(value) != 4 or any(type(v) is not int for v in value):
        raise Corrupt("fingerprint")
    return (value[0], value[1], value[2], value[3])
