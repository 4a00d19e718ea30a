"""Opening a corpus through a cache of parsed briefs, so that a large corpus opens at once.

Parsing ten thousand YAML briefs and matching their quotes takes seconds; reading them back from
one JSON file takes a fraction of that. :func:`load_cached` gives exactly what
:func:`tui.core.loader.load_corpus` gives, reading again only the brief files that changed.

The cache is one file per corpus, in ``$BRIEFING_CACHE_DIR`` or else the user cache folder. It is
JSON lines, written whole or not at all:

1. a header: the cache format, the versions of everything that decides how a brief loads (this
   package's code, PyYAML, dateutil, Python's Unicode tables) and the corpus folder;
2. the index: one short row per entry in display order, enough to paint a list before the rest
   is read (see :func:`read_index`);
3. one record per brief file, in display order: the file's fingerprint and its article's, and
   the entry as the loader made it;
4. the folded search texts, one per line in the same order, as they are (they are most of the
   file, and read at the speed of the disk that way), then an end mark.

A brief file is read again when its fingerprint (size, modification time, change time and inode)
or its article's differs from the record. Content is not hashed: hashing every file costs as much
as reading it, which is most of what the cache saves. Instead, a file modified less than
:data:`SETTLE_NS` before it was fingerprinted is not trusted next time: a change made within the
same tick of a coarse file-system clock leaves the fingerprint as it was, so only a file whose
modification time was already in the past can be trusted to show the next change. Briefs that
failed to load are always read again (they are few, and their problems may depend on files the
record does not name).

The cache folder is untrusted input: a record is used only when every value has the type and
shape it must have, and anything else (a truncated file, garbage, another version, a record of
the wrong shape) throws the whole cache away and loads the corpus from its files. A cache that
cannot be written is no error: the corpus still loads, only the next start is not faster.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import os
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from tui import __version__
from tui.core.model import FACT_KINDS, Brief, Corpus, Entry, KeyFact, Problem, Span

ENV_CACHE_DIR = "BRIEFING_CACHE_DIR"
FORMAT = 1
"""The layout of the cache file; raise it whenever what is written changes."""
SETTLE_NS = 3_000_000_000
"""How long before a fingerprint was taken a file must have been last modified to be trusted:
more than the coarsest file-system clock in common use (two seconds on FAT)."""

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while brief files are read."""

_PROGRESS_EVERY = 100
_TRAILER = '"end"'
_KINDS = {kind: kind for kind in FACT_KINDS}
_SEVERITIES = frozenset(("error", "warning"))

Fingerprint = tuple[int, int, int, int]
"""Size, modification time, change time (both in nanoseconds) and inode of a file."""


class _Corrupt(Exception):
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
    digest = hashlib.sha256(os.fsencode(str(root.resolve()))).hexdigest()[:32]
    return folder / f"corpus-{digest}.jsonl"


# -- The index: what a list needs before the corpus has loaded ------------------------------------


class IndexRow(NamedTuple):
    """One entry as a list shows it: enough to paint a row before the corpus has loaded."""

    path: str
    key: str
    """The brief's id, else the file name's stem: :attr:`tui.core.model.Entry.key`."""
    title: str
    """The brief's title, else the file name."""
    title_en: str | None
    published: dt.date | None
    language: str
    facts: int
    errors: int
    warnings: int


class CorpusIndex(NamedTuple):
    """The rows of a corpus as it was last loaded, newest first, as the cache holds them."""

    root: Path
    rows: tuple[IndexRow, ...]


