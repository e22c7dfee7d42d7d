"""Swedish and English labels of malgraf's own terms, in one place.

The ontology (``ontology/malgraf.ttl``) carries the same labels as ``rdfs:label`` (a test keeps them
equal); code that prints a label takes it from here.

>>> label(METHOD_LABELS, "Stated", "sv")
'angiven'
>>> label(VIA_LABELS, "crosswalk", "en")
'through the crosswalk'
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("sv", "en")
"""The languages of labels; Swedish first, the language of the data."""

Labels = Mapping[str, Mapping[str, str]]
"""key → language → label."""

METHOD_LABELS: Labels = {
    "Stated": {"sv": "angiven", "en": "stated"},
    "Inferred": {"sv": "härledd", "en": "inferred"},
    "ReportSection": {"sv": "redovisningens avsnitt", "en": "report section"},
    "Suggested": {"sv": "föreslagen", "en": "suggested"},
    "Accepted": {"sv": "godtagen", "en": "accepted"},
    "Rejected": {"sv": "avvisad", "en": "rejected"},
}
"""How a goal link was found, by the local name of its ``mg:LinkMethod``."""

VIA_LABELS: Labels = {
    "direct": {"sv": "direkt", "en": "direct"},
    "hierarchy": {"sv": "via hierarkin", "en": "through the hierarchy"},
    "crosswalk": {"sv": "via korsreferens", "en": "through the crosswalk"},
    "suggested": {"sv": "via föreslagen korsreferens (ej granskad)",
                  "en": "through a suggested crosswalk link (not reviewed)"},
}
"""How an insats reaches a goal: the goal itself, a goal under it, or a goal linked to it across schemes."""

TERM_LABELS: Labels = {
    "mg:Insats": {"sv": "insats", "en": "intervention"},
    "mg:Region": {"sv": "region", "en": "region"},
    "mg:RusGoal": {"sv": "mål i regional utvecklingsstrategi (RUS)", "en": "regional development strategy (RUS) goal"},
    "mg:OtherGoal": {"sv": "annat regionalt mål", "en": "other regional goal"},
    "mg:RegionalStrategy": {"sv": "regional strategi", "en": "regional strategy"},
    "mg:ReportingTheme": {"sv": "redovisningstema", "en": "reporting theme"},
    "sdgo:Goal": {"sv": "mål i Agenda 2030", "en": "Sustainable Development Goal"},
    "sdgo:Target": {"sv": "delmål i Agenda 2030", "en": "Sustainable Development Goal target"},
    "mg:reportedUnder": {"sv": "redovisad under", "en": "reported under"},
    "mg:year": {"sv": "år", "en": "year"},
    "mg:outputs": {"sv": "prestationer", "en": "outputs"},
    "mg:effects": {"sv": "effekter", "en": "effects"},
    "mg:goalLevel": {"sv": "nivå", "en": "level"},
}
"""Classes and properties of the ontology that pages name, by CURIE (the views' legend and details)."""


MESSAGES: Labels = {
    "supports.heading": {"sv": "{n} insatser stödjer {goal}", "en": "{n} insatser support {goal}"},
    "supports.heading.one": {"sv": "1 insats stödjer {goal}", "en": "1 insats supports {goal}"},
    "supports.filtered": {
        "sv": "Ingen insats stödjer målet med {conditions}; utan dessa villkor stödjer {n} insatser det.",
        "en": "No insats supports it with {conditions}; without these conditions {n} insatser do.",
    },
    "supports.level_unused": {
        "sv": "Rapporterna för {years} anger mål på nivån {used}, inte {level}: {counts}.",
        "en": "The {years} reports name goals at the level {used}, not {level}: {counts}.",
    },
    "supports.scheme_unused": {
        "sv": "Rapporterna för {years} kopplar ingen insats till något mål i det här målsystemet.",
        "en": "The {years} reports link no insats to any goal of this goal system.",
    },
    "supports.unnamed": {
        "sv": "Ingen insats i rapporterna för {years} anger målet, ett mål under det eller ett mål som "
              "korsreferensen kopplar till det.",
        "en": "No insats in the {years} reports names this goal, a goal under it, or a goal the crosswalk "
              "links to it.",
    },
    "supports.above": {"sv": "Målet ovanför: malgraf supports {curie} ({label}, {n} insatser).",
                       "en": "The goal above it: malgraf supports {curie} ({label}, {n} insatser)."},
    "count.first": {"sv": "{n} kopplingar går till {level}", "en": "{n} links go to {level}"},
    "count.next": {"sv": "{n} till {level}", "en": "{n} to {level}"},
    "quoted": {"sv": "”{text}”", "en": "'{text}'"},
    "and": {"sv": "och", "en": "and"},
    "condition.region": {"sv": "region {region}", "en": "region {region}"},
    "condition.year": {"sv": "år {year}", "en": "year {year}"},
    "condition.section": {"sv": "avsnitt {section}", "en": "section {section}"},
    "condition.direct": {"sv": "bara direkta kopplingar", "en": "direct links only"},
    "goals.none": {"sv": "Insatsen anger inget mål som finns i grafen.",
                   "en": "The insats names no goal that is in the graph."},
    "goals.unresolved": {"sv": "Målformuleringar utan känt mål", "en": "Goal statements naming no known goal"},
    "with_suggested": {"sv": "(med föreslagna, ej granskade länkar)", "en": "(with suggested links not yet reviewed)"},
    "gaps.heading": {"sv": "{n} mål utan stödjande insats", "en": "{n} goals without a supporting insats"},
    "gaps.heading.one": {"sv": "1 mål utan stödjande insats", "en": "1 goal without a supporting insats"},
    "gaps.none": {"sv": "Varje mål i {schemes} stöds av minst en insats.",
                  "en": "Every goal of {schemes} is supported by at least one insats."},
    "info.classes": {"sv": "Klasser", "en": "Classes"},
    "info.schemes": {"sv": "Begreppssystem", "en": "Concept schemes"},
    "info.regions": {"sv": "Insatser per region", "en": "Insatser per region"},
    "info.goals": {"sv": "Regionala mål per region (strategier, mål, andra formuleringar, mål som insatser stödjer)",
                   "en": "Regional goals per region (strategies, goals, other wordings, goals insatser serve)"},
    "nodata.validate": {"sv": "Inga insatser att validera", "en": "No insatser to validate"},
    "nodata.validate_scope": {"sv": "Inga insatser att validera för {scope}",
                              "en": "No insatser to validate for {scope}"},
    "nodata.graph": {"sv": "Inga insatser i grafen; bygg den med data (malgraf build)",
                     "en": "No insatser in the graph; build it with data (malgraf build)"},
    "nodata.year": {"sv": "Inga insatser för år {year} i grafen (år med data: {years})",
                    "en": "No insatser for the year {year} in the graph (years with data: {years})"},
    "nodata.region": {"sv": "Inga insatser för {region} i grafen (regioner med data: {regions})",
                      "en": "No insatser for {region} in the graph (regions with data: {regions})"},
    "nodata.region_year": {"sv": "Inga insatser för {region} år {year} i grafen (år med data för {region}: {years})",
                           "en": "No insatser for {region} in {year} in the graph (years with data for {region}: "
                                 "{years})"},
    "lookup.none_given": {"sv": "tom text: ange {article} {one}", "en": "no {one} given"},
    "lookup.several": {"sv": "{text} matchar flera {many}{breakdown}:",
                       "en": "{text} matches more than one {one}{breakdown}:"},
    "lookup.many": {
        "sv": "{text} matchar {n} {many}{breakdown}; var mer specifik eller ange en IRI{first}:",
        "en": "{text} matches {n} {many}{breakdown}; be more specific or use an IRI{first}:",
    },
    "lookup.first": {"sv": " (de {n} första)", "en": " (the first {n})"},
    "lookup.unknown": {"sv": "{text} matchar {none} {one}", "en": "no {one} matches {text}"},
    "lookup.closest": {"sv": "; närmast:", "en": "; closest matches:"},
    "lookup.not_in_graph": {"sv": "{none} {one} {text} i grafen", "en": "no {one} {text} in the graph"},
    "lookup.not_an_iri": {"sv": "{text} är ingen IRI: den innehåller ett mellanslag eller ett tecken som < > \" {{ }}",
                          "en": "{text} is not an IRI: it holds a space or a character such as < > \" {{ }}"},
    "lookup.wrong_scheme": {"sv": "{goal} är ett mål i {scheme}, inte i {wanted}",
                            "en": "{goal} is a goal of {scheme}, not of {wanted}"},
    "lookup.no_scheme": {"sv": "inget målsystem {text}; målsystemen är {schemes}",
                         "en": "no goal scheme {text}; the schemes are {schemes}"},
    "lookup.in_regions": {"sv": "{scheme} {n} i {regions} regioner", "en": "{scheme} {n} in {regions} regions"},
    "lookup.insats": {"sv": "{name} ({region} {year}, avsnitt {section})",
                      "en": "{name} ({region} {year}, section {section})"},
    "build.wrote": {"sv": "Skrev {n} kvadrupler till {path}", "en": "Wrote {n} quads to {path}"},
    "built_first": {"sv": "Byggde grafen först: {path}", "en": "Built the graph first: {path}"},
    "import.read": {
        "sv": "Läste {insatser} insatser, {links} målkopplingar och {answers} svar i avsnitt 8 från {path}",
        "en": "Read {insatser} insatser, {links} goal links and {answers} answers of section 8 from {path}",
    },
    "import.allocation": {
        "sv": "Beloppen i avsnitt 8 läses för hand och skrivs inte om: {path}",
        "en": "The amounts of section 8 are read by hand and not rewritten: {path}",
    },
    "import.wrote": {"sv": "Skrev {files} till {directory}", "en": "Wrote {files} to {directory}"},
    "import.resolved": {
        "sv": "{goals} av {statements} regionala målformuleringar knöts till ett mål i regionens målvokabulär "
              "({directory})",
        "en": "{goals} of {statements} regional goal statements were tied to a goal of the region's goal vocabulary "
              "({directory})",
    },
    "import.unresolved": {
        "sv": "Varning: {n} målformuleringar motsvarar inget mål i regionens målvokabulär; lägg till dem som wording "
              "till rätt mål i regionens fil (eller med goal - om de inte är mål):",
        "en": "Warning: {n} goal statements match no goal of the region's goal vocabulary; add them as a wording of "
              "the right goal in the region's file (or with goal - if they are not goals):",
    },
    "import.unresolved_line": {"sv": "  {region}, rad {line}: ”{statement}”",
                               "en": "  {region}, line {line}: “{statement}”"},
    "push.wrote": {"sv": "Skickade {n} tripplar i {graphs} namngivna grafer till {url}",
                   "en": "Pushed {n} triples in {graphs} named graphs to {url}"},
    "push.password": {"sv": "Lösenord för {user}", "en": "Password for {user}"},
    "import.goal_lines": {"sv": "Uppdaterade kolumnen lines i {n} fil(er) i {directory}",
                          "en": "Updated the lines column of {n} file(s) in {directory}"},
    "import.no_vocabulary": {
        "sv": "Varning: ingen målvokabulär för {regions} i {directory}: varje målformulering blev ett eget mål",
        "en": "Warning: no goal vocabulary for {regions} in {directory}: each goal statement became a goal of its own",
    },
    "view.wrote": {"sv": "Skrev {nodes} noder och {links} länkar till {path}",
                   "en": "Wrote {nodes} nodes and {links} links to {path}"},
    "sparql.truncated.rows": {"sv": "Visar de första {limit} raderna; frågan ger fler (--limit)",
                              "en": "Showing the first {limit} rows; the query gives more (--limit)"},
    "sparql.truncated.triples": {"sv": "Visar de första {limit} tripplarna; frågan ger fler (--limit)",
                                 "en": "Showing the first {limit} triples; the query gives more (--limit)"},
    "sparql.empty.rows": {"sv": "Frågan ger inga rader", "en": "The query gives no rows"},
    "sparql.empty.triples": {"sv": "Frågan ger inga tripplar", "en": "The query gives no triples"},
}
"""Headings and messages, as ``str.format`` templates."""

NOUNS: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "goal": {"sv": {"one": "mål", "many": "mål", "article": "ett", "none": "inget"},
             "en": {"one": "goal", "many": "goals", "article": "a", "none": "no"}},
    "insats": {"sv": {"one": "insats", "many": "insatser", "article": "en", "none": "ingen"},
               "en": {"one": "insats", "many": "insatser", "article": "an", "none": "no"}},
    "region": {"sv": {"one": "region", "many": "regioner", "article": "en", "none": "ingen"},
               "en": {"one": "region", "many": "regions", "article": "a", "none": "no"}},
}
"""The forms of the things a user looks up, for the messages ``lookup.*``: kind → language → form."""


