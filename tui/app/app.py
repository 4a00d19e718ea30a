"""The briefing app: the reader on one corpus, its help and its command palette."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen

from tui.app.screens.main import MainScreen
from tui.app.widgets.article_list import ArticleList

if TYPE_CHECKING:
    from tui.app.screens.help import KeyRow


class BriefingApp(App[None]):
    """Read the briefs of the corpus at ``root``: list, brief, and original side by side."""

    # Absolute, so that a subclass defined elsewhere still finds the stylesheet.
    CSS_PATH = Path(__file__).with_name("briefing.tcss")
    TITLE = "briefing"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def on_load(self) -> None:
        # What is imported and made so far lives as long as the app: left to the garbage
        # collector, a full pass over it (some 25 ms) would land just before the first frame.
        # Frozen, it is never walked again. The collector, off since the app was imported
        # (make_app), is turned on by the screen as the corpus starts loading: after the first
        # frame when the cache's index gives that frame its rows.
        gc.freeze()

    def on_unmount(self) -> None:
        # Give what was frozen back to the collector, and the collector back, for a process that
        # goes on without the app: it may quit before its first frame.
        gc.unfreeze()
        gc.enable()

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.root)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's text: the corpus name, then its counts (``corpus · 5 briefs · …``)."""
        if not sub_title:
            return Content(title)
        return Content.assemble(
            Content(title).stylize("bold"), (" · ", "dim"), Content(sub_title).stylize("dim")
        )

    def action_help(self) -> None:
        """Show every key."""
        from tui.app.screens.help import HelpScreen  # not needed for the first frame

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[tuple[str, list[KeyRow]]]:
        """Every key of the app, grouped by where it works."""
        from tui.app.screens.export import ExportDialog, OverwriteDialog
        from tui.app.screens.help import key_rows
        from tui.app.widgets.article_view import ArticleView
        from tui.app.widgets.brief_view import BriefView

        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
        screen = list(Binding.make_bindings(MainScreen.BINDINGS))
        in_list = [binding for binding in screen if binding.action == "open_facts"]
        anywhere = [binding for binding in screen if binding.action != "open_facts"]
        return [
            ("Anywhere", key_rows(self, [*anywhere, *self.BINDINGS, palette, *App.BINDINGS])),
            ("Article list", key_rows(self, [*in_list, *ArticleList.BINDINGS])),
            ("Key facts", key_rows(self, BriefView.BINDINGS)),
            ("Original text", key_rows(self, ArticleView.BINDINGS)),
            (
                "Filter",
                [
                    ("⏎", "Keep the filter and go back to the list"),
                    ("esc", "Clear the filter"),
                    ("anchor:fuzzy", "Type it for briefs with a quote found only fuzzily;"),
                    ("", "also anchor:loose, anchor:missing, anchor:exact"),
                ],
            ),
            ("Export", [("⏎", "Write the file"), *key_rows(self, ExportDialog.BINDINGS)]),
            ("When the file exists", key_rows(self, OverwriteDialog.BINDINGS)),
            (
                "Mouse",
                [
                    ("click", "Choose an article, or a fact"),
                    ("click a quote", "Choose the fact it supports"),
                    ("double click", "Go to an article's facts"),
                    ("wheel", "Scroll the pane under the pointer"),
                ],
            ),
        ]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        if isinstance(screen, MainScreen):
            for command in screen.commands():
                callback = partial(screen.run_action, command.action)
                yield SystemCommand(command.title, command.help, callback)
        yield SystemCommand("Help", "List every key (?)", self.action_help)
        yield from super().get_system_commands(screen)
