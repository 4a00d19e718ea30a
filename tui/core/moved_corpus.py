"""A corpus folder moved or renamed, and the user's state left under its old name.

Bookmarks, notes, tags and read marks are kept per corpus folder (:func:`corpus_key`), so a corpus
moved or renamed finds none of them under its new folder. The folders they were left under are
told apart from other corpora by the briefs they share with the corpus opened, and what is kept
under one is brought over to it on the user's word (`briefing moved`).
"""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
from collections.abc import Collection, Container, Iterable
from pathlib import Path
from typing import NamedTuple

from tui.core.annotations import AnnotationError, Annotations, TakenOver
from tui.core.bookmarks import BookmarkStore
from tui.core.corpus_path import folder_text, is_brief_name
from tui.core.text import plural
from tui.core.userstate import corpus_key, state_dir


class LeftBehind(NamedTuple):
    """Another corpus folder the state keeps something for, sharing briefs with this corpus."""

    folder: str
    """The folder as the state names it (:func:`tui.core.corpus_path.folder_text`)."""
    gone: bool
    """Whether it no longer holds most of the briefs kept for it: moved, renamed, deleted, or
    another corpus made in its place."""
    kept: int
    """How many briefs something is kept for there."""
    here: int
    """How many of them are briefs of this corpus."""
    there: bool = False
    """Whether the folder is there, a corpus's (with its ``briefs`` folder): where it is
    :attr:`gone`, another corpus was begun in its place or the briefs were taken out of it."""

    @property
    def movable(self) -> bool:
        """Whether this corpus may have been moved from there: the folder is gone, and most of
        the briefs something is kept for there are this corpus's, where another corpus shares
        only some of them (the briefs that come with briefing, say)."""
        return self.gone and self.here * 2 > self.kept

    def described(self) -> str:
        """What is kept there, in the words of a line: ``/old: notes, … of 12 briefs, …``."""
        if not self.gone:
            where = "the folder still holds them"
        elif self.there:
            where = "the folder no longer holds them"
        else:
            where = "the folder is gone"
        return (
            f"{self.folder}: notes, tags, bookmarks or read marks of {plural(self.kept, 'brief')},"
            f" {self.here:,} of them in this corpus; {where}"
        )


class CannotBringOver(Exception):
    """What is kept under a folder cannot be brought over or let go; the message says why."""


def left_behind(root: Path, ids_here: Container[str]) -> list[LeftBehind]:
    """The other corpus folders the user's state keeps something for, of whose briefs the corpus
    at ``root`` (whose brief ids are ``ids_here``) has any: most shared first. Raises
    :class:`CannotBringOver` when the state cannot be read."""
    return [left for left, _ in _sharing(_kept_for_other_folders(root), ids_here)]


def _sharing(
    kept: dict[str, set[str]], ids_here: Container[str]
) -> list[tuple[LeftBehind, _Listing]]:
    """The folders of ``kept`` (ids by folder) with any of ``ids_here``, most shared first,
    each with the brief files it holds (:func:`_brief_names`), so that a folder is listed
    once."""
    found = []
    for other, ids in kept.items():
        here = sum(brief_id in ids_here for brief_id in ids)
        if here:
            listing = _brief_names(other)
            gone = not _holds_most(listing, ids)
            found.append((LeftBehind(other, gone, len(ids), here, listing.there), listing))
    return sorted(found, key=lambda pair: -pair[0].here)


def moved_from(root: Path, ids_here: Container[str]) -> LeftBehind | None:
    """The folder the corpus at ``root`` (whose brief ids are ``ids_here``) was most likely
    moved or renamed from (:attr:`LeftBehind.movable`), if any: one no longer there. A folder
    holding another corpus now, or its briefs taken out, is no sign of this one having moved,
    though what is kept for it may be brought over all the same."""
    found = left_behind(root, ids_here)
    return next((left for left in found if left.movable and not left.there), None)


def _kept_for_other_folders(root: Path) -> dict[str, set[str]]:
    """The ids something is kept for under each corpus folder of the state but ``root``; raises
    :class:`CannotBringOver`, saying why, when the state cannot be read."""
    folder, corpus = state_dir(), corpus_key(root)
    try:
        annotations = Annotations(folder, corpus, set_aside_unreadable=False)
        try:
            kept = annotations.kept_for_other_folders()
        finally:
            annotations.close()
        bookmarks = BookmarkStore(folder, corpus, set_aside_unreadable=False)
    except (OSError, sqlite3.Error) as error:  # a state folder that cannot even be looked at
        raise CannotBringOver(f"the state in {folder} cannot be read ({error})") from None
    for source in (annotations, bookmarks):
        if source.read_error:
            raise CannotBringOver(source.read_error)
    for other, ids in bookmarks.kept_for_other_folders().items():
        kept.setdefault(other, set()).update(ids)
    return kept


