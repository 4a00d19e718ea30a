"""The export dialogs: where to write the briefing, and whether to replace a file already there.

They only ask; the screen that opened them writes the file through the core.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label


class ExportDialog(ModalScreen[Path | None]):
    """Asks for the file to export to; dismisses with its path, or ``None`` when cancelled."""

    DEFAULT_CSS = """
    ExportDialog {
        align: center middle;
        background: $background 60%;
    }
    ExportDialog > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        border: round $border;
        border-title-color: $text-accent;
        background: $surface;
        padding: 0 1;
    }
    ExportDialog Input {
        margin: 1 0 0 0;
    }
    ExportDialog .hint {
        color: $text-muted;
        margin-top: 1;
    }
    ExportDialog .error {
        color: $text-error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, described: str, default: str) -> None:
        """``described`` says what is exported (``the 3 marked briefs``); ``default`` is the
        file name offered."""
        super().__init__()
        self.described = described
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = "Export to Markdown"
            yield Label(Content(f"Write {self.described} to:"))
            yield Input(self.default, id="path", select_on_focus=False)
            yield Label("", id="error", classes="error")
            yield Label("Enter writes · Esc cancels", classes="hint")

    @on(Input.Submitted, "#path")
    def _submit(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.query_one("#error", Label).update(Content("Give a file name, such as briefing.md"))
            return
        self.dismiss(Path(value).expanduser())

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)


class OverwriteDialog(ModalScreen[bool]):
    """Asks whether to replace a file; dismisses with ``True`` to replace it."""

    DEFAULT_CSS = """
    OverwriteDialog {
        align: center middle;
        background: $background 60%;
    }
    OverwriteDialog > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        border: round $warning;
        background: $surface;
        padding: 0 1;
    }
    OverwriteDialog Horizontal {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    OverwriteDialog Button {
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Overwrite"),
        Binding("n,escape", "answer(False)", "Keep it and choose another name"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = "File exists"
            yield Label(Content(f"{self.path} exists already. Overwrite it?"))
            with Horizontal():
                yield Button("Overwrite (y)", id="overwrite", variant="warning")
                yield Button("Choose another name (n)", id="keep", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "overwrite")

    def action_answer(self, overwrite: bool) -> None:
        """Close with the user's answer."""
        self.dismiss(overwrite)
