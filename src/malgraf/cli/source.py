"""Where a read command finds the graph: the built file (``--graph``) or a SPARQL server (``--endpoint``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from malgraf.cli.errors import F
from malgraf.cli.options import graph_option
from malgraf.i18n import message
from malgraf.query import require_closure
from malgraf.store import GraphStore

if TYPE_CHECKING:
    from malgraf.store.endpoint import Login

def _remember_endpoint(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    source = ctx.get_parameter_source(param.name or "endpoint")
    if value == "" and source == click.core.ParameterSource.COMMANDLINE:
        raise click.BadParameter("an empty URL; give the server's SPARQL query endpoint", ctx, param)
    if value:  # an empty $MALGRAF_ENDPOINT is as good as none
        ctx.meta[ENDPOINT_KEY] = (value, source)


def endpoint_login(lang: str, *, ask: bool) -> Login | None:
    """The login for a server: ``$MALGRAF_ENDPOINT_USER`` and ``$MALGRAF_ENDPOINT_PASSWORD``, the
    password asked for (``ask``, on a terminal) when only the user is set; never the command line."""
    from malgraf.store.endpoint import Login

    user, password = os.environ.get("MALGRAF_ENDPOINT_USER"), os.environ.get("MALGRAF_ENDPOINT_PASSWORD")
    if user and password is None and ask and sys.stdin.isatty():
        password = click.prompt(message("push.password", lang, user=user), hide_input=True, err=True)
    return Login(user, password or "") if user else None


ENDPOINT_KEY = "malgraf.endpoint"
endpoint_option = click.option(
    "--endpoint", envvar="MALGRAF_ENDPOINT", expose_value=False, callback=_remember_endpoint,
    help="Read the graph from this SPARQL query endpoint, filled by `malgraf push`, instead of the built "
         "file (or $MALGRAF_ENDPOINT).",
)


def read_graph_option(command: F) -> F:
    """``--graph FILE`` and ``--endpoint URL``: where a read command finds the graph (``open_graph``)."""
    return graph_option(endpoint_option(command))


def open_graph(graph_path: Path | None, lang: str) -> GraphStore:
    """The server of ``--endpoint``, else the built graph; the default one is built first if it is
    missing or older than its inputs. ``--graph`` beats ``$MALGRAF_ENDPOINT``; with ``--endpoint``
    it is a usage error."""
    from malgraf.build import open_built_graph

    endpoint, source = click.get_current_context().meta.get(ENDPOINT_KEY, (None, None))
    if endpoint is not None and graph_path is not None and source == click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError("give --graph or --endpoint, not both")
    if endpoint is not None and graph_path is None:
        from malgraf.store import RemoteStore
        from malgraf.store.endpoint import SparqlEndpoint

        remote = RemoteStore(SparqlEndpoint(endpoint, login=endpoint_login(lang, ask=False)))
        require_closure(remote)
        return remote

    store, built = open_built_graph(graph_path)
    if built:
        from malgraf.graph import default_graph_path

        click.echo(message("built_first", lang, path=default_graph_path()), err=True)
    require_closure(store)
    return store
