"""RDF namespaces used across malgraf, defined once."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD

BASE = "https://w3id.org/malgraf/"

MG = Namespace(BASE + "ontology#")
"""The malgraf ontology: classes and properties."""

ID = Namespace(BASE + "id/")
INSATS = Namespace(BASE + "id/insats/")
REGION = Namespace(BASE + "id/region/")
RUS = Namespace(BASE + "id/rus/")
NS = Namespace(BASE + "id/ns/")
"""The national strategy for sustainable regional development 2021–2030."""
ERUF = Namespace(BASE + "id/eruf/")
THEME = Namespace(BASE + "id/theme/")
SOURCE = Namespace(BASE + "id/source/")
GRAPH = Namespace(BASE + "graph/")
"""Named graphs, one per source."""
SHAPES = Namespace(BASE + "shapes#")
"""The SHACL shapes in ``ontology/shapes.ttl``."""

SDG = Namespace("http://metadata.un.org/sdg/")
SDGO = Namespace("http://metadata.un.org/sdg/ontology#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
"""SPARQL 1.1 Service Description: the catalogue of malgraf's graphs on a server."""

PREFIXES: dict[str, Namespace] = {
    "mg": MG,
    "insats": INSATS,
    "region": REGION,
    "rus": RUS,
    "ns": NS,
    "eruf": ERUF,
    "theme": THEME,
    "source": SOURCE,
    "sdg": SDG,
    "sdgo": SDGO,
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "owl": Namespace(str(OWL)),
    "rdfs": Namespace(str(RDFS)),
    "rdf": Namespace(str(RDF)),
    "xsd": Namespace(str(XSD)),
    "sh": Namespace(str(SH)),
}

__all__ = [
    "BASE",
    "DCTERMS",
    "ERUF",
    "GRAPH",
    "ID",
    "INSATS",
    "MG",
    "NS",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "REGION",
    "RUS",
    "SD",
    "SDG",
    "SDGO",
    "SH",
    "SHAPES",
    "SKOS",
    "SOURCE",
    "THEME",
    "VOID",
    "XSD",
]
