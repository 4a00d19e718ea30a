"""Changing what a pane scrolls over without laying the whole screen out again."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def set_virtual_size(pane: ScrollView, size: Size) -> None:
    """Make ``size`` the virtual size of ``pane``, a pane that never scrolls sideways.

    Textual lays out the whole screen whenever a widget's virtual size changes, and then draws
    every widget again: most of the cost of showing another brief, or another count of rows.
    The size of a pane depends only on the screen, not on what it scrolls over; only a vertical
    scrollbar that comes or goes needs the layout. Otherwise the scrollbar's thumb and the pane
    itself are all there is to update.
    """
    if size == pane.virtual_size:
        return
    overflow = pane.styles.overflow_y
    scrollbar_shown = overflow == "scroll" or (
        overflow == "auto" and size.height > pane.container_size.height
    )
    if scrollbar_shown != pane.show_vertical_scrollbar or not pane.container_size:
        pane.virtual_size = size
        return
    pane.set_reactive(Widget.virtual_size, size)
    if scrollbar_shown:
        scrollbar = pane.vertical_scrollbar
        scrollbar.window_virtual_size = size.height
        scrollbar.refresh()
    pane.scroll_y = pane.validate_scroll_y(pane.scroll_y)
    pane.refresh()


class FittedScrollView(ScrollView):
    """A pane that lays out what it shows for its size as soon as it is given one."""

    def fit_to_size(self) -> None:
        """Lay out what the pane shows for its size, and scroll to what is to be in view."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Textual tells a widget its new size with a Resize message, handled once the frame laid
        # out for that size has been drawn: what is laid out then, and the scrollbar's thumb,
        # which depends on the height of what was laid out, would come a frame later (some 25 ms
        # after the first frame). Told here, as the layout hands out sizes, that frame has them.
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if resized:
            self.fit_to_size()
        return resized
