"""The places, organizations, people and topics an article names.

Names of the field come from a gazetteer, a YAML data file shipped with the package
(``gazetteer.yaml``) that a corpus can extend with a ``gazetteer.yaml`` of its own; each entry
gives the name a brief lists and the other ways articles write it (T-MEC for USMCA, Secretaría de
Economía for SE). Other capitalised names are found in the text and sorted by what surrounds
them: an organisation's word (Council, Cámara), a person's title (Mayor, canciller).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.yamlread import YamlProblem, read_document

GAZETTEER = Path(__file__).with_name("gazetteer.yaml")
"""The gazetteer shipped with the package."""
CORPUS_GAZETTEER = "gazetteer.yaml"
"""The name of a corpus's own gazetteer, at the top of its folder, which adds to the shipped one."""
GROUPS = ("places", "organizations", "people", "topics")
MAX_NAMES = 15
"""How many names of each group a draft lists, in the order the article first names them."""

_ORGANIZATION_WORDS = frozenset(
    """Council Chamber Association Company Institute Bank Ministry Department Agency Office
    Commission Committee Corporation Group Bureau Administration Foundation University
    Secretariat Consulate Embassy Government Senate Congress Program Programme Initiative
    Inc Corp Ltd LLC Bros Co Universal Media News Times Post Journal Network Partners
    Consejo Asociación Cámara Compañía Instituto Banco Secretaría Secretaria Departamento
    Agencia Comisión Comité Grupo Fundación Universidad Consulado Embajada Gobierno Senado
    Congreso Programa Ayuntamiento Aduana Cluster Clúster Federación Confederación Sindicato
    Canacintra Industria Police Policía Guardia""".split()  # noqa: SIM905 - a word block reads better
)
_PERSON_TITLES = re.compile(
    r"(?:\b(?:Mayor|President|Vice President|Governor|Minister|Secretary|Senator|CEO|Co-CEO|"
    r"Director|Chairman|Chair|Dr|Dra|Mr|Mrs|Ms|Lic|Ing|presidente|presidenta|alcalde|alcaldesa|"
    r"canciller|Canciller|gobernador|gobernadora|secretario|secretaria|senador|senadora|"
    r"diputado|diputada|director|directora|Presidente|Presidenta|Gobernador|Gobernadora|"
    r"Alcalde|Alcaldesa|Sr|Sra|señor|señora|ministro|ministra|Ministro|Ministra)\.?\s+)$"
)
_NOT_NAMES = frozenset(
    """The A An This That These Those It In On At For From By With As After Before During
    According Based Regarding Meanwhile Similarly Additionally Furthermore However First Second
    Secondly Third Thirdly Both Each Pillar Goals Joint Through Executives Photo Image Home
    El La Los Las Un Una Unos Unas Este Esta Estos Estas En Con Por Para Durante Según Además
    Del De Al Y O Informó Indicó Destacó Destaca Hizo Señaló Dijo Mientras Asimismo Sin Tras
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Lunes Martes Miércoles Jueves Viernes
    Sábado Domingo Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre
    Noviembre Diciembre Más Menos Oportunidad Integramos Iniciamos CEO Co-CEO""".split()  # noqa: SIM905
)
_TITLE_WORDS = frozenset(
    """Mayor President Vice Governor Minister Secretary Senator Director Chairman Dr Dra Mr Mrs
    Ms Lic Ing Sr Sra Presidente Presidenta Canciller Gobernador Gobernadora Alcalde Alcaldesa
    Ministro Ministra Secretario Senador Senadora Diputado Diputada""".split()  # noqa: SIM905
)
_CONNECTORS = frozenset(
    ("de", "del", "la", "las", "los", "y", "e", "of", "the", "for", "and", "on")
)
_WORD = re.compile(r"[A-ZÁÉÍÓÚÑÜ][\w’'&.-]*|[a-záéíóúñü]+|[0-9][\w.-]*|[^\w\s]", re.UNICODE)


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used, with its file, line and field."""


@dataclass(frozen=True)
class Gazetteer:
    """Known names by group; each alias leads to the name a brief lists."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)
    """For each group, every way of writing a name (the name itself too) → the name."""

    def extended(self, other: Gazetteer) -> Gazetteer:
        """This gazetteer with the entries of ``other`` added; ``other``'s win a conflict."""
        merged = {group: dict(self.names.get(group, {})) for group in GROUPS}
        for group, aliases in other.names.items():
            merged[group].update(aliases)
        return Gazetteer(merged)

    @property
    def matcher(self) -> _Matcher:
        return _matcher_of(self)


