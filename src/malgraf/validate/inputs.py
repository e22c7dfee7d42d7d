"""What ``validate`` reads: Turtle files and directories of tidy CSV files, loaded with the reference."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from malgraf.errors import CannotLoadError, InputError, MalgrafError
from malgraf.graph import build_store


@contextmanager
def cannot_load() -> Iterator[None]:
    """Within this block a ``MalgrafError`` (bad input, no built graph) becomes a ``CannotLoadError``."""
    try:
        yield
    except CannotLoadError:
        raise
    except MalgrafError as error:
        raise CannotLoadError(str(error)) from error


def load_inputs(paths: Sequence[Path]) -> ox.Store:
    """A store with ontology, reference vocabularies and the given files.

    Turtle files (``.ttl``) are loaded as they are; a directory, or a CSV file standing for the
    directory it is in, is read as one year of tidy CSV files (``insatser.csv``, ``goal_links.csv``…).
    """
    from malgraf.importers.tables import load_year

    turtle: list[Path] = []
    directories: list[Path] = []
    with cannot_load():
        for path in paths:
            directory = path if path.is_dir() else path.parent
            if path.is_file() and path.suffix.lower() in (".ttl", ".turtle"):
                turtle.append(path)
            elif path.is_dir() or (path.is_file() and path.suffix.lower() == ".csv"):
                if not (directory / "insatser.csv").is_file():
                    raise InputError(directory, "no insatser.csv here; give a directory of tidy CSV files")
                if directory not in directories:
                    directories.append(directory)
            elif not path.exists():
                raise InputError(path, "no such file or directory")
            else:
                raise InputError(path, "not a Turtle file (.ttl), a CSV file or a directory of CSV files")
        return build_store(directories, data_loader=load_year, extra_turtle=turtle)
