"""Annotating a brief from the reader: the note dialog, the tag dialog, and the flows that ask
them and keep the answer through the core (:mod:`tui.core.annotations`).

The dialogs check what is typed with the core's own rules and say what is wrong inside the
dialog, so that nothing typed is lost to a mistake. A note changed and then cancelled is not
dropped without asking, and a note or tags saved in another copy of the reader while the dialog
was open are kept with what is saved from it.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, TextArea

from tui.app.screens._dialog import Dialog, ask
from tui.app.screens._question import Question
from tui.app.widgets.lines_joined_input import LinesJoinedInput
from tui.core.annotations import (
    MAX_TAGS,
    AnnotationError,
    check_note,
    fold_tag,
    parse_tags,
    respelt_tags_note,
)
from tui.core.text import one_line

if TYPE_CHECKING:
    from tui.core.annotations import Annotations
    from tui.core.model import Brief

INDENT = 4
"""The columns a Tab in a note moves its text to: the next multiple of four."""
NOTE_HINTS = ("Tab indents · Ctrl+S saves · Esc cancels", "Ctrl+S saves · Esc cancels")
"""The note dialog's keys, said on its frame: all of them where it has room, else the keys to
save and to cancel, without which the note cannot be left."""
TAGS_LISTED = 8
"""Tags in use the tag dialog names, the most used first."""


class NoteArea(TextArea):
    """The note's text: Tab indents and Shift+Tab takes the line back out, as in any editor.
    Moving the focus, as a text area's Tab and Shift+Tab do, sent what was typed next nowhere
    (and Enter then saved the note half written). Not the text area's own "indent" behaviour,
    which takes Esc from the dialog to move the focus instead: Esc cancels, Ctrl+S saves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "indent", f"Indent: spaces up to the next multiple of {INDENT}", show=False),
        Binding("shift+tab", "outdent", "Take the line back out one indent", show=False),
    ]

    def action_indent(self) -> None:
        _, column = self.cursor_location
        self.insert(" " * (INDENT - column % INDENT))

    def _recompute_cursor_offset(self) -> None:
        # Undoing a long paste restores the shorter text before the cursor is moved back into
        # it; the scroll bar going away meanwhile asks where the cursor is drawn, on a line the
        # text no longer has, and Textual's text area raises: the app ended, the note typed
        # lost. Asked of the nearest place the text has, the undo goes on to put the cursor
        # back. (Textual issue 6686.)
        location = self.clamp_visitable(self.cursor_location)
        self._cursor_offset = self.wrapped_document.location_to_offset(location)

    def action_outdent(self) -> None:
        """Take the cursor's line back one indent: to the indent before its own."""
        row, _ = self.cursor_location
        line = self.document.get_line(row)
        leading = len(line) - len(line.lstrip(" "))
        removed = leading % INDENT or min(INDENT, leading)
        if removed:
            self.delete((row, 0), (row, removed))


