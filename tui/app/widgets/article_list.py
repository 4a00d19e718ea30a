"""The article list: one row per brief, drawn only where it shows, so that ten thousand stay fast.

The list holds the corpus's entries and the indices of those to show; filtering hands it a new
list of indices and nothing is rebuilt. Each row is rendered when it scrolls into view, and only
then is its entry read from the index.

A brief the user has not read yet has its title in bold.

A list as wide as the screen gives each article one line: date, language, marks and title. A list
in a column beside the brief has too little room for that, however wide the screen, so each
article gets two lines there: the marks and the title, its end on the second line beside the
date and language.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from pathlib import PurePosixPath
from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size, clamp
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style

from tui.app.actions import bindings_of
from tui.app.widgets._render import FAILED_MARK, content_strip
from tui.app.widgets._scrolling import FittedScrollView, set_virtual_size
from tui.app.wrap import wrap_text
from tui.core.model import Entries, Entry
from tui.core.text import INFERRED_MARK, UNDATED, date_label, one_line

BOOKMARK_MARK = "★"
EXPORT_MARK = "✓"
DRAFT_LABEL = "draft"
"""Beside a draft brief's date, or before its title on a one-line row: it is still to review."""
DATE_WIDTH = 11
"""A date's column on one-line rows: the date, and the mark of one the article does not print."""
ONE_LINE_WIDTH = 60
"""The least width at which an article takes one line: its title then still has 42 cells."""
SPANNING_SLACK = 10
"""How many columns short of the screen's width a list may be and still span it (its pane's
border and scroll bar aside). Beside the brief it always leaves more: on one line there, a list
of 62 columns cut titles at 42 cells, where two lines gave them 100."""
_GUTTER = 3
"""The marks' cells before a title on two-line rows, and the indent of its second line."""
# Titles are cut before they are styled: a row never shows more than a screen's width of one.
_TITLE_LIMIT = 500
# Rows drawn are kept, so that scrolling by a row draws one row rather than a screenful.
_KEPT_ROWS = 512


