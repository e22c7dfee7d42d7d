"""A data folder of tidy CSV files (``data/2023/``): which files it holds, its year and its source.

A data folder's year is its name (``data/2023``) or the ``year`` of its ``source.csv``, which also
says which document the data was read from; without ``source.csv`` its data cites the folder itself.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD
from rdflib.term import Node

from malgraf.errors import InputError, InputWarning, LoadWarning
from malgraf.importers.csvfile import read_csv
from malgraf.namespaces import MG, SOURCE

SOURCE_COLUMNS = ("id", "title", "publisher", "year", "path")
DATA_FILES = ("insatser.csv", "goal_links.csv", "allocation.csv", "crosswalk.csv", "answers.csv", "source.csv")

_YEAR = re.compile(r"[0-9]{4}")
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
"""An id of an insats or a source: a letter or digit, then letters, digits, ``. _ -``."""


def is_year(name: str) -> bool:
    """Whether a folder name is a year (four ASCII digits).

    >>> is_year("2023"), is_year("abc"), is_year("２０２３")
    (True, False, False)
    """
    return _YEAR.fullmatch(name) is not None


class Triples(list[tuple[URIRef, URIRef, Node]]):
    """The triples of one data set, in the order they were read (duplicates allowed)."""

    def __init__(self) -> None:
        super().__init__()
        self.declared: set[URIRef] = set()


@dataclass(frozen=True)
class DataFolder:
    """One data folder: where it is, its name, the year it covers and the source node its data cites."""

    path: Path
    name: str
    year: str | None
    """The folder's name if that is a year, else ``source.csv``'s year, else (``None``) the year of its insatser."""
    source: URIRef
    files: frozenset[str]
    """The names of its CSV files."""


def warn_load(warning: InputWarning) -> None:
    """Raise ``warning`` through Python's warnings; ``cli.reports_errors`` prints it as ``Warning: …``."""
    warnings.warn(LoadWarning(warning), stacklevel=3)


def folder_name(directory: Path) -> str:
    """The name a data folder goes by (``--data .`` in ``/tmp/2023`` is ``2023``)."""
    return directory.resolve().name


def data_folder(graph: Triples, directory: Path) -> DataFolder:
    """Check ``directory`` holds tidy CSV files, find its year and add its source node to ``graph``.

    Without ``source.csv`` the source node stands for the folder itself (``source:data/<name>``).
    """
    if not directory.is_dir():
        raise InputError(directory, "not a directory of tidy CSV files" if directory.exists()
                         else "no such directory")
    name = folder_name(directory)
    try:
        csv_files = sorted(p.name for p in directory.iterdir() if p.suffix.lower() == ".csv")
    except OSError as error:
        raise InputError(directory, f"cannot be read: {error.strerror or error}") from None
    if not csv_files:
        raise InputError(directory, "no CSV files here; a data folder holds insatser.csv (and goal_links.csv, "
                         "allocation.csv, crosswalk.csv, answers.csv, source.csv)")
    if "insatser.csv" not in csv_files:
        raise InputError(directory / "insatser.csv", f"no such file (the folder has {', '.join(csv_files)})")
    for other in csv_files:
        if other not in DATA_FILES:
            guess = get_close_matches(other.lower(), DATA_FILES, n=1)
            hint = f"; did you mean {guess[0]}?" if guess else ""
            warn_load(InputWarning(str(directory / other), f"not a file malgraf reads, ignored{hint}"))
    if "source.csv" in csv_files:
        return _read_source(graph, directory, name, frozenset(csv_files))
    source = SOURCE["data/" + quote(name, safe="")]
    graph.append((source, RDF.type, MG.SourceDocument))
    graph.append((source, DCTERMS.title, Literal(f"Datamapp {name}", lang="sv")))
    graph.append((source, DCTERMS.title, Literal(f"Data folder {name}", lang="en")))
    year = name if is_year(name) else None
    if year:
        graph.append((source, MG.year, Literal(year, datatype=XSD.gYear)))
    return DataFolder(directory, name, year, source, frozenset(csv_files))


def _read_source(graph: Triples, directory: Path, name: str, files: frozenset[str]) -> DataFolder:
    path = directory / "source.csv"
    rows = list(read_csv(path, SOURCE_COLUMNS))
    if not rows:
        raise InputError(path, "no row; one row names the source of the folder's data", line=2)
    if len(rows) > 1:
        raise rows[1].error(None, "a second source; a data folder's rows come from one source (one row)")
    row = rows[0]
    identifier = row.required("id")
    if not ID_PATTERN.fullmatch(identifier):
        raise row.error("id", f"{identifier!r} has characters an id cannot have (letters a–z, digits, . _ -)")
    year = row.get("year") or (name if is_year(name) else None)
    if year and not is_year(year):
        raise row.error("year", f"{year!r} is not a year")
    if year and is_year(name) and year != name:
        raise row.error("year", f"{year}, but the folder is named {name}; rename one of them")
    source = SOURCE[identifier]
    graph.append((source, RDF.type, MG.SourceDocument))
    graph.append((source, DCTERMS.title, Literal(row.required("title"), lang="sv")))
    if year:
        graph.append((source, MG.year, Literal(year, datatype=XSD.gYear)))
    if row.get("publisher"):
        graph.append((source, DCTERMS.publisher, Literal(row.get("publisher"))))
    if row.get("path"):
        graph.append((source, DCTERMS.identifier, Literal(row.get("path"))))
    return DataFolder(directory, name, year, source, files)


def source_csv(path: Path, year: int, root: Path) -> str:
    """The ``source.csv`` of a data folder imported from Tillväxtverket's table appendix at ``path``.

    ``path`` is written relative to ``root`` (the checkout) when it lies inside it.
    """
    try:
        shown = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = str(path)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SOURCE_COLUMNS)
    writer.writerow((f"tillvaxtverket-tabellbilaga-{year}",
                     f"Tillväxtverket: Regionernas återrapportering {year}, tabellbilaga", "Tillväxtverket", year,
                     shown))
    return buffer.getvalue()


__all__ = ["DATA_FILES", "ID_PATTERN", "SOURCE_COLUMNS", "DataFolder", "Triples", "data_folder", "folder_name",
           "is_year", "source_csv", "warn_load"]