class NoteDialog(Dialog[str | None]):
    """Asks for a brief's note; dismisses with the text (empty to remove the note), or ``None``
    when cancelled. Cancelling a changed note asks first (:class:`DiscardDialog`)."""

    DEFAULT_CSS = """
    NoteDialog > Vertical {
        border: round $border;
        border-title-color: $text-accent;
        border-subtitle-color: $text-muted;
    }
    NoteDialog TextArea {
        height: 10;
        /* Shorter on a short terminal, so that the buttons below it stay on the screen. */
        max-height: 45vh;
        margin-top: 1;
    }
    /* Not the class error, to which Label gives a red background: a bar even while empty. */
    NoteDialog .problem {
        color: $text-error;
    }
    NoteDialog Horizontal {
        height: auto;
        align-horizontal: right;
    }
    NoteDialog Button {
        margin-left: 2;
    }
    """

    # Not priority bindings: those act as soon as the key arrives, ahead of the keys typed
    # before it that the text area has yet to take, and a fast typist's last words were lost.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save the note"),
        Binding("escape", "cancel", "Cancel, asking first if the note has changed"),
    ]

    def __init__(self, title: str, note: str) -> None:
        """``title`` names the brief; ``note`` is its note so far."""
        super().__init__()
        self.brief_title = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = "Note"
            # On the frame rather than beside the buttons, where a narrow terminal cut it short.
            dialog.border_subtitle = note_hint(self.app.size.width)
            yield Label(Content(one_line(self.brief_title)))
            yield NoteArea(self.note, id="note", soft_wrap=True)
            yield Label(Content(""), id="error", classes="problem")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def on_resize(self, event: events.Resize) -> None:
        self.query_one(Vertical).border_subtitle = note_hint(event.size.width)

    @property
    def text(self) -> str:
        """The note as it stands in the dialog."""
        return self.query_one(TextArea).text

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Close with the note, if it can be kept; else say why, keeping it as typed."""
        try:
            check_note(self.text)
        except AnnotationError as error:
            self.query_one("#error", Label).update(Content(str(error)))
            return
        self.dismiss(self.text)

    def unsaved(self) -> str | None:
        areas = self.query(TextArea)  # none yet when asked before the dialog is mounted
        if not areas or areas.first().text.rstrip() == self.note.rstrip():
            return None
        return "the note you typed"

    @on(Button.Pressed, "#cancel")
    async def action_cancel(self) -> None:
        """Close without saving; a changed note is dropped only once the user says so."""
        await discard_or_keep(self, "The note has changed. Discard the changes?")


def note_hint(screen_width: int) -> str:
    """The first of :data:`NOTE_HINTS` that the note dialog's frame has room for on a screen
    ``screen_width`` columns wide."""
    # The frame is 72 columns at most, as every dialog's. Of its bottom line, its corners take
    # 2 columns, and Textual keeps 2 more either side of the subtitle: a line of border and a
    # space.
    room = min(72, screen_width) - 6
    return next((hint for hint in NOTE_HINTS if len(hint) <= room), NOTE_HINTS[-1])


async def discard_or_keep(dialog: Dialog[Any], question: str) -> None:
    """Close ``dialog`` without keeping what was typed in it, once the user agrees to
    ``question`` when something was (:meth:`Dialog.unsaved`)."""
    if dialog.unsaved() is None:
        dialog.dismiss(None)
        return

    def answered(discard: bool | None) -> None:
        if discard:
            dialog.dismiss(None)

    await dialog.app.push_screen(DiscardDialog(question), answered)


class DiscardDialog(Question):
    """Asks whether to drop the changes typed in a dialog; dismisses with ``True`` to drop
    them."""

    DEFAULT_CSS = """
    DiscardDialog > Vertical {
        width: 56;
    }
    """

    TITLE = "Unsaved changes"
    YES = "Discard"
    NO = "Keep editing"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Discard"),
        Binding("n,escape", "answer(False)", "Keep editing"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.asked = question

    def question(self) -> str:
        return self.asked


class TagSuggester(Suggester):
    """Completes the tag being typed (the last one) to a tag in use."""

    def __init__(self, in_use: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.in_use = in_use

    async def get_suggestion(self, value: str) -> str | None:
        start = len(value) - len(value.replace(",", " ").split(" ")[-1])
        typed = fold_tag(value[start:])
        if not typed:
            return None
        for tag in self.in_use:
            if fold_tag(tag).startswith(typed) and fold_tag(tag) != typed:
                return value[:start] + tag
        return None


class TagDialog(Dialog[tuple[str, ...] | None]):
    """Asks for a brief's tags; dismisses with them (none to remove them all), or ``None`` when
    cancelled."""

    DEFAULT_CSS = """
    TagDialog > Vertical {
        border: round $border;
        border-title-color: $text-accent;
    }
    TagDialog Input {
        margin-top: 1;
    }
    TagDialog .hint {
        color: $text-muted;
        margin-top: 1;
    }
    /* Not the class error, to which Label gives a red background: a bar even while empty. */
    TagDialog .problem {
        color: $text-error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel, asking first if the tags have changed"),
        Binding("tab", "complete", "Complete the tag to one in use", priority=True),
    ]

    def __init__(self, title: str, tags: tuple[str, ...], in_use: dict[str, int]) -> None:
        """``title`` names the brief; ``tags`` are its tags so far; ``in_use`` every tag of the
        corpus with how many briefs have it."""
        super().__init__()
        self.brief_title = title
        self.tags = tags
        self.in_use = sorted(in_use, key=lambda tag: (-in_use[tag], fold_tag(tag)))

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = "Tags"
            yield Label(Content(one_line(self.brief_title)))
            yield LinesJoinedInput(
                # A space after the last: a tag typed then is a tag of its own ("señal
                # frontera"), not the last one's end ("señalfrontera").
                "".join(f"{tag} " for tag in self.tags),
                placeholder="usmca tariffs",
                id="tags",
                suggester=TagSuggester(self.in_use),
                select_on_focus=False,
            )
            yield Label(Content(""), id="error", classes="problem")
            used = ", ".join(self.in_use[:TAGS_LISTED]) + (
                ", …" if len(self.in_use) > TAGS_LISTED else ""
            )
            yield Label(Content(f"In use: {used}" if used else "No tags in use yet"))
            yield Label(
                f"Spaces or commas between tags, at most {MAX_TAGS}"
                " · Tab completes · Enter saves · Esc cancels",
                classes="hint",
            )

    @on(Input.Submitted, "#tags")
    def _submit(self, event: Input.Submitted) -> None:
        try:
            tags = parse_tags(event.value)
        except AnnotationError as error:
            self.query_one("#error", Label).update(Content(str(error)))
            return
        self.dismiss(tags)

    def action_complete(self) -> None:
        """Take the completion offered."""
        field = self.query_one("#tags", Input)
        field.cursor_position = len(field.value)
        field.action_cursor_right()  # at the end of the text, this accepts the suggestion

    def unsaved(self) -> str | None:
        fields = self.query("#tags").results(Input)
        typed = next(fields, None)
        # Split as the tags are when saved: "usmca, tariffs" is the same two tags as
        # "usmca tariffs", and cancelling it asks nothing.
        if typed is None or typed.value.replace(",", " ").split() == list(self.tags):
            return None
        return "the tags you typed"

    async def action_cancel(self) -> None:
        """Close without changing the tags; changed ones are dropped only once the user says so."""
        await discard_or_keep(self, "The tags have changed. Discard the changes?")