def message(key: str, lang: str, **values: object) -> str:
    """The message ``key`` of ``MESSAGES`` in ``lang``, filled in with ``values``; ``key.one`` when ``n`` is 1.

    >>> message("gaps.heading", "en", n=3), message("gaps.heading", "en", n=1)
    ('3 goals without a supporting insats', '1 goal without a supporting insats')
    """
    if values.get("n") == 1 and f"{key}.one" in MESSAGES:
        key = f"{key}.one"
    return label(MESSAGES, key, lang).format(**values)


def label(labels: Labels, key: str, lang: str) -> str:
    """The label of ``key`` in ``lang`` (Swedish when ``lang`` has none); ``key`` itself if unknown."""
    found = labels.get(key)
    if found is None:
        return key
    return found.get(lang) or found["sv"]


def capitalised(text: str) -> str:
    """``text`` with its first letter upper-case, as a heading or legend entry starts.

    >>> capitalised("mål i Agenda 2030")
    'Mål i Agenda 2030'
    """
    return text[:1].upper() + text[1:]


def method_label(method: object, lang: str) -> str:
    """The label of a link method given as an IRI (``…#Stated``) or a local name; its text if unknown."""
    text = str(method or "")
    return label(METHOD_LABELS, text.rsplit("#", 1)[-1], lang) if text else ""


