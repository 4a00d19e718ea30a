"""The promises the repository makes about itself: the quick start and CI stay in step."""

from __future__ import annotations

import re

from tests.conftest import REPO


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci_script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.DOTALL)
    test_commands = [block for block in blocks if "pytest" in block]
    assert len(test_commands) == 1, "the quick start has one command that runs the tests"
    assert test_commands[0] in ci_script.splitlines()


def test_quick_start_opens_the_app_with_the_installed_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.DOTALL)
    assert any(block.endswith(".venv/bin/briefing") and "pip install" in block for block in blocks)
