"""Driving ``briefing`` in a real terminal: tmux runs it, tests type keys and read the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

BRIEFING = str(Path(sys.executable).with_name("briefing"))

requires_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None and not os.environ.get("CI"),
    reason="tmux is not installed (CI installs it)",
)


class Terminal:
    """One tmux server of its own with one window running a command at a fixed size."""

    def __init__(self, width: int = 100, height: int = 30) -> None:
        self.socket = f"briefing-test-{uuid.uuid4().hex[:12]}"
        self.width = width
        self.height = height

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def start(self, command: list[str], env: Mapping[str, str], cwd: Path) -> None:
        """Start ``command`` in a new session; ``env`` is added to a minimal environment."""
        variables = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": os.environ["PATH"], **env}
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in variables.items())
        script = f"cd {shlex.quote(str(cwd))} && exec env -i TERM=xterm-256color {exports} "
        script += " ".join(shlex.quote(part) for part in command)
        self.tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", "main",
            "-x", str(self.width), "-y", str(self.height), script,
        )  # fmt: skip
        # Keep the pane after the program ends, so a crash leaves its traceback to read.
        self.tmux("set-option", "-t", "main", "remain-on-exit", "on")

    def keys(self, *keys: str) -> None:
        """Type ``keys`` as tmux names them (``j``, ``Enter``, ``Escape``, ``Space``, ``C-p``)."""
        for key in keys:
            self.tmux("send-keys", "-t", "main", key)

    def burst(self, *keys: str) -> None:
        """Type ``keys`` (as :meth:`keys` names them, or text) in one instant, as a fast typist
        or a terminal sending what was pasted does: one write, which the app reads at once."""
        self.tmux("send-keys", "-t", "main", *keys)

    def type(self, text: str) -> None:
        """Type ``text`` literally."""
        # "--" ends the options: a text starting with a minus ("-baja") is sent as it is.
        self.tmux("send-keys", "-t", "main", "-l", "--", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def styled_screen(self) -> str:
        """The screen with the terminal's escape sequences for colours and styles."""
        return self.tmux("capture-pane", "-e", "-p", "-t", "main")

    def pane_title(self) -> str:
        return self.tmux("display-message", "-p", "-t", "main", "#{pane_title}").strip()

    def exited(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "main", "#{pane_dead}").strip() == "1"

    def wait_for(self, condition: Callable[[str], bool], what: str, timeout: float = 20) -> str:
        """Poll the screen until ``condition`` holds; fail showing the screen if it never does."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if condition(screen):
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}; the screen shows:\n{screen}")
            time.sleep(0.05)

    def wait_for_text(self, text: str, timeout: float = 20) -> str:
        return self.wait_for(lambda screen: text in screen, repr(text), timeout)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def read_briefs(corpus: Path) -> list[dict[str, Any]]:
    """The corpus's briefs as plain YAML, newest first and undated last, as the list shows them."""
    briefs = [yaml.safe_load(p.read_text("utf-8")) for p in (corpus / "briefs").glob("*.yaml")]
    dated = sorted((b for b in briefs if b.get("published")), key=lambda b: b["published"])
    return dated[::-1] + sorted(
        (b for b in briefs if not b.get("published")), key=lambda b: b["id"]
    )


def english_title(brief: dict[str, Any]) -> str:
    """The title the list shows: the English one for an article in another language."""
    return str(brief["title"] if brief["language"] == "en" else brief["title_en"])


def start(terminal: Terminal, corpus: Path, cwd: Path) -> None:
    folders = ("BRIEFING_STATE_DIR", "BRIEFING_CACHE_DIR", "BRIEFING_CONFIG_DIR")
    env = {name: os.environ[name] for name in folders}
    terminal.start([BRIEFING, "--corpus", str(corpus)], env, cwd)
