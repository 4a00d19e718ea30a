"""Turning one line of content into a strip the width of a pane, and labels the panes share."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style


def content_strip(content: Content, width: int, base: Style) -> Strip:
    """``content`` on the style ``base``, cut to ``width`` cells with an ellipsis, or padded."""
    if width <= 0:
        return Strip.blank(0)
    line = content.truncate(width, ellipsis=True) if content.cell_length > width else content
    strip = Strip(line.render_segments(base), line.cell_length)
    return strip.extend_cell_length(width, base.rich_style)


FAILED_MARK = "⚠"
"""Beside a brief whose file has errors, in the list and the brief pane."""
