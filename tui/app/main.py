"""Starting the app."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app.app import BriefingApp


def make_app(root: Path) -> BriefingApp:
    """The reader on the corpus at ``root``, its modules imported as quickly as they can be."""
    # Importing Textual and the app makes a few hundred thousand objects and no garbage: the
    # collector's passes over them add a twentieth to the start. The screen turns it back on
    # as the corpus starts loading (MainScreen._start_loading).
    gc.disable()
    from tui.app.app import BriefingApp

    return BriefingApp(root)


def prepare_first_start(root: Path) -> None:
    """Ready what a first start on ``root`` needs before the app takes the terminal.

    A first start reads every brief, in worker processes when there are many. Python starts
    their helper process with a copy of the standard error, which Textual replaces while it runs
    with a stream that has no descriptor: started now, it gets the terminal's. Later starts read
    few files, and never need it.
    """
    from tui.core.store import index_file

    if not index_file(root).exists():
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()


def run_app(root: Path) -> int:
    """Run the reader on the corpus at ``root`` until the user quits; return the exit status."""
    prepare_first_start(root)
    app = make_app(root)
    app.run()
    # The process ends here: the collector need not go through the corpus on the way out.
    gc.freeze()
    return app.return_code or 0
