"""``malgraf build``: reference vocabularies + shipped data → one built graph file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from malgraf.files import check_output_path
from malgraf.graph import (
    BuildResult,
    build_store,
    default_data_directories,
    default_graph_path,
    open_graph_store,
    quads_per_graph,
    write_store,
)
from malgraf.ondisk import build_lock
from malgraf.store import EmbeddedStore


def build(
    out: Path | None = None,
    data_directories: Iterable[Path] | None = None,
    extra_turtle: Iterable[Path] = (),
    crosswalk_files: Iterable[Path] | None = None,
) -> BuildResult:
    """Build the graph from the shipped reference data and data sets and write it to ``out``.

    ``crosswalk_files`` are decisions files (default: every ``data/crosswalk/*.csv``).
    Nothing is written unless every input loads; an output that is a directory, device, FIFO or
    symbolic link is refused before anything is built.
    """
    from malgraf.closure import materialise_closure
    from malgraf.crosswalk.decisions import crosswalk_triples
    from malgraf.importers.tables import year_triples
    from malgraf.resources import GOALS_DIRECTORY

    path = out or default_graph_path()
    check_output_path(path)
    directories = default_data_directories() if data_directories is None else list(data_directories)
    files = default_crosswalk_files() if crosswalk_files is None else list(crosswalk_files)
    store = build_store(directories, data_loader=year_triples, extra_turtle=extra_turtle,
                        materialise=materialise_closure, goals_directory=GOALS_DIRECTORY,
                        crosswalk=lambda: crosswalk_triples(files))
    write_store(store, path)
    return BuildResult(path=path, quads_per_graph=quads_per_graph(store))


def default_crosswalk_files() -> list[Path]:
    """The reviewed crosswalk's files: every ``data/crosswalk/*.csv``."""
    from malgraf.resources import CROSSWALK_DIRECTORY

    return sorted(CROSSWALK_DIRECTORY.glob("*.csv")) if CROSSWALK_DIRECTORY.is_dir() else []


def _inputs() -> list[Path]:
    """The files a default build reads: ontology, reference data, shipped data sets and crosswalk."""
    from malgraf.resources import CROSSWALK_DIRECTORY, GOALS_DIRECTORY, ONTOLOGY_DIRECTORY, REFERENCE_DIRECTORY

    folders = [ONTOLOGY_DIRECTORY, REFERENCE_DIRECTORY, GOALS_DIRECTORY, CROSSWALK_DIRECTORY,
               *default_data_directories()]
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def _is_current(path: Path) -> bool:
    """Whether ``path`` is a built graph at least as new as every input."""
    try:
        built_at = path.stat().st_mtime
    except OSError:
        return False
    return path.is_file() and all(p.stat().st_mtime <= built_at for p in _inputs())


def ensure_built(path: Path | None = None) -> tuple[Path, bool]:
    """The default graph, built first when missing or older than its inputs; (path, built now).

    Processes that find it stale at once build it one at a time (a lock on its folder); the others
    wait for that build, then find the graph current and read it.
    """
    path = path or default_graph_path()
    if _is_current(path):
        return path, False
    check_output_path(path)
    with build_lock(path.parent):
        if _is_current(path):
            return path, False
        build(path)
    return path, True


def open_built_graph(path: Path | None = None) -> tuple[EmbeddedStore, bool]:
    """The built graph to query, and whether it was built just now.

    Without ``path`` the default graph (``$MALGRAF_GRAPH`` or ``build/malgraf.nq``) is built first
    when it is missing or older than its inputs; a ``path`` given is opened as it is.
    """
    if path is not None:
        return open_graph_store(path), False
    path, built = ensure_built()
    return open_graph_store(path), built
