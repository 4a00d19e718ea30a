"""How fast briefing is at 5, 1,000 and 10,000 briefs, next to a bare Textual app in the same run.

    python -m benchmarks.run            # everything, about five minutes on two cores
    python -m benchmarks.run --quick    # 5 and 1,000 briefs only, fewer repeats

Run it from the repository's root with the project's environment. Corpora are generated into a
temporary folder (see :mod:`benchmarks.generate`); the cache and bookmarks live there too, so the
user's own are never touched.

Start-up is measured twice, each time against the bare app (:mod:`benchmarks.bare`) started the
same way: headless, with Textual's ``run_test`` in a fresh process (time until the first frame
that shows titles, see :mod:`benchmarks.probe`), and in a real terminal: the app runs in a
detached tmux session of 120x40 and the screen is read with ``tmux capture-pane`` until the first
titles are on it, then until the first brief's facts are, and then until the screen has stopped
changing: the complete screen a user can work with (list, facts and original), timed at its last
change and set beside the bare app's screen timed the same way. A cold start's screen is
complete once every brief is read and listed (its title bar no longer says "reading"). "Cold"
means no cache of parsed briefs (the files themselves are in the page cache); "warm" means the
cache from the previous start.

Key presses are timed headless at the largest size, from the moment the key is posted until the
last frame it caused. Peak memory is the app process's high-water mark of resident memory, in the
terminal for a warm start and for a cold one, which builds the cache.
Medians are printed; every ratio is to the bare app measured the same way in the same run.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.bare import READY
from benchmarks.generate import COMMON_WORD, RARE_WORD, generate
from benchmarks.probe import CURSOR_MOVES

REPO = Path(__file__).resolve().parent.parent
SIZE = (120, 40)
POLL = 0.01
"""How often the terminal's screen is read."""
TIMEOUT = 300.0
BRIEF_NEEDLE = "Key facts ("
"""Shown by the brief pane once it shows a brief."""
_LISTED = re.compile(r"\d briefs · ")
"""The title bar once the list shows briefs (while they are read, it says only how far it got)."""
QUIT_WAIT = 10.0
"""How long an app may take to quit once Ctrl+Q is pressed before its session is killed."""
SETTLED = 0.5
"""Seconds the screen must stay the same, once whole, to count as settled: the complete screen's
time is that of its last change."""

# Targets from the issue: ratios to the bare app in a real terminal, and absolute limits.
WARM_TARGETS = {5: 1.1, 10_000: 1.5}
COMPLETE_TARGETS = {5: 1.3, 10_000: 1.6}
"""For the complete screen (list, the first brief's facts, its original), painted and settled,
warm, against the bare app's settled screen."""
COLD_TARGETS = {10_000: 2.5}
CURSOR_TARGET = 0.030
KEYSTROKE_TARGET = 0.100
MEMORY_TARGET = 120.0
TARGET_SIZE = 10_000


