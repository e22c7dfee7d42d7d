"""The command line at its edges: no traceback, no silent wrong answer, output safe to print, two languages."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import malgraf.answers
import malgraf.build
from malgraf.build import build
from malgraf.cli import main

MINI = Path(__file__).parent / "data" / "mini"



def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def assert_no_traceback(result: Result, bad: bool) -> None:
    """The result of a command given ``bad`` input or not: an answer, or ``Error: …`` and a usage status."""
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if bad:
        assert result.exit_code != 0, result.output
    if result.exit_code:
        assert result.exit_code in (1, 2), result.output  # not 70: every bad input has its own message
        first = result.stderr.split("\n", 1)[0]
        usage = first.startswith("Usage: ") and "\nError: " in result.stderr  # click's own usage errors
        assert first.startswith("Error: ") or usage, result.stderr
        assert "internal error" not in result.stderr


# 1. No traceback reaches a user.


def fail_with(error: BaseException) -> Callable[..., object]:
    def raiser(*args: object, **kwargs: object) -> object:
        raise error
    return raiser


def test_an_interrupt_says_interrupted_and_exits_130(mini_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(malgraf.answers, "supports_answer", fail_with(KeyboardInterrupt()))
    result = run("supports", "sdg:8", "--graph", str(mini_path))
    assert (result.exit_code, result.stderr, result.stdout) == (130, "Interrupted\n", "")


def test_a_closed_pipe_ends_quietly(mini_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(malgraf.answers, "supports_answer", fail_with(BrokenPipeError(errno.EPIPE, "Broken pipe")))
    result = run("supports", "sdg:8", "--graph", str(mini_path))
    assert (result.exit_code, result.output) == (141, "")


def test_a_closed_pipe_in_a_real_shell_prints_nothing_on_stderr(shipped_graph_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent / "src")}
    command = [sys.executable, "-m", "malgraf", "supports", "sdg:8", "--graph", str(shipped_graph_path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader has gone before malgraf writes its first line
        error = process.stderr.read()
    assert error == b"" and process.returncode == 141


@pytest.mark.parametrize(("error", "message"), [
    (PermissionError(errno.EACCES, "Permission denied", "build/malgraf.nq"),
     "Error: build/malgraf.nq: Permission denied"),
    (OSError(errno.ENOSPC, "No space left on device"), "Error: No space left on device"),
])
def test_an_os_error_names_the_file_and_the_reason(error: OSError, message: str, mini_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(malgraf.answers, "gaps_answer", fail_with(error))
    result = run("gaps", "--graph", str(mini_path))
    assert (result.exit_code, result.stderr) == (1, message + "\n")


def test_anything_else_is_one_line_of_internal_error_exit_70(mini_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(malgraf.answers, "info_answer", fail_with(RuntimeError("boom\non two lines \x1b[2J")))
    result = run("info", "--graph", str(mini_path))
    assert result.exit_code == 70
    assert result.stderr == "Error: internal error (RuntimeError: boom on two lines ␛[2J); please report it\n"


def test_an_error_while_parsing_is_reported_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(malgraf.cli.FilePath, "convert", fail_with(ValueError("embedded null byte")))
    result = run("info", "--graph", "x.nq")
    assert result.exit_code == 70 and result.stderr.startswith("Error: internal error (ValueError: embedded null")


HOSTILE_TEXT = ["", " ", "x" * 10_000, "kompetens " * 1_000, "\x00", "a\x00b", '<>"{}', 'x" } UNION { ?s ?p ?o } #',
                "sdg:3<>", "rus:", "http://example.org/a b", "<http://example.org/a b>", "\x1b[31m\u202eabc", "\n"]
TEXT_OPTIONS = [("supports", None), ("supports", "--region"), ("goals", None), ("gaps", "--region"),
                ("info", "--region"), ("view", "--goal"), ("view", "--insats"), ("view", "--region"),
                ("report", "--region"), ("report", "--table")]


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=lambda t: repr(t[:12]))
@pytest.mark.parametrize(("command", "option"), TEXT_OPTIONS)
def test_hostile_text_gets_an_error_line(command: str, option: str | None, text: str, mini_path: Path,
                                         tmp_path: Path) -> None:
    given = [option, text] if option else [text]
    args = [command, *(["sdg:8"] if command == "supports" and option else []), *given, "--graph", str(mini_path)]
    if command == "view":
        args += ["--out", str(tmp_path / "view.html")]
    result = run(*args)
    assert_no_traceback(result, bad=not (command == "view" and text == ""))  # view: an empty focus is no focus
    assert "\x00" not in result.output and "\x1b" not in result.output and "\u202e" not in result.output


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), command=st.sampled_from(["supports", "goals", "gaps-region", "supports-region"]))
def test_any_text_gets_an_answer_or_an_error_line(text: str, command: str, mini_path: Path) -> None:
    args = {"supports": ["supports", text], "goals": ["goals", text], "gaps-region": ["gaps", "--region", text],
            "supports-region": ["supports", "sdg:11", "--region", text]}[command]
    result = run(*args, "--graph", str(mini_path))
    assert_no_traceback(result, bad=False)


GRAPH_COMMANDS = [["info"], ["supports", "sdg:8"], ["goals", "2023-1-10-01"], ["gaps"], ["validate"],
                  ["view", "--goal", "sdg:8"], ["sparql", "-"], ["report"]]


def hostile_graphs(tmp: Path) -> list[tuple[str, str]]:
    (tmp / "dir").mkdir()
    (tmp / "text.nq").write_text("this is not N-Quads\n", encoding="utf-8")
    (tmp / "binary.nq").write_bytes(bytes(range(256)))
    return [("missing", str(tmp / "missing.nq")), ("directory", str(tmp / "dir")), ("empty name", ""),
            ("NUL", str(tmp / "a\x00b.nq")), ("not N-Quads", str(tmp / "text.nq")),
            ("binary", str(tmp / "binary.nq")), ("space and markup", str(tmp / 'a b<>"{}.nq'))]


@pytest.mark.parametrize("command", GRAPH_COMMANDS, ids=lambda c: c[0])
def test_a_bad_graph_gets_an_error_line(command: list[str], tmp_path: Path) -> None:
    for _name, graph in hostile_graphs(tmp_path):
        args = [*command, "--graph", graph]
        if command[0] == "view":
            args += ["--out", str(tmp_path / "view.html")]
        result = run(*args, stdin="SELECT * WHERE { ?s ?p ?o } LIMIT 1")
        assert_no_traceback(result, bad=True)


def test_a_graph_without_insatser_is_no_data_not_every_goal_a_gap(tmp_path: Path) -> None:
    empty = tmp_path / "empty.nq"
    build(empty, [])
    result = run("gaps", "--graph", str(empty))
    assert result.exit_code == 1
    assert result.stderr == "Error: Inga insatser i grafen; bygg den med data (malgraf build)\n"


@pytest.mark.parametrize("args", [
    ["supports", "sdg:8", "--year", "abc"], ["supports", "sdg:8", "--section", "0"],
    ["supports", "sdg:8", "--year", ""],
    ["gaps", "--scheme", "nope"], ["supports", "sdg:8", "--scheme", "<>"], ["supports", "sdg:8", "--lang", "de"],
    ["supports", "sdg:8", "--format", "xlsx"], ["supports", "sdg:8", "--year", "99999999999999999999999"],
    ["supports", "sdg:8", "--year", "-1"], ["gaps", "--year", "0"], ["info", "--year", "2031"],
    ["goals", "insats:2023-9-99-99"], ["supports", "eruf:RSO9.9"], ["supports", "--scheme", "eruf", "sdg:3"],
    ["build", "--out", ""], ["build", "--out", "a\x00b"], ["build", "--data", "/nonexistent"],
    ["build", "--turtle", "/nonexistent.ttl"], ["import", "appendix", "/nonexistent.txt"],
    ["import", "appendix", "a\x00b"], ["import", "appendix", "--out", ""], ["view", "--out", "a\x00b.html"],
    ["validate", "a\x00b"], ["sparql", "a\x00b.rq"],
    ["report", "--by", "nope"], ["report", "--format", "pdf"], ["report", "--year", "1999"],
    ["report", "--out", "a\x00b.html", "--format", "html"], ["report", "--out", "/dev/null", "--format", "xlsx"],
    ["report", "--region", "Stockholm"],
])
def test_bad_arguments_get_an_error_line(args: list[str], mini_path: Path) -> None:
    needs_graph = args[0] in ("supports", "gaps", "info", "goals", "report")
    result = run(*args, *(["--graph", str(mini_path)] if needs_graph else []))
    assert_no_traceback(result, bad=True)


def test_build_into_a_directory_that_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run("build", "--out", str(tmp_path / "file" / "graph.nq"))
    assert_no_traceback(result, bad=True)
    assert result.stderr.startswith(f"Error: {tmp_path / 'file'}")


# 2. No silent wrong answers.


@pytest.mark.parametrize(("command", "lang", "message"), [
    (["supports", "sdg:8"], "sv", "Error: Inga insatser för år 2031 i grafen (år med data: 2023)"),
    (["supports", "sdg:8"], "en", "Error: No insatser for the year 2031 in the graph (years with data: 2023)"),
    (["gaps"], "sv", "Error: Inga insatser för år 2031 i grafen (år med data: 2023)"),
    (["info"], "en", "Error: No insatser for the year 2031 in the graph (years with data: 2023)"),
    (["report"], "sv", "Error: Inga insatser för år 2031 i grafen (år med data: 2023)"),
    (["report", "--by", "region", "--format", "json"], "en",
     "Error: No insatser for the year 2031 in the graph (years with data: 2023)"),
])
def test_a_year_without_data_says_so(command: list[str], lang: str, message: str, mini_path: Path) -> None:
    result = run(*command, "--year", "2031", "--lang", lang, "--graph", str(mini_path))
    assert (result.exit_code, result.stderr, result.stdout) == (1, message + "\n", "")


@pytest.mark.parametrize("command", [["supports", "sdg:8"], ["gaps"], ["info"], ["report", "--by", "rus"]])
def test_a_region_without_data_says_so(command: list[str], mini_path: Path) -> None:
    result = run(*command, "--region", "Stockholm", "--graph", str(mini_path))
    assert result.exit_code == 1
    assert result.stderr == "Error: Inga insatser för Stockholm i grafen (regioner med data: Gotland, Blekinge)\n"


def test_a_region_with_data_in_another_year_says_which(tmp_path: Path) -> None:
    rows = (MINI / "insatser.csv").read_text(encoding="utf-8").splitlines()
    links_header = (MINI / "goal_links.csv").read_text(encoding="utf-8").splitlines()[0] + "\n"
    moved = rows[1].replace("2023-1-10-01,2023", "2022-1-10-01,2022")  # Blekinge reports for 2022, Gotland for 2023
    folders = []
    for year, row in (("2022", moved), ("2023", rows[3])):
        folder = tmp_path / year
        folder.mkdir()
        folder.joinpath("insatser.csv").write_text("\n".join([rows[0], row]) + "\n", encoding="utf-8")
        folder.joinpath("goal_links.csv").write_text(links_header, encoding="utf-8")
        folders.append(folder)
    graph = tmp_path / "graph.nq"
    build(graph, folders)
    result = run("supports", "sdg:8", "--region", "Blekinge", "--year", "2023", "--graph", str(graph))
    assert result.exit_code == 1
    assert result.stderr == "Error: Inga insatser för Blekinge år 2023 i grafen (år med data för Blekinge: 2022)\n"


def test_a_target_nothing_reaches_points_to_its_goal(shipped_graph_path: Path) -> None:
    """sdg:3.5 (substance abuse): no report names it and no crosswalk link reaches it."""
    goal_links = Path(__file__).parent.parent / "data" / "2023" / "goal_links.csv"
    sdg = [row["goal"] for row in csv.DictReader(goal_links.open(encoding="utf-8")) if row["goal"].startswith("sdg:")]
    assert sum("." in g for g in sdg) == 0  # the 2023 reports name Agenda 2030 goals, never targets
    result = run("supports", "sdg:3.5", "--graph", str(shipped_graph_path))
    assert result.exit_code == 0
    heading, note = result.stdout.rstrip("\n").split("\n\n")
    assert heading.startswith("0 insatser stödjer ")
    assert note.startswith("Ingen insats i rapporterna för 2023 anger målet, ett mål under det eller ett mål som "
                           "korsreferensen kopplar till det.")
    goal = run("supports", "sdg:3", "--graph", str(shipped_graph_path)).stdout.split(" ", 1)[0]
    assert note.endswith(f"Målet ovanför: malgraf supports sdg:3 (Hälsa och välbefinnande, {goal} insatser).")
    english = run("supports", "sdg:3.5", "--graph", str(shipped_graph_path), "--lang", "en").stdout
    assert "The goal above it: malgraf supports sdg:3 " in english


def test_a_goal_without_supporters_says_why_in_every_format(mini_path: Path) -> None:
    table = run("supports", "sdg:1", "--graph", str(mini_path))
    assert table.exit_code == 0
    note = table.stdout.split("\n\n")[1]
    assert note.startswith("Ingen insats i rapporterna för 2023 anger målet, ett mål under det")
    assert "regionName" not in table.stdout  # no empty table
    data = run("supports", "sdg:1", "--graph", str(mini_path), "--format", "json")
    assert json.loads(data.stdout) == [] and data.stderr.startswith("Ingen insats i rapporterna för 2023")
    rows = run("supports", "sdg:1", "--graph", str(mini_path), "--format", "csv")
    assert rows.stdout.startswith("goal,insats,") and len(rows.stdout.splitlines()) == 1 and rows.stderr


def test_zero_supporters_under_conditions_says_how_many_without_them(mini_path: Path) -> None:
    result = run("supports", "sdg:8", "--direct", "--section", "3", "--graph", str(mini_path))
    assert result.stdout.split("\n\n")[1] == ("Ingen insats stödjer målet med avsnitt 3, bara direkta kopplingar; "
                                              "utan dessa villkor stödjer 1 insatser det.\n")
    english = run("supports", "sdg:8", "--region", "Blekinge", "--graph", str(mini_path), "--lang", "en")
    assert english.stdout.split("\n\n")[1] == ("No insats supports it with region Blekinge; without these conditions "
                                               "1 insatser do.\n")


def test_an_insats_without_goals_says_so(mini_path: Path) -> None:
    result = run("goals", "2023-7-09-01", "--graph", str(mini_path))
    assert result.exit_code == 0
    assert result.stdout == ("Energiön Gotland <https://w3id.org/malgraf/id/insats/2023-7-09-01>\n\n"
                             "Insatsen anger inget mål som finns i grafen.\n")


def test_no_gaps_says_every_goal_is_served(mini_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(malgraf.answers, "gaps_in", lambda *args, **kwargs: [])
    result = run("gaps", "--scheme", "eruf", "--graph", str(mini_path), "--lang", "en")
    assert result.stdout == ("0 goals without a supporting insats\n\n"
                             "Every goal of eruf is supported by at least one insats.\n")


def candidates(result: Result) -> list[str]:
    return [line.rsplit("<", 1)[1].rstrip(">") for line in result.stderr.splitlines()[1:]]


def test_words_of_goals_in_several_schemes_list_them(shipped_graph_path: Path) -> None:
    result = run("supports", "smart specialisering", "--graph", str(shipped_graph_path))
    assert result.exit_code == 2
    head = result.stderr.splitlines()[0]
    assert re.match(r"Error: 'smart specialisering' matchar \d+ mål \(national 1, eruf 1, rus \d+ i \d+ regioner\); "
                    r"var mer specifik eller ange en IRI", head)
    found = candidates(result)
    assert "https://w3id.org/malgraf/id/ns/priority-3.4" in found and "https://w3id.org/malgraf/id/eruf/RSO1.4" in found
    # its label is the very words: first; one node for the goal, whatever wording a row used
    assert found[0] == "https://w3id.org/malgraf/id/rus/23-smart-specialisering"
    assert "Smart specialisering (rus, Jämtland Härjedalen)  <" in result.stderr


def test_scheme_and_region_narrow_the_goal(shipped_graph_path: Path) -> None:
    eruf = run("supports", "--scheme", "eruf", "smart specialisering", "--graph", str(shipped_graph_path))
    assert eruf.exit_code == 0 and "<https://w3id.org/malgraf/id/eruf/RSO1.4>" in eruf.stdout.split("\n")[0]
    skane = run("supports", "--region", "Skåne", "smart specialisering", "--graph", str(shipped_graph_path))
    assert skane.exit_code == 2
    assert candidates(skane) == ["https://w3id.org/malgraf/id/ns/priority-3.4",
                                 "https://w3id.org/malgraf/id/eruf/RSO1.4"]
    own = run("supports", "--scheme", "rus", "--region", "23", "smart specialisering",
              "--graph", str(shipped_graph_path))
    assert own.exit_code == 0
    assert "<https://w3id.org/malgraf/id/rus/23-smart-specialisering>" in own.stdout.split("\n")[0]
    assert {line.split("  ")[0] for line in own.stdout.split("\n")[4:] if line} == {"Jämtland Härjedalen"}


def test_the_exact_name_of_a_reference_goal_still_means_it(shipped_graph_path: Path) -> None:
    result = run("supports", "hälsa och välbefinnande", "--graph", str(shipped_graph_path))
    assert result.exit_code == 0 and "<http://metadata.un.org/sdg/3>" in result.stdout.split("\n")[0]


def test_an_iri_of_another_scheme_is_refused(mini_path: Path) -> None:
    result = run("supports", "--scheme", "eruf", "sdg:3", "--graph", str(mini_path))
    assert (result.exit_code, result.stderr) == (2, "Error: sdg:3 är ett mål i sdg, inte i eruf\n")
    english = run("supports", "--scheme", "eruf", "sdg:3", "--graph", str(mini_path), "--lang", "en")
    assert english.stderr == "Error: sdg:3 is a goal of sdg, not of eruf\n"


# 3. Outputs safe to open.


@pytest.fixture(scope="module")
def hostile_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data set whose names and statements hold escape sequences, bidi overrides and formulas."""
    data = tmp_path_factory.mktemp("hostile") / "2023"
    data.mkdir()
    with (data / "insatser.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "year", "section", "region", "lanskod", "name", "description", "outputs", "effects",
                         "nyps_id", "source_first_line", "source_last_line"])
        writer.writerow(["2023-1-10-01", "2023", "1", "Blekinge", "10", "=HYPERLINK(\"http://evil\")\x1b[2J", "", "",
                         "", "", "1", "2"])
        writer.writerow(["2023-1-10-02", "2023", "1", "Blekinge", "10", "abc\u202edcba\x07\x9b", "", "", "", "", "3",
                         "4"])
        writer.writerow(["2023-1-10-03", "2023", "1", "Blekinge", "10", "evil twin", "", "", "", "", "5", "6"])
    with (data / "goal_links.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["insats_id", "kind", "statement", "goal", "level", "method", "source_first_line",
                         "source_last_line"])
        writer.writerow(["2023-1-10-01", "rus", "@SUM(1+1)\x1b]0;title\x07", "rus:10-evil", "mål", "marker", "1", "1"])
        writer.writerow(["2023-1-10-02", "rus", "@SUM(1+1)\x1b]0;title\x07", "rus:10-evil", "mål", "marker", "3", "3"])
    path = data.parent / "graph.nq"
    build(path, [data])
    return path


