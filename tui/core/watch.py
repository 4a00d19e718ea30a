"""Telling when the files of a corpus change on disk: a brief or an article written, added or
deleted, by an editor, by ``briefing add`` or by a copy from elsewhere.

The operating system reports the changes (inotify, FSEvents, ReadDirectoryChangesW, through
watchfiles), so that watching costs nothing while nothing changes, whatever the corpus's size.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from tui.core.corpus_path import is_brief_name

WATCHED_FOLDERS = ("briefs", "seeds")
SETTLE_MS = 300
"""How long the folders must be quiet before a batch of changes is told: an editor's save, or a
copy of many files, is one batch rather than one per file."""
FOLDER_CHECK_S = 1.0
"""How often the folders themselves are looked at: one deleted, replaced by another (a sync
tool's copy moved into place) or made since is watched anew."""


def _corpus_path(path: Path, root: Path) -> str | None:
    """``path`` relative to ``root`` (``briefs/x.yaml``) when it is one the corpus reads: a
    brief directly in ``briefs/``, or an article anywhere under ``seeds/``; else None. Names
    starting with a dot are editors' lock, swap and backup files, which the corpus does not
    read either."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return None
    parts = relative.parts
    if len(parts) < 2 or any(part.startswith(".") for part in parts):
        return None
    if parts[0] == "briefs":
        return relative.as_posix() if len(parts) == 2 and is_brief_name(parts[1]) else None
    return relative.as_posix() if parts[0] == "seeds" else None


def _folders(root: Path) -> dict[str, tuple[int, int, int]]:
    """The watched folders of ``root`` there are now, each with what tells it from another one
    put in its place (its device and inode), and its permissions: a folder that could not be
    listed and now can be (or the other way) is told, though no file in it changed."""
    found = {}
    for name in WATCHED_FOLDERS:
        try:
            info = os.stat(root / name)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            found[name] = (info.st_dev, info.st_ino, info.st_mode)
    return found


def corpus_changes(root: Path, stop: threading.Event) -> Iterator[frozenset[str]]:
    """Each batch of changed corpus files, as paths relative to ``root`` (``briefs/x.yaml``),
    until ``stop`` is set.

    Blocks between batches; meant for a thread of its own. The folders are taken as they are
    when this is called: one made, deleted or replaced since is told by its name (``briefs``)
    and watched anew, and the corpus folder itself may go and come back. Files are watched from
    the first iteration on: a change made before is not told.
    """
    return _changes(root, stop, _folders(root))


def _changes(
    root: Path, stop: threading.Event, folders: dict[str, tuple[int, int, int]]
) -> Iterator[frozenset[str]]:
    from watchfiles import watch  # its native part loads only when a corpus is watched

    resolved = root.resolve()
    # Articles may be in folders of their own under seeds/, which a recursive watch follows,
    # links among them. One that cannot be watched whole (a link to /proc) fails it.
    recursive = True
    while not stop.is_set():
        if folders:
            paths = [root / name for name in folders] if recursive else _unlinked(root, folders)
            try:
                for batch in watch(
                    *paths,
                    watch_filter=None,
                    debounce=SETTLE_MS,
                    step=50,
                    stop_event=stop,
                    rust_timeout=int(FOLDER_CHECK_S * 1000),
                    yield_on_timeout=True,
                    recursive=recursive,
                    raise_interrupt=False,
                ):
                    told = (_corpus_path(Path(path).resolve(), resolved) for _, path in batch)
                    changed = frozenset(path for path in told if path is not None)
                    if changed:
                        yield changed
                    if _folders(root) != folders:
                        break
            except UnicodeEncodeError:
                return  # a folder name that is not UTF-8, which watchfiles cannot watch
            except (OSError, RuntimeError):
                if recursive:
                    # Watched again at once, each folder on its own, without following links:
                    # an article behind a link out of seeds/ is refused anyway.
                    recursive = False
                    continue
                # A folder deleted or unmounted under the watcher, or one it may not watch:
                # looked at again in a moment.
                if stop.wait(FOLDER_CHECK_S):
                    return
        elif stop.wait(FOLDER_CHECK_S):
            return
        now = _folders(root)
        changed = frozenset(name for name in WATCHED_FOLDERS if now.get(name) != folders.get(name))
        if changed and not stop.is_set():
            yield changed
            recursive = True  # folders put in the place of others: tried whole again
        folders = now


def _unlinked(root: Path, folders: Iterable[str]) -> list[Path]:
    """The watched ``folders`` of ``root`` and every folder under them that is no link, nor
    under one, nor hidden: each is watched on its own."""
    found = []
    for name in folders:
        for folder, subfolders, _ in os.walk(root / name):  # links are not followed
            subfolders[:] = [sub for sub in subfolders if not sub.startswith(".")]
            found.append(Path(folder))
    return found