def compile_package() -> None:
    """Write the bytecode of briefing's modules and of the benchmark's apps, as installing does.

    Textual's modules were compiled when it was installed. A module of this checkout edited
    since it was last imported would be compiled again at every start where Python may not write
    bytecode (``PYTHONDONTWRITEBYTECODE``): a cost no installed copy pays.
    """
    for folder in ("tui", "benchmarks"):
        compileall.compile_dir(REPO / folder, quiet=1)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- The machine ----------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """CPU, cores, memory and versions, as the results table names them."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    import textual
    import yaml

    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "textual": textual.__version__,
        "pyyaml": f"{yaml.__version__} ({'libyaml' if yaml.__with_libyaml__ else 'pure Python'})",
        "tmux": _tmux_version(),
    }


def _tmux_version() -> str:
    try:
        return subprocess.run(
            ["tmux", "-V"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not found"


# -- Corpora and the processes that open them -----------------------------------------------------


@dataclass
class Corpus:
    label: str
    size: int
    root: Path
    titles: list[str] = field(default_factory=list)
    """Beginnings of the first titles the list shows, to be looked for on the screen."""


class Bench:
    """The working folder, the environment of every process, and the results gathered."""

    def __init__(self, work: Path, reps: int, cold_reps: int) -> None:
        self.work = work
        self.reps = reps
        self.cold_reps = cold_reps
        self.cache_dir = work / "cache"
        self.env = dict(os.environ)
        self.env.update(
            BRIEFING_CACHE_DIR=str(self.cache_dir),
            BRIEFING_STATE_DIR=str(work / "state"),
            PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        )
        for name in ("BRIEFING_CORPUS", "TEXTUAL", "TEXTUAL_LOG"):
            self.env.pop(name, None)
        self.results: dict[str, Any] = {}

    def python(self, *args: str) -> list[str]:
        return [sys.executable, *args]

    def briefing(self, *args: str) -> list[str]:
        return self.python("-m", "tui", *args)

    def cache_path(self, corpus: Corpus) -> Path:
        from tui.core.store import index_file

        return index_file(corpus.root, self.cache_dir)

    def forget_cache(self, corpus: Corpus) -> None:
        index = self.cache_path(corpus)
        for suffix in ("", "-wal", "-shm"):
            index.with_name(index.name + suffix).unlink(missing_ok=True)

    def prepare_cache(self, corpus: Corpus) -> None:
        """Open the corpus once in a process of its own, so that its index is built."""
        code = "import sys, pathlib; from tui.core.store import open_corpus; "
        code += "open_corpus(pathlib.Path(sys.argv[1]))"
        subprocess.run(self.python("-c", code, str(corpus.root)), env=self.env, check=True)
        from tui.core.store import peek_corpus
        from tui.core.text import one_line

        stored = peek_corpus(corpus.root, self.cache_dir)
        assert stored is not None, "the index was not built"
        # The list shows the start of each title (about twenty characters at 120 columns).
        titles = [e.brief.english_title for e in stored.entries[:10] if e.brief is not None]
        corpus.titles = [one_line(title)[:12] for title in titles]

    def run_timed(self, command: Sequence[str]) -> tuple[float, float]:
        """Run ``command``; its wall time in seconds and its peak resident memory in MiB."""
        started = time.perf_counter()
        process = subprocess.Popen(
            command, env=self.env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # Waited for here rather than through Popen: only wait4 tells this one child's peak.
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        return elapsed, usage.ru_maxrss / 1024


def prepare_corpora(bench: Bench, sizes: Sequence[int]) -> list[Corpus]:
    from tui.core.corpus_path import shipped_corpus

    corpora = [Corpus("5 briefs (shipped)", 5, shipped_corpus())]
    for size in sizes:
        root = bench.work / f"corpus-{size}"
        log(f"generating {size:,} briefs")
        generate(size, root)
        corpora.append(Corpus(f"{size:,} briefs", size, root))
    return corpora


# -- Headless start-up ----------------------------------------------------------------------------


def headless_start(bench: Bench, app: str, corpus: Corpus | None) -> dict[str, float]:
    """Seconds from launch to the first frame, and to the first frame with titles."""
    command = bench.python("-m", "benchmarks.probe", "startup", app)
    if corpus is not None:
        command += ["--corpus", str(corpus.root)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=bench.env, cwd=REPO, stdout=subprocess.PIPE)
    times: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        now = time.perf_counter()
        event = json.loads(line)
        times[event["event"]] = now - started
        if "peak_rss_mib" in event:
            times["peak_rss_mib"] = event["peak_rss_mib"]
    process.wait()
    if "painted" not in times:
        raise RuntimeError(f"{' '.join(command)} ended without painting")
    return times


# -- Real terminal start-up -----------------------------------------------------------------------


class Tmux:
    """A private tmux server; each measurement is a new detached session of fixed size."""

    def __init__(self) -> None:
        self.socket = f"briefing-bench-{os.getpid()}"
        self.count = 0
        self.run("-f", os.devnull, "new-session", "-d", "-s", "idle", "-x", "20", "-y", "5")
        self.path = Path(self.run("display-message", "-p", "#{socket_path}").strip())

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, OSError):
            self.run("kill-server")
        with contextlib.suppress(OSError):
            self.path.unlink()

    def screen(self, session: str) -> str:
        return self.run("capture-pane", "-p", "-t", session)

    def start(self, bench: Bench, command: Sequence[str]) -> tuple[str, float]:
        self.count += 1
        session = f"run{self.count}"
        environment = [
            f"{name}={bench.env[name]}"
            for name in ("BRIEFING_CACHE_DIR", "BRIEFING_STATE_DIR", "PYTHONPATH")
        ]
        shell = f"cd {shlex.quote(str(REPO))} && exec env {shlex.join([*environment, *command])}"
        width, height = SIZE
        started = time.perf_counter()
        self.run("new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), shell)
        return session, started

    def watch(
        self, session: str, started: float, needles: Sequence[str], brief_needle: str | None
    ) -> dict[str, float]:
        """Read the screen until it shows any of ``needles``, then ``brief_needle`` if given:
        seconds from ``started`` to the first text on it (``frame``), to the needle
        (``painted``) and to the brief needle (``brief``, else the same as ``painted``), and
        whether the app said it was loading meanwhile (``loading``, 1 or 0). Then, until the
        screen has not changed for :data:`SETTLED` seconds: the time of its last change
        (``complete``), when the screen a user can work with is there and stays."""
        times: dict[str, float] = {"loading": 0.0}
        deadline = time.perf_counter() + TIMEOUT
        last_text, last_change = "", 0.0
        while time.perf_counter() < deadline:
            text = self.screen(session)
            now = time.perf_counter()
            if text != last_text:
                last_text, last_change = text, now
            if "brief" in times:
                # A first build says how far its reading has come in the title bar, and its
                # reports can be more than SETTLED apart: the screen is not settled until all
                # are read.
                still_reading = "reading" in text.partition("\n")[0]
                if now - last_change >= SETTLED and not still_reading:
                    times["complete"] = last_change - started
                    return times
                time.sleep(POLL)
                continue
            if text.strip():
                times.setdefault("frame", now - started)
            if "listed" not in times and _LISTED.search(text):
                times["listed"] = now - started
            if "painted" not in times and any(needle in text for needle in needles):
                times["painted"] = now - started
            if "painted" in times and (brief_needle is None or brief_needle in text):
                times["brief"] = now - started
            if "loading" in text.lower() or "reading" in text.lower():
                times["loading"] = 1.0
            time.sleep(POLL)
        raise TimeoutError(f"none of {needles!r}, then {brief_needle!r}, appeared in the terminal")

    def peak_memory_mib(self, session: str) -> float | None:
        pid = self.run("display-message", "-p", "-t", session, "#{pane_pid}").strip()
        with contextlib.suppress(OSError, ValueError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return None

    def stop(self, session: str) -> None:
        """Quit the app as a user does (Ctrl+Q), so that it closes its index as it would; kill the
        session if it has not ended within :data:`QUIT_WAIT` seconds.

        Killed, the app leaves the index's journal behind: after a cold start, which writes the
        whole index through it, the next start would first read it all again."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run("send-keys", "-t", session, "C-q")
            deadline = time.perf_counter() + QUIT_WAIT
            while time.perf_counter() < deadline:
                if session not in self.run("list-sessions", "-F", "#{session_name}").split():
                    return
                time.sleep(POLL)
            self.run("kill-session", "-t", session)


