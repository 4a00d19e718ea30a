"""The main screen: the article list, the brief and its original, and the state they show.

The screen owns what is current (article, fact), the filter, the bookmarks-only switch and the
briefs marked for export. Panes report what the user did with messages and the screen hands the
result back down; no pane looks at another. The screen composes and routes: keeping the corpus
up to date (:mod:`.loading`), the rows the filter shows (:mod:`.query`), what the title bar says
(:mod:`.header`) and the export (:mod:`tui.app.screens.export`) each have a home of their own.
A corpus read again replaces the one shown, the cursor staying on the same brief.

The first frame is the whole screen: the list, the first brief with its facts, its original
and the keys, from the corpus as its index last saw it. The index is brought up to date after
that frame (:mod:`.loading`).
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import gc
import importlib
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple, cast

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.reactive import Reactive, var
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from tui.app.actions import (
    IN_ORDER,
    OFF_WHILE_TYPING,
    PANE_PLACES,
    SPARE,
    PanePlace,
    bindings_of,
    in_palette,
)
from tui.app.reader.header import SEPARATOR, SummaryPart, reading_summary, summary_parts
from tui.app.reader.loading import (
    CorpusChanged,
    CorpusListed,
    CorpusLoading,
    IndexDamaged,
    LoadProgress,
)
from tui.app.reader.query import ListQuery, empty_notice, rows_query
from tui.app.screens._breakpoints import breakpoint_classes
from tui.app.typed_ahead import TakesKeysOnceMounted
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.brief_view import BriefView
from tui.app.widgets.filter_input import FilterInput
from tui.app.widgets.key_footer import KeyFooter
from tui.app.widgets.title_bar import TitleBar
from tui.core.annotations import Annotation, Annotations
from tui.core.bookmarks import BookmarkStore
from tui.core.layout import PANES, PaneLayout, read_layout, save_layout
from tui.core.search import (
    MAX_TERMS,
    QUOTED_WORDS_NOTE,
    MarkKind,
    Marks,
    UserMarks,
    parse_query,
    read_as_words_note,
    terms_held,
    unsearched_note,
    value_lists_note,
    without_value_note,
)
from tui.core.text import plural
from tui.core.userstate import corpus_key, state_dir

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable
    from typing import Any

    from textual.app import App
    from textual.timer import Timer

    from tui.app.app import BriefingApp
    from tui.app.screens.facets import FacetDialog, FacetRequest
    from tui.core.drafting.adding import Outcome
    from tui.core.model import Brief, Corpus, Entries, Entry
    from tui.core.review import ReviewEdit


# A named tuple, which takes a fraction of the time a frozen dataclass does to define: this
# module is imported at every start.
class Command(NamedTuple):
    """An action of the screen as the command palette offers it now."""

    title: str
    help: str
    action: str
    words: str = ""
    """Other words that find it in the palette (see :attr:`tui.app.actions.Action.words`)."""


SYNC_READ_LIMIT = 128 * 1024
"""Articles up to this many bytes are read at once, so that the original pane shows the new
article in the same frame as the brief; longer ones are read in a thread."""

LIST_MIN_WIDTH = 30
"""The least width of the list beside the brief: a row's second line shows its date and
language whole, a draft's mark before them ("draft · 2025-03-14 · es"), inside the border."""
DETAIL_PANE_MIN_WIDTH = 30
"""The least width a list widened with ] leaves the brief, and the original beside it: a fact's
words, after its number, still fit its lines whole."""
PALETTE_KEY_WIDTH = 120
"""The screen's width from which the footer has room for the command palette's key too."""

WIDE_WIDTH = 120
"""The screen's width from which the list stands beside the brief rather than above it."""


def _same_reading(first: Entry, second: Entry) -> bool:
    """Whether two readings of a brief file show the same: a brief, or the same problems.

    The corpus may find more than the file alone shows (an id that another file has too)."""
    return (
        first.path == second.path
        and (first.brief is None) == (second.brief is None)
        and first.problems == second.problems
    )


LOST_PATIENCE_S = 2.0
"""How long a brief whose file went away under the cursor may take to come back and take the
cursor back: an editor writing a file anew takes well under a second."""
READ_AFTER_S = 0.5
"""How long a brief is shown before it counts as read: holding a key down the list shows each
brief passed for a moment, which is not reading it."""
SAVE_RETRY_S = 5.0
"""How long after notes, tags, read marks or bookmarks could not be saved they are tried again:
another program's lock on the file is over in moments, and the title bar's "(not saved)" goes
with it."""
REVIEWS_UNDONE = 100
"""How many facts confirmed or rejected Ctrl+Z can take back, the last first: a draft's facts
reviewed in a session, a few times over."""
_REVIEW_NOTICES = ("Review", "Undo")
"""The titles of what reviewing a draft's facts says: each such notice takes the place of the
one before."""
REBUILDING_NOTICE = "The index is being built again: the filter answers once it is"
"""What the list says, in place of its rows, while a damaged index is built again."""


