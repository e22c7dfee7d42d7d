"""Turn the tidy CSV files of one year (``data/2023/*.csv``) into RDF."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph


def load_year(directory: Path) -> Graph:
    """The RDF graph of the insatser, goal links and allocations in ``directory``."""
    return Graph()
