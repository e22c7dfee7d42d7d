"""The reference vocabularies are complete and correct."""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from malgraf.namespaces import ERUF, MG, NS, SDG, SDGO


def instances(graph: Dataset, cls: URIRef) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}


def test_17_goals_and_169_targets_each_under_its_goal(reference: Dataset) -> None:
    goals = instances(reference, SDGO.Goal)
    targets = instances(reference, SDGO.Target)
    assert goals == {SDG[str(n)] for n in range(1, 18)}
    assert len(targets) == 169
    for target in targets:
        goal_number = str(target).rsplit("/", 1)[1].split(".")[0]
        assert set(reference.objects(target, SKOS.broader)) == {SDG[goal_number]}


def test_every_sdg_goal_has_a_swedish_and_english_label(reference: Dataset) -> None:
    for goal in instances(reference, SDGO.Goal):
        languages = {label.language for label in reference.objects(goal, SKOS.prefLabel)}
        assert {"sv", "en"} <= languages, goal
    assert Literal("Hälsa och välbefinnande", lang="sv") in set(reference.objects(SDG["3"], SKOS.prefLabel))


def test_national_strategy_structure(reference: Dataset) -> None:
    areas = instances(reference, MG.NationalArea)
    priorities = instances(reference, MG.NationalPriority)
    assert len(areas) == 4
    assert len(priorities) == 12
    assert len(instances(reference, MG.BasicPrecondition)) == 3
    assert len(instances(reference, MG.SocietalChallenge)) == 3
    assert instances(reference, MG.NationalGoal) == {NS.goal}
    for priority in priorities:
        broader = set(reference.objects(priority, SKOS.broader))
        assert len(broader) == 1 and broader <= areas, priority
    per_area = {a: sum(1 for p in priorities if (p, SKOS.broader, a) in reference) for a in areas}
    assert sorted(per_area.values()) == [2, 2, 3, 5]
    assert Literal("Tillvarata digitaliseringens möjligheter", lang="sv") in set(
        reference.objects(NS["priority-3.5"], SKOS.prefLabel)
    )


def test_21_regions_with_unique_lanskod_and_nuts(reference: Dataset) -> None:
    regions = instances(reference, MG.Region)
    assert len(regions) == 21
    codes = [str(reference.value(r, MG.lanskod)) for r in regions]
    nuts = [str(reference.value(r, MG.nutsCode)) for r in regions]
    assert len(set(codes)) == 21 and len(set(nuts)) == 21
    assert set(codes) == {"01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14",
                          "17", "18", "19", "20", "21", "22", "23", "24", "25"}
    short = {str(reference.value(r, MG.shortName)) for r in regions}
    assert {"Jämtland Härjedalen", "Sörmland", "Västra Götaland"} <= short


def test_every_specific_objective_under_a_policy_objective(reference: Dataset) -> None:
    policy = instances(reference, MG.ErufPolicyObjective)
    assert {str(reference.value(p, SKOS.notation)) for p in policy} == {"PO1", "PO2", "PO3", "PO4", "PO5"}
    specific = {s for s in instances(reference, MG.ErufSpecificObjective) if str(s).startswith(str(ERUF.RSO))}
    assert len(specific) >= 23
    for objective in specific:
        notation = str(reference.value(objective, SKOS.notation))
        (broader,) = set(reference.objects(objective, SKOS.broader))
        assert broader in policy
        assert str(reference.value(broader, SKOS.notation)) == "PO" + notation[3]
        labels = {label.language for label in reference.objects(objective, SKOS.prefLabel)}
        assert {"sv", "en"} <= labels


def test_swedish_regional_fund_programmes(reference: Dataset) -> None:
    programmes = instances(reference, MG.ErufProgramme)
    labels = {str(reference.value(p, SKOS.prefLabel)) for p in programmes}
    for name in ("Övre Norrland", "Mellersta Norrland", "Norra Mellansverige", "Östra Mellansverige",
                 "Stockholm", "Västsverige", "Småland och öarna", "Skåne-Blekinge"):
        assert any(name in label for label in labels), name
    assert any("ationell" in label for label in labels)


def test_every_class_and_property_labelled_in_sv_and_en_with_a_comment(reference: Dataset) -> None:
    terms = [
        t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for t in reference.subjects(RDF.type, kind) if str(t).startswith(str(MG))
    ]
    assert len(terms) > 30
    for term in terms:
        languages = {label.language for label in reference.objects(term, RDFS.label)}
        assert {"sv", "en"} <= languages, term
        assert {c.language for c in reference.objects(term, RDFS.comment)} >= {"sv", "en"}, term
