"""The subcommands at the edges a script or a shell meets: output that cannot be written or is
cut short, an interrupt, odd names and numbers, endless input. Each ends with a message and an
exit status, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kit.corpus import REPO
from tui import cli
from tui.cli import main
from tui.core.drafting.adding import MAX_INPUT_BYTES


def briefing(
    *args: str, env: dict[str, str] | None = None, **options: object
) -> subprocess.Popen[bytes]:
    """``python -m tui`` with ``args`` in a process of its own, as a shell would start it."""
    return subprocess.Popen(
        [sys.executable, "-m", "tui", *args],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        **options,  # type: ignore[call-overload]
    )


def finished(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    """The exit status of ``process`` and what it wrote to standard error."""
    _, err = process.communicate(timeout=120)
    return process.returncode, err.decode("utf-8", "replace")


def test_json_stays_json_where_the_output_takes_ascii_alone() -> None:
    # The output's own escapes (\xf3) made the Spanish titles invalid JSON.
    process = briefing(
        "list",
        "--json",
        env={"PYTHONIOENCODING": "ascii"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0
    titles = [row["title"] for row in json.loads(out)]
    assert any("Internacionalización de Municipios" in title for title in titles)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "args",
    [["list"], ["keys"], ["export", "--all"], ["facets"], ["--version"], ["--help"], ["add", "-h"]],
)
def test_output_that_cannot_be_written_is_said_so(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        status, err = finished(briefing(*args, stdout=full, stderr=subprocess.PIPE))
    assert status == 1
    assert err.startswith("briefing: cannot write the output")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--json"],
        ["keys"],
        ["facets"],
        ["export", "--all"],
        ["--version"],
        ["--help"],
        ["list", "-h"],
    ],
)
def test_output_closed_from_the_start_is_said_so(args: list[str]) -> None:
    # Started with `>&-`: some commands wrote nothing and ended with status 0, export with a
    # traceback.
    status, err = finished(briefing(*args, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1)))
    assert status == 1
    assert err.startswith("briefing: cannot write the output")


def test_an_export_to_a_file_needs_no_standard_output(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    process = briefing(
        "export", "--all", "-o", str(target), stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1)
    )
    status, err = finished(process)
    assert status == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Briefing")


def test_standard_input_closed_is_said_so_by_add(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "briefs").mkdir(parents=True)
    (corpus / "seeds").mkdir()
    process = briefing(
        "add", "--corpus", str(corpus), "-", stderr=subprocess.PIPE, preexec_fn=lambda: os.close(0)
    )
    status, err = finished(process)
    assert status == 1
    assert "standard input" in err and "Traceback" not in err


@pytest.mark.parametrize("args", [["keys"], ["list"]])
def test_output_cut_short_by_its_reader_ends_quietly_with_status_1(args: list[str]) -> None:
    # As `briefing list | head -1` when there is more to write than the pipe holds: the reader
    # goes while the command writes. Here it has gone before the command starts, so that the
    # output is cut short however quickly it is written. A script is told by the status alone.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        process = briefing(*args, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    status, err = finished(process)
    assert err == ""
    assert status == 1


def test_an_interrupt_ends_a_command_with_a_word_and_status_130(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_validate", interrupted)
    assert main(["validate"]) == 130
    assert capsys.readouterr().err == "briefing: interrupted\n"


def test_endless_input_to_add_is_refused_at_the_limit() -> None:
    # It was read to its end before its size was looked at: `yes | briefing add -` never ended.
    yes = subprocess.Popen(["yes", "An endless article."], stdout=subprocess.PIPE)
    try:
        status, err = finished(briefing("add", "-", stdin=yes.stdout, stderr=subprocess.PIPE))
    finally:
        yes.kill()
        yes.wait()
    assert status == 1
    # Not "is 8.0 MiB": the rest of the input is never read, so its size is not known.
    assert f"-: is larger than {MAX_INPUT_BYTES // 2**20} MiB, the limit for one article" in err


def test_export_never_replaces_a_pipe_or_a_device(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert main(["export", "--all", "--output", str(pipe), "--force"]) == 1
    assert "is not a regular file" in capsys.readouterr().err
    assert pipe.is_fifo()


def test_a_number_too_large_for_an_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # It reached SQLite, which cannot hold it, and ended in a traceback.
    with pytest.raises(SystemExit) as ended:
        main(["facets", "--limit", "9223372036854775808"])
    assert ended.value.code == 2
    assert "give a whole number from 1 to 1,000,000" in capsys.readouterr().err


def test_an_empty_corpus_option_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `--corpus "$DIR"` with DIR unset quietly read the shipped corpus.
    with pytest.raises(SystemExit) as ended:
        main(["list", "--corpus", ""])
    assert ended.value.code == 2
    assert "--corpus is empty" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--filter=--"],
        ["list", "--corpus=--"],
        ["facets", "--limit=--"],
        ["facets", "--field", "place", "--field=--"],
        ["export", "--all", "-o=--"],
    ],
)
def test_two_dashes_as_an_option_s_value_are_refused_saying_which(
    corpus_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    # They were read as no value: a traceback, or `--corpus=--` listing the shipped corpus.
    monkeypatch.setenv("BRIEFING_CORPUS", str(corpus_dir))
    with pytest.raises(SystemExit) as ended:
        main(args)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert f"{args[-1]}: -- cannot be an option's value" in err
    assert err.startswith(f"usage: briefing {args[0]}")


def test_a_filter_that_ends_in_two_dashes_is_a_filter(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--corpus", str(corpus_dir), "--filter=maquila"]) == 0
    by_the_word = capsys.readouterr().out
    assert main(["list", "--corpus", str(corpus_dir), "--filter=maquila=--"]) == 0
    assert capsys.readouterr().out == by_the_word != ""


def test_a_brief_whose_file_name_is_not_utf8_is_reported_and_the_rest_listed(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Named on another system: every command ended on it.
    root = corpus_dir
    Path(os.fsdecode(os.fsencode(root / "briefs") + b"/caf\xe9.yaml")).write_text("id: cafe\n")

    assert main(["validate", "--corpus", str(root)]) == 1
    told = capsys.readouterr().err
    assert "briefs/caf\\xe9.yaml: has a file name that is not UTF-8 text; rename it" in told
    assert main(["list", "--corpus", str(root)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5


def test_a_name_not_utf8_stored_as_another_file_s_name_ends_no_command(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "caf\xe9.yaml" (a byte of another system) and "caf\\xe9.yaml" (a backslash typed) are
    # stored under the same name: every command ended in a KeyError.
    root = corpus_dir
    Path(os.fsdecode(os.fsencode(root / "briefs") + b"/caf\xe9.yaml")).write_text("id: cafe\n")
    (root / "briefs" / "caf\\xe9.yaml").write_text("id: cafe\n")

    assert main(["list", "--corpus", str(root)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5
    assert main(["validate", "--corpus", str(root)]) == 1
    assert "Traceback" not in capsys.readouterr().err