class BroughtOver(NamedTuple):
    """What :func:`bring_over` made the corpus's."""

    annotations: TakenOver
    bookmarks: int
    """Bookmarks the corpus did not have."""

    def described(self, folder: str) -> list[str]:
        """What was brought over from ``folder``, in lines to print."""
        taken = self.annotations
        joined = f" ({taken.notes_joined:,} joined to this corpus's)" if taken.notes_joined else ""
        parts = [
            f"{plural(taken.notes, 'note')}{joined}" if taken.notes else "",
            f"the tags of {plural(taken.tag_lists, 'brief')}" if taken.tag_lists else "",
            plural(taken.read, "read mark") if taken.read else "",
            plural(self.bookmarks, "bookmark") if self.bookmarks else "",
        ]
        said = [part for part in parts if part]
        listed = ", ".join(said[:-1]) + f" and {said[-1]}" if len(said) > 1 else "".join(said)
        lines = [f"Brought over from {folder}: {listed or 'nothing this corpus did not have'}"]
        for brief, tags in taken.tags_left:
            lines.append(
                f"Left under {folder}, as with this corpus's they would be more tags than a brief"
                f" may have: on {brief}, the tags {', '.join(tags)}. Give those you want again in"
                " the reader, then let the rest go with briefing moved --forget and the folder"
            )
        return lines


def bring_over(root: Path, given: str, ids_here: Container[str]) -> tuple[str, BroughtOver]:
    """Make what the user's state keeps under the corpus folder ``given`` (as typed, or as the
    state names it) the corpus at ``root``'s, whose brief ids are ``ids_here``; return the folder
    as the state names it, and what was brought. Raises :class:`CannotBringOver` for this
    corpus's own folder, one the corpus was not moved from (:attr:`LeftBehind.movable`), and
    state that cannot be written."""
    folder, corpus = state_dir(), corpus_key(root)
    _not_its_own(corpus, given, "give the folder the corpus was moved from")
    kept = _kept_for_other_folders(root)
    shared = {left.folder: (left, listing) for left, listing in _sharing(kept, ids_here)}
    named = next((name for name in _names_of(given) if name in shared), None)
    if named is None:
        raise CannotBringOver(_not_found(given, root, [left for left, _ in shared.values()]))
    left, listing = shared[named]
    if not left.gone:
        raise CannotBringOver(
            f"{named} still holds most of the briefs kept for it: what is kept for it stays"
            " with it. To move a corpus, move its folder first"
        )
    if not left.movable:
        raise CannotBringOver(
            f"only {left.here:,} of the {plural(left.kept, 'brief')} something is kept for"
            f" under {named} are in this corpus: it was another corpus, not this one moved"
        )
    # Not those of a corpus begun in the folder's place: they are its own.
    briefs = {brief_id for brief_id in kept[named] if brief_id in ids_here}
    briefs -= listing.names or set()
    annotations = Annotations(folder, corpus, set_aside_unreadable=False)
    try:
        taken = annotations.take_over(named, briefs)
    except AnnotationError as error:
        raise CannotBringOver(str(error)) from None
    except sqlite3.Error as error:
        raise CannotBringOver(
            f"Notes, tags and read marks in {annotations.path} cannot be written"
            f" ({error}); nothing was brought over"
        ) from None
    except OSError as error:
        raise CannotBringOver(
            f"Notes, tags and read marks cannot be written in {folder}"
            f" ({error.strerror or error}); nothing was brought over"
        ) from None
    finally:
        annotations.close()
    try:
        store = BookmarkStore(folder, corpus, set_aside_unreadable=False)
        bookmarks = store.take_over(named, briefs)
    except OSError as error:
        raise CannotBringOver(
            f"Notes, tags and read marks were brought over, but not the bookmarks"
            f" ({error.strerror or error}); run the command again once they can be saved"
        ) from None
    return named, BroughtOver(taken, bookmarks)


