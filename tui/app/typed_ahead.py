"""Keys typed faster than the app handles them: each acts once the one before it is done.

A terminal gives the app what was typed in one read: a quick typist's burst, a paste, what was
typed while a program started. Textual sends each key on as it comes, ahead of the app's answer
to the keys before it. A key with a priority binding acts as it arrives, before the keys typed
ahead of it have come back up from the focused widget to the app's other bindings (``t`` then
Enter: Enter opened the reader's facts before ``t`` had opened the tags dialog). A key after one
that closes a dialog went to the dialog, and was lost with it.

So the app holds each key (and paste) until the one before it is done, and sends it on to the
screen on top as it then is: keys act as if typed one at a time. A key is done once it has come
back up to the app and the app's bindings have acted on it, or a widget on the way has handled
it. To know that, the app posts a message behind the key to the widget it went to; the message
goes up through the same widgets' queues, in order, behind the key, and coming back to the app
it says the key is done (:class:`_Behind`). A widget removed on the way (the dialog the key
closed) drops the messages in its queue: once one of the widgets on the way is gone, the key is
done too, so that a key lost with a widget never holds back the keys after it.

A screen is made after it is put on top, in its own time: the reader's in the first moments of a
start, a dialog just after the key that opens it. Until then the app has nowhere to send a key:
no widget has the focus, and the key goes to the screen, which drops it (a note's first letters)
or acts on what is not there yet ('/' with no filter to open). The keys typed for a
:class:`TakesKeysOnceMounted` wait, held, until it has made its widgets; for one whose rows come
from a thread (the facets' counts), until it has rows to move to.
"""

from __future__ import annotations

from asyncio import Task
from collections import deque
from typing import Any, ClassVar

from textual import events, on
from textual.app import App
from textual.command import CommandPalette
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget

ROUNDS = 2
"""The messages sent behind a key, one after the other. The first follows the key up; the second
follows what the widgets on the way posted as they handled it: an input's Enter sends its
``Submitted`` to itself, behind the first, and the dialog that answers it closes only then."""

PALETTE_ROUNDS = 4
"""The messages sent behind a key typed in the command palette. Its Enter runs a command three
messages on: the input's ``Submitted`` has the list choose its option, the list's
``OptionSelected`` closes the palette and queues the command with the app. The fourth follows the
command, which may move the focus (the filter's input) for the keys after it."""


class _Behind(Message):
    """Sent behind a key, to the widget the key went to: back at the app, the key is done."""

    def __init__(self, key: events.Key | events.Paste, to: Widget, rounds_left: int) -> None:
        super().__init__()
        self.key = key
        self.to = to
        self.rounds_left = rounds_left
        self.watched: list[Task[Any]] = []
        """The tasks of the widgets it goes up through, each of which may end with it queued."""


class HoldsKeysTypedAhead(App[Any]):
    """An app that lets each key typed act only once the one before it is done, on the screen
    then on top, as if typed then.

    It holds the keys (and pastes) typed while one is on its way, and while the screen on top
    is a :class:`TakesKeysOnceMounted` not mounted yet. Mouse events are not held: they act on
    what is under the pointer, and are not typed ahead.
    """

    def __init__(self) -> None:
        super().__init__()
        self._held: deque[events.Key | events.Paste] = deque()
        self._on_its_way: _Behind | None = None
        """The message behind the key on its way, if one is."""

    def _screen_waited_for(self) -> bool:
        screen = self.screen
        return isinstance(screen, TakesKeysOnceMounted) and not screen.takes_keys

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            # Behind the keys held, if any: also those held for a screen that went away
            # before it was mounted, which no screen will ask for.
            self._held.append(event)
            await self._let_keys_through()
            return
        await super().on_event(event)

    def take_keys(self) -> None:
        """Let the keys held act: the screen on top has its widgets."""
        # Through the app's queue, so that the keys it has not handled yet are held first.
        self.call_later(self._let_keys_through)

    async def _let_keys_through(self) -> None:
        # One of them may open a dialog: the keys after it wait for that one.
        while self._held and self._on_its_way is None and not self._screen_waited_for():
            key = self._held.popleft()
            await super().on_event(key)
            if key.is_forwarded:
                # Sent on to the focused widget, or the screen if none (a priority binding
                # acted on it otherwise, and it is done). Nothing has run since it was sent:
                # the focus is where it was then.
                rounds = PALETTE_ROUNDS if isinstance(self.screen, CommandPalette) else ROUNDS
                self._follow(key, self.focused or self.screen, rounds)

    def _follow(self, key: events.Key | events.Paste, to: Widget, rounds: int) -> None:
        """Send a message behind ``key``, which went to ``to``, and wait for it to come back."""
        behind = _Behind(key, to, rounds - 1)
        # A message goes up no further than a parent that sent it: sent by the app, which runs
        # this, it goes all the way up to it.
        behind.set_sender(self)
        path = [node for node in to.ancestors_with_self if not isinstance(node, App)]
        tasks = [task for node in path if (task := _queue_task(node)) is not None]
        if len(tasks) < len(path) or not to.post_message(behind):
            return  # a widget on the way is gone already: nothing of the key's comes back up
        self._on_its_way = behind
        # A widget removed drops what is left in its queue, and one whose parent is being
        # removed sends nothing up to it: either way, the task of a widget on the path ends.
        for task in tasks:
            task.add_done_callback(self._path_ended)
        behind.watched = tasks

    def _path_ended(self, task: Task[Any]) -> None:
        behind = self._on_its_way
        if behind is not None and task in behind.watched:
            # What went up behind the key may be lost with the widget: the key is done.
            self._stop_watching(behind)
            self.post_message(behind)

    @on(_Behind)
    async def _came_back(self, behind: _Behind) -> None:
        if behind is not self._on_its_way:
            return  # back after it was given up for lost
        self._on_its_way = None
        self._stop_watching(behind)
        if behind.rounds_left:
            self._follow(behind.key, behind.to, behind.rounds_left)
        await self._let_keys_through()

    def _stop_watching(self, behind: _Behind) -> None:
        for task in behind.watched:
            task.remove_done_callback(self._path_ended)
        behind.watched.clear()


def _queue_task(node: MessagePump) -> Task[Any] | None:
    """The task that runs ``node``'s message queue while it runs, else None.

    Textual keeps it in a private attribute. Should a release keep it elsewhere, every widget
    reads as gone: keys then go on as they come, never held back by a message that cannot be
    followed."""
    task = getattr(node, "_task", None)
    return task if isinstance(task, Task) and not task.done() else None


class TakesKeysOnceMounted(Screen[Any]):
    """A screen for which a :class:`HoldsKeysTypedAhead` app holds the keys typed until it has
    mounted its widgets and given one the focus, or, if it waits for its content, until it
    says it has that (:meth:`take_keys`)."""

    takes_keys: bool = False
    """Whether the screen's widgets are there to take keys."""
    KEYS_WAIT_FOR_CONTENT: ClassVar[bool] = False
    """Whether the keys wait, after the mount, until the screen has its content: rows a thread
    brings, without which a key to move or choose would do nothing."""

    def on_mount(self) -> None:
        # Dispatched after the handlers of the classes derived from this one: the screen has
        # made its widgets and chosen the focus by now.
        if not self.KEYS_WAIT_FOR_CONTENT:
            self.take_keys()

    def take_keys(self) -> None:
        """Let the keys held for this screen act, now that it is ready for them."""
        if self.takes_keys:
            return
        self.takes_keys = True
        if isinstance(self.app, HoldsKeysTypedAhead):
            self.app.take_keys()
