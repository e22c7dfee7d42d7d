"""The ground modules: regions and labels are written once and agree with the ontology."""

from __future__ import annotations

import ast
from pathlib import Path

import pyoxigraph as ox

from malgraf.i18n import METHOD_LABELS, TERM_LABELS, label, method_label
from malgraf.namespaces import MG, PREFIXES, RDF, RDFS
from malgraf.regions import LANSKOD, REGION_NAMES, REGIONS, REGIONS_BY_LANSKOD, swedish_sort_key
from malgraf.resources import ONTOLOGY_FILE


def test_the_21_regions_come_from_the_reference_file_with_every_field() -> None:
    assert len(REGIONS) == 21
    assert [r.lanskod for r in REGIONS][:3] == ["01", "03", "04"]
    assert REGIONS_BY_LANSKOD["25"].short_name == "Norrbotten"
    assert REGIONS_BY_LANSKOD["14"].official_name == "Västra Götalandsregionen"
    assert all(r.nuts_code.startswith("SE") and r.county_name and r.english_name for r in REGIONS)


def test_region_names_follow_the_swedish_alphabet_as_the_appendix_does() -> None:
    assert REGION_NAMES[:4] == ("Blekinge", "Dalarna", "Gotland", "Gävleborg")
    assert REGION_NAMES[-2:] == ("Örebro", "Östergötland")
    assert LANSKOD["Jämtland Härjedalen"] == "23"
    assert swedish_sort_key("Åre") > swedish_sort_key("Zinkgruvan")


def test_link_method_labels_are_the_ontologys_labels() -> None:
    ontology = list(ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE))
    methods = {q.subject.value.rsplit("#", 1)[-1] for q in ontology
               if q.predicate.value == str(RDF.type) and q.object.value == str(MG.LinkMethod)}
    assert methods == set(METHOD_LABELS)
    for quad in ontology:
        name = quad.subject.value.rsplit("#", 1)[-1]
        if name in methods and quad.predicate.value == str(RDFS.label):
            assert isinstance(quad.object, ox.Literal)
            assert label(METHOD_LABELS, name, quad.object.language or "") == quad.object.value


def test_term_labels_are_the_ontologys_labels() -> None:
    ontology = list(ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE))
    for curie, labels in TERM_LABELS.items():
        prefix, name = curie.split(":")
        found = {q.object.language: q.object.value for q in ontology
                 if q.subject.value == str(PREFIXES[prefix][name]) and q.predicate.value == str(RDFS.label)
                 and isinstance(q.object, ox.Literal)}
        assert found == labels, curie


def test_a_method_label_falls_back_to_swedish_and_to_its_own_text() -> None:
    assert method_label(str(MG.Inferred), "en") == "inferred"
    assert method_label("Stated", "fr") == "angiven"
    assert method_label("https://example.org/m#Other", "sv") == "Other"
    assert method_label(None, "sv") == ""


def test_no_private_module_or_attribute_of_a_dependency_is_used() -> None:
    source = Path(__file__).resolve().parents[1] / "src" / "malgraf"
    private = []
    for path in sorted(source.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if module and not module.startswith("malgraf") and any(
                    part.startswith("_") and part != "__future__" for part in module.split(".")):
                private.append(f"{path.name}: from {module} import …")
            if isinstance(node, ast.Attribute) and node.attr in ("_inner", "_store", "_graph"):
                private.append(f"{path.name}:{node.lineno}: .{node.attr}")
    assert private == []


def test_terms_cross_between_rdflib_and_oxigraph_unchanged() -> None:
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    from malgraf.terms import from_oxigraph, to_oxigraph

    for term in (URIRef("https://w3id.org/malgraf/id/rus/10-fler-i-arbete"), BNode("b1"),
                 Literal("Fler i arbete", lang="sv"), Literal("2023", datatype=XSD.gYear),
                 Literal("text", datatype=XSD.string)):
        assert from_oxigraph(to_oxigraph(term)) == term
    assert from_oxigraph(ox.Literal("plain")) == Literal("plain", datatype=XSD.string)  # as Oxigraph gives it
