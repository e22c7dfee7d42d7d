"""Shared fixtures: the reference graph, and the shipped graph built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from malgraf.build import build
from malgraf.graph import as_dataset, build_store, open_dataset

TEST_DATA = Path(__file__).parent / "data"
MINI = TEST_DATA / "mini"


@pytest.fixture(scope="session")
def reference() -> Dataset:
    """Ontology and reference vocabularies only, no data."""
    return as_dataset(build_store())


@pytest.fixture(scope="session")
def shipped_graph_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data built into a temporary file, once per session."""
    path = tmp_path_factory.mktemp("built") / "malgraf.nq"
    build(path)
    return path


@pytest.fixture(scope="session")
def shipped(shipped_graph_path: Path) -> Dataset:
    return open_dataset(shipped_graph_path)


@pytest.fixture(scope="session")
def mini_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture data set (tests/data/mini) built into a temporary file, once per session."""
    path = tmp_path_factory.mktemp("mini") / "malgraf.nq"
    build(path, [MINI])
    return path
