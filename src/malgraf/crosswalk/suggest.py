"""Rank, for each regional goal (and each insats that states no goal), the candidate goals of every
target scheme, with a score and why; leave out what people already decided."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef

from malgraf.crosswalk.methods import method
from malgraf.crosswalk.texts import TARGET_SCHEMES, Text, decided_pairs, goalless_insatser, regional_goals, target_goals
from malgraf.store.base import GraphStore

SOURCE_KINDS = ("goals", "insatser", "all")


@dataclass(frozen=True)
class Suggestion:
    """One candidate goal for one source, ranked within its scheme."""

    source: Text
    scheme: str
    rank: int
    target: Text
    score: float
    method: str
    why: str


def suggest(
    store: GraphStore,
    *,
    region: URIRef | None = None,
    year: int | None = None,
    sources: str = "all",
    method_name: str = "tfidf",
    top: int = 3,
    again: bool = False,
) -> list[Suggestion]:
    """The ``top`` candidates of every target scheme for each source of ``region`` (regional goals,
    insatser that state no goal, or both), best first.

    A pair a link joins or a person decided is never suggested; a source whose scheme a person has
    reviewed already (any decision in it) gets no more candidates there unless ``again``. Insatser
    are ranked against their region's goals too (scheme ``rus``).
    """
    found: list[Text] = []
    if sources in ("goals", "all"):
        found += regional_goals(store, region)
    if sources in ("insatser", "all"):
        found += goalless_insatser(store, region, year)
    targets = target_goals(store)
    if sources in ("insatser", "all"):
        targets["rus"] = regional_goals(store)
    decided = decided_pairs(store)
    scheme_of = {str(t.iri): scheme for scheme, texts in targets.items() for t in texts}
    reviewed = {(source, scheme_of[target]) for source, target in decided if target in scheme_of}
    corpus = [t.text for t in found] + [t.text for texts in targets.values() for t in texts]
    scorer = method(method_name, corpus)
    suggestions: list[Suggestion] = []
    goals = {t.iri for t in targets.get("rus", ())}
    for scheme, candidates in targets.items():
        askers = [s for s in found if (scheme != "rus" or s.iri not in goals)
                  and (again or (str(s.iri), scheme) not in reviewed)]
        if not askers or not candidates:
            continue
        scores = scorer.similarity([s.text for s in askers], [t.text for t in candidates])
        for row, source in enumerate(askers):
            allowed = [i for i in _best_first(scores[row]) if (str(source.iri), str(candidates[i].iri)) not in decided
                       and (scheme != "rus" or candidates[i].region == source.region)]
            for rank, index in enumerate(allowed[:top], start=1):
                target = candidates[index]
                suggestions.append(Suggestion(source, scheme, rank, target, round(float(scores[row][index]), 4),
                                              scorer.name, scorer.why(source.text, target.text)))
    order = {scheme: n for n, scheme in enumerate((*TARGET_SCHEMES, "rus"))}
    return sorted(suggestions, key=lambda s: (s.source.region_name, str(s.source.iri), order[s.scheme], s.rank))


def _best_first(scores: Iterable[float]) -> list[int]:
    values = list(scores)
    return sorted(range(len(values)), key=lambda i: (-values[i], i))
