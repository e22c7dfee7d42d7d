"""A throwaway Virtuoso Open Source 7 on 127.0.0.1, for the tests that need a real SPARQL server.

Its own database in a temporary folder, its own free ports, started in the foreground as a child
process and stopped by that process's id. ``find_virtuoso`` says whether Debian's package
(``virtuoso-opensource``) is installed; ``$MALGRAF_REQUIRE_VIRTUOSO`` (set by ``.ci/run``) turns a
missing server into a failure instead of a skip.
"""

from __future__ import annotations

import configparser
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

DEFAULT_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
REQUIRE = "MALGRAF_REQUIRE_VIRTUOSO"
START_SECONDS = 90.0


def find_virtuoso() -> str | None:
    """The Virtuoso server executable, if Debian's package is installed."""
    return shutil.which("virtuoso-t")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Virtuoso:
    """A running server: its SPARQL endpoint, its Graph Store endpoint and the login for writes."""

    folder: Path
    process: subprocess.Popen[bytes]
    http_port: int
    user: str = "dba"
    password: str = "dba"

    @property
    def sparql(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def graph_store(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud-auth"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


SETTINGS = {("SPARQL", "ResultSetMaxRows"): "10000000", ("SPARQL", "MaxQueryCostEstimationTime"): "0"}
"""Beside the files and ports: Debian's configuration cuts every answer at 10 000 rows, and refuses
a query whose cost it estimates above 400 s (it overestimates ``goals_per_region.rq`` a thousandfold)."""


def start_virtuoso(executable: str, settings: dict[tuple[str, str], str] | None = None) -> Virtuoso:
    """Start a server with a fresh database and wait until its SPARQL endpoint answers.

    ``settings`` ((section, key) → value) change ``virtuoso.ini`` further (e.g. its memory, for a benchmark).
    """
    folder = Path(tempfile.mkdtemp(prefix="malgraf-virtuoso-"))
    config = configparser.ConfigParser(strict=False, interpolation=None, comment_prefixes=(";",),
                                       inline_comment_prefixes=None)
    config.optionxform = str  # type: ignore[assignment,method-assign]
    config.read(DEFAULT_INI, encoding="utf-8")
    for section, key, name in (("Database", "DatabaseFile", "virtuoso.db"),
                               ("Database", "ErrorLogFile", "virtuoso.log"),
                               ("Database", "LockFile", "virtuoso.lck"),
                               ("Database", "TransactionFile", "virtuoso.trx"),
                               ("Database", "xa_persistent_file", "virtuoso.pxa"),
                               ("TempDatabase", "DatabaseFile", "virtuoso-temp.db"),
                               ("TempDatabase", "TransactionFile", "virtuoso-temp.trx")):
        config[section][key] = str(folder / name)
    http_port = _free_port()
    config["Parameters"]["ServerPort"] = f"127.0.0.1:{_free_port()}"
    config["HTTPServer"]["ServerPort"] = f"127.0.0.1:{http_port}"
    config["Parameters"]["DirsAllowed"] = f"., {folder}, /usr/share/virtuoso-opensource-7/vad"
    for (section, key), value in {**SETTINGS, **(settings or {})}.items():
        config[section][key] = value
    ini = folder / "virtuoso.ini"
    with ini.open("w", encoding="utf-8") as handle:
        config.write(handle)
    process = subprocess.Popen([executable, "-c", str(ini), "+foreground"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Virtuoso(folder, process, http_port)
    deadline = time.monotonic() + START_SECONDS
    probe = server.sparql + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (folder / "virtuoso.log").read_text(encoding="utf-8", errors="replace")[-2000:]
            server.stop()
            raise RuntimeError(f"Virtuoso stopped while starting (exit {process.returncode}):\n{log}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as answer:
                if answer.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"Virtuoso did not answer at {server.sparql} within {START_SECONDS:.0f} s")


def required() -> bool:
    """Whether a missing Virtuoso is a failure here (CI) rather than a skip."""
    return os.environ.get(REQUIRE, "") not in ("", "0")
