"""Typed errors; the CLI turns them into ``Error: …`` lines and exit codes."""

from __future__ import annotations

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


class GraphNotFoundError(MalgrafError):
    """The built graph file is missing; run ``malgraf build`` first."""


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