__all__ = ["LANGUAGES", "METHOD_LABELS", "TERM_LABELS", "VIA_LABELS", "Labels", "capitalised", "label",
           "method_label"]


REPORT_LABELS: Labels = {
    # column headings
    "region": {"sv": "region", "en": "region"},
    "notation": {"sv": "nr", "en": "no."},
    "label": {"sv": "mål", "en": "goal"},
    "kind": {"sv": "slag", "en": "kind"},
    "parent": {"sv": "under", "en": "under"},
    "direct": {"sv": "direkt", "en": "direct"},
    "rolled_up": {"sv": "totalt (via hierarki och korsreferens)", "en": "in all (through hierarchy and crosswalk)"},
    "main_only": {"sv": "via huvudkoppling", "en": "through main links"},
    "regions": {"sv": "regioner", "en": "regions"},
    "insatser": {"sv": "insatser", "en": "insatser"},
    "any": {"sv": "något av målen", "en": "any of them"},
    "none": {"sv": "inget av målen", "en": "none of them"},
    "scheme": {"sv": "målsystem", "en": "goal scheme"},
    "with_goal": {"sv": "med mål i systemet", "en": "with a goal of it"},
    "without_goal": {"sv": "utan mål i systemet", "en": "without a goal of it"},
    "goals": {"sv": "mål", "en": "goals"},
    "served": {"sv": "mål som nås", "en": "goals reached"},
    "unserved": {"sv": "mål som ingen insats når", "en": "goals no insats reaches"},
    "section": {"sv": "avsnitt", "en": "section"},
    "section_title": {"sv": "redovisas under", "en": "reported under"},
    "item": {"sv": "post", "en": "item"},
    "measure": {"sv": "slag av belopp", "en": "kind of amount"},
    "amount": {"sv": "belopp (kr)", "en": "amount (SEK)"},
    "share": {"sv": "andel (%)", "en": "share (%)"},
    "period": {"sv": "period", "en": "period"},
    "statement": {"sv": "mening i källan", "en": "sentence in the source"},
    "line": {"sv": "rad", "en": "line"},
    "note": {"sv": "anmärkning", "en": "note"},
    "grant": {"sv": "anslag 1:1 (kr)", "en": "1:1 grant (SEK)"},
    "grant_measure": {"sv": "slag", "en": "kind"},
    "no_amount": {"sv": "inget belopp", "en": "no amount"},
    "all_regions": {"sv": "alla regioner", "en": "all regions"},
    # schemes
    "scheme.national": {"sv": "Nationella strategin", "en": "National strategy"},
    "scheme.sdg": {"sv": "Agenda 2030", "en": "Agenda 2030"},
    "scheme.eruf": {"sv": "Regionalfonden (ERUF)", "en": "Regional Fund (ERDF)"},
    "scheme.programmes": {"sv": "Program", "en": "Programmes"},
    "scheme.rus": {"sv": "Regionens mål (RUS)", "en": "The region's goals (RUS)"},
}
"""Column headings and names of ``malgraf report``."""