def read_index(root: Path, cache_dir: Path | None = None) -> CorpusIndex | None:
    """The index of the corpus at ``root`` from its cache, or None when there is no usable one.

    This reads about a megabyte at ten thousand briefs (some 20 milliseconds) and checks no brief
    file: the rows are those of the last load, which may since have changed. Paint them at once,
    then replace them with what :func:`load_cached` returns.
    """
    collecting = gc.isenabled()
    gc.disable()  # ten thousand rows, none of them garbage
    try:
        path = cache_file(root, cache_dir)
        with path.open(encoding="utf-8", newline="\n") as stream:
            header = _read_header(stream, root)
            rows = _decode_index(json.loads(stream.readline()), header["count"])
    except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError, _Corrupt):
        return None
    finally:
        if collecting:
            gc.enable()
    return CorpusIndex(root, rows)


def _index_row(entry: Entry) -> list[Any]:
    brief = entry.brief
    errors = sum(p.severity == "error" for p in entry.problems)
    return [
        entry.path,
        entry.key,
        brief.title if brief else Path(entry.path).name,
        brief.title_en if brief else None,
        brief.published.isoformat() if brief and brief.published else None,
        brief.language if brief else "",
        len(brief.key_facts) if brief else 0,
        errors,
        len(entry.problems) - errors,
    ]


