"""Keys typed ahead of a screen: held by the app until the screen has made its widgets.

A screen is made after it is put on top, in its own time: the reader's in the first moments of a
start, a dialog just after the key that opens it. Until then the app has nowhere to send a key:
no widget has the focus, and the key goes to the screen, which drops it (a note's first letters)
or acts on what is not there yet ('/' with no filter to open). Keys typed that fast are common:
a quick typist, a paste, a terminal that sends what was typed while a program started.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from typing import Any, ClassVar

from textual import events
from textual.app import App
from textual.screen import Screen


class HoldsKeysTypedAhead(App[Any]):
    """An app that gives the screen on top the keys typed for it.

    It holds the keys (and pastes) typed while the screen on top is a
    :class:`TakesKeysOnceMounted` not mounted yet, and lets them act, in the order typed, once it
    is. A key sent on to a widget of one screen, and back up unhandled once another is on top,
    was typed after the key that changed the screen: it goes to the screen now on top, as if
    typed there.
    """

    FORGET_AFTER_S: ClassVar[float] = 5.0
    """How long a key sent on is remembered with the screen it was sent to. A key comes back
    within moments, if at all: one a widget handled never does."""

    def __init__(self) -> None:
        super().__init__()
        self._held: deque[events.Key | events.Paste] = deque()
        self._sent_to: OrderedDict[int, tuple[events.Key | events.Paste, Screen[Any], float]]
        self._sent_to = OrderedDict()

    def _screen_waited_for(self) -> bool:
        screen = self.screen
        return isinstance(screen, TakesKeysOnceMounted) and not screen.takes_keys

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)):
            if not event.is_forwarded:
                # Behind the keys held, if any: also those held for a screen that went away
                # before it was mounted, which no screen will ask for.
                self._held.append(event)
                await self._let_keys_through()
                return
            sent = self._sent_to.pop(id(event), None)
            if sent is not None and sent[1] is not self.screen:
                # Back from the screen it was sent to, another on top now: typed in the instant
                # after a dialog's key, and sent on before the dialog opened.
                self._held.append(_afresh(event))
                await self._let_keys_through()
                return
        await super().on_event(event)

    async def _send_on(self, event: events.Key | events.Paste) -> None:
        now = time.monotonic()
        # The event is kept with its id, so that no other can take that id while it is here.
        self._sent_to[id(event)] = (event, self.screen, now)
        while self._sent_to:
            _, (_, _, sent_at) = next(iter(self._sent_to.items()))
            if sent_at > now - self.FORGET_AFTER_S:
                break
            self._sent_to.popitem(last=False)
        await super().on_event(event)

    def take_keys(self) -> None:
        """Let the keys held act: the screen on top has its widgets."""
        # Through the app's queue, so that the keys it has not handled yet are held first.
        self.call_later(self._let_keys_through)

    async def _let_keys_through(self) -> None:
        # One of them may open a dialog: the keys after it wait for that one.
        while self._held and not self._screen_waited_for():
            await self._send_on(self._held.popleft())


def _afresh(event: events.Key | events.Paste) -> events.Key | events.Paste:
    """A new event like ``event``, to be sent on anew: the one sent is marked as sent."""
    if isinstance(event, events.Key):
        return events.Key(event.key, event.character)
    return events.Paste(event.text)


class TakesKeysOnceMounted(Screen[Any]):
    """A screen for which a :class:`HoldsKeysTypedAhead` app holds the keys typed until it has
    mounted its widgets and given one the focus."""

    takes_keys: bool = False
    """Whether the screen's widgets are there to take keys."""

    def on_mount(self) -> None:
        # Dispatched after the handlers of the classes derived from this one: the screen has
        # made its widgets and chosen the focus by now.
        self.takes_keys = True
        if isinstance(self.app, HoldsKeysTypedAhead):
            self.app.take_keys()
