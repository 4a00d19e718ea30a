"""How the reader was last laid out: the article list's size and the pane maximised, per user.

Kept as JSON in the state folder beside the bookmarks. It is a preference, not the user's work: a
file that cannot be read, or holds values out of range, gives the default layout (for the values
it gets wrong) and is written over at the next change.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.atomic import write_atomically
from tui.core.files import NotAFile, TooLarge, read_limited

FILE_NAME = "layout.json"
PANES = ("articles", "brief", "original")
"""The panes that can be maximised, by the id of their widget."""
LIST_SHARE_RANGE = (15, 70)
"""The least and most of the screen, in percent, the article list may take."""
LIST_SHARE_STEP = 5
MAX_FILE_BYTES = 64 * 1024
"""A layout file is a few dozen bytes; a larger one is not read."""


# A named tuple, which takes a fraction of the time a frozen dataclass does to define: this
# module is imported at every start.
class PaneLayout(NamedTuple):
    """The article list's share of the screen in each arrangement, and the pane maximised."""

    list_width: int = 33
    """Percent of the screen's width, when the list is beside the brief."""
    list_height: int = 25
    """Percent of the panes' height, when the list is above the brief (a narrow terminal)."""
    maximized: str | None = None
    """The pane that fills the screen (one of :data:`PANES`), or None."""

    def resized(self, steps: int, *, beside: bool) -> PaneLayout:
        """The list ``steps`` steps larger (smaller when negative), within its range; its width
        when ``beside`` the brief, else its height."""
        low, high = LIST_SHARE_RANGE
        current = self.list_width if beside else self.list_height
        share = min(high, max(low, current + steps * LIST_SHARE_STEP))
        return self._replace(list_width=share) if beside else self._replace(list_height=share)


def read_layout(folder: Path) -> tuple[PaneLayout, str | None]:
    """The layout saved in ``folder``, the default for whatever is missing or cannot be read;
    and, when the file is not a file at all (a pipe, a device), why it was not read, for the
    user. What a file holds wrongly is not said: the next change of layout writes it over."""
    default = PaneLayout()
    path = folder / FILE_NAME
    try:
        value: Any = json.loads(read_limited(path, MAX_FILE_BYTES, "layout file").decode("utf-8"))
    except NotAFile as error:
        return default, f"Layout file {path} {error}"
    except (OSError, TooLarge, UnicodeDecodeError, ValueError):
        return default, None
    if not isinstance(value, dict):
        return default, None
    low, high = LIST_SHARE_RANGE

    def share(name: str, fallback: int) -> int:
        number = value.get(name)
        if type(number) is int and low <= number <= high:
            return number
        return fallback

    maximized = value.get("maximized")
    layout = PaneLayout(
        list_width=share("list_width", default.list_width),
        list_height=share("list_height", default.list_height),
        maximized=maximized if maximized in PANES else None,
    )
    return layout, None


def save_layout(folder: Path, layout: PaneLayout) -> str | None:
    """Write ``layout`` to ``folder`` atomically; None once written, else why it was not."""
    data = {
        "version": 1,
        "list_width": layout.list_width,
        "list_height": layout.list_height,
        "maximized": layout.maximized,
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / FILE_NAME, json.dumps(data) + "\n")
    except OSError as error:
        return f"The layout cannot be saved in {folder} ({error.strerror or error})"
    return None
