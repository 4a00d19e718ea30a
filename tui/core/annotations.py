"""What a user keeps about each brief: whether it was read, a note, and tags; per corpus.

Kept in ``annotations.sqlite3`` in the state folder, beside the bookmarks, not in the index's
cache: the index can be deleted at any time, this is the user's work. It is SQLite rather than
JSON because a brief is marked read at every move of the cursor, and a corpus of 100,000 briefs
would otherwise rewrite a file of megabytes each time: here a change is one short transaction on
the rows of one brief (in WAL mode, so that readers never wait). Two copies of the app share the
file; each writes only what it changed (a brief's read mark, its note or its tags), so the last
change to each wins and nothing else is undone: a brief marked read in one copy keeps the note
written on it in the other. Changes made by another copy show the next time the file is read,
and a brief's note and tags are read again before they are edited (:meth:`Annotations.read_again`).
A note or tags edited from what the file held are not written over what another copy saved
meanwhile: both are kept (:meth:`Annotations.set_note`'s ``started_from``), and the user told.

As with bookmarks, nothing here raises for a bad state folder or file: a folder that cannot be
written, or a file another program holds locked, keeps the changes for the session
(:attr:`Annotations.save_error`) until they can be written (:meth:`Annotations.save_again`), a
file that is not a database of this kind is set aside and a new one started
(:attr:`Annotations.notices`), and a file of a newer format (``PRAGMA user_version``) is read as
far as it can be and never written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal, NamedTuple

from tui.core.atomic import FileIdentity, file_identity
from tui.core.files import not_a_file
from tui.core.text import clean_text, expand_tabs, fold_search, quoted
from tui.core.userstate import cannot_save, set_aside, unusable_reason

FILE_NAME = "annotations.sqlite3"
FORMAT_VERSION = 1
"""The file's ``PRAGMA user_version``; a file with a larger one is from a newer briefing."""
MAX_NOTE_CHARS = 20_000
NOTE_TAB_STOPS = 4
"""The columns apart of the tab stops a tab in a note (pasted from a table, say) moves its text to,
as the note dialog shows it: a note keeps spaces up to them, so that its columns and indents stay
where they were typed."""
MAX_TAG_CHARS = 40
MAX_TAGS = 20
"""Tags one brief may have."""
NOTES_JOINED_BY = "\n\n--- Saved meanwhile in another window: ---\n"
"""What stands between a note saved and the one another copy saved while it was edited."""
NOTES_TAKEN_OVER_BY = "\n\n--- Kept for the corpus folder {folder}: ---\n"
"""What stands between a brief's note and the one kept for it under the folder the corpus was
moved from."""
BUSY_TIMEOUT_MS = 2_000
"""How long a change waits for another copy's transaction, which takes milliseconds."""
_SQLITE_ERROR = 1
"""SQLite's result code for a statement that does not fit the file (a table or a column it
names is missing); its number in SQLite's C API, which Python names only from 3.11 on."""

