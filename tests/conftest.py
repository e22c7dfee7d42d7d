"""Shared fixtures: the reference graph, and the shipped graph built once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset

from malgraf.build import build
from malgraf.graph import build_store, open_graph_store
from malgraf.store import EmbeddedStore
from plain_rdflib import rdflib_dataset
from virtuoso import REQUIRE, Virtuoso, find_virtuoso, required, start_virtuoso

TEST_DATA = Path(__file__).parent / "data"
MINI = TEST_DATA / "mini"


@pytest.fixture(scope="session")
def reference() -> Dataset:
    """Ontology and reference vocabularies only, no data, as an rdflib dataset (read with rdflib's API)."""
    return rdflib_dataset(EmbeddedStore(build_store()))


@pytest.fixture(scope="session")
def shipped_graph_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data built into a temporary file, once per session."""
    path = tmp_path_factory.mktemp("built") / "malgraf.nq"
    build(path)
    return path


@pytest.fixture(scope="session")
def shipped(shipped_graph_path: Path) -> EmbeddedStore:
    return open_graph_store(shipped_graph_path)


@pytest.fixture(scope="session")
def shipped_rdflib(shipped: EmbeddedStore) -> Dataset:
    """The shipped graph copied into rdflib: another engine and API to check malgraf's answers with."""
    return rdflib_dataset(shipped)


@pytest.fixture(scope="session")
def mini_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture data set (tests/data/mini) built into a temporary file, once per session;
    its own crosswalk (tests/data/mini/crosswalk.csv), not the shipped one."""
    path = tmp_path_factory.mktemp("mini") / "malgraf.nq"
    build(path, [MINI], crosswalk_files=[])
    return path


@pytest.fixture(scope="module")
def virtuoso() -> Iterator[Virtuoso]:
    """A Virtuoso Open Source 7 of its own for a test module (stopped after it, so that no other
    module finds a child process it did not start); a skip where it is not installed, unless
    ``$MALGRAF_REQUIRE_VIRTUOSO`` (``.ci/run``) makes that a failure."""
    executable = find_virtuoso()
    if executable is None:
        reason = "Virtuoso is not installed (apt-get install virtuoso-opensource)"
        if required():
            pytest.fail(reason + f", and ${REQUIRE} asks for the server tests to run")
        pytest.skip(reason)
    server = start_virtuoso(executable)
    try:
        yield server
    finally:
        server.stop()
