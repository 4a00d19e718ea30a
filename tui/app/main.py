"""Starting the app."""

from __future__ import annotations

import gc
from pathlib import Path


def run_app(root: Path) -> int:
    """Run the reader on the corpus at ``root`` until the user quits; return the exit status."""
    # Importing Textual and the app makes a few hundred thousand objects and no garbage: the
    # collector's passes over them add a twentieth to the start. The app turns it back on as it
    # loads (BriefingApp.on_load).
    gc.disable()
    from tui.app.app import BriefingApp

    app = BriefingApp(root)
    app.run()
    # The process ends here: the collector need not go through the corpus on the way out.
    gc.freeze()
    return app.return_code or 0
