"""Bookmarks: kept per user, keyed by corpus and brief id, safe with several copies running.

The file is JSON: ``{"version": 1, "corpora": {"<corpus folder>": ["brief-id", ...]}}``. Every
change is made under a lock as read, merge, write (to a temporary file, then renamed), so two copies
of the app toggling different bookmarks never lose each other's changes. A bookmark whose brief has
gone from the corpus is kept. A file of a later format, written by a newer briefing, is read as far
as it can be and never written over.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.atomic import write_atomically
from tui.core.files import NotAFile, TooLarge, read_limited, size_text
from tui.core.locks import LOCK_WAIT, exclusive_lock
from tui.core.userstate import cannot_save, set_aside, unusable_reason

FILE_NAME = "bookmarks.json"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 16 * 1024 * 1024
"""A bookmarks file larger than this is not read but set aside; real ones are a few kilobytes."""


class BookmarkStore:
    """The bookmarks of one corpus.

    Nothing here raises for a bad or unwritable state folder: problems are kept in
    :attr:`notices` (to tell the user once), :attr:`read_error` (set while the file cannot be
    read, so that the bookmarks known are only those made this session) and :attr:`save_error`
    (set while changes cannot be saved; they are still kept in memory for the session).
    """

    def __init__(self, folder: Path, corpus: str, *, set_aside_unreadable: bool = True) -> None:
        """``set_aside_unreadable``: whether a file that cannot be read is renamed aside (and
        what could be read of it kept), as the reader does to go on; a command that only reads
        leaves the user's file as it is, with :attr:`read_error` saying why."""
        self.folder = folder
        self.corpus = corpus
        self.path = folder / FILE_NAME
        self._set_aside_unreadable = set_aside_unreadable
        self._unreadable: str | None = None
        self.ids: set[str] = set()
        self.notices: list[str] = []
        self.read_error: str | None = None
        self.save_error: str | None = None
        # Changes made while the file could not be written; merged in at the next save.
        self._unsaved: dict[str, bool] = {}
        # Why the file, written by a newer briefing, must not be written over; else None.
        self._newer_format: str | None = None
        # Whether the last save found something other than a regular file at the path.
        self._not_a_file = False
        # Whether the file was there when last read.
        self._file_seen = False
        self.reload()
        reason = unusable_reason(folder)
        if reason:
            self.save_error = cannot_save("Bookmarks", folder, reason, of_the_folder=True)

    @property
    def _lock_path(self) -> Path:
        """The lock file beside the bookmarks, held while they are read or written."""
        return self.folder / f"{FILE_NAME}.lock"

    @property
    def unsaved_changes(self) -> int:
        """How many bookmarks given or taken are not in the file yet (it could not be
        written): kept for now, and lost if the reader quits."""
        return len(self._unsaved)

    @property
    def waits_to_save(self) -> bool:
        """Whether changes are kept that a later try may save: not in a file of a newer format,
        which is never written, nor where the file is not a regular file, until the next
        change or quit tries again."""
        return bool(self._unsaved) and not self._newer_format and not self._not_a_file

    @property
    def set_aside_by_the_reader(self) -> bool:
        """Whether the file cannot be read for what it holds, which the reader sets aside as
        it starts (a command only said so); not when it cannot be read at all."""
        return self._unreadable is not None

    def __contains__(self, brief_id: object) -> bool:
        return brief_id in self.ids

    def reload(self) -> None:
        """Read the file again, setting aside (and reporting) a file that cannot be read."""
        try:
            corpora = self._read()
        except NotAFile as error:
            self.read_error = f"Bookmarks file {self.path} {error}"
            self._tell(self.read_error)
            return
        except NotADirectoryError:
            # The state folder is a file: said as the bookmarks that cannot be saved say it.
            self.read_error = (
                f"Cannot read bookmarks file {self.path}: {unusable_reason(self.folder)}"
            )
            self._tell(self.read_error)
            return
        except OSError as error:
            self.read_error = f"Cannot read bookmarks file {self.path}: {error.strerror or error}"
            self._tell(self.read_error)
            return
        self.read_error = self._unreadable
        if self._newer_format:
            self.save_error = self._newer_format
        self.ids = set(corpora.get(self.corpus, ()))
        for brief_id, wanted in self._unsaved.items():
            (self.ids.add if wanted else self.ids.discard)(brief_id)

    def toggle(self, brief_id: str) -> bool:
        """Add or remove one bookmark and save; return whether it is now bookmarked."""
        wanted = brief_id not in self.ids
        self.set(brief_id, wanted)
        return wanted

    def set(self, brief_id: str, wanted: bool) -> None:
        """Bookmark (or un-bookmark) ``brief_id`` and save, merging with changes made elsewhere."""
        (self.ids.add if wanted else self.ids.discard)(brief_id)
        self._unsaved[brief_id] = wanted
        self.save()

    def save(self, *, wait: bool = True) -> None:
        """Save the changes not saved yet, merging them with changes made elsewhere; when they
        cannot be, they are kept for now and :attr:`save_error` says why.

        ``wait``: whether to wait a moment, as a change does, for another program's lock; a try
        made in the background does not, holding up no key."""
        if not self._unsaved:
            return
        self._not_a_file = False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with self._locked(required=True, wait=LOCK_WAIT if wait else 0):
                seen_before = self._file_seen
                corpora = self._read_or_set_aside()
                if self._newer_format:
                    self.save_error = self._newer_format
                    return
                if seen_before and not self._file_seen:
                    # The file went while the reader ran (the state folder moved away, say):
                    # every bookmark known is written, not the changes alone, lest the others
                    # be lost at the next start.
                    for brief_id in self.ids:
                        self._unsaved.setdefault(brief_id, True)
                merged = set(corpora.get(self.corpus, ()))
                for changed, keep in self._unsaved.items():
                    (merged.add if keep else merged.discard)(changed)
                corpora[self.corpus] = sorted(merged)
                write_atomically(self.path, _dump(corpora))
                self._file_seen = True
        except NotAFile as error:
            self._not_a_file = True
            self.save_error = f"Bookmarks cannot be saved: {self.path} {error}; kept for now"
            return
        except OSError as error:
            # Among them the lock kept by another copy for longer than is waited: the changes
            # are saved with the next.
            # The folder's own reason, when it has one, rather than the error it led to.
            folder_reason = unusable_reason(self.folder)
            reason = folder_reason or error.strerror or str(error)
            in_the_way = None
            if folder_reason is None and error.filename and Path(error.filename) == self._lock_path:
                reason = f"{self._lock_path.name}: {reason}"  # the lock is what is in the way
                in_the_way = self._lock_path if self._lock_path.is_dir() else None
            self.save_error = cannot_save(
                "Bookmarks",
                self.folder,
                reason,
                of_the_folder=folder_reason is not None,
                in_the_way=in_the_way,
            )
            return
        self._unsaved.clear()
        self.save_error = None
        self.ids = merged

    def kept_for_other_folders(self) -> dict[str, frozenset[str]]:
        """The bookmarked ids of each corpus folder of the file but this corpus's; none when
        the file cannot be read."""
        if self.read_error:
            return {}
        try:
            corpora = self._read()
        except OSError:
            return {}
        return {corpus: frozenset(ids) for corpus, ids in corpora.items() if corpus != self.corpus}

    def take_over(self, folder: str, briefs: Collection[str], *, keep: bool = True) -> int:
        """Make the bookmarks of the ``briefs`` kept under the corpus folder ``folder`` this
        corpus's, with those it has (unless not ``keep``: then they are let go); return how
        many it did not have. Those of other briefs stay. Raises :class:`OSError` when they
        cannot be saved, changing nothing."""
        self.save()
        if self.save_error:
            raise OSError(self.save_error)
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._locked(required=True):
            corpora = self._read_or_set_aside()
            # Not written from what could be read of a file: the rest would be lost.
            if self._newer_format or self._unreadable:
                raise OSError(self._newer_format or self._unreadable)
            there = set(corpora.get(folder, ()))
            going = there & set(briefs)
            if going:
                if there - going:
                    corpora[folder] = sorted(there - going)
                else:
                    del corpora[folder]
            taken = going if keep else set()
            before = set(corpora.get(self.corpus, ()))
            if taken:
                corpora[self.corpus] = sorted(before | taken)
            if going:
                write_atomically(self.path, _dump(corpora))
                self._file_seen = True
        self.ids = before | taken
        return len(taken - before)

    def _tell(self, notice: str) -> None:
        """Keep ``notice`` for the user, once however often it comes up."""
        if notice not in self.notices:
            self.notices.append(notice)

    @contextlib.contextmanager
    def _locked(self, *, required: bool, wait: float = LOCK_WAIT) -> Iterator[None]:
        """Hold the lock file beside the bookmarks while reading or writing them.

        Reading can do without the lock when it cannot be had (a read-only folder, another copy
        holding it for longer than is waited): files are only ever replaced whole. Writing
        cannot; it raises :class:`OSError`.
        """
        if not self.folder.is_dir():
            yield
            return
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(exclusive_lock(self._lock_path, wait))
            except OSError:
                if required:
                    raise
            yield

    def _read(self) -> dict[str, list[str]]:
        """All corpora's bookmarks in the file, read under the lock beside it.

        A store that never sets the file aside (a command's) only reads, and makes no lock where
        none is: the state folder is left as it was found. A copy of the reader makes the lock
        before it changes the file, and never removes it; one made while the file was read
        may have been setting it aside meanwhile, so the file is read again under it.
        """
        if self._set_aside_unreadable or self._lock_path.exists():
            with self._locked(required=False):
                return self._read_or_set_aside()
        corpora = self._read_or_set_aside()
        if not self._lock_path.exists():
            return corpora
        with self._locked(required=False):
            return self._read_or_set_aside()

    def _read_or_set_aside(self) -> dict[str, list[str]]:
        """All corpora's bookmarks in the file.

        A file that cannot be read whole is renamed aside and reported; what could be read of it
        is returned, and is what the next save writes. A file of a newer format is left as it is.
        """
        self._newer_format = self._unreadable = None
        try:
            raw: bytes | None = read_limited(self.path, MAX_FILE_BYTES, "bookmarks file")
        except FileNotFoundError:
            self._file_seen = False
            return {}
        except TooLarge:
            raw = None
        self._file_seen = True
        corpora: dict[str, list[str]] = {}
        complaint: str | None = f"is larger than {size_text(MAX_FILE_BYTES)}"
        partial: frozenset[str] = frozenset()
        structure_read = False
        if raw is not None:
            corpora, complaint, newer, partial, structure_read = parse_bookmarks(raw)
            if newer is not None:
                self._newer_format = (
                    f"Bookmarks file {self.path} is of format {newer}, from a newer briefing;"
                    " changes are kept for this session only"
                )
                return corpora
        if complaint and not self._set_aside_unreadable:
            if structure_read and self.corpus not in partial:
                return corpora  # this corpus's bookmarks were read whole: another's are not its own
            self._unreadable = f"Bookmarks file {self.path} {complaint}"
            self._tell(self._unreadable)
            return corpora
        if complaint:
            try:
                aside = set_aside(self.path)
            except OSError as error:
                self._tell(
                    f"Bookmarks file {complaint}; it cannot be set aside"
                    f" ({error.strerror or error}), so only what could be read is used"
                )
                return corpora
            self._tell(f"Bookmarks file {complaint}; it was kept as {aside}")
            if corpora:
                # Put back what could be read, so that the next change starts from it.
                with contextlib.suppress(OSError):
                    write_atomically(self.path, _dump(corpora))
        return corpora


