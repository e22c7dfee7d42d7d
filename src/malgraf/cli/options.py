"""Options and parameter types the commands share."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from malgraf.i18n import LANGUAGES
from malgraf.output import FORMATS


class FilePath(click.Path):
    """A path option or argument; an empty name or one holding NUL is a usage error, not a crash."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = os.fsdecode(value) if isinstance(value, (str, bytes)) else str(value)
        if not text:
            self.fail("the file name is empty", param, ctx)
        if "\x00" in text:
            self.fail(f"{text!r}: a file name cannot hold a NUL character", param, ctx)
        return super().convert(value, param, ctx)


graph_option = click.option(
    "--graph",
    "graph_path",
    type=FilePath(dir_okay=False, path_type=Path),
    default=None,
    help="Built graph to read (default: $MALGRAF_GRAPH or build/malgraf.nq).",
)

format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="Output format.",
)
lang_option = click.option(
    "--lang", type=click.Choice(LANGUAGES), default="sv", show_default=True,
    help="Language of labels and messages.",
)
with_suggested_option = click.option(
    "--with-suggested", is_flag=True,
    help="Follow suggested links no person has reviewed yet too (crosswalk suggestions, an insats' suggested "
         "goals); the rows they give say so.",
)
