"""The briefing app: the reader on one corpus, its help and its command palette."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.app.actions import HELP_SECTIONS, action, bindings_of, help_groups, user_keys
from tui.app.reader.screen import MainScreen
from tui.app.typed_ahead import HoldsKeysTypedAhead
from tui.core.text import plural

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.app.screens.help import KeyRow


def _action_commands() -> type[Provider]:
    """The palette's commands, imported as it first opens, as Textual's own are."""
    from tui.app.palette import ActionCommands

    return ActionCommands


class BriefingApp(HoldsKeysTypedAhead):
    """Read the briefs of the corpus at ``root``: list, brief, and original side by side."""

    # Absolute, so that a subclass defined elsewhere still finds the stylesheet.
    CSS_PATH = Path(__file__).with_name("briefing.tcss")
    TITLE = "briefing"

    BINDINGS: ClassVar[list[BindingType]] = bindings_of("app")
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {_action_commands}

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        self.user_keys: dict[str, str] = {}
        """The keys the user gave actions, by action id (see :mod:`tui.core.keymap`)."""
        self._notices_until: list[tuple[str, float]] = []
        """The title of each notice given, and when its time on screen ends (monotonic)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notice, its time on screen kept (see :meth:`notify_in_place`)."""
        now = time.monotonic()
        shown = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        self._notices_until = [kept for kept in self._notices_until if kept[1] > now]
        self._notices_until.append((title, now + shown))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def notify_in_place(
        self, message: str, *, title: str, severity: SeverityLevel, replacing: Iterable[str]
    ) -> None:
        """A notice in place of those still shown, when each of them is titled one of
        ``replacing``: a run of facts rejected and undone one key after another is one notice,
        the last, not a stack of them covering the brief at 80x24. A notice of anything else
        still shown keeps them all."""
        now = time.monotonic()
        shown = {title for title, until in self._notices_until if until > now}
        if shown and shown <= {title, *replacing}:
            self.clear_notifications()
        self.notify(message, title=title, severity=severity, markup=False)

    def on_mount(self) -> None:
        self.call_after_refresh(self._read_user_keys)

    def _read_user_keys(self) -> None:
        """Give actions the keys of the user's keys file, and say what in it cannot be used."""
        # After the first frame: it needs a file read and a YAML parse that the frame need not
        # wait for; a key typed before it applies has its default meaning.
        from tui.core.keymap import config_dir, told_at_start

        keymap = user_keys(config_dir())
        if keymap.keys:
            self.use_keys(keymap.keys)
        if keymap.problems:
            # Long enough to read a few lines by, and to run briefing keys for the rest.
            told = told_at_start(keymap)
            self.notify(told, title="Keys", severity="warning", markup=False, timeout=20)

    @property
    def escape_to_minimize(self) -> bool:
        # Esc ends a finding in the original first, as it does elsewhere: the pane, maximised to
        # read, stays so until Esc is pressed again.
        screen = self.screen
        if isinstance(screen, MainScreen) and screen.finding:
            return False
        return super().escape_to_minimize

    def use_keys(self, keys: Mapping[str, str]) -> None:
        """Give the actions named by id in ``keys`` those keys, in place of their defaults."""
        self.user_keys = dict(keys)
        self.set_keymap(self.user_keys)

    def keys_of(self, action_id: str) -> str:
        """How the keys of an action are shown: the user's, else its defaults; several as
        ``↓ or j``, each as the footer shows a key (Textual shows them as given, ``down,j``)."""
        binding = action(action_id).binding(self.user_keys.get(action_id))
        shown = (self.get_key_display(replace(binding, key=key)) for key in binding.key.split(","))
        return " or ".join(dict.fromkeys(shown))

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

    async def action_quit(self) -> None:
        """Quit; first ask, when that would lose what the user typed or could not save."""
        main = self.screen_stack[0] if self.screen_stack else None
        if isinstance(main, MainScreen):
            adding = main.articles_being_added
            if adding:
                # Its brief is drafted in a thread, which a quit would wait for anyway, with
                # the reader gone and the terminal blank: the reader waits instead, and says so.
                main.quit_once_added = True
                self.notify(
                    f"Quitting once {', '.join(adding)} is added",
                    title="Quit",
                    markup=False,
                )
                return
            # What another program's lock kept out a while ago may go in now: asked only if not.
            # Tried without waiting for the lock: while another program holds it, the question
            # comes at once, and what it keeps is saved and the quit goes on once the lock goes.
            main.save_what_waits(wait=False, quitting=True)
        losing = self._unsaved()
        if not losing:
            self.exit()
            return
        from tui.app.screens.quit import QuitDialog  # not needed for the first frame

        def answered(quit: bool | None) -> None:
            if quit:
                self.exit()

        if not any(isinstance(screen, QuitDialog) for screen in self.screen_stack):
            await self.push_screen(QuitDialog(losing), answered)

    def quit_if_nothing_is_lost_now(self) -> None:
        """Quit, when the user asked to and was asked first only for what has been saved since
        (notes a lock kept out): the question would warn of a loss there no longer is."""
        from tui.app.screens.quit import QuitDialog

        asked = any(isinstance(screen, QuitDialog) for screen in self.screen_stack)
        if asked and not self._unsaved():
            self.exit()

    def _unsaved(self) -> list[str]:
        """What quitting now would lose: text typed in an open dialog, marks for export, and
        notes, tags and bookmarks that could not be saved."""
        from tui.app.screens._dialog import Dialog

        losing = [
            typed
            for screen in self.screen_stack
            if isinstance(screen, Dialog) and (typed := screen.unsaved()) is not None
        ]
        main = self.screen_stack[0] if self.screen_stack else None
        marks = main.unexported_marks() if isinstance(main, MainScreen) else None
        if marks is not None:
            losing.append(marks)
        annotations = main.annotations if isinstance(main, MainScreen) else None
        if annotations is not None and annotations.unsaved_writing:
            changes = plural(annotations.unsaved_writing, "change")
            losing.append(f"{changes} to notes or tags that could not be saved")
        store = main.store if isinstance(main, MainScreen) else None
        if store is not None and store.unsaved_changes:
            changes = plural(store.unsaved_changes, "change")
            losing.append(f"{changes} to bookmarks that could not be saved")
        return losing

    def action_help(self) -> None:
        """Show every key."""
        from tui.app.screens.help import HelpScreen  # not needed for the first frame

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[tuple[str, list[KeyRow]]]:
        """Every key of the app, grouped by where it works: the reader's, then each dialog's."""
        from tui.app.screens.help import key_rows  # not needed for the first frame
        from tui.app.widgets.article_view import ERASING_KEYS

        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
        app_keys = [palette, *Binding.make_bindings(App.BINDINGS)]
        groups = help_groups(self.user_keys, extra=[("app", binding) for binding in app_keys])
        sections = {title: key_rows(self, bindings) for title, bindings in groups.items()}
        sections[HELP_SECTIONS["finding"]] += [
            ("letters", "Add to the words to find"),
            *(
                (self.get_key_display(Binding(key, "")), description)
                for key, (_, description) in ERASING_KEYS.items()
            ),
        ]
        return [*sections.items(), *self._dialog_help_sections()]

    def _dialog_help_sections(self) -> list[tuple[str, list[KeyRow]]]:
        """The keys of the filter and of each dialog, read from the dialogs' bindings; the keys a
        dialog's field or list takes itself (Enter) are said here. A heading names the keys
        that open its dialog, as the user has them: "Facets (f)"."""
        from tui.app.screens._path_dialog import PathDialog
        from tui.app.screens.add import AddDialog
        from tui.app.screens.annotate import DiscardDialog, NoteArea, NoteDialog, TagDialog
        from tui.app.screens.export import ExportDialog, OverwriteDialog
        from tui.app.screens.facets import FacetDialog
        from tui.app.screens.help import key_rows
        from tui.app.screens.quit import QuitDialog

        def opened_by(heading: str, action_id: str) -> str:
            return f"{heading} ({self.keys_of(action_id)})"

        return [
            (
                opened_by("Filter", "reader.filter"),
                [
                    ("⏎", "Keep the filter and go back to the list"),
                    ("esc", "Clear the filter"),
                    ("mexicali maq", "Briefs holding words that start so"),
                    ("place:baja", "Also org: person: topic: outlet: lang:es"),
                    ("", "or in full: organization: language: tags:"),
                    ('place:="la paz"', "That value exactly, as a facet adds it"),
                    ("after:2024-03", "Also before: and date: with a year, month or day"),
                    ("is:unread", "Also is:read is:bookmarked is:draft has:note tag:"),
                    ("anchor:fuzzy", "Quotes found only fuzzily; also anchor:loose,"),
                    ("", "anchor:missing, anchor:exact"),
                    ("-baja", "Leave out the briefs a word or term finds"),
                ],
            ),
            (
                opened_by("Facets", "reader.facets"),
                [
                    ("⏎", "Narrow the list to the value (or show more values)"),
                    *key_rows(self, FacetDialog.BINDINGS),
                ],
            ),
            (
                opened_by("Note", "reader.note"),
                key_rows(self, [*NoteDialog.BINDINGS, *NoteArea.BINDINGS]),
            ),
            (
                opened_by("Tags", "reader.tags"),
                [("⏎", "Save the tags"), *key_rows(self, TagDialog.BINDINGS)],
            ),
            ("When a changed note or tags are cancelled", key_rows(self, DiscardDialog.BINDINGS)),
            (
                opened_by("Add an article", "reader.add"),
                [
                    ("⏎", "Add it, with a draft brief"),
                    *key_rows(self, [*PathDialog.BINDINGS, *AddDialog.BINDINGS]),
                ],
            ),
            (
                opened_by("Export", "reader.export"),
                [("⏎", "Write the file"), *key_rows(self, ExportDialog.BINDINGS)],
            ),
            ("When the file exists", key_rows(self, OverwriteDialog.BINDINGS)),
            ("When quitting would lose changes", key_rows(self, QuitDialog.BINDINGS)),
            (
                "Marks in the original text",
                [
                    ("faint", "A passage one of the brief's facts quotes"),
                    ("strong", "The quote of the fact chosen"),
                    ("dim text", "The web page around the article, as the brief marks"),
                    ("", "it (article_starts, article_ends)"),
                    ("underlined", "Where the words found (Ctrl+F) stand"),
                ],
            ),
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
        for command, _ in self.palette_commands(screen):
            yield command

    def palette_commands(self, screen: Screen[object]) -> Iterator[tuple[SystemCommand, str]]:
        """The palette's commands on ``screen``, each with the other words that find it."""
        if isinstance(screen, MainScreen):
            for command in screen.commands():
                callback = partial(screen.run_action, command.action)
                yield SystemCommand(command.title, command.help, callback), command.words
        # The app's own, not Textual's: its Quit is described as quitting at once (ours asks
        # first), its Keys is a second help, and its Maximize would maximise whatever has the
        # focus, the one-line filter too.
        for each, run in (
            (action("app.help"), self.action_help),
            (action("app.quit"), self.action_quit),
        ):
            keys = self.keys_of(each.id)
            yield SystemCommand(each.label, f"{each.description} ({keys})", run), each.words
