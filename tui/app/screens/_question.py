"""A question the user answers yes or no: its frame, its two buttons and its keys."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label

from tui.app.screens._breakpoints import breakpoint_classes
from tui.app.screens._dialog import Dialog

BUTTON_WIDTH = 16
"""The narrowest a button is drawn, whatever its label."""


class Question(Dialog[bool]):
    """Asks :meth:`question`; dismisses with ``True`` for yes (y), ``False`` for no (n, Escape).

    A subclass names its answers (:attr:`YES`, :attr:`NO`), its title, and its keys in
    ``BINDINGS`` (``answer(True)`` and ``answer(False)``), whose words the help screen shows.
    The safe answer, no, is the one focused.
    """

    DEFAULT_CSS = """
    Question > Vertical {
        border: round $warning;
    }
    Question Horizontal {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    Question Button {
        margin-left: 2;
    }
    Question.-narrow Horizontal {
        layout: vertical;
    }
    Question.-narrow Button {
        width: 1fr;
        margin-left: 0;
    }
    """

    AUTO_FOCUS = ""
    """Off: Textual's would focus the first button and scroll to it. The safe answer is focused
    once mounted instead, the question left in view."""

    TITLE: ClassVar[str] = ""
    YES: ClassVar[str] = "Yes"
    NO: ClassVar[str] = "No"

    def question(self) -> str:
        """What is asked."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        # Narrower than the border and padding (4) and both buttons with the gaps before them,
        # the buttons go one under the other; a narrow terminal shows that from the start.
        labels = (f"{self.YES} (y)", f"{self.NO} (n)")
        row = 4 + sum(2 + max(BUTTON_WIDTH, len(label) + 2) for label in labels)
        breakpoints = [(0, "-narrow"), (row, "-wide")]
        self.update_classes(breakpoint_classes(breakpoints, self.app.size.width))
        with Vertical() as dialog:
            dialog.border_title = self.TITLE
            yield Label(Content(self.question()))
            with Horizontal():
                yield Button(labels[0], id="yes", variant="warning")
                yield Button(labels[1], id="no", variant="primary")

    def on_mount(self) -> None:
        # Where the dialog must scroll, the question stays in view rather than this button:
        # Enter, y and n answer it all the same.
        self.query_one("#no", Button).focus(scroll_visible=False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Close with the user's answer."""
        self.dismiss(yes)