def _dump(corpora: dict[str, list[str]]) -> str:
    document = {"version": FORMAT_VERSION, "corpora": corpora}
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


class ParsedBookmarks(NamedTuple):
    """What a bookmarks file holds."""

    corpora: dict[str, list[str]]
    """The bookmarks that could be read, by corpus."""
    complaint: str | None
    """What was wrong with the rest, such as ``is not JSON``; None when nothing."""
    newer_format: int | None
    """The format of a file written by a newer briefing, read as far as it could be."""
    partial: frozenset[str] = frozenset()
    """The corpora the file names whose bookmarks could not be read whole."""
    structure_read: bool = False
    """Whether the file was read as bookmarks by corpus, whatever their lists hold."""


def parse_bookmarks(raw: bytes) -> ParsedBookmarks:
    """The bookmarks readable in ``raw``, what was wrong with the rest, and a newer format."""
    try:
        document: Any = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return ParsedBookmarks({}, "is not UTF-8 text", None)
    except json.JSONDecodeError as error:
        return ParsedBookmarks({}, f"is not JSON ({error})", None)
    except (ValueError, RecursionError):
        message = "is not JSON that can be read (it nests too deeply or holds huge numbers)"
        return ParsedBookmarks({}, message, None)
    if not isinstance(document, dict):
        return ParsedBookmarks(
            {}, f"is not a bookmarks file: it holds {_json_kind(document)}, not an object", None
        )
    version = document.get("version", FORMAT_VERSION)
    # bool is an int to Python, but `true` is no format number.
    known = isinstance(version, int) and not isinstance(version, bool) and version >= 1
    newer = version if known and version > FORMAT_VERSION else None
    if not isinstance(document.get("corpora"), dict):
        return ParsedBookmarks(
            {}, None if newer else 'is not a bookmarks file: it has no "corpora" object', newer
        )
    corpora: dict[str, list[str]] = {}
    partial: set[str] = set()
    complaint = None if known else f"has a format this briefing does not know ({version!r})"
    for corpus, ids in document["corpora"].items():
        if isinstance(ids, list):
            corpora[str(corpus)] = [i for i in ids if isinstance(i, str)]
            if len(corpora[str(corpus)]) == len(ids):
                continue
        partial.add(str(corpus))
        complaint = complaint or f"holds entries that are not brief ids (for {corpus})"
    # A format this briefing does not know is not read as bookmarks by corpus at all.
    return ParsedBookmarks(corpora, None if newer else complaint, newer, frozenset(partial), known)


def _json_kind(value: object) -> str:
    """What a JSON value is, in the words of a message: ``a list``, ``a number``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "a text"