class ArticleList(FittedScrollView, can_focus=True):
    """Date, language, bookmark and export marks, and title of each brief shown, newest first."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_of("list")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--date",
        "article-list--language",
        "article-list--bookmark",
        "article-list--mark",
        "article-list--failed",
        "article-list--draft",
        "article-list--notice",
        "article-list--unread",
        "article-list--kept",
    }

    bookmarked: reactive[frozenset[str]] = reactive(frozenset[str]())
    """Ids of the bookmarked briefs, marked in their rows."""
    marked: reactive[frozenset[str]] = reactive(frozenset[str]())
    """Ids of the briefs marked for export, marked in their rows."""
    notice: reactive[str] = reactive("")
    """Shown in place of rows when there are none, such as while the corpus loads."""

    class Highlighted(Message):
        """The cursor is on another entry (``None`` when the list shows none)."""

        def __init__(self, entry: int | None) -> None:
            super().__init__()
            self.entry = entry
            """Index of the entry in the corpus."""

    class Selected(Message):
        """The user chose the entry under the cursor with a double click."""

        def __init__(self, entry: int) -> None:
            super().__init__()
            self.entry = entry
            """Index of the entry in the corpus."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._entries: Sequence[Entry] = ()
        self._rows: Sequence[int] = ()
        self._cursor = 0
        self._reported: int | None = None
        self._drawn: LRUCache[tuple[int, bool, int, bool, bool, bool], list[Strip]] = LRUCache(
            _KEPT_ROWS
        )
        """Rows drawn, each as its lines, by entry, cursor, width, bookmark, mark and whether
        read: what a row's look depends on besides the styles, which clear it."""
        self._kept: int | None = None
        self.read: Container[str] = frozenset()
        """Ids of the briefs the user has read; the others' titles are bold. The owner's own
        set, not a copy, which it changes in place: it calls :meth:`refresh` after a change."""

    @property
    def rows(self) -> Sequence[int]:
        """Indices of the entries shown, top to bottom."""
        return self._rows

    @property
    def kept(self) -> int | None:
        """The entry among the rows only for the cursor: the filter no longer finds it."""
        return self._kept

    @property
    def cursor_row(self) -> int:
        """The row the cursor is on (0 when the list is empty)."""
        return self._cursor

    @property
    def row_height(self) -> int:
        """How many lines each article takes: one where the list spans the screen (above the
        brief, or maximised) and has room for it, else two."""
        width = self.scrollable_content_region.width
        spans = width >= self.screen.size.width - SPANNING_SLACK
        return 1 if spans and width >= ONE_LINE_WIDTH else 2

    def row_text(self, row: int) -> str:
        """The text row ``row`` shows, its lines joined by a space (for tests and tools)."""
        height = self.row_height
        lines = self._row_strips(row, self.scrollable_content_region.width, height)
        return " ".join(strip.text.rstrip() for strip in lines)

    @property
    def cursor_entry(self) -> int | None:
        """Index of the entry under the cursor, or ``None`` when no row is shown."""
        return self._rows[self._cursor] if self._rows else None

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Use ``entries`` (a corpus's, in their order, read as their rows are drawn); rows given
        later index into them. The list is empty until they are given."""
        self._entries = entries
        self._rows = ()
        self._cursor = 0
        self._reported = None
        self._drawn.clear()
        self._update_virtual_size()
        self.refresh()

    def show_rows(
        self,
        rows: Sequence[int],
        keep: int | None,
        fallback_row: int = 0,
        *,
        kept: int | None = None,
    ) -> None:
        """Show the entries ``rows``; keep the cursor on entry ``keep`` if it is among them.

        Otherwise the cursor goes to ``fallback_row`` (clamped to the rows there are). Entry
        ``kept`` is among the rows only for the cursor (the filter no longer finds it): its
        title is dimmed.
        """
        if kept != self._kept:
            self._drawn.clear()
        self._kept = kept
        self._rows = rows
        position = None
        if keep is not None and self._entries:
            try:
                position = rows.index(keep)
            except ValueError:
                position = None
        self._cursor = clamp(
            fallback_row if position is None else position, 0, max(0, len(rows) - 1)
        )
        self._update_virtual_size()
        self.refresh()
        self._scroll_to_cursor(center=True)
        self._report()

    def move_cursor(self, row: int) -> None:
        """Put the cursor on ``row`` (clamped), scrolling it into view."""
        if not self._rows:
            return
        row = clamp(row, 0, len(self._rows) - 1)
        if row != self._cursor:
            self._refresh_row(self._cursor)
            self._cursor = row
            self._refresh_row(row)
        self._scroll_to_cursor()
        self._report()

    def _refresh_row(self, row: int) -> None:
        """Draw row ``row`` again: each of its lines, as a row may take two."""
        height = self.row_height
        for line in range(row * height, (row + 1) * height):
            self.refresh_line(line)

    def action_cursor_down(self) -> None:
        """Move to the next article."""
        self.move_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        """Move to the previous article."""
        self.move_cursor(self._cursor - 1)

    def action_first(self) -> None:
        """Move to the first article."""
        self.move_cursor(0)

    def action_last(self) -> None:
        """Move to the last article."""
        self.move_cursor(len(self._rows) - 1)

    def action_page_down(self) -> None:
        """Move down one screenful."""
        self.move_cursor(self._cursor + self._page())

    def action_page_up(self) -> None:
        """Move up one screenful."""
        self.move_cursor(self._cursor - self._page())

    def action_select(self) -> None:
        """Choose the article under the cursor."""
        if (entry := self.cursor_entry) is not None:
            self.screen.post_message(self.Selected(entry))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (self.scroll_offset.y + offset.y) // self.row_height
        if row < len(self._rows):
            self.move_cursor(row)
            if event.chain > 1:
                self.action_select()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()  # a new theme, or the list gaining or losing focus

    def fit_to_size(self) -> None:
        self._update_virtual_size()
        # Rows of one line become rows of two as the pane narrows: an odd offset kept would
        # show a brief's second line at the top.
        top, rows = self.scroll_offset.y, self.row_height
        if top % rows:
            self.scroll_to(y=top - top % rows, animate=False, force=True)
        self._scroll_to_cursor()

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def _update_virtual_size(self) -> None:
        height = self.row_height
        region = self.scrollable_content_region
        # Rows of two lines in a pane of an odd number: one more line at the end, so that the
        # list scrolled to its end shows its top row whole, not the second line of a brief.
        lines = len(self._rows) * height
        lines += region.height % height if lines else 0
        set_virtual_size(self, Size(region.width, lines))

    def _scroll_to_cursor(self, center: bool = False) -> None:
        """Scroll the cursor's row into view: just enough, or a third down when ``center``."""
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        first = self._cursor * self.row_height
        end = first + self.row_height
        if height <= 0 or (top <= first and end <= top + height):
            return
        rows = self.row_height
        if center:
            target = first - height // 3 // rows * rows
        elif first < top:
            target = first
        else:
            target = -(-(end - height) // rows) * rows  # rounded up to a whole row
        self.scroll_to(y=max(0, target), animate=False, force=True)

    def _report(self) -> None:
        entry = self.cursor_entry
        if entry != self._reported:
            self._reported = entry
            # Messages go straight to the screen rather than bubbling through the containers:
            # the screen then updates the other panes before the next frame, drawn together.
            self.screen.post_message(self.Highlighted(entry))

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._rows and isinstance(self._entries, Entries):
            # The rows about to be drawn, asked for at once: a filter's rows can lie far apart
            # in the corpus, and reading each on its own costs a query, or a page, per row.
            height = self.row_height
            top = self.scroll_offset.y // height
            shown = self.scrollable_content_region.height // height + 2
            self._entries.read_ahead(self._rows[top : top + shown])
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        height = self.row_height
        row, line = divmod(self.scroll_offset.y + y, height)
        base = self.visual_style
        if row >= len(self._rows) or width <= 0:
            if not self._rows and self.notice and width > 0:
                notice = wrap_text(self.notice, width)
                if y < len(notice):
                    style = self.get_visual_style("article-list--notice", partial=True)
                    return content_strip(Content(notice.line(y)).stylize(style), width, base)
            return Strip.blank(width, base.rich_style)
        return self._row_strips(row, width, height)[line]

    def _row_strips(self, row: int, width: int, height: int) -> list[Strip]:
        """The lines of row ``row``, drawn once and kept."""
        index = self._rows[row]
        entry = self._entries[index]
        brief_id = entry.brief_id
        cursor = row == self._cursor
        key = (
            index,
            cursor,
            width,
            entry.key in self.bookmarked,
            brief_id in self.marked,
            brief_id in self.read,
        )
        strips = self._drawn.get(key)
        if strips is None or len(strips) != height:
            base = self.get_visual_style("article-list--cursor") if cursor else self.visual_style
            lines = self._row_lines(index, entry, width, height)
            strips = [content_strip(line, width, base) for line in lines]
            self._drawn[key] = strips
        return strips

    def _row_lines(self, index: int, entry: Entry, width: int, height: int) -> list[Content]:
        brief = entry.brief
        if brief is None:
            return self._failed_row(entry, width, height)
        brief_id = brief.id
        title, published, language, outlet = (
            brief.english_title,
            brief.published,
            brief.language,
            brief.outlet,
        )
        draft = brief.is_draft
        title = one_line(title[:_TITLE_LIMIT])
        title_style = None if brief_id in self.read else self._style("unread")
        if index == self._kept:
            title_style = self._style("kept") + title_style
        marks = self._marks(brief_id)
        # A brief that loaded with errors (a date that cannot be read, a language that is no
        # code): its title is marked, as a file that failed to load is.
        flag = self._failed_flag() if entry.has_errors else Content("")
        date = date_label(published) + (INFERRED_MARK if brief.date_inferred else "")
        if height == 1:
            shown = Content.assemble(
                (DRAFT_LABEL + " ", self._style("draft")) if draft else "",
                (title, title_style) if title_style is not None else title,
            )
            return [self._one_line(date, language, marks, flag, shown)]
        meta = self._meta(date, language, outlet, width)
        if draft:
            meta = Content.assemble((DRAFT_LABEL, self._style("draft")), " · ", meta)
        return self._two_lines(marks, flag, title, meta, width, title_style)

    def _one_line(
        self, date: str, language: str, marks: Content, flag: Content, title: Content
    ) -> Content:
        """Date, language, marks, ``flag`` and title, in the columns every row's lines take."""
        return Content.assemble(
            (date.ljust(DATE_WIDTH), self._style("date")),
            " ",
            (_language_cell(language), self._style("language")),
            " ",
            marks,
            " ",
            flag,
            title,
        )

    def _failed_flag(self) -> Content:
        """The mark of a file that failed to load, or loaded with errors."""
        return Content.styled(FAILED_MARK + " ", self._style("failed"))

    def _two_lines(
        self,
        marks: Content,
        flag: Content,
        title: str,
        meta: Content,
        width: int,
        title_style: Style | None,
    ) -> list[Content]:
        """Marks, ``flag`` and title on the first line; the title's end and ``meta`` on the
        second."""
        room = max(1, width - _GUTTER)
        # The flag takes room from the title's first line only; the title wraps at that width.
        first_room = max(1, room - flag.cell_length)
        wrapped = wrap_text(title, first_room)
        first = wrapped.line(0) if len(wrapped) else ""
        rest = title[wrapped.starts[1] :] if len(wrapped) > 1 else ""
        second_room = max(0, room - meta.cell_length - 1)
        if rest and wrapped.ends[0] == wrapped.starts[1] and cell_len(rest) > second_room:
            # A word cut after a hyphen (a file's name) whose rest is too long beside the meta:
            # cut where the line ends instead, so that the name is read whole if it can be.
            first = Content(title).truncate(first_room).plain
            rest = title[len(first) :]
        rest_content = Content(rest)
        first_content = Content(first)
        if title_style is not None:
            rest_content = rest_content.stylize(title_style)
            first_content = first_content.stylize(title_style)
        if rest_content.cell_length > second_room:
            rest_content = rest_content.truncate(second_room, ellipsis=True)
        gap = max(1, room - rest_content.cell_length - meta.cell_length)
        return [
            Content.assemble(marks, " ", flag, first_content),
            Content.assemble(" " * _GUTTER, rest_content, " " * gap, meta),
        ]

    def _meta(self, date: str, language: str, outlet: str | None, width: int) -> Content:
        """Date and language, and the outlet where the line has room for it."""
        meta = Content.assemble(
            (date, self._style("date")), " · ", (one_line(language), self._style("language"))
        )
        if outlet:
            with_outlet = Content.assemble(one_line(outlet[:_TITLE_LIMIT]), " · ", meta)
            # Beside a title's end, the outlet gets no more than half of the line.
            if with_outlet.cell_length <= (width - _GUTTER) // 2:
                return with_outlet
        return meta

    def _marks(self, brief_id: str) -> Content:
        return Content.assemble(
            (BOOKMARK_MARK if brief_id in self.bookmarked else " ", self._style("bookmark")),
            (EXPORT_MARK if brief_id in self.marked else " ", self._style("mark")),
        )

    def _style(self, part: str) -> Style:
        return self.get_visual_style(f"article-list--{part}", partial=True)

    def _failed_row(self, entry: Entry, width: int, height: int) -> list[Content]:
        """A file that could not be loaded, under its name: bookmarked under it (its id once it
        loads), it keeps its star."""
        failed = self._style("failed")
        marks = self._marks(entry.key)
        flag = self._failed_flag()
        name = one_line(PurePosixPath(entry.path).name[:_TITLE_LIMIT])
        if height == 1:
            return [self._one_line(UNDATED, "", marks, flag, Content.styled(name, failed))]
        # Wrapped as a title is: a long name is read whole, as the id the brief must have.
        said = Content.styled("could not be loaded", self._style("date"))
        return self._two_lines(marks, flag, name, said, width, failed)


def _language_cell(language: str) -> str:
    """``language`` in the two cells a language code takes (``en``), so that the titles after
    it line up; a longer one (``english``, ``中文``, which the brief's problems name) cut
    visibly."""
    if cell_len(language) <= 2 and language.isprintable():
        return language + " " * (2 - cell_len(language))
    first = language[:1] if cell_len(language[:1]) == 1 and language[:1].isprintable() else ""
    return (first + "…").ljust(2)
