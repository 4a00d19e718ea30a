"""Facets: the values of each field that the briefs listed have, how many have each, and the list
narrowed to one of them.

The dialog counts in a thread, a field at a time, since counting six fields over 100,000 briefs
takes about a second; it shows each field as it is counted. Each field shows its commonest
values, and more of them when asked. What it is asked to count may change
while it is open (the corpus read again after a change on disk): counts of an earlier question
are then dropped, never shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, get_character_cell_size
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.screens._dialog import Dialog
from tui.core.model import Entries
from tui.core.search import (
    FACET_FIELDS,
    MAX_TERMS,
    FacetField,
    Query,
    UserMarks,
    parse_query,
    value_term,
    with_term,
)
from tui.core.text import plural

FIELD_HEADINGS: dict[FacetField, str] = {
    "organization": "Organizations",
    "place": "Places",
    "person": "People",
    "topic": "Topics",
    "outlet": "Outlets",
    "language": "Languages",
    "tag": "Your tags",
}

VALUES_SHOWN = 10
"""How many values of each field the dialog shows at first: those most briefs have."""
MORE_VALUES_SHOWN = 1_000
"""How many values of a field the dialog shows once asked for more. A large corpus names tens of
thousands of places; a field term in the filter (``place:saltillo``) finds any of them."""
NAME_WIDTH = 55
"""The cells a value takes before its count; a longer one has its middle left out for an
ellipsis. With its count and the frame it fits the dialog's 72 columns."""
KEPT_END = 3
"""Of a value cut short, its last cells kept are this share of the width: the end of a name (a
chapter's city, a state) tells it from others as often as its start."""
FRAME_WIDTH = 7
"""The columns of the dialog around a value's line: border, padding and scroll bar."""
COUNT_WIDTH = 9
"""The cells of a count, right-aligned: room for "100,000" and the gap before it."""


@dataclass(frozen=True, eq=False)
class FacetRequest:
    """What to count: the briefs the list shows, as the filter and the bookmarks find them.

    Compared by identity: a request made again, even for the same briefs, is a new question.
    """

    entries: Entries
    query: Query
    marks: UserMarks
    """What the user keeps (bookmarks, read briefs, notes, tags), for a query naming it, and
    for counting tags."""
    filter_text: str
    """The filter as typed, to which the chosen value's term is added."""
    shown: int
    """How many briefs the list shows that loaded: those the values are counted over."""
    unloaded: int = 0
    """How many files the list shows that failed to load, whose values are not known."""


Counts = list[tuple[str, int]]


class FieldValues(OptionList):
    """Each field's heading with its values under it. A field's first value brought into view
    brings its heading too: gone to from below (Shift+Tab, Tab round from the last field, Home),
    it came to the top of the list with its heading scrolled off above it, and nothing said which
    field the value was of."""

    def scroll_to_highlight(self, top: bool = False) -> None:
        highlighted = self.highlighted
        if not highlighted or not self.is_mounted or not self.options[highlighted - 1].disabled:
            super().scroll_to_highlight(top)
            return
        # The option above a value, when it cannot be chosen, is the heading of the value's
        # field: the region scrolled to runs from it to the value's last line. Where the options
        # stand is Textual's own measure, as its scroll_to_highlight reads it.
        try:
            heading = self._index_to_line[highlighted - 1]
            end = self._index_to_line[highlighted] + self._heights[highlighted]
        except KeyError:
            return  # not laid out: a list with no room (a tiny terminal) has no lines
        self.scroll_to_region(
            Region(0, heading, self.scrollable_content_region.width, end - heading),
            force=True,
            animate=False,
            top=top,
            immediate=True,
        )