def read_gazetteer(path: Path) -> Gazetteer:
    """The gazetteer in the YAML file ``path``; raises :class:`GazetteerError` naming the file,
    line and field of what is wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise GazetteerError(f"{path}: cannot be read as UTF-8 text ({error})") from error
    try:
        document = read_document(text)
    except YamlProblem as problem:
        raise GazetteerError(f"{path}:{problem.line}: {problem.message}") from None
    data = document.value
    if data is None:
        return Gazetteer({group: {} for group in GROUPS})
    if not isinstance(data, dict):
        raise GazetteerError(f"{path}: must be a mapping of {', '.join(GROUPS)}")
    names: dict[str, dict[str, str]] = {group: {} for group in GROUPS}
    for group, entries in data.items():
        if group not in GROUPS:
            line = document.line(str(group))
            raise GazetteerError(f"{path}:{line}: {group}: use one of {', '.join(GROUPS)}")
        if not isinstance(entries, list):
            raise GazetteerError(f"{path}:{document.line(group)}: {group}: must be a list")
        for index, entry in enumerate(entries):
            where = f"{group}[{index}]"
            name, aliases = _entry(entry)
            if name is None:
                raise GazetteerError(
                    f"{path}:{document.line(where)}: {where}: give a name (text) and, if any,"
                    " aliases (a list of text), as in {name: USMCA, aliases: [T-MEC]}"
                )
            for written in (name, *aliases):
                names[group][written] = name
    return Gazetteer(names)


def _entry(entry: Any) -> tuple[str | None, list[str]]:
    if isinstance(entry, str) and entry.strip():
        return entry.strip(), []
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        return None, []
    aliases = entry.get("aliases") or []
    if set(entry) - {"name", "aliases"} or not isinstance(aliases, list):
        return None, []
    if not all(isinstance(alias, str) and alias.strip() for alias in aliases):
        return None, []
    return entry["name"].strip(), [alias.strip() for alias in aliases]


@cache
def shipped_gazetteer() -> Gazetteer:
    """The gazetteer that comes with briefing."""
    return read_gazetteer(GAZETTEER)


def gazetteer_for(corpus: Path | None) -> Gazetteer:
    """The shipped gazetteer, extended by the corpus's own ``gazetteer.yaml`` if it has one."""
    shipped = shipped_gazetteer()
    own = corpus / CORPUS_GAZETTEER if corpus is not None else None
    if own is None or not own.is_file():
        return shipped
    return shipped.extended(read_gazetteer(own))


@dataclass(frozen=True)
class _Matcher:
    known: re.Pattern[str] | None
    """Names that match only as written (those with a capital letter)."""
    loose: re.Pattern[str] | None
    """Names that match in any case (topics and lowercase names)."""
    group_of: dict[str, tuple[str, str]]
    """Each way of writing (folded to lowercase for loose ones) → (group, name)."""


_MATCHERS: dict[int, _Matcher] = {}


def _matcher_of(gazetteer: Gazetteer) -> _Matcher:
    key = id(gazetteer)
    if key in _MATCHERS:
        return _MATCHERS[key]
    exact: dict[str, tuple[str, str]] = {}
    loose: dict[str, tuple[str, str]] = {}
    for group in GROUPS:
        for written, name in gazetteer.names.get(group, {}).items():
            if group == "topics" or written == written.lower():
                loose[written.lower()] = (group, name)
            else:
                exact[written] = (group, name)
    matcher = _Matcher(_alternation(exact), _alternation(loose, ignore_case=True), exact | loose)
    _MATCHERS[key] = matcher
    return matcher


def _alternation(names: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str] | None:
    ordered = sorted(names, key=len, reverse=True)  # the longest name wins where two overlap
    if not ordered:
        return None
    body = "|".join(re.escape(name) for name in ordered)
    return re.compile(rf"(?<![\w.-])(?:{body})(?![\w-])", re.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True)
class Entities:
    """The names of an article by group, each list in the order the article first names them."""

    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()

    def as_fields(self) -> dict[str, list[str]]:
        """The non-empty groups as a brief's fields."""
        return {group: list(getattr(self, group)) for group in GROUPS if getattr(self, group)}


