"""The brief pane: title, meta line, the user's tags and note, the key facts as a list to move
through, summary and names.

The facts come before the summary: they are what a reader comes for, and at 80x24 a summary of
five sentences would push all of them below the pane's last line.

It is drawn line by line from text wrapped once per width, so that showing another brief costs a
few milliseconds whatever the pane's size.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import ClassVar, Literal, NamedTuple

from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region, Size, clamp
from textual.message import Message
from textual.strip import Strip

from tui.app.actions import bindings_of
from tui.app.widgets._render import FAILED_MARK, content_strip
from tui.app.widgets._scrolling import FittedScrollView, set_virtual_size
from tui.app.wrap import wrap_text
from tui.core.annotations import Annotation
from tui.core.model import QUOTE_NOT_CHECKED, Brief, Entry, KeyFact, Problem
from tui.core.text import names_apart, one_line, plural

QUOTE_MISSING = "⚠ quote not found in the article"
QUOTE_OUTSIDE = "⚠ quoted from the web page around the article, not the article"
QUOTE_UNCHECKED = f"⚠ {QUOTE_NOT_CHECKED}"
DRIFTED = ("loose", "fuzzy")
"""The anchor statuses a fact is marked with: its quote was found, though not word for word."""


def anchor_mark(fact: KeyFact) -> str:
    """What follows a fact whose quote drifted from its article (``≈ fuzzy 93``), else ""."""
    return f"≈ {fact.anchor_label}" if fact.anchor in DRIFTED else ""


TITLE_LINES = 2
"""The lines a title takes at most in a short pane (80x24), so that the facts stay in view; a
tall one gives it a sixth of its height, enough for any title at 120x40."""
NOTE_SHOWN = 1_000
"""Characters of a note laid out in the pane, which shows its first lines only."""


def pane_meta_line(brief: Brief) -> str:
    """Outlet, author, date and language; the article's file is named on the original's pane."""
    return " · ".join(brief.meta_parts)


_VALIDATE = "briefing validate"


# A named tuple, which takes a fraction of the time a frozen dataclass does to define: this
# module is imported at every start.
class _Block(NamedTuple):
    """A paragraph of the pane, wrapped as a whole; ``prefix`` hangs before its first line."""

    body: Content
    prefix: Content = Content("")
    fact: int | None = None
    max_lines: int | None = None
    """Lines beyond these are left out, the last one ending in an ellipsis."""
    keep_whole: tuple[tuple[int, int], ...] = ()
    """Runs of ``body`` (start and end offsets) never broken across lines, such as a mark."""


_BLANK = _Block(Content(""))
_BlockKey = tuple[str, str, int]
"""A block of the pane as the lines laid out remember it: its prefix and text, and how many
blocks of the same before it."""


class BriefView(FittedScrollView, can_focus=True):
    """One brief, or the problems of a brief file that could not be loaded."""

    # The colours of its parts, kept with the pane that draws them.
    DEFAULT_CSS = """
    BriefView {
        & > .brief-view--title {
            text-style: bold;
            color: $text-primary;
        }
        & > .brief-view--meta {
            color: $text-muted;
        }
        & > .brief-view--annotation {
            color: $text-secondary;
        }
        & > .brief-view--heading {
            text-style: bold;
        }
        & > .brief-view--number {
            color: $text-muted;
        }
        & > .brief-view--kind {
            color: $text-secondary;
            text-style: italic;
        }
        & > .brief-view--missing {
            color: $text-warning;
        }
        & > .brief-view--anchor {
            color: $text-warning;
        }
        & > .brief-view--draft {
            color: $text-accent;
            text-style: italic;
        }
        & > .brief-view--label {
            text-style: bold;
        }
        & > .brief-view--error {
            color: $text-error;
        }
        & > .brief-view--warning {
            color: $text-warning;
        }
        & > .brief-view--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .brief-view--cursor {
            background: $block-cursor-background 60%;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_of("facts")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "brief-view--title",
        "brief-view--meta",
        "brief-view--annotation",
        "brief-view--heading",
        "brief-view--number",
        "brief-view--kind",
        "brief-view--missing",
        "brief-view--anchor",
        "brief-view--draft",
        "brief-view--label",
        "brief-view--error",
        "brief-view--warning",
        "brief-view--cursor",
    }

    class FactHighlighted(Message):
        """The user moved to another key fact."""

        def __init__(self, fact: int) -> None:
            super().__init__()
            self.fact = fact
            """Index of the fact in the brief's ``key_facts``."""

    class ReviewAsked(Message):
        """The user confirmed or rejected the current key fact of a draft."""

        def __init__(self, fact: int, *, reject: bool) -> None:
            super().__init__()
            self.fact = fact
            """Index of the fact in the brief's ``key_facts``."""
            self.reject = reject
            """Whether the fact is to be taken out of the brief, rather than confirmed."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._reviewable = (False, False)
        """Whether the current fact can be confirmed, and rejected, as the keys last showed."""
        self._entry: Entry | None = None
        self._annotation: Annotation | None = None
        self._heading = ""
        self._problems: Sequence[Problem] = ()
        self._fact: int | None = None
        self._lines: list[tuple[Content, int | None]] = []
        self._origins: list[tuple[_BlockKey, int]] = []
        """Where each line starts: its block, and the character of the block's text it starts
        at. The same text stays at the top when the pane's width changes."""
        self._scrolled_to: tuple[tuple[_BlockKey, int], bool] | None = None
        """Where the line on top starts once the user moved to a fact or scrolled (see
        :attr:`_origins`), and whether the current fact was in view then: both kept through
        every new size, as a size between two can move the pane's offset. None until the first
        new size after a wheel's scrolling."""
        self._fact_lines: list[tuple[int, int]] = []
        self._laid_out_for: tuple[int, int] | None = None
        """The width and height the lines were laid out for: the title's room depends on both."""
        self._in_view: Literal["start", "fact", "as scrolled"] = "start"
        """What a new size or layout keeps in view: the brief's start (its title, and the first
        fact under it, or that fact alone where both do not fit), the current fact once the user
        moves through the facts, or the lines as they were scrolled to otherwise."""

    @property
    def fact(self) -> int | None:
        """Index of the current fact, or ``None`` when the pane shows no facts."""
        return self._fact

    @property
    def fact_count(self) -> int:
        """How many facts the pane lists."""
        entry = self._entry
        return len(entry.brief.key_facts) if entry and entry.brief else 0

    @property
    def lines(self) -> list[str]:
        """The text of every line of the pane at its current width, top to bottom."""
        self._ensure_layout()
        return [content.plain for content, _ in self._lines]

    def fact_line_range(self, fact: int) -> tuple[int, int]:
        """The first line of ``fact`` and the line after its last."""
        self._ensure_layout()
        return self._fact_lines[fact]

    def show_entry(self, entry: Entry | None, annotation: Annotation | None = None) -> None:
        """Show ``entry``'s brief (its problems if it failed) from the top, on its first fact,
        with the user's ``annotation`` of it."""
        self._entry = entry
        self._annotation = annotation
        self._heading = ""
        self._problems = ()
        self._fact = 0 if self.fact_count else None
        self._in_view = "start"
        self._refresh_bindings_if_changed()
        self._relayout()
        self._keep_in_view()

    def show_annotation(self, annotation: Annotation | None) -> None:
        """Show the user's tags and note of the brief shown as ``annotation`` has them now."""
        self._annotation = annotation
        self._relayout()
        self._keep_in_view()

    def show_problems(self, heading: str, problems: Sequence[Problem]) -> None:
        """Show ``heading`` and ``problems`` in place of a brief (a corpus that did not load)."""
        self._entry = None
        self._heading = heading
        self._problems = problems
        self._fact = None
        self._in_view = "start"
        self._refresh_bindings_if_changed()
        self._relayout()
        self._keep_in_view()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("confirm_fact", "reject_fact"):
            # Hidden on the facts of finished briefs, which are edited by hand (E).
            return self._under_review(rejecting=action == "reject_fact")
        return True

    def _under_review(self, *, rejecting: bool) -> bool:
        """Whether the current fact can be confirmed (or rejected): an unreviewed fact, or, to
        reject, any fact of a draft."""
        entry, fact = self._entry, self._fact
        if entry is None or entry.brief is None or fact is None:
            return False
        unreviewed = not entry.brief.key_facts[fact].reviewed
        return unreviewed or (rejecting and entry.brief.is_draft)

    def _refresh_bindings_if_changed(self) -> None:
        # Refreshing the bindings draws the key line again: only when what applies changes,
        # not at every step through the facts.
        reviewable = (self._under_review(rejecting=False), self._under_review(rejecting=True))
        if reviewable != self._reviewable:
            self._reviewable = reviewable
            self.refresh_bindings()

    def action_confirm_fact(self) -> None:
        """Ask for the current fact of a draft to be marked reviewed."""
        if self._fact is not None and self._under_review(rejecting=False):
            self.post_message(self.ReviewAsked(self._fact, reject=False))

    def action_reject_fact(self) -> None:
        """Ask for the current fact of a draft to be taken out of its brief."""
        if self._fact is not None and self._under_review(rejecting=True):
            self.post_message(self.ReviewAsked(self._fact, reject=True))

    def select_fact(self, fact: int) -> None:
        """Make ``fact`` current, scroll it into view and report it."""
        if not self.fact_count:
            return
        fact = clamp(fact, 0, self.fact_count - 1)
        self._in_view = "fact"
        if fact != self._fact:
            self._fact = fact
            self.refresh()
            self._refresh_bindings_if_changed()
            self.post_message(self.FactHighlighted(fact))
        self._scroll_to_fact()
        self._scrolled_to = self._top_now()

    def action_next_fact(self) -> None:
        """Move to the next fact; past the last, scroll on to what follows."""
        if self._fact is None or self._fact == self.fact_count - 1:
            self._scroll_freely(self.scroll_offset.y + 1)
        else:
            self.select_fact(self._fact + 1)

    def action_previous_fact(self) -> None:
        """Move to the previous fact; before the first, scroll back to the title."""
        if self._fact:
            self.select_fact(self._fact - 1)
        else:
            self._scroll_freely(self.scroll_offset.y - 1)

    def action_first_fact(self) -> None:
        """Move to the first fact, the title in view."""
        if self._fact is None:
            self._scroll_freely(0)
        else:
            self.select_fact(0)

    def action_last_fact(self) -> None:
        """Move to the last fact, with what follows it in view; on it, go on to the end of the
        brief (its summary, names and problems)."""
        if self._fact is None or self._fact == self.fact_count - 1:
            self._scroll_freely(self.max_scroll_y)
        else:
            self.select_fact(self.fact_count - 1)

    def action_page_down(self) -> None:
        """Move to the fact about a screenful further down; on the last, scroll on a page."""
        self._page(1)

    def action_page_up(self) -> None:
        """Move to the fact about a screenful further up; scrolled on past the current fact,
        scroll back a page."""
        self._page(-1)

    def _page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        self._ensure_layout()
        if self._fact is None or self._past_the_facts(direction):
            self._scroll_freely(self.scroll_offset.y + direction * height)
            return
        target = self._fact_lines[self._fact][0] + direction * height
        starts = [first for first, _ in self._fact_lines]
        if direction > 0:
            reachable = [i for i, first in enumerate(starts) if first <= target]
            fact = max(reachable[-1], self._fact + 1)
        else:
            reachable = [i for i, first in enumerate(starts) if first >= target]
            fact = min(reachable[0] if reachable else 0, self._fact - 1)
        self.select_fact(fact)

    def _past_the_facts(self, direction: int) -> bool:
        """Whether a page in ``direction`` is one of what follows the facts, not of the facts:
        down from the last fact, or up while the pane is scrolled below the current fact."""
        assert self._fact is not None
        if direction > 0:
            return self._fact == self.fact_count - 1
        first = self._fact_lines[self._fact][0] if self._fact < len(self._fact_lines) else 0
        return self._in_view == "as scrolled" and self.scroll_offset.y > first

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        self._ensure_layout()
        line = self.scroll_offset.y + offset.y
        if line < len(self._lines) and (fact := self._lines[line][1]) is not None:
            self.select_fact(fact)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Styles are baked into the wrapped lines; a new theme or focus lays them out again.
        self._laid_out_for = None
        self.refresh()

    def fit_to_size(self) -> None:
        kept = self._scrolled_to or self._top_now()
        if self._in_view == "start" or not self._lines or kept is None:
            self._ensure_layout()
            self._keep_in_view()
            return
        # Laid out anew, the lines the user moved or scrolled to would be others at the same
        # place: the text at the top stays there, and the current fact in view, when the user
        # is on it or it was in view.
        self._scrolled_to = kept
        origin, fact_seen = kept
        self._ensure_layout()
        self.scroll_to(y=self._line_of(origin), animate=False, force=True)
        if fact_seen or self._in_view == "fact":
            self._scroll_to_fact()

    def _line_of(self, origin: tuple[_BlockKey, int]) -> int:
        """The line holding the character ``origin`` names; the pane's line as it is scrolled
        now when its block is shown no more."""
        block, start = origin
        found = None
        for line, (key, line_start) in enumerate(self._origins):
            if key == block and line_start <= start:
                found = line
            elif found is not None:
                break
        return self.scroll_offset.y if found is None else found

    def _top_now(self) -> tuple[tuple[_BlockKey, int], bool] | None:
        """Where the top line starts, and whether the current fact's lines are all in view, as
        the pane is scrolled now on the lines last laid out; None when none are."""
        if not self._origins:
            return None
        top = min(self.scroll_offset.y, len(self._origins) - 1)
        height = self._laid_out_for[1] if self._laid_out_for else 0
        in_view = False
        if self._fact is not None and self._fact < len(self._fact_lines):
            first, end = self._fact_lines[self._fact]
            y = self.scroll_offset.y
            in_view = y <= first and end <= y + height
        return self._origins[top], in_view

    def _keep_in_view(self) -> None:
        """Scroll to what :attr:`_in_view` says, for the size the pane has now."""
        if self._in_view == "as scrolled":
            return
        if self._in_view == "start":
            # A pane too short for the title and the first fact (a small terminal) shows the
            # fact, the current one, rather than none; taller again, the title comes back.
            self.scroll_to(y=0, animate=False, force=True)
        self._scroll_to_fact()

    def _scroll_freely(self, y: float) -> None:
        """Scroll to line ``y``, whose text a new size leaves at the top."""
        self._in_view = "as scrolled"
        self.scroll_to(y=y, animate=False, force=True)
        self._scrolled_to = self._top_now()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._in_view, self._scrolled_to = "as scrolled", None  # the line the wheel leaves on top

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._in_view, self._scrolled_to = "as scrolled", None

    def _relayout(self) -> None:
        self._laid_out_for = None
        self._ensure_layout()
        self.refresh()

    def _ensure_layout(self) -> None:
        width, height = self.scrollable_content_region.size
        if (width, height) == self._laid_out_for:
            return
        self._laid_out_for = (width, height)
        lines: list[tuple[Content, int | None]] = []
        origins: list[tuple[_BlockKey, int]] = []
        seen: Counter[tuple[str, str]] = Counter()
        fact_lines: dict[int, tuple[int, int]] = {i: (0, 0) for i in range(self.fact_count)}
        # A hidden pane has no width: it lays nothing out until it is shown.
        for block in self._blocks() if width > 0 else ():
            # Known by its text, not its place: which blocks there are depends on the size
            # (a title cut) and on what the user writes (a note).
            text = (block.prefix.plain, block.body.plain)
            key = (*text, seen[text])
            seen[text] += 1
            first = len(lines)
            indent = block.prefix.cell_length
            body = block.body
            wrapped = wrap_text(body.plain, width - indent, block.keep_whole)
            hanging = Content(" " * indent)
            count = len(wrapped)
            if block.max_lines is not None and count > block.max_lines:
                count = block.max_lines
                # The rest of the last line kept, cut where the pane ends, shows the ellipsis.
                wrapped.ends[count - 1] = wrapped.ends[-1]
            for index in range(count):
                piece = body[wrapped.starts[index] : wrapped.ends[index]]
                lines.append(
                    (Content.assemble(block.prefix if index == 0 else hanging, piece), block.fact)
                )
                origins.append((key, wrapped.starts[index]))
            if block.fact is not None:
                start = fact_lines[block.fact][0] if fact_lines[block.fact][1] else first
                fact_lines[block.fact] = (start, len(lines))
        self._lines = lines
        self._origins = origins
        self._fact_lines = [fact_lines[i] for i in sorted(fact_lines)]
        set_virtual_size(self, Size(width, len(lines)))

    def _scroll_to_fact(self) -> None:
        if self._fact is None:
            return
        self._ensure_layout()
        height = self.scrollable_content_region.height
        if height <= 0 or self._fact >= len(self._fact_lines):
            return
        first, end = self._fact_lines[self._fact]
        top = self.scroll_offset.y
        if self._fact == 0 and end <= height:
            target = 0
        elif self._fact == len(self._fact_lines) - 1 and len(self._lines) - first <= height:
            target = max(0, len(self._lines) - height)
        elif first < top:
            target = first
        elif end > top + height:
            target = min(first, end - height)
        else:
            return
        self.scroll_to(y=target, animate=False, force=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._ensure_layout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        if line >= len(self._lines):
            return Strip.blank(width, self.visual_style.rich_style)
        content, fact = self._lines[line]
        if fact is not None and fact == self._fact:
            return content_strip(content, width, self.get_visual_style("brief-view--cursor"))
        return content_strip(content, width, self.visual_style)

    def _draft_hint(self, brief: Brief) -> str:
        """What the pane says of the draft ``brief``: what is left to do with it, with the keys
        that do it."""
        keys_of = getattr(self.app, "keys_of", None)

        def key(action_id: str, default: str) -> str:
            return str(keys_of(action_id)) if keys_of else default

        edit = key("reader.edit", "E")
        if all(fact.reviewed for fact in brief.key_facts):
            # What c and x do is done: the rest is in the file, which the pane cannot tell.
            in_english = any(fact.needs_english for fact in brief.key_facts)
            return (
                f"Draft, every fact reviewed: {edit} edits the brief to"
                f"{' put its facts in English,' if in_english else ''} check its summary and"
                " remove status: draft"
            )
        return (
            f"Draft: {key('facts.confirm', 'c')} confirms a fact, {key('facts.reject', 'x')}"
            f" rejects it, {edit} edits the brief"
        )

    def _blocks(self) -> list[_Block]:
        """The pane's paragraphs, styled from the current theme."""

        def styled(text: str, name: str) -> Content:
            return Content(text).stylize(self.get_visual_style(f"brief-view--{name}", partial=True))

        entry = self._entry
        if entry is None:
            if not self._heading:
                return []
            return [
                _Block(styled(self._heading, "heading")),
                _BLANK,
                *self._problem_blocks(self._problems),
            ]
        brief = entry.brief
        if brief is None:
            return [
                _Block(styled(f"{entry.path} could not be loaded", "error")),
                # The user's tags and note stay with the brief while its file is broken.
                *self._annotation_blocks(styled, max_lines=2),
                _BLANK,
                _Block(styled(f"Fix these problems, then check with: {_VALIDATE}", "meta")),
                _BLANK,
                *self._problem_blocks(entry.problems),
            ]
        # The article's own title; the list names it in English.
        width, height = self.scrollable_content_region.size
        title_lines = max(TITLE_LINES, height // 6)
        title = one_line(brief.title)
        blocks = [_Block(styled(title, "title"), max_lines=title_lines)]
        blocks += [_Block(styled(pane_meta_line(brief), "meta"))]
        blocks += self._annotation_blocks(styled, max(1, height // 12))
        errors = entry.errors
        if errors:
            # Above the facts, which the user reads first: some of what follows may be wrong.
            counted = plural(len(errors), "error")
            # Short enough for one line of the pane at 80x24.
            told = f"{FAILED_MARK} {counted} in the brief file: see the end"
            blocks.append(_Block(styled(told, "error"), max_lines=1))
        if brief.is_draft:
            blocks.append(_Block(styled(self._draft_hint(brief), "draft")))
        blocks.append(_BLANK)
        count = len(brief.key_facts)
        to_review = sum(not fact.reviewed for fact in brief.key_facts)
        counted = f"{count}, {to_review} to review" if to_review else f"{count}"
        blocks.append(_Block(styled(f"Key facts ({counted})", "heading")))
        number_width = len(str(count)) + 2
        for index, fact in enumerate(brief.key_facts):
            text = one_line(fact.fact)
            kind = styled(f" ({fact.kind})", "kind") if fact.kind else Content("")
            mark = anchor_mark(fact)
            anchor = styled(f" {mark}", "anchor") if mark else Content("")
            # "≈ fuzzy 93" read as "≈ fuzzy" at a line's end says nothing of how close it is.
            mark_start = len(text) + len(kind.plain) + 1
            keep_whole = ((mark_start, mark_start + len(mark)),) if mark else ()
            due = (("unreviewed", not fact.reviewed), ("needs English", fact.needs_english))
            review = [label for label, shown in due if shown]
            if review:
                anchor = Content.assemble(anchor, styled(" · " + " · ".join(review), "draft"))
            number = styled(f"{index + 1}.".rjust(number_width - 1) + " ", "number")
            body = Content.assemble(text, kind, anchor)
            blocks.append(_Block(body, number, index, keep_whole=keep_whole))
            if fact.span is None:
                # Of an article gone or unreadable: its quotes may well be right, and "not
                # found" would send the analyst to mend every one of them.
                told = QUOTE_UNCHECKED if entry.article_unread else QUOTE_MISSING
            else:
                told = QUOTE_OUTSIDE if brief.quoted_outside(fact) else ""
            if told:
                indent = Content(" " * number_width)
                blocks.append(_Block(styled(told, "missing"), indent, index))
        blocks += [_BLANK, _Block(styled("Summary", "heading")), _Block(Content(brief.summary))]
        groups = [(label, names) for label, names in brief.entity_groups if names]
        english = brief.english_title if brief.english_title != brief.title else None
        # A title cut at the top, so that the facts stay in view, is read whole down here.
        cut = width > 0 and len(wrap_text(title, width)) > title_lines
        if groups or english or cut:
            blocks.append(_BLANK)
        if cut:
            blocks.append(_Block(Content.assemble(styled("Title: ", "label"), title)))
        if english:
            # The list names the article so, cut to its width; here it can be read whole.
            heading = styled("English title: ", "label")
            blocks.append(_Block(Content.assemble(heading, one_line(english))))
        for label, names in groups:
            names_text = names_apart([one_line(name) for name in names])
            blocks.append(_Block(Content.assemble(styled(f"{label}: ", "label"), names_text)))
        if brief.date_note:
            blocks += [
                _BLANK,
                _Block(styled(f"About the date: {one_line(brief.date_note)}", "meta")),
            ]
        if entry.problems:
            blocks += [_BLANK, _Block(styled(f"Problems ({len(entry.problems)})", "heading"))]
            blocks += self._problem_blocks(entry.problems)
        return blocks

    def _annotation_blocks(
        self, styled: Callable[[str, str], Content], max_lines: int
    ) -> list[_Block]:
        """The user's tags and note, ``max_lines`` each at most: one in a short pane, so that
        the facts stay in view at 80x24; the dialogs (t, n) show them whole."""
        annotation = self._annotation
        if annotation is None:
            return []
        blocks = []
        if annotation.tags:
            label = styled("Tags: ", "label")
            tags = styled(", ".join(annotation.tags), "annotation")
            blocks.append(_Block(Content.assemble(label, tags), max_lines=max_lines))
        if annotation.note:
            label = styled("Note: ", "label")
            note = styled(one_line(annotation.note[:NOTE_SHOWN]), "annotation")
            blocks.append(_Block(Content.assemble(label, note), max_lines=max_lines))
        return blocks

    def _problem_blocks(self, problems: Sequence[Problem]) -> list[_Block]:
        blocks = []
        for problem in problems:
            name = "error" if problem.severity == "error" else "warning"
            style = self.get_visual_style(f"brief-view--{name}", partial=True)
            blocks.append(_Block(Content(str(problem)).stylize(style)))
        return blocks