class FacetDialog(Dialog[str | None]):
    """Shows each field's commonest values among the briefs listed, with their counts; dismisses
    with the filter narrowed to the value chosen, or ``None`` when closed."""

    DEFAULT_CSS = """
    FacetDialog > Vertical {
        border: round $border;
        border-title-color: $text-accent;
        /* As tall as the terminal allows, up to a size that keeps the reader in sight around
           it; the list of values scrolls, the hint under it stays in view. */
        height: 100%;
        max-height: 34;
        overflow-y: hidden;
    }
    FacetDialog OptionList, FacetDialog OptionList:focus {
        height: 1fr;
        border: none;
        padding: 0;
        margin-top: 1;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    FacetDialog OptionList > .option-list--option-disabled {
        /* Headings and notices: their own styles say what they are. */
        color: $text;
    }
    FacetDialog .hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Close"),
        Binding("tab", "next_field", "Next field", priority=True),
        Binding("shift+tab", "previous_field", "Previous field", priority=True),
        # Down and up are the list's own keys, and act there first: named here too, they are
        # listed with j and k on the help screen.
        Binding("down,j", "move(1)", "Next value", show=False),
        Binding("up,k", "move(-1)", "Value before", show=False),
    ]

    HINT = "↑↓ move · Enter narrows the list to it · Tab next field · Esc closes"
    # `f j Enter` typed in one go chooses the second value, as when typed one at a time: until
    # a value is counted, there is nothing for j to move to. Counting a field takes a fraction
    # of a second at 100,000 briefs.
    KEYS_WAIT_FOR_CONTENT = True

    def __init__(self, request: FacetRequest) -> None:
        super().__init__()
        self.request = request
        self._counts: dict[FacetField, Counts] = {}
        self._limits_counted: dict[FacetField, int] = {}
        """How many values of each field were counted at most: one more than can be shown."""
        self._values: dict[str, tuple[FacetField, str]] = {}
        """The field and value of each option that stands for one, by the option's id."""
        self._more: set[FacetField] = set()
        """The fields whose values the user asked to see more of."""
        self._reveal: str | None = None
        """The option to put the cursor on once shown: the first of the values asked for."""
        self._more_coming: FacetField | None = None
        """The field whose further values are being counted: keys typed meanwhile wait for
        them, as they wait for the first counts."""
        self._kept_value: tuple[FacetField, str] | None = None
        """The value the cursor was on when the briefs listed changed: it goes back to it once
        it is counted again."""

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#facets", OptionList)

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = "Facets"
            yield Label(self._among(), id="among")
            yield FieldValues(id="facets")
            yield Label(self.HINT, classes="hint")

    def on_mount(self) -> None:
        self._show_counts()
        self._count(self.request, self._limits())

    def recount(self, request: FacetRequest) -> None:
        """Count anew for ``request``; what is being counted for the earlier one is dropped."""
        self.request = request
        highlighted = self.option_list.highlighted_option
        if highlighted is not None and highlighted.id in self._values:
            self._kept_value = self._values[highlighted.id]
        self._counts = {}
        self.query_one("#among", Label).update(self._among())
        self._show_counts()
        self._count(request, self._limits())

    def _limits(self, fields: tuple[FacetField, ...] = FACET_FIELDS) -> dict[FacetField, int]:
        """How many values of each of ``fields`` to count: one more than are shown, which tells
        whether there are more."""
        return {
            field: (MORE_VALUES_SHOWN if field in self._more else VALUES_SHOWN) + 1
            for field in fields
        }

    def _among(self) -> str:
        briefs = plural(self.request.shown, "brief")
        among = f"Among the {briefs} listed" if self.request.query != Query() else f"Among {briefs}"
        unloaded = self.request.unloaded
        if unloaded:
            among += f"; {plural(unloaded, 'file')} that did not load, not counted"
        return among

    @work(thread=True, exclusive=True, group="facets")
    def _count(self, request: FacetRequest, limits: Mapping[FacetField, int]) -> None:
        """Count the values of each field of ``limits``, as many as it gives, for ``request``,
        and show each field once counted."""
        worker = get_current_worker()
        for field, limit in limits.items():
            counts = request.entries.facets(request.query, field, limit, request.marks)
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._counted, request, field, counts, limit)

    def _counted(
        self, request: FacetRequest, field: FacetField, counts: Counts, limit: int
    ) -> None:
        if request is not self.request:
            return  # asked before the briefs listed changed: not what the list shows now
        if not self.is_attached or not self.query("#facets"):
            # Closed (a value chosen) while a field was counted, or closing: the dialog is still
            # attached while its options are taken down.
            return
        self._counts[field] = counts
        self._limits_counted[field] = limit
        if field == self._more_coming and limit > VALUES_SHOWN + 1:
            self._more_coming = None
        self._show_counts()

    def _show_counts(self) -> None:
        """Show every field with the counts it has so far, the cursor kept on its value."""
        option_list = self.option_list
        highlighted = option_list.highlighted_option
        kept = highlighted.id if highlighted is not None else None
        kept_value = self._values.get(kept or "", self._kept_value)
        options: list[Option] = []
        self._values = {}
        # Narrower than the dialog, the terminal has each value cut shorter, still on one line.
        room = self.app.size.width - FRAME_WIDTH - 2 - COUNT_WIDTH
        name_width = max(1, min(NAME_WIDTH, room))
        for field in FACET_FIELDS:
            options.append(Option(Content.styled(FIELD_HEADINGS[field], "bold"), disabled=True))
            counts = self._counts.get(field)
            if counts is None:
                options.append(Option(Content.styled("  counting…", "$text-muted"), disabled=True))
                continue
            if not counts:
                options.append(Option(Content.styled("  none", "$text-muted"), disabled=True))
                continue
            limit = self._limits_counted[field]
            for number, (name, count) in enumerate(counts[: limit - 1]):
                option_id = f"{field}-{number}"
                self._values[option_id] = (field, name)
                prompt = Content.assemble(
                    "  ",
                    Content(middle_cut(name, name_width)).truncate(name_width, pad=True),
                    (f"{count:,}".rjust(COUNT_WIDTH), "$text-accent"),
                )
                options.append(Option(prompt, id=option_id))
            options += self._more_option(field, len(counts) == limit, limit)
        option_list.set_options(options)
        # By value, not by place: counted again, a value may come at another place.
        placed = {value: option_id for option_id, value in self._values.items()}
        if self._reveal in self._values:
            option_list.highlighted = option_list.get_option_index(self._reveal)
            self._reveal = None
        elif kept_value in placed:
            option_list.highlighted = option_list.get_option_index(placed[kept_value])
            self._kept_value = None
        elif kept is not None and any(option.id == kept for option in options):
            option_list.highlighted = option_list.get_option_index(kept)  # "more places…"
        elif self._values:
            option_list.action_first()
        waiting = self._more_coming is not None
        if not waiting and (self._values or len(self._counts) == len(FACET_FIELDS)):
            self.take_keys()  # something to move to, or nothing will come

    def _more_option(self, field: FacetField, more: bool, limit: int) -> list[Option]:
        """What follows the values of ``field`` shown, counted up to ``limit``: the option to
        show ``more`` of them, or why no more are shown."""
        what = FIELD_HEADINGS[field].lower().removeprefix("your ")
        if not more:
            return []
        if limit > VALUES_SHOWN + 1:
            muted = f"  the {MORE_VALUES_SHOWN:,} most common: type {field}:NAME in the filter"
            return [Option(Content.styled(muted, "$text-muted"), disabled=True)]
        # While they are counted, the option stays where it is, and the cursor on it.
        if field in self._more:
            return [
                Option(Content.styled(f"  counting more {what}…", "$text-muted"), id=f"{field}+")
            ]
        return [Option(Content.styled(f"  more {what}…", "$text-accent"), id=f"{field}+")]

    def on_resize(self) -> None:
        self._show_counts()

    @on(OptionList.OptionSelected, "#facets")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        more = next((f for f in FACET_FIELDS if option_id == f"{f}+"), None)
        if more is not None:
            if more not in self._more:  # else they are being counted
                self._show_more(more)
            return
        chosen = self._values.get(option_id)
        if chosen is None:
            return
        field, value = chosen
        narrowed = with_term(self.request.filter_text, value_term(field, value))
        if parse_query(narrowed).left_out:
            # Added after the terms the filter reads, the value would narrow nothing.
            self.notify(
                f"The filter holds {MAX_TERMS} terms, as many as it reads: take one out of it"
                " to narrow the list by a value.",
                title="Facets",
                severity="warning",
                markup=False,
            )
            return
        self.dismiss(narrowed)

    def _show_more(self, field: FacetField) -> None:
        """Count more values of ``field``, the cursor going to the first of them once shown;
        the fields not counted yet are counted again after it."""
        self._more.add(field)
        self._reveal = f"{field}-{VALUES_SHOWN}"
        self._more_coming = field
        self.takes_keys = False  # the keys typed next are for the values to come
        self._show_counts()
        uncounted = tuple(f for f in FACET_FIELDS if f not in self._counts and f != field)
        self._count(self.request, self._limits((field, *uncounted)))

    def action_move(self, step: int) -> None:
        """Move to the next (``step`` 1) or previous (-1) value."""
        if step > 0:
            self.option_list.action_cursor_down()
        else:
            self.option_list.action_cursor_up()

    def action_next_field(self) -> None:
        """Go to the first value of the next field that has values."""
        self._to_field(1)

    def action_previous_field(self) -> None:
        """Go to the first value of the previous field that has values."""
        self._to_field(-1)

    def _to_field(self, step: int) -> None:
        firsts = [ident for ident in self._values if ident.endswith("-0")]
        if not firsts:
            return
        option_list = self.option_list
        highlighted = option_list.highlighted_option
        field = self._values[highlighted.id][0] if highlighted and highlighted.id else None
        current = next((n for n, i in enumerate(firsts) if self._values[i][0] == field), -step)
        target = firsts[(current + step) % len(firsts)]
        option_list.highlighted = option_list.get_option_index(target)

    def action_cancel(self) -> None:
        """Close, the filter left as it was."""
        self.dismiss(None)


def middle_cut(name: str, width: int) -> str:
    """``name`` in ``width`` cells at most: as it is when it fits, else its start and its end
    with an ellipsis for the middle ("Asociación de la Industria… (Index) Zona Costa")."""
    if cell_len(name) <= width:
        return name
    if width < 2:
        return "…"[:width]
    tail_width = (width - 1) // KEPT_END
    head, cells = "", 0
    for character in name:
        cells += get_character_cell_size(character)
        if cells > width - 1 - tail_width:
            break
        head += character
    tail, cells = "", 0
    for character in reversed(name):
        cells += get_character_cell_size(character)
        if cells > tail_width:
            break
        tail = character + tail
    return f"{head.rstrip()}…{tail.lstrip()}"
