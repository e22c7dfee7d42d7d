"""Every `$ malgraf …` example in the README and docs/ prints what the page says it prints.

An example is a fenced block that starts with ``$ malgraf …`` (or ``$ echo '…' | malgraf …``),
followed by its output. In the output, a line ``…`` stands for any number of lines and ``…``
inside a line for any text; an ``$ echo $?`` line gives the exit status. The examples run in a
scratch folder, in the order of the page, with relative paths as a user in a checkout has them.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from malgraf.cli import main
from malgraf.graph import GRAPH_PATH_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ELLIPSIS = "…"


@dataclass(frozen=True)
class Example:
    page: str
    line: int
    args: list[str]
    stdin: str | None
    output: list[str]
    exit_code: int | None

    def __str__(self) -> str:
        return f"{self.page}:{self.line}"


def examples(page: Path) -> list[Example]:
    """The ``$ malgraf`` examples of ``page``."""
    found = []
    for match in re.finditer(r"^```\n(\$ .*?)^```", page.read_text(encoding="utf-8"), re.M | re.S):
        lines = match.group(1).rstrip("\n").split("\n")
        command = lines.pop(0)[2:]
        while command.count("'") % 2:  # a quoted argument running onto the next line
            command += "\n" + lines.pop(0)
        stdin = None
        if command.startswith("echo ") and "| malgraf " in command:
            echoed, command = command.split("| malgraf ", 1)
            stdin, command = shlex.split(echoed)[1], "malgraf " + command
        if not command.startswith("malgraf "):
            continue
        exit_code = None
        if len(lines) >= 2 and lines[-2] == "$ echo $?":
            exit_code = int(lines[-1])
            lines = lines[:-2]
        number = page.read_text(encoding="utf-8")[:match.start()].count("\n") + 2
        found.append(Example(page.name, number, shlex.split(command)[1:], stdin, lines, exit_code))
    return found


ALL = [example for page in PAGES for example in examples(page)]


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` reads as ``expected``, with ``…`` as described in the module docstring."""
    def pattern(line: str) -> re.Pattern[str]:
        return re.compile(".*".join(re.escape(part) for part in line.rstrip().split(ELLIPSIS)))

    position, gap = 0, False
    for line in expected:
        if line.strip() == ELLIPSIS:
            gap = True
            continue
        wanted = pattern(line)
        while position < len(actual) and not wanted.fullmatch(actual[position].rstrip()):
            if not gap:
                return False
            position += 1
        if position == len(actual):
            return False
        position, gap = position + 1, False
    return gap or position == len(actual)


def test_the_pages_have_examples_of_every_kind() -> None:
    commands = {example.args[0] for example in ALL}
    assert {"build", "info", "supports", "goals", "gaps", "sparql", "validate", "view", "import", "report"} <= commands


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch folder that looks like a checkout to relative paths (``tests/…``)."""
    scratch = tmp_path_factory.mktemp("readme")
    work = scratch / "malgraf"
    work.mkdir()
    (work / "tests").symlink_to(ROOT / "tests")
    return work


@pytest.mark.parametrize("example", ALL, ids=str)
def test_example_prints_what_the_page_says(example: Example, checkout: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(checkout)
    monkeypatch.delenv(GRAPH_PATH_VARIABLE, raising=False)
    args = example.args
    if args[0] == "import":  # by default it writes the shipped data; here it writes a copy
        args = [*args, "--out", str(checkout / "data" / "2023")]
    result = CliRunner().invoke(main, args, input=example.stdin)
    actual = result.output.rstrip("\n").split("\n")
    assert matches(example.output, actual), (
        f"{example}: `malgraf {' '.join(example.args)}` printed\n{result.output}")
    if example.exit_code is not None:
        assert result.exit_code == example.exit_code


def test_matching_reads_ellipses_as_gaps_and_nothing_else() -> None:
    assert matches(["a", "b"], ["a", "b"])
    assert not matches(["a", "b"], ["a", "b", "c"])
    assert not matches(["a", "c"], ["a", "b", "c"])
    assert matches(["a", ELLIPSIS, "c"], ["a", "b", "b", "c"])
    assert matches([ELLIPSIS, "c", ELLIPSIS], ["a", "c", "d"])
    assert matches(["file:///…/x.html"], ["file:///tmp/any/x.html"])
    assert not matches(["file:///…/x.html"], ["file:///tmp/any/y.html"])
    assert not matches(["Wrote 61 nodes"], ["Wrote 63 nodes"])
