"""The promises the repository makes about itself: the quick start and CI stay in step."""

from __future__ import annotations

import re
from pathlib import Path

from tests.kit.corpus import REPO


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


def _lower_bounds(requirements: list[str]) -> dict[str, str]:
    bounds = {}
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][^,;\s]*).*", requirement)
        assert match, f"{requirement!r} declares no lower bound"
        bounds[match[1].lower()] = match[2]
    return bounds


def test_the_lowest_versions_ci_tests_are_the_ones_pyproject_declares() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    listed = re.search(r"^dependencies = \[\n(.*?)^\]", pyproject, flags=re.DOTALL | re.MULTILINE)
    assert listed
    declared = re.findall(r'^\s*"([^"]+)",', listed[1], flags=re.MULTILINE)
    constraints = (REPO / ".ci" / "lowest-versions.txt").read_text(encoding="utf-8")
    pinned = dict(
        line.lower().split("==")
        for line in constraints.splitlines()
        if line.strip() and not line.startswith("#")
    )
    assert _lower_bounds(declared) == pinned


def test_a_generated_corpus_for_the_benchmarks_validates_without_a_problem(
    tmp_path: Path,
) -> None:
    # docs/performance.md promises it: a benchmark of briefs with problems measures other work.
    from benchmarks.generate import generate
    from tui.core.store import load_corpus

    generate(400, tmp_path / "corpus")

    corpus = load_corpus(tmp_path / "corpus")
    assert len(corpus.briefs) == 400
    assert corpus.all_problems == ()