def _decode_index(value: Any, count: int) -> tuple[IndexRow, ...]:
    if type(value) is not list or len(value) != count:
        raise _Corrupt("index")
    make = IndexRow._make
    date = dt.date.fromisoformat
    rows = []
    for row in value:
        path, key, title, title_en, published, language, facts, errors, warnings = row
        if not (
            type(path) is str
            and type(key) is str
            and type(title) is str
            and (title_en is None or type(title_en) is str)
            and type(language) is str
            and type(facts) is int
            and type(errors) is int
            and type(warnings) is int
        ):
            raise _Corrupt("index row")
        published = None if published is None else date(published)  # TypeError unless text
        rows.append(
            make((path, key, title, title_en, published, language, facts, errors, warnings))
        )
    return tuple(rows)


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
    again. ``progress`` is told how many brief files have been read so far, when any must be.

    A corpus of ten thousand briefs is a million objects, none of them garbage: the cyclic
    garbage collector is paused while they are made, rather than scanning them over and over.
    An app that keeps the corpus for its lifetime may call :func:`gc.freeze` afterwards, so that
    they are never scanned again.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(root, cache_dir, progress)
    finally:
        if collecting:
            gc.enable()


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
    from tui.core.loader import load_brief_files
    from tui.core.search import search_text

    def paths() -> Iterator[Path]:
        for done, name in enumerate(names):
            if progress is not None and done % _PROGRESS_EVERY == 0:
                progress(done, len(names))
            yield root / "briefs" / name

    loaded = load_brief_files(root, paths())
    if progress is not None:
        progress(len(names), len(names))
    # Articles are fingerprinted after they were read: one changed meanwhile has a modification
    # time after ``started``, so it is not settled and is read again next time.
    articles = _ArticlePrints(root / "seeds")
    records = []
    for name, (entry, article) in zip(names, loaded, strict=True):
        brief = entry.brief
        brief_print = prints[name]
        source = brief.source if brief else None
        article_print = articles[source] if source is not None else None
        records.append(
            _Record(
                entry.path,
                brief_print,
                source,
                article_print,
                _settled(brief_print, started) and _settled(article_print, started),
                entry,
                search_text(brief, article) if brief else "",
            )
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


@cache
def _environment() -> list[Any]:
    """Everything besides the corpus that decides what a corpus loads to.

    The package version is not enough while the code is being worked on, so the code's own files
    are fingerprinted, with those of the YAML and date parsers (PyYAML with or without libyaml
    words its errors differently).
    """
    from importlib.util import find_spec

    folders = [Path(__file__).resolve().parent]
    for package, subfolders in (("yaml", ()), ("dateutil", ("parser",))):
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


def _read_header(stream: Iterator[str], root: Path) -> dict[str, Any]:
    header = json.loads(next(stream))
    if type(header) is not dict:
        raise _Corrupt("header")
    if header.get("environment") != _environment() or header.get("root") != str(root.resolve()):
        raise _Corrupt("written for another version or corpus")
    _int(header.get("count"))
    return header


def _read_records(path: Path, root: Path) -> dict[str, _Record]:
    """The records of the cache file, by path; none when it is missing or cannot be trusted."""
    try:
        with path.open(encoding="utf-8", newline="\n") as stream:
            count = _read_header(stream, root)["count"]
            next(stream)  # the index
            records: dict[str, _Record] = {}
            for _ in range(count):
                record = _decode_record(json.loads(next(stream)))
                if record.path in records:
                    raise _Corrupt("a path twice")
                records[record.path] = record
            for record in records.values():
                record.search = _decode_search(next(stream))
            if next(stream) != _TRAILER + "\n" or next(stream, None) is not None:
                raise _Corrupt("cut short or run on")
    except (
        OSError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        StopIteration,
        RecursionError,
        _Corrupt,
    ):
        return {}
    return records


def _write_cache(path: Path, root: Path, records: Sequence[_Record]) -> None:
    """Write the cache whole, or leave the old one; a cache folder that cannot be written is
    no error."""
    header = {"environment": _environment(), "root": str(root.resolve()), "count": len(records)}
    index = [_index_row(record.final_entry()) for record in records]

    def lines() -> Iterator[str]:
        yield _dumps(header)
        yield _dumps(index)
        for record in records:
            yield _dumps(_encode_record(record))
        for record in records:
            yield _encode_search(record.search)
        yield _TRAILER

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_lines_atomically(path, lines())


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _encode_search(text: str) -> str:
    # Search texts are most of the file: written as they are, they are read at the speed of the
    # disk. Folded text has no line breaks; one that had any, or began like JSON text, is JSON.
    if "\n" in text or text.startswith('"'):
        return _dumps(text)
    return text


def _decode_search(line: str) -> str:
    if not line.endswith("\n"):
        raise _Corrupt("cut short")
    return _str(json.loads(line)) if line.startswith('"') else line[:-1]


def _write_lines_atomically(path: Path, lines: Iterable[str]) -> None:
    """Like :func:`tui.core.atomic.write_atomically`, line by line: the cache of a large corpus
    is a hundred megabytes, and joining it into one string first would double the memory used.
    A cache need not survive a power cut, so it is not synced: a cut-short file is thrown away."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            for line in lines:
                stream.write(line)
                stream.write("\n")
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# -- Records to JSON and back ---------------------------------------------------------------------


def _encode_record(record: _Record) -> list[Any]:
    entry = record.entry
    return [
        record.path,
        record.brief_print,
        record.source,
        record.article_print,
        record.settled,
        _encode_brief(entry.brief) if entry.brief else None,
        [_encode_problem(p) for p in entry.problems],
        _encode_entry(record.final) if record.final is not None else None,
    ]


def _encode_entry(entry: Entry) -> list[Any]:
    return [
        _encode_brief(entry.brief) if entry.brief else None,
        [_encode_problem(p) for p in entry.problems],
    ]


def _encode_brief(brief: Brief) -> list[Any]:
    return [
        brief.id,
        brief.source,
        brief.title,
        brief.language,
        brief.summary,
        [
            [f.fact, f.quote, f.kind, *((f.span.start, f.span.end) if f.span else (None, None))]
            for f in brief.key_facts
        ],
        brief.title_en,
        brief.published.isoformat() if brief.published else None,
        brief.date_note,
        brief.outlet,
        brief.author,
        brief.places,
        brief.organizations,
        brief.people,
        brief.topics,
    ]


def _encode_problem(problem: Problem) -> list[Any]:
    return [problem.file, problem.line, problem.field, problem.message, problem.severity]


def _decode_record(value: Any) -> _Record:
    if type(value) is not list:
        raise _Corrupt("record")
    path, brief_print, source, article_print, settled, brief, problems, final = value
    path = _str(path)
    entry = _decode_entry(path, brief, problems)
    if type(settled) is not bool or source != (entry.brief.source if entry.brief else None):
        raise _Corrupt("record")
    return _Record(
        path,
        _fingerprint_value(brief_print),
        source,
        _fingerprint_value(article_print),
        settled,
        entry,
        "",  # read after the records
        _decode_entry(path, *final) if final is not None else None,
    )


def _decode_entry(path: str, brief: Any, problems: Any) -> Entry:
    if type(problems) is not list:
        raise _Corrupt("problems")
    decoded = _decode_brief(brief) if brief is not None else None
    return Entry(path, decoded, tuple(_decode_problem(p) for p in problems))


def _decode_brief(value: Any) -> Brief:
    if type(value) is not list or len(value) != 15:
        raise _Corrupt("brief")
    (ident, source, title, language, summary, facts, title_en, published, date_note, outlet,
     author, places, organizations, people, topics) = value  # fmt: skip
    if not (
        type(ident) is str
        and type(source) is str
        and type(title) is str
        and type(summary) is str
        and type(facts) is list
        and all(v is None or type(v) is str for v in (title_en, date_note, outlet, author))
    ):
        raise _Corrupt("brief")
    return Brief(
        ident,
        source,
        title,
        sys.intern(language),  # raises TypeError for anything but text
        summary,
        tuple(map(_decode_fact, facts)),
        title_en,
        _date(published),
        date_note,
        outlet,
        author,
        _names(places),
        _names(organizations),
        _names(people),
        _names(topics),
    )


def _decode_fact(value: Any) -> KeyFact:
    if type(value) is not list:
        raise _Corrupt("fact")
    fact, quote, kind, start, end = value
    if type(fact) is not str or type(quote) is not str:
        raise _Corrupt("fact")
    if kind is not None:
        kind = _KINDS[kind]  # the one copy of each kind; a KeyError for any other value
    if start is None and end is None:
        return KeyFact(fact, quote, kind, None)
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:
        raise _Corrupt("span")
    return KeyFact(fact, quote, kind, Span(start, end))


def _decode_problem(value: Any) -> Problem:
    if type(value) is not list:
        raise _Corrupt("problem")
    file, line, field, message, severity = value
    if severity not in _SEVERITIES:
        raise _Corrupt("severity")
    problem = Problem(_str(file), _int(line), _str(field), _str(message), severity)
    if (problem.file, problem.field, problem.message) == (file, field, message):
        return problem
    # Making a problem cleans its text again, and cleaning clean text can change it: text cut to
    # its limit and then escaped is longer than the limit, so it is cut again. Text that was
    # written clean is used as it is; anything else in the cache is not to be trusted.
    if not all(map(_is_clean, (file, field, message))):
        raise _Corrupt("problem text")
    problem = object.__new__(Problem)
    for name, text in (("file", file), ("line", line), ("field", field), ("message", message)):
        object.__setattr__(problem, name, text)
    object.__setattr__(problem, "severity", severity)
    return problem


def _is_clean(text: str) -> bool:
    """Whether ``text`` holds nothing a problem would escape (asked of ``Problem`` itself)."""
    step = 100  # well within every limit, so that nothing is cut
    return all(
        Problem(text[i : i + step], 0, "", "").file == text[i : i + step]
        for i in range(0, len(text), step)
    )


def _fingerprint_value(value: Any) -> Fingerprint | None:
    if value is None:
        return None
    if type(value) is not list or len(value) != 4 or any(type(v) is not int for v in value):
        raise _Corrupt("fingerprint")
    return (value[0], value[1], value[2], value[3])


def _names(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise _Corrupt("names")
    # Places, organisations and topics recur across briefs: one copy of each is kept.
    return tuple(map(sys.intern, value))  # raises TypeError for anything but text


def _str(value: Any) -> str:
    if type(value) is not str:
        raise _Corrupt("text")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise _Corrupt("number")
    return value


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(_str(value))
