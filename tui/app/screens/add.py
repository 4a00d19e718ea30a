"""Adding an article from the reader: a dialog asks for its path, completing it as it is typed,
and the flow adds it through the core and says what came of it."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Input, Label

from tui.app.screens._dialog import ask
from tui.app.screens._path_dialog import PathDialog
from tui.core.completion import common_completion, complete_path, path_completions

if TYPE_CHECKING:
    from tui.core.drafting.adding import Outcome
    from tui.core.drafting.draft import DraftProgress


class PathSuggester(Suggester):
    """Suggests the folder or article file the typed path can be completed to."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class AddDialog(PathDialog):
    """Asks for the article to add; dismisses with its path, or ``None`` when cancelled."""

    DEFAULT_CSS = """
    AddDialog > Vertical {
        width: 76;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete the path, or name the choices", priority=True),
    ]

    TITLE_TEXT = "Add an article"
    HINT = "Tab completes · Enter adds · Esc cancels"
    EMPTY = "Give the path of an article, such as ~/Downloads/article.html"
    PLACEHOLDER = "~/Downloads/article.html"

    def __init__(self, typed: str = "", error: str = "") -> None:
        """``typed`` is the path offered; ``error`` says why the one given last was not added."""
        prompt = "An article's text (.txt) or a saved web page (.html, .htm):"
        super().__init__(prompt, typed, error)

    def suggester(self) -> Suggester:
        return PathSuggester()

    def action_complete(self) -> None:
        """Complete the path as a shell does: to the one folder or article it can name, else as
        far as all of those agree, else say what they are."""
        field = self.query_one("#path", Input)
        typed = field.value
        found = path_completions(typed)
        completed = common_completion(typed, found)
        if completed != typed:
            field.value = completed
            field.cursor_position = len(completed)
        elif len(found) > 1:
            self.query_one("#hint", Label).update(Content(_choices(typed, found)))
        else:
            self.app.bell()  # nothing to complete it to


CHOICES_SHOWN = 60
"""How many characters of the names a path can be completed to the dialog lists, on one line."""


def _choices(typed: str, found: list[str]) -> str:
    """The names of the folders and articles ``typed`` can be completed to, as one line."""
    start = len(typed) - len(typed.rpartition("/")[2])
    names = [path[start:] for path in found]
    shown: list[str] = []
    for name in names:
        if shown and sum(len(each) + 2 for each in shown) + len(name) > CHOICES_SHOWN:
            break
        # The first is named however long, cut to the line.
        shown.append(name if len(name) <= CHOICES_SHOWN else name[: CHOICES_SHOWN - 1] + "…")
    more = f" and {len(names) - len(shown)} more" if len(shown) < len(names) else ""
    return f"{len(names)} start so: {', '.join(shown)}{more}; type more of the name"


Drafting = Callable[[str, bool], None]
"""Told the name of the article whose brief is being drafted, with True, then with False once
it is done."""
HowFar = Callable[[str, str], None]
"""Told the name of the article whose brief is being drafted and how far that has got, in
words: ``step 3 of 4, 40%``."""
TOLD_EVERY_S = 0.25
"""How often at most the reader is told how far a draft has got: drafting a long article tells
each hundredth of each step, and the screen need not be drawn for each."""


def add_article(
    app: App[Any], root: Path, drafting: Drafting, how_far: HowFar | None = None
) -> Awaitable[Outcome | None]:
    """Ask for an article to add to the corpus at ``root`` with a draft brief: the dialog opens
    now; awaiting what this gives adds the article once it is named, and gives what came of it
    (added, or already there), or None when the user gave up. ``drafting`` is told while the
    brief is drafted, and ``how_far`` how far it has got."""
    dialog = AddDialog()
    return _add(app, root, drafting, how_far, dialog, ask(app, dialog))


async def _add(
    app: App[Any],
    root: Path,
    drafting: Drafting,
    how_far: HowFar | None,
    dialog: AddDialog,
    answer: Awaitable[Path | None],
) -> Outcome | None:
    """Add the article ``answer`` names, as given to ``dialog``; one that cannot be added is
    asked for again, as it was typed, with why."""
    while True:
        path = await answer
        if path is None:
            return None
        # A web page takes a while to extract, and a long article to draft; the reader stays
        # in use meanwhile.
        drafting(path.name, True)
        told = _told_from_the_thread(how_far, path.name) if how_far is not None else None
        try:
            outcome = await asyncio.to_thread(_add_one, root, str(path), told)
        finally:
            drafting(path.name, False)
        if outcome.status != "error":
            return outcome
        given = dialog.given
        dialog = AddDialog(given, f"{given}: {outcome.error or 'could not be added'}")
        answer = ask(app, dialog)


def _told_from_the_thread(how_far: HowFar, name: str) -> Callable[[str, DraftProgress], None]:
    """What tells ``how_far``, on the reader's own loop, how far the drafting of the article
    ``name`` has got, from the thread that drafts it: without waiting for the reader, and at
    most every :data:`TOLD_EVERY_S`."""
    loop = asyncio.get_running_loop()
    last_told: float | None = None

    def told(_path: str, progress: DraftProgress) -> None:
        nonlocal last_told
        now = time.monotonic()
        if last_told is not None and now - last_told < TOLD_EVERY_S:
            return
        last_told = now
        # The reader may have gone meanwhile (its loop closed): the draft is written all the same.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(how_far, name, progress.in_short())

    return told


def _add_one(
    root: Path, name: str, drafting: Callable[[str, DraftProgress], None] | None = None
) -> Outcome:
    from tui.core.drafting.adding import InputError, Outcome, add_articles

    try:
        return next(iter(add_articles(root, [name], workers=1, drafting=drafting)))
    except InputError as error:  # the corpus's own gazetteer cannot be read
        # Said in the dialog, which keeps the path: once the file is mended, Enter adds it.
        return Outcome(name, "error", error=f"{error}; mend it, then add the article again")
