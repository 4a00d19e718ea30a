"""Where a user's own state is kept (bookmarks, notes, read briefs, the layout), and what every
kind of it does alike: the folder, how a corpus is named in it, why the folder cannot be written,
and how a file that cannot be read is set aside, whole, for the user to look at."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path

from tui.core.corpus_path import folder_text

ENV_STATE_DIR = "BRIEFING_STATE_DIR"


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$BRIEFING_STATE_DIR``, else the user data folder for briefing."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_STATE_DIR):
        return Path(environ[ENV_STATE_DIR]).expanduser()
    from platformdirs import user_data_dir  # imported late: only needed without the variable

    return Path(user_data_dir("briefing", appauthor=False))


def corpus_key(root: Path) -> str:
    """The name a user's state about the corpus at ``root`` is kept under."""
    return folder_text(root)


def ids_kept(root: Path) -> frozenset[str]:
    """The ids of the corpus at ``root`` the user keeps something under, as the state folder
    holds them now: a note, tags, a bookmark, a read or unread mark. A new brief given one of
    them would show what was kept for another, whose id was changed. A file that cannot be read
    gives none, and is left as it is."""
    # Imported here: each kind of state imports this module.
    from tui.core.annotations import Annotations
    from tui.core.bookmarks import BookmarkStore

    try:
        folder, corpus = state_dir(), corpus_key(root)
        annotations = Annotations(folder, corpus, set_aside_unreadable=False)
        try:
            kept = set(annotations.read) | annotations.kept_unread
            kept |= annotations.notes.keys() | annotations.tags.keys()
        finally:
            annotations.close()
        return frozenset(kept | BookmarkStore(folder, corpus, set_aside_unreadable=False).ids)
    except (OSError, RuntimeError, sqlite3.Error):
        # A state folder that cannot even be looked at (a parent without permission, no home
        # folder): an article is added all the same, as it was before ids were checked.
        return frozenset()


def cannot_save(
    what: str, folder: Path, reason: str, *, of_the_folder: bool, in_the_way: Path | None = None
) -> str:
    """What the user is told when ``what`` (bookmarks, notes) cannot be saved in ``folder``,
    for ``reason``; when that is the folder's own (``of_the_folder``, :func:`unusable_reason`
    gave it), or a folder ``in_the_way`` where briefing keeps a file beside them (a lock),
    what to do about it too. Other reasons (another copy's lock) say what is wrong themselves."""
    told = f"{what} cannot be saved in {folder} ({reason}); kept for now"
    if of_the_folder:
        return (
            f"{told}. To save them, make that a folder you can write to, or set {ENV_STATE_DIR}"
            " to another"
        )
    if in_the_way is not None:
        return (
            f"{told}. To save them, delete or rename the folder {in_the_way}: briefing keeps a"
            " file of its own there"
        )
    return told


def unusable_reason(folder: Path) -> str | None:
    """Why files could not be written in ``folder`` (which may not exist yet), else None."""
    candidate = folder
    while not candidate.exists():
        if candidate.is_symlink() or candidate.parent == candidate:
            return "the folder cannot be created"
        candidate = candidate.parent
    if not candidate.is_dir():
        return f"{candidate} is a file, not a folder"
    if not os.access(candidate, os.W_OK | os.X_OK):
        return "no permission to write there"
    return None


def aside_path(path: Path) -> Path:
    """A new name for the unreadable file ``path``: the time, and a number if that is taken."""
    stem = f"{path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}"
    aside = path.with_name(stem)
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{stem}-{number}")
    return aside


def set_aside(path: Path) -> Path:
    """Rename the unreadable file ``path`` to :func:`aside_path`'s name and return it; raises
    :class:`OSError` when it cannot be renamed."""
    aside = aside_path(path)
    os.replace(path, aside)
    return aside
