"""The original pane: the article wrapped to the pane, every quoted passage faintly marked, the
current fact's quote strongly, and scrolled into view wherever it is in the article. The web
page's furniture around the article, where its brief says where the article starts and ends, is
muted. Words typed to find are marked where they stand, the one gone to strongly.

Articles can run to megabytes. The pane keeps the text once and where each wrapped line starts
and ends, and styles only the lines on screen. The pane is handed the article's text; until a
long one has been read (elsewhere) and laid out (in a thread), it keeps what it showed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import partial
from typing import ClassVar, NamedTuple

from rich.cells import get_character_cell_size
from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from tui.app.actions import bindings_of
from tui.app.widgets._render import content_strip
from tui.app.widgets._scrolling import FittedScrollView, set_virtual_size
from tui.app.wrap import WrappedText, wrap_text
from tui.core.finding import Finding, Found
from tui.core.model import Brief, stands_outside
from tui.core.quotes import Span
from tui.core.recent import RecentlyUsed
from tui.core.text import line_range

SYNC_LAYOUT_LIMIT = 100_000
"""Articles up to this many characters are laid out at once; longer ones in a thread."""
SYNC_FIND_LIMIT = 100_000
"""Articles up to this many characters are searched for words typed at once (well within a
keystroke); longer ones in a thread."""
LOADING_NOTICE_DELAY = 0.2
"""Seconds an article may take to load, or to be laid out, before the pane says so."""
LOADING_NOTICE = "Loading the article…"
LAYING_OUT_NOTICE = "Laying out the article…"
UNREADABLE_NOTICE = (
    "The article is empty or cannot be read: Problems, at the end of the brief, say why."
)
_CACHED_LAYOUTS = 4
"""How many layouts (an article at a width) the pane keeps."""
ERASING_KEYS: dict[str, tuple[Callable[[Finding], None], str]] = {
    "backspace": (Finding.erase, "Take off the last letter"),
    "ctrl+w": (Finding.erase_word, "Take off the last word"),
    "ctrl+u": (Finding.erase_all, "Take off all the words"),
}
"""The keys that take back words typed to find, as in the filter and in a shell: what each does
to them, and how the help screen says it."""


# A named tuple, which takes a fraction of the time a frozen dataclass does to define: this
# module is imported at every start.
class _Prepared(NamedTuple):
    """What a worker laid out for one request."""

    request: int
    source: str
    wrapped: WrappedText | None


def _prepare(request: int, source: str, text: str, width: int) -> _Prepared:
    return _Prepared(request, source, wrap_text(text, width) if width > 0 else None)


class _Searched(NamedTuple):
    """What a worker found of the words of one finding."""

    finding: Finding
    found: Found


def _search(finding: Finding, text: str) -> _Searched:
    return _Searched(finding, finding.search(text))


class ArticleView(FittedScrollView, can_focus=True):
    """The article a brief was written from, with the brief's quotes marked in it."""

    # The colours of its parts, kept with the pane that draws them.
    DEFAULT_CSS = """
    ArticleView {
        & > .article-view--quote {
            background: $secondary 25%;
        }
        & > .article-view--current {
            color: $text;
            background: $warning 45%;
            text-style: bold;
        }
        & > .article-view--furniture {
            color: $text-muted;
        }
        /* Green and underlined, apart from the quotes' blue and orange in any theme, and in a
           terminal of few colours, which may draw two tints alike. */
        & > .article-view--found {
            background: $success 40%;
            text-style: underline;
        }
        & > .article-view--found-current {
            color: $background;
            background: $success;
            text-style: bold underline;
        }
        & > .article-view--notice {
            color: $text-muted;
            text-style: italic;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_of("original")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--quote",
        "article-view--current",
        "article-view--furniture",
        "article-view--found",
        "article-view--found-current",
        "article-view--notice",
    }

    class FindingChanged(Message):
        """The pane began, or stopped, taking the keys as words to find."""

    class QuoteClicked(Message):
        """The user clicked the quote of a fact."""

        def __init__(self, fact: int) -> None:
            super().__init__()
            self.fact = fact
            """Index of the fact in the brief's ``key_facts``."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._request = 0
        self._source: str | None = None
        self._source_path = ""
        self._text: str | None = None
        """The article shown, or None while it loads."""
        self._spans: tuple[Span | None, ...] = ()
        self._article_span: Span | None = None
        """Where the article stands in the text shown; None for all of it."""
        self._current: int | None = None
        self._notice = ""
        self._why_empty = ""
        self._wrapped: WrappedText | None = None
        """The lines on screen; they may still be those of the article shown before."""
        self._layout_request: tuple[int, int] | None = None
        self._scroll_anchor: int | None = None
        self._follow_quote = True
        """False once the user scrolls: a resize then keeps their place instead of the quote."""
        self._loading_timer: Timer | None = None
        self._laying_out = False
        """Whether the pane says the article is being laid out: a long one takes seconds."""
        self._layouts: RecentlyUsed[tuple[str, int], WrappedText] = RecentlyUsed(_CACHED_LAYOUTS)
        self._finding: Finding | None = None
        """The words typed to find in the article, while keys typed are taken so."""
        self._last_words = ""
        """The words of the last finding, found again at the next."""

    @property
    def is_ready(self) -> bool:
        """True when the article shown is laid out for the pane's width."""
        return (
            self._wrapped is not None
            and self._wrapped.text is self._text
            and self._wrapped.width == self._text_width()
        )

    @property
    def current_quote_lines(self) -> tuple[int, int] | None:
        """First and last wrapped line of the current fact's quote, or None when it has none."""
        return self._lines_of(self._current_span())

    @property
    def current_found_lines(self) -> tuple[int, int] | None:
        """First and last wrapped line of the place found gone to, or None when none is."""
        return self._lines_of(self.found_span)

    def _lines_of(self, span: Span | None) -> tuple[int, int] | None:
        if span is None or not self.is_ready:
            return None
        wrapped = self._wrapped
        assert wrapped is not None
        return wrapped.line_of(span.start), wrapped.line_of(max(span.start, span.end - 1))

    @property
    def _article_unreadable(self) -> bool:
        """Whether the article was read and has nothing to show: empty, missing or refused."""
        return self._text is not None and bool(self._notice)

    def show_notice(self, notice: str) -> None:
        """Show ``notice`` (or nothing) in place of an article."""
        self._request += 1
        self._stop_loading_timer()
        self._source, self._source_path, self._text = None, "", ""
        self._spans, self._current, self._wrapped = (), None, None
        self._article_span = None
        self.stop_finding()
        self._notice = notice
        self._update_titles()
        set_virtual_size(self, Size(0, 0))
        self.refresh()

    def forget_layouts(self) -> None:
        """Let go of the articles laid out to show again: their files may have changed."""
        self._layouts = RecentlyUsed(_CACHED_LAYOUTS)

    def show_brief(
        self, brief: Brief, text: str | None, fact: int | None, why_empty: str = ""
    ) -> None:
        """Show ``text``, the article of ``brief``, with its quotes marked, ``fact``'s strongly.

        ``text`` is None while the article is being read: the pane keeps what it showed, under
        that article's title, until :meth:`show_text` hands it over, and says the article is
        loading if that takes long. ``why_empty``: what the brief's checks found wrong with its
        article, said in its place should it have no text.
        """
        self._request += 1
        self._why_empty = why_empty
        self._stop_loading_timer()
        self._source, self._source_path = brief.source, brief.source_path
        self._spans = tuple(fact.span for fact in brief.key_facts)
        self._article_span = brief.article_span
        self._current = fact
        self._notice = ""
        self._scroll_anchor = None
        if text is None:
            self._text = None
            self._update_titles()
            self._loading_timer = self.set_timer(LOADING_NOTICE_DELAY, self._show_loading)
            return
        self._open(text)

    def show_if_changed(self, brief: Brief, text: str, why_empty: str = "") -> None:
        """Show ``text``, the article of ``brief`` read again, unless the pane shows just that:
        a corpus read again for another file leaves the pane, and where it is scrolled, as is.
        ``why_empty`` as for :meth:`show_brief`."""
        spans = tuple(fact.span for fact in brief.key_facts)
        if (brief.source, text, spans, brief.article_span, why_empty) != (
            self._source,
            self._text,
            self._spans,
            self._article_span,
            self._why_empty,
        ):
            self.show_brief(brief, text, self._current, why_empty)

    def show_text(self, source: str, text: str) -> None:
        """Show ``text``, read for the article ``source``, if the pane is still waiting for it."""
        if self._text is None and source == self._source:
            self._open(text)

    def highlight(self, fact: int | None) -> None:
        """Make ``fact``'s quote the strongly marked one and scroll it into view."""
        self._current = fact
        self._follow_quote = True
        self._update_titles()
        self.refresh()
        self._scroll_to_current()

    @property
    def finding(self) -> bool:
        """Whether the keys typed are words to find in the article."""
        return self._finding is not None

    @property
    def found_position(self) -> tuple[int, int]:
        """Which place of the words found is gone to (from 1; 0 for none), and of how many."""
        return self._finding.position if self._finding else (0, 0)

    @property
    def found_span(self) -> Span | None:
        """Where the place found gone to stands in the article; None when none is."""
        return self._finding.place if self._finding else None

    def start_finding(self) -> None:
        """Take the keys typed as words to find in the article, until Esc or the focus leaves:
        each place they stand is marked, and the first in view or after it gone to. The words
        of the last finding are found again, until a character typed takes their place."""
        if self._finding is not None:
            return
        if self._article_unreadable or self._source is None:
            self.notify("There is no article text to find words in.", severity="warning")
            return
        self._finding = Finding(self._last_words)
        self._find()
        self.screen.refresh_bindings()  # the keys that find, in the key line
        self.post_message(self.FindingChanged())
        # Shown just now (after a maximised pane put back), the pane has no width yet to fit
        # the words to.
        self.call_after_refresh(self._update_titles)

    def stop_finding(self) -> None:
        """Stop finding, and let go of the places found."""
        if self._finding is None:
            return
        self._last_words = self._finding.words
        self._finding.let_go()
        self._finding = None
        self._update_titles()
        self.refresh()
        self.screen.refresh_bindings()
        self.post_message(self.FindingChanged())

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # While finding, a character is typed into the words: the key line leaves out the keys
        # it would be, as it does for an input.
        return self._finding is not None and character is not None and character.isprintable()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        finding = self._finding
        if action in ("next_found", "previous_found"):
            # Shown in the key line only while finding; dim while no place is found.
            return None if finding is not None and not finding.places else finding is not None
        if action == "stop_finding":
            return finding is not None
        if action in ("line_down", "line_up"):
            return finding is None  # down and up go from place to place instead
        return True

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls each class's handler in turn (Widget's after this one) unless the
        # default is prevented, and a key not stopped goes on to the bindings: Enter, down, up
        # and Esc go there, to the actions of finding.
        finding = self._finding
        if finding is None:
            return
        if event.key in ERASING_KEYS:
            erase, _ = ERASING_KEYS[event.key]
            erase(finding)
        elif event.is_printable and event.character:
            finding.add(event.character)  # "j" is a letter here, not a key
        else:
            return
        event.stop()
        event.prevent_default()
        self._find()

    def _on_paste(self, event: events.Paste) -> None:
        if self._finding is not None:
            event.stop()
            # Lines run into one another: white space of any kind is one space to the finding.
            self._finding.add(" ".join(event.text.splitlines()))
            self._find()

    def _on_blur(self, event: events.Blur) -> None:
        # The terminal losing the focus takes it from the pane too, and gives it back: the
        # finding goes on then. It ends only when the user leaves the pane.
        if self.app.app_focus:
            self.stop_finding()

    def action_next_found(self) -> None:
        """Go to the next place the words stand at, round to the first."""
        self._go_to_found(+1)

    def action_previous_found(self) -> None:
        """Go to the place before, round to the last."""
        self._go_to_found(-1)

    def action_stop_finding(self) -> None:
        """Stop finding words."""
        self.stop_finding()

    def _find(self) -> None:
        """Find the words in the article shown (see :meth:`Finding.take`), from the top of the
        pane; in a long article in a thread, the pane saying it is finding meanwhile."""
        finding = self._finding
        if finding is None:
            return
        text = self._text
        if text is not None and len(text) > SYNC_FIND_LIMIT:
            finding.searching = True
            self._update_titles()
            self.run_worker(
                partial(_search, finding, text),
                name="find",
                group="article-find",
                thread=True,
                exclusive=True,
            )
            return
        self._take_found(finding, finding.search(text))

    def _take_found(self, finding: Finding, found: Found) -> None:
        finding.take(found, self._top_offset() or 0)
        self._update_titles()
        self._scroll_to_found()
        self.refresh()

    def _go_to_found(self, step: int) -> None:
        finding = self._finding
        if finding is None:
            return
        top = self._top_offset()
        if top is None or not self.is_ready or self._found_in_view():
            moved = finding.step(step)
        else:
            moved = finding.step_from(top, step)  # scrolled away: on from the top of the pane
        if not moved:
            self.app.bell()
            return
        self._update_titles()
        self._scroll_to_found()
        self.refresh()

    def _top_offset(self) -> int | None:
        """Where in the article the pane's top line starts; None while the article shown is
        not laid out."""
        wrapped = self._wrapped
        if wrapped is None or not len(wrapped) or wrapped.text is not self._text:
            return None
        return wrapped.starts[min(self.scroll_offset.y, len(wrapped) - 1)]

    def _found_in_view(self) -> bool:
        return self._in_view(self.current_found_lines)

    def _scroll_to_found(self) -> None:
        """Bring the place found gone to into view, a quarter of the pane down, unless it shows
        already; the view then keeps its place on a resize, rather than going back to the
        quote."""
        lines = self.current_found_lines
        if lines is None:
            return
        self._follow_quote = False
        if self._found_in_view():
            return
        height = self.scrollable_content_region.height
        self.scroll_to(y=max(0, lines[0] - height // 4), animate=False, force=True)

    def action_line_down(self) -> None:
        """Scroll down a line."""
        self._scroll_by_user(self.scroll_offset.y + 1)

    def action_line_up(self) -> None:
        """Scroll up a line."""
        self._scroll_by_user(self.scroll_offset.y - 1)

    def action_top(self) -> None:
        """Scroll to the start of the article."""
        self._scroll_by_user(0)

    def action_bottom(self) -> None:
        """Scroll to the end of the article."""
        self._scroll_by_user(self.max_scroll_y)

    def action_page_down(self) -> None:
        """Scroll down a screenful."""
        self._scroll_by_user(self.scroll_offset.y + self._page())

    def action_page_up(self) -> None:
        """Scroll up a screenful."""
        self._scroll_by_user(self.scroll_offset.y - self._page())

    def _scroll_by_user(self, y: int) -> None:
        self._follow_quote = False
        self.scroll_to(y=y, animate=False, force=True)

    def on_mouse_scroll_down(self) -> None:
        self._follow_quote = False

    def on_mouse_scroll_up(self) -> None:
        self._follow_quote = False

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _text_width(self) -> int:
        return self.scrollable_content_region.width

    def _open(self, text: str) -> None:
        """Show ``text`` as the article, laid out now if that is quick."""
        # Said to be loading, the pane goes on to say it is laid out, not blank for a moment.
        waited = self._notice == LOADING_NOTICE
        self._stop_loading_timer()
        self._text = text
        if text.strip():
            self._notice = ""
        elif self._why_empty:
            self._notice = f"The article cannot be shown: {self._why_empty}"
        else:
            self._notice = UNREADABLE_NOTICE
        self._update_titles()
        self._scroll_anchor = None
        self._follow_quote = True
        self._wrapped = None
        self.scroll_to(y=0, animate=False, force=True)
        self._ensure_layout()
        if waited and self._wrapped is None:
            self._stop_loading_timer()
            self._laying_out = True
        if self._finding is not None:
            self._find()  # the article read again
        self.refresh()

    def _start_worker(self, source: str, text: str) -> None:
        width = self._text_width()
        self._layout_request = (self._request, width)
        self.run_worker(
            partial(_prepare, self._request, source, text, width),
            name="article",
            group="article-view",
            thread=True,
            exclusive=True,
        )
        if self._loading_timer is None and self._wrapped is None:
            self._loading_timer = self.set_timer(LOADING_NOTICE_DELAY, self._show_loading)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        result = event.worker.result
        if event.state is WorkerState.SUCCESS and isinstance(result, _Searched):
            event.stop()
            finding = self._finding
            # Words typed since, or a finding stopped or begun again, make it out of date.
            if finding is result.finding and result.found.words == finding.words:
                self._take_found(finding, result.found)
            return
        if event.state is not WorkerState.SUCCESS or not isinstance(result, _Prepared):
            return
        event.stop()
        if result.wrapped is not None:
            self._remember_layout(result.source, result.wrapped)
        if result.request != self._request:
            return
        self._layout_request = None
        self._ensure_layout()

    def _remember_layout(self, source: str, wrapped: WrappedText) -> None:
        self._layouts.put((source, wrapped.width), wrapped)

    def _ensure_layout(self) -> None:
        """Lay the article out for the pane's width: at once when short, else in a thread."""
        text, source, width = self._text, self._source, self._text_width()
        if text is None or source is None or width <= 0 or self.is_ready:
            return
        cached = self._layouts.get((source, width))
        if cached is not None and cached.text is text:
            self._use_layout(cached)
        elif len(text) <= SYNC_LAYOUT_LIMIT:
            wrapped = wrap_text(text, width)
            self._remember_layout(source, wrapped)
            self._use_layout(wrapped)
        elif self._layout_request != (self._request, width):
            self._start_worker(source, text)

    def _use_layout(self, wrapped: WrappedText) -> None:
        self._stop_loading_timer()
        anchor = self._scroll_anchor
        self._wrapped = wrapped
        self._scroll_anchor = None
        set_virtual_size(self, Size(wrapped.width, len(wrapped)))
        self.refresh()
        if self._follow_quote:
            self._place_current()
        elif anchor is not None:
            self.scroll_to(y=wrapped.line_of(anchor), animate=False, force=True)

    def fit_to_size(self) -> None:
        if self._finding is not None:
            self._update_titles()  # the words and count, fitted to the new width
        wrapped = self._wrapped
        if wrapped is not None and wrapped.width != self._text_width() and len(wrapped):
            # The same text stays at the top, unless the view follows the current quote.
            top = min(self.scroll_offset.y, len(wrapped) - 1)
            self._scroll_anchor = wrapped.starts[top]
            self._ensure_layout()
        elif wrapped is None:
            self._ensure_layout()  # an article given before the pane had a width
        elif self._follow_quote:
            self._place_current()

    def _current_span(self) -> Span | None:
        if self._current is None or not 0 <= self._current < len(self._spans):
            return None
        return self._spans[self._current]

    def _quote_in_view(self) -> bool:
        return self._in_view(self.current_quote_lines)

    def _in_view(self, lines: tuple[int, int] | None) -> bool:
        """Whether the wrapped lines ``lines`` (first and last) are all in view."""
        if lines is None:
            return False
        top = self.scroll_offset.y
        return lines[0] >= top and lines[1] < top + self.scrollable_content_region.height

    def _scroll_to_current(self) -> None:
        """Bring the current quote into view, not moving if it is already in view."""
        if not self._quote_in_view():
            self._place_current()

    def _place_current(self) -> None:
        """Scroll to where the current quote belongs for the pane's size, whatever came before.

        The article's start when the quote shows from there; else the quote a quarter of the
        pane down, so that what leads up to it is in sight.
        """
        lines = self.current_quote_lines
        height = self.scrollable_content_region.height
        if lines is None or height <= 0:
            return
        first, last = lines
        if last < height:
            target = 0
        elif last - first < height - height // 4:
            target = first - height // 4
        else:
            target = first
        self.scroll_to(y=max(0, target), animate=False, force=True)

    def _show_loading(self) -> None:
        self._loading_timer = None
        if self._text is None:
            self._wrapped = None
            self._notice = LOADING_NOTICE
            self._update_titles()
            set_virtual_size(self, Size(0, 0))
            self.refresh()
        elif self._wrapped is None:
            self._laying_out = True
            self.refresh()

    def _stop_loading_timer(self) -> None:
        self._laying_out = False
        if self._loading_timer is not None:
            self._loading_timer.stop()
            self._loading_timer = None

    @property
    def _showing_the_last_article(self) -> bool:
        """Whether the pane still shows the article before the one being read."""
        return self._text is None and self._wrapped is not None

    def _update_titles(self) -> None:
        if self._showing_the_last_article:
            return  # its titles stay with its text, until the next article is there to show
        self.border_title = Content(
            f"Original · {self._source_path}" if self._source_path else "Original"
        )
        subtitle = ""
        if self._finding is not None:
            # The border's corners and the spaces around the text.
            self.border_subtitle = Content(self._finding.status(max(0, self.size.width - 4)))
            return
        if self._current is not None and self._current < len(self._spans):
            span = self._spans[self._current]
            number = self._current + 1
            if span is None:
                # No quote can be found in an article that cannot be read: the notice says so.
                subtitle = "" if self._article_unreadable else f"fact {number}: quote not found"
            elif self._text:
                first, last = line_range(self._text, span)
                lines = f"line {first}" if first == last else f"lines {first}–{last}"
                subtitle = f"fact {number} · {lines}"
                if stands_outside(span, self._article_span):
                    subtitle += " · outside the article"
        self.border_subtitle = Content(subtitle)

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        wrapped = self._wrapped
        if offset is None or wrapped is None or not self.is_ready:
            return
        line = self.scroll_offset.y + offset.y
        if line >= len(wrapped):
            return
        start = wrapped.starts[line]
        position = None
        cells = 0
        for index, character in enumerate(wrapped.line(line)):
            cells += get_character_cell_size(character)
            if cells > offset.x:
                position = start + index
                break
        if position is None:
            return
        hits = [
            index
            for index, span in enumerate(self._spans)
            if span is not None and span.start <= position < span.end
        ]
        if hits:
            self.post_message(
                self.QuoteClicked(self._current if self._current in hits else hits[0])
            )

    def render_lines(self, crop: Region) -> list[Strip]:
        self._ensure_layout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.visual_style
        wrapped = self._wrapped
        line = self.scroll_offset.y + y
        if self._notice:
            # Set only while there is no article text to show: loading, or none to read.
            return self._notice_line(self._notice, y, width)
        if wrapped is None and self._laying_out:
            return self._notice_line(LAYING_OUT_NOTICE, y, width)
        if wrapped is None or line >= len(wrapped):
            return Strip.blank(width, base.rich_style)
        start, end = wrapped.starts[line], wrapped.ends[line]
        content = Content(wrapped.text[start:end])
        if wrapped.text is self._text:
            content = self._marked(content, start, end)
        return content_strip(content, width, base)

    def _notice_line(self, text: str, y: int, width: int) -> Strip:
        notice = wrap_text(text, width)
        if y >= len(notice):
            return Strip.blank(width, self.visual_style.rich_style)
        style = self.get_visual_style("article-view--notice", partial=True)
        return content_strip(Content(notice.line(y)).stylize(style), width, self.visual_style)

    def _marked(self, content: Content, start: int, end: int) -> Content:
        """The text of a line, from ``start`` to ``end``, with the page around the article
        muted, the quotes marked, and the places found."""
        article = self._article_span
        if article is not None and (start < article.start or end > article.end):
            furniture = self.get_visual_style("article-view--furniture", partial=True)
            if start < article.start:
                content = content.stylize(furniture, 0, min(end, article.start) - start)
            if end > article.end:
                content = content.stylize(furniture, max(start, article.end) - start)
        quote = self.get_visual_style("article-view--quote", partial=True)
        for index, span in enumerate(self._spans):
            if (
                span is not None
                and index != self._current
                and span.start < end
                and span.end > start
            ):
                content = content.stylize(
                    quote, max(span.start, start) - start, min(span.end, end) - start
                )
        current = self._current_span()
        if current is not None and current.start < end and current.end > start:
            strong = self.get_visual_style("article-view--current", partial=True)
            content = content.stylize(
                strong, max(current.start, start) - start, min(current.end, end) - start
            )
        if self._finding is not None and self._finding.places:
            content = self._mark_found(self._finding, content, start, end)
        return content

    def _mark_found(self, finding: Finding, content: Content, start: int, end: int) -> Content:
        found = finding.places
        # The places found are in order and apart: only those from the one before the line on.
        index = max(0, bisect_right(finding.starts, start) - 1)
        while index < len(found) and found[index].start < end:
            span = found[index]
            if span.end > start:
                # The place gone to in full colour, which a partial style cannot give: it
                # blends an opaque background away.
                if index == finding.at:
                    style = self.get_visual_style("article-view--found-current")
                else:
                    style = self.get_visual_style("article-view--found", partial=True)
                content = content.stylize(
                    style, max(span.start, start) - start, min(span.end, end) - start
                )
            index += 1
        return content
