"""Build the graph (ontology + reference vocabularies + data) and open a built graph.

The embedded engine is Oxigraph (``pyoxigraph``), which callers read and write through
``malgraf.store.GraphStore`` (``EmbeddedStore``); see ``benchmarks/engine.py`` for the measurement
behind the choice. The built graph is one N-Quads
file with one named graph per source, written atomically with an on-disk store beside it
(``malgraf.ondisk``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from malgraf.errors import InputError
from malgraf.files import check_input_file
from malgraf.namespaces import GRAPH
from malgraf.ondisk import index_path as index_path  # re-exported
from malgraf.ondisk import open_built, write_built
from malgraf.resources import DATA_DIRECTORY, ONTOLOGY_FILE, REFERENCE_DIRECTORY
from malgraf.store.base import GraphStore
from malgraf.store.embedded import EmbeddedStore

DEFAULT_GRAPH_PATH = Path("build") / "malgraf.nq"
GRAPH_PATH_VARIABLE = "MALGRAF_GRAPH"

REFERENCE_SOURCES: dict[URIRef, tuple[str, ...]] = {
    GRAPH["reference/sdg"]: ("sdg-kos.ttl", "sdg-sv.ttl"),
    GRAPH["reference/national-strategy"]: ("national-strategy.ttl", "national-strategy-notes.ttl"),
    GRAPH["reference/themes"]: ("themes.ttl",),
    GRAPH["reference/eruf"]: ("eruf.ttl",),
    GRAPH["reference/regions"]: ("regions.ttl",),
}
"""Named graph → the files under ``data/reference/`` that fill it."""

DataLoader = Callable[[Path, frozenset[URIRef]], Iterable[tuple[Node, Node, Node]]]
"""Turns one data directory (e.g. ``data/2023``) into triples (an rdflib graph will do), given the
regional goals the reviewed vocabularies declare."""


@dataclass(frozen=True)
class BuildResult:
    """What ``build`` wrote: where, and how many quads per named graph."""

    path: Path
    quads_per_graph: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.quads_per_graph.values())


def default_graph_path() -> Path:
    """Where the built graph lives: ``$MALGRAF_GRAPH`` or ``build/malgraf.nq``."""
    return Path(os.environ.get(GRAPH_PATH_VARIABLE) or DEFAULT_GRAPH_PATH)


def default_data_directories() -> list[Path]:
    """The shipped data sets: every folder under ``data/`` named as a year (``data/2023`` …) or holding CSV data.

    A folder of CSV data that is not named as a year is included so that loading it says what is wrong
    (it needs a ``source.csv`` giving its year) rather than leaving it out unseen.
    """
    from malgraf.importers.tables import is_year

    return sorted(p for p in DATA_DIRECTORY.iterdir()
                  if p.is_dir() and (is_year(p.name) or (p / "insatser.csv").exists()))


def load_turtle(store: ox.Store, path: Path, graph: URIRef) -> None:
    """Parse one Turtle file into ``graph``; a syntax error names the file and line, a FIFO or device is refused."""
    check_input_file(path)
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    except SyntaxError as error:
        message = str(error.msg) if hasattr(error, "msg") else str(error)
        raise InputError(path, message, line=error.lineno) from None
    except MemoryError:
        raise InputError(path, "a term is longer than the Turtle parser reads (16 MiB); "
                         "shorten it or keep such text outside the graph") from None
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None


def extra_graph(path: Path, taken: dict[URIRef, Path]) -> URIRef:
    """The named graph of an extra Turtle file: ``graph/extra/<file name, percent-encoded>``.

    Two files of the same name would fill one graph unnoticed: that is an error.

    >>> str(extra_graph(Path("my goals>2.ttl"), {}))
    'https://w3id.org/malgraf/graph/extra/my%20goals%3E2'
    """
    name = GRAPH["extra/" + quote(path.stem, safe="")]
    if name in taken:
        raise InputError(path, f"has the same name as {taken[name]}, and each file fills the graph "
                         f"named after it ({name}); rename one")
    taken[name] = path
    return name


def add_triples(store: ox.Store, triples: Iterable[tuple[Node, Node, Node]], name: URIRef) -> None:
    """Add rdflib triples (or an rdflib graph) to the named graph ``name`` of ``store``."""
    EmbeddedStore(store).add_graph(name, triples)


def build_store(
    data_directories: Iterable[Path] = (),
    *,
    data_loader: DataLoader | None = None,
    extra_turtle: Iterable[Path] = (),
    materialise: Callable[[GraphStore], object] | None = None,
    goals_directory: Path | None = None,
    crosswalk: Callable[[], Iterable[tuple[Node, Node, Node]]] | None = None,
) -> ox.Store:
    """Load ontology, reference vocabularies, data and extra Turtle files into a new store.

    ``goals_directory`` (``data/goals``) holds the regions' reviewed goal vocabularies; each fills
    the named graph ``graph/goals/<länskod>``; ``crosswalk`` gives the reviewed crosswalk's triples
    (``graph/crosswalk``).
    """
    from malgraf.vocab.regional import load_region_vocabularies, vocabulary_triples

    store = ox.Store()
    load_turtle(store, ONTOLOGY_FILE, GRAPH.ontology)
    for graph, names in REFERENCE_SOURCES.items():
        for name in names:
            load_turtle(store, REFERENCE_DIRECTORY / name, graph)
    known_goals: set[URIRef] = set()
    if goals_directory is not None:
        for lanskod, vocabulary in load_region_vocabularies(goals_directory).items():
            triples = vocabulary_triples(vocabulary)
            known_goals.update(vocabulary.iri(goal) for goal in vocabulary.goals)
            add_triples(store, triples, GRAPH["goals/" + lanskod])
    named: dict[URIRef, Path] = {}
    for directory in data_directories:
        name = directory.resolve().name
        graph = GRAPH["data/" + quote(name, safe="")]
        first = named.setdefault(graph, directory)
        if first.resolve() != directory.resolve():
            raise InputError(directory, f"a second data folder named {name!r} (the first is {first}); each data "
                             "folder becomes the named graph of its name, so give them different names")
    for graph, directory in named.items():
        if data_loader is not None:
            add_triples(store, data_loader(directory, frozenset(known_goals)), graph)
    if crosswalk is not None:
        add_triples(store, crosswalk(), GRAPH.crosswalk)
    extra_graphs: dict[URIRef, Path] = {}
    for path in extra_turtle:
        load_turtle(store, path, extra_graph(path, extra_graphs))
    if materialise is not None:
        materialise(EmbeddedStore(store))
    return store


def quads_per_graph(store: ox.Store) -> dict[str, int]:
    """Number of quads in each named graph, keyed by graph IRI."""
    return EmbeddedStore(store).quads_per_graph()


def write_store(store: ox.Store, path: Path) -> None:
    """Write ``store`` as the built graph ``path``: N-Quads and, beside them, an on-disk Oxigraph store.

    All or nothing, safe while other processes read ``path``; see ``malgraf.ondisk``.
    """
    write_built(store, path)


def open_store(path: Path | None = None) -> ox.Store:
    """The built graph at ``path``: its on-disk store (read-only) when sound, else the N-Quads in memory."""
    return open_built(path or default_graph_path())


def open_graph_store(path: Path | None = None) -> EmbeddedStore:
    """The built graph at ``path`` (default: ``default_graph_path()``) behind the store interface."""
    path = path or default_graph_path()
    return EmbeddedStore(open_built(path), str(path))
