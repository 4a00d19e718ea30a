"""Synthetic corpora for benchmarks: N briefs with their articles, valid under the brief format.

    python -m benchmarks.generate 10000 /tmp/corpus-10k

Each brief is built from its own seeded random generator, so brief ``i`` is the same whatever the
number of briefs asked for, and the same command always writes the same bytes. Sizes follow the
shipped corpus: articles of 2 to 5 KB in English or Spanish with some page furniture (which their
briefs mark off with ``article_starts`` and ``article_ends``), briefs of 4 to 6 KB with six to
twelve key facts whose quotes are verbatim passages of their article.

Two words are planted for filter benchmarks: :data:`COMMON_WORD` occurs in most briefs and
:data:`RARE_WORD` in one brief in a thousand (at least one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

COMMON_WORD = "export"
"""Found in most briefs, English ("exports") and Spanish ("exportaciones") alike."""
RARE_WORD = "ocotillo"
"""Found in one brief in a thousand: briefs 0, 1000, 2000 and so on mention Ocotillo."""
RARE_EVERY = 1000

# Sentence bodies as (English, Spanish) pairs with the same slots. An article sentence is the body
# in the article's language; the brief's fact states the English body.
_BODIES: tuple[tuple[str, str, str], ...] = (
    (
        "figure",
        "{org} reported that exports from {place} grew {pct}% between January and {month_en}"
        " {year}",
        "{org} informó que las exportaciones de {place} crecieron {pct}% entre enero y {month_es}"
        " de {year}",
    ),
    (
        "plan",
        "the industrial park in {place} will add {num} jobs before the end of {year}",
        "el parque industrial de {place} sumará {num} empleos antes de que termine {year}",
    ),
    (
        "figure",
        "investment in {place} reached {money} million dollars in {year}",
        "la inversión en {place} alcanzó {money} millones de dólares en {year}",
    ),
    (
        "actor",
        "{person}, president of {org}, said that the sector needs more water and electricity",
        "{person}, presidente de {org}, dijo que el sector necesita más agua y electricidad",
    ),
    (
        "event",
        "{org} signed an agreement with the authorities of {place} to train {num} workers",
        "{org} firmó un convenio con autoridades de {place} para capacitar a {num} trabajadores",
    ),
    (
        "figure",
        "manufacturing employment in {place} rose {pct}% compared with the same period of {year}",
        "el empleo manufacturero en {place} aumentó {pct}% respecto al mismo periodo de {year}",
    ),
    (
        "event",
        "the delegation met business chambers and investors to promote trade with {place}",
        "la delegación se reunió con cámaras empresariales e inversionistas para impulsar el"
        " comercio con {place}",
    ),
    (
        "figure",
        "{org} estimated that {num} companies are considering a move to {place}",
        "{org} estimó que {num} empresas analizan trasladarse a {place}",
    ),
    (
        "figure",
        "the export of medical devices accounts for {pct}% of the regional total",
        "la exportación de dispositivos médicos representa {pct}% del total regional",
    ),
    (
        "plan",
        "{person} announced a plan to build {num} homes for agricultural workers in {place}",
        "{person} anunció un plan para construir {num} viviendas para trabajadores agrícolas en"
        " {place}",
    ),
    (
        "figure",
        "customs officers at {place} processed {num} trucks a day during {month_en}",
        "funcionarios de la aduana de {place} procesaron {num} camiones diarios durante {month_es}",
    ),
    (
        "figure",
        "the state government allocated {money} million pesos to public security in {year}",
        "el gobierno estatal destinó {money} millones de pesos a la seguridad pública en {year}",
    ),
    (
        "context",
        "{org} asked the federal government for clear rules on energy and water",
        "{org} pidió al gobierno federal reglas claras en materia de energía y agua",
    ),
    (
        "figure",
        "the wait at the {place} crossing fell to {num} minutes after the new lanes opened",
        "el tiempo de espera en el cruce de {place} bajó a {num} minutos tras la apertura de los"
        " nuevos carriles",
    ),
    (
        "event",
        "{org} held its annual assembly with {num} members and guests from {place}",
        "{org} realizó su asamblea anual con {num} socios e invitados de {place}",
    ),
    (
        "plan",
        "nearshoring projects in {place} are expected to create {num} direct jobs",
        "se espera que los proyectos de nearshoring en {place} generen {num} empleos directos",
    ),
    (
        "context",
        "the municipality of {place} reported a shortage of industrial land and skilled labour",
        "el municipio de {place} reportó escasez de suelo industrial y de mano de obra calificada",
    ),
    (
        "figure",
        "exports of the maquiladora industry exceeded {money} billion pesos in {year}",
        "las exportaciones de la industria maquiladora superaron los {money} mil millones de pesos"
        " en {year}",
    ),
    (
        "actor",
        "{person} said that the region competes with Asia for the attention of investors",
        "{person} afirmó que la región compite con Asia por la atención de los inversionistas",
    ),
    (
        "event",
        "the consulate in {place} organised meetings between mayors and business leaders",
        "el consulado en {place} organizó reuniones entre alcaldes y líderes empresariales",
    ),
    (
        "context",
        "{org} warned that the shortage of water could slow new investment in {place}",
        "{org} advirtió que la falta de agua podría frenar nuevas inversiones en {place}",
    ),
    (
        "figure",
        "the number of registered workers in {place} reached {num} in {month_en}",
        "el número de trabajadores registrados en {place} llegó a {num} en {month_es}",
    ),
)

_PLACE_BODIES = tuple(body for body in _BODIES if "{place}" in body[1])

_TAILS = {
    "en": (
        "officials said",
        "according to figures from INEGI",
        "the report added",
        "during a press conference",
        "the organisation said in a statement",
        "as local media reported",
        "in remarks to reporters on {weekday_en}",
    ),
    "es": (
        "señalaron los funcionarios",
        "de acuerdo con cifras del INEGI",
        "agregó el informe",
        "durante una conferencia de prensa",
        "informó el organismo en un comunicado",
        "según medios locales",
        "en declaraciones a la prensa el {weekday_es}",
    ),
}

_FACT_CONTEXT = (
    "a figure it attributes to the organisation itself and does not compare with other sources",
    "which it presents as part of the regional outlook for the coming months",
    "without saying how the number was calculated or which period it covers exactly",
    "in a passage that also names the officials who attended the presentation",
    "a claim the article repeats in its closing paragraph with slightly different wording",
    "as one of the main points of the announcement described in the opening paragraphs",
)

_PLACES = (
    "Mexicali", "Tijuana", "Ensenada", "Tecate", "Rosarito", "San Quintín", "Baja California",
    "Sonora", "Hermosillo", "Nogales", "Chihuahua", "Ciudad Juárez", "Monterrey", "Nuevo León",
    "Saltillo", "Coahuila", "Reynosa", "Matamoros", "Nuevo Laredo", "Querétaro", "Guanajuato",
    "León", "Guadalajara", "Jalisco", "Puebla", "San Luis Potosí", "Aguascalientes", "Mérida",
    "San Diego", "Los Ángeles", "Calexico", "Yuma", "Arizona", "Texas", "El Paso", "Laredo",
)  # fmt: skip
_ORGS = (
    "INEGI", "Index Zona Costa", "Canacintra", "Coparmex", "the Business Coordinating Council",
    "the Ministry of Economy", "the State Economic Development Secretariat", "Banxico",
    "the Chamber of Commerce", "the Maquiladora Association", "the Port Authority",
    "the Industrial Developers Association", "the Municipal Water Commission", "CFE",
    "the Federal Customs Agency", "the Tourism Board", "the Manufacturing Council",
    "the Border Trade Alliance", "the University Technology Centre", "the Logistics Cluster",
)  # fmt: skip
_FIRST_NAMES = (
    "Norma", "Luis", "Marina", "Carlos", "Ana", "Jorge", "Lucía", "Roberto", "Patricia", "Raúl",
    "Elena", "Fernando", "Sofía", "Miguel", "Gabriela", "Héctor", "Verónica", "Andrés", "Teresa",
    "Eduardo", "Claudia", "Javier", "Mónica", "Ricardo",
)  # fmt: skip
_LAST_NAMES = (
    "Bustamante", "Hernández", "Ávila", "Ruiz", "García", "Martínez", "López", "Sánchez", "Ramírez",
    "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Ortiz", "Castillo", "Jiménez",
    "Vargas", "Romero", "Mendoza", "Aguilar", "Navarro", "Domínguez",
)  # fmt: skip
_TOPICS = (
    "maquiladora exports", "nearshoring", "foreign investment", "employment", "cross-border trade",
    "public security", "water supply", "energy", "housing", "industrial parks", "logistics",
    "customs", "medical devices", "aerospace", "automotive industry", "tourism", "agriculture",
    "business associations", "government relations", "training",
)  # fmt: skip
_OUTLETS = (
    "La Voz de la Frontera", "El Imparcial", "Zeta Tijuana", "Border Business Journal",
    "Mexico News Daily", "El Vigía", "Frontera Industrial", "Baja Business Review",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
)  # fmt: skip
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes")
_FURNITURE = {
    "en": ("Share this story", "Facebook", "Twitter", "LinkedIn", "WhatsApp"),
    "es": ("compartir nota", "Facebook", "WhatsApp", "Twitter", "LinkedIn"),
}
_TEASERS = {
    "en": ("You May Like", "Check Also", "Related content", "Leave a comment"),
    "es": ("Te puede interesar", "Notas relacionadas", "Deja un comentario", "Lo más leído"),
}
_FIRST_DAY = dt.date(2012, 1, 1)
_LAST_DAY = dt.date(2025, 12, 31)


@dataclass
class _Sentence:
    kind: str
    body: str
    """The body as printed in the article, capitalised, without tail or full stop."""
    english: str
    """The same body in English, for facts and summaries."""
    text: str
    """The whole sentence as printed in the article."""
    places: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GeneratedBrief:
    """What was written for one brief: its file names and how it can be searched for."""

    id: str
    brief_file: str
    article_file: str
    title: str
    has_rare_word: bool


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:7]) or "brief"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"


def _slots(rng: random.Random, place: str | None = None) -> dict[str, str]:
    month = rng.randrange(12)
    weekday = rng.randrange(5)
    return {
        "org": rng.choice(_ORGS),
        "place": place or rng.choice(_PLACES),
        "person": _person(rng),
        "pct": f"{rng.randint(1, 40)}.{rng.randint(0, 9)}",
        "num": f"{rng.randint(12, 9000):,}",
        "money": f"{rng.randint(2, 900)}",
        "year": str(rng.randint(2012, 2025)),
        "month_en": _MONTHS_EN[month],
        "month_es": _MONTHS_ES[month],
        "weekday_en": _WEEKDAYS_EN[weekday],
        "weekday_es": _WEEKDAYS_ES[weekday],
    }


def _sentence(rng: random.Random, language: str, place: str | None = None) -> _Sentence:
    bodies = _BODIES if place is None else _PLACE_BODIES
    kind, english, spanish = rng.choice(bodies)
    slots = _slots(rng, place)
    template = english if language == "en" else spanish
    body = _capitalise(template.format(**slots))
    text = body
    if rng.random() < 0.6:
        text += ", " + rng.choice(_TAILS[language]).format(**slots)
    sentence = _Sentence(kind, body, english.format(**slots), text + ".")
    if "{place}" in template:
        sentence.places.append(slots["place"])
    if "{org}" in template:
        sentence.orgs.append(slots["org"].removeprefix("the "))
    if "{person}" in template:
        sentence.people.append(slots["person"])
    return sentence


def _printed_date(rng: random.Random, day: dt.date, language: str) -> str:
    if language == "es":
        month = _MONTHS_ES[day.month - 1]
        if rng.random() < 0.5:
            return f"{month} {day.day}, {day.year}"
        return f"{day.day} de {month} de {day.year}"
    return f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


def _yaml_text(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar with the same value.
    return json.dumps(text, ensure_ascii=False)


def _yaml_block(name: str, text: str) -> list[str]:
    lines = textwrap.wrap(text, width=76, break_long_words=False, break_on_hyphens=False)
    return [f"{name}: >-", *(f"  {line}" for line in lines)]


def _yaml_list(name: str, items: Sequence[str]) -> list[str]:
    return [f"{name}:", *(f"  - {_yaml_text(item)}" for item in items)] if items else []


def _unique(items: Sequence[str], limit: int) -> list[str]:
    return list(dict.fromkeys(items))[:limit]


def make_brief(index: int, seed: int = 1) -> tuple[str, str, str, str, GeneratedBrief, dt.date]:
    """Brief ``index``: its file name, YAML text, article file name, article text, summary of
    what was written, and the date its files are stamped with."""
    rng = random.Random(f"{seed}:{index}")
    language = "es" if rng.random() < 0.35 else "en"
    rare = index % RARE_EVERY == 0
    day = _FIRST_DAY + dt.timedelta(days=rng.randrange((_LAST_DAY - _FIRST_DAY).days + 1))

    # The headline: a sentence body cut to a varied length, sometimes two joined.
    head = _sentence(rng, language, "Ocotillo" if rare else None)
    words = head.body.split()
    english_words = _capitalise(head.english).split()
    cut = rng.randint(min(5, len(words)), len(words))
    title = " ".join(words[:cut])
    title_en = " ".join(english_words[: max(3, round(cut * len(english_words) / len(words)))])
    if rng.random() < 0.1:
        extra = _sentence(rng, language)
        title += ": " + extra.body
        title_en += ": " + _capitalise(extra.english)

    author = _person(rng) if rng.random() < 0.5 else None
    outlet = rng.choice(_OUTLETS) if rng.random() < 0.6 else None
    dated = rng.random() < 0.92
    printed = dated and rng.random() < 0.15

    lines: list[str] = []
    furniture_before = rng.random() < 0.3
    if furniture_before:
        lines += [*_FURNITURE[language], ""]
    lines.append(title)
    if rng.random() < 0.4:
        lines.append(_sentence(rng, language).text)
    if author:
        lines.append(f"By {author}" if language == "en" else f"Por {author}")
    if dated:
        lines.append(_printed_date(rng, day, language) if rng.random() < 0.5 else day.isoformat())
    lines.append("")

    sentences: list[_Sentence] = [head]
    target = rng.randint(2000, 5000)
    size = sum(len(line.encode()) + 1 for line in lines)
    paragraph_break = "\n\n" if rng.random() < 0.5 else "\n"
    paragraphs: list[str] = []
    while size < target:
        paragraph = [_sentence(rng, language) for _ in range(rng.randint(2, 4))]
        sentences += paragraph
        text = " ".join(s.text for s in paragraph)
        paragraphs.append(text)
        size += len(text.encode()) + len(paragraph_break)
    if rare:
        mention = _sentence(rng, language, "Ocotillo")
        sentences.append(mention)
        paragraphs.insert(len(paragraphs) // 2, mention.text)
    article = "\n".join(lines) + paragraph_break.join(paragraphs) + "\n"
    teasers_after = rng.random() < 0.2
    if teasers_after:
        article += "\n" + "\n".join(rng.sample(_TEASERS[language], 2)) + "\n"

    candidates = sentences[1:]
    facts = rng.sample(candidates, min(len(candidates), rng.randint(6, 12)))
    summary_count = rng.randint(2, 5)
    summary_parts = rng.sample(candidates, min(len(candidates), 2 * summary_count))
    summary = " ".join(
        f"The article reports that {a.english}, and that {b.english}."
        for a, b in zip(summary_parts[::2], summary_parts[1::2], strict=False)
    )

    places = _unique([p for s in sentences for p in s.places], rng.randint(1, 8))
    orgs = _unique([o for s in sentences for o in s.orgs], rng.randint(1, 7))
    people = _unique([p for s in sentences for p in s.people], rng.randint(0, 5))
    topics = rng.sample(_TOPICS, rng.randint(2, 6))

    ident = f"{_slug(title_en)}-{index:05d}"
    article_file = f"{index:06d}_{rng.getrandbits(64):016x}.txt"
    yaml_lines = [
        f"id: {ident}",
        f"source: {article_file}",
        f"title: {_yaml_text(title)}",
    ]
    if language != "en":
        yaml_lines.append(f"title_en: {_yaml_text(title_en)}")
    yaml_lines.append(f"language: {language}")
    # Where the article stands among the page's furniture, as an analyst marks it.
    if furniture_before:
        # The headline, on into the next line: its words may open a paragraph of the body too.
        after = next((line for line in lines[lines.index(title) + 1 :] if line), paragraphs[0])
        starts = " ".join([*title.split(), *after.split()[:3]])
        yaml_lines.append(f"article_starts: {_yaml_text(starts)}")
    if teasers_after:
        # Words enough to end no other line: the body's sentences come from a few patterns.
        yaml_lines.append(f"article_ends: {_yaml_text(' '.join(paragraphs[-1].split()[-20:]))}")
    if dated:
        published = _printed_date(rng, day, language) if printed else day.isoformat()
        yaml_lines.append(f"published: {_yaml_text(published) if printed else published}")
        if rng.random() < 0.1:
            note = (
                "The article prints no publication date. This is the date of the event it"
                " reports; the year is inferred from the figures it cites."
            )
            yaml_lines += _yaml_block("date_note", note)
    if outlet:
        yaml_lines.append(f"outlet: {_yaml_text(outlet)}")
    if author:
        yaml_lines.append(f"author: {_yaml_text(author)}")
    yaml_lines += _yaml_list("places", places)
    yaml_lines += _yaml_list("organizations", orgs)
    yaml_lines += _yaml_list("people", people)
    yaml_lines += _yaml_list("topics", topics)
    yaml_lines += _yaml_block("summary", summary)
    yaml_lines.append("key_facts:")
    for fact in facts:
        statement = f"The article reports that {fact.english}, {rng.choice(_FACT_CONTEXT)}."
        quote = fact.text[:-1] if rng.random() < 0.5 else fact.body
        yaml_lines.append(f"  - fact: {_yaml_text(statement)}")
        yaml_lines.append(f"    quote: {_yaml_text(quote)}")
        yaml_lines.append(f"    kind: {fact.kind}")
    brief_text = "\n".join(yaml_lines) + "\n"
    info = GeneratedBrief(ident, f"{ident}.yaml", article_file, title, rare)
    return f"{ident}.yaml", brief_text, article_file, article, info, day


def generate(count: int, target: Path, seed: int = 1) -> list[GeneratedBrief]:
    """Write ``count`` briefs and their articles into ``target``/briefs and ``target``/seeds.

    Files are stamped with their brief's date, as an archive kept over years would be.
    """
    briefs_dir = target / "briefs"
    seeds_dir = target / "seeds"
    for folder in (briefs_dir, seeds_dir):
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.iterdir()):
            raise FileExistsError(f"{folder} is not empty")
    written = []
    for index in range(count):
        brief_name, brief_text, article_name, article_text, info, day = make_brief(index, seed)
        stamp = int(dt.datetime(day.year, day.month, day.day, 12).timestamp()) * 1_000_000_000
        files = ((briefs_dir / brief_name, brief_text), (seeds_dir / article_name, article_text))
        for path, text in files:
            path.write_text(text, encoding="utf-8", newline="\n")
            os.utime(path, ns=(stamp, stamp))
        written.append(info)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Write a synthetic corpus of COUNT briefs and their articles into DIR.",
    )
    parser.add_argument("count", type=int, help="how many briefs")
    parser.add_argument("target", metavar="DIR", type=Path, help="folder to create")
    parser.add_argument("--seed", type=int, default=1, help="seed (default 1)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("COUNT must not be negative")
    try:
        briefs = generate(args.count, args.target, args.seed)
    except FileExistsError as error:
        print(f"generate: {error}; choose an empty or new folder", file=sys.stderr)
        return 1
    rare = sum(b.has_rare_word for b in briefs)
    print(f"Wrote {len(briefs)} briefs to {args.target} ({rare} mention {RARE_WORD!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
