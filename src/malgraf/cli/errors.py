"""How the command line ends on an error: one ``Error: …`` line and an exit status, never a traceback."""

from __future__ import annotations

import functools
import os
import sys
import warnings
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from malgraf.errors import LoadWarning, LookupFailedError, MalgrafError
from malgraf.output import visible

F = TypeVar("F", bound=Callable[..., Any])

INTERNAL_ERROR = 70
"""Exit status of an error malgraf did not foresee (EX_SOFTWARE)."""
INTERRUPTED = 130
BROKEN_PIPE = 141
"""128 + SIGPIPE, what a shell reports for a program that stopped writing into a closed pipe."""


def _fail(text: str, code: int) -> NoReturn:
    click.echo(visible(text, keep="\n"), err=True)
    raise SystemExit(code)


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit does not fail again."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)


def report_error(error: BaseException) -> NoReturn:
    """Turn an exception that reached the command line into one ``Error: …`` line and an exit status.

    ``MalgrafError`` says what was wrong with the input; an interrupt is ``Interrupted`` (130); a
    closed pipe (``malgraf … | head``) ends quietly (141); an ``OSError`` names the file; anything
    else is an internal error (70) to report, never a traceback. Click's own exceptions pass.
    """
    if isinstance(error, (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort)):
        raise error
    if isinstance(error, LookupFailedError):
        lines = [f"Error: {error}", *(f"  {label}  <{iri}>" for iri, label in error.candidates)]
        _fail("\n".join(lines), error.exit_code)
    if isinstance(error, MalgrafError):
        _fail(f"Error: {error}", error.exit_code)
    if isinstance(error, KeyboardInterrupt):
        _fail("Interrupted", INTERRUPTED)
    if isinstance(error, BrokenPipeError):
        _quiet_stdout()
        raise SystemExit(BROKEN_PIPE)
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        _fail(f"Error: {error.filename}: {reason}" if error.filename is not None else f"Error: {reason}", 1)
    if isinstance(error, Exception):
        detail = " ".join(str(error).split())
        detail = detail if len(detail) <= 200 else detail[:199] + "…"
        _fail(f"Error: internal error ({type(error).__name__}: {detail}); please report it", INTERNAL_ERROR)
    raise error


def reports_errors(command: F) -> F:
    """Report whatever a command raises as ``report_error`` does: ``Error: …`` and an exit status.

    A ``LoadWarning`` is shown as ``Warning: …`` on stderr, each time it is raised.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", LoadWarning)
                shown = warnings.showwarning

                def show(message: Warning | str, category: type[Warning], *rest: Any, **named: Any) -> None:
                    if issubclass(category, LoadWarning):
                        click.echo(visible(f"Warning: {message}", keep="\n"), err=True)
                    else:
                        shown(message, category, *rest, **named)

                warnings.showwarning = show
                return command(*args, **kwargs)
        except (Exception, KeyboardInterrupt) as error:
            report_error(error)

    return wrapper  # type: ignore[return-value]


class MalgrafGroup(click.Group):
    """The command group; what escapes a command's own handling, parsing included, is reported too.

    An argument holding NUL (which no shell can pass, but a program can) is a usage error.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        for arg in args:
            if "\x00" in arg:
                raise click.UsageError(f"{arg!r}: an argument cannot hold a NUL character", ctx)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (Exception, KeyboardInterrupt) as error:
            report_error(error)
