"""Typed errors; the CLI turns them into ``Error: …`` lines and exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class MalgrafError(Exception):
    """Base class of every error malgraf reports to a user."""

    exit_code = 1


class InputError(MalgrafError):
    """Malformed input: names the file, the line or row, and the field when known."""

    def __init__(
        self,
        path: str | Path,
        message: str,
        *,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path)
        self.line = line
        self.field = field
        self.detail = message
        where = self.path if line is None else f"{self.path}:{line}"
        what = f"{field}: {message}" if field else message
        super().__init__(f"{where}: {what}")


@dataclass(frozen=True)
class InputWarning:
    """Input read by a guess the user should check; names the place as ``InputError`` does.

    Importers return these with their result; the CLI prints each as ``Warning: …`` on stderr.
    """

    path: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class GraphNotFoundError(MalgrafError):
    """The built graph file is missing; run ``malgraf build`` first."""


class NoDataError(MalgrafError):
    """No insatser in the graph, or none for the year or region asked about: there is no answer to give (exit 1)."""


class GraphOutdatedError(MalgrafError):
    """The built graph lacks what this version of malgraf reads (built by an older one); rebuild it."""


class CannotLoadError(MalgrafError):
    """Data or shapes could not be loaded, so nothing was validated (exit 2, as pySHACL does)."""

    exit_code = 2


class LookupFailedError(MalgrafError):
    """A goal, insats or region given by the user matched nothing, or more than one thing."""

    exit_code = 2

    def __init__(self, message: str, candidates: list[tuple[str, str]] | None = None) -> None:
        self.candidates = candidates or []
        super().__init__(message)


class OutputError(MalgrafError):
    """An output file cannot be written: not a regular file, or the system refused (names path and reason)."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = str(path)
        self.detail = message
        super().__init__(f"{self.path}: {message}")


class QueryTimeoutError(InputError):
    """A SPARQL query ran past its time limit and was stopped."""


class QueryFormatError(InputError):
    """An output format that does not apply to the query's form, such as Turtle for a SELECT (a usage error)."""

    exit_code = 2


class LoadWarning(UserWarning):
    """An ``InputWarning`` about data being loaded, raised through Python's ``warnings``.

    Data loaders hand their triples straight to the store, so they have no result to carry warnings
    in; ``cli.reports_errors`` prints each as ``Warning: …`` on stderr.
    """

    def __init__(self, warning: InputWarning) -> None:
        self.warning = warning
        super().__init__(str(warning))
