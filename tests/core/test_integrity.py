"""The shipped articles are the originals, and the core stays free of the screen libraries."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from tests.kit.corpus import REPO

# SHA-256 of each article as collected. The articles are evidence: briefs quote them verbatim,
# so not one byte may change (no re-encoding, no line-end or white-space clean-up).
SEED_SHA256 = {
    "000_ab291024c49c3cf3.txt": "6e7ec112e83617ba25fcdb93a381087d359301a040335e24b79949cc24a8c372",
    "001_c8c976b58bad5a79.txt": "e075e380ea67d1067950811e1209545a252c6a9d4d3a370ad82862888ede6807",
    "002_87cc28f135a5a8cb.txt": "e03ac4644f2708b5bdb2eed4c99a66bf4b6d4e45033d29960dc32817a457bde9",
    "003_ddd389a1c090013a.txt": "655d00f7bf38b3d6635e45b3e8c22508d3721b962b236f3c654173a31cf8c8bf",
    "004_99dea6a1c61b154d.txt": "51e5af25b0dd94c6a6c097625f49159234ae24c79202749c0ad50bb8a26339c6",
}


def test_the_seed_folder_holds_exactly_the_five_articles() -> None:
    assert sorted(p.name for p in (REPO / "seeds").glob("*.txt")) == sorted(SEED_SHA256)


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_each_article_is_byte_identical_to_the_original(name: str) -> None:
    digest = hashlib.sha256((REPO / "seeds" / name).read_bytes()).hexdigest()
    assert digest == SEED_SHA256[name]


def test_importing_the_core_loads_neither_textual_nor_rich() -> None:
    script = (
        "import pkgutil, sys, tui.core\n"
        "for info in pkgutil.iter_modules(tui.core.__path__):\n"
        "    __import__('tui.core.' + info.name)\n"
        "import tui.cli\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(len([m for m in sys.modules if m.startswith('tui.core.')]))\n"
        "print(' '.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    core_modules, screen_modules = result.stdout.split("\n")[:2]
    assert int(core_modules) >= 10  # the check really imported the core
    assert screen_modules == ""
