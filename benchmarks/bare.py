"""A bare Textual app, one widget showing one word: what every start-up is compared with.

python -m benchmarks.bare
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

READY = "bare-app-ready"
"""The text the app shows, to be looked for on the screen."""


class BareApp(App[None]):
    """One Static widget and nothing else."""

    def compose(self) -> ComposeResult:
        yield Static(READY)


if __name__ == "__main__":
    BareApp().run()
