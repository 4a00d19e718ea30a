"""Starting the app."""

from __future__ import annotations

from pathlib import Path


def run_app(root: Path) -> int:
    """Run the reader on the corpus at ``root`` until the user quits; return the exit status."""
    from tui.app.app import BriefingApp

    app = BriefingApp(root)
    app.run()
    return app.return_code or 0
