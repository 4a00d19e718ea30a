"""Small corpora written on the spot, so that each test shows the one thing it is about."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ARTICLE = (
    "Plant Adds Shift\n"
    "\n"
    "Tijuana \u2014 A plant in the El Florido park will add a night shift of 240\u00a0workers.\n"
    "\u201cOrders from Texas doubled,\u201d said the manager, Laura Ib\u00e1\u00f1ez.\n"
    "The customer\u2019s trucks cross at Otay twice a day.\n"
)
"""An article with a non-breaking space, curly quotes, an apostrophe and a dash."""


def fields(ident: str = "sample", **changes: Any) -> dict[str, Any]:
    """The fields of a sound brief about :data:`ARTICLE`, with ``changes`` applied.

    A change whose value is ``...`` removes the field.
    """
    brief: dict[str, Any] = {
        "id": ident,
        "source": "article.txt",
        "title": f"Plant adds shift ({ident})",
        "language": "en",
        "summary": "A plant in Tijuana will add a night shift.",
        "key_facts": [
            {"fact": "The plant will add 240 workers.", "quote": "night shift of 240 workers"},
        ],
    }
    for name, value in changes.items():
        if value is ...:
            brief.pop(name, None)
        else:
            brief[name] = value
    return brief


def dump(brief: dict[str, Any]) -> str:
    return yaml.safe_dump(brief, allow_unicode=True, sort_keys=False, width=10_000)


def make_corpus(
    root: Path,
    briefs: dict[str, str | bytes | dict[str, Any]] | None = None,
    seeds: dict[str, str | bytes] | None = None,
) -> Path:
    """Write a corpus at ``root``: brief files by name (text, bytes, or fields to dump) and seeds.

    Without ``seeds`` the corpus holds :data:`ARTICLE` as ``article.txt``.
    """
    (root / "briefs").mkdir(parents=True)
    (root / "seeds").mkdir()
    for name, content in (seeds if seeds is not None else {"article.txt": ARTICLE}).items():
        _write(root / "seeds" / name, content)
    for name, brief in (briefs or {}).items():
        _write(root / "briefs" / name, dump(brief) if isinstance(brief, dict) else brief)
    return root


def _write(path: Path, content: str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


LOOSE_BRIEF = "ebrard-municipal-convoy-los-angeles"
"""The shipped brief :func:`drift_quotes` gives a quote found only with case and accents ignored:
its first."""
FUZZY_BRIEF = "index-zona-costa-first-half-report"
"""The shipped brief :func:`drift_quotes` gives a quote with a slip (its second) and a quote its
article does not hold (its third)."""


def drift_quotes(root: Path) -> None:
    """Make quotes of two shipped briefs in the corpus at ``root`` drift from their articles."""
    covid = "En el segundo trimestre marcado por la pandemia del Covid 19"
    changes = {
        LOOSE_BRIEF: [
            ("El canciller Marcelo Ebrard, encabezó", "el canciller marcelo ebrard, encabezo")
        ],
        FUZZY_BRIEF: [
            ("la 2da Asamblea Ordinaria", "la 2da Asamblea Ordinria"),
            (covid, "En el tercer trimestre marcado por la guerra comercial"),
        ],
    }
    for ident, replacements in changes.items():
        path = root / "briefs" / f"{ident}.yaml"
        text = path.read_text(encoding="utf-8")
        for before, after in replacements:
            assert f'quote: "{before}' in text, before
            text = text.replace(f'quote: "{before}', f'quote: "{after}', 1)
        path.write_text(text, encoding="utf-8")


def make_named_corpus(root: Path) -> Path:
    """Write at ``root`` four briefs on one article, naming places, organisations, people, topics
    and outlets: newest first, mx (in Spanish), tj, tx, then an undated draft. Baja California is
    named by two, and Tijuana too (once as TIJUANA)."""
    return make_corpus(
        root,
        {
            "mx.yaml": fields(
                "mx",
                published="2024-06-30",
                language="es",
                title_en="Plant adds shift (mx)",
                places=["Mexicali", "Baja California"],
                organizations=["INEGI"],
                people=["Marina del Pilar Ávila"],
                topics=["exports"],
                outlet="La Voz de la Frontera",
            ),
            "tj.yaml": fields(
                "tj",
                published="2024-03-15",
                places=["Tijuana", "Baja California"],
                organizations=["Index Zona Costa"],
                people=["Laura Ibáñez"],
                topics=["night shift"],
                outlet="El Imparcial",
            ),
            "tx.yaml": fields(
                "tx",
                published="2023-11-02",
                places=["California", "Baja", "baja"],  # one place, twice
                organizations=["index fund"],
                topics=["Night Shift"],
            ),
            "draft.yaml": fields("draft", status="draft", places=["TIJUANA"]),
        },
    )