_KEPT_UNREAD_TABLE = """
CREATE TABLE IF NOT EXISTS kept_unread (
    corpus TEXT NOT NULL,
    brief TEXT NOT NULL,
    PRIMARY KEY (corpus, brief)
) WITHOUT ROWID
"""
"""The briefs the user marked unread. It came after the other tables: a file without it is made
to have it at its next change, and a briefing from before it leaves it alone."""
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS briefs (
    corpus TEXT NOT NULL,
    brief TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (corpus, brief)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tags (
    corpus TEXT NOT NULL,
    brief TEXT NOT NULL,
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (corpus, brief, position)
) WITHOUT ROWID;
{_KEPT_UNREAD_TABLE};
"""
_COLUMNS = {
    "briefs": {"corpus", "brief", "read", "note"},
    "tags": {"corpus", "brief", "position", "tag"},
}
"""The columns each table of the file must have for it to be read and written."""


_Part = Literal["read", "note", "tags"]
"""What one change writes of a brief's annotations."""


class AnnotationError(ValueError):
    """A note or tags that cannot be kept; the message says why, to show the user."""


def parse_tags(text: str) -> tuple[str, ...]:
    """The tags typed in ``text``, separated by spaces or commas, each once (by its folded
    form), in the order typed, without quote marks around them; raises
    :class:`AnnotationError` for too many or too long."""
    # A tag typed in quotes, as a filter's value may be ("urgente"), is the word: kept with its
    # quotes it would be found by no tag: term but one with the quotes in it.
    return check_tags(word.strip(_QUOTE_MARKS) for word in text.replace(",", " ").split())


_QUOTE_MARKS = "\"'`\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e"
"""Quote marks, straight and curly, and guillemets."""


def check_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """``tags`` trimmed, each once by its folded form; raises :class:`AnnotationError` for a tag
    holding a space or comma, a tag too long, or too many."""
    kept: dict[str, str] = {}
    for given in tags:
        tag = given.strip()
        if not tag:
            continue
        if any(c.isspace() or c == "," for c in tag):
            raise AnnotationError(f"A tag holds no spaces or commas: {tag!r} is two or more tags")
        if not tag.isprintable():
            raise AnnotationError(f"A tag holds letters, digits and marks only, not {tag!r}")
        if len(tag) > MAX_TAG_CHARS:
            raise AnnotationError(
                f"A tag has at most {MAX_TAG_CHARS} characters; {quoted(tag, 50)} has {len(tag)}"
            )
        kept.setdefault(fold_tag(tag), tag)
    if len(kept) > MAX_TAGS:
        raise AnnotationError(f"A brief has at most {MAX_TAGS} tags, not {len(kept)}")
    return tuple(kept.values())


def fold_tag(tag: str) -> str:
    """How tags are matched: case, accents and marks ignored, as the filter's words are."""
    return fold_search(tag).strip()


def respelt_tags_note(typed: Iterable[str], kept: Iterable[str]) -> str | None:
    """What to tell a user whose tags ``typed`` were kept as ``kept`` (by
    :meth:`Annotations.set_tags`), when some keep the spelling other briefs give them, if any
    do: "usmca" typed where other briefs have "USMCA" is that tag, and stays "USMCA"."""
    spelt = {fold_tag(tag): tag for tag in kept}
    respelt = [
        f"{spelt[fold_tag(tag)]} (typed {tag})"
        for tag in typed
        if spelt.get(fold_tag(tag), tag) != tag
    ]
    if not respelt:
        return None
    them = "it" if len(respelt) == 1 else "them"
    return f"Kept as other briefs spell {them}: {', '.join(respelt)}"


def check_note(text: str) -> str:
    """``text`` as a note is kept (tabs as the spaces up to the next tab stop, trailing white
    space, control and invisible characters dropped); raises :class:`AnnotationError` when it is
    too long."""
    note = clean_text(expand_tabs(text, NOTE_TAB_STOPS)).rstrip()
    try:
        note.encode("utf-8")
    except UnicodeEncodeError:  # half of a surrogate pair: no file can hold it
        note = note.encode("utf-8", "replace").decode("utf-8")
    if len(note) > MAX_NOTE_CHARS:
        raise AnnotationError(
            f"A note has at most {MAX_NOTE_CHARS:,} characters; this one has {len(note):,}"
        )
    return note


# A named tuple, which takes a fraction of the time a frozen dataclass does to define: this
# module is imported at every start.
class Annotation(NamedTuple):
    """What the user keeps about one brief."""

    read: bool = False
    note: str = ""
    tags: tuple[str, ...] = ()


class Annotations:
    """The annotations of one corpus, read once and changed one brief at a time.

    The user's marks for a query (:class:`tui.core.search.UserMarks`) come from :meth:`marks`.
    """

    def __init__(self, folder: Path, corpus: str, *, set_aside_unreadable: bool = True) -> None:
        """``set_aside_unreadable``: whether a file that is not a database of annotations is
        renamed aside and a new one started, as the reader does to go on; a command that only
        reads leaves the user's file as it is, with :attr:`read_error` saying why."""
        self.folder = folder
        self.corpus = corpus
        self._set_aside_unreadable = set_aside_unreadable
        self.set_aside_by_the_reader = False
        """Whether the file is not a database of annotations, which the reader sets aside as it
        starts (a command only said so); not when it cannot be read at all."""
        self.in_the_way: Path | None = None
        """A folder where SQLite keeps a file beside the notes file, which kept it from being
        read: the user's to delete or rename."""
        self.path = folder / FILE_NAME
        self.read: set[str] = set()
        """Ids of the briefs read."""
        self.kept_unread: set[str] = set()
        """Ids of the briefs the user marked unread: the reader, opening on one of them, does
        not mark it read until the user comes back to it."""
        self.notes: dict[str, str] = {}
        """Each noted brief's note, by id."""
        self.tags: dict[str, tuple[str, ...]] = {}
        """Each tagged brief's tags, as shown, by id."""
        self._tag_names: dict[str, str] = {}
        """Each tag as it is shown (as first typed), by its folded form."""
        self._tagged: dict[str, set[str]] = {}
        """Ids of the briefs with each tag, by its folded form."""
        self.notices: list[str] = []
        self.read_error: str | None = None
        self.save_error: str | None = None
        self._unsaved: set[tuple[str, _Part]] = set()
        """What was changed while the file could not be written, by brief: written at the next
        save."""
        self._note_edited_from: dict[str, str] = {}
        self._tags_edited_from: dict[str, tuple[str, ...]] = {}
        """What the file held of a brief's note or tags when the user began the change not
        written yet, by id: anything else there by the time it is written came from another
        copy, and is kept with it."""
        self._newer_format: str | None = None
        self._connection: sqlite3.Connection | None = None
        self._opened: FileIdentity | None = None
        """The device and inode of the file as last opened, to tell it was moved or replaced."""
        self._load()
        reason = unusable_reason(folder)
        if reason and not self._newer_format:
            self.save_error = self._cannot_save(reason, of_the_folder=True)

    # Reading.

    def annotation(self, brief_id: str) -> Annotation:
        """What the user keeps about ``brief_id``."""
        return Annotation(
            brief_id in self.read, self.notes.get(brief_id, ""), self.tags.get(brief_id, ())
        )

    def tag_names(self) -> dict[str, int]:
        """Every tag in use, as shown, with how many briefs have it."""
        return {self._tag_names[f]: len(ids) for f, ids in self._tagged.items() if ids}

    def marks(self, bookmarked: Collection[str] = frozenset()) -> AnnotationMarks:
        """The user's marks as a query asks for them, with ``bookmarked`` ids."""
        return AnnotationMarks(self, bookmarked)

    # Changing.

    def set_read(self, brief_id: str, read: bool = True) -> bool:
        """Mark ``brief_id`` read (or unread) and save; return whether that changed anything."""
        if (brief_id in self.read) == read:
            return False
        (self.read.add if read else self.read.discard)(brief_id)
        (self.kept_unread.discard if read else self.kept_unread.add)(brief_id)
        self._save(brief_id, "read")
        return True

    def toggle_read(self, brief_id: str) -> bool:
        """Mark ``brief_id`` unread if it was read, else read; return whether it is read now."""
        self.set_read(brief_id, brief_id not in self.read)
        return brief_id in self.read

    def set_note(self, brief_id: str, text: str, *, started_from: str | None = None) -> None:
        """Keep ``text`` as the note of ``brief_id`` (an empty one removes it) and save; raises
        :class:`AnnotationError` for a note too long, keeping the one there was.

        ``started_from``: the note the user began from, as :meth:`read_again` gave it. When the
        file holds another by the time this one is written, another copy saved it meanwhile:
        it is kept under this one (after :data:`NOTES_JOINED_BY`), and :attr:`notices` says so.
        Without it, this note replaces whatever the file holds."""
        note = check_note(text)
        if note == self.notes.get(brief_id, ""):
            return
        if started_from is not None:
            # A change not written yet began from what the file held before it.
            self._note_edited_from.setdefault(brief_id, started_from)
        self._show_note(brief_id, note)
        self._save(brief_id, "note")

    def set_tags(
        self, brief_id: str, tags: Iterable[str], *, started_from: tuple[str, ...] | None = None
    ) -> tuple[str, ...]:
        """Give ``brief_id`` the ``tags`` (none removes them all) and save; return them as shown:
        a tag used before keeps the spelling it was first given. Raises :class:`AnnotationError`
        for tags that cannot be kept (see :func:`check_tags`), changing nothing.

        ``started_from``: the tags the user began from, as :meth:`read_again` gave them. When
        the file holds others by the time these are written, another copy changed them
        meanwhile: the tags either added are kept and those either removed are not (at most
        :data:`MAX_TAGS`), and :attr:`notices` says so."""
        checked = check_tags(tags)
        # Spelt as another brief spells it; one no other brief has is spelt as typed now, as it
        # would be once taken off and given again: its case put right on the one brief having it.
        shown = tuple(self._spelling_elsewhere(brief_id, tag) or tag for tag in checked)
        if shown == self.tags.get(brief_id, ()):
            return shown
        if started_from is not None:
            self._tags_edited_from.setdefault(brief_id, started_from)
        self._forget_tags(brief_id)
        self._remember_tags(brief_id, shown)
        self._save(brief_id, "tags")
        return shown

    def read_again(self, brief_id: str) -> None:
        """Take the note and tags of ``brief_id`` as the file has them now: another copy of the
        reader may have changed them since this one read it. What was changed here and could
        not be saved yet stays as it is."""
        if self._newer_format or not _exists(self.path):
            return
        key = (self.corpus, brief_id)
        try:
            connection = self._open(create=False)
            row = connection.execute(
                "SELECT note FROM briefs WHERE corpus = ? AND brief = ?", key
            ).fetchone()
            tags = connection.execute(
                "SELECT tag FROM tags WHERE corpus = ? AND brief = ? ORDER BY position", key
            ).fetchall()
        except sqlite3.DatabaseError:
            return  # what is wrong with the file is told when it is next written
        if (brief_id, "note") not in self._unsaved:
            self._show_note(brief_id, row[0] if row is not None and isinstance(row[0], str) else "")
        if (brief_id, "tags") not in self._unsaved:
            self._forget_tags(brief_id)
            with contextlib.suppress(AnnotationError):
                self._remember_tags(brief_id, check_tags(t for (t,) in tags if isinstance(t, str)))

    @property
    def waits_to_save(self) -> bool:
        """Whether changes could not be saved yet that trying again may save: not those to a
        file that is never written (of a newer briefing, or not read), kept for the session."""
        return bool(self._unsaved) and not self._newer_format

    @property
    def unsaved_changes(self) -> int:
        """How many changes (a brief read, a note, tags) are not in the file yet: kept for now,
        and lost if the reader quits."""
        return len(self._unsaved)

    @property
    def unsaved_writing(self) -> int:
        """How many notes and tag lists the user changed that are not in the file yet (it
        could not be written): kept for now, and lost if the reader quits."""
        return sum(1 for _, part in self._unsaved if part != "read")

    # Another corpus folder's.

    def kept_for_other_folders(self) -> dict[str, set[str]]:
        """The ids of the briefs something is kept for (a read or unread mark, a note, tags),
        by corpus folder, for each folder of the file but this corpus's; none when the file
        cannot be read."""
        if self.read_error or not _exists(self.path):
            return {}
        kept: dict[str, set[str]] = {}
        try:
            connection = self._open(create=False)
            for table in ("briefs", "tags", "kept_unread"):
                with contextlib.suppress(sqlite3.OperationalError):  # a file made before one
                    rows = connection.execute(
                        f"SELECT DISTINCT corpus, brief FROM {table} WHERE corpus != ?",
                        (self.corpus,),
                    )
                    for corpus, brief in rows:
                        if isinstance(corpus, str) and isinstance(brief, str):
                            kept.setdefault(corpus, set()).add(brief)
        except sqlite3.DatabaseError:
            return {}
        return kept

    def take_over(self, folder: str, briefs: Collection[str]) -> TakenOver:
        """Make what the file keeps under the corpus folder ``folder`` for the ``briefs`` this
        corpus's, in one transaction, and read it: a corpus moved or renamed finds it under its
        new folder. What is kept there for other briefs (those of a corpus begun in its place)
        stays. A brief with something kept under both keeps both: read if read in either, the
        two notes (this corpus's first, then the other's under :data:`NOTES_TAKEN_OVER_BY`),
        the tags of both, unless they are more than a brief may have: those stay where they are.

        Raises :class:`AnnotationError` when the file is not to be written (of a newer
        briefing, or not read), and :class:`sqlite3.Error` when it cannot be."""
        if self._newer_format:
            raise AnnotationError(self._newer_format)
        connection = self._open(create=True)
        with _transaction(connection):
            connection.execute(_KEPT_UNREAD_TABLE)  # a file made before it has none
            taken = self._take_over_rows(connection, folder, briefs)
        self._clear()
        self._read_rows(connection)
        return taken

    def let_go(self, folder: str, briefs: Collection[str]) -> None:
        """Forget what the file keeps under the corpus folder ``folder`` for the ``briefs``, in
        one transaction. Raises as :meth:`take_over` does."""
        if self._newer_format:
            raise AnnotationError(self._newer_format)
        if not _exists(self.path):
            return
        connection = self._open(create=True)
        with _transaction(connection):
            connection.execute(_KEPT_UNREAD_TABLE)  # a file made before it has none
            for table in ("briefs", "tags", "kept_unread"):
                connection.executemany(
                    f"DELETE FROM {table} WHERE corpus = ? AND brief = ?",
                    [(folder, brief) for brief in briefs],
                )

    def _take_over_rows(
        self, connection: sqlite3.Connection, folder: str, briefs: Collection[str]
    ) -> TakenOver:
        here, there = self.corpus, folder
        read = notes = joined = tag_lists = 0
        rows = connection.execute(
            "SELECT brief, read, note FROM briefs WHERE corpus = ?", (there,)
        ).fetchall()
        for brief, was_read, note in rows:
            if brief not in briefs:
                continue
            mine = connection.execute(
                "SELECT read, note FROM briefs WHERE corpus = ? AND brief = ?", (here, brief)
            ).fetchone()
            read += bool(was_read) and not (mine and mine[0])
            kept = (mine[1] or "") if mine else ""
            notes += bool(note) and note != kept
            if mine is None:
                connection.execute(
                    "UPDATE briefs SET corpus = ? WHERE corpus = ? AND brief = ?",
                    (here, there, brief),
                )
                continue
            if note and kept and note != kept:
                kept = f"{kept}{NOTES_TAKEN_OVER_BY.format(folder=folder)}{note}"
                joined += 1
            connection.execute(
                "UPDATE briefs SET read = ?, note = ? WHERE corpus = ? AND brief = ?",
                (int(bool(mine[0] or was_read)), kept or note or "", here, brief),
            )
            connection.execute("DELETE FROM briefs WHERE corpus = ? AND brief = ?", (there, brief))
        left: list[tuple[str, tuple[str, ...]]] = []
        given: dict[str, list[str]] = {}
        for brief, tag in connection.execute(
            "SELECT brief, tag FROM tags WHERE corpus = ? ORDER BY brief, position", (there,)
        ):
            if brief in briefs:
                given.setdefault(brief, []).append(tag)
        for brief, tags in given.items():
            mine_tags = [
                tag
                for (tag,) in connection.execute(
                    "SELECT tag FROM tags WHERE corpus = ? AND brief = ? ORDER BY position",
                    (here, brief),
                )
            ]
            both: dict[str, str] = {}
            for tag in mine_tags + tags:  # this corpus's first, as it spells them
                both.setdefault(fold_tag(tag), tag)
            if len(both) > MAX_TAGS:
                left.append((brief, tuple(tags)))
                continue
            tag_lists += len(both) > len(mine_tags)
            connection.execute(
                "DELETE FROM tags WHERE corpus IN (?, ?) AND brief = ?", (here, there, brief)
            )
            connection.executemany(
                "INSERT INTO tags (corpus, brief, position, tag) VALUES (?, ?, ?, ?)",
                [(here, brief, n, tag) for n, tag in enumerate(both.values())],
            )
        unread = connection.execute(
            "SELECT brief FROM kept_unread WHERE corpus = ?", (there,)
        ).fetchall()
        for (brief,) in unread:
            if brief not in briefs:
                continue
            # Marked unread there: so here too, unless read here.
            connection.execute(
                "INSERT OR IGNORE INTO kept_unread (corpus, brief) SELECT ?, ? WHERE NOT EXISTS"
                " (SELECT 1 FROM briefs WHERE corpus = ? AND brief = ? AND read = 1)",
                (here, brief, here, brief),
            )
            connection.execute(
                "DELETE FROM kept_unread WHERE corpus = ? AND brief = ?", (there, brief)
            )
        # Read there, marked unread here: read, as the rows are.
        connection.execute(
            "DELETE FROM kept_unread WHERE corpus = ? AND brief IN"
            " (SELECT brief FROM briefs WHERE corpus = ? AND read = 1)",
            (here, here),
        )
        return TakenOver(read, notes, joined, tag_lists, tuple(left))

    def close(self) -> None:
        """Let the file go; a change after this opens it again."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # The file.

    def _show_note(self, brief_id: str, note: str) -> None:
        if note:
            self.notes[brief_id] = note
        else:
            self.notes.pop(brief_id, None)

    def _remember_tags(self, brief_id: str, tags: tuple[str, ...]) -> None:
        if not tags:
            return
        self.tags[brief_id] = tags
        for tag in tags:
            folded = fold_tag(tag)
            self._tag_names.setdefault(folded, tag)
            self._tagged.setdefault(folded, set()).add(brief_id)

    def _spelling_elsewhere(self, brief_id: str, tag: str) -> str | None:
        """How ``tag`` is spelt on the briefs other than ``brief_id`` that have it, if any do."""
        folded = fold_tag(tag)
        if self._tagged.get(folded, set()) - {brief_id}:
            return self._tag_names.get(folded)
        return None

    def _forget_tags(self, brief_id: str) -> None:
        for tag in self.tags.pop(brief_id, ()):
            folded = fold_tag(tag)
            ids = self._tagged.get(folded)
            if ids is not None:
                ids.discard(brief_id)
                if not ids:
                    # A tag no brief has any more may be spelt anew.
                    del self._tagged[folded]
                    self._tag_names.pop(folded, None)

    def _load(self) -> None:
        """Read the corpus's annotations, setting aside a file that is not a database of them."""
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            return  # no file yet: made when one is first written
        except OSError as error:
            # A state folder that is a file, or that may not be entered: the notes it may hold
            # cannot be read, which is not the same as there being none.
            reason = unusable_reason(self.folder) or error.strerror or str(error)
            self.read_error = f"Cannot read notes file {self.path} ({reason})"
            self._tell(self.read_error)
            if not isinstance(error, NotADirectoryError):  # a file in the way holds no notes
                # Notes may be there, out of reach: nothing is written over them this session.
                self._newer_format = self.read_error
                self.save_error = self._cannot_save(reason, of_the_folder=True)
            return
        if not stat.S_ISREG(mode):
            # A folder, or a pipe SQLite would wait on forever: left as it is, never written.
            self.read_error = f"Notes file {self.path} {not_a_file(mode)}"
            self._newer_format = self.read_error
            self.save_error = self._cannot_save("the notes file there is not a file")
            self._tell(self.read_error)
            return
        try:
            self._read_file()
        except sqlite3.DatabaseError as error:
            self._clear()
            self.close()
            if not _not_ours(error):
                # Locked too long by another copy, or a folder that cannot be read: the file may
                # be sound, so it is left alone, and nothing is written over it this session.
                in_the_way = self.in_the_way = self._folder_beside()
                reason = f"{in_the_way.name} is a folder" if in_the_way else _describe(error)
                self.read_error = f"Cannot read notes file {self.path} ({reason})"
                self._newer_format = self.read_error
                self.save_error = self._cannot_save(
                    "the file there cannot be read", in_the_way=in_the_way
                )
                self._tell(self.read_error)
                return
            # Not a database, damaged, or not one of ours: kept whole for the user to look at.
            if self._set_aside_unreadable:
                self._set_aside(_describe(error))
                return
            self.read_error = f"Notes file {self.path} cannot be read ({_describe(error)})"
            self.set_aside_by_the_reader = True
            self._newer_format = self.read_error  # never written over
            self.save_error = self._cannot_save("the file there cannot be read")
            self._tell(self.read_error)

    def _read_file(self) -> None:
        try:
            connection = self._open(create=False)
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.OperationalError:
            if not unusable_reason(self.folder):
                raise
            # A file in WAL mode, in a folder that cannot be written, opens only as a file that
            # nothing changes meanwhile.
            self.close()
            connection = self._open(create=False, immutable=True)
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if version > FORMAT_VERSION:
            self._newer_format = (
                f"Notes, tags and read marks in {self.path} are of format {version}, from a newer"
                " briefing; changes are kept for this session only"
            )
            self.save_error = self._newer_format
            self._tell(self._newer_format)
            with contextlib.suppress(sqlite3.DatabaseError):
                self._read_rows(connection)
            self.close()  # never written: nothing more to ask of it
            return
        if version == 0 and not tables:
            return  # an empty database: made ours at the first change
        if version < 1 or not all(
            table in tables and columns <= _columns(connection, table)
            for table, columns in _COLUMNS.items()
        ):
            raise _NotOurs("it is not a file of notes and read briefs")
        self._read_rows(connection)

    def _read_rows(self, connection: sqlite3.Connection) -> None:
        rows = connection.execute(
            "SELECT brief, read, note FROM briefs WHERE corpus = ?", (self.corpus,)
        )
        for brief, read, note in rows:
            if not isinstance(brief, str):
                continue
            if read:
                self.read.add(brief)
            if isinstance(note, str) and note:
                self.notes[brief] = note
        with contextlib.suppress(sqlite3.OperationalError):  # a file made before the table
            rows = connection.execute(
                "SELECT brief FROM kept_unread WHERE corpus = ?", (self.corpus,)
            )
            self.kept_unread.update(brief for (brief,) in rows if isinstance(brief, str))
        self.kept_unread -= self.read
        tags: dict[str, list[str]] = {}
        rows = connection.execute(
            "SELECT brief, tag FROM tags WHERE corpus = ? ORDER BY brief, position", (self.corpus,)
        )
        for brief, tag in rows:
            if isinstance(brief, str) and isinstance(tag, str):
                tags.setdefault(brief, []).append(tag)
        for brief, given in tags.items():
            with contextlib.suppress(AnnotationError):
                self._remember_tags(brief, check_tags(given))

    def _clear(self) -> None:
        self.read.clear()
        self.kept_unread.clear()
        self.notes.clear()
        self.tags.clear()
        self._tag_names.clear()
        self._tagged.clear()

    def _open(self, *, create: bool, immutable: bool = False) -> sqlite3.Connection:
        """The connection to the file, opened once; made with the tables when ``create``."""
        if self._connection is None:
            if create:
                self.folder.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, isolation_level=None)
            else:
                # Opened to read: a missing file is not made, and a read-only folder is read.
                mode = "immutable=1" if immutable else "mode=ro"
                if not unusable_reason(self.folder):
                    mode = "mode=rw"
                uri = f"{self.path.resolve().as_uri()}?{mode}"
                connection = sqlite3.connect(uri, uri=True, isolation_level=None)
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # In WAL mode a commit then waits for no disk flush; a crash of the machine may lose
            # the last marks made, never the file.
            connection.execute("PRAGMA synchronous = NORMAL")
            self._connection = connection
            self._opened = file_identity(self.path)
        connection = self._connection
        if create and int(connection.execute("PRAGMA user_version").fetchone()[0]) == 0:
            connection.execute("PRAGMA journal_mode = WAL")
            with _transaction(connection):
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        return connection

    def _save(self, brief_id: str, part: _Part) -> None:
        """Write ``part`` of what is kept about ``brief_id``, and anything that could not be
        saved before."""
        self._unsaved.add((brief_id, part))
        self.save_again()

    def save_again(self, *, wait: bool = True) -> None:
        """Write what could not be saved before, as the next change would: what kept it out
        of the file (another program's lock, a folder that could not be written) may be gone.

        ``wait``: whether to wait, as a change does, up to :data:`BUSY_TIMEOUT_MS` for another
        program's transaction; a try made in the background does not, holding up no key."""
        if not self.waits_to_save:
            return
        if self._opened is not None and file_identity(self.path) != self._opened:
            # The file was moved, deleted or replaced while the reader ran (the state folder
            # moved away, say): the connection would write where the next start never looks.
            # Everything kept goes into the file at the path.
            self.close()
            self._opened = None
            self._unsaved |= self._everything()
        try:
            connection = self._open(create=True)
            if not wait:
                connection.execute("PRAGMA busy_timeout = 0")
            with _transaction(connection):
                if any(part == "read" for _, part in self._unsaved):
                    connection.execute(_KEPT_UNREAD_TABLE)  # a file made before it has none
                for changed, changed_part in sorted(self._unsaved):
                    self._write(connection, changed, changed_part)
            if not wait:
                connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except (sqlite3.DatabaseError, OSError) as error:
            self.close()
            # The folder's own reason, when it has one, rather than the error it led to: the
            # same problem is then told in the same words, once.
            folder_reason = unusable_reason(self.folder)
            reason = folder_reason or (
                _describe(error) if isinstance(error, sqlite3.Error) else str(error)
            )
            in_the_way = None if folder_reason else self._folder_beside()
            if in_the_way is not None:  # SQLite's words for it name no file
                reason = f"{in_the_way.name} is a folder"
            self.save_error = self._cannot_save(
                reason, of_the_folder=folder_reason is not None, in_the_way=in_the_way
            )
            return
        self._unsaved.clear()
        self._note_edited_from.clear()
        self._tags_edited_from.clear()
        self.save_error = None

    def _folder_beside(self) -> Path | None:
        """A folder where SQLite keeps a file beside the notes file while it writes (its
        journal, its shared memory), which it cannot make for it; None when there is none."""
        for suffix in ("-journal", "-wal", "-shm"):
            beside = self.path.with_name(self.path.name + suffix)
            if beside.is_dir():
                return beside
        return None

    def _everything(self) -> set[tuple[str, _Part]]:
        """Every brief's read mark, note and tags, as changes to write."""
        return (
            {(brief_id, "read") for brief_id in self.read | self.kept_unread}
            | {(brief_id, "note") for brief_id in self.notes}
            | {(brief_id, "tags") for brief_id in self.tags}
        )

    def _write(self, connection: sqlite3.Connection, brief_id: str, part: _Part) -> None:
        """Write ``part`` of what is kept about ``brief_id``, leaving the rest of its row as
        the file has it (another copy may have changed it)."""
        key = (self.corpus, brief_id)
        if part == "note" and brief_id in self._note_edited_from:
            self._keep_note_saved_meanwhile(connection, brief_id)
        if part == "tags" and brief_id in self._tags_edited_from:
            self._keep_tags_saved_meanwhile(connection, brief_id)
        if part == "tags":
            connection.execute("DELETE FROM tags WHERE corpus = ? AND brief = ?", key)
            connection.executemany(
                "INSERT INTO tags (corpus, brief, position, tag) VALUES (?, ?, ?, ?)",
                [(*key, n, tag) for n, tag in enumerate(self.tags.get(brief_id, ()))],
            )
            return
        value: int | str = int(brief_id in self.read)
        if part == "read":
            connection.execute("DELETE FROM kept_unread WHERE corpus = ? AND brief = ?", key)
            if brief_id in self.kept_unread:
                connection.execute("INSERT INTO kept_unread (corpus, brief) VALUES (?, ?)", key)
        if part == "note":
            value = self.notes.get(brief_id, "")
        connection.execute(
            f"INSERT INTO briefs (corpus, brief, {part}) VALUES (?, ?, ?)"
            f" ON CONFLICT (corpus, brief) DO UPDATE SET {part} = excluded.{part}",
            (*key, value),
        )
        # A row neither read nor noted holds nothing.
        connection.execute(
            "DELETE FROM briefs WHERE corpus = ? AND brief = ? AND read = 0 AND note = ''", key
        )

    def _keep_note_saved_meanwhile(self, connection: sqlite3.Connection, brief_id: str) -> None:
        """Join to the note of ``brief_id`` the one another copy saved since the user began to
        edit it: read in the transaction that writes it, so that no third can come between."""
        row = connection.execute(
            "SELECT note FROM briefs WHERE corpus = ? AND brief = ?", (self.corpus, brief_id)
        ).fetchone()
        stored = row[0] if row is not None and isinstance(row[0], str) else ""
        note = self.notes.get(brief_id, "")
        began = self._note_edited_from[brief_id]
        if stored == "" and began and note:
            # Removed there: this one is written all the same, and the user told, lest the
            # other window's removal be undone without a word.
            self._note_edited_from[brief_id] = stored
            self._tell(
                f"The note on {brief_id} was removed in another window since you opened it:"
                " yours is kept"
            )
            return
        # One saved there as this one is, or removed where this one is removed too: no change.
        if stored in ("", note, began):
            return
        # Over the length a note is typed to, rather than dropping either: the dialog asks
        # for it to be shortened at the next edit.
        self._show_note(brief_id, f"{note}{NOTES_JOINED_BY}{stored}" if note else stored)
        # Joined now: written again after a failed transaction, it is not joined twice.
        self._note_edited_from[brief_id] = stored
        kept = "both are kept, yours first" if note else "it is kept, not removed"
        self._tell(
            f"The note on {brief_id} was changed in another window since you opened it: {kept}"
        )

    def _keep_tags_saved_meanwhile(self, connection: sqlite3.Connection, brief_id: str) -> None:
        """Make the tags of ``brief_id`` those the user gave, with the changes another copy
        saved since the user began to edit them (tags added there kept, tags removed there not):
        read in the transaction that writes them."""
        rows = connection.execute(
            "SELECT tag FROM tags WHERE corpus = ? AND brief = ? ORDER BY position",
            (self.corpus, brief_id),
        ).fetchall()
        try:
            stored = check_tags(tag for (tag,) in rows if isinstance(tag, str))
        except AnnotationError:
            return  # not tags this reader wrote: replaced as they would be without a dialog
        began = self._tags_edited_from[brief_id]
        given = self.tags.get(brief_id, ())
        if _folded(stored) in (_folded(began), _folded(given)):
            return
        removed_there = set(_folded(began)) - set(_folded(stored))
        kept = [tag for tag in given if fold_tag(tag) not in removed_there]
        known = set(_folded(began)) | set(_folded(given))
        kept += [tag for tag in stored if fold_tag(tag) not in known]
        left_out = kept[MAX_TAGS:]
        self._forget_tags(brief_id)
        self._remember_tags(brief_id, tuple(kept[:MAX_TAGS]))
        self._tags_edited_from[brief_id] = stored
        notice = (
            f"The tags of {brief_id} were changed in another window since you opened them:"
            f" the changes of both are kept ({', '.join(kept[:MAX_TAGS]) or 'no tags'})"
        )
        if left_out:
            notice += f"; left out, past {MAX_TAGS} tags: {', '.join(left_out)}"
        self._tell(notice)

    def _set_aside(self, complaint: str) -> None:
        try:
            aside = set_aside(self.path)
        except OSError as error:
            self.read_error = (
                f"Notes file {self.path} cannot be read ({complaint}) nor set aside"
                f" ({error.strerror or error})"
            )
            self._newer_format = self.read_error  # never written over: it may still be the user's
            self.save_error = self._cannot_save("the file there cannot be read")
            self._tell(self.read_error)
            return
        # What SQLite kept beside the file belongs to it: set aside with it, or dropped.
        for suffix in ("-wal", "-journal"):
            beside = self.path.with_name(self.path.name + suffix)
            if beside.exists():
                with contextlib.suppress(OSError):
                    beside.replace(aside.with_name(aside.name + suffix))
        with contextlib.suppress(OSError):
            self.path.with_name(self.path.name + "-shm").unlink(missing_ok=True)
        self._tell(
            f"Notes file {self.path} could not be read ({complaint}); it was kept as {aside}, and"
            " a new one started. To have back the notes, tags and read marks it held, mend that"
            " copy and put it in the new one's place while briefing is closed; else delete it"
        )

    def _cannot_save(
        self, reason: str, *, of_the_folder: bool = False, in_the_way: Path | None = None
    ) -> str:
        return cannot_save(
            "Notes, tags and read marks",
            self.folder,
            reason,
            of_the_folder=of_the_folder,
            in_the_way=in_the_way,
        )

    def _tell(self, notice: str) -> None:
        if notice not in self.notices:
            self.notices.append(notice)


