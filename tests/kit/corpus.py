"""Corpora for tests, written on the spot so that each test shows the one thing it is about:
briefs from fields (:func:`make_corpus`) or from specs (:func:`write_brief`), a draft under
review (:func:`draft_corpus`), an article saved with its web page (:data:`PAGE`), many briefs
at once (:func:`make_large_corpus`); and the size of
the journal SQLite keeps beside a corpus's index (:func:`journal_size`)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
"""The repository's folder: the shipped corpus, the README, the project's files."""
FIXTURES = REPO / "tests" / "fixtures"
"""Files the tests read: hostile briefs, saved pages."""

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


PAGE = (
    "Home / News / Plant Adds Shift\n"
    "\n"
    "Plant Adds Shift\n"
    "\n"
    "Tijuana \u2014 A plant in the El Florido park will add a night shift of 240 workers.\n"
    "Hiring starts in March, for all 240 workers.\n"
    "The customer\u2019s trucks cross at Otay twice a day.\n"
    "\n"
    "Read next: At Otay, trucks cross twice a day, and a warehouse opens.\n"
    "Leave a Reply\n"
)
"""An article saved with its web page: a breadcrumb that repeats its headline before it, and a
teaser for another story that repeats its last words after it."""


def page_brief(**changes: Any) -> dict[str, Any]:
    """A brief of :data:`PAGE` that marks where its article is, with ``changes`` applied."""
    edges = {"article_starts": "Plant Adds Shift", "article_ends": "twice a day."}
    return fields(**{"source": "page.txt", **edges, **changes})


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


@dataclass
class FactSpec:
    """A key fact to write into a test brief."""

    fact: str
    quote: str
    kind: str | None = "figure"


@dataclass
class BriefSpec:
    """A brief to write into a test corpus; its article is written beside it unless shared."""

    id: str
    title: str
    source: str
    facts: Sequence[FactSpec]
    summary: str = "A summary of the article."
    language: str = "en"
    title_en: str | None = None
    published: dt.date | None = None
    places: Sequence[str] = field(default_factory=tuple)
    topics: Sequence[str] = field(default_factory=tuple)


def quoted(text: str) -> str:
    """``text`` as a YAML scalar that reads back exactly (JSON strings are YAML strings)."""
    return json.dumps(text, ensure_ascii=False)


def write_brief(root: Path, spec: BriefSpec) -> Path:
    """Write ``spec`` as ``briefs/<id>.yaml`` under ``root``."""
    lines = [
        f"id: {spec.id}",
        f"source: {quoted(spec.source)}",
        f"title: {quoted(spec.title)}",
        f"language: {spec.language}",
    ]
    if spec.title_en:
        lines.append(f"title_en: {quoted(spec.title_en)}")
    if spec.published:
        lines.append(f"published: {spec.published.isoformat()}")
    for name, values in (("places", spec.places), ("topics", spec.topics)):
        if values:
            lines.append(f"{name}:")
            lines += [f"  - {quoted(value)}" for value in values]
    lines.append(f"summary: {quoted(spec.summary)}")
    lines.append("key_facts:")
    for fact in spec.facts:
        lines.append(f"  - fact: {quoted(fact.fact)}")
        lines.append(f"    quote: {quoted(fact.quote)}")
        if fact.kind:
            lines.append(f"    kind: {fact.kind}")
    path = root / "briefs" / f"{spec.id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_article(root: Path, name: str, text: str) -> None:
    """Write ``seeds/name`` under ``root``."""
    path = root / "seeds" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


SHARED_ARTICLE = (
    "Exports from Mexicali grew 6.7% between January and October.\n\n"
    "Investment in Monterrey reached 2,000 million dollars this year.\n"
)


def make_large_corpus(root: Path, count: int) -> Path:
    """A corpus of ``count`` briefs sharing one short article, dated one day apart.

    Brief ``i`` is ``brief-<i>`` (five digits), published ``count - 1 - i`` days after
    2000-01-01, so the newest, ``brief-00000``'s successor in time, comes first in the list.
    Every hundredth brief has the topic ``aduana`` so that filters have something rare to find.
    """
    write_article(root, "shared.txt", SHARED_ARTICLE)
    start = dt.date(2000, 1, 1)
    briefs = root / "briefs"
    briefs.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        topic = "  - aduana\n" if index % 100 == 0 else "  - trade\n"
        briefs.joinpath(f"brief-{index:05d}.yaml").write_text(
            f"id: brief-{index:05d}\n"
            "source: shared.txt\n"
            f'title: "Brief number {index}"\n'
            "language: en\n"
            f"published: {(start + dt.timedelta(days=index)).isoformat()}\n"
            f"topics:\n{topic}"
            'summary: "Exports grew."\n'
            "key_facts:\n"
            '  - fact: "Exports grew 6.7%."\n'
            '    quote: "Exports from Mexicali grew 6.7%"\n'
            "    kind: figure\n",
            encoding="utf-8",
        )
    return root


DRAFT_ARTICLE = (
    "Exports from Tijuana grew 8% in 2024. The council will open an office in Texas.\n"
    "Some 300 firms joined the council this year.\n"
)


DRAFT_BRIEF = """\
# My notes: check the 8% against INEGI.
id: tijuana-exports
status: draft
source: 'article.txt'
title: "Tijuana exports grow"
language: en
summary: >-
  Exports from Tijuana grew, and the council
  plans an office in Texas.
key_facts:
  - fact: "Exports from Tijuana grew 8% in 2024."
    quote: "Exports from Tijuana grew 8% in 2024"
    kind: figure
    reviewed: false   # looks right
  - fact: The council will open an office in Texas.
    quote: 'The council will open an office in Texas'
    reviewed: false
  # the one below was my own addition
  - fact: "Some 300 firms joined the council."
    quote: "Some 300 firms joined the council this year"
    kind: figure
"""


SEED_TEXT = (
    "Querétaro exports grow\n\n"
    "By Ana López\n\n"
    "Exports from Querétaro grew 12% in 2024, the state's economy ministry said on Monday. "
    "The aerospace cluster employs 10,000 people and plans to open two new plants in 2025. "
    "Investment reached 1,500 million dollars, most of it from the United States. "
    "The governor said the state will train 3,000 technicians for the new plants.\n"
)


def draft_corpus(root: Path) -> Path:
    """A corpus at ``root`` of one draft brief, :data:`DRAFT_BRIEF`, about :data:`DRAFT_ARTICLE`."""
    return make_corpus(root, {"tijuana-exports.yaml": DRAFT_BRIEF}, {"article.txt": DRAFT_ARTICLE})


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


def journal_size(root: Path) -> int:
    """The bytes of SQLite's journal beside the index of the corpus at ``root`` (in the cache
    folder the environment names), 0 when there is none."""
    from tui.core.store import index_file

    index = index_file(root)
    journal = index.with_name(index.name + "-wal")
    return journal.stat().st_size if journal.exists() else 0