def tmux_start(
    bench: Bench, tmux: Tmux, app: str, corpus: Corpus | None, memory: bool = False
) -> dict[str, float]:
    if app == "bare":
        command, needles, brief_needle = bench.python("-m", "benchmarks.bare"), [READY], None
    else:
        assert corpus is not None
        command, needles = bench.briefing("--corpus", str(corpus.root)), corpus.titles
        brief_needle = BRIEF_NEEDLE
    session, started = tmux.start(bench, command)
    try:
        times = tmux.watch(session, started, needles, brief_needle)
        if memory:
            # Let the app finish what it does after the first titles before reading its peak.
            time.sleep(1.0)
            peak = tmux.peak_memory_mib(session)
            if peak is not None:
                times["peak_rss_mib"] = peak
        return times
    finally:
        tmux.stop(session)


# -- Measuring ------------------------------------------------------------------------------------


def median_of(samples: Sequence[dict[str, float]], key: str) -> float | None:
    values = [s[key] for s in samples if key in s]
    return statistics.median(values) if values else None


def measure_startups(
    bench: Bench, corpora: Sequence[Corpus], tmux: Tmux | None, headless: bool
) -> None:
    modes = (["headless"] if headless else []) + (["tmux"] if tmux else [])
    for mode in modes:

        def start(app: str, corpus: Corpus | None, mode: str = mode) -> dict[str, float]:
            if mode == "headless":
                return headless_start(bench, app, corpus)
            assert tmux is not None
            return tmux_start(bench, tmux, app, corpus)

        log(f"{mode}: warming up")
        start("bare", None)
        start("briefing", corpora[0])
        samples: dict[str, list[dict[str, float]]] = {}
        # The bare app's runs are taken in turn with the app's: this machine's speed drifts by
        # 10-20 % over a minute, and both sides of a ratio should see the same drift.
        for rep in range(bench.reps):
            log(f"{mode}: bare app, run {rep + 1}/{bench.reps}")
            samples.setdefault("bare", []).append(start("bare", None))
            for corpus in corpora:
                if rep < bench.cold_reps or corpus.size < 10_000:
                    log(f"{mode}: {corpus.label}, cold, run {rep + 1}")
                    bench.forget_cache(corpus)
                    samples.setdefault(f"{corpus.size}/cold", []).append(start("briefing", corpus))
                log(f"{mode}: {corpus.label}, warm, run {rep + 1}")
                before = bench.cache_path(corpus).stat().st_mtime_ns
                sample = start("briefing", corpus)
                if bench.cache_path(corpus).stat().st_mtime_ns != before:
                    sample["rebuilt"] = 1.0  # the code changed under the benchmark
                samples.setdefault(f"{corpus.size}/warm", []).append(sample)
        bench.results[mode] = {
            name: {
                "frame": median_of(runs, "frame"),
                "painted": median_of(runs, "painted"),
                "brief": median_of(runs, "brief"),
                "listed": median_of(runs, "listed"),
                "complete": median_of(runs, "complete"),
                "runs": len(runs),
                "rebuilt": sum(1 for r in runs if "rebuilt" in r),
                "loading shown": sum(1 for r in runs if r.get("loading")),
            }
            for name, runs in samples.items()
        }


