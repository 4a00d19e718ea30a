"""A dialog that asks for one path: the export's file, the article to add."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Input, Label

from tui.app.screens._dialog import Dialog


class PathDialog(Dialog[Path | None]):
    """Asks for a path; dismisses with it, or with ``None`` when cancelled. Shown again after a
    failure, it holds the path given and says why it failed, ready to be corrected."""

    DEFAULT_CSS = """
    PathDialog > Vertical {
        border: round $border;
        border-title-color: $text-accent;
    }
    PathDialog Input {
        margin: 1 0 0 0;
    }
    PathDialog .hint {
        color: $text-muted;
        margin-top: 1;
    }
    /* Not the class error, to which Label gives a red background: a bar even while empty. */
    PathDialog .problem {
        color: $text-error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
    ]

    TITLE_TEXT = ""
    """The dialog's border title."""
    HINT = ""
    """The keys, under the field."""
    EMPTY = ""
    """What to say when Enter is pressed on an empty field."""
    PLACEHOLDER = ""

    def __init__(self, prompt: str, value: str = "", error: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value
        self.error = error
        self.given = value
        """The path as the user gave it last, as typed (a folder's trailing slash kept)."""
        self._refused = value
        """The path the problem shown is about: once the path typed differs, it goes."""

    def suggester(self) -> Suggester | None:
        """What completes the path as it is typed; none by default."""
        return None

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = self.TITLE_TEXT
            yield Label(Content(self.prompt))
            yield Input(
                self.value,
                placeholder=self.PLACEHOLDER,
                id="path",
                suggester=self.suggester(),
                select_on_focus=False,
            )
            yield Label(Content(self.error), id="error", classes="problem")
            yield Label(self.HINT, id="hint", classes="hint")

    @on(Input.Changed, "#path")
    def _typed(self, event: Input.Changed) -> None:
        if event.value != self._refused:
            self.query_one("#error", Label).update("")
        self.query_one("#hint", Label).update(self.HINT)

    @on(Input.Submitted, "#path")
    def _submit(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self._refuse(self.EMPTY)
            return
        if "\x00" in value:  # a pasted NUL: no file name holds one
            self._refuse("A path cannot hold a NUL character.")
            return
        try:
            path = Path(value).expanduser()
        except RuntimeError:  # ~name for a user the system does not know
            self._refuse(f"No home folder is known for {value.split('/', 1)[0]}.")
            return
        self.given = value
        self.dismiss(path)

    def _refuse(self, why: str) -> None:
        """Say why the path given cannot be used, and leave it to be corrected."""
        self._refused = self.query_one("#path", Input).value
        self.query_one("#error", Label).update(Content(why))

    def action_cancel(self) -> None:
        """Close without doing anything."""
        self.dismiss(None)