RAW = ["\x1b", "\x07", "\x9b", "\u202e"]


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "json"])
@pytest.mark.parametrize("command", [["supports", "rus:10-evil"], ["goals", "2023-1-10-01"], ["gaps"]])
def test_control_characters_from_the_data_never_reach_the_terminal(command: list[str], fmt: str,
                                                                   hostile_path: Path) -> None:
    result = run(*command, "--graph", str(hostile_path), "--format", fmt)
    assert result.exit_code == 0, result.output
    assert not [c for c in RAW if c in result.output]


def test_supports_csv_cells_cannot_run(hostile_path: Path) -> None:
    result = run("supports", "rus:10-evil", "--graph", str(hostile_path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["name"] for row in rows} == {"'=HYPERLINK(\"http://evil\")␛[2J", "abc\\u202edcba␇\\u009b"}
    assert {row["statement"] for row in rows} == {"'@SUM(1+1)␛]0;title␇"}


def test_heading_and_candidates_show_control_characters(hostile_path: Path) -> None:
    heading = run("supports", "rus:10-evil", "--graph", str(hostile_path)).stdout.split("\n")[0]
    assert heading.startswith("2 insatser stödjer @SUM(1+1)␛]0;title␇ <")
    ambiguous = run("goals", "evil", "--graph", str(hostile_path))
    assert ambiguous.exit_code == 2 and "\x1b" not in ambiguous.stderr and "␛[2J" in ambiguous.stderr


# 4. Two languages.


@pytest.mark.parametrize(("command", "sv", "en"), [
    (["supports", "sdg:8"], "1 insats stödjer Anständiga", "1 insats supports Promote sustained"),
    (["supports", "sdg:3"], "0 insatser stödjer", "0 insatser support"),
    (["gaps", "--scheme", "eruf"], "mål utan stödjande insats", "goals without a supporting insats"),
    (["goals", "2023-3-09-01"], "via hierarkin", "through the hierarchy"),
    (["goals", "2023-7-09-01"], "Insatsen anger inget mål", "The insats names no goal"),
    (["info"], "Begreppssystem", "Concept schemes"),
])
def test_headings_and_messages_in_swedish_and_english(command: list[str], sv: str, en: str, mini_path: Path) -> None:
    swedish = run(*command, "--graph", str(mini_path))
    english = run(*command, "--graph", str(mini_path), "--lang", "en")
    assert swedish.exit_code == english.exit_code == 0
    assert sv in swedish.stdout and en not in swedish.stdout
    assert en in english.stdout and sv not in english.stdout


@pytest.mark.parametrize(("command", "sv", "en"), [
    (["supports", ""], "Error: tom text: ange ett mål\n", "Error: no goal given\n"),
    (["goals", " "], "Error: tom text: ange en insats\n", "Error: no insats given\n"),
    (["gaps", "--region", ""], "Error: tom text: ange en region\n", "Error: no region given\n"),
    (["supports", "jämstäldhet"], "Error: 'jämstäldhet' matchar inget mål; närmast:\n",
     "Error: no goal matches 'jämstäldhet'; closest matches:\n"),
    (["supports", "sdg:99"], "Error: inget mål 'sdg:99' i grafen", "Error: no goal 'sdg:99' in the graph"),
    (["supports", "http://a b"], "Error: 'http://a b' är ingen IRI: den innehåller ett mellanslag",
     "Error: 'http://a b' is not an IRI: it holds a space"),
    (["goals", "in"], "Error: 'in' matchar 2 insatser; var mer specifik eller ange en IRI:\n",
     "Error: 'in' matches 2 insatser; be more specific or use an IRI:\n"),
    (["goals", "in"], "(Gotland 2023, avsnitt 3)", "(Gotland 2023, section 3)"),
    (["supports", "--scheme", "eruf", "hälsa"], "Error: 'hälsa' matchar inget mål", "Error: no goal matches 'hälsa'"),
])
def test_lookup_messages_in_swedish_and_english(command: list[str], sv: str, en: str, mini_path: Path) -> None:
    swedish = run(*command, "--graph", str(mini_path))
    english = run(*command, "--graph", str(mini_path), "--lang", "en")
    assert swedish.exit_code == english.exit_code == 2
    assert sv in swedish.stderr and en in english.stderr


def test_the_json_of_info_keeps_its_keys_in_both_languages(mini_path: Path) -> None:
    for lang in ("sv", "en"):
        data = json.loads(run("info", "--graph", str(mini_path), "--format", "json", "--lang", lang).stdout)
        assert list(data) == ["Classes", "Concept schemes", "Insatser per region", "Goals per region"]


def test_info_narrows_insatser_per_region(mini_path: Path) -> None:
    data = json.loads(run("info", "--graph", str(mini_path), "--format", "json", "--region", "09").stdout)
    assert data["Insatser per region"] == [{"lanskod": "09", "regionName": "Gotland", "year": "2023", "count": 2}]


# 5. Logic in the library.


def test_open_built_graph_builds_the_default_graph_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALGRAF_GRAPH", str(tmp_path / "graph.nq"))
    first, built = malgraf.build.open_built_graph()
    assert built and first.count() > 0
    _, again = malgraf.build.open_built_graph()
    assert not again
    _, given = malgraf.build.open_built_graph(tmp_path / "graph.nq")
    assert not given


def test_the_library_gives_rows_ready_to_print(mini_path: Path) -> None:
    from malgraf.answers import gaps_in, supports_answer
    from malgraf.graph import open_graph_store
    from malgraf.namespaces import SDG

    dataset = open_graph_store(mini_path)
    (row,) = supports_answer(dataset, SDG["8"], lang="en").tables[0].rows
    assert (row["how"], row["lines"], row["methodLabel"]) == ("through the hierarchy", "10200–10201", "stated")
    rows = gaps_in(dataset, ["national", "eruf"])
    assert {row["schemeName"] for row in rows} == {"national", "eruf"}
    assert [r["schemeName"] for r in rows] == sorted((r["schemeName"] for r in rows), key=["national", "eruf"].index)