def find_entities(text: str, gazetteer: Gazetteer, *, skip: Iterable[str] = ()) -> Entities:
    """The names ``text`` mentions: the gazetteer's, then other capitalised names.

    Names in ``skip`` (the author, say) are left out.
    """
    found: dict[str, dict[str, int]] = {group: {} for group in GROUPS}
    taken = bytearray(len(text))
    matcher = gazetteer.matcher
    for pattern, fold in ((matcher.known, False), (matcher.loose, True)):
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            written = match.group().lower() if fold else match.group()
            group, name = matcher.group_of[written]
            found[group].setdefault(name, start)
            taken[start:end] = b"\x01" * (end - start)
    skipped = set(skip)
    # An organisation's name may hold a known place ("Southern California Biomedical Council"):
    # it is listed whole, as well as the place.
    for start, end, name in _capitalised_names(text):
        holds_known = any(taken[start:end]) and not all(taken[start:end])
        if (
            holds_known
            and name not in matcher.group_of
            and any(word in _ORGANIZATION_WORDS for word in name.split()[1:])
        ):
            found["organizations"].setdefault(name, start)
            taken[start:end] = b"\x01" * (end - start)
    # Other known names are blanked out, so that a run of capitals stops at them: "Mayor Norma
    # Alicia Bustamante of Mexicali" is a person of a known place.
    masked = "".join("\x00" if flag else char for char, flag in zip(text, taken, strict=True))
    for start, _end, name in _capitalised_names(masked):
        titled = False
        while " " in name and name.split(" ", 1)[0].rstrip(".") in _TITLE_WORDS:
            cut = name.index(" ") + 1
            name, start, titled = name[cut:], start + cut, True
        if name in skipped or name.split()[0].rstrip(".") in _TITLE_WORDS:
            continue
        kind = "people" if titled and _is_a_name(name) else _group_of(text, start, name)
        if kind is not None:
            found[kind].setdefault(name, start)
    lists = {
        group: tuple(sorted(names, key=names.__getitem__)[:MAX_NAMES])
        for group, names in found.items()
    }
    return Entities(**lists)


def _capitalised_names(text: str) -> Iterable[tuple[int, int, str]]:
    """Runs of capitalised words (with "de", "of" and the like between them) and acronyms."""
    for line in re.finditer(r"[^\n]+", text):
        words = list(_WORD.finditer(line.group()))
        index = 0
        while index < len(words):
            run = _run_from(words, index)
            if not run:
                index += 1
                continue
            first, last = words[run[0]], words[run[-1]]
            name = line.group()[first.start() : last.end()].rstrip(".-")
            capitals = [words[i].group() for i in run if words[i].group()[0].isupper()]
            if len(capitals) >= 2 or (len(capitals) == 1 and _is_acronym(capitals[0])):
                yield line.start() + first.start(), line.start() + first.start() + len(name), name
            index = run[-1] + 1


def _run_from(words: list[re.Match[str]], index: int) -> list[int]:
    """The indexes of the name starting at ``words[index]``, or none."""
    word = words[index].group()
    if not word[0].isupper() or word.rstrip(".") in _NOT_NAMES:
        return []
    run = [index]
    at = index + 1
    while at < len(words):
        nxt = words[at].group()
        if nxt[0].isupper() and nxt.rstrip(".") not in _NOT_NAMES:
            run.append(at)
            at += 1
            continue
        if nxt in _CONNECTORS and at + 1 < len(words) and not words[at - 1].group().endswith("-"):
            after = words[at + 1].group()
            if after[0].isupper() and after not in _NOT_NAMES:
                run.extend((at, at + 1))
                at += 2
                continue
        break
    return run


def _is_acronym(word: str) -> bool:
    letters = word.rstrip(".")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _group_of(text: str, start: int, name: str) -> str | None:
    """Which group a name found by its capitals belongs to, or None when it cannot be told."""
    words = name.replace("-", " ").split()
    if any(word.strip(".,") in _ORGANIZATION_WORDS for word in words) or any(
        _is_acronym(word) for word in words
    ):
        return "organizations"
    before = text[max(0, start - 40) : start]
    capitalised = [word for word in words if word[0].isupper()]
    after = text[start + len(name) :]
    titled = _PERSON_TITLES.search(before) or re.match(r",\s+(Co-)?CEO\b", after)
    if 2 <= len(capitalised) <= 4 and len(words) == len(capitalised) and titled:
        return "people"
    return None


def _is_a_name(name: str) -> bool:
    """Whether ``name`` can be a person's: two to four words of letters, none an acronym."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w.isalpha() and not w.isupper() for w in words)