def edit_note(app: App[Any], annotations: Annotations, brief: Brief) -> Awaitable[bool]:
    """Ask for the note on ``brief``: the dialog opens now; awaiting what this gives keeps the
    note once it is answered, and tells whether it changed."""
    annotations.read_again(brief.id)  # as another copy of the reader may have left it
    current = annotations.notes.get(brief.id, "")
    answer = ask(app, NoteDialog(brief.english_title, current))

    async def keep() -> bool:
        text = await answer
        if text is None:
            return False
        # Checked by the dialog already. What another copy saved meanwhile is kept with it.
        annotations.set_note(brief.id, text, started_from=current)
        return annotations.notes.get(brief.id, "") != current

    return keep()


def edit_tags(app: App[Any], annotations: Annotations, brief: Brief) -> Awaitable[bool]:
    """Ask for the tags of ``brief``: the dialog opens now; awaiting what this gives keeps the
    tags once they are answered, and tells whether they changed."""
    annotations.read_again(brief.id)
    current = annotations.tags.get(brief.id, ())
    answer = ask(app, TagDialog(brief.english_title, current, annotations.tag_names()))

    async def keep() -> bool:
        tags = await answer
        if tags is None:
            return False
        kept = annotations.set_tags(brief.id, tags, started_from=current)  # checked already
        respelt = respelt_tags_note(tags, kept)
        if respelt:
            app.notify(respelt, title="Tags", markup=False)
        return annotations.tags.get(brief.id, ()) != current

    return keep()