def measure_memory(bench: Bench, corpus: Corpus, tmux: Tmux | None) -> None:
    memory: dict[str, float | None] = {}
    memory["bare headless"] = headless_start(bench, "bare", None).get("peak_rss_mib")
    if tmux:
        memory["bare tmux"] = tmux_start(bench, tmux, "bare", None, memory=True).get("peak_rss_mib")
        # Cold first: that start builds the cache again, which the warm one then reads.
        bench.forget_cache(corpus)
        memory["briefing tmux cold"] = tmux_start(bench, tmux, "briefing", corpus, memory=True).get(
            "peak_rss_mib"
        )
        memory["briefing tmux"] = tmux_start(bench, tmux, "briefing", corpus, memory=True).get(
            "peak_rss_mib"
        )
    bench.results["memory"] = memory


def measure_keys(bench: Bench, corpus: Corpus) -> None:
    log(f"keys at {corpus.label}")
    # The cursor moves down from the first brief: a small corpus has fewer briefs to move to.
    moves = min(CURSOR_MOVES, corpus.size - 1)
    command = bench.python(
        "-m", "benchmarks.probe", "keys", "--corpus", str(corpus.root),
        "--common", COMMON_WORD, "--rare", RARE_WORD, "--moves", str(moves),
    )  # fmt: skip
    output = subprocess.run(
        command, env=bench.env, cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    (line,) = [line for line in output.splitlines() if line.startswith("{")]
    bench.results["keys"] = json.loads(line)


def measure_core(bench: Bench, corpus: Corpus) -> None:
    """The core alone at the largest size: a warm load and filtering, without Textual."""
    log(f"core at {corpus.label}")
    command = bench.python(
        "-m", "benchmarks.core", "--corpus", str(corpus.root),
        "--common", COMMON_WORD, "--rare", RARE_WORD,
    )  # fmt: skip
    output = subprocess.run(
        command, env=bench.env, cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    bench.results["core"] = json.loads(output.strip().splitlines()[-1])


def measure_commands(bench: Bench, corpus: Corpus) -> None:
    out = bench.work / "export.md"
    commands = {
        "python -c pass": bench.python("-c", "pass"),
        "validate": bench.briefing("validate", "--corpus", str(corpus.root)),
        "export --all": bench.briefing(
            "export", "--all", "--corpus", str(corpus.root), "-o", str(out), "--force"
        ),
    }
    timings: dict[str, dict[str, float]] = {}
    for name, command in commands.items():
        log(f"command: {name}")
        if name != "python -c pass":
            bench.forget_cache(corpus)
            timings.setdefault(name, {})["cold"], _ = bench.run_timed(command)
        warm = [bench.run_timed(command) for _ in range(bench.reps)]
        timings.setdefault(name, {})["warm"] = statistics.median(run for run, _ in warm)
        timings[name]["warm_peak_mib"] = max(peak for _, peak in warm)
    bench.results["commands"] = timings


# -- The table ------------------------------------------------------------------------------------


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _fine(value: float) -> str:
    """Milliseconds to a tenth: filtering times are a few milliseconds."""
    return f"{value * 1000:.1f} ms"


def _ratio(value: float | None, base: float | None) -> str:
    return "—" if value is None or not base else f"{value / base:.2f}x"


def _verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "MISS")


def table(bench: Bench, corpora: Sequence[Corpus]) -> str:
    results = bench.results
    lines = [
        "| Measurement | Headless | × bare | Real terminal | × bare | Target | Result |",
        "|---|---|---|---|---|---|---|",
    ]
    head = results.get("headless", {})
    term = results.get("tmux", {})
    bare_h = head.get("bare", {}).get("painted")
    bare_t = term.get("bare", {}).get("painted")
    lines.append(
        f"| Bare Textual app, first paint | {_seconds(bare_h)} | 1.00x | {_seconds(bare_t)}"
        " | 1.00x | | |"
    )
    bare_complete = term.get("bare", {}).get("complete")
    if bare_complete is not None:
        lines.append(
            f"| Bare Textual app, screen settled | | | {_seconds(bare_complete)} | 1.00x | | |"
        )
    for corpus in corpora:
        for kind in ("cold", "warm"):
            name = f"{corpus.size}/{kind}"
            h = head.get(name, {}).get("painted")
            t = term.get(name, {}).get("painted")
            # Cold, the target is for the first frame, which must show loading progress; the
            # titles follow when the briefs have been read.
            target = None if kind == "cold" else WARM_TARGETS.get(corpus.size)
            decided = t if t is not None else h
            base = bare_t if t is not None else bare_h
            ok = None if target is None or decided is None or not base else decided / base <= target
            rebuilt = head.get(name, {}).get("rebuilt", 0) + term.get(name, {}).get("rebuilt", 0)
            note = " (cache rebuilt: code changed)" if kind == "warm" and rebuilt else ""
            lines.append(
                f"| {corpus.label}, {kind}: titles shown{note} | {_seconds(h)}"
                f" | {_ratio(h, bare_h)} | {_seconds(t)} | {_ratio(t, bare_t)}"
                f" | {f'≤ {target}x' if target else ''} | {_verdict(ok)} |"
            )
            if kind == "warm":
                # The panes beside the list come a frame or more after it.
                hb = head.get(name, {}).get("brief")
                tb = term.get(name, {}).get("brief")
                lines.append(
                    f"| {corpus.label}, warm: first brief's facts shown | {_seconds(hb)}"
                    f" | {_ratio(hb, bare_h)} | {_seconds(tb)} | {_ratio(tb, bare_t)} | | — |"
                )
            # What the user waits for: the whole screen painted, and no longer changing.
            tc = term.get(name, {}).get("complete")
            if tc is not None:
                bare_c = term.get("bare", {}).get("complete")
                target = COMPLETE_TARGETS.get(corpus.size) if kind == "warm" else None
                ok = None if target is None or not bare_c else tc / bare_c <= target
                lines.append(
                    f"| {corpus.label}, {kind}: complete screen settled | |"
                    f" | {_seconds(tc)} | {_ratio(tc, bare_c)}"
                    f" | {f'≤ {target}x' if target else ''} | {_verdict(ok)} |"
                )
            if kind == "cold" and "listed" in term.get(name, {}):
                # A first build lists the briefs read so far while it reads the rest.
                tl = term[name]["listed"]
                lines.append(
                    f"| {corpus.label}, cold: first briefs listed, the rest still being read | |"
                    f" | {_seconds(tl)} | {_ratio(tl, bare_t)} | | — |"
                )
            if kind == "cold" and corpus.size >= 1000:
                hf = head.get(name, {}).get("frame")
                tf = term.get(name, {}).get("frame")
                target = COLD_TARGETS.get(corpus.size)
                decided, base = (tf, bare_t) if tf is not None else (hf, bare_h)
                ok = (
                    None
                    if target is None or decided is None or not base
                    else decided / base <= target
                )
                shown = term.get(name, {}).get("loading shown")
                said = (
                    "" if shown is None else f"; loading shown in {shown} of {term[name]['runs']}"
                )
                lines.append(
                    f"| {corpus.label}, cold: first frame{said} | {_seconds(hf)}"
                    f" | {_ratio(hf, bare_h)} | {_seconds(tf)} | {_ratio(tf, bare_t)}"
                    f" | {f'≤ {target}x' if target else ''} | {_verdict(ok)} |"
                )
    keys = results.get("keys")
    if keys:
        size = f"{keys['entries']:,}"
        judged = keys["entries"] >= TARGET_SIZE  # the targets are set at 10,000 briefs
        moves = sorted(keys["moves"])
        p90 = moves[int(0.9 * (len(moves) - 1))]
        lines.append(
            f"| Cursor move at {size} (median / p90 / max) | {_seconds(statistics.median(moves))}"
            f" / {_seconds(p90)} / {_seconds(moves[-1])} | | | | p90 ≤ 30 ms"
            f" | {_verdict(p90 <= CURSOR_TARGET if judged else None)} |"
        )
        for word in (COMMON_WORD, RARE_WORD):
            typed = [t for t in keys["typed"] if t["word"] == word]
            if not typed:
                continue
            times = [t["s"] for t in typed]
            counts = ", ".join(str(t["rows"]) for t in typed)
            lines.append(
                f"| Filter keystrokes {word!r} at {size} (median / max; rows {counts})"
                f" | {_seconds(statistics.median(times))} / {_seconds(max(times))} | | | |"
                f" each ≤ 100 ms | {_verdict(max(times) <= KEYSTROKE_TARGET if judged else None)} |"
            )
        toggles = keys["bookmark"]
        lines.append(
            f"| Bookmark toggle at {size} (median / max) | {_seconds(statistics.median(toggles))}"
            f" / {_seconds(max(toggles))} | | | | | |"
        )
        lines.append(
            f"| Corpus loaded after start, at {size} (headless) | {_seconds(keys['loaded_s'])}"
            " | | | | | |"
        )
    commands = results.get("commands")
    if commands:
        base = commands["python -c pass"]["warm"]
        largest = corpora[-1].label
        lines.append(
            f"| `python -c pass` (interpreter start, reference) | {_seconds(base)} | | | | | |"
        )
        for name in ("validate", "export --all"):
            for kind in ("cold", "warm"):
                value = commands[name][kind]
                lines.append(
                    f"| `briefing {name}` at {largest}, {kind} | {_seconds(value)}"
                    f" | {_ratio(value, bare_h)} | | | | |"
                )
            lines.append(
                f"| `briefing {name}` at {largest}, warm: peak memory"
                f" | {commands[name]['warm_peak_mib']:.0f} MiB | | | | | |"
            )
    core = results.get("core")
    if core:
        size = f"{core['entries']:,}"
        lines.append(
            f"| Core alone, warm `open_corpus` at {size}: time / peak memory"
            f" | {_seconds(core['load_s'])} / {core['peak_rss_mib']:.0f} MiB | | | | | |"
        )
        for word, typing in core["typing"].items():
            counts = ", ".join(str(n) for n in typing["rows"])
            lines.append(
                f"| `Entries.find` typing {word!r} at {size} (median / max; rows {counts})"
                f" | {_fine(typing['median'])} / {_fine(typing['max'])} | | | | | |"
            )
        lines.append(
            f"| `Entries.find` for a word in no brief, at {size}"
            f" (index of {core['index_mib']:.0f} MiB)"
            f" | {_fine(core['absent_s'])} | | | | | |"
        )
        for counted, seconds in core.get("facets_s", {}).items():
            lines.append(
                f"| `Entries.facets` of the {counted} at {size} | {_fine(seconds)} | | | | | |"
            )
        if "go_to_s" in core:
            lines.append(
                f"| `Entries.position_of` a brief's id at {size} | {_fine(core['go_to_s'])}"
                " | | | | | |"
            )
            lines.append(
                f"| `Corpus.entries_with_ids` of every brief at {size} (an export of all"
                f" marked, in a thread) | {_seconds(core['every_marked_s'])} | | | | | |"
            )
    memory = results.get("memory")
    if memory and keys:
        app_peak = memory.get("briefing tmux") or keys["peak_rss_mib"]
        lines.append(
            f"| Peak memory at {size} | {keys['peak_rss_mib']:.0f} MiB"
            f" | {_ratio(keys['peak_rss_mib'], memory.get('bare headless'))}"
            f" | {_mib(memory.get('briefing tmux'))}"
            f" | {_ratio(memory.get('briefing tmux'), memory.get('bare tmux'))} | ≤ 120 MiB"
            f" | {_verdict(app_peak <= MEMORY_TARGET if app_peak and judged else None)} |"
        )
        cold_peak = memory.get("briefing tmux cold")
        if cold_peak is not None:
            lines.append(
                f"| Peak memory at {size}, cold start (the cache built) | |"
                f" | {_mib(cold_peak)} | {_ratio(cold_peak, memory.get('bare tmux'))}"
                f" | ≤ 120 MiB | {_verdict(cold_peak <= MEMORY_TARGET if judged else None)} |"
            )
        lines.append(
            f"| Peak memory, bare app | {_mib(memory.get('bare headless'))} | 1.00x"
            f" | {_mib(memory.get('bare tmux'))} | 1.00x | | |"
        )
    return "\n".join(lines)


def _mib(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} MiB"


# -- Running --------------------------------------------------------------------------------------


@contextlib.contextmanager
def workspace(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    folder = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Time briefing at scale against a bare Textual app; print a table.",
    )
    parser.add_argument("--quick", action="store_true", help="1,000 briefs at most, 3 runs each")
    parser.add_argument("--sizes", help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--reps", type=int, help="runs of each start-up (default 5; quick 3)")
    parser.add_argument("--cold-reps", type=int, default=3, help="cold runs at 10,000 (default 3)")
    parser.add_argument("--no-tmux", action="store_true", help="skip the real-terminal runs")
    parser.add_argument("--no-headless", action="store_true", help="skip the headless start-ups")
    parser.add_argument("--workdir", type=Path, help="keep corpora and caches in this folder")
    parser.add_argument("--json", type=Path, help="also write the raw results to this file")
    args = parser.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else None
    sizes = sizes or ([1000] if args.quick else [1000, 10_000])
    reps = args.reps or (3 if args.quick else 5)
    use_tmux = not args.no_tmux and shutil.which("tmux") is not None
    if not args.no_tmux and not use_tmux:
        log("tmux not found: real-terminal runs skipped")

    started = time.perf_counter()
    info = machine()
    compile_package()
    with workspace(args.workdir) as work:
        bench = Bench(work, reps, min(args.cold_reps, reps))
        corpora = prepare_corpora(bench, sizes)
        for corpus in corpora:
            log(f"preparing the cache of {corpus.label}")
            bench.prepare_cache(corpus)
        tmux = Tmux() if use_tmux else None
        try:
            measure_startups(bench, corpora, tmux, headless=not args.no_headless)
            largest = corpora[-1]
            bench.prepare_cache(largest)
            measure_keys(bench, largest)
            measure_memory(bench, largest, tmux)
            measure_core(bench, largest)
            measure_commands(bench, largest)
        finally:
            if tmux is not None:
                tmux.close()
        elapsed = time.perf_counter() - started
        report = table(bench, corpora)
    print()
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory']}; {info['system']};"
        f" Python {info['python']}; Textual {info['textual']}; PyYAML {info['pyyaml']};"
        f" {info['tmux']}"
    )
    print(f"Runs: {reps} per start-up (median shown); took {elapsed / 60:.1f} min\n")
    print(report)
    if args.json:
        bench.results["machine"] = info
        args.json.write_text(json.dumps(bench.results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
