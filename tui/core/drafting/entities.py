"""The places, organizations, people and topics an article names.

Names of the field come from a gazetteer, a YAML data file shipped with the package
(``gazetteer.yaml``) that a corpus can extend with a ``gazetteer.yaml`` of its own; each entry
gives the name a brief lists and the other ways articles write it (T-MEC for USMCA, Secretaría de
Economía for SE). Other capitalised names are found in the text and sorted by what surrounds
them: an organisation's word (Council, Cámara), a person's title before the name (Mayor,
canciller, "Vice President of the United States") or a role after it (", the mayor of").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.drafting.language import detect_language
from tui.core.drafting.metadata import AGENCIES, dateline_place, dateline_span
from tui.core.drafting.sentences import OPENING_WORDS, STATE_SHORTENED, Told, sentences
from tui.core.files import Refused, read_limited
from tui.core.search import known_name
from tui.core.text import fold_search
from tui.core.yamlread import YamlProblem, read_document

GAZETTEER = Path(__file__).with_name("gazetteer.yaml")
"""The gazetteer shipped with the package."""
CORPUS_GAZETTEER = "gazetteer.yaml"
"""The name of a corpus's own gazetteer, at the top of its folder, which adds to the shipped one."""
MAX_GAZETTEER_BYTES = 2 * 1024 * 1024
"""A gazetteer larger than this is refused unread; the shipped one is some 12 kilobytes."""
GROUPS = ("places", "organizations", "people", "topics")
MAX_NAMES = 15
"""How many names of each group a draft lists, in the order the article first names them."""