class MainScreen(TakesKeysOnceMounted):
    """Reading a corpus: its articles, one brief with its facts, and the brief's original."""

    HORIZONTAL_BREAKPOINTS = [
        (0, "-tiny"),
        (70, "-narrow"),
        (WIDE_WIDTH, "-wide"),
    ]
    """Below 120 columns the list goes above the brief; below 70 the original goes under it."""

    AUTO_FOCUS = "#articles"
    """Focused as soon as it is mounted. Textual would otherwise focus the (hidden) filter first
    and then give focus to the list, styling both of them twice more before the first frame."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_of("reader")

    ALLOW_IN_MAXIMIZED_VIEW: ClassVar[str | None] = "TitleBar"
    """Kept on screen above a maximised pane: the counts, among them how many a filter shows.
    Not the key line, whose keys are those of the panes put back (Esc there clears the filter,
    where it puts the panes back first)."""

    summary_parts: Reactive[tuple[SummaryPart, ...]] = Reactive((), repaint=False)
    """What the title bar says beside the corpus's name, part by part, for a bar too narrow for
    all of them to keep those that matter most; shown by the bar alone, so that a change need not
    repaint the screen."""
    sub_title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)
    """:attr:`summary_parts` as one line (Textual's name for it), set from them."""

    shown_entry: var[int | None] = var(None)
    """Index of the entry the brief and original panes show: the one under the list's cursor,
    once the cursor settles there.

    The list keeps its cursor (:attr:`ArticleList.cursor_entry`), which keys move at once, and
    reports every move; the screen keeps no copy of it, only which entry the panes follow."""
    current_fact: var[int | None] = var(None)
    """Index of the current fact of the shown brief."""
    filter_text: var[str] = var("")
    """What the user typed in the filter."""
    bookmarks_only: var[bool] = var(False)
    """Whether the list shows bookmarked briefs only."""
    bookmarked: var[frozenset[str]] = var(frozenset[str]())
    """Ids of the bookmarked briefs. Their count in the title bar is brought up to date with
    whether they are saved, as what the store has to say is told (:meth:`_report_store`)."""
    marked: var[frozenset[str]] = var(frozenset[str]())
    """Ids of the briefs marked for export."""
    show_original: var[bool] = var(True)
    """Whether the original text pane is shown."""

    # Properties rather than textual.getters, whose import the first frame can do without.

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def brief_view(self) -> BriefView:
        return self.query_one("#brief", BriefView)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#original", ArticleView)

    @property
    def finding(self) -> bool:
        """Whether the original pane has the keys, taking them as words to find."""
        return self.focused is self.article_view and self.article_view.finding

    @property
    def filter_input(self) -> FilterInput:
        return self.query_one("#filter", FilterInput)

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        self.corpus: Corpus | None = None
        """The corpus: as the index last saw it until the index is brought up to date."""
        self.corpus_loading = CorpusLoading(self, root)
        self.store: BookmarkStore | None = None
        self.annotations: Annotations | None = None
        """The user's read briefs, notes and tags in this corpus."""
        self._marks_revisions: Counter[MarkKind] = Counter()
        """Counts the user's changes to bookmarks, notes, tags and read briefs made on purpose,
        by kind: a filter naming that kind is asked again after one."""
        self._unread = 0
        """How many of the corpus's briefs the user has not read."""
        self._marked_read: str | None = None
        """The brief last marked read for being shown: shown again as the corpus is read again,
        it is not marked again, so that one marked unread with u stays so."""
        self._opened_on: str | None = None
        """The file of the entry the panes showed first, the one the reader opened on, while
        they show it; "" once they have shown another."""
        self._cursor_lost: str | None = None
        """The file of the brief the cursor was on when it went away on disk, while the cursor
        stays where it fell: an editor saving by writing the file anew, or a folder moved away,
        brings it back a moment later, and the cursor goes back to it."""
        self._cursor_fell_on: str | None = None
        """The file of the brief the cursor fell on then (None on an empty list): not chosen
        by the user, so not marked read until the other has had :data:`LOST_PATIENCE_S` to
        come back."""
        self._lost_timer: Timer | None = None
        self._read_timer: Timer | None = None
        """Counts the brief shown read once it has been shown for :data:`READ_AFTER_S`."""
        self._read_when_back = False
        """Whether the brief shown is to be counted as shown once it comes into sight: it came
        into the panes behind a dialog (the one the cursor fell on, the one a first start put on
        top) or a maximised list, or a dialog came up before it had been shown long enough to
        count as read."""
        self._shown_current = False
        """Whether the corpus shown was read from the files, not a first look at the index as
        the last start left it: a brief missing from the files then went away just now."""
        self._notes_error: str | None = None
        self._save_retry: Timer | None = None
        """Set while changes to notes, tags, read marks or bookmarks wait to be tried again."""
        self._ids: list[str | None] = []
        """The id of each entry's brief; None for a file that failed to load."""
        self._ids_present: frozenset[str] = frozenset()
        self._unloaded_bookmarks: tuple[Entries, frozenset[str], frozenset[int]] | None = None
        """The positions of the files that failed to load and are bookmarked, for the entries
        and the bookmarks they were found in."""
        self._looked_for_state_left_behind = False
        """Whether the notes and marks kept for a folder this corpus was moved from were looked
        for, as they are once a start."""
        self._list_query = ListQuery()
        self._settle_scheduled = False
        self._applicable: tuple[bool, ...] | None = None
        self._save_error: str | None = None
        self._listing_as_read = False
        """Whether the list shows the briefs a first build has read so far, not all of them."""
        self._rebuilding = False
        """Whether the index, found damaged, is being built again."""
        self._rebuilt = False
        """Whether the index has been built again since the screen opened. Found damaged once
        more, the disk is at fault: it is not built a third time."""
        self._told_terms_left_out = False
        """Whether the user has been told that the filter has more terms than a query holds."""
        self._told_quoted_words = False
        """Whether the user has been told that the filter's words in quotes make no phrase."""
        self._filter_noted = ""
        """The filter as last given with Enter, whose terms that could not be read were told."""
        self._told_how_to_restore = False
        """Whether the user has been told how to put back the panes a maximised one hides."""
        self._focus_before_finding: Widget | None = None
        """The widget that had the keys before Ctrl+F gave them to the original pane."""
        self._typed_from: int | None = None
        """The entry the cursor was on when the filter got the focus: it goes back to it
        whenever what is typed shows it again (``-t``, on the way to ``-tijuana``, leaves out
        nearly every brief)."""
        self._reading: str | None = None
        """How far the reading of changed brief files has come, while the index is brought up
        to date behind the corpus shown."""
        self._adding: list[str] = []
        """The names of the articles whose briefs are being drafted, which the title bar says."""
        self._how_far: dict[str, str] = {}
        """How far the drafting of each of them has got, once it is told: ``step 3 of 4, 40%``."""
        self.quit_once_added = False
        """Whether the user asked to quit while an article was being added: the app quits once
        its brief is written, rather than leave the terminal blank meanwhile."""
        self._select_after_reload: str | None = None
        """A brief file added from the reader, for the cursor to go to once it is read."""
        self._exported_marks: frozenset[str] = frozenset()
        """The marks for export when the marked briefs were last exported."""
        self._marked_found: tuple[str, frozenset[str]] | None = None
        """The filter whose briefs were marked all at once (``A``), with the marks that left:
        a briefing of just those says the filter found them, as ``briefing export --filter``'s
        does, so that colleagues can ask the same of their own copy."""
        self._reviews_done: deque[tuple[ReviewEdit, str, int]] = deque(maxlen=REVIEWS_UNDONE)
        """The facts confirmed or rejected, the last last, up to :data:`REVIEWS_UNDONE`: each
        edit, its brief file, the fact's number. Ctrl+Z takes them back in turn."""
        self._fact_after_reload: tuple[str, int] | None = None
        """The brief file edited from the reader, and the fact to be on once it is read again."""
        self._reviews_waiting: list[bool] = []
        """Reviews asked for (True to reject, False to confirm) while the brief's file is read
        again after one before: they are of the fact that review goes on to, once shown."""
        self._shown_before = False
        """Whether the screen has been shown (resumed) before: the first time is its start."""
        self.pane_layout, self._layout_problem = read_layout(state_dir())
        """The list's size and the pane maximised, as the user last left them."""
        self._layout_error: str | None = None
        self._facet_dialog: FacetDialog | None = None
        """The facets dialog while it is open: it counts anew when the briefs listed change."""

    def compose(self) -> ComposeResult:
        # Styling the screen again for these can wait: its widgets, styled as they mount, see
        # them, and no rule styles the screen itself by them.
        width = self.app.size.width
        self.update_classes(breakpoint_classes(self.HORIZONTAL_BREAKPOINTS, width), update=False)
        yield TitleBar()
        with Horizontal(id="panes"):
            with Vertical(id="list-pane") as list_pane:
                self._size_list(width, list_pane)
                yield FilterInput(
                    placeholder="Filter: words to find",
                    id="filter",
                    compact=True,
                    select_on_focus=False,
                )
                yield ArticleList(id="articles").data_bind(MainScreen.bookmarked, MainScreen.marked)
            with Container(id="details"):
                yield BriefView(id="brief")
                yield ArticleView(id="original")
        yield KeyFooter(id="keys", palette_from=PALETTE_KEY_WIDTH, spare=SPARE, order=IN_ORDER)

    def _size_list(self, screen_width: int, list_pane: Widget | None = None) -> None:
        """Give the list the share of the screen the user chose for the arrangement in use."""
        styles = (list_pane or self.query_one("#list-pane")).styles
        if screen_width >= WIDE_WIDTH:
            styles.width = f"{self.pane_layout.list_width}%"
            styles.min_width = LIST_MIN_WIDTH
            # A share chosen on a wider screen may leave too little here.
            styles.max_width = self._widest_list(screen_width)
            styles.height = "1fr"
        else:
            styles.width = "1fr"
            styles.min_width = styles.max_width = None  # the list spans the screen
            styles.height = f"{self.pane_layout.list_height}%"

    def _widest_list(self, screen_width: int) -> int:
        """The most columns the list takes beside the brief and, when shown, the original."""
        details = DETAIL_PANE_MIN_WIDTH * (2 if self.show_original else 1)
        return max(LIST_MIN_WIDTH, screen_width - details)

    @property
    def up_to_date(self) -> bool:
        """Whether the corpus shown is the index brought up to date with the files on disk, as
        opposed to the index as it was when the screen opened."""
        return self.corpus_loading.up_to_date

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. Every widget was styled as it mounted, moments ago,
        # with the screen's classes in place; styling them all again, as Textual does whenever a
        # screen is shown, cost 2 ms of the first frame. Later, back from a dialog, it is needed.
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
        if self._read_when_back:
            self._read_when_back = False
            self._mark_shown_read()

    def on_mount(self) -> None:
        self.title = self.root.name
        self.summary_parts = (SummaryPart("loading…", 0),)
        self.article_list.border_title = Content("Articles")
        self.article_list.notice = "Loading…"
        self.brief_view.border_title = Content("Brief")
        self.article_view.border_title = Content("Original")
        # Watched rather than told by Input.Changed, whose trip up through the containers lets a
        # frame with the new text but the old rows be drawn first, and the next one wait.
        self.watch(self.filter_input, "value", self._filter_changed, init=False)
        self.store = BookmarkStore(state_dir(), corpus_key(self.root))
        self.bookmarked = frozenset(self.store.ids)
        self.annotations = Annotations(state_dir(), corpus_key(self.root))
        # The list reads the live set of read ids: a copy of 100,000 at every move would cost.
        self.article_list.read = self.annotations.read
        if self._layout_problem:
            self.notify(self._layout_problem, title="Layout", severity="warning", markup=False)
        if self.pane_layout.maximized:
            pane = self.query_one(f"#{self.pane_layout.maximized}")
            if pane.display:
                self.set_focus(pane)
                self.maximize(pane)
        corpus = self.corpus_loading.peek()
        if corpus is None:
            # Nothing to show before the briefs are read: start reading them at once. Every file
            # is to be parsed, so the loader is imported here: imported by the reading thread
            # while the first frames are drawn, it takes several times as long.
            importlib.import_module("tui.core.loader")
            self._start_loading()
            return
        self._use_corpus(corpus)
        # The panes show the first brief in the first frame, rather than once the list has told
        # the screen where its cursor is.
        self.shown_entry = self.article_list.cursor_entry
        # The index is brought up to date once the first frame is drawn: checking a large
        # corpus's files holds Python's lock for seconds at 100,000 briefs, and would hold back
        # the screen the user waits for.
        self.call_after_refresh(self._start_loading)

    def _start_loading(self) -> None:
        # Off since the app was imported (make_app): on while the first frame is built, it ran a
        # dozen passes, some 4 ms of it. Turned on before the loading thread starts, which pauses
        # it while the corpus is made.
        gc.enable()
        self.corpus_loading.start()
        self._report_store()
        self._report_annotations()

    def on_load_progress(self, message: LoadProgress) -> None:
        if self.corpus_loading.up_to_date:
            return  # a refresh of a few files after a change on disk: over in a moment
        self._reading = message.counts
        if self.corpus is None:
            self.article_list.notice = f"Reading briefs {self._reading}"
            self.summary_parts = (SummaryPart(reading_summary(self._reading), 0),)
        else:  # the list shows the corpus as the index had it; some of its briefs changed
            self._update_header()
            self.corpus_loading.let_journal_go(self.corpus)

    def on_corpus_listed(self, message: CorpusListed) -> None:
        """Show the briefs a first build has read so far: the user can start reading them."""
        if self.corpus_loading.up_to_date:
            return  # the whole corpus arrived first
        if self._rebuilding:
            # The corpus shown answers from the files until the index is built again: the few
            # briefs read so far would take the cursor off the brief the user is on.
            return
        corpus = self.corpus_loading.peek()
        if corpus is not None and not (
            self.corpus is not None and corpus.entries.same_as(self.corpus.entries)
        ):
            self._use_corpus(corpus)
            self._listing_as_read = True

    def on_index_damaged(self, message: IndexDamaged) -> None:
        if self._rebuilding:
            return  # the corpus shown answers from the files meanwhile
        if self._rebuilt:
            self.notify(
                "The index of this corpus is damaged again since it was built anew: briefs are"
                " read from their files, and the filter finds nothing. Check the disk, then"
                " open the reader again.",
                title="Index",
                severity="error",
                timeout=30,
            )
            return
        self._rebuilding = self._rebuilt = True
        self.notify(
            "The index of this corpus is damaged: it is being built again from the files.",
            title="Index",
            severity="warning",
            timeout=10,
        )
        self.corpus_loading.read(damaged=message.entries)
        self._refilter(pinned=True)  # the list says why the filter finds nothing meanwhile

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        result = self.corpus_loading.finished(event)
        if result is None:
            return
        self._rebuilding = False
        self._reading = None
        notice = self.corpus_loading.notice_to_tell(result)
        if notice:
            self.notify(notice, title="Index", severity="warning", markup=False, timeout=10)
        if self.corpus is not None and result.entries.same_as(self.corpus.entries):
            # Nothing changed on disk since the index last saw it: the screen stays as it is.
            # (A first start's briefs read so far may have been shown once all were read.) The
            # corpus read is not used: its snapshot would keep SQLite's journal from emptying.
            result.entries.close()
            self._listing_as_read = False
            self._shown_current = True
            self._mark_shown_read()
            self._update_header()
            self.corpus_loading.let_journal_go(self.corpus)
            self.corpus_loading.read_again_if_changed()  # told of a change while it read
        else:
            self._use_corpus(result)
        if not self._looked_for_state_left_behind:
            self._looked_for_state_left_behind = True
            self._tell_of_state_left_behind(self._ids_present)

    @work(thread=True, group="left-behind")
    def _tell_of_state_left_behind(self, ids: frozenset[str]) -> None:
        """Say where notes, tags, bookmarks and read marks about the briefs ``ids`` are kept
        for a corpus folder that is gone: they are kept per folder, and a corpus moved or
        renamed would otherwise lose sight of them without a word."""
        from tui.core.moved_corpus import CannotBringOver, moved_command, moved_from

        try:
            where = moved_from(self.root, ids)
        except CannotBringOver:
            return  # state that cannot be read: the notes and bookmarks tell of it themselves
        if where is None:
            return
        with contextlib.suppress(RuntimeError):  # the app quit meanwhile: no one to tell
            self.app.call_from_thread(
                self.notify,
                f"Notes and marks of {plural(where.here, 'brief')} of this corpus are kept for"
                f" {where.folder}, which is gone. To bring them here, quit and run:"
                f" {moved_command(self.root, where.folder)} (with --forget to let them go)",
                title="Corpus moved?",
                severity="warning",
                markup=False,
                timeout=30,
            )

    def _use_corpus(self, corpus: Corpus) -> None:
        """Show ``corpus`` in place of the index, or of the corpus read before its files changed,
        the cursor on the brief it was on."""
        article_list = self.article_list
        refreshed = self.corpus is not None
        cursor_path = _path_in(self.corpus, article_list.cursor_entry)
        keep = self._same_entry(corpus, article_list.cursor_entry)
        vanished = self._shown_current and cursor_path is not None and keep is None
        back = self._back_to_lost(corpus, cursor_path)
        if back is not None:
            keep = back
        if self._top_put_by_loading or self._top_put_at_opening:
            # Briefs read later may be newer (a first start's, or those added since the index
            # was last written): until the user moves, the top of the list shows the newest.
            keep = None
        self._listing_as_read = False
        wanted, self._select_after_reload = self._select_after_reload, None
        added = corpus.entries.position_of(wanted) if wanted is not None else None
        if added is not None:
            keep = added
        shown_before = self._entry(self.shown_entry)
        # The panes keep the brief they show, and the fact the user is on, when the corpus has
        # the same: else they show the corpus's entry anew. A brief read ahead from its own file
        # may have fewer problems than the corpus finds (an id that another file has too).
        still_shown = (
            keep is not None
            and keep == self._same_entry(corpus, self.shown_entry)
            and shown_before is not None
            and _same_reading(shown_before, corpus.entries[keep])
            and (not refreshed or shown_before == corpus.entries[keep])
        )
        # A brief gone (deleted on disk, or since the index was written) leaves the cursor at
        # its row, on the brief that came after it in the list as filtered.
        fallback = article_list.cursor_row
        self._typed_from = self._same_entry(corpus, self._typed_from)
        self.corpus = corpus
        self._ids = corpus.entries.ids()
        present_before, self._ids_present = (
            self._ids_present,
            frozenset(i for i in self._ids if i is not None),
        )
        if refreshed:
            self._tell_what_stays_under_ids_gone(present_before)
        read = self.annotations.read if self.annotations else set()
        self._unread = sum(1 for ident in self._ids_present if ident not in read)
        article_list.set_entries(corpus.entries)
        if refreshed:
            self.article_view.forget_layouts()  # an article may be one of the files changed
        if still_shown:
            self.set_reactive(MainScreen.shown_entry, keep)
            if refreshed:  # the brief is the same; its article may have been edited
                self._show_article_again()
        else:
            edited_here = self._fact_after_reload is not None  # it says which fact is next
            if refreshed and keep is not None and shown_before is not None and not edited_here:
                # The brief shown was edited on disk: the user stays on the fact they were on.
                same_file = shown_before.path == corpus.entries[keep].path
                if same_file and self.current_fact is not None:
                    self._fact_after_reload = (shown_before.path, self.current_fact)
            # The panes show the entry under the cursor anew, even if it has the same number.
            self.set_reactive(MainScreen.shown_entry, None)
        if not corpus.entries:
            article_list.notice = "No briefs in this corpus"
            self._show_in_panes()
        self._show_rows(keep, fallback_row=fallback, pinned=True)
        if vanished and added is None:
            if self._cursor_lost is None:  # else still waiting for the first brief gone
                self._cursor_lost = cursor_path
                self._lost_timer = self.set_timer(LOST_PATIENCE_S, self._give_up_lost)
            self._cursor_fell_on = _path_in(corpus, article_list.cursor_entry)
        self._shown_current = self.corpus_loading.up_to_date
        if added is not None and self.focused is self.article_list:
            # A brief just added is a draft to review: its facts take the keys that do that.
            # Not when the user went on elsewhere meanwhile (typing a filter, say): an article
            # takes a while to add, and the keys typed would review the draft.
            self._focus_facts()
        self._refresh_bindings_if_changed()
        self.corpus_loading.read_again_if_changed()
        if refreshed:  # the corpus shown before held a snapshot the index was written after
            self.corpus_loading.let_journal_go(corpus)

    def _tell_what_stays_under_ids_gone(self, present_before: frozenset[str]) -> None:
        """Say what the user kept under the ids of briefs gone as others came, as a brief whose
        id was changed: a note, tags, a bookmark or a mark stay under the id they were made
        under, and vanished without a word from the brief renamed."""
        gone = present_before - self._ids_present
        if not gone or not self._ids_present - present_before:
            return  # none gone, or only gone (deleted): what is kept waits for them to come back
        # A file that failed to load keeps what is kept under its name, which the list shows.
        gone -= self._failed_files_of(frozenset(gone)).keys()
        kept = {ident: what for ident in sorted(gone) if (what := self._kept_under(ident))}
        if not kept:
            return
        if len(kept) == 1:
            ((ident, what),) = kept.items()
            told = (
                f"No brief has the id {ident} now; what you kept under it ({what}) stays under"
                f" that id. If the brief was given another id, set it back to {ident} to see it"
                " again."
            )
        else:
            named = ", ".join(list(kept)[:3]) + (
                f" and {len(kept) - 3:,} more" if len(kept) > 3 else ""
            )
            told = (
                f"No brief has the ids {named} now; the notes, tags, bookmarks and marks kept"
                " under them stay under those ids. Briefs given other ids show them again"
                " once their ids are set back."
            )
        self.notify(told, title="Id changed?", severity="warning", markup=False, timeout=15)

    def _kept_under(self, ident: str) -> str:
        """What the user keeps under ``ident``, in words ("note, tags, bookmark"); "" if
        nothing."""
        annotation = self.annotations.annotation(ident) if self.annotations else None
        kept = [
            name
            for name, has in (
                ("note", annotation is not None and bool(annotation.note)),
                ("tags", annotation is not None and bool(annotation.tags)),
                ("bookmark", ident in self.bookmarked),
                ("mark for export", ident in self.marked),
            )
            if has
        ]
        return ", ".join(kept)

    def _back_to_lost(self, corpus: Corpus, cursor_path: str | None) -> int | None:
        """The entry of ``corpus`` to put the cursor back on: the brief whose file went away
        under it, now back, if the cursor stayed where it fell."""
        lost = self._cursor_lost
        if lost is None:
            return None
        if cursor_path != self._cursor_fell_on:
            self._forget_lost()  # the user moved on meanwhile
            return None
        back = corpus.entries.position_of(lost)
        if back is not None:
            self._forget_lost()
        return back

    def _give_up_lost(self) -> None:
        """The brief gone has not come back: the one the cursor fell on is the one shown, read
        once the user sees it (not behind a dialog)."""
        self._forget_lost()
        self._mark_shown_read()

    def _forget_lost(self) -> None:
        self._cursor_lost = None
        if self._lost_timer is not None:
            self._lost_timer.stop()
            self._lost_timer = None

    def _same_entry(self, corpus: Corpus, row: int | None) -> int | None:
        """The entry of ``corpus`` read from the same file as entry ``row`` of what the list
        showed before."""
        if row is None or self.corpus is None:
            return None
        path = self.corpus.entries[row].path
        entries = corpus.entries
        if row < len(entries) and entries[row].path == path:
            return row  # nothing changed before it, as is usual
        return entries.position_of(path)

    def on_corpus_changed(self, message: CorpusChanged) -> None:
        self.corpus_loading.changed()

    def _reload(self) -> None:
        """Read again the files changed by the reader itself, at once rather than when the
        watching thread tells: the next key may act on them."""
        self.corpus_loading.read()

    def on_unmount(self) -> None:
        self.corpus_loading.stop()
        if self.annotations is not None:
            # The last connection to go takes SQLite's journal files with it: a clean quit
            # leaves the annotations file alone in the state folder.
            self.annotations.close()

    # The state flowing down.

    def _refilter(self, fallback_row: int | None = None, *, pinned: bool = False) -> None:
        """Recompute the rows the list shows from the filter and the bookmarks-only switch; the
        cursor stays on its brief when it is still shown, or (``pinned``) in any case."""
        self._show_rows(self.article_list.cursor_entry, fallback_row, pinned=pinned)

    def _show_rows(
        self, keep: int | None, fallback_row: int | None = None, *, pinned: bool = False
    ) -> None:
        """Show the rows of the filter and the bookmarks-only switch, the cursor on the entry
        the filter is being typed from if shown, else on entry ``keep`` if shown, else on
        ``fallback_row`` (by default the first row; showing only the bookmarks, the row it is
        on).

        ``pinned`` keeps entry ``keep`` in the list even when neither finds it any more: the
        user changed what they keep about it (bookmarked it under ``-is:bookmarked``), or its
        file changed on disk (it no longer loads). It stays under the cursor, with its problems
        if it has any, until the user changes the filter or the switch.
        """
        corpus = self.corpus
        if corpus is None:
            return  # a first start: what is typed applies once the briefs are read
        rows = self._list_query.rows(
            corpus.entries,
            self.filter_text,
            self._ids,
            self._user_marks(),
            self._marks_revisions,
            bookmarks_only=self.bookmarks_only,
            bookmarked_unloaded=self._bookmarked_unloaded(),
        )
        kept = None
        if pinned and keep is not None and self._typed_from is None and keep not in rows:
            rows = list(rows)
            bisect.insort(rows, keep)  # rows are in the list's order, which is the entries'
            kept = keep
        left_out = self._list_query.query.left_out
        if left_out and not self._told_terms_left_out:
            # Told once, as the first term too many is typed: no count, which more typing or
            # the rest of a paste would make untrue.
            self.notify(
                f"A filter holds its first {MAX_TERMS} terms: it leaves out any after them.",
                title="Filter",
                severity="warning",
            )
        self._told_terms_left_out = bool(left_out)
        quoted_words = self._list_query.query.quoted_words
        if quoted_words and not self._told_quoted_words:
            self.notify(QUOTED_WORDS_NOTE, title="Filter")
        self._told_quoted_words = quoted_words
        filtered = bool(self.filter_text.strip())
        if self._rebuilding and not self._list_query.query.is_empty:
            # The damaged index finds nothing: that is no answer to give for the filter.
            self.article_list.notice = REBUILDING_NOTICE
        elif corpus.entries:
            self.article_list.notice = empty_notice(
                self._list_query.query,
                corpus.entries,
                self._user_marks(),
                filtered=filtered,
                bookmarks_only=self.bookmarks_only,
            )
        if fallback_row is None:
            keep_position = self.bookmarks_only and not filtered
            fallback_row = self.article_list.cursor_row if keep_position else 0
        if self._typed_from is not None and self._typed_from in rows:
            keep = self._typed_from
        self.article_list.show_rows(rows, keep=keep, fallback_row=fallback_row, kept=kept)
        if not rows:
            self._show_in_panes()  # the reason the list is empty may have changed
        self._update_header()

    def _update_header(self) -> None:
        corpus = self.corpus
        if corpus is None:
            return  # the loading progress is in the header meanwhile
        filtered = bool(self.filter_text.strip() or self.bookmarks_only)
        parts = summary_parts(
            briefs=len(corpus.entries),
            failed=self._ids.count(None),
            unread=self._unread,
            bookmarked=len(self.bookmarked & self._ids_present) + len(self._bookmarked_unloaded()),
            # Said of changes not saved, not of a folder that cannot be written: what the
            # file holds already is saved.
            bookmarks_saved=not (self.store is not None and self.store.unsaved_changes),
            notes_saved=not (self.annotations is not None and self.annotations.unsaved_changes),
            marked=len(self._marks_shown()),
            shown=len(self.article_list.rows) if filtered else None,
            reading=self._reading,
            adding=", ".join(_with_how_far(name, self._how_far) for name in self._adding) or None,
            restore_keys=(
                cast("BriefingApp", self.app).keys_of("reader.maximize")
                if self.maximized is not None
                else None
            ),
            finding=self.finding,
        )
        self.summary_parts = tuple(parts)
        self._recount_facets()

    def watch_summary_parts(self, parts: tuple[SummaryPart, ...]) -> None:
        self.sub_title = SEPARATOR.join(part.text for part in parts)

    def _user_marks(self) -> UserMarks:
        """What the user keeps about briefs, as the filter's terms ask for it."""
        if self.annotations is None:
            return Marks(self.bookmarked)
        return self.annotations.marks(self.bookmarked)

    def _bookmarked_unloaded(self) -> frozenset[int]:
        """The positions of the files that failed to load and are bookmarked under their name
        (which a brief's id must equal): a bookmarked brief that an edit broke keeps its star,
        its place among the bookmarks and its count."""
        corpus = self.corpus
        if corpus is None:
            return frozenset()
        found = self._unloaded_bookmarks
        # Asked at every keystroke of the filter; bookmarks are few, so only they are looked up.
        if found is None or found[0] is not corpus.entries or found[1] is not self.bookmarked:
            unloaded = frozenset(self._failed_files_of(self.bookmarked).values())
            found = self._unloaded_bookmarks = (corpus.entries, self.bookmarked, unloaded)
        return found[2]

    def _failed_files_of(self, keys: frozenset[str]) -> dict[str, int]:
        """Of ``keys`` (ids the user keeps something under), those of no brief loaded that name
        a file that failed to load (a brief's id must equal its name), with its position."""
        corpus = self.corpus
        if corpus is None:
            return {}
        positions = {key: corpus.entries.position_of(key) for key in keys - self._ids_present}
        return {k: p for k, p in positions.items() if p is not None and self._ids[p] is None}

    def _present_marks(self) -> frozenset[str]:
        """The briefs marked for export that the corpus has: one deleted on disk keeps its mark,
        for when it comes back, but is neither counted nor exported."""
        return self.marked & self._ids_present

    def _marks_shown(self) -> frozenset[str]:
        """The marks for export the list shows: those of :meth:`_present_marks`, and those of
        files that failed to load, marked under their name. A brief an edit broke keeps its
        mark, its count, and a quit's question before it is lost; it is not exported."""
        present = self._present_marks()
        if len(present) == len(self.marked):
            return present  # as nearly always: nothing to look up
        return present | self._failed_files_of(self.marked).keys()

    def watch_filter_text(self) -> None:
        self._refilter()
        self._refresh_bindings_if_changed()

    def watch_bookmarks_only(self, only: bool) -> None:
        # Said where the list is, not only by its count in the title bar: a list of a few
        # briefs, B pressed and forgotten, passes for the whole corpus.
        self.article_list.border_title = Content(
            "Articles · bookmarked only" if only else "Articles"
        )
        self._refilter()

    def watch_marked(self, marked: frozenset[str]) -> None:
        # A mark taken off and put back after an export is made since it: a quit asks first.
        self._exported_marks &= marked
        self._update_header()
        self._refresh_bindings_if_changed()

    def watch_show_original(self, show: bool) -> None:
        if not show and self.maximized is self.article_view:
            self.minimize()  # else the screen would show the pane hidden, and nothing else
        self.set_class(not show, "-original-hidden")
        if not show and self.focused is self.article_view:
            self._focus_facts()
        if self.is_mounted:
            self._size_list(self.size.width)  # the list may take the room the original leaves

    def watch_shown_entry(self) -> None:
        entry = self._entry(self.shown_entry)
        brief = entry.brief if entry else None
        fact = 0 if brief and brief.key_facts else None
        kept, self._fact_after_reload = self._fact_after_reload, None
        waiting, self._reviews_waiting = self._reviews_waiting, []
        if fact is not None and kept is not None and entry is not None and kept[0] == entry.path:
            fact = min(kept[1], len(brief.key_facts) - 1) if brief else None
        else:
            waiting = []  # of another brief, gone to meanwhile
        self.set_reactive(MainScreen.current_fact, fact)
        self._mark_shown_read()
        self._show_in_panes()
        self._refresh_bindings_if_changed()
        if fact:
            self.brief_view.select_fact(fact)
        for reject in waiting:
            # Asked of the fact now current, as the keys would have; the second waits for the
            # first's file to be read again in turn.
            review = (
                self.brief_view.action_reject_fact
                if reject
                else self.brief_view.action_confirm_fact
            )
            self.call_after_refresh(review)

    @property
    def _top_put_by_loading(self) -> bool:
        """Whether the cursor is on the top of a first start's briefs read so far, where the
        loading, not the user, put it."""
        return self._listing_as_read and self.article_list.cursor_row == 0

    @property
    def _top_put_at_opening(self) -> bool:
        """Whether the cursor is still on the top row of the index as the last start left it,
        where the reader opened and the user has not moved from, while the files are read for
        what changed since. Once they are, a brief added on disk is no reason to move it."""
        return (
            not self._shown_current
            and bool(self._opened_on)
            and self.article_list.cursor_row == 0
            # Gone into the brief or the original, the user reads the brief there.
            and self.focused is self.article_list
        )

    def _mark_shown_read(self) -> None:
        """Mark the brief the panes show read, unless a first start's loading put it there, or
        the filter being typed.

        The newest of the briefs read so far is shown by the loading, not chosen: it is read
        once the user moves to it, or once the whole corpus is there. While a filter is typed,
        each brief that tops the list for a moment is shown, not chosen (typing is:unread would
        take briefs out of the list it asks for): the one shown is read once the user leaves
        the filter."""
        if isinstance(self.focused, FilterInput):
            return
        entry = self._entry(self.shown_entry)
        if self._cursor_lost is not None:
            if (entry.path if entry else None) == self._cursor_fell_on:
                return  # where the cursor fell when the brief under it went away: not chosen
            self._forget_lost()  # the user moved on
        if entry is not None and self._opened_on is None:
            self._opened_on = entry.path
        opening = entry is not None and entry.path == self._opened_on
        brief = entry.brief if entry else None
        if brief is not None and brief.id != self._marked_read and not self._top_put_by_loading:
            self._marked_read = brief.id
            if opening and self.annotations and brief.id in self.annotations.kept_unread:
                return  # marked unread by the user, and shown by the reader: read once chosen
            self._read_once_rested(brief.id)
        if entry is not None and not opening:
            self._opened_on = ""  # another entry shown: the reader is open

    def _read_once_rested(self, brief_id: str) -> None:
        """Mark ``brief_id``, just shown, read once it has been shown for :data:`READ_AFTER_S`
        in sight of the user; another brief shown meanwhile takes its place. Shown behind a
        dialog, it is shown once the dialog closes, and counted from then."""
        self._stop_reading()
        if not self._brief_in_sight:
            self._read_once_in_sight(brief_id)
            return
        if READ_AFTER_S <= 0:
            self._set_read(brief_id, True)
            return

        def rested() -> None:
            self._read_timer = None
            shown = self._entry(self.shown_entry)
            if shown is None or shown.brief is None or shown.brief.id != brief_id:
                if self._marked_read == brief_id:
                    self._marked_read = None  # left before it was read: read when shown again
            elif not self._brief_in_sight:
                self._read_once_in_sight(brief_id)  # a dialog came up before it was read
            else:
                self._set_read(brief_id, True)

        self._read_timer = self.set_timer(READ_AFTER_S, rested)

    @property
    def _brief_in_sight(self) -> bool:
        """Whether the brief the panes show is in sight: no dialog, help screen, palette or
        question over the screen (under which Textual counts it as current all the same), and
        no list maximised over the brief and original panes."""
        maximized = self.maximized
        panes = (self.brief_view, self.article_view)
        return self.is_active and (maximized is None or maximized in panes)

    def _read_once_in_sight(self, brief_id: str) -> None:
        """Let ``brief_id``, shown out of sight (behind a dialog, or a maximised list), count as
        shown once it comes into sight, as any brief shown is: read after
        :data:`READ_AFTER_S` from then."""
        if self._marked_read == brief_id:
            self._marked_read = None  # not read yet: :meth:`_mark_shown_read` takes it again
        self._read_when_back = True

    def _stop_reading(self) -> None:
        """Let the brief waiting to count as read go uncounted."""
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, FilterInput):
            if self._typed_from is None:  # not when the focus comes back to the filter
                self._typed_from = self.article_list.cursor_entry
        else:
            if self.article_list.cursor_entry is not None:
                # Kept while the filter finds nothing: Esc then goes back to that brief.
                self._typed_from = None
            self._mark_shown_read()  # the brief shown while a filter was typed, now chosen

    def watch_current_fact(self, fact: int | None) -> None:
        self.article_view.highlight(fact)
        self._refresh_bindings_if_changed()  # confirm and reject apply to unreviewed facts

    def _show_in_panes(self) -> None:
        """Show the shown entry's brief and original, or why there is none to show."""
        corpus = self.corpus
        if corpus is not None and not corpus.entries:
            heading = f"{corpus.name}/ has no briefs to show"
            self.brief_view.show_problems(heading, corpus.problems)
            self.article_view.show_notice("")
            return
        entry = self._entry(self.shown_entry)
        if entry is None and corpus is not None and not self.article_list.rows:
            # Why the list is empty, whole: the list may be a few lines high (at 80x24), and
            # the reasons run to several (each term read as words, with what its field takes).
            self.brief_view.show_problems(self.article_list.notice, ())
        else:
            self.brief_view.show_entry(entry, self._annotation_of(entry))
        brief = entry.brief if entry else None
        if entry is not None and brief is not None and corpus is not None:
            text = corpus.articles.short_text(brief.source, SYNC_READ_LIMIT)
            self.article_view.show_brief(brief, text, self.current_fact, _why_no_article(entry))
            if text is None:
                self._read_article(corpus, brief.source)
        elif entry is not None:
            self.article_view.show_notice(
                "This brief could not be loaded, so there is no article to show."
            )
        else:
            self.article_view.show_notice("")

    def _show_article_again(self) -> None:
        """Show the article of the brief shown as the corpus now reads it."""
        entry = self._entry(self.shown_entry)
        brief = entry.brief if entry else None
        if entry is None or brief is None or self.corpus is None:
            return
        text = self.corpus.articles.short_text(brief.source, SYNC_READ_LIMIT)
        if text is None:
            self._read_article(self.corpus, brief.source, again=brief)
        else:
            self.article_view.show_if_changed(brief, text, _why_no_article(entry))

    @work(thread=True, exclusive=True, group="article")
    def _read_article(self, corpus: Corpus, source: str, again: Brief | None = None) -> None:
        """Read a long article in a thread, and hand it to the original pane; ``again``, the
        brief shown, when the pane shows its article already, as it was read before."""
        text = corpus.articles.text(source)
        if get_current_worker().is_cancelled:
            return
        if again is None:
            self.app.call_from_thread(self.article_view.show_text, source, text)
        else:
            self.app.call_from_thread(self.article_view.show_if_changed, again, text)

    def _focus_facts(self) -> None:
        self._focus(self.brief_view)

    def _refresh_bindings_if_changed(self) -> None:
        # Refreshing the bindings checks every action again and draws the footer again: only do
        # it when what applies changes, not at every step of the cursor.
        applicable = (
            self.corpus is not None,
            self._current_id() is not None,
            bool(self._marks_shown()),
            self._filter_open(),
        )
        if applicable != self._applicable:
            self._applicable = applicable
            self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        self._size_list(event.size.width)

    # What the panes report.

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        self._refresh_bindings_if_changed()
        # The panes follow once the moves already queued are done: holding a key moves the
        # cursor at full speed, and the panes show where it stops rather than every row passed.
        if not self._settle_scheduled:
            self._settle_scheduled = True
            self.call_later(self._settle)

    async def _settle(self) -> None:
        self._settle_scheduled = False
        self.shown_entry = self.article_list.cursor_entry
        # Let the panes ask for their repaint before this screen goes idle and draws, so the
        # cursor and the panes appear in the same frame.
        await asyncio.sleep(0)

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        self._focus_facts()

    def on_brief_view_fact_highlighted(self, message: BriefView.FactHighlighted) -> None:
        self.current_fact = message.fact

    def on_article_view_quote_clicked(self, message: ArticleView.QuoteClicked) -> None:
        self.brief_view.select_fact(message.fact)

    def _filter_changed(self, value: str) -> None:
        self.filter_text = value

    # Actions.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, FilterInput) or self.finding
        if action in OFF_WHILE_TYPING and typing:
            return False  # its key, a character, is typed in the filter or the words to find
        if action == "open_facts":
            if self.focused is not self.article_list:
                return False
            brief = self._shown_brief()
            return bool(brief and brief.key_facts)
        if action == "clear_filter":
            # Esc ends a finding in the original first (the pane takes the characters typed
            # there, and the other keys of the key line with them).
            return self._filter_open() and not self.finding
        if action == "undo_review":
            return bool(self._reviews_done)
        if action == "toggle_bookmark":
            return True if self._current_key() is not None else None
        if action in ("toggle_mark", "toggle_read", "edit_note", "edit_tags"):
            # On a file that failed to load too: the key then says why it cannot act.
            return True if self._current_key() is not None and self.corpus else None
        if action == "edit_brief":
            return True if self._entry(self.article_list.cursor_entry) is not None else None
        if action in ("add_article", "facets"):
            return True if self.corpus is not None else None
        if action == "mark_shown":
            # Whether each shown is marked already is told when asked: this is asked at every
            # key, and the list may show a hundred thousand.
            return True if self.article_list.rows else None
        if action == "unmark_all":
            # Marks of briefs deleted on disk are neither shown nor counted: not worth a key.
            return True if self._marks_shown() else None
        if action == "export":
            ready = self.corpus is not None
            # Marks of briefs that failed to load too, and such a brief under the cursor: `e`
            # then says why nothing is exported.
            marked = self._marks_shown()
            return True if ready and (marked or self._current_key()) else None
        return True  # the filter too while the corpus loads: what is typed applies once it is in

    def action_open_facts(self) -> None:
        """Move from the article list to the article's key facts."""
        self._focus_facts()

    def action_filter(self) -> None:
        """Open the filter and put the cursor in it."""
        self._show_filter(True)
        self._focus(self.filter_input)
        self._refresh_bindings_if_changed()

    def _show_filter(self, shown: bool) -> None:
        """Open (``shown``) or close the filter above the list."""
        self.filter_input.display = shown
        # The list at its fewest rows keeps them under the filter (see the style sheet).
        self.query_one("#list-pane").set_class(shown, "-filtering")

    def action_leave_filter(self) -> None:
        """Enter in the filter: the list takes the keys, showing what the filter found; an empty
        filter is closed."""
        if not self.filter_input.value.strip():
            self.action_clear_filter()
            return
        self._focus(self.article_list)
        # Told once the filter is given, not at each keystroke ("lang:e" on the way to
        # "lang:es" is no language yet). An empty list says why it is empty itself.
        typed = self.filter_input.value
        if typed == self._filter_noted:
            return  # said when this filter was given before
        self._filter_noted = typed
        query = parse_query(typed)
        notes = [unsearched_note(query), without_value_note(query)]
        if self.article_list.rows and self.corpus is not None:  # else the empty list says it
            marks = self._user_marks()
            notes += (
                read_as_words_note(query),
                value_lists_note(query, self.corpus.entries, marks),
            )
        for note in filter(None, notes):
            self.notify(note, title="Filter", severity="warning", markup=False)

    def action_clear_filter(self) -> None:
        """Empty and close the filter; the list shows every article again."""
        if self.article_list.cursor_entry is not None:
            self._typed_from = None  # the cursor stays on the brief the filter found
        # (else it goes back to the one it was on)
        self.filter_input.value = ""
        self.filter_text = ""
        self._filter_noted = ""
        self._typed_from = None
        self._show_filter(False)
        self._focus(self.article_list)
        self._refresh_bindings_if_changed()

    def action_toggle_bookmark(self) -> None:
        """Bookmark the current article, or remove its bookmark."""
        key = self._current_key()
        if key is None or self.store is None:
            return
        self.store.toggle(key)
        self.bookmarked = frozenset(self.store.ids)
        self._report_store()  # with the title bar's count
        self._marks_changed("bookmarked")
        if self.bookmarks_only:
            self._refilter(pinned=True)

    def save_what_waits(self, *, wait: bool = True, quitting: bool = False) -> None:
        """Try once more to save the bookmarks, notes, tags and read marks that could not be
        saved. ``wait``: whether to wait a moment for another program's lock, as a change
        does. ``quitting``: tried as the user quits, which tries every bookmark kept, as a
        change does, even without waiting."""
        self.save_notes_again(wait=wait)
        self.save_kept_bookmarks(wait=wait, every_one=wait or quitting)

    def save_kept_bookmarks(self, *, wait: bool = True, every_one: bool = True) -> None:
        """Try once more to save the bookmarks kept while they could not be saved: another copy
        of briefing may have let go of the file since. ``every_one``: whether to try them all,
        as a change or a quit does, or only those a try may save (not into a file of a newer
        format, nor where the file was no regular file), as a try in the background does."""
        store = self.store
        if store is not None and (store.unsaved_changes if every_one else store.waits_to_save):
            store.save(wait=wait)
            self._report_store()

    def action_toggle_read(self) -> None:
        """Mark the current article unread, or read again."""
        brief_id = self._loaded_id("mark it unread")
        if brief_id is None or self.annotations is None:
            return
        self._stop_reading()  # the user says what it is: not read behind their back after
        self._set_read(brief_id, brief_id not in self.annotations.read)
        self._marks_changed("read")

    def action_edit_note(self) -> None:
        """Write or change the note on the current article."""
        from tui.app.screens.annotate import edit_note  # not needed for the first frame

        self._annotate(edit_note, "write a note on it")

    def action_edit_tags(self) -> None:
        """Give the current article tags, or change them."""
        from tui.app.screens.annotate import edit_tags  # not needed for the first frame

        self._annotate(edit_tags, "tag it")

    def _annotate(
        self, edit: Callable[[App[Any], Annotations, Brief], Awaitable[bool]], to_do: str
    ) -> None:
        """Ask, through ``edit``, what the user keeps about the current article (its note or its
        tags); show it when it changed. ``to_do`` says what, when the article failed to load."""
        if self._loaded_id(to_do) is None:
            return
        brief, annotations = self._current_brief(), self.annotations
        if brief is None or annotations is None:
            return
        before = annotations.annotation(brief.id)
        self._show_annotated(brief, annotations, before, edit(self.app, annotations, brief))

    @work(exclusive=True, group="annotate")
    async def _show_annotated(
        self, brief: Brief, annotations: Annotations, before: Annotation, edited: Awaitable[bool]
    ) -> None:
        """Once ``edited`` (a dialog's flow) is done, show what changed on ``brief``."""
        changed = await edited
        # The dialog reads the brief's note and tags again first: another copy of the reader
        # may have changed either, whichever the user edits, and even if they cancel.
        after = annotations.annotation(brief.id)
        kinds: list[MarkKind] = []
        if after.note != before.note:
            kinds.append("noted")
        if after.tags != before.tags:
            kinds.append("tagged")
        if changed or kinds:
            self._annotated(brief.id, kinds)

    def _annotated(self, brief_id: str, kinds: Iterable[MarkKind]) -> None:
        """Show the note or tags just changed on ``brief_id``, and what came of saving them."""
        self._report_annotations()
        self._marks_changed(*kinds)
        if brief_id == self._shown_id():
            self.brief_view.show_annotation(self._annotation_of(self._entry(self.shown_entry)))

    def _set_read(self, brief_id: str, read: bool) -> None:
        """Mark ``brief_id`` read or unread; its row, the count and the filter follow."""
        annotations = self.annotations
        if annotations is None or not annotations.set_read(brief_id, read):
            return
        if brief_id in self._ids_present:
            self._unread += -1 if read else 1
        self.article_list.refresh()  # its rows are kept drawn by whether they are read
        self._report_annotations()  # with the title bar's counts

    def _marks_changed(self, *kinds: MarkKind) -> None:
        """The user changed what a filter may name (``kinds``): ask it again if it names one."""
        self._marks_revisions.update(kinds)
        if self._list_query.query.marks_named.intersection(kinds):
            # The brief stays in the list, so that the same key puts the mark back.
            self._refilter(pinned=True)

    def action_toggle_bookmarks_only(self) -> None:
        """Show the bookmarked articles only, or all of them again."""
        self.bookmarks_only = not self.bookmarks_only

    def action_toggle_mark(self) -> None:
        """Mark the current article for export, or unmark it."""
        brief_id = self._loaded_id("mark it for export")
        if brief_id is not None:
            self.marked = self.marked ^ {brief_id}

    def action_mark_shown(self) -> None:
        """Mark every article the list shows for export: what a filter found, to hand over."""
        shown = {brief_id for row in self.article_list.rows if (brief_id := self._ids[row])}
        new = shown - self.marked
        if not shown:
            told = "Nothing shown can be marked: the files listed could not be loaded"
            self.notify(told, title="Export", severity="warning", markup=False)
            return
        if not new:
            told = (
                "The article shown is marked already"
                if len(shown) == 1
                else f"The {len(shown):,} articles shown are marked already"
            )
            self.notify(told, title="Export", markup=False)
            return
        self.marked = self.marked | new
        # Named as far as the filter holds it: terms past its first ones found nothing.
        query = terms_held(self.filter_text).strip()
        if self.bookmarks_only:
            query = f"{query} is:bookmarked".strip()
        if query and self.marked == shown and self.article_list.kept is None:
            self._marked_found = (query, self.marked)
        export = cast("BriefingApp", self.app).keys_of("reader.export")
        self.notify(
            f"Marked {plural(len(new), 'article')}, {len(self._marks_shown()):,} in all:"
            f" {export} exports them",
            title="Export",
            markup=False,
        )

    def action_unmark_all(self) -> None:
        """Unmark every article marked for export, those the list does not show too."""
        count = len(self._marks_shown())
        if count:
            self.marked = frozenset()
            self.notify(f"Unmarked {plural(count, 'article')}", title="Export", markup=False)

    def on_brief_view_review_asked(self, message: BriefView.ReviewAsked) -> None:
        self._review_fact(message.fact, reject=message.reject)

    def _review_fact(self, fact: int, *, reject: bool) -> None:
        """Confirm or reject ``fact`` of the brief shown, in its file, and read it again."""
        from tui.core.review import ReviewError, confirm_fact, reject_fact

        entry = self._entry(self.shown_entry)
        if entry is None or entry.brief is None or fact >= len(entry.brief.key_facts):
            return
        if self._fact_after_reload is not None and self._fact_after_reload[0] == entry.path:
            # Keys typed quickly: the brief shown is still as it was before its file was
            # edited, its cursor on the fact just reviewed, which this key is not meant for.
            self._reviews_waiting.append(reject)
            return
        facts = entry.brief.key_facts
        edit = reject_fact if reject else confirm_fact
        try:
            done = edit(self.root / entry.path, fact, facts[fact].quote)
        except ReviewError as error:
            self._notify_review(str(error), title="Review", severity="warning")
            return
        if reject:
            undo = cast("BriefingApp", self.app).keys_of("reader.undo_review")
            told = f"Fact {fact + 1} taken out of {entry.path}: {undo} puts it back"
            self._notify_review(told, title="Review")
        self._reviews_done.append((done, entry.path, fact))
        self.refresh_bindings()  # Undo is offered now
        # Read again at once rather than when the watcher tells: the next key may act on it.
        after = fact if reject else min(fact + 1, len(facts) - 1)
        self._fact_after_reload = (entry.path, after)
        self._reload()

    def action_undo_review(self) -> None:
        """Put the brief file of the last fact confirmed or rejected back as it was, and go to
        that fact; the one before it is next."""
        from tui.core.review import ReviewError, undo_edit

        if not self._reviews_done:
            return
        # Taken off even when refused: it would be refused again until the file is as the edit
        # left it, and the ones before it may still be undone.
        done, path, fact = self._reviews_done.pop()
        self.refresh_bindings()
        try:
            kept = undo_edit(done)
        except ReviewError as error:
            self._notify_review(str(error), title="Undo", severity="warning")
            return
        told = f"Fact {fact + 1} of {path} is as it was"
        if kept:
            told += "; the change made to the file since is kept"
        if self._reviews_done:
            undo = cast("BriefingApp", self.app).keys_of("reader.undo_review")
            told += f". {undo} again undoes the one before"
        self._notify_review(told, title="Undo")
        self._fact_after_reload = (path, fact)
        self._reload()

    def _notify_review(
        self, told: str, *, title: str, severity: SeverityLevel = "information"
    ) -> None:
        """Say what a review or its undoing did, in place of what the one before said."""
        cast("BriefingApp", self.app).notify_in_place(
            told, title=title, severity=severity, replacing=_REVIEW_NOTICES
        )

    def action_add_article(self) -> None:
        """Ask for an article, add it with a draft brief, and show the draft."""
        from tui.app.screens.add import add_article  # not needed for the first frame

        self._show_added(add_article(self.app, self.root, self._drafting, self._drafted_so_far))

    def _drafting(self, name: str, drafting: bool) -> None:
        """Say in the title bar that the brief of the article ``name`` is being drafted, until
        ``drafting`` is false. Said there rather than in a notice, which could stay up after."""
        if drafting:
            self._adding.append(name)
        else:
            self._adding.remove(name)
            if name not in self._adding:
                self._how_far.pop(name, None)
        self._update_header()
        if not drafting and not self._adding and self.quit_once_added:
            self.quit_once_added = False
            self.app.call_later(self.app.run_action, "quit")  # asking first, if need be

    def _drafted_so_far(self, name: str, how_far: str) -> None:
        """Say in the title bar how far the drafting of the article ``name`` has got."""
        if name in self._adding:  # not told after it is done
            self._how_far[name] = how_far
            self._update_header()

    @property
    def articles_being_added(self) -> tuple[str, ...]:
        """The names of the articles whose briefs are being drafted."""
        return tuple(self._adding)

    @work(group="add")  # each add its own: one asked for while another drafts keeps both
    async def _show_added(self, adding: Awaitable[Outcome | None]) -> None:
        """Once ``adding`` (the add dialog's flow) is done, say what came of it and show the
        brief."""
        outcome = await adding
        if outcome is None or outcome.brief is None:
            return
        if outcome.status == "added":
            facts = plural(outcome.facts or 0, "fact")
            message = f"Added {outcome.title}: a draft brief with {facts} to review"
        else:
            message = f"That article is in the corpus already: {outcome.brief}"
        self.notify(message, title="Add", markup=False)
        if outcome.status != "added" and self._go_to(outcome.brief):
            return
        self._select_after_reload = outcome.brief
        self._reload()

    def _go_to(self, key: str) -> bool:
        """Put the cursor on the brief ``key`` (its file or its id), the filter and the
        bookmarks-only switch turned off if they hide it; False when the corpus shown has none."""
        corpus = self.corpus
        position = corpus.entries.position_of(key) if corpus is not None else None
        if position is None:
            return False
        if position not in self.article_list.rows and self.bookmarks_only:
            self.bookmarks_only = False
        if position not in self.article_list.rows:
            self.action_clear_filter()
        self._show_rows(position)
        self._focus(self.article_list)
        return True

    def action_edit_brief(self) -> None:
        """Open the brief under the cursor in the user's editor; read the corpus again after."""
        import shlex
        import subprocess

        from textual.app import SuspendNotSupported

        cursor = self.article_list.cursor_entry
        entry = self._entry(cursor)
        if entry is None:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            message = "Set VISUAL or EDITOR to the editor to use, such as  export EDITOR=nano"
            self.notify(message, title="Edit", severity="warning", markup=False)
            return
        failed: Exception | None = None
        status = 0
        try:
            command = [*shlex.split(editor), str(self.root / entry.path)]
            with self.app.suspend():
                # Caught inside: an error leaving the block would leave the terminal suspended,
                # the screen blank, and the reader unable to take keys.
                try:
                    status = subprocess.run(command, check=False).returncode
                except OSError as error:
                    failed = error
        except SuspendNotSupported:
            self.notify("This terminal cannot run an editor from the reader.", title="Edit")
            return
        except ValueError as error:  # a quote left open in the variable
            failed = error
        if failed is not None:
            message = f"The editor {editor!r} could not be started: {failed}"
            self.notify(message, title="Edit", severity="error", markup=False)
            return
        if status != 0:
            # The editor may have failed before the user saw the brief, or after a save.
            message = (
                f"The editor {editor!r} ended with status {status}: the brief is shown as the"
                " file is now"
            )
            self.notify(message, title="Edit", severity="warning", markup=False)
        self._fact_after_reload = (entry.path, self.current_fact or 0)
        self._reload()

    def action_facets(self) -> None:
        """Count the values of the articles listed, field by field; narrow the list to the one
        chosen."""
        from tui.app.screens.facets import FacetDialog  # not needed for the first frame

        request = self._facet_request()
        if request is None:
            return
        self._facet_dialog = FacetDialog(request)
        self.app.push_screen(self._facet_dialog, self._facet_chosen)

    def _facet_request(self) -> FacetRequest | None:
        """What the facets dialog is to count: the briefs the list shows now."""
        from tui.app.screens.facets import FacetRequest

        if self.corpus is None:
            return None
        query = rows_query(self.filter_text, bookmarks_only=self.bookmarks_only)
        # The facets count what the filter finds: not a brief it keeps only for the cursor, nor
        # a file that failed to load, whose values are not known.
        rows, kept = self.article_list.rows, self.article_list.kept
        unloaded = sum(1 for row in rows if self._ids[row] is None and row != kept)
        shown = len(rows) - (kept is not None) - unloaded
        marks = self._list_query.marks_found_with(self._user_marks())
        return FacetRequest(self.corpus.entries, query, marks, self.filter_text, shown, unloaded)

    def _recount_facets(self) -> None:
        """Have the open facets dialog count anew when the briefs listed have changed."""
        dialog = self._facet_dialog
        if dialog is None:
            return
        request = self._facet_request()
        asked = dialog.request
        if request is not None and (
            request.entries is not asked.entries
            or (request.query, request.shown) != (asked.query, asked.shown)
        ):
            dialog.recount(request)

    def _facet_chosen(self, text: str | None) -> None:
        self._facet_dialog = None
        if text is None:
            return
        self.filter_input.value = text
        # Where the user goes on typing: a value set leaves the cursor where it was (at the
        # start of an empty filter), and a word typed there would run into the term.
        self.filter_input.cursor_position = len(text)
        self.filter_text = text
        self._show_filter(True)
        self._focus(self.article_list)
        self._refresh_bindings_if_changed()

    def action_toggle_original(self) -> None:
        """Show or hide the original text."""
        self.show_original = not self.show_original

    def action_next_pane(self) -> None:
        """Give the next pane the keys. The filter kept on screen is no pane: / gives it the
        keys, and a letter typed there after Tab would go into the filter unseen."""
        self._to_pane(self.focus_next)

    def action_previous_pane(self) -> None:
        """Give the pane before the keys (see :meth:`action_next_pane`)."""
        self._to_pane(self.focus_previous)

    def _to_pane(self, move: Callable[[], Widget | None]) -> None:
        if self.maximized is not None:
            # The other panes are hidden with the one filling the screen, and Tab went nowhere:
            # they come back first, and the keys move on once they are shown again.
            self.minimize()
            self.call_after_refresh(self._to_pane, move)
            return
        for _ in range(len(PANES) + 1):
            if not isinstance(move(), FilterInput):
                return

    def action_find_in_article(self) -> None:
        """Find words in the original text, showing it first when it is hidden; Esc then gives
        the keys back to the pane that had them."""
        if self.focused is not self.article_view:
            self._focus_before_finding = self.focused
        if self.show_original:
            self._start_finding()
        else:
            self.show_original = True
            # A pane hidden by its style cannot take the focus until the style is applied,
            # after the next refresh.
            self.call_after_refresh(self._start_finding)

    def _start_finding(self) -> None:
        self._focus(self.article_view)
        self.article_view.start_finding()

    def on_article_view_finding_changed(self) -> None:
        self._update_header()  # over a maximised pane, the keys of finding
        if self.article_view.finding:
            return
        before, self._focus_before_finding = self._focus_before_finding, None
        # Stopped with Esc, the pane still has the keys; left with Tab or a click, it has not.
        if before is not None and before.is_attached and self.focused is self.article_view:
            self._focus(before)

    def _focus(self, widget: Widget) -> None:
        """Give ``widget`` the keys, bringing back every pane when a maximised one hides it:
        keys into what cannot be seen are lost (Enter on a maximised list went to the hidden
        facts, a filter typed there was not seen)."""
        maximized = self.maximized
        if maximized is not None and widget is not maximized and maximized not in widget.ancestors:
            self.minimize()
        self.set_focus(widget)

    def action_toggle_maximize(self) -> None:
        """Let the pane with the focus fill the screen, or put it back."""
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None and self.focused.id in PANES:
            self.maximize(self.focused)

    def watch_maximized(self) -> None:
        # Also when Esc puts the pane back, which Textual does before any binding sees the key.
        maximized = self.maximized.id if self.maximized is not None else None
        self._save_layout(self.pane_layout._replace(maximized=maximized))
        self._update_header()
        if self._read_when_back and self._brief_in_sight:
            self._read_when_back = False
            self._mark_shown_read()  # shown under the maximised list: in sight now
        if maximized is not None and not self._told_how_to_restore:
            # The key line is hidden with the other panes: say once how to bring them back.
            key = cast("BriefingApp", self.app).keys_of("reader.maximize")
            self.notify(f"{key} or Esc puts the other panes back", title="Maximized")
            self._told_how_to_restore = True

    def action_resize_list(self, steps: int) -> None:
        """Give the list more (``steps`` > 0) or less of the screen, in the arrangement in use."""
        beside = self.size.width >= WIDE_WIDTH
        width = self.query_one("#list-pane").outer_size.width
        narrowest = steps < 0 and width <= LIST_MIN_WIDTH
        if beside and (narrowest or (steps > 0 and width >= self._widest_list(self.size.width))):
            self.app.bell()  # as narrow or wide as it goes: the other key then acts at once
            return
        self._save_layout(self.pane_layout.resized(steps, beside=beside))
        self._size_list(self.size.width)

    def _save_layout(self, layout: PaneLayout) -> None:
        """Keep ``layout`` for this session and the next; say once when it cannot be saved."""
        if layout == self.pane_layout:
            return
        self.pane_layout = layout
        error = save_layout(state_dir(), layout)
        if error and error != self._layout_error:
            self.notify(error, title="Layout", severity="warning", markup=False)
        self._layout_error = error

    def action_export(self) -> None:
        """Export the marked articles, or the current one, to a Markdown file."""
        # Not needed for the first frame.
        from tui.app.screens.export import export_briefs, export_selection

        corpus = self.corpus
        if corpus is None:
            return
        marks = self._present_marks()
        failed = sorted(self._marks_shown() - marks)
        if failed and not marks:
            # Exporting the brief under the cursor instead would hand over one never marked.
            them = "it" if len(failed) == 1 else "them"
            self.notify(
                f"Nothing exported: the marked {'brief' if len(failed) == 1 else 'briefs'}"
                f" {', '.join(failed)} failed to load. Mend {them}, or unmark {them} to export"
                " the brief under the cursor.",
                title="Export",
                severity="error",
                markup=False,
            )
            return
        if not marks and self._loaded_id("export it, or mark briefs that loaded") is None:
            return
        current = self._entry(self.article_list.cursor_entry)
        found = self._marked_found
        selection = export_selection(
            corpus,
            marks,
            current if current and current.brief else None,
            len(failed),
            found_by=found[0] if found is not None and found[1] == marks else "",
        )
        if selection is not None:
            annotated = self.annotations.annotation if self.annotations else None
            self._export_with(export_briefs(self.app, corpus, selection, annotated), marks)

    @work(exclusive=True, group="export")
    async def _export_with(self, exporting: Awaitable[Path | None], marks: frozenset[str]) -> None:
        """Run ``exporting``, the export dialog's flow, which says what came of it; once it
        wrote the briefs ``marks`` marked, those marks are exported."""
        if await exporting is not None and marks:
            self._exported_marks = marks

    def unexported_marks(self) -> str | None:
        """The marks for export made since the last export of the marked briefs, as a quit
        would lose them (``the 3 briefs marked for export``, ``the 4 briefs marked for export,
        1 since the last export``); None when every brief marked went into that export."""
        marks = self._marks_shown()
        new = marks - self._exported_marks
        if not new:
            return None
        lost = f"the {plural(len(marks), 'brief')} marked for export"
        return lost if new == marks else f"{lost}, {len(new):,} since the last export"

    def commands(self) -> Iterator[Command]:
        """The actions that apply now, for the command palette: the screen's, the moves of the
        panes (each says why when there is nothing to move through), and the other actions of
        the pane with the focus (confirming a fact of a draft)."""
        app = cast("BriefingApp", self.app)
        for action in in_palette("reader"):
            if not self.check_action(action.action, ()):
                continue
            on = bool(getattr(self, action.switch)) if action.switch else False
            keys = app.keys_of(action.id)
            described = f"{action.description} ({keys})"
            yield Command(action.palette_title(on), described, action.action, action.words)
        for place in PANE_PLACES:
            pane = self._pane_of(place)
            for action in in_palette(place):
                if action.move:
                    # Run on its pane, whichever had the keys: "Next fact" from the list too.
                    run = f"move({place!r}, {action.action!r})"
                elif pane is self.focused and pane.check_action(action.action, ()):
                    # The palette gives the focus back to the pane before the command runs.
                    run = f"focused.{action.action}"
                else:
                    continue
                keys = app.keys_of(action.id)
                described = f"{action.description} ({keys})"
                yield Command(action.palette_title(False), described, run, action.words)

    def _pane_of(self, place: PanePlace) -> Widget:
        """The pane whose actions are those of ``place``."""
        if place == "list":
            return self.article_list
        return self.brief_view if place == "facts" else self.article_view

    def _why_no_moves(self, place: PanePlace) -> str | None:
        """Why the pane of ``place`` has nothing to move through, if it has not: the list no
        row, the brief pane no facts, the original pane no article (or it is hidden)."""
        if place == "list":
            return None if self.article_list.rows else "The list shows no article"
        brief = self._shown_brief()
        if brief is None:
            return "No brief is shown"
        if place == "facts":
            return None if brief.key_facts else "The brief shown has no key facts"
        if not self.show_original:
            key = cast("BriefingApp", self.app).keys_of("reader.original")
            return f"The original text is hidden: {key} shows it"
        return None

    async def action_move(self, place: PanePlace, action: str) -> None:
        """Run ``action``, a move of the pane of ``place``, on that pane, which takes the keys:
        the palette's moves act on their pane whichever had the keys ("Next fact" from the
        list), and the keys pressed after them go on from there. Where there is nothing to move
        through, it says so: the palette offers the moves always, so that typing one's name
        never picks another command."""
        if place not in PANE_PLACES:
            return
        why = self._why_no_moves(place)
        if why is not None:
            self.notify(why, markup=False)
            return
        pane = self._pane_of(place)
        self._focus(pane)
        await pane.run_action(action)

    @property
    def current_bookmarked(self) -> bool:
        """Whether the brief under the cursor is bookmarked."""
        key = self._current_key()
        return key is not None and key in self.bookmarked

    @property
    def current_read(self) -> bool:
        """Whether the brief under the cursor is read."""
        brief_id = self._current_id()
        return (
            brief_id is not None
            and self.annotations is not None
            and (brief_id in self.annotations.read)
        )

    @property
    def current_marked(self) -> bool:
        """Whether the brief under the cursor is marked for export."""
        brief_id = self._current_id()
        return brief_id is not None and brief_id in self.marked

    @property
    def pane_maximized(self) -> bool:
        """Whether a pane fills the screen."""
        return self.maximized is not None

    # Helpers.

    def _filter_open(self) -> bool:
        if self.filter_text:
            return True
        return self.filter_input.display

    def _entry(self, index: int | None) -> Entry | None:
        if index is None or self.corpus is None:
            return None
        return self.corpus.entries[index]

    def _shown_brief(self) -> Brief | None:
        """The brief the panes show (or are to show), if there is one."""
        entry = self._entry(self.shown_entry)
        return entry.brief if entry else None

    def _current_brief(self) -> Brief | None:
        # The list's cursor rather than shown_entry: a key typed right after a move acts on the
        # article moved to, even before the list's message about the move has arrived.
        entry = self._entry(self.article_list.cursor_entry)
        return entry.brief if entry else None

    def _current_id(self) -> str | None:
        """The id of the brief under the cursor."""
        cursor = self.article_list.cursor_entry
        return None if cursor is None or self.corpus is None else self._ids[cursor]

    def _loaded_id(self, to_do: str) -> str | None:
        """The id of the brief under the cursor; None, telling the user why, when its file
        failed to load. ``to_do`` says what the user asked to do with it (``tag it``)."""
        brief_id = self._current_id()
        entry = self._entry(self.article_list.cursor_entry)
        if brief_id is None and entry is not None:
            edit = cast("BriefingApp", self.app).keys_of("reader.edit")
            self.notify(
                f"{entry.path} could not be loaded: mend it ({edit}) to {to_do}",
                title="Not loaded",
                severity="warning",
                markup=False,
            )
        return brief_id

    def _current_key(self) -> str | None:
        """What the entry under the cursor is bookmarked under: its brief's id, or the name of
        a file that failed to load, which is the id the brief will have once it loads."""
        entry = self._entry(self.article_list.cursor_entry)
        return entry.key if entry else None

    def _shown_id(self) -> str | None:
        brief = self._shown_brief()
        return brief.id if brief else None

    def _annotation_of(self, entry: Entry | None) -> Annotation | None:
        """What the user keeps about ``entry``'s brief, for the brief pane: of a file that failed
        to load, what is kept under its name, which is its brief's id (an edit broke it)."""
        if entry is None or self.annotations is None:
            return None
        return self.annotations.annotation(entry.key)

    def _report_annotations(self) -> None:
        """Tell the user what the notes store has to say, once; and, when it could not save,
        try again in a while."""
        told = self._notes_error
        self._notes_error = self._report_user_state(
            self.annotations, "Notes", "Notes, tags and read marks are saved again.", told
        )
        self._update_header()  # changes may be kept unsaved, or saved now
        annotations = self.annotations
        if annotations is not None and annotations.waits_to_save:
            self._retry_saving_later()

    def _retry_saving_later(self) -> None:
        """Try again in a while to save what could not be saved, unless a try is due already."""
        if self._save_retry is None:
            self._save_retry = self.set_timer(SAVE_RETRY_S, self._retry_saving)

    def _retry_saving(self) -> None:
        self._save_retry = None
        # Not waiting for the lock to go: while it stays, the keys would stop every few seconds.
        self.save_what_waits(wait=False)
        cast("BriefingApp", self.app).quit_if_nothing_is_lost_now()

    def save_notes_again(self, *, wait: bool = True) -> None:
        """Try again to save the notes, tags and read marks that could not be saved, and show
        what came of it: the note shown, joined to one another copy saved meanwhile, too.
        ``wait``: whether to wait a moment for another program's lock, as a change does."""
        annotations = self.annotations
        if annotations is None or not annotations.waits_to_save:
            return
        shown = self._annotation_of(self._entry(self.shown_entry))
        annotations.save_again(wait=wait)
        self._report_annotations()
        if self._annotation_of(self._entry(self.shown_entry)) != shown:
            self.brief_view.show_annotation(self._annotation_of(self._entry(self.shown_entry)))

    def _report_store(self) -> None:
        """Tell the user what the bookmark store has to say, once."""
        told = self._save_error
        self._save_error = self._report_user_state(
            self.store, "Bookmarks", "Bookmarks are saved again.", told
        )
        self._update_header()
        if self.store is not None and self.store.waits_to_save:
            self._retry_saving_later()

    def _report_user_state(
        self,
        source: BookmarkStore | Annotations | None,
        title: str,
        saved_again: str,
        told: str | None,
    ) -> str | None:
        """Tell the user the notices of ``source``, once each, and whether it can save, when
        that is not what they were last ``told``; the saving error to remember as told."""
        if source is None:
            return told
        for notice in source.notices:
            self.notify(notice, title=title, severity="warning", markup=False, timeout=10)
        source.notices.clear()
        if source.save_error != told:
            if source.save_error:
                self.notify(source.save_error, title=title, severity="error", markup=False)
            elif told:
                self.notify(saved_again, title=title, markup=False)
        return source.save_error


def _with_how_far(name: str, how_far: dict[str, str]) -> str:
    """The article ``name`` as the title bar names it while its brief is drafted, with how far
    that has got when it is known: ``plant.txt: step 3 of 4, 40%``."""
    told = how_far.get(name)
    return name if told is None else f"{name}: {told}"


def _path_in(corpus: Corpus | None, entry: int | None) -> str | None:
    """The file of entry ``entry`` of ``corpus``, if there is one."""
    if corpus is None or entry is None or entry >= len(corpus.entries):
        return None
    return corpus.entries[entry].path


def _why_no_article(entry: Entry) -> str:
    """What the checks of ``entry``'s brief found wrong with its article, with what to do; ""
    when they found nothing (an article emptied since, say)."""
    said = (p.in_full for p in entry.problems if p.field == "source" and p.file == entry.path)
    return next(said, "")
