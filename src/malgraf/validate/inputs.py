"""What ``validate`` reads: Turtle files and directories of tidy CSV files, loaded with the reference.

Whatever stops the loading (bad input, a file that cannot be read, no built graph) becomes a
``CannotLoadError``: one ``Error: <file>[:<line>]: …`` line and exit 2, nothing validated.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from malgraf.closure import materialise_closure
from malgraf.errors import CannotLoadError, InputError, MalgrafError
from malgraf.graph import build_store
from malgraf.resources import GOALS_DIRECTORY


@contextmanager
def cannot_load() -> Iterator[None]:
    """Within this block a ``MalgrafError`` or an ``OSError`` becomes a ``CannotLoadError``."""
    try:
        yield
    except CannotLoadError:
        raise
    except MalgrafError as error:
        raise CannotLoadError(str(error)) from error
    except OSError as error:
        raise CannotLoadError(f"{error.filename}: {error.strerror or error}" if error.filename
                              else str(error)) from error


def load_inputs(paths: Sequence[Path]) -> ox.Store:
    """A store with ontology, reference vocabularies and the given files.

    Turtle files (``.ttl``) are loaded as they are; a directory, or a CSV file standing for the
    directory it is in, is read as one year of tidy CSV files (``insatser.csv``, ``goal_links.csv``…).
    """
    turtle: list[Path] = []
    directories: list[Path] = []
    with cannot_load():
        for path in paths:
            if path.is_file() and path.suffix.lower() in (".ttl", ".turtle"):
                turtle.append(path)
            elif path.is_dir() or (path.suffix.lower() == ".csv" and path.exists()):
                directory = path if path.is_dir() else path.parent
                if not (directory / "insatser.csv").is_file():
                    where = "here" if path.is_dir() else "beside it"
                    raise InputError(path, f"no insatser.csv {where}; give a directory of tidy CSV files")
                if directory not in directories:
                    directories.append(directory)
            elif not path.exists():
                raise InputError(path, "no such file or directory")
            else:
                raise InputError(path, "not a Turtle file (.ttl), a CSV file or a directory of CSV files")
        return build_store(directories, data_loader=_load_year, extra_turtle=turtle,
                           goals_directory=GOALS_DIRECTORY, materialise=materialise_closure)


def _load_year(directory: Path, known_goals: frozenset[URIRef] = frozenset()) -> Graph:
    """``load_year``, with a file that cannot be read or parsed as CSV named as bad input."""
    from malgraf.importers.tables import load_year

    try:
        return load_year(directory, known_goals)
    except OSError as error:
        raise InputError(error.filename or directory, error.strerror or str(error)) from None
    except csv.Error as error:
        raise InputError(directory, f"a CSV file here cannot be read: {error}") from None
