"""Adding an article from the reader: a dialog asks for its path, completing it as it is typed,
and the flow adds it through the core and says what came of it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label

from tui.core.completion import complete_path

if TYPE_CHECKING:
    from tui.core.drafting.adding import Outcome


class PathSuggester(Suggester):
    """Suggests the folder or article file the typed path can be completed to."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class AddDialog(ModalScreen[Path | None]):
    """Asks for the article to add; dismisses with its path, or ``None`` when cancelled."""

    DEFAULT_CSS = """
    AddDialog {
        align: center middle;
        background: $background 60%;
    }
    AddDialog > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        border: round $border;
        border-title-color: $text-accent;
        background: $surface;
        padding: 0 1;
    }
    AddDialog Label {
        width: 1fr;
    }
    AddDialog Input {
        margin: 1 0 0 0;
    }
    AddDialog .hint {
        color: $text-muted;
        margin-top: 1;
    }
    AddDialog .error {
        color: $text-error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("tab", "complete", "Complete the path", priority=True),
    ]

    def __init__(self, typed: str = "", error: str = "") -> None:
        """``typed`` is the path offered; ``error`` says why the one given last was not added."""
        super().__init__()
        self.typed = typed
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = "Add an article"
            yield Label("An article's text (.txt) or a saved web page (.html, .htm):")
            yield Input(
                self.typed,
                placeholder="~/Downloads/article.html",
                id="path",
                suggester=PathSuggester(),
                select_on_focus=False,
            )
            yield Label(Content(self.error), id="error", classes="error")
            yield Label("Tab completes · Enter adds · Esc cancels", classes="hint")

    def action_complete(self) -> None:
        """Take the completion offered."""
        field = self.query_one("#path", Input)
        field.cursor_position = len(field.value)
        field.action_cursor_right()  # at the end of the text, this accepts the suggestion

    @on(Input.Submitted, "#path")
    def _submit(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            message = "Give the path of an article, such as ~/Downloads/article.html"
            self.query_one("#error", Label).update(Content(message))
            return
        self.dismiss(Path(value).expanduser())

    def action_cancel(self) -> None:
        """Close without adding."""
        self.dismiss(None)


async def add_article(app: App[Any], root: Path) -> Outcome | None:
    """Ask for an article and add it to the corpus at ``root`` with a draft brief: what came of
    it (added, or already there), or None when the user gave up. An article that cannot be added
    is asked for again, with why.

    Run from a worker: it waits for the dialog's answers.
    """
    typed, error = "", ""
    while True:
        path = await app.push_screen_wait(AddDialog(typed, error))
        if path is None:
            return None
        typed = str(path)
        outcome = await asyncio.to_thread(_add_one, root, typed)
        if outcome.status != "error":
            return outcome
        error = outcome.error or "could not be added"


def _add_one(root: Path, name: str) -> Outcome:
    from tui.core.drafting.adding import add_articles

    return next(iter(add_articles(root, [name], workers=1)))