class TakenOver(NamedTuple):
    """What :meth:`Annotations.take_over` made this corpus's."""

    read: int
    """Briefs marked read there and not here."""
    notes: int
    """Notes this corpus did not have as they are."""
    notes_joined: int
    """Notes joined to one this corpus had for the brief."""
    tag_lists: int
    tags_left: tuple[tuple[str, tuple[str, ...]], ...]
    """The briefs whose tags stay under the other folder, with those tags: with this corpus's,
    too many."""


class AnnotationMarks:
    """The user's marks as a query asks for them (:class:`tui.core.search.UserMarks`): the ids
    of the annotations as they are now, and the bookmarked ids given."""

    def __init__(self, annotations: Annotations, bookmarked: Collection[str]) -> None:
        self._annotations = annotations
        self.bookmarked = bookmarked

    @property
    def read(self) -> Collection[str]:
        return self._annotations.read

    @property
    def noted(self) -> Collection[str]:
        return self._annotations.notes.keys()

    @property
    def tagged(self) -> Mapping[str, Collection[str]]:
        annotations = self._annotations
        return {annotations._tag_names[f]: ids for f, ids in annotations._tagged.items()}


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One short write transaction, taking the write lock at once, so that two copies never
    deadlock upgrading a read to a write."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


class _NotOurs(sqlite3.DatabaseError):
    """A database, but not one of notes and read briefs."""


def _folded(tags: Iterable[str]) -> list[str]:
    return [fold_tag(tag) for tag in tags]


def _columns(connection: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}


def _not_ours(error: sqlite3.DatabaseError) -> bool:
    """Whether ``error`` says the file is not a database of annotations (not a database,
    damaged, or its tables not ours), rather than that it could not be reached for now (locked
    by another copy, busy, a folder that cannot be read, a full disk). Told by SQLite's result
    code, not by its words, which change between versions; without a code (Python 3.10), the
    file is taken to be sound: its tables were checked as it was opened."""
    if not isinstance(error, sqlite3.OperationalError):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    # An extended code holds its primary one in its low byte.
    return code is not None and code & 0xFF == _SQLITE_ERROR


def _describe(error: sqlite3.Error) -> str:
    return str(error) or type(error).__name__


def _exists(path: Path) -> bool:
    """Whether ``path`` is there: not when it cannot even be looked at (a state folder that may
    not be entered), which :meth:`Path.exists` raises for."""
    return os.path.exists(path)