ORGANIZATION_WORDS = frozenset(
    """Council Chamber Association Company Institute Bank Ministry Department Agency Office
    Commission Committee Corporation Group Bureau Administration Foundation University
    Secretariat Consulate Embassy Government Senate Congress Program Programme Initiative
    Inc Corp Ltd LLC Bros Co Universal Media News Times Post Journal Network Partners
    Consejo Asociación Cámara Compañía Instituto Banco Secretaría Secretaria Ministerio Departamento
    Agencia Comisión Comité Grupo Fundación Universidad Consulado Embajada Gobierno Senado
    Congreso Programa Ayuntamiento Aduana Cluster Clúster Federación Confederación Sindicato
    Canacintra Industria Police Policía Guardia Legislature Legislatura
    """.split()  # noqa: SIM905 - a word block reads better
)
"""The words that say a name is an organization's ("Grupo", "Council"), a government's body's
too ("Texas Legislature": the state's, not a company named after it); facets also read them (a
company's country is part of its name after one alone: "Grupo México")."""
_EXECUTIVE_OFFICES = (
    r"chief\s+executive(?:\s+officer)?"
    r"|(?:executive|senior)\s+vice\s+president|managing\s+director|general\s+manager"
)
"""A firm's executive offices read in small letters and, each word with its capital, within a
run of names: "chief executive", "Managing Director"."""
_EXECUTIVES = (
    rf"{_EXECUTIVE_OFFICES}"
    r"|chief\s+(?:operating|financial|commercial|technology|technical|marketing|information"
    r"|people|procurement|purchasing|sustainability|strategy|legal|administrative|investment"
    r"|revenue|supply\s+chain|human\s+resources)\s+officer"
    r"|country\s+manager|vicepresidente|vicepresidenta"
)
"""A firm's executive offices in small letters, as its news writes them before the name or after
it: "Magna chief executive Seetarama Kotagiri", "John Miller, chief operating officer at Magna",
"el vicepresidente de operaciones de Lear, Juan Pérez"."""
_TITLES = (
    f"{_EXECUTIVES}|"
    "Mayor|President|Vice President|Governor|Minister|Secretary|Senator|CEO|Co-CEO|"
    "Director|Chairman|Chair|Dr|Dra|Mr|Mrs|Ms|Lic|Ing|presidente|presidenta|alcalde|alcaldesa|"
    "canciller|Canciller|gobernador|gobernadora|secretario|secretaria|senador|senadora|"
    "diputado|diputada|director|directora|Presidente|Presidenta|Gobernador|Gobernadora|"
    "Alcalde|Alcaldesa|Sr|Sra|señor|señora|ministro|ministra|Ministro|Ministra|"
    "Vicepresidente|Vicepresidenta|"
    # Shortened, as the US press writes them before a name: "Gov. Greg Abbott", "Sen. Ted Cruz".
    "Gov|Sen|Rep|"
    # English titles in small letters too, but not "mayor": in Spanish it means "greater".
    "vice president|president|governor|minister|secretary|senator|"
    # Who speaks for a company, named after it: "Foxconn spokesperson Linda Chen".
    "spokesperson|spokesman|spokeswoman|Spokesperson|Spokesman|Spokeswoman|vocero|vocera|"
    "Vocero|Vocera|portavoz|gerente|Gerente|"
    # A manager only with the comma before the name: "the plant manager, Jorge Ramírez"; "fund
    # manager Fidelity Investments" is a company's trade.
    "manager(?=,)|Manager(?=,)|"
    # A ministry's second in command, and the US cabinet's trade negotiator.
    "subsecretario|subsecretaria|Subsecretario|Subsecretaria|Undersecretary|undersecretary|"
    "Trade Representative|"
    # Who heads a firm's area: "the head of human resources at Vexa, Mark Halloway"; not the
    # verb, "Trucks head South Texas".
    r"(?:head|Head)(?=\s+of\s)"
)
_CAPITALISED = r"[A-ZÁÉÍÓÚÑÜ][\w’'.-]*"
# The office a title may name before the person, on its own or after a comma: "Vice President
# of the United States Kamala Harris", "la presidenta municipal de Mexicali, Norma Bustamante".
_OFFICE = (
    rf"\s+(?:of|for|at|de|del)(?:\s+(?:the|la|el|los|las))?\s+{_CAPITALISED}"
    rf"(?:\s+(?:(?:of|for|and|the|de|del|la|las|los|y|e)\s+)*{_CAPITALISED})*"
    # Its acronym in brackets: "presidente de la Asociación de Maquiladoras (AMAC), Jorge Salas".
    r"(?:\s+\([A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ0-9&.-]{1,9}\))?"
    # Its government's, unnamed: "el secretario de Desarrollo Económico del estado, Ulises".
    r"(?:\s+(?:del|de\s+la|of\s+the)\s+(?:estado|entidad|municipio|state|city))?"
    # Or that government alone: "la gobernadora del estado, María Eugenia Campos".
    r"|\s+(?:del|de\s+la|of\s+the)\s+(?:estado|entidad|municipio|state|city)\b"
    # Or the company the article is about: "el vocero de la empresa, Juan Pérez".
    r"|\s+(?:of|at|de)\s+(?:the|la)\s+(?:company|firm|automaker|plant|empresa|compañía|firma"
    r"|armadora|planta)"
)
_WHERE = (
    rf"\s+(?:en|in|para|for)\s+{_CAPITALISED}"
    rf"(?:\s+(?:(?:de|del|la|las|los)\s+)*{_CAPITALISED})*"
)
"""Where an office is, after its title or its firm, its place's name of a word or more: "el
director de operaciones en Nuevo León", "el director general de Magna en México"."""
_GOVERNMENT_LEVELS = "estatal|federal|local|municipal|nacional"
_FIRMS_AREAS = (
    "operaciones|finanzas|ventas|recursos humanos|manufactura|producción|planta|compras"
    "|logística|mercadotecnia|marketing|comunicación|relaciones públicas"
    "|relaciones institucionales|asuntos corporativos|asuntos públicos|desarrollo de negocios"
    "|nuevos negocios|negocios|administración|calidad|ingeniería|tecnología|innovación"
    "|cadena de suministro|comercio exterior|proyectos|sustentabilidad|inversiones|exportaciones"
    "|operations|finance|sales|human resources|manufacturing|production|purchasing|procurement"
    "|logistics|communications|public affairs|corporate affairs|business development"
    "|engineering|technology|quality|supply chain|strategy|investor relations"
    "|government relations"
)
"""The areas of a firm an office is of, written in small letters after its title: "el director
de operaciones", "the director of operations at Vexa"."""
_FIRMS_AREA = (
    rf"(?:\s+(?:de|of|for)\s+(?:{_FIRMS_AREAS})(?:\s+(?:y|e|and)\s+(?:{_FIRMS_AREAS}))?(?!\w)"
    # Or the region it runs: "the director for the northeast region", "para la región noreste".
    r"|\s+(?:of|for)\s+the\s+[a-z]+(?:\s+[a-z]+)?\s+region\b"
    r"|\s+(?:de|para)\s+la\s+región\s+[a-záéíóúñ]+\b)"
    # And where: "el director de operaciones en México, Mark Halloway".
    rf"(?:{_WHERE})?"
)
_TITLE_QUALIFIED = (
    rf"(?:{_TITLES})\.?(?:\s+(?:general|ejecutivo|ejecutiva|comercial|financiero|financiera"
    rf"|operativo|operativa|{_GOVERNMENT_LEVELS}))?"
)
# The level of government a title says, after it or after its office: "la presidenta municipal
# de Mexicali", "el secretario de Economía estatal, Iván Rivas". A firm's office may come
# between the title and the company: "el director de operaciones de Vexa, Mark Halloway"; and
# where it is after the company: "el director general de Magna en México, Juan Pérez". One
# person may hold two titles: "Magna president and chief executive John Miller".
_PERSON_TITLES = re.compile(
    rf"\b{_TITLE_QUALIFIED}(?:\s+(?:and|y|e)\s+{_TITLE_QUALIFIED})?(?:{_FIRMS_AREA})?"
    rf"(?P<office>(?:{_OFFICE})(?:{_WHERE})?)?(?P<level>\s+(?:{_GOVERNMENT_LEVELS}))?"
    r"(?P<comma>,)?\s+$"
)
_CLAUSE_OPENED = re.compile(
    r"(?i:\b(?:según|para|de acuerdo con|conforme a|en opinión de|a juicio de|according to"
    r"|for|in the view of|in the words of))\s+(?:(?:el|la|los|las|the)\s+)?(?:[\w-]+\s+){0,3}$"
)
"""What, right before a title, makes of it and its comma the opening of a clause of its own:
"Según el secretario de Economía, Villa Hidalgo atrae inversión"."""
_APPOSITION_CLOSED = re.compile(r"[ \t]*(?:[,.;:()\[\]\n—–]|-\s|\Z)|\s+(?:y|e|and)\s")
"""What closes a name put in apposition after a title and a comma: "el secretario de Economía,
Iván Rivas, dijo", "lo anunció la gerente de la planta, Ana López.", "el secretario de
Economía, Iván Rivas y el alcalde". A name going on into its verb opens a clause after the
title's phrase, and is no holder of the title: "Según el secretario de Economía, Villa Hidalgo
atrae"."""
_ROLES = (
    f"{_EXECUTIVES}|"
    "mayor|vice president|president|governor|minister|secretary|senator|co-?ceo|ceo|"
    "director|chairman|chairwoman|chair|co-?founder|founder|head|spokesperson|"
    "spokesman|spokeswoman|manager|ambassador|consul|alcalde|alcaldesa|presidente|presidenta|"
    "gobernador|gobernadora|secretario|secretaria|canciller|directora|senador|senadora|"
    "diputado|diputada|titular|vocero|vocera|gerente|fundador|fundadora|embajador|embajadora|"
    "cónsul|ministro|ministra|"
    # Who speaks for a bank or a firm on the economy: "Gabriela Siller, chief economist at".
    "chief economist|economist|economista en jefe|economista jefe|economista|analyst|analista"
)
_ROLE_QUALIFIED = rf"(?:{_ROLES})(?:\s+(?:general|ejecutivo|ejecutiva|municipal|nacional))?"
# A role in apposition after a name: "Karen Bass, the mayor of Los Angeles,", "Kim Jae-won,
# director general de Hanwoo", "John Miller, president and chief executive of Magna", its
# office's owner perhaps before it: "Seetarama Kotagiri, Magna's chief executive officer,", "the
# company's". The role is followed by its office or ends the clause; a role followed by a verb
# ("Growth, the minister said", "Vexa, the company's chief executive said") says nothing of the
# words before the comma.
_ROLE_AFTER = re.compile(
    # One of those holding it: "Thomas Leung, a spokesperson for Hon Hai".
    r",\s+(?:the\s+|el\s+|la\s+|an?\s+|una?\s+)?"
    r"(?:(?-i:[A-ZÁÉÍÓÚÑÜ][\w&.-]*(?:\s+[A-ZÁÉÍÓÚÑÜ][\w&.-]*){0,3})['’]s\s+"
    r"|the\s+(?:company|firm|group|automaker|carmaker|supplier|manufacturer)['’]s\s+)?"
    r"(?:former\s+|then\s+|ex-?|new\s+|interim\s+|acting\s+)?"
    rf"{_ROLE_QUALIFIED}(?:\s+(?:and|y|e)\s+{_ROLE_QUALIFIED})?"
    r"(?=\s+(?:of|for|at|in|de|del|en)\s+(?!which\b|whom\b|quien|cual)|\s*[,.;:)]|\s*$)",
    re.IGNORECASE,
)
# What a company does, said right after its name: "Foxconn will invest $200 million", "Foxconn's
# plant", "Foxconn invertirá", "Tesla pospuso"; or who runs it: "Ternium's chief executive". A
# name of one word is told an organization by it; people invest too, but are named by two words
# or more, and told by their titles. The forms in ``one`` are said of one only; the others of
# many too ("Companies will invest").
_POSSESSIVE = re.compile(r"['’]s$")
_POSSESSIVE_MARK = re.compile(r"['’]s\b")
"""A possessive anywhere in a run of names ("Mexico's Ministry"); :data:`_POSSESSIVE` is one
ending a word."""
_COMPANY_ACTION = re.compile(
    r"(?P<one>\s+(?:also\s+)?(?:invests|postpones|(?:plans|is)\s+to\s+(?:invest|postpone)"
    r"|has\s+(?:invested|postponed))\b"
    r"|\s+(?:también\s+)?(?:invertirá|invierte|invirtió|invertiría|planea\s+invertir|pospuso"
    r"|pospone|pospondrá|postergó|aplazó)\b"
    r"|['’]s\s+(?:\w+\s+)?(?:plant|factory|gigafactory|facility|investment|expansion|operations"
    r"|project)\b"
    # Its executives: "Ternium's chief executive", "Magna's chief operating officer", "Nemak's
    # CEO". A place's or a person's office is no firm's ("Mexico's president").
    rf"|['’]s\s+(?:{_EXECUTIVES}|CEO|Co-CEO)\b)"
    r"|\s+(?:will\s+|also\s+)?(?:invest|invested|investing|postpone|postponed)\b"
)
_DOES_BUSINESS = re.compile(
    r"\s+(?:(?:also|later|separately|también|ya)\s+)?(?:said|says|announced|announces|plans"
    r"|planned|expects|expected|opened|opens|expanded|expands|hired|hires|supplies|reported"
    r"|reports|employs|will\s+(?:expand|open|hire|supply|invest)|is\s+(?:expanding|hiring)"
    r"|dijo|anunció|anuncia|informó|planea|analiza|analizan|evalúa|evalúan|abrió|abrirá|amplió"
    r"|ampliará|contratará|contrató|construirá|inició|iniciará|instalará|instaló|emplea"
    r"|suministrará|abastecerá)\b"
)
"""What a company's name is followed by as it does business or is reported on: "LG Chem
said", "Toyota Tsusho México abrió". Read only after a name that opens with a known company's,
where a model is the other reading ("the Toyota Tacoma will be produced", "el Kia Rio se
produce": no verb of making or being made is here), or a place after one ("Ford Mexico
said"); or after a name that opens with a known place, which it tells a company's ("Texas
Instruments said")."""
_MAKES = re.compile(
    r"\s+(?:(?:también|also)\s+)?(?:producirá|produce|fabricará|fabrica|exportará|exporta"
    r"|produces|makes|will\s+(?:produce|make|build|export))\b"
)
"""What a company is said to do as it makes things: read after a known company and a place,
its branch there ("General Motors de México producirá"), where no model stands."""
_OTHER_NATIONALITIES = (
    r"American|U\.S\.|US|Canadian|Chinese|Japanese|(?:South\s+)?Korean|Taiwanese|German"
    r"|French|Italian|Spanish|British|Swiss|Swedish|Dutch|Belgian|Indian|Israeli|Brazilian"
    r"|European"
)
"""The nationalities English writes before a name, but Mexico's."""
_NATIONALITIES = (
    r"estadounidense|estadunidense|norteamerican[ao]|mexican[ao]|canadiense|chin[ao]"
    r"|japonesa|japonés|(?:sur)?corean[ao]|taiwanesa|taiwanés|alemana|alemán|francesa|francés"
    r"|italian[ao]|española|español|británic[ao]|suiz[ao]|suec[ao]|holandesa|holandés|belga|indi[ao]"
    r"|israelí|brasileñ[ao]|europe[ao]|asiátic[ao]|extranjer[ao]"
    rf"|Mexican|{_OTHER_NATIONALITIES}|Asian|foreign"
)
_FIRM_ES = "empresa|compañía|firma|armadora|fabricante|proveedora|proveedor"
"""What Spanish calls a company: "la empresa", "una fabricante"."""
_MAKER = "automaker|carmaker|manufacturer|maker|producer|supplier"
"""What English calls a company by what it makes: "Chinese automaker Chery"."""
_COMPANY_DESCRIBED = (
    rf"\b(?:[Ll]a|[Uu]na|[Ee]l|[Uu]n)\s+(?:{_FIRM_ES})"
    # What it makes, after "de": "la empresa de autopartes Valmora".
    r"(?:\s+de\s+[a-záéíóúñü]+)?"
    rf"(?:\s+(?:{_NATIONALITIES}))?"
    # What it makes may come between, in small letters: "U.S. medical device maker Helixon".
    rf"|(?<![\w.])(?:{_NATIONALITIES})(?:\s+[a-z][a-z-]*){{0,3}}\s+(?:{_MAKER})"
)
_COMPANY_BEFORE = re.compile(
    rf"(?:{_COMPANY_DESCRIBED}"
    r"|\b(?:the|a|an)\s+(?:company|firm|automaker|carmaker|manufacturer|supplier)"
    rf"|(?<![\w.])(?:{_NATIONALITIES})\s+(?:company|firm|group))\s+\Z"
)
"""What says the name after it is a company's: "la empresa estadounidense Moog", "the company
Moog", "Chinese automaker Chery". A name of one word is told an organization by it, as by what
a company does after it."""
_COMPANY_AFTER = re.compile(
    rf",\s+(?:(?:una|un)\s+(?:{_FIRM_ES})\b"
    rf"|(?:a|an|the)\s+(?:(?:{_NATIONALITIES})\s+)?"
    # What it makes, in small words that are no preposition: "a U.S. maker of", "a
    # wiring-harness maker,", "the seat maker,"; not "a spokeswoman for the company".
    r"(?:(?!(?:for|of|at|the|in|on|with|to|from|by|former)\b)[a-z][a-z-]*\s+){0,3}"
    rf"(?:company|firm|{_MAKER})"
    # Heading the apposition: "a former auto supplier executive" is a person.
    r"(?=\s+(?:of|that|which|based)\b|\s*[,.;:)]|\s*$)"
    # Another company's part: "Toyota Tsusho America, a unit of", "Kia Mexico, filial de".
    rf"|(?:(?:a|an|the)\s+(?:(?:{_NATIONALITIES})\s+)?(?:unit|subsidiary|division|affiliate|arm)"
    rf"|(?:una|la)\s+(?:filial|subsidiaria|división)|filial|subsidiaria)\s+(?:(?:{_NATIONALITIES})\s+)?"
    r"(?:of|de)\b"
    # Or a clause saying it operates, as a company does its plants: "Ternium, which operates its
    # largest plant", "Hyundai Mobis, que opera en Apodaca". Not one saying it runs, as a road
    # or a river does.
    r"|(?:which|que)\s+(?:also\s+|también\s+)?(?:operates|opera)\b)"
)
"""What, in apposition after a name or in a clause of its own, says it is a company's: "Vexa
Components, a U.S. maker of wiring harnesses,", "Corvane, una empresa estadounidense", "Toyota
Tsusho America, a unit of …", "Ternium, which operates"."""
_COMPANY_DESCRIBED_BEFORE = re.compile(rf"(?:{_COMPANY_DESCRIBED})\s+\Z")
"""What says the name after it, of words a person's could be of too, is a company's: "la
empresa estadounidense Corvane Holt", "Korean battery-parts maker Daesung Holt". Not "the
company" or "the U.S. company", which a person's name may follow in English: "the company
Carlos Slim controls"."""
_COMPANY_NAME_WORDS = frozenset(
    """Automotive Automotriz Electronics Electrónica Medical Precision Motors Technologies
    Technology Systems Industries Industrial Logistics Components Solutions Aerospace Devices
    Semiconductors Semiconductor Pharma Plastics Textiles Manufacturing Robotics
    Holdings Holding Enterprises Ventures Investments Capital""".split()  # noqa: SIM905
)
"""Words of a company's name that say what it makes or does, or that it holds others or
invests for them, never of a person's: "Valmora Automotive invertirá" is a company investing,
where "Carlos Slim invertirá" is not one; "Acme Holdings, Magna's chief executive," is no one;
"Fidelity Investments said" is a company."""
_A_FIRMS_OWN_WORDS = _COMPANY_NAME_WORDS | frozenset(
    "Motor Co Company Corp Corporation Ltd Inc LLC Group Grupo S.A. C.V. de of y and".split()  # noqa: SIM905
)
"""Words that, after a known company's name, make its own legal or group name ("Toyota Motor
Corp", "Foxconn Technology Group", "Nissan Motor Co. Ltd."), not another company's."""
_COUNTRY_NAME_WORDS = frozenset(("México", "Mexico"))
"""The country a company's subsidiary there is named after, last in its name."""
_NO_SURNAMES = _COUNTRY_NAME_WORDS | frozenset(("International", "Internacional"))
"""Words that may end a company's name, never a person's: "Ternium México", "Magna
International". Within a name they may be a bridge's ("Pharr International Bridge")."""
_FIELD_NOUNS = frozenset(
    """Industry Industria Sector Government Gobierno Business Manufacturing Manufactura
    Investment Investments Inversión Trade Comercio Production Producción Employment Empleo
    Exports Exportaciones Nearshoring Capital Markets""".split()  # noqa: SIM905 - a word block reads better
)
"""Common nouns of the field that open sentences doing what a company does, alone naming no
one: "Industry will invest $3 billion", "Gobierno invertirá", "Capital will flow"; nor after a
place: "Mexico City Capital will invest"."""
_INDUSTRY_WORDS = (
    _COMPANY_NAME_WORDS
    | _FIELD_NOUNS
    | frozenset("Auto Autos Electronic Parts Autopartes Steel Energy".split())  # noqa: SIM905
    # What says whose or which money is invested: "Foreign Investments", "Venture Capital".
    | frozenset("Foreign Private Venture".split())  # noqa: SIM905
)
"""Words naming an industry, or the money invested in one: a name made of them alone is no
company's ("Medical Devices", "Aerospace Manufacturing", "Capital Markets")."""
_GROUPS_OF_PEOPLE = frozenset(
    """Republicans Democrats Republican Democrat Lawmakers Legislators Senators Officials
    Authorities Leaders Voters Residents Citizens Workers Farmers Growers Ranchers Truckers
    Migrants Immigrants Consumers Taxpayers Legisladores Diputados Senadores Funcionarios
    Trabajadores Productores""".split()  # noqa: SIM905 - a word block reads better
)
"""Words naming people by a party, an office or a trade they share, which a place's name may
come before ("Texas Republicans", "Nuevo León Lawmakers"): they are the place's people, no
company, whatever they are said to do."""
_PLURAL = re.compile(r"[^s]s$")
"""How an English plural ends: "Companies", "Automakers" (not "Congress")."""
# Words after which a name is where something is, not who: "In San Quintín, the mayor of the
# town said".
_PLACE_PREPOSITIONS = frozenset(
    "in at from to into near across throughout en desde hacia a".split()  # noqa: SIM905
)
_NOT_NAMES = OPENING_WORDS | frozenset(
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
    Ministro Ministra Secretario Senador Senadora Diputado Diputada Spokesperson Spokesman
    Spokeswoman Vocero Vocera Gerente Subsecretario Subsecretaria Undersecretary
    Representative Vicepresidente Vicepresidenta Gov Sen Rep""".split()  # noqa: SIM905
)
_CONNECTORS = frozenset(
    ("de", "del", "la", "las", "los", "y", "e", "of", "the", "for", "and", "on")
)
_AND = frozenset(("y", "e", "and"))
LEGAL_FORM = (
    # Mexico's, with periods or spaces or both ("S.A. de C.V.", "S. A. de C. V.", "S.A.B. de
    # C.V.", "S.A.P.I. de C.V.", "S. de R.L. de C.V.", "S.A."), or without ("SA de CV", "SAB de
    # CV", "S de RL de CV"), where "de CV" tells them from other capitals.
    r"(?:S\.\s?A\.(?:\s?B\.|\s?P\.\s?I\.)?|S\.\s?de\s+R\.\s?L\.)(?:\s+de\s+C\.?\s?V\.?)?"
    r"|(?:SA(?:B|PI)?|S\s+de\s+RL)\s+de\s+C\.?\s?V\.?"
    # Those of the US, Europe and Asia: "Inc.", "LLC", "Co., Ltd.", "GmbH".
    r"|(?:Co\.?,?\s+)?(?:Inc|Corp|Ltd|LLC|L\.L\.C|Co|Plc|PLC|GmbH|AG|N\.V)\.?|&\s+Co\.?"
)
"""A company's legal form, as a pattern, in the case it is written in: drafting reads it in an
article, and facets (``tui.core.search.company_words``) in a folded name, case ignored."""
_LEGAL_FORM_OPENING = re.compile(rf"(?:{LEGAL_FORM})(?![\w-])")
"""A legal form written from where the search starts: what a comma after a name may lead to."""
_LEGAL_FORM_ENDING = re.compile(rf"(?<![\w.-])(?:{LEGAL_FORM})\Z")
"""A legal form ending a name."""
_LEGAL_FORM_ALONE = re.compile(rf"[\s,]*(?:{LEGAL_FORM})\s*")
"""A legal form, and nothing else but a comma before it: of no company, if not of the name
before it ("Ternium México, S.A. de C.V."), and never listed on its own."""
_NAME_PARTICLES = frozenset(("de", "del", "la", "las", "los", "y"))
"""Small words a Spanish personal name may hold: Marina del Pilar Ávila."""
_GOVERNMENT_WORDS = frozenset(
    "Secretaría Secretaria Secretariat Ministerio Ministry Gobierno Government Ayuntamiento".split()  # noqa: SIM905
)
"""Words opening the name of a government or its ministry, which an office or a person is of, and
never a part of: "la Subsecretaría de Industria de la Secretaría de Economía"."""
_TWO_WORD_PARTICLES = frozenset((("de", "la"), ("de", "las"), ("de", "los")))
"""Two small words before a name's last part: "Rogelio Ramírez de la O", "Ana de los Santos"."""
_OFFICE_WORDS = frozenset(
    """Affairs Foreign Relations State Economy Economic Finance Treasury Commerce Trade Defense
    Interior Homeland Security Energy Health Education Labor Agriculture Transportation
    Development Industry Tourism Environment Infrastructure Communications Welfare Innovation
    Justice Economía Económico Económica Relaciones Exteriores Hacienda Comercio Defensa
    Gobernación Seguridad Energía Salud Educación Trabajo Agricultura Desarrollo Industria
    Turismo Infraestructura Comunicaciones Bienestar Innovación Pública Público""".split()  # noqa: SIM905
)
"""Words an office ends with, before the name of who holds it: "Minister of Foreign Affairs
Marcelo Ebrard"."""
_OFFICE_ENDS = _OFFICE_WORDS | ORGANIZATION_WORDS
_GROUP_NOUNS = frozenset(
    """Group Grupo Committee Comité Subcommittee Subcomité Commission Comisión Council Consejo
    Board Junta Team Equipo Force Panel Mesa""".split()  # noqa: SIM905
)
_GROUP_QUALIFIERS = frozenset(
    """Working Trabajo Task Technical Técnico Técnica Steering Advisory Consultivo Consultiva
    Joint Mixto Mixta Special Especial Executive Ejecutivo Ejecutiva High Level Alto Nivel
    Bilateral Binational Binacional Coordinating Coordinador Coordinadora Organizing Organizador
    Organizadora Interinstitutional Interinstitucional Directivo Directiva Permanent Permanente
    Standing""".split()  # noqa: SIM905
)
"""With :data:`_GROUP_NOUNS`, the words of a group named for what it does, not by a name of
its own ("Grupo de Trabajo", "Steering Committee"): such a group is no organization to list."""
_BUILDING_WORDS_ES = frozenset(("Palacio", "Edificio", "Recinto"))
_BUILDING_WORDS_EN = frozenset(("Palace", "Building"))
"""The words a building's name is made with: "Palacio de Gobierno", "Government Palace",
"Palace of Government" name where something is announced, not who announces it, whatever
organization's word they hold. Spanish puts the word first; English last, or first before "of"
("Building Owners Association" is an association)."""
_MEXICAN_STATES = frozenset(
    (
        # Ciudad de México among them, as the federal entity it is
        "Aguascalientes", "Baja California", "Baja California Sur", "Campeche", "Chiapas",
        "Chihuahua", "Ciudad de México", "Coahuila", "Colima", "Durango", "Estado de México",
        "Guanajuato", "Guerrero", "Hidalgo", "Jalisco", "Michoacán", "Morelos", "Nayarit",
        "Nuevo León", "Oaxaca", "Puebla", "Querétaro", "Quintana Roo", "San Luis Potosí",
        "Sinaloa", "Sonora", "Tabasco", "Tamaulipas", "Tlaxcala", "Veracruz", "Yucatán",
        "Zacatecas",
    )
)  # fmt: skip
_US_STATES = frozenset(
    (
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
        "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
        "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
        "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
        "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
        "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
        "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
        "Washington", "West Virginia", "Wisconsin", "Wyoming",
    )
)  # fmt: skip
_STATES = _MEXICAN_STATES | _US_STATES
"""The states of Mexico and of the United States, by the names the gazetteer lists them under:
a name written before one of them and a comma is a city's ("Silao, Guanajuato")."""
_PLACE_WORD = r"[A-ZÁÉÍÓÚÑÜ][a-záéíóúñü]+(?:-[A-ZÁÉÍÓÚÑÜa-záéíóúñü][a-záéíóúñü]+)*"
_CITY_BEFORE_STATE = re.compile(
    rf"(?<![\w’'.-])(?P<city>{_PLACE_WORD}"
    rf"(?:\s+(?:(?:de|del|la|las|los|el)\s+)*{_PLACE_WORD})*),\s*$"
)
"""Capitalised words, perhaps with a Spanish place name's small words ("Ciénega de Flores"),
ending just before a comma: what a city's name is, written before its state's."""
_AFTER_A_CITYS_STATE = re.compile(
    r"[ \t]*(?:[,.;:)\]—–\n]|-\s|\Z)"
    r"|\s+(?:y|e|o|and|or|en|in|on|at|de|del|para|for|con|with|desde|from|hasta|to|a|al|donde"
    r"|where|que|which|since|durante|during|last|this|este|esta)\b"
)
"""What follows a state named after its city: the clause goes on ("en Silao, Guanajuato, la
planta", "in Silao, Guanajuato, and"). A state followed by its verb or a noun is a clause of its
own, and the name before the comma is not its city: "For Wintek, Jalisco is", "Greg Abbott,
Texas governor", "Ternium, Nuevo León's largest steelmaker"."""
_OFFICE_TITLE_BEFORE = re.compile(rf"\b(?:{_TITLES})\s+(?:of|for|de|del)(?:\s+(?:the|la|el))?\s+\Z")
_OF_A_MINISTRY_AFTER = re.compile(
    r"\s+(?:de\s+la|del|of\s+the|at\s+the)\s+(?:Secretaría|Secretaria|Ministerio|Ministry"
    r"|Department|Departamento|Secretariat)\b"
)
"""A title's office named before its ministry: "el subsecretario de Industria y Comercio de la
Secretaría de Economía" names a part of the ministry, no organization of its own."""
_COMMA = re.compile(r",\s*")
_NEXT_IN_A_LIST = re.compile(
    r"\s*,\s*(?:y|e|o|and|or)\s+(?:en|in|de|del|at)\s+"
    r"|\s*,\s*"
    r"|\s+(?:y|e|o|and|or)\s+(?:(?:en|in|de|del|at)\s+)?"
)
"""What goes from a name to the next in a list of names: a comma, or a conjunction without one
("Tijuana, Sonora y Chihuahua"), or with one and a preposition ("Tijuana, Sonora, y en
Chihuahua"). "Juárez, Nuevo León, y Apodaca" names a city and its state."""
_ADVERB = re.compile(r"(?:ly|mente)$")
"""How adverbs end, which open sentences before a comma: "Currently, Texas", "Actualmente,"."""
_PLACE_PARTICLES = frozenset(("de", "del", "la", "las", "los", "el", "y"))
"""Small words of a place's name, written in small letters when it is not in capitals: "San
Nicolás de los Garza"."""
_MINISTRY_WORDS = frozenset(
    "Secretaría Secretaria Ministry Ministerio Secretariat Department Departamento".split()  # noqa: SIM905
)
"""The words a ministry's name opens with. A state's government has ministries named as the
federal ones are: "la Secretaría de Economía de Nuevo León" is not SE."""
_WASHINGTON_STATE = re.compile(
    r"\bWashington\s+(?i:state)\b|\b(?i:estado|state)\s+(?i:de|of)\s+Washington\b"
)
"""How a text says it means the state of Washington: "Washington state", "estado de Washington".
Otherwise this field's press means the US capital, and the US government, by "Washington"."""
_US_CAPITAL = "Washington, D.C."
_EU = re.compile(r"(?<![\w.-])(?:EU|E\.U\.)(?![\w-])")
EU_STANDS_FOR = {"es": "Estados Unidos", "en": "European Union"}
"""What "EU" (or "E.U.") is written for, by the language of the text: the Mexican press writes it
for Estados Unidos ("exportan a EU"), the English press for the European Union, which Spanish
writes "UE". It is listed as the gazetteer lists what it is written for, and a brief's place
"EU" is read so by the brief's language (``tui.core.search``)."""
READ_BY_LANGUAGE = {"EU": EU_STANDS_FOR}
"""Each place written so that it stands for one place in one language and another in another
(periods aside: "E.U." is "EU"), with what it stands for by the language: a brief's place is
read so by the brief's language, and a filter looking for the place as written is told the
places it stands for (``tui.core.search``)."""
_ABBREVIATION_AFTER = re.compile(r"\s*\((?P<abbreviation>[A-ZÁÉÍÓÚÑÜ][\w&.-]{1,11})\)")
"""An abbreviation in brackets right after the name it stands for: "Banco de México (Banxico)",
"Secretaría de Economía (SE)"."""
_MEXICAN = re.compile(r"^Mexican\b")
"""The nationality a known organization's name may follow in English: "the Mexican Ministry of
Economy"."""
_AGENCIES = "|".join(map(re.escape, AGENCIES))
_AGENCY_CREDIT = re.compile(
    rf"\((?P<agency>{_AGENCIES})\)"
    r"|(?i:con\s+informaci[oó]n\s+de|with\s+information\s+from|fuente:|source:)\s+"
    rf"(?:(?i:la\s+agencia|the\s+agency)\s+)?(?P<credited>{_AGENCIES})(?![\w-])"
)
"""A news agency credited for the article: in brackets, in its dateline or wherever ("MONTERREY,
N.L. (EFE).-", "(AP)"), or after the words that credit it ("Con información de EFE", "With
information from Reuters"). It is where the article comes from, which a brief gives as its
outlet, not an organization the article is about."""
_CURRENCY_SIGN = re.compile(r" ?\$")
"""What makes the capitals before it a currency's: "US$50", "US $50"."""
_HYPHEN_BEFORE_A_CAPITAL = re.compile(r"(?<=[\w.])-(?=[A-ZÁÉÍÓÚÑÜ])")
_ANY_WORD = re.compile(r"\w+")
_WORD = re.compile(r"[A-ZÁÉÍÓÚÑÜ][\w’'&.-]*|[a-záéíóúñü]+|[0-9][\w.-]*|[^\w\s]", re.UNICODE)


_MINISTRIES = {
    "secretarías": "Secretaría",
    "ministries": "Ministry",
    "secretariats": "Secretariat",
    "departments": "Department",
}
"""The plurals of the words a ministry's name opens with, and each one's singular. Not Spanish
"departamentos", which are flats as often: "los departamentos de Cumbres y San Jerónimo"."""
_MINISTRY_AREAS = frozenset(
    [
        "economia",
        "comercio",
        "industria",
        "hacienda",
        "credito",
        "trabajo",
        "prevision",
        "social",
        "turismo",
        "energia",
        "salud",
        "educacion",
        "cultura",
        "bienestar",
        "gobernacion",
        "seguridad",
        "defensa",
        "marina",
        "agricultura",
        "desarrollo",
        "rural",
        "medio",
        "ambiente",
        "recursos",
        "naturales",
        "comunicaciones",
        "transportes",
        "infraestructura",
        "relaciones",
        "exteriores",
        "funcion",
        "publica",
        "ciencia",
        "innovacion",
        "vivienda",
        "territorial",
        "agrario",
        "economy",
        "finance",
        "treasury",
        "labor",
        "labour",
        "tourism",
        "energy",
        "health",
        "education",
        "culture",
        "welfare",
        "interior",
        "security",
        "defense",
        "defence",
        "navy",
        "agriculture",
        "environment",
        "transportation",
        "transport",
        "infrastructure",
        "foreign",
        "affairs",
        "commerce",
        "trade",
        "industry",
        "science",
        "housing",
    ]
)
"""Words of the areas ministries are for, folded: an office listed after a ministry's without
its own "de" or "of" is another ministry's only when it names one ("y Hacienda")."""
_MINISTRIES_IN_GENERAL = frozenset(("Secretaría de Estado",))
"""What a plural names that is the ministries in general, no one of them: "las secretarías de
Estado" are the cabinet's."""
_MINISTRY_WRITTEN_ALSO = {
    "Secretaría": ("secretaría",),
    "Ministry": ("ministry",),
}
"""The word a known ministry's name opens with, and the other ways the press writes it, which
name that ministry all the same: in small letters ("la secretaría de Economía", "the ministry
of Economy"). Not "secretaria" in small letters: the title of who heads it ("la secretaria de
Economía, Raquel Buenrostro"); nor "Ministerio": Argentina's, Spain's or Chile's ("el
Ministerio de Economía de Argentina"), not Mexico's secretaría."""
_OF_A_MINISTRY = r"(?:del|de(?:\s+la|\s+las|\s+los)?|of(?:\s+the)?)"
_MINISTRYS_OFFICE = r"[A-ZÁÉÍÓÚÑÜ][\w’'-]*(?:[ \t]+[A-ZÁÉÍÓÚÑÜ][\w’'-]*)*"
_MINISTRY_IN_A_LIST = re.compile(
    rf"(?:(?P<of>{_OF_A_MINISTRY})\s+)?(?P<office>{_MINISTRYS_OFFICE})"
)
_MINISTRIES_JOINED = re.compile(
    rf"(?<!\w)(?P<plural>(?i:{'|'.join(_MINISTRIES)}))\s+"
    rf"(?P<offices>{_OF_A_MINISTRY}\s+{_MINISTRYS_OFFICE}"
    rf"(?:(?:\s*,\s*(?:(?:y|e|and)\s+)?|\s+(?:y|e|and)\s+)"
    rf"(?:{_OF_A_MINISTRY}\s+)?{_MINISTRYS_OFFICE})+)"
)
"""Ministries named by one plural, each by its office after a comma or a conjunction: "las
secretarías de Economía y de Relaciones Exteriores", "the Ministries of Economy, Finance and
Foreign Affairs"."""


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used, with its file, line and field."""


@dataclass(frozen=True)
class Gazetteer:
    """Known names by group; each alias leads to the name a brief lists."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)
    """For each group, every way of writing a name (the name itself too) → the name."""
    states: dict[str, str] = field(default_factory=dict)
    """For each city whose entry gives its state, the city's name → the state's."""

    def extended(self, other: Gazetteer) -> Gazetteer:
        """This gazetteer with the entries of ``other`` added; ``other``'s win a conflict."""
        merged = {group: dict(self.names.get(group, {})) for group in GROUPS}
        for group, aliases in other.names.items():
            merged[group].update(aliases)
        return Gazetteer(merged, self.states | other.states)

    @cached_property
    def places_folded(self) -> frozenset[str]:
        """Every way of writing a known place, case folded: a dateline in capitals is told by
        its place ("MEXICALI — ")."""
        return frozenset(written.casefold() for written in self.names.get("places", {}))

    @cached_property
    def matcher(self) -> _Matcher:
        """What finds the names in a text; made once for each gazetteer, as compiling it takes
        a while. Kept on the gazetteer rather than by its id, which a later one can reuse."""
        return _make_matcher(self)


def read_gazetteer(path: Path) -> Gazetteer:
    """The gazetteer in the YAML file ``path``; raises :class:`GazetteerError` naming the file,
    line and field of what is wrong."""
    try:
        text = read_limited(path, MAX_GAZETTEER_BYTES, "gazetteer").decode("utf-8-sig")
    except Refused as error:
        raise GazetteerError(f"{path}: {error}") from None
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
    states: dict[str, str] = {}
    for group, entries in data.items():
        if group not in GROUPS:
            line = document.line(str(group))
            raise GazetteerError(f"{path}:{line}: {group}: use one of {', '.join(GROUPS)}")
        if not isinstance(entries, list):
            raise GazetteerError(f"{path}:{document.line(group)}: {group}: must be a list")
        for index, entry in enumerate(entries):
            where = f"{group}[{index}]"
            name, aliases, state = _entry(entry, group)
            if name is None:
                raise GazetteerError(
                    f"{path}:{document.line(where)}: {where}: give a name (text) and, if any,"
                    " aliases (a list of text) and, for a city, its state (text), as in"
                    " {name: USMCA, aliases: [T-MEC]} or {name: Reynosa, state: Tamaulipas}"
                )
            for written in (name, *aliases):
                names[group][written] = name
            if state is not None:
                states[name] = state
    return Gazetteer(names, states)


def _entry(entry: Any, group: str) -> tuple[str | None, list[str], str | None]:
    if isinstance(entry, str) and entry.strip():
        return entry.strip(), [], None
    name = entry.get("name") if isinstance(entry, dict) else None
    if not isinstance(name, str) or not name.strip():
        return None, [], None
    aliases = entry.get("aliases") or []
    keys = {"name", "aliases", "state"} if group == "places" else {"name", "aliases"}
    if set(entry) - keys or not isinstance(aliases, list):
        return None, [], None
    if not all(isinstance(alias, str) and alias.strip() for alias in aliases):
        return None, [], None
    state = entry.get("state")
    if state is not None and not (isinstance(state, str) and state.strip()):
        return None, [], None
    return (
        name.strip(),
        [alias.strip() for alias in aliases],
        state.strip() if state else None,
    )


@cache
def shipped_gazetteer() -> Gazetteer:
    """The gazetteer that comes with briefing."""
    return read_gazetteer(GAZETTEER)


def gazetteer_for(corpus: Path | None) -> Gazetteer:
    """The shipped gazetteer, extended by the corpus's own ``gazetteer.yaml`` if it has one."""
    shipped = shipped_gazetteer()
    own = corpus / CORPUS_GAZETTEER if corpus is not None else None
    # Anything there is read, so that a pipe or a folder of that name is refused, not passed over.
    if own is None or not own.exists():
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
    in_capitals: frozenset[str]
    """The ways of writing that are a one-word name put in capitals ("COLORADO"), which a
    heading in capitals gives ordinary words too ("SEMÁFORO COLORADO": red)."""
    of_a_state_after: re.Pattern[str]
    """What makes the ministry it follows a state's: "del estado", "del Estado de Coahuila",
    "de Nuevo León", "estatal", "of Nuevo León", "of the state"."""
    of_a_state_before: re.Pattern[str]
    """What makes the ministry it precedes a state's, ending where the ministry starts: "Nuevo
    León's", "the state"."""
    state: re.Pattern[str]
    """A state's name, or another way the gazetteer writes it: "Nuevo León", "N.L."."""
    place_ending: re.Pattern[str]
    """A known place ending where the search ends: what a hyphen joins to the place after it."""
    place_opening: re.Pattern[str]
    """A known place, ending a name: not before another hyphen ("U.S.-Mexico-Canada") or a
    capitalised word, with which it opens a name of its own ("US-Mexico Chamber of Commerce")."""
    longest_place: int
    """How long the longest way of writing a known place is."""


def _make_matcher(gazetteer: Gazetteer) -> _Matcher:
    exact: dict[str, tuple[str, str]] = {}
    loose: dict[str, tuple[str, str]] = {}
    for group in GROUPS:
        for written, name in gazetteer.names.get(group, {}).items():
            # A topic's acronym only in capitals: Spanish "nafta" is naphtha, not NAFTA.
            acronym = written.isupper() and " " not in written
            if (group == "topics" and not acronym) or written == written.lower():
                loose[written.lower()] = (group, name)
            else:
                exact[written] = (group, name)
    for written, found in list(exact.items()):
        first, _, rest = written.partition(" ")
        for other in _MINISTRY_WRITTEN_ALSO.get(first, ()) if rest else ():
            exact.setdefault(f"{other} {rest}", found)
    # A dateline or a heading writes names in capitals: "CIUDAD JUÁREZ, Chihuahua".
    in_capitals = set()
    for written, found in list(exact.items()):
        if written.upper() not in exact:
            exact[written.upper()] = found
            if " " not in written:
                in_capitals.add(written.upper())
    state_writings = sorted(
        (written for written, name in gazetteer.names.get("places", {}).items() if name in _STATES),
        key=len,
        reverse=True,  # the longest first: "Baja California Sur", not "Baja California"
    )
    state = (
        rf"(?<![\w.-])(?:{'|'.join(map(re.escape, state_writings))})(?!\w|-\w)"
        if state_writings
        else r"(?!)"  # a gazetteer without the states names none
    )
    of_a_state_after = re.compile(
        r"\s+(?:"
        # "de Nuevo León", "del Gobierno de Coahuila", "del Estado de México" (a state's name)
        rf"(?:del\s+[Gg]obierno\s+de|del|de)\s+(?:la\s+)?{state}"
        # "del estado", "del Estado de Coahuila", "del Gobierno del Estado"
        rf"|del\s+(?:[Gg]obierno\s+(?:del\s+)?)?[Ee]stado\b(?:\s+de\s+(?:la\s+)?{state})?"
        rf"|(?:del\s+[Gg]obierno\s+)?estatal\b(?:\s+de\s+(?:la\s+)?{state})?"
        rf"|of\s+(?:the\s+)?(?:[Ss]tate\s+of\s+)?{state}"
        r"|of\s+the\s+state\b)"
    )
    of_a_state_before = re.compile(
        rf"(?:{state}(?:['’]s)?\s+(?:[Ss]tate(?:['’]s)?\s+)?|(?<!\w)[Ss]tate(?:['’]s)?\s+)\Z"
    )
    place_writings = sorted(
        (written for written, (group, _) in exact.items() if group == "places"),
        key=len,
        reverse=True,
    )
    place = "|".join(map(re.escape, place_writings)) or r"(?!)"
    return _Matcher(
        _alternation(exact),
        _alternation(loose, ignore_case=True),
        exact | loose,
        frozenset(in_capitals),
        of_a_state_after,
        of_a_state_before,
        re.compile(state),
        re.compile(rf"(?<![\w.-])(?:{place})\Z"),
        re.compile(rf"(?:{place})(?!\w|-\w)(?![ \t]+[A-ZÁÉÍÓÚÑÜ])"),
        max(map(len, place_writings), default=0),
    )


def _alternation(names: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str] | None:
    ordered = sorted(names, key=len, reverse=True)  # the longest name wins where two overlap
    if not ordered:
        return None
    body = "|".join(re.escape(name) for name in ordered)
    # A dash joining a word makes another name ("U.S.-Mexico"); one ending a dateline does not
    # ("MONTERREY, N.L.- Tesla pospuso"). A dollar sign makes a currency ("US$50", "US $50").
    return re.compile(
        rf"(?<![\w.-])(?:{body})(?!\w|-\w|\s?\$)", re.IGNORECASE if ignore_case else 0
    )


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


def find_entities(
    text: str,
    gazetteer: Gazetteer,
    *,
    skip: Iterable[str] = (),
    language: str | None = None,
    told: Told | None = None,
) -> Entities:
    """The names ``text`` mentions: the gazetteer's, then other capitalised names.

    Names in ``skip`` (the author, say) are left out. ``language`` is the ISO 639-1 code of the
    language ``text`` is written in, which some names stand for something else in ("EU"); told
    from the text when not given, and only if such a name is there. ``told`` is told how far it
    has got: the text is read for names twice, so it is told half of each character's offset in
    the first reading, and half the text more in the second.
    """
    found: dict[str, dict[str, int]] = {group: {} for group in GROUPS}
    taken = bytearray(len(text))
    place_ends: set[int] = set()
    place_starts: set[int] = set()
    states: list[tuple[int, int, str]] = []
    # Each state's ministry: where its name is, and where its ministry's words are in it.
    state_ministries: list[tuple[tuple[int, int], int, int]] = []
    # The text's own ways of writing a known organization, which stand for its entry wherever
    # they are: "Bank of México (Banxico)", "Secretaría de Economía (SECON)".
    own_writings: set[str] = set()
    matcher = gazetteer.matcher
    known = list(matcher.known.finditer(_places_apart(text, matcher))) if matcher.known else []
    # In a heading in capitals, a one-word name in capitals is that name only where the text
    # also writes it as the gazetteer does: there, ordinary words are in capitals too.
    written_so = {
        matcher.group_of[m.group()][1] for m in known if m.group() not in matcher.in_capitals
    }
    loose = matcher.loose.finditer(text) if matcher.loose else ()
    # The names the gazetteer gives, listed whatever the words around them.
    known_names: set[str] = set()
    known_places = [m for m in known if matcher.group_of[m.group()][0] == "places"]
    known_place_starts = {m.start() for m in known_places}
    known_place_ends = {m.end() for m in known_places}
    means_the_capital = _WASHINGTON_STATE.search(text) is None
    names = _legal_names_apart(text, {m.end() for m in known}, _capitalised_names(text))
    # A company's legal name is its name, whatever place it holds: "Industrias Monterrey, S.A.
    # de C.V." names no place, "Ternium México, S.A. de C.V." no country.
    companies = _LegalNames(
        (start, end, len(_LEGAL_FORM_ENDING.sub("", name).rstrip(", ")))
        for start, end, name in names
        if _ends_in_a_legal_form(name) and not _a_legal_form_alone(name)
    )
    # Each run of names by where it starts, for a known place opening a company's name.
    runs = {start: (end, name) for start, end, name in names}
    org_starts: set[int] = set()
    org_ends: set[int] = set()
    for match, fold in itertools.chain(((m, False) for m in known), ((m, True) for m in loose)):
        start, end = match.span()
        if any(taken[start:end]):
            continue
        written = match.group().lower() if fold else match.group()
        group, name = matcher.group_of[written]
        if (
            name == "Washington"
            and means_the_capital
            and not _a_citys_state(text, start, end, known_place_ends)
        ):
            name = _US_CAPITAL
        if written in matcher.in_capitals and name not in written_so and _in_heading(text, start):
            continue
        if group == "places" and " " not in written and _after_a_given_name(text, start):
            continue  # a surname: "Carlos León", "Benito Juárez" are people, not the cities
        if (
            group == "places"
            and _after_a_known_company(text, org_ends, start)
            and any(said.match(text, end) for said in (_COMPANY_ACTION, _DOES_BUSINESS, _MAKES))
        ):
            # A known company's branch, said to do what a company does: "General Motors de
            # México invertirá" (or "producirá", "said") names General Motors, no place.
            taken[start:end] = b"\x01" * (end - start)
            continue
        company = (
            _a_company_opening_with_a_place(text, matcher, runs, start, end)
            if group == "places"
            else None
        )
        if company is not None:
            # Its name, not the place: "Texas Instruments will invest" names no state.
            company_end, company_name = company
            found["organizations"].setdefault(company_name, start)
            taken[start:company_end] = b"\x01" * (company_end - start)
            continue
        if group == "places" and (
            companies.holds_in_its_name(start, end)
            or (_ends_a_name(text, taken, start) and _COMPANY_ACTION.match(text, end))
            or _after_a_groups_word(text, start)
        ):
            # Of a company's name, as its legal name, its doing what one does or the group it
            # is says: "Ternium México invertirá" and "Grupo México said" name no country,
            # where "Hoy México invertirá" does.
            continue
        if group == "places" and name in gazetteer.states:
            name = _in_another_state(text, gazetteer, match, name, known_place_starts) or name
        if group == "organizations" and written.split()[0].capitalize() in _MINISTRY_WORDS:
            state_ministry = _of_a_state(text, matcher, start, end)
            if state_ministry is not None:
                # Listed once the states the text names are known; the state it names is a
                # place too, and is found as one before the ministry's words are taken.
                state_ministries.append((state_ministry, start, end))
                taken[start:end] = b"\x01" * (end - start)
                # Its abbreviation is its own, even one the federal ministry goes by: "(SE)".
                abbreviation = _ABBREVIATION_AFTER.match(text, state_ministry[1])
                if abbreviation is not None:
                    taken[abbreviation.start() : abbreviation.end()] = b"\x01" * len(
                        abbreviation.group()
                    )
                continue
        if group == "organizations" and written.startswith("Ministry "):
            # The gazetteer's ministries are Mexico's; English names another country's alike:
            # "Japan's Ministry of Economy, Trade and Industry" is no SE.
            of_another = _another_countrys(text, matcher, start, end)
            if of_another is not None:
                start, end, name = of_another
                found["organizations"].setdefault(name, start)
                taken[start:end] = b"\x01" * (end - start)
                continue
        if group == "organizations":
            abbreviation = _ABBREVIATION_AFTER.match(text, end)
            if abbreviation is not None and abbreviation["abbreviation"] not in matcher.group_of:
                own_writings.add(abbreviation["abbreviation"])
        found[group].setdefault(name, start)
        known_names.add(name)
        if group == "organizations":
            org_starts.add(start)
            org_ends.add(end)
        if fold and _ends_a_name(text, taken, start):
            continue  # the topic is listed, and the name it ends too: "Valmora Automotive"
        taken[start:end] = b"\x01" * (end - start)
        if group == "places":
            place_ends.add(end)
            place_starts.add(start)
            if name in _STATES:
                states.append((start, end, name))
    # "EU": the United States in Spanish, the European Union in English.
    eu = [
        match
        for match in _EU.finditer(text)
        if not any(taken[match.start() : match.end()])
        and not companies.holds_in_its_name(*match.span())
    ]
    stands_for = EU_STANDS_FOR.get(language or detect_language(text)) if eu else None
    if stands_for in matcher.group_of:
        group, name = matcher.group_of[stands_for]
        for match in eu:
            start, end = match.span()
            # Before the gazetteer's way of writing it, if that comes later: "a EU ... EE. UU.".
            found[group][name] = min(found[group].get(name, start), start)
            known_names.add(name)
            taken[start:end] = b"\x01" * (end - start)
            if group == "places":
                place_ends.add(end)
                place_starts.add(start)
    # Where a ministry that does not say its state may find it named: its sentence, or the
    # dateline. Split into sentences once, and only for such a ministry: an article may be long.
    around = _SentencesAround(text) if state_ministries else None
    for (start, end), ministry_start, ministry_end in state_ministries:
        assert around is not None
        ministry = text[ministry_start:ministry_end]
        name = _state_ministrys_name(
            text, matcher, (start, end), ministry, ministry_start, ministry_end, states, around
        )
        found["organizations"].setdefault(name, start)
        taken[start:end] = b"\x01" * (end - start)
    # Ministries one plural names, each listed as it is alone: "las secretarías de Economía y de
    # Relaciones Exteriores" are SE and SRE, "las secretarías de Economía y de Turismo del
    # estado" two ministries of the state.
    for start, end, ministries in _ministries_joined(text, matcher):
        state_ministry = _of_a_state(text, matcher, start, end)
        for at, ministry in ministries:
            if state_ministry is not None:
                around = around or _SentencesAround(text)
                name = _state_ministrys_name(
                    text, matcher, state_ministry, ministry, start, end, states, around
                )
            else:
                group, name = matcher.group_of.get(ministry, ("organizations", ministry))
                if group != "organizations":
                    continue
            found["organizations"].setdefault(name, at)
        start, end = state_ministry or (start, end)
        taken[start:end] = b"\x01" * (end - start)
    # Places the gazetteer does not know: the place of a dateline in capitals ("RAMOS ARIZPE,
    # Coahuila —"), and a city written before its state ("en Silao, Guanajuato").
    for start, end, name in itertools.chain(
        _dateline_places(text, taken, place_starts), _cities_before_states(text, taken, states)
    ):
        found["places"].setdefault(name, start)
        taken[start:end] = b"\x01" * (end - start)
        place_ends.add(end)
    # A news agency the article credits is where it came from, no name it is about: "(EFE)".
    for credit in _AGENCY_CREDIT.finditer(text):
        start, end = credit.span("agency") if credit["agency"] else credit.span("credited")
        taken[start:end] = b"\x01" * (end - start)
    skipped = set(skip)
    # An organisation's name may hold a known place ("Southern California Biomedical Council",
    # "Cámara de Comercio de Tijuana"): it is listed whole, as well as the place. A company's
    # legal name holding a known company is listed whole too ("Kia Motors México, S.A. de
    # C.V.", with Kia), but not the known one with its legal form ("Tesla, Inc." is Tesla). A
    # company of its own whose name opens with a known one's is listed alone ("Hyundai Mobis",
    # "LG Chem", "Toyota Tsusho Corp"): it is not the known one ("LG" is LG Electronics).
    names_of_their_own: list[tuple[int, int]] = []
    small_words = {word for word in _ANY_WORD.findall(text) if word.islower()}
    reading = _Reading(text, place_ends, small_words)
    for start, end, name, list_end in _listed_apart(names, org_starts):
        if told is not None:
            told(start // 2)
        titled = reading.titled(start, name)
        if titled is None and taken[start]:
            # Opening with a known name, the titles may follow its "de" or "of": "Banco de
            # México Governor Victoria Rodríguez" names Banxico and its governor.
            known_end = taken.find(b"\x00", start, end)
            titled = _holder_after_a_title(name, (end if known_end < 0 else known_end) - start)
        if titled is not None and titled.titles:
            # Titles in capitals and who holds them are no part of the name before them, which
            # is read alone, the person as names are: "Grupo México Chief Executive Germán
            # Larrea said" names Grupo México and Germán Larrea. What follows is said by the
            # person, not by the company.
            name = name[: titled.titles].rstrip()
            end = list_end = start + len(name)
        holds_known = any(taken[start:end]) and not _all_known(text, taken, start, end)
        if (
            not holds_known
            or name in matcher.group_of
            or name.split()[0].rstrip(".") in _TITLE_WORDS
            or _is_a_building(name.split())
        ):
            continue
        trailing = _GROUP_WORD_ENDING.sub("", name)
        if trailing != name and matcher.group_of.get(trailing, ("",))[0] == "organizations":
            # A known company as its group: "LEGO Group" is Lego, "BMW Group" BMW.
            taken[start:end] = b"\x01" * (end - start)
            continue
        of_its_own = False
        if not (
            any(word in ORGANIZATION_WORDS for word in name.split())
            or _abbreviated_after(text, end, name) is not None
            or _ends_in_a_legal_form(name)
        ):
            of_its_own = _a_known_companys_own(matcher, taken, reading, start, name, list_end)
            if not of_its_own:
                continue
        else:
            # An organization whose name opens with a known company's and goes on with words of
            # its own is another company: "Toyota Tsusho Corp" is no Toyota. Not the known
            # one's own legal name ("Toyota Motor Corp"), nor a title and its holder after it
            # ("Grupo Bimbo Chief Executive Daniel Servitje").
            own = _own_words_start(text, matcher, taken, start, name)
            rest = text[own : start + len(name)] if own is not None else ""
            of_its_own = (
                any(word.strip(".,") not in _A_FIRMS_OWN_WORDS for word in rest.split())
                and own is not None
                and reading.titled(own, rest) is None
            )
        if not _stands_for_known(
            text, matcher, own_writings, name, end
        ) and not _an_office_within_a_ministry(text, start, end):
            found["organizations"].setdefault(name, start)
            if of_its_own:
                names_of_their_own.append((start, end))
        taken[start:end] = b"\x01" * (end - start)
    _drop_known_within(found, known, matcher, names_of_their_own)
    # Other known names are blanked out, so that a run of capitals stops at them: "Mayor Norma
    # Alicia Bustamante of Mexicali" is a person of a known place.
    masked = _masked(text, taken)
    for start, _end, name in _capitalised_names(masked, said=text):
        if told is not None:
            told((len(text) + start) // 2)
        kind, who, at = reading.sort(start, name)
        employer = reading.company_before_titles(start, name) if kind == "people" else None
        if employer is not None and employer not in skipped:
            # Who the person is of: "Vexa Components Managing Director Ana Ruiz".
            found["organizations"].setdefault(employer, start)
        if kind != "organizations" and " " in name and reading.opens_with_common_word(start, name):
            # A sentence's first word has a capital whatever it is: "Yesterday Karen Bass, the
            # mayor of Los Angeles"; "Record Growth, the president of Index said".
            cut = name.index(" ") + 1
            kind, who, at = reading.sort(start + cut, name[cut:])
            if kind != "people":
                continue
        if " " not in who and who.lower() in small_words and not _introduced(text, who):
            # A sentence's first word, or a word in capitals for emphasis ("NOT"), that the
            # text also writes in small letters; not an acronym it introduces: "(BID)".
            continue
        if kind == "organizations" and _stands_for_known(
            text, matcher, own_writings, who, at + len(who)
        ):
            continue  # the known organization is listed, once
        if kind == "organizations" and _an_office_within_a_ministry(text, at, at + len(who)):
            continue
        if kind == "organizations" and who.split()[0] in _MINISTRY_WORDS:
            # A ministry the gazetteer does not know is a state's as a known one is: "la
            # Secretaría de Desarrollo Económico del estado", in a Jalisco dateline's article.
            where = _of_a_state(text, matcher, at, at + len(who))
            if where is not None:
                around = around or _SentencesAround(text)
                who = _state_ministrys_name(
                    text, matcher, where, who, at, at + len(who), states, around
                )
        if kind is not None and who not in skipped:
            found[kind].setdefault(who, at)
    # A company named by one word, for what it is said to do: a word the text writes as a name
    # (twice, or once in mid-sentence), or one that opens a sentence doing it as one does
    # ("Foxconn will invest", where "Companies will invest" opens a sentence with a plural); and
    # not a person's surname ("Ebrard will invest" after "said Marcelo Ebrard"). One the
    # gazetteer knows is listed wherever it is: "Banxico recortó la tasa".
    surnames = {name.split()[-1] for name in found["people"]}
    for name in list(found["organizations"]):
        if name in known_names:
            continue
        if name in _FIELD_NOUNS:
            del found["organizations"][name]
            continue
        if " " in name or _is_acronym(name) or name in ORGANIZATION_WORDS:
            continue
        as_a_name = _written_as_a_name(text, name) or _acts_as_one(text, name)
        if name in surnames or _after_a_name(text, name) or not as_a_name:
            del found["organizations"][name]
    # An abbreviation of a listed name's words, written in brackets after it, is that
    # organization, listed once by its name: "Consejo de Desarrollo Económico de Mexicali (CDEM)",
    # there and wherever the text writes "CDEM" alone.
    for short_name in _abbreviations_of(text, found["organizations"]):
        del found["organizations"][short_name]
    # A company named by its legal name and by its short name, before it or after it, is listed
    # once, by its legal name, from where the article first names it: "Ternium México, S.A. de
    # C.V." and "Ternium", as a facet counts them. A known company is listed by the gazetteer's
    # name all the same, beside its legal name ("Kia" and "Kia Motors México, S.A. de C.V.").
    short_names = _short_names_of_legal_ones(found["organizations"], known_names)
    for short_name, legal_name in short_names.items():
        first_named = found["organizations"].pop(short_name)
        found["organizations"][legal_name] = min(found["organizations"][legal_name], first_named)
    lists = {
        group: tuple(sorted(names, key=names.__getitem__)[:MAX_NAMES])
        for group, names in found.items()
    }
    return Entities(**lists)


_TAKEN_RUN = re.compile(rb"[^\x00]+")


def _masked(text: str, taken: bytearray) -> str:
    """``text`` with each character that ``taken`` marks made a NUL, run by run: a long article
    has far fewer runs than characters."""
    pieces = []
    at = 0
    for run in _TAKEN_RUN.finditer(taken):
        start, end = run.span()
        pieces.append(text[at:start])
        pieces.append("\x00" * (end - start))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


_NAME_WORD_BEFORE = re.compile(r"(?<![\w.’'-])([A-ZÁÉÍÓÚÑÜ][a-záéíóúñü]+) \Z")


_DE_BEFORE = re.compile(r"\s+(?:de\s+|of\s+)?$")


_GROUPS_WORDS = frozenset(("Grupo", "Group", "Compañía", "Company", "Corporation"))
"""The words of :data:`ORGANIZATION_WORDS` that name a company by the group of companies it is,
which a place right after one alone is a part of the name of: "Grupo México" is a mining group,
as a facet counts it. Not a chamber's or a council's, whose place is where it is."""


def _after_a_groups_word(text: str, start: int) -> bool:
    """Whether the place ``text`` writes at ``start`` comes right after a word of
    :data:`_GROUPS_WORDS`, with which it makes a company's name: "Grupo México said"; not
    after "de": "el Grupo de Trabajo de México"."""
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and before.group(1) in _GROUPS_WORDS


def _after_a_known_company(text: str, org_ends: set[int], start: int) -> bool:
    """Whether the place ``text`` writes at ``start`` follows a known organization, perhaps
    with "de" or "of" between, as a company's branch in a country or state is named: "General
    Motors de México", "Kia México". ``org_ends`` are where known organizations end."""
    between = _DE_BEFORE.search(text, max(0, start - 12), start)
    return between is not None and between.start() in org_ends


def _ends_a_name(text: str, taken: bytearray, start: int) -> bool:
    """Whether the topic or place ``text`` writes at ``start``, capitalised, follows a
    capitalised word of no known name, as a company's name goes on with what it makes or where
    it is: "Valmora Automotive invertirá", "Ternium México invertirá". "Mexico Automotive", "La
    Automotive" and "Kia México" are no such names."""
    if not text[start].isupper():
        return False
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
    return (
        before is not None
        and not any(taken[before.start() : before.end()])
        and before.group(1) not in _NOT_NAMES
        and before.group(1) not in _TITLE_WORDS
        # An adverb opening the sentence: "Finalmente México invertirá", "Eventually Mexico".
        and not _ADVERB.search(before.group(1))
    )


def _a_company_opening_with_a_place(
    text: str, matcher: _Matcher, runs: dict[int, tuple[int, str]], start: int, end: int
) -> tuple[int, str] | None:
    """Where the company whose name opens with the known place ``text`` writes from ``start``
    to ``end`` ends, and its name, when the text says the whole is a company's ("Texas
    Instruments will invest", "the company Mexico Pacific", "Texas Instruments Chief Executive
    Haviv Ilan"); None otherwise. The rest of its name is a word or two of no known name, no
    title ("Texas Governor Greg Abbott"), no group of the place's people ("Texas Republicans")
    and no person's name. A name holding an organization's word is read as one elsewhere, and
    lists the place too ("Mexico Business Council"); one ending in a legal form lists none
    ("Texas Instruments Inc."). ``runs`` are the text's runs of names, each by where it starts,
    with where it ends."""
    run_end, name = runs.get(start, (end, ""))
    titled = _holder_after_a_title(name) if name else None
    if titled is not None and start + titled.titles > end:
        # Titles in capitals and who holds them are no part of its name: "Texas Instruments
        # Chief Executive Haviv Ilan", read up to "Instruments".
        name = name[: titled.titles].rstrip()
        run_end = start + len(name)
    rest = text[end:run_end].split()
    if not 1 <= len(rest) <= 2:
        return None
    if (
        any(
            not word.isalpha()
            or not word[0].isupper()
            or word in _TITLE_WORDS
            or word in ORGANIZATION_WORDS
            or word in _GROUPS_OF_PEOPLE
            for word in rest
        )
        or _is_a_name(" ".join(rest))
        or all(word in _FIELD_NOUNS for word in rest)
        or (matcher.known is not None and matcher.known.search(text, end, run_end))
    ):
        return None
    if (
        _said_a_company(text, start, name)
        or _reported_on_as_a_company(text, start, run_end)
        # Only a firm has a chief executive, where a place has a governor or a president.
        or _A_FIRMS_OFFICE_AFTER.match(text, run_end) is not None
    ):
        return run_end, name
    return None


def _reported_on_as_a_company(text: str, start: int, end: int) -> bool:
    """Whether the name ``text`` writes from ``start`` to ``end``, a known place and a word or
    two of a name, is followed by what a company does as it does business or is reported on
    ("Texas Instruments said exports rose"), and is not after a word saying where: in "in
    Mexico Sheinbaum said", Mexico is where the person speaks."""
    before = text[max(0, start - 20) : start].split()[-1:]
    if before and before[0].lower() in _PLACE_PREPOSITIONS:
        return False
    return _DOES_BUSINESS.match(text, end) is not None


def _places_apart(text: str, matcher: _Matcher) -> str:
    """``text`` with each hyphen that joins two known places made a dash, which parts two names
    where a hyphen makes one: "the Saltillo-Ramos Arizpe corridor" names both cities, as "the
    Saltillo–Ramos Arizpe corridor" does; "US-Mexico Chamber of Commerce" is one name still
    (see :attr:`_Matcher.place_opening`). Offsets stay as they are in ``text``."""
    # Only the few hyphens before a capital are looked at, not every place of a long text.
    hyphens = [
        hyphen.start()
        for hyphen in _HYPHEN_BEFORE_A_CAPITAL.finditer(text)
        if matcher.place_ending.search(
            text, max(0, hyphen.start() - matcher.longest_place), hyphen.start()
        )
        and matcher.place_opening.match(text, hyphen.end())
    ]
    if not hyphens:
        return text
    characters = list(text)
    for at in hyphens:
        characters[at] = "–"
    return "".join(characters)


def _an_office_within_a_ministry(text: str, start: int, end: int) -> bool:
    """Whether the name ``text`` writes from ``start`` to ``end`` is the office of a title
    within a ministry named after it: "el subsecretario de Industria y Comercio de la
    Secretaría de Economía", "the Undersecretary for Trade of the Ministry of Economy"."""
    return (
        _OF_A_MINISTRY_AFTER.match(text, end) is not None
        and _OFFICE_TITLE_BEFORE.search(text, max(0, start - 40), start) is not None
    )


_ANOTHER_NATIONALITY_BEFORE = re.compile(rf"\b(?:the\s+)?(?:{_OTHER_NATIONALITIES})\s+$")
_OWNER_BEFORE = re.compile(r"(?P<owner>[A-Z][\w]*(?:\s+[A-Z]\w*){0,2})['’]s\s+$")
_OF_A_PLACE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")
_A_CAPITALISED_WORD = re.compile(r"[A-ZÁÉÍÓÚÑ]\w*")
_MORE_OF_ITS_NAME = re.compile(r"(?:,\s+[A-Z]\w+)+,?\s+and\s+[A-Z]\w+")
"""What may be the rest of a ministry's name, which the words before it would leave cut:
"Ministry of Economy, Trade and Industry"; when each word names an area ministries are for, not
names listed after it ("…, Toyota and Honda")."""


def _all_areas(words: Iterable[str]) -> bool:
    """Whether each of ``words`` names an area ministries are for: "Trade", "Industria"."""
    return all(fold_search(word) in _MINISTRY_AREAS for word in words)


def _another_countrys(
    text: str, matcher: _Matcher, start: int, end: int
) -> tuple[int, int, str] | None:
    """Where a ministry of another country than Mexico is, and its name, when the words from
    ``start`` to ``end`` that name a Mexican one in English are said to be another's: by a
    nationality ("the Japanese Ministry of Economy"), an owner that is a known place but Mexico
    ("Japan's Ministry of Economy"), or such a place after it ("the Ministry of Economy of South
    Korea"). None when they are Mexico's."""

    def a_place_but_mexico(words: str) -> bool:
        group, name = matcher.group_of.get(" ".join(words.split()), ("", ""))
        return group == "places" and name not in ("Mexico", "México")

    more = _MORE_OF_ITS_NAME.match(text, end)
    until = more.end() if more and _all_areas(_A_CAPITALISED_WORD.findall(more.group())) else end
    before = text[max(0, start - 40) : start]
    nationality = _ANOTHER_NATIONALITY_BEFORE.search(before)
    if nationality is not None:
        opens = start - len(before) + nationality.start()
        written = text[opens:until]
        return opens, until, " ".join(written.removeprefix("the ").split())
    owner = _OWNER_BEFORE.search(before)
    if owner is not None and a_place_but_mexico(owner["owner"]):
        return start, until, " ".join(text[start - len(before) + owner.start() : until].split())
    after = _OF_A_PLACE_AFTER.match(text, until)
    if after is not None:
        words = after["place"].split()
        for count in range(len(words), 0, -1):
            if a_place_but_mexico(" ".join(words[:count])):
                place_end = after.start("place") + len(" ".join(words[:count]))
                return start, until, " ".join(text[start:place_end].split())
    return None


def _of_a_state(text: str, matcher: _Matcher, start: int, end: int) -> tuple[int, int] | None:
    """Where the name of a state's ministry is, when the ministry ``text`` names from ``start``
    to ``end`` is a state's, by the words after it ("Secretaría de Economía del estado") or
    before it ("Nuevo León's Ministry of Economy"); None when it is the federal one."""
    after = matcher.of_a_state_after.match(text, end)
    if after is not None:
        return start, after.end()
    before = matcher.of_a_state_before.search(text, max(0, start - 60), start)
    if before is not None:
        return before.start(), end
    return None


def _ministries_joined(
    text: str, matcher: _Matcher
) -> Iterable[tuple[int, int, list[tuple[int, str]]]]:
    """Each list of ministries ``text`` names by one plural: where it is, and each ministry's
    name written as it is alone, with where it is first named: "las secretarías de Economía y
    de Relaciones Exteriores" names "Secretaría de Economía" and "Secretaría de Relaciones
    Exteriores"."""
    for joined in _MINISTRIES_JOINED.finditer(text):
        offices = list(
            _MINISTRY_IN_A_LIST.finditer(text, joined.start("offices"), joined.end("offices"))
        )
        if any(matcher.group_of.get(office["office"], ("",))[0] == "places" for office in offices):
            continue  # no ministries but places' departments: "the departments of Sonora and"
        # The list ends before a name that is no ministry's office: "las secretarías de
        # Economía y de Hacienda, Marcelo Ebrard y Edgar Amador", "and Foreign Affairs and Pemex".
        listed = 1
        while listed < len(offices) and _a_ministrys_office(offices[listed], matcher):
            listed += 1
        offices = offices[:listed]
        ministries = _ministries_of_offices(text, matcher, joined["plural"], offices)
        if ministries:
            # The first is named from its plural.
            ministries[0] = (joined.start(), ministries[0][1])
        yield joined.start(), offices[-1].end(), ministries


def _a_ministrys_office(office: re.Match[str], matcher: _Matcher) -> bool:
    """Whether ``office``, listed after a ministry's, is another ministry's: written with its
    own "de" or "of", or naming an area ministries are for ("y Hacienda", "and Foreign
    Affairs"); not a name the gazetteer knows for anything else ("and Pemex")."""
    names_an_area = any(word in _MINISTRY_AREAS for word in fold_search(office["office"]).split())
    if office["office"] in matcher.group_of and not names_an_area:
        return False
    return bool(office["of"]) or names_an_area


def _ministries_of_offices(
    text: str, matcher: _Matcher, plural: str, offices: list[re.Match[str]]
) -> list[tuple[int, str]]:
    """The name of each ministry that ``plural`` and the ``offices`` listed after it name, with
    where its office starts. Offices the gazetteer knows as one ministry's are one: "las
    secretarías de Hacienda y Crédito Público y de Economía" names two; the ministries in
    general are none: "las secretarías de Estado y de Relaciones Exteriores" names one."""
    singular = _MINISTRIES[plural.lower()]
    # An office with no preposition of its own has the language's: "de Economía y Turismo".
    plain_of = "of" if offices[0]["of"].startswith("of") else "de"

    def ministry(first: int, last: int) -> str:
        """The name of the ministry of the offices from ``first`` to ``last``."""
        words = text[offices[first].start("office") : offices[last].end("office")]
        return f"{singular} {offices[first]['of'] or plain_of} {' '.join(words.split())}"

    ministries = []
    first = 0
    while first < len(offices):
        last = first
        for until in range(first + 1, len(offices)):
            if offices[until]["of"]:
                break  # "y de" opens another ministry
            if ministry(first, until) in matcher.group_of:
                last = until
        if ministry(first, last) not in _MINISTRIES_IN_GENERAL:
            ministries.append((offices[first].start(), ministry(first, last)))
        first = last + 1
    return ministries


def _state_ministrys_name(
    text: str,
    matcher: _Matcher,
    where: tuple[int, int],
    ministry: str,
    start: int,
    end: int,
    states: list[tuple[int, int, str]],
    around: _SentencesAround,
) -> str:
    """The name of the state's ministry ``ministry``, which ``text`` names at ``where``, its
    ministry's words from ``start`` to ``end`` (those of one ministry, or of several that one
    plural names: "las secretarías de Economía y de Turismo del estado"): as written, whole
    ("Secretaría de Economía de Nuevo León"), or, when it does not say which state ("del
    estado", "the state Ministry of Economy"), with the one Mexican state its sentence and the
    article's dateline name, if they name one only ("Secretaría de Economía de Coahuila");
    ``states`` are where the text names states."""
    ministry = " ".join(ministry.split())
    # With its capital, as a name is listed: "la secretaría de Economía de Coahuila".
    ministry = ministry[0].upper() + ministry[1:]
    around_it = f"{text[where[0] : start]} {ministry} {text[end : where[1]]}"
    written = _POSSESSIVE_MARK.sub("", " ".join(around_it.split()))
    if matcher.state.search(text, *where):
        return written
    spans = around.of(start)
    named = {
        name
        for state_start, _, name in states
        if name in _MEXICAN_STATES and any(a <= state_start < b for a, b in spans)
    }
    if len(named) != 1:
        return written
    (state,) = named
    if where[0] < start:
        return f"{state} {ministry}"  # as "Nuevo León's Ministry of Economy" is listed
    return f"{ministry} {'of' if text[end : where[1]].split()[0] == 'of' else 'de'} {state}"


class _SentencesAround:
    """Where a text's sentences and its dateline are, found once for all that asks."""

    def __init__(self, text: str) -> None:
        found = sentences(text)
        self._starts = [sentence.start for sentence in found]
        self._spans = [(sentence.start, sentence.end) for sentence in found]
        self._dateline = dateline_span(text)

    def of(self, at: int) -> list[tuple[int, int]]:
        """Where the sentence holding offset ``at`` is, and the dateline, those there are."""
        spans = [self._dateline] if self._dateline else []
        index = bisect.bisect_right(self._starts, at) - 1
        if index >= 0 and self._spans[index][0] <= at < self._spans[index][1]:
            spans.append(self._spans[index])
        return spans


_GROUP_WORD_ENDING = re.compile(r"\s+(?:Group|Corporation|Company)$")
"""What a company's name may end with and be the company still: "LEGO Group"."""


def _drop_known_within(
    found: dict[str, dict[str, int]],
    known: Iterable[re.Match[str]],
    matcher: _Matcher,
    spans: list[tuple[int, int]],
) -> None:
    """Take out of the organizations and places ``found`` each known one whose every match of
    ``known`` lies within one of ``spans``, the names of companies of their own that open with
    a known company's, perhaps ending with where they are ("LG Chem", "Toyota Tsusho México")."""
    if not spans:
        return
    outside: dict[tuple[str, str], bool] = {}
    for match in known:
        group, name = matcher.group_of.get(match.group(), ("", ""))
        if group in ("organizations", "places"):
            within = any(start <= match.start() < end for start, end in spans)
            outside[group, name] = outside.get((group, name), False) or not within
    for (group, name), named_alone in outside.items():
        if not named_alone:
            found[group].pop(name, None)


def _listed_apart(
    names: Iterable[tuple[int, int, str]], org_starts: set[int]
) -> Iterable[tuple[int, int, str, int]]:
    """``names``, each a run of capitalised names, parted where "y" or "and" comes before a
    known organization ("LG Chem y Hyundai Mobis" names two), each part with where its run
    ends, which what the names are said to do follows ("… evalúan ampliar")."""
    for start, end, name in names:
        last = 0
        for conjunction in _CONJUNCTION.finditer(name):
            if start + conjunction.end() in org_starts:
                yield (
                    start + last,
                    start + conjunction.start(),
                    name[last : conjunction.start()],
                    end,
                )
                last = conjunction.end()
        yield start + last, end, name[last:], end


def _a_known_companys_own(
    matcher: _Matcher,
    taken: bytearray,
    reading: _Reading,
    start: int,
    name: str,
    list_end: int,
) -> bool:
    """Whether the name ``name``, at ``start``, is a company of its own whose name opens with a
    known organization's, as the text says a company is or does ("Hyundai Mobis invertirá",
    "la empresa surcoreana Hyundai Mobis", "LG Chem said", "LG Chem y Hyundai Mobis evalúan",
    the list ending at ``list_end``): the words after the known name are not a name alone
    ("Mobis"), nor the known company ("LG" is LG Electronics)."""
    text = reading.text
    rest = _own_words_start(text, matcher, taken, start, name)
    if rest is None:
        return False
    if reading.titled(rest, text[rest : start + len(name)]) is not None:
        return False  # one of its people: "General Motors Chief Executive Mary Barra said"
    return _said_a_company(text, start, name) or _DOES_BUSINESS.match(text, list_end) is not None


def _own_words_start(
    text: str, matcher: _Matcher, taken: bytearray, start: int, name: str
) -> int | None:
    """Where the words of the name ``name``, at ``start``, that are its own start, when it opens
    with a known organization's name and goes on with words of no known name: "Tsusho" of
    "Toyota Tsusho México" and of "Toyota Tsusho Corp". None when the words after the known
    name are only where it is ("General Motors de México", "Kia México": they hold a known
    name), its legal form ("Foxconn Mexico, LLC") or an organization's word ("Toyota
    Foundation"): the known company, or one of its own that goes by its name."""
    words = name.split()
    opening = next(
        (
            count
            for count in range(len(words) - 1, 0, -1)
            if " ".join(words[:count]) in matcher.group_of
        ),
        None,
    )
    if opening is None or matcher.group_of[" ".join(words[:opening])][0] != "organizations":
        return None
    rest = text.index(words[opening], start)
    end = start + len(_LEGAL_FORM_ENDING.sub("", name).rstrip(", "))
    # A known place may end it, as where the company is: "Toyota Tsusho México abrió".
    for known in matcher.known.finditer(text, rest, end) if matcher.known else ():
        if known.end() != end or matcher.group_of[known.group()][0] != "places":
            return None
        end = known.start()
    own_words = [
        word
        for word in text[rest:end].split()
        if word not in ("de", "of") and word.strip(".,") not in ORGANIZATION_WORDS
    ]
    if not own_words or any(taken[rest:end]):
        return None  # a known company where it is: "Kia México" is Kia
    return rest


def _stands_for_known(text: str, matcher: _Matcher, own: set[str], name: str, end: int) -> bool:
    """Whether the organization ``name``, ending at ``end``, is the text's own way of writing a
    known one: written before the known one's abbreviation in brackets ("Bank of México
    (Banxico)", "Economy Ministry (SE)"), or so written earlier, or in brackets after the known
    one's name ("Secretaría de Economía (SECON)"). Such names are gathered in ``own``, for
    where the text writes them again on their own."""
    if name in own:
        return True
    abbreviation = _ABBREVIATION_AFTER.match(text, end)
    if abbreviation is None:
        return False
    group, known = matcher.group_of.get(abbreviation["abbreviation"], ("", ""))
    if group == "organizations" and _written_alike(matcher, name, known):
        own.add(name)
    return name in own


def _written_alike(matcher: _Matcher, name: str, known: str) -> bool:
    """Whether ``name`` shares a word with a way the gazetteer writes the organization
    ``known``: "Bank of México" with "Bank of Mexico" (Banxico), "Economy Ministry" with
    "Ministry of Economy" (SE); not "Motional Group" with Hyundai, its owner in brackets."""
    words = _significant_words(name)
    return any(
        words & _significant_words(written)
        for written, (group, entry) in matcher.group_of.items()
        if group == "organizations" and entry == known
    )


def _significant_words(name: str) -> set[str]:
    """The words of ``name`` but its connectors, folded, a plural's final s left out: the
    "Asociación de Maquiladoras" (Index) shares "maquiladora" with the Industria Maquiladora's
    council, INDEX."""
    return {
        word[:-1] if len(word) > 3 and word.endswith("s") else word
        for word in fold_search(name).split()
        if word not in _CONNECTORS
    }


def _abbreviated_after(text: str, end: int, name: str) -> str | None:
    """The abbreviation ``text`` writes in brackets right after ``name``, which ends at ``end``,
    when it is made of the beginnings of the name's capitalised words, in order, a letter or
    more of each: "CDEM" of "Consejo de Desarrollo Económico de Mexicali", "Pemex" of "Petróleos
    Mexicanos", of a company's name with its legal form or without: "GIS" of "Grupo Industrial
    Saltillo, S.A.B. de C.V."; else None."""
    after = _ABBREVIATION_AFTER.match(text, end)
    if after is None:
        return None
    letters = fold_search(after["abbreviation"].replace(".", ""))
    for named in dict.fromkeys((name, _LEGAL_FORM_ENDING.sub("", name).rstrip(", "))):
        words = [fold_search(word.replace(".", "")) for word in named.split() if word[0].isupper()]
        if len(words) > 1 and _begins(letters, words):
            return after["abbreviation"]
    return None


def _begins(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are the beginnings of ``words``, in order, a letter or more of each."""
    if not words:
        return not letters
    first, rest = words[0], words[1:]
    return any(
        letters[:length] == first[:length] and _begins(letters[length:], rest)
        for length in range(1, min(len(first), len(letters) - len(rest)) + 1)
    )


def _abbreviations_of(text: str, organizations: Iterable[str]) -> set[str]:
    """Of ``organizations``, those ``text`` writes in brackets after another of them as the
    abbreviation of its words (:func:`_abbreviated_after`)."""
    listed = set(organizations)
    abbreviations = set()
    # From each listed name in brackets to the name before it: one pass over the text, however
    # many names are listed.
    for bracketed in _ABBREVIATION_AFTER.finditer(text):
        abbreviation = bracketed["abbreviation"]
        if abbreviation not in listed or abbreviation in abbreviations:
            continue
        before = bracketed.start()
        for name in listed:
            if (
                name != abbreviation
                and text.endswith(name, 0, before)
                and (before == len(name) or not text[before - len(name) - 1].isalnum())
                and _abbreviated_after(text, before, name) == abbreviation
            ):
                abbreviations.add(abbreviation)
                break
    return abbreviations


def _short_names_of_legal_ones(organizations: Iterable[str], known: set[str]) -> dict[str, str]:
    """Of ``organizations``, each that names, without a legal form, the company another names
    with one, and is no name the gazetteer gives (``known``) → that legal name: "Ternium" and
    "Ternium México" → "Ternium México, S.A. de C.V.", the company a facet counts them as
    (``tui.core.search.known_name``). "Grupo Lamosa" shares a word with "Grupo México, S.A.B.
    de C.V." but is another company."""
    listed = list(organizations)
    legal_names: dict[str, str] = {}
    for name in listed:
        if _ends_in_a_legal_form(name):
            legal_names.setdefault(_company_counted(name), name)
    return {
        name: legal_names[company]
        for name in listed
        if name not in known
        and not _ends_in_a_legal_form(name)
        and (company := _company_counted(name)) in legal_names
    }


def _company_counted(name: str) -> str:
    """The company a facet counts the organization ``name`` as, folded."""
    return known_name("organization", fold_search(name).strip())


def _dateline_places(
    text: str, taken: bytearray, place_starts: set[int]
) -> Iterable[tuple[int, int, str]]:
    """The places of the datelines in capitals opening lines of ``text`` that the gazetteer does
    not know, as names are written ("RAMOS ARIZPE" is Ramos Arizpe), with where each is.

    A region after a comma must be a known place or shortened as a state is ("Coah.", "N.L."):
    capitals, a comma and a name before a date may be a list ("ACME, Ford — March 3, 2024 —")."""
    for line in re.finditer(r"[^\n]+", text):
        opening = dateline_place(line.group())
        if opening is None:
            continue
        start, end = line.start() + opening.start("place"), line.start() + opening.end("place")
        if any(taken[start:end]):
            continue
        if opening["region"] and line.start() + opening.start("region") not in place_starts:
            continue
        yield start, end, _as_names_are_written(opening["place"])


def _as_names_are_written(capitals: str) -> str:
    """A place's name in capitals as it is written otherwise: "SAN NICOLÁS DE LOS GARZA" is San
    Nicolás de los Garza."""
    words = capitals.split()
    return " ".join(
        word.lower()
        if index and word.lower() in _PLACE_PARTICLES
        else "-".join(part.capitalize() for part in word.split("-"))
        for index, word in enumerate(words)
    )


def _cities_before_states(
    text: str, taken: bytearray, states: list[tuple[int, int, str]]
) -> Iterable[tuple[int, int, str]]:
    """The cities the gazetteer does not know that ``text`` names before their state and a comma
    ("Silao, Guanajuato", "Salinas Victoria, N.L."), with where each is; ``states`` are where
    the text names a state."""
    for state_start, state_end, _ in states:
        if not _ends_a_citys_state(text, state_end):
            continue
        line_start = text.rfind("\n", 0, state_start) + 1
        match = _CITY_BEFORE_STATE.search(text, max(line_start, state_start - 80), state_start)
        if match is None:
            continue
        words = list(re.finditer(r"\S+", match["city"]))
        # The city starts after a known name, a word a sentence opens with or a title: "en
        # Silao", "General Motors Silao", "Mayor".
        kept = 0
        for index, word in enumerate(words):
            at = match.start("city") + word.start()
            if (
                any(taken[at : at + len(word.group())])
                or word.group() in _NOT_NAMES
                or word.group() in _TITLE_WORDS
            ):
                kept = index + 1
        while kept < len(words) and words[kept].group() in _CONNECTORS:
            kept += 1
        if kept == len(words) or any(word.group() in ORGANIZATION_WORDS for word in words):
            continue  # "La Cámara de Comercio de Silao, Guanajuato" names who, not where
        start = match.start("city") + words[kept].start()
        end = match.end("city")
        name = text[start:end]
        if _PERSON_TITLES.search(text, max(0, start - 80), start):
            continue  # a person after a title: "Governor Greg Abbott, Texas"
        if " " not in name and _opens_sentence(text, start) and _ADVERB.search(name):
            continue
        yield start, end, name


def _a_citys_state(text: str, start: int, end: int, known_place_ends: set[int]) -> bool:
    """Whether the state ``text`` names from ``start`` to ``end`` is a city's, written after it
    and a comma ("Redmond, Washington,"): after a place the gazetteer knows, it is one of a list
    of places ("Mexico City, Washington and Ottawa"); ``known_place_ends`` are where those
    end."""
    if not _ends_a_citys_state(text, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    city = _CITY_BEFORE_STATE.search(text, max(line_start, start - 80), start)
    return city is not None and city.end("city") not in known_place_ends


def _ends_a_citys_state(text: str, state_end: int) -> bool:
    """Whether the state named up to ``state_end`` is told by what follows it to be a city's,
    named before it and a comma."""
    shortened = text[state_end - 1] == "."  # "Santa Catarina, N.L. is on hold"
    return shortened or _AFTER_A_CITYS_STATE.match(text, state_end) is not None


def _in_another_state(
    text: str, gazetteer: Gazetteer, city: re.Match[str], name: str, place_starts: set[int]
) -> str | None:
    """The place the known city ``name``, written as ``city``, is where the text writes it before
    a state other than the city's and a comma: "Juárez, Nuevo León" is no Ciudad Juárez
    (Chihuahua) but a town of Nuevo León's, listed as the city and state the text names, lest
    the name alone be read as the known city's. None where the state is the city's, or none is
    named; ``place_starts`` are where the text names known places, as a list of places goes on
    ("Tijuana, Sonora y Chihuahua")."""
    matcher = gazetteer.matcher
    comma = _COMMA.match(text, city.end())
    state = matcher.state.match(text, comma.end()) if comma else None
    if state is None or not _ends_a_citys_state(text, state.end()):
        return None
    state_name = matcher.group_of[state.group()][1]
    citys_state = gazetteer.states[name]
    if state_name == gazetteer.names.get("places", {}).get(citys_state, citys_state):
        return None
    next_in_list = _NEXT_IN_A_LIST.match(text, state.end())
    if next_in_list is not None and next_in_list.end() in place_starts:
        return None
    written = city.group()
    return f"{_as_names_are_written(written) if written.isupper() else written}, {state_name}"


def _all_known(text: str, taken: bytearray, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a known name, or known names joined by a possessive:
    "Mexico's Ministry of Economy" is Mexico and its ministry, not a third name; or a known name
    after "Mexican", the country the gazetteer's ministries are of: "the Mexican Ministry of
    Economy" is SE; or a known company with its legal form: "Ford Motor Company, S.A. de C.V."
    is Ford; or known names listed: "the Ministry of Economy and Toyota" are SE and Toyota.
    (Known names side by side may be one more: "Mexicali Business Coordinating Council".)"""
    pairs = zip(text[start:end], taken[start:end], strict=True)
    rest = "".join(char for char, flag in pairs if not flag)
    joined = _CONJUNCTION.sub(" ", _MEXICAN.sub("", _POSSESSIVE_MARK.sub("", rest)))
    return not rest or (joined != rest and not joined.strip()) or _a_legal_form_alone(rest)


_CONJUNCTION = re.compile(r" (?:y|e|and) ")


def _legal_names_apart(
    text: str, known_ends: set[int], names: Iterable[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``names``, each a run of capitalised names of ``text``, with a company's legal name
    parted from a known name joined to it by "y" or "and", which is not of it: "General Motors
    y Kia Motors México, S.A. de C.V." names Kia's company after General Motors ("Servicios y
    Soluciones, S.A. de C.V." is one name). ``known_ends`` are where known names end."""
    parted = []
    for start, end, name in names:
        if _ends_in_a_legal_form(name):
            for conjunction in _CONJUNCTION.finditer(name):
                if start + conjunction.start() in known_ends:
                    start, name = start + conjunction.end(), name[conjunction.end() :]
        parted.append((start, end, name))
    return parted


class _LegalNames:
    """Where companies' legal names are in a text, and how long the name before each one's legal
    form is."""

    def __init__(self, spans: Iterable[tuple[int, int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _, _ in self._spans]

    def holds_in_its_name(self, start: int, end: int) -> bool:
        """Whether the known name from ``start`` to ``end`` is within a company's legal name, and
        not all of the name before its legal form: "Texas" of "Tesla Texas, Inc.", not of
        "Texas AG", where it may be the state's attorney general."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0:
            return False
        company_start, company_end, name_length = self._spans[index]
        whole = start == company_start and end >= company_start + name_length
        return end <= company_end and not whole


def _in_heading(text: str, at: int) -> bool:
    """Whether the line of ``text`` holding offset ``at`` is in capitals, as a heading may be."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return _is_heading(text[start : end if end >= 0 else len(text)])


def _is_heading(line: str) -> bool:
    """Whether ``line`` is in capitals (it has no lowercase letter), as a heading may be."""
    return not any(char.islower() for char in line)


def _capitalised_names(text: str, said: str | None = None) -> Iterable[tuple[int, int, str]]:
    """Runs of capitalised words (with "de", "of" and the like between them) and acronyms.

    What a name of one word is said to do is read in ``said``, the text before its known names
    were blanked out (``text`` itself if not given): "Foxconn's investment" names a topic."""
    said = text if said is None else said
    for line in re.finditer(r"[^\n]+", text):
        if _is_heading(line.group()):
            # A line in capitals (a heading): a name cannot be told from the words around it.
            # The known names it holds were found as such.
            continue
        words = list(_WORD.finditer(line.group()))
        index = 0
        while index < len(words):
            run = _run_from(words, index)
            if not run:
                index += 1
                continue
            first, last = words[run[0]], words[run[-1]]
            written = line.group()[first.start() : last.end()]
            name = written.rstrip(".-")
            stop = written[len(name) :].startswith(".")
            if stop and (_abbreviated(name.split()[-1]) or _DOUBLED_LETTERS_ENDING.search(name)):
                # Its own, whatever ends the sentence: "Tesla Inc.", "S.A.B. de C.V.", "Gobierno
                # de EE. UU.".
                name += "."
            if _CURRENCY_SIGN.match(line.group(), last.end()):
                name = ""  # a currency: "US$145 million", "US $50", "MX$17"
            capitals = [words[i].group() for i in run if words[i].group()[0].isupper()]
            if name and len(capitals) == 1:
                # One word is a name only for what it is said to do or be: a company investing;
                # an acronym is one as it is ("FINSA's director").
                name = _POSSESSIVE.sub("", name)
                acronym = _is_acronym(name)
                if not acronym and not _said_a_company(said, line.start() + first.start(), name):
                    name = ""
            if name:
                yield line.start() + first.start(), line.start() + first.start() + len(name), name
            index = run[-1] + 1


_DOUBLED_LETTERS_ENDING = re.compile(r"(?<!\S)(?:([A-ZÁÉÍÓÚÑ])\1\.\s?)+([A-ZÁÉÍÓÚÑ])\2\Z")
"""A plural abbreviated as Spanish does, each letter doubled, ending a name without its last stop:
"EE. UU" (Estados Unidos), "FF. CC"; the stop is the abbreviation's, even where it ends the
sentence too."""


def _said_a_company(text: str, start: int, name: str) -> bool:
    """Whether ``text`` says the name ``name``, at ``start``, is a company's: by what it does
    right after it ("Moog invertirá") or by what it is said to be before it ("la empresa
    estadounidense Moog")."""
    return (
        _COMPANY_ACTION.match(text, start + len(name)) is not None
        or _COMPANY_BEFORE.search(text, max(0, start - 60), start) is not None
        or _COMPANY_AFTER.match(text, start + len(name)) is not None
    )


def _abbreviated(word: str) -> bool:
    """Whether ``word``, its last period taken off, is written with one: letters with periods
    between ("C.V", "S.A.B"), a capital alone ("V" of "C. V.") or a legal form ("Inc"), which
    keeps a period ending a sentence as its own: "Tesla Inc."."""
    return (
        "." in word
        or (len(word) == 1 and word.isupper())
        or _LEGAL_FORM_OPENING.fullmatch(f"{word}.") is not None
    )


def _run_from(words: list[re.Match[str]], index: int) -> list[int]:
    """The indexes of the name starting at ``words[index]``, or none."""
    word = words[index].group()
    # "Monday's investment" is no more a name than "Monday".
    if not word[0].isupper() or _POSSESSIVE.sub("", word).rstrip(".") in _NOT_NAMES:
        return []
    run = [index]
    at = index + 1
    while at < len(words):
        if words[at - 1].group().endswith("-"):
            break  # a dash after a word ends the name: "MONTERREY, N.L.- Tesla pospuso"
        if _ends_a_sentence(words[at - 1].group()):
            break  # "Exports go to Texas. Canada's Ministry …" names Texas, then Canada's
        if _a_citys_state_shortened(words, at - 1):
            break  # "Monterrey, NL. Kia Motors México, S.A. de C.V. anunció" names Kia's company
        nxt = words[at].group()
        # A capital and its stop is an initial or part of an abbreviation ("S. A."), not "A".
        initial = len(nxt) == 2 and nxt[1] == "."
        if nxt[0].isupper() and (initial or nxt.rstrip(".") not in _NOT_NAMES):
            run.append(at)
            at += 1
            continue
        of_a_ministry = any(words[i].group() in _MINISTRY_WORDS for i in run)
        listed = _areas_after(words, at) if of_a_ministry else None
        if listed is not None:
            # A ministry's name lists the areas it is for: "Ministerio de Comercio, Industria y
            # Energía de Corea del Sur".
            run.extend(range(at, listed))
            at = listed
            continue
        if nxt == "," and _opens_a_legal_form(words, at + 1):
            # A company's legal form after a comma is its name's: "Luxshare Precision Industry
            # Co., Ltd.", "Aceros del Norte, S. A. de C. V.", "Kia Motors México, S. de R.L. de
            # C.V.".
            run.extend((at, at + 1))
            at += 2
            continue
        if nxt in _CONNECTORS and at + 1 < len(words) and not words[at - 1].group().endswith("-"):
            after = words[at + 1].group()
            if (nxt, after) in _TWO_WORD_PARTICLES and at + 2 < len(words):
                # A name's "de la", "de los": "Rogelio Ramírez de la O", "Ana de la Garza".
                last = words[at + 2].group()
                # "Juan Pérez de la Secretaría de Economía" is a person, then where they work;
                # "Industria y Servicios de la Secretaría", an office, then its ministry.
                joins_an_organization = last in _GOVERNMENT_WORDS or (
                    last in ORGANIZATION_WORDS
                    and not any(words[i].group() in ORGANIZATION_WORDS for i in run)
                )
                if last[0].isupper() and last not in _TITLE_WORDS and not joins_an_organization:
                    run.extend((at, at + 1, at + 2))
                    at += 3
                    continue
            if (
                nxt == "y"
                and after == "del"
                and words[at - 2].group() == "del"
                and at + 2 < len(words)
                and words[at + 2].group()[0].isupper()
                and any(words[i].group() in ORGANIZATION_WORDS for i in run)
            ):
                # An organization's name joins what it is of, the same way twice: "Cámara
                # Nacional de la Industria del Hierro y del Acero"; not "Secretaría de Hacienda y
                # de Banxico", two of them.
                run.extend((at, at + 1, at + 2))
                at += 3
                continue
            # "Mayor Karen Bass and Secretary Antony Blinken" are two names, and so are "Tesla
            # Inc. y GM": a company's legal form ends its name, and an acronym is one of its own.
            two_names = nxt in _AND and (_ends_a_legal_form(words[at - 1]) or _is_acronym(after))
            if (
                after[0].isupper()
                and after not in _NOT_NAMES
                and after not in _TITLE_WORDS
                and not two_names
            ):
                run.extend((at, at + 1))
                at += 2
                continue
        break
    return run


def _areas_after(words: list[re.Match[str]], at: int) -> int | None:
    """Where a list of the areas a ministry is for that starts with a comma at ``words[at]``
    ends (", Industria y Energía", ", Trade and Industry"), if one does; not a list of other
    names (", Pemex y CFE")."""
    areas: list[str] = []
    while at + 1 < len(words) and words[at].group() in (",", *_AND):
        if words[at].group() == "," and at + 2 < len(words) and words[at + 1].group() in _AND:
            at += 1  # the comma before the last: ", Trade, and Industry"
        area = words[at + 1].group()
        if not area[0].isupper():
            return None
        areas.append(area)
        at += 2
        if words[at - 2].group() in _AND:
            return at if len(areas) > 1 and _all_areas(areas) else None
    return None


def _ends_a_sentence(word: str) -> bool:
    """Whether ``word``, its full stop and all, ends a sentence: a word of four letters or more
    before it ("Texas."), unlike an abbreviation within a name ("S.A.", "Inc.", "Sr.", a capital
    alone)."""
    stem = word[:-1]
    return (
        word.endswith(".")
        and len(stem) >= 4
        and stem.isalpha()
        and not _abbreviated(stem)
        and stem not in _SHORTENED_NAMES
        and stem not in ORGANIZATION_WORDS
    )


_STATE_SHORTENED = re.compile(STATE_SHORTENED)


def _a_citys_state_shortened(words: list[re.Match[str]], at: int) -> bool:
    """Whether ``words[at]`` is a Mexican state shortened with its stop after a comma, as a
    dateline writes a city's ("Monterrey, NL.", "Apodaca, N.L."): the stop of one of two
    letters or three is short of a sentence's, yet it ends the city's place, and the name after
    it is another's."""
    return (
        at > 0
        and words[at - 1].group() == ","
        and _STATE_SHORTENED.fullmatch(words[at].group()) is not None
    )


_SHORTENED_NAMES = frozenset(("Gral", "Dept", "Dpto", "Assn", "Univ", "Mpio", "Intl", "Ltda"))
"""Words of a name shortened with a full stop, as long as a word: "Gral. Motors", "Dept. of
Commerce"."""


def _opens_a_legal_form(words: list[re.Match[str]], at: int) -> bool:
    """Whether a company's legal form starts at ``words[at]``: "Ltd.", "S.A.", "S. A.", "SA de
    CV", "S. de R.L. de C.V."."""
    if at >= len(words):
        return False
    return _LEGAL_FORM_OPENING.match(words[at].string, words[at].start()) is not None


def _after_a_name(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` after a given name, as a surname ("said Marcelo Ebrard"):
    a capitalised word in mid-sentence, not one a sentence opens with ("Pero Tesla") or a title."""
    return any(
        _after_a_given_name(text, match.start())
        for match in re.finditer(rf"{re.escape(word)}(?!\w)", text)
    )


_GIVEN_NAME_BEFORE = re.compile(r"([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+) \Z")


def _after_a_given_name(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a capitalised word in mid-sentence, as a surname
    follows a given name ("Carlos León"), the word not one a sentence opens with or a title."""
    before = _GIVEN_NAME_BEFORE.search(text, max(0, start - 40), start)
    if before is None or before.group(1) in _NOT_NAMES or before.group(1) in _TITLE_WORDS:
        return False
    return not _opens_sentence(text, before.start())


def _written_as_a_name(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word``, with its capital, twice, or once where a sentence does
    not start: as a name is written, not as the first word of a sentence."""
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    return len(starts) > 1 or any(not _opens_sentence(text, start) for start in starts)


def _acts_as_one(text: str, word: str) -> bool:
    """Whether ``text`` says ``word`` does what a company does as one does: in a form said of one
    only ("Foxconn invierte", "Tesla's plant"), or in one said of many too ("will invest") after
    a word that is no plural ("Companies") nor the pronoun "I"; or says it is one, after a comma
    ("Corvane, una empresa estadounidense")."""
    if len(word) < 2:
        return False
    for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
        action = _COMPANY_ACTION.match(text, match.end())
        if action and (action["one"] or not _PLURAL.search(word)):
            return True
        if _COMPANY_AFTER.match(text, match.end()):
            return True  # "Corvane, una empresa estadounidense"
    return False


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a sentence opens at ``start``: only spaces between it and the start of the text, a
    line break or a sentence's mark. Walked back, not sliced: a long article is not copied."""
    before = start
    while before > 0 and text[before - 1] == " ":
        before -= 1
    return before == 0 or text[before - 1] in "\n.!?:;\"“”«»'(-—–"


def _introduced(text: str, acronym: str) -> bool:
    """Whether ``text`` introduces ``acronym`` as one, in brackets after the name it stands for:
    "Banco Interamericano de Desarrollo (BID)"."""
    return _is_acronym(acronym) and f"({acronym})" in text


def _is_acronym(word: str) -> bool:
    letters = word.rstrip(".")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


_CAPITALISED_EXECUTIVE = (
    # Each word's first letter, not one of an escape ("\s"), made a capital.
    re.sub(r"(?<![\\\w])[a-z]", lambda letter: letter.group().upper(), _EXECUTIVE_OFFICES)
    # In capitals, "Chief" and "Officer" make a title of any area between them: "Chief Digital
    # Officer"; in small letters only the areas listed do.
    + r"|Chief\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+Officer"
)
_A_FIRMS_OFFICE_AFTER = re.compile(rf"\s+(?:{_CAPITALISED_EXECUTIVE}|{_EXECUTIVES})\b")
"""A firm's executive office written after a name, in capitals or in small letters, that says
the name is the firm's: "Texas Instruments Chief Executive Haviv Ilan", "Texas Instruments chief
executive Haviv Ilan"."""
_TITLES_WITHIN = re.compile(
    rf"(?<!\S)(?:(?:{_CAPITALISED_EXECUTIVE}|{'|'.join(sorted(_TITLE_WORDS))})\.?"
    r"(?:\s+General)?(?:\s+and)?\s+)+"
)
"""Titles in capitals within a run of names, one or more: "Chief Executive", "President and
Chief Executive Officer", "Mayor", "Director General" (in Spanish the title's "general" comes
after it, and is no given name)."""


class _Titled(NamedTuple):
    """Where titles in capitals start in a run of names, after the company or place they are of,
    and where the person holding them starts."""

    titles: int
    holder: int


def _holder_after_a_title(name: str, known: int = 0) -> _Titled | None:
    """Where the titles and the person start in ``name`` when it holds titles in capitals,
    after the company or place they are of, if any, and before a person's name: "Magna Chief
    Executive Seetarama Kotagiri", "Chief Executive Mary Barra", "Puerto Peñasco Mayor Jorge
    Pivac". None when the words after the titles are no name ("President Biden
    Administration"), or those before them hold an office's "of", which may go on past a
    place: "Mayor of Puerto Peñasco Jorge Pivac". The first ``known`` characters of ``name``
    are a known name, whose "de" or "of" is its own: "Banco de México Governor Victoria
    Rodríguez"."""
    for titles in _TITLES_WITHIN.finditer(name, known):
        before = name[known : titles.start()].split()
        if any(word in _CONNECTORS for word in before):
            return None
        if _is_a_name(name[titles.end() :]):
            return _Titled(titles.start(), titles.end())
    return None


def _after_office(name: str) -> int | None:
    """Where the person starts in ``name``, an office and a name ("of Foreign Affairs Marcelo
    Ebrard"), or None when it cannot be told where the office ends (an unknown place)."""
    words = list(re.finditer(r"\S+", name))
    ends = [index for index, word in enumerate(words) if word.group().strip(".,") in _OFFICE_ENDS]
    if not ends or ends[-1] + 1 == len(words):
        return None
    return words[ends[-1] + 1].start()


@dataclass(frozen=True)
class _Reading:
    """What sorting the capitalised names of a text needs to know of it."""

    text: str
    place_ends: set[int]
    """Where each known place the text names ends."""
    small_words: set[str]
    """The words the text writes in small letters somewhere."""
    titled_runs: dict[tuple[int, str], _Titled | None] = field(default_factory=dict)
    """Where the titles in capitals and the person after them start in each run of names read
    for them, by where the run starts and its words: the run after a known company's name
    ("General Motors Chief Executive Mary Barra") is read so as the company's name is, and
    again as the run is sorted."""

    def titled(self, start: int, name: str) -> _Titled | None:
        """Where the titles in capitals and the person after them start in the run of names
        ``name``, at ``start`` (:func:`_holder_after_a_title`); read once for each run."""
        if (start, name) not in self.titled_runs:
            self.titled_runs[start, name] = _holder_after_a_title(name)
        return self.titled_runs[start, name]

    def sort(self, start: int, name: str) -> tuple[str | None, str, int]:
        """The group of ``name``, found at ``start``, with the name and where it starts once a
        title and its office are taken off ("Minister of Foreign Affairs Marcelo Ebrard")."""
        within = self.titled(start, name)
        if within is not None:
            return "people", name[within.holder :], start + within.holder
        titled = False
        # An office may be named before its title, as English does: "Economy Minister Marcelo
        # Ebrard", "Foreign Affairs Secretary".
        words = name.split(" ")
        office = next((at for at, word in enumerate(words) if word not in _OFFICE_WORDS), 0)
        if office and words[office].rstrip(".") in _TITLE_WORDS:
            cut = len(" ".join(words[:office])) + 1
            name, start = name[cut:], start + cut
        while " " in name and name.split(" ", 1)[0].rstrip(".") in _TITLE_WORDS:
            cut = name.index(" ") + 1
            name, start, titled = name[cut:], start + cut, True
        if titled and name.split(" ", 1)[0] in _CONNECTORS:
            holder = _after_office(name)
            if holder is None:
                return None, name, start
            name, start = name[holder:], start + holder
        if name.split()[0].rstrip(".") in _TITLE_WORDS:
            return None, name, start
        if titled and " " not in name:
            # A surname after a title ("Governor Alfaro postponed the vote"): no company, whatever
            # it is said to do, and too little of a person's name to list.
            return None, name, start
        if titled and _is_a_name(name):
            return "people", name, start
        return _group_of(self, start, name), name, start

    def company_before_titles(self, start: int, name: str) -> str | None:
        """The company ``name``, at ``start``, names before titles in capitals and the person
        holding them, when it is told to be one as a name alone would be: "Vexa Components" of
        "Vexa Components Managing Director Ana Ruiz"; not a word said to be nothing
        ("Magna Chief Executive Officer Seetarama Kotagiri") or a place."""
        titled = self.titled(start, name)
        if titled is None or titled.titles == 0:
            return None
        company = name[: titled.titles].rstrip()
        return company if _group_of(self, start, company) == "organizations" else None

    def opens_with_common_word(self, start: int, name: str) -> bool:
        """Whether ``name`` starts a sentence with a word the text also writes in small letters."""
        before = self.text[max(0, start - 3) : start].rstrip(" ")
        opens_sentence = not before or before[-1] in "\n.!?:;\"“”«»'"
        return opens_sentence and name.split(" ", 1)[0].lower() in self.small_words


def _group_of(reading: _Reading, start: int, name: str) -> str | None:
    """Which group a name found by its capitals belongs to, or None when it cannot be told."""
    text = reading.text
    words = name.replace("-", " ").split()
    if _is_generic_group(words) or _is_a_building(words) or _a_legal_form_alone(name):
        return None
    if all(word in _GROUPS_OF_PEOPLE for word in words):
        return None  # people, whatever they are said to do: "Republicans will invest"
    if any(word.strip(".,") in ORGANIZATION_WORDS for word in words) or any(
        _is_acronym(word) for word in words
    ):
        return "organizations"
    if _ends_in_a_legal_form(name):
        return "organizations"  # "Autopartes del Norte S.A. de C.V.": a person has no legal form
    if _abbreviated_after(text, start + len(name), name) is not None:
        return "organizations"  # "Hanwoo Motors (HM)": a person goes by no such abbreviation
    if not _is_a_name(name):
        if all(word in _INDUSTRY_WORDS for word in words if word not in _CONNECTORS):
            return None  # an industry, not a company: "Aerospace Manufacturing will invest"
        if any(word in _COMPANY_NAME_WORDS for word in words):
            return "organizations"  # what a company makes, beside a name: "Vexa Components"
        return "organizations" if _said_a_company(text, start, name) else None
    if _COMPANY_DESCRIBED_BEFORE.search(text, max(0, start - 80), start):
        return "organizations"  # "la empresa estadounidense Corvane Holt", no person
    before_start = max(0, start - 80)
    before = text[before_start:start]
    titled = _PERSON_TITLES.search(before)
    if titled and titled["comma"]:
        # After "Según el secretario de Economía," a clause of its own follows, whose subject
        # holds no title ("Villa Hidalgo atrae inversión"); elsewhere the name is the title's,
        # its closing comma often left out ("El gobernador, Samuel García anunció").
        in_apposition = _APPOSITION_CLOSED.match(text, start + len(name)) is not None
        opened = _CLAUSE_OPENED.search(
            text, max(0, before_start + titled.start() - 60), before_start + titled.start()
        )
        return "people" if in_apposition or opened is None else None
    if titled and (titled["level"] or not titled["office"]):
        return "people"  # the level of government ends the office: "de Economía estatal"
    if titled:
        # Without a comma, the office must be seen to end where the name starts: at a known
        # place ("Vice President of the United States Kamala Harris") or an office's word. After
        # an organization the words may be more of its name ("presidente de Index Zona Costa").
        office_end = before_start + titled.end("office")
        if office_end in reading.place_ends or titled["office"].split()[-1] in _OFFICE_WORDS:
            return "people"
    previous = before.split()[-1:]
    where = bool(previous) and previous[0].lower() in _PLACE_PREPOSITIONS
    if where or not _ROLE_AFTER.match(text, start + len(name)):
        return None
    return "people"


def _ends_in_a_legal_form(name: str) -> bool:
    """Whether ``name`` ends in a company's legal form, written with periods, spaces or neither:
    "Ltd.", "S.A. de C.V.", "S. A. de C. V.", "SA de CV"."""
    return _LEGAL_FORM_ENDING.search(name.rstrip()) is not None


def _ends_a_legal_form(word: re.Match[str]) -> bool:
    """Whether ``word`` ends a company's legal form: "Inc." of "Nexteer Inc.", "CV" of "SA de
    CV"; the longest is some twenty characters, of "S. A. P. I. de C. V."."""
    line, end = word.string, word.end()
    return _LEGAL_FORM_ENDING.search(line, max(0, end - 30), end) is not None


def _a_legal_form_alone(name: str) -> bool:
    """Whether ``name`` is a company's legal form and nothing else: "S.A. de C.V.", "Inc."."""
    return _LEGAL_FORM_ALONE.fullmatch(name) is not None


def _is_a_building(words: list[str]) -> bool:
    """Whether ``words`` name a building: "Palacio de Gobierno", "Government Palace"."""
    if words[0] in _BUILDING_WORDS_ES or words[-1].strip(".,") in _BUILDING_WORDS_EN:
        return True
    return words[0] in _BUILDING_WORDS_EN and len(words) > 1 and words[1] == "of"


def _a_name_word(word: str) -> bool:
    """Whether ``word`` can be a word of a person's name: letters, not in capitals, joined by a
    hyphen only to a part in small letters ("Jae-won"); "Rolls-Royce" is a company's."""
    first, *rest = word.split("-")
    return (
        first.isalpha()
        and not word.isupper()
        and all(part.isalpha() and part.islower() for part in rest)
    )


def _is_generic_group(words: list[str]) -> bool:
    """Whether ``words`` name a group by what it does only: "Grupo de Trabajo"."""
    named = [word.strip(".,") for word in words if word not in _CONNECTORS]
    return any(word in _GROUP_NOUNS for word in named) and all(
        word in _GROUP_NOUNS or word in _GROUP_QUALIFIERS for word in named
    )


def _is_a_name(name: str) -> bool:
    """Whether ``name`` can be a person's: two to four capitalised words of letters (a given name
    may be joined by a hyphen to a part in small letters: "Kim Jae-won"), none an acronym or an
    organisation's word, with only a Spanish name's particles between them."""
    words = name.split()
    capitalised = [word for word in words if word[0].isupper()]
    # A last part of one letter after particles: "Rogelio Ramírez de la O".
    last_letter = len(words) > 2 and len(words[-1]) == 1 and words[-2] in _NAME_PARTICLES
    return (
        2 <= len(capitalised) <= 4
        and words[0][0].isupper()
        and words[-1][0].isupper()
        and all(word in _NAME_PARTICLES for word in words if not word[0].isupper())
        and all(_a_name_word(word) for word in capitalised[: -1 if last_letter else None])
        and not any(word in ORGANIZATION_WORDS for word in capitalised)
        and not any(word in _COMPANY_NAME_WORDS for word in capitalised)
        # A company's name for its business in the country: "Ternium México". No one's
        # surname is the country.
        and words[-1] not in _NO_SURNAMES
    )