def let_go(root: Path, given: str) -> tuple[str, int]:
    """Forget what the user's state keeps under the corpus folder ``given`` (as typed, or as
    the state names it), a folder that is gone (a copy deleted on purpose, say); return the
    folder as the state names it, and for how many briefs something was kept. Raises
    :class:`CannotBringOver` for this corpus's own folder, a folder nothing is kept for, one
    that still holds most of its briefs, and state that cannot be written."""
    folder, corpus = state_dir(), corpus_key(root)
    # What is kept for this corpus is let go in the reader, brief by brief, never all at once.
    _not_its_own(
        corpus, given, "--forget lets go of what is kept for another folder, one that is gone"
    )
    kept = _kept_for_other_folders(root)
    named = next((name for name in _names_of(given) if name in kept), None)
    if named is None:
        raise CannotBringOver(f"nothing is kept for {given}")
    listing = _brief_names(named)
    if _holds_most(listing, kept[named]):
        raise CannotBringOver(
            f"{named} still holds most of the briefs kept for it: what is kept for it stays with it"
        )
    # Not those of a corpus begun in the folder's place: they are its own.
    briefs = kept[named] - (listing.names or set())
    annotations = Annotations(folder, corpus, set_aside_unreadable=False)
    try:
        annotations.let_go(named, briefs)
        store = BookmarkStore(folder, corpus, set_aside_unreadable=False)
        store.take_over(named, briefs, keep=False)
    except (AnnotationError, sqlite3.Error, OSError) as error:
        told = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise CannotBringOver(
            f"what is kept for {named} cannot be let go ({told}); run the command again once"
            f" the state in {folder} can be written"
        ) from None
    finally:
        annotations.close()
    return named, len(briefs)


def _not_its_own(corpus: str, given: str, what_to_give: str) -> None:
    if corpus in _names_of(given):
        raise CannotBringOver(f"{corpus} is this corpus's own folder: {what_to_give}")


def moved_command(root: Path, folder: str, *, forget: bool = False) -> str:
    """The command that brings what is kept for ``folder`` over to the corpus at ``root`` (or,
    ``forget``, lets it go), as it is typed in a shell."""
    option = " --forget" if forget else ""
    corpus = shlex.quote(str(root.absolute()))
    return f"briefing --corpus {corpus} moved{option} {shlex.quote(folder)}"


def _names_of(given: str) -> list[str]:
    """The names the state may keep the folder ``given`` under: as typed, and as the real path
    of what was typed (a folder that is gone is taken as it would be if it were there)."""
    return [given, folder_text(Path(given).expanduser())]


def _not_found(given: str, root: Path, shared: Iterable[LeftBehind]) -> str:
    told = f"nothing is kept for {given} that concerns briefs of {root.absolute()}"
    movable = [left.folder for left in shared if left.movable]
    if not movable:
        return f"{told}, nor for a folder this corpus may have been moved from"
    return f"{told}; it may have been moved from {', '.join(movable)} (see briefing moved)"


_ESCAPED_BYTE = re.compile(rb"\\x([0-9a-f]{2})")


class _Listing(NamedTuple):
    """What a folder the state names holds: whether it is there, a corpus's (with its
    ``briefs`` folder), and the names (without their suffix) of its brief files, None when it
    is there but cannot be read."""

    there: bool
    names: frozenset[str] | None


_NOT_THERE = _Listing(there=False, names=frozenset())


def _holds_most(listing: _Listing, ids: Collection[str]) -> bool:
    """Whether a folder with ``listing`` (:func:`_brief_names`) holds the brief files of most
    of ``ids``; so too a folder that is there but cannot be read, which may."""
    names = listing.names
    return names is None or sum(brief_id in names for brief_id in ids) * 2 > len(ids)


def _brief_names(folder: str) -> _Listing:
    """What the folder ``folder``, as the state names it, holds. A byte of its name that is
    not UTF-8 is named ``\\xNN`` (see :func:`tui.core.corpus_path.folder_text`): it is looked
    for both as written and with those bytes."""
    try:
        written = folder.encode("utf-8")
    except UnicodeError:  # half of a surrogate pair, from a file another program wrote
        return _NOT_THERE
    with_bytes = _ESCAPED_BYTE.sub(lambda found: bytes([int(found[1], 16)]), written)
    for name in dict.fromkeys((written, with_bytes)):
        if b"\x00" in name:
            continue  # no folder's name holds one
        briefs = os.path.join(name, b"briefs")
        try:
            with os.scandir(briefs) as files:
                return _Listing(
                    there=True,
                    names=frozenset(
                        os.path.splitext(os.fsdecode(entry.name))[0]
                        for entry in files
                        if is_brief_name(os.fsdecode(entry.name))
                    ),
                )
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:  # there, but not to be read: an unmounted drive's folder, say
            return _Listing(there=True, names=None)
    return _NOT_THERE
