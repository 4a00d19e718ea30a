"""Keeping the reader's corpus up to date with its files.

Opening a corpus takes two steps. The first frame shows the corpus as its index last saw it
(:func:`tui.core.store.peek_corpus`, milliseconds whatever its size); the index is brought up to
date in a thread meanwhile, and the corpus it gives then replaces the first when anything
changed. Without an index (a first start), the reader says how many brief files have been read
so far, and shows the briefs read so far each time the index has placed more of them in the
list (:class:`CorpusListed`). Afterwards a thread watches the corpus's files, and every change
brings the index up to date again.

:class:`CorpusLoading` does the reading and the watching for a screen, and posts to it what
happens; the screen decides what to show.
"""

from __future__ import annotations

import functools
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from tui.core.model import Corpus, Entries

PROGRESS_INTERVAL = 0.1
"""Seconds between two reports of how many brief files have been read while a corpus loads, and
before the first."""


class LoadProgress(Message):
    """How many of the corpus's brief files have been read (posted from the loading thread)."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    @property
    def counts(self) -> str:
        """``1,200 / 10,000``."""
        return f"{self.done:,} / {self.total:,}"


class CorpusListed(Message):
    """More of the briefs read so far by a first build can be shown: :meth:`CorpusLoading.peek`
    gives them (posted from the loading thread)."""


class CorpusChanged(Message):
    """Files of the corpus changed on disk (posted from the watching thread)."""

    def __init__(self, paths: frozenset[str]) -> None:
        super().__init__()
        self.paths = paths
        """The changed files, relative to the corpus folder."""


class IndexDamaged(Message):
    """The corpus shown found its index damaged (posted from any thread): it answers from the
    files as far as it can until the index is built again."""

    def __init__(self, entries: Entries) -> None:
        super().__init__()
        self.entries = entries
        """The entries that found the damage."""


class _LoadCancelled(Exception):
    """The screen went away while its corpus was loading: stop reading brief files."""


class CorpusLoading:
    """The reading of the corpus at ``root`` for ``screen``: a first look at its index, then the
    index brought up to date, at the start and whenever the files change.

    ``screen`` is posted :class:`LoadProgress`, :class:`CorpusListed` and :class:`CorpusChanged`,
    and sees the reading's worker end; it hands that event to :meth:`finished` for the corpus
    read.
    """

    def __init__(self, screen: Screen[Any], root: Path) -> None:
        self._screen = screen
        self.root = root
        self.up_to_date = False
        """Whether the last corpus given is the index brought up to date with the files, as
        opposed to the index as it was when the reader opened."""
        self._worker: Worker[Corpus] | None = None
        self._damaged: Entries | None = None
        """The entries that found the index damaged, until a reading has built it anew: a
        reading asked for meanwhile (a file changed) replaces the one under way, and must build
        it anew in its place."""
        self._stop_watching = threading.Event()
        self._changed_while_reading = False
        self._told_notice: str | None = None
        self._to_renew: weakref.ref[Entries] | None = None
        """The entries last asked to renew their snapshot, until a thread does."""
        self._renewing = False
        """Whether a thread is renewing entries; it renews the last asked for before it ends."""
        self._renew_lock = threading.Lock()

    def peek(self) -> Corpus | None:
        """The corpus as its index last saw it; None when there is no index to show yet."""
        from tui.core.store import peek_corpus

        corpus = peek_corpus(self.root)
        return None if corpus is None else self._told_of_damage(corpus)

    def start(self) -> None:
        """Bring the index up to date, and watch the files from now on."""
        self.read()
        self._watch()

    def read(self, *, damaged: Entries | None = None) -> None:
        """Bring the index up to date with the files, in a thread.

        Through the index, which reads again only the files that changed. For ``damaged``,
        entries that found their index damaged, every file is read again into an index made
        anew: its progress and the briefs read so far are then shown, as a first start's are.
        A reading asked for while another runs replaces it. Imported here rather than by the
        reading thread, where the import would wait on the screen for Python's lock.
        """
        from tui.core.store import open_corpus

        if damaged is not None:
            self.up_to_date = False
            self._damaged = damaged
        damaged = self._damaged
        self._worker = self._screen.run_worker(
            lambda: self._read(functools.partial(open_corpus, damaged=damaged)),
            name="corpus",
            group="corpus",
            thread=True,
            exclusive=True,
        )

    def _read(self, open_corpus: Callable[..., Corpus]) -> Corpus:
        worker = get_current_worker()
        # A reading over within the interval says nothing: redrawing would only slow it down.
        reported = time.monotonic()

        def progress(done: int, total: int) -> None:
            nonlocal reported
            if worker.is_cancelled:
                raise _LoadCancelled  # the app is closing: it need not wait for every file
            now = time.monotonic()
            if now - reported >= PROGRESS_INTERVAL:
                reported = now
                self._screen.post_message(LoadProgress(done, total))

        def listed() -> None:
            self._screen.post_message(CorpusListed())

        return open_corpus(self.root, progress=progress, listed=listed)

    def finished(self, event: Worker.StateChanged) -> Corpus | None:
        """The corpus read, when ``event`` says the reading is done; else None."""
        if event.worker is not self._worker or event.state is not WorkerState.SUCCESS:
            return None
        result = event.worker.result
        assert isinstance(result, Corpus)
        self.up_to_date = True
        self._damaged = None  # built anew, if it was to be
        return self._told_of_damage(result)

    def _told_of_damage(self, corpus: Corpus) -> Corpus:
        """``corpus``, which posts :class:`IndexDamaged` to the screen if it finds its index
        damaged."""
        # Held weakly: entries holding the screen would keep their snapshot of the index, and
        # SQLite's journal, until the garbage collector found them.
        loading = weakref.ref(self)
        entries = weakref.ref(corpus.entries)

        def tell() -> None:
            this, found = loading(), entries()
            if this is not None and found is not None:
                this._screen.post_message(IndexDamaged(found))

        corpus.entries.on_damage(tell)
        return corpus

    def let_journal_go(self, corpus: Corpus) -> None:
        """Have ``corpus`` read a later snapshot of its index when that shows the same, so that
        SQLite can empty its journal (see :meth:`tui.core.model.Entries.renew`).

        Asked for as the index is written: while a first build goes on, the snapshot the list
        shows would keep the journal growing by every page written. In a thread, as copying
        the journal into the index waits for the disk; one at a time.
        """
        with self._renew_lock:
            # Held weakly: entries kept for renewing would keep their snapshot, and the
            # journal, after the screen has let them go.
            self._to_renew = weakref.ref(corpus.entries)
            if self._renewing:
                return
            self._renewing = True
        # A journal left as it was costs disk, not what the user reads: it does not end the app.
        self._screen.run_worker(
            self._renew, name="journal", group="journal", thread=True, exit_on_error=False
        )

    def _renew(self) -> None:
        done = False
        try:
            while not done:
                with self._renew_lock:
                    asked, self._to_renew = self._to_renew, None
                    # Said under the lock: an ask made after it starts a thread of its own.
                    done = asked is None
                    self._renewing = not done
                entries = asked() if asked is not None else None
                if entries is not None:
                    entries.renew()
        finally:
            if not done:  # ended by an error: the next ask starts a thread again
                with self._renew_lock:
                    self._renewing = False

    def notice_to_tell(self, corpus: Corpus) -> str | None:
        """What the user should hear about how ``corpus`` was read, the first time it is said."""
        if not corpus.notice or corpus.notice == self._told_notice:
            return None
        self._told_notice = corpus.notice
        return f"{corpus.notice.capitalize()}."

    def changed(self) -> None:
        """Files changed on disk: read them, once the first reading is done."""
        if self.up_to_date:
            self.read()
        else:
            # The first reading may have read the files before they changed: read again after.
            self._changed_while_reading = True

    def read_again_if_changed(self) -> None:
        """Read again what changed during the first reading, once its corpus is shown."""
        if self._changed_while_reading and self.up_to_date:
            self._changed_while_reading = False
            self.read()

    def _watch(self) -> None:
        """Watch the corpus's files from a thread of its own, until :meth:`stop`.

        A plain thread rather than a worker: it runs as long as the screen does, and workers
        are what waiting for the app to be done with its work waits for.
        """

        from tui.core.watch import corpus_changes

        # The folders as they are now: one made or replaced before the thread starts is told.
        changes = corpus_changes(self.root, self._stop_watching)

        def watch() -> None:
            for paths in changes:
                self._screen.post_message(CorpusChanged(paths))

        threading.Thread(target=watch, name="corpus-watch", daemon=True).start()

    def stop(self) -> None:
        """Stop watching the files."""
        self._stop_watching.set()
