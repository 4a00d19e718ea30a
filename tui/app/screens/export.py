"""Exporting briefs: which briefs go, the dialogs that ask where to write the briefing and
whether to replace a file already there, and the flow that asks them and writes the file through
the core.

The dialogs only ask. When the file cannot be written, the export dialog is opened again with the
name given and why it failed, to correct the name.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Set
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from tui.app.screens._dialog import ask
from tui.app.screens._path_dialog import PathDialog
from tui.app.screens._question import Question
from tui.core.export import (
    Annotated,
    Chosen,
    ExportError,
    ExportExistsError,
    default_export_name,
    render_markdown,
    write_export,
)
from tui.core.text import plural

if TYPE_CHECKING:
    from tui.core.model import Corpus, Entry


@dataclass(frozen=True)
class Selection:
    """The briefs to export, and how the briefing and the dialog name them."""

    ids: frozenset[str]
    """The ids of the briefs marked; empty for the current brief alone."""
    current: Entry | None
    """The brief under the cursor, exported when none is marked."""
    chosen: Chosen
    """How they were chosen, which the briefing says."""
    described: str
    """As the dialog says it: ``the 3 marked briefs``, ``the current brief``."""
    found_by: str = ""
    """The filter that found the briefs, when they were ``found``."""


MANY_BRIEFS = 1_000
"""Briefs exported at once that take a second or more to look up and write: the reader says it
is at work on them, which the dialog gone would otherwise leave unsaid."""
_TITLE_SHOWN = 48
"""How much of a brief's title the dialog names it by: the rest of the line is the path's."""


def export_selection(
    corpus: Corpus,
    marked: Set[str],
    current: Entry | None,
    failed: int = 0,
    *,
    found_by: str = "",
) -> Selection | None:
    """The briefs marked for export, in the list's order; else the ``current`` one (an entry
    whose brief loaded); else None. ``failed`` more are marked whose files failed to load: the
    dialog says they are left out. ``found_by`` is the filter that found the briefs marked, when
    they are those it found."""
    if marked:
        # Counted, not looked up: looking up thousands of briefs takes seconds, which the
        # dialog need not wait for (see _entries).
        described = f"the {plural(len(marked), 'marked brief')}"
        if failed:
            described += f" that loaded ({failed:,} more failed to load)"
        chosen: Chosen = "found" if found_by and not failed else "marked"
        return Selection(frozenset(marked), None, chosen, described, found_by)
    if current is None or current.brief is None:
        return None
    title = current.brief.english_title
    shown = title if len(title) <= _TITLE_SHOWN else title[: _TITLE_SHOWN - 1].rstrip() + "…"
    return Selection(frozenset(), current, "current", f"the brief “{shown}”")


def _entries(corpus: Corpus, selection: Selection) -> list[Entry]:
    """The entries of the briefs of ``selection``, which loaded, in the list's order."""
    if selection.current is not None:
        return [selection.current]
    return corpus.entries_with_ids(selection.ids)


class ExportDialog(PathDialog):
    """Asks for the file to export to; dismisses with its path, or ``None`` when cancelled."""

    TITLE_TEXT = "Export to Markdown"
    HINT = "Enter writes · Esc cancels"
    EMPTY = "Give a file name, such as briefing.md"

    def __init__(self, described: str, default: str, error: str = "") -> None:
        """``described`` says what is exported (``the 3 marked briefs``); ``default`` is the
        file name offered; ``error`` says why the name given last could not be written, shown
        under it so that the user can correct it."""
        super().__init__(f"Write {described} to:", default, error)


class OverwriteDialog(Question):
    """Asks whether to replace a file; dismisses with ``True`` to replace it."""

    TITLE = "File exists"
    YES = "Overwrite"
    NO = "Choose another name"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Overwrite"),
        Binding("n,escape", "answer(False)", "Keep it and choose another name"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def question(self) -> str:
        return f"{self.path} exists already. Overwrite it?"


def export_briefs(
    app: App[Any], corpus: Corpus, selection: Selection, annotated: Annotated | None = None
) -> Awaitable[Path | None]:
    """Ask where to write the briefing of ``selection`` (with the tags and notes ``annotated``
    gives): the dialog opens now; awaiting what this gives writes the briefing where the user
    said, and says so: the path written, or None when the user gave up."""
    name = default_export_name(datetime.now())
    answer = ask(app, ExportDialog(selection.described, name, ""))
    return _export(app, corpus, selection, annotated, answer)


async def _export(
    app: App[Any],
    corpus: Corpus,
    selection: Selection,
    annotated: Annotated | None,
    answer: Awaitable[Path | None],
) -> Path | None:
    """Write the briefing where ``answer`` says, asking again until it is written or the user
    gives up."""
    entries: list[Entry] = []
    with_errors: list[str] = []
    markdown = ""
    while True:
        path = await answer
        if path is None:
            return None
        if not markdown:
            if len(selection.ids) >= MANY_BRIEFS:
                app.notify(f"Writing {plural(len(selection.ids), 'brief')}…", title="Export")
            entries = await asyncio.to_thread(_entries, corpus, selection)
            markdown = await asyncio.to_thread(
                render_markdown,
                corpus,
                entries,
                selection.chosen,
                annotated,
                date.today(),
                with_errors,
                found_by=selection.found_by,
            )
        try:
            failure = _write(path, markdown, overwrite=False)
        except ExportExistsError:
            if not await ask(app, OverwriteDialog(path)):
                # The file is kept: asked again, the name ready to change.
                answer = ask(app, ExportDialog(selection.described, str(path), ""))
                continue
            failure = _write(path, markdown, overwrite=True)
        if not failure:
            message = f"Exported {plural(len(entries), 'brief')} to {path}"
            app.notify(message, title="Export", markup=False)
            if with_errors:
                app.notify(
                    f"{plural(len(with_errors), 'brief')} exported with errors in the file, which"
                    " the briefing lists under each; the brief pane shows them too",
                    title="Export",
                    severity="warning",
                    markup=False,
                )
            return path
        # Not written: asked again with why, the name as typed, ready to correct.
        answer = ask(app, ExportDialog(selection.described, str(path), failure))


def _write(path: Path, markdown: str, *, overwrite: bool) -> str:
    """Write the briefing to ``path``: "" once written, else why it could not be.

    Raises :class:`~tui.core.export.ExportExistsError` when the file exists and ``overwrite`` is
    false: that is a question for the user, not a failure.
    """
    try:
        write_export(path, markdown, overwrite=overwrite)
    except ExportExistsError:
        raise
    except ExportError as error:
        return str(error)
    return ""
