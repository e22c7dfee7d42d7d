"""What the hostile sweep (``benchmarks/hostile_sweep.py``) found, held fixed: one test per class of failure."""

from __future__ import annotations

import importlib.abc
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import malgraf
from malgraf.cli import main
from malgraf.errors import InputError
from malgraf.files import check_input_file
from malgraf.resources import APPENDIX_2023, GOALS_DIRECTORY

MINI = Path(__file__).parent / "data" / "mini"
CONFORMS = Path(__file__).parent / "data" / "validate" / "conforms.ttl"



def run(*args: str | Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args], input=stdin)


# Inputs read whole must be regular files: a FIFO blocks (the Turtle parser even ignores Ctrl-C
# there), a device such as /dev/zero never ends.


def test_an_input_that_is_not_a_regular_file_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "goals.ttl"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"goals\.ttl: is a FIFO, not a regular file"):
        check_input_file(fifo)
    with pytest.raises(InputError, match="Is a directory"):
        check_input_file(tmp_path)
    link = tmp_path / "link.ttl"
    link.symlink_to(CONFORMS)
    check_input_file(link)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_build_turtle_refuses_a_device(device: str, tmp_path: Path) -> None:
    out = tmp_path / "g.nq"
    result = run("build", "--turtle", device, "--out", out)
    assert result.exit_code == 1, result.output
    assert result.stderr == f"Error: {device}: is a character device, not a regular file\n"
    assert not out.exists()


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_import_appendix_refuses_a_device(device: str, tmp_path: Path) -> None:
    result = run("import", "appendix", device, "--out", tmp_path / "2023")
    assert result.exit_code == 1, result.output
    assert result.stderr == f"Error: {device}: is a character device, not a regular file\n"
    assert not (tmp_path / "2023").exists()


def test_import_appendix_refuses_a_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import malgraf.importers.appendix.parse as parse

    monkeypatch.setattr(parse, "MAX_APPENDIX_BYTES", 1000)
    result = run("import", "appendix", APPENDIX_2023, "--out", tmp_path / "2023")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {APPENDIX_2023}: {APPENDIX_2023.stat().st_size} bytes, more than the "
                                    "1000 an appendix may have")


# A region misspelt with a character that is not a letter (`Dala#rna`, a NUL) was not taken for a
# region: its row ran on into the one before, one insats fewer, no word said.


def appendix_with(tmp_path: Path, change: str) -> tuple[Path, int]:
    """A copy of the shipped appendix whose first Dalarna row reads ``change`` for ``Dalarna``; and that line."""
    lines = APPENDIX_2023.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("Dalarna "))
    lines[number - 1] = lines[number - 1].replace("Dalarna", change, 1)
    source = tmp_path / "appendix.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    return source, number


@pytest.mark.parametrize("character", ["#", "1", "\x1b", "\x7f", "\u00a4"])
def test_import_appendix_a_region_misspelt_with_a_non_letter_stops_the_import(character: str, tmp_path: Path) -> None:
    source, number = appendix_with(tmp_path, f"Dala{character}rna")
    result = run("import", "appendix", source, "--out", tmp_path / "2023")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: {source}:{number}: Region: unknown region 'Dala")
    assert "(did you mean 'Dalarna'?)" in result.stderr
    assert not (tmp_path / "2023").exists()


def test_import_appendix_refuses_a_nul_byte_with_its_line(tmp_path: Path) -> None:
    source, number = appendix_with(tmp_path, "Dalarna Regional\x00")
    result = run("import", "appendix", source, "--out", tmp_path / "2023")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: {source}:{number}: holds a NUL byte")
    assert not (tmp_path / "2023").exists()


# A year the CSV reader refuses must not be written by the importer.


@pytest.mark.parametrize("year", ["1", "-1", "99999", "0"])
def test_import_appendix_year_is_four_digits(year: str, tmp_path: Path) -> None:
    result = run("import", "appendix", "--year", year, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--year'" in result.stderr
    assert not (tmp_path / "out").exists()


# An empty --region, --goal or --insats was read as not given: every region validated, or the
# overview drawn, for a question about nothing.


def test_validate_an_empty_region_is_an_error(mini_path: Path) -> None:
    result = run("validate", "--graph", mini_path, "--region", "")
    assert result.exit_code == 2, result.output
    assert result.stderr == "Error: tom text: ange en region\n"


@pytest.mark.parametrize("option", ["--goal", "--insats", "--region"])
def test_view_an_empty_focus_is_an_error(option: str, mini_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    result = run("view", "--graph", mini_path, option, "", "--out", out)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: tom text: ange")
    assert not out.exists()


@pytest.mark.parametrize("args", [["view", "--out", ""], ["validate", ""], ["sparql", ""]])
def test_an_empty_file_name_is_a_usage_error(args: list[str], mini_path: Path) -> None:
    result = run(*args) if args[0] == "validate" else run(*args, "--graph", mini_path)
    assert result.exit_code == 2, result.output
    assert "the file name is empty" in result.stderr


# --lang on every command, and the messages follow it.


@pytest.mark.parametrize(("option", "text", "sv", "en"), [
    ("--goal", "xxqq", "Error: 'xxqq' matchar inget mål\n", "Error: no goal matches 'xxqq'\n"),
    ("--region", "xxqq", "Error: 'xxqq' matchar ingen region\n", "Error: no region matches 'xxqq'\n"),
])
def test_view_lookup_messages_follow_lang(option: str, text: str, sv: str, en: str, mini_path: Path,
                                          tmp_path: Path) -> None:
    for lang, expected in (("sv", sv), ("en", en)):
        result = run("view", "--graph", mini_path, option, text, "--out", tmp_path / "v.html", "--lang", lang)
        assert (result.exit_code, result.stderr) == (2, expected)


def test_validate_messages_follow_lang(mini_path: Path) -> None:
    for lang, expected in (("sv", "Error: 'xxqq' matchar ingen region\n"), ("en", "Error: no region matches 'xxqq'\n")):
        result = run("validate", "--graph", mini_path, "--region", "xxqq", "--lang", lang)
        assert (result.exit_code, result.stderr) == (2, expected)


def test_build_says_what_it_wrote_in_either_language(tmp_path: Path) -> None:
    out = tmp_path / "g.nq"
    sv = run("build", "--data", MINI, "--out", out)
    en = run("build", "--data", MINI, "--out", out, "--lang", "en")
    assert sv.exit_code == en.exit_code == 0
    total = sv.stdout.splitlines()[-1].split()[1]
    assert sv.stdout.splitlines()[-1] == f"Skrev {total} kvadrupler till {out}"
    assert en.stdout.splitlines()[-1] == f"Wrote {total} quads to {out}"


def test_import_appendix_says_what_it_read_in_either_language(tmp_path: Path) -> None:
    sv = run("import", "appendix", "--out", tmp_path / "sv")
    en = run("import", "appendix", "--out", tmp_path / "en", "--lang", "en")
    assert sv.exit_code == en.exit_code == 0
    assert sv.stdout.startswith("Läste 525 insatser, ") and en.stdout.startswith("Read 525 insatser, ")
    assert sv.stdout.splitlines()[1].endswith("regionala målformuleringar knöts till ett mål i regionens målvokabulär "
                                              f"({GOALS_DIRECTORY})")
    assert en.stdout.splitlines()[1].endswith(f"were tied to a goal of the region's goal vocabulary "
                                              f"({GOALS_DIRECTORY})")
    assert sv.stdout.splitlines()[2].startswith("Skrev insatser.csv, ")
    assert en.stdout.splitlines()[2].startswith("Wrote insatser.csv, ")


def test_sparql_notes_follow_lang(mini_path: Path) -> None:
    query = "SELECT ?s { ?s ?p ?o }"
    sv = run("sparql", "-", "--graph", mini_path, "--limit", "1", stdin=query)
    en = run("sparql", "-", "--graph", mini_path, "--limit", "1", "--lang", "en", stdin=query)
    assert sv.stderr == "Visar de första 1 raderna; frågan ger fler (--limit)\n"
    assert en.stderr == "Showing the first 1 rows; the query gives more (--limit)\n"


# An empty answer says so; with Turtle an empty CONSTRUCT printed a blank line and nothing else.


@pytest.mark.parametrize(("query", "fmt", "note"), [
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(false) }", None, "The query gives no triples"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(false) }", "ntriples", "The query gives no triples"),
    ("SELECT ?s { ?s ?p ?o FILTER(false) }", "json", "The query gives no rows"),
    ("SELECT ?s { ?s ?p ?o FILTER(false) }", "table", "The query gives no rows"),
])
def test_sparql_an_empty_answer_says_so_on_stderr(query: str, fmt: str | None, note: str, mini_path: Path) -> None:
    result = run("sparql", "-", "--graph", mini_path, "--lang", "en", *(["--format", fmt] if fmt else []), stdin=query)
    assert result.exit_code == 0
    assert result.stderr == note + "\n"


def test_sparql_empty_json_ld_has_no_foreign_prefixes(mini_path: Path) -> None:
    result = run("sparql", "-", "--graph", mini_path, "--format", "json",
                 stdin="CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(false) }")
    assert result.exit_code == 0
    assert result.stdout == "[]\n"


# A crash in the sparql worker is one Error line; the faulthandler of the caller (pytest enables one on
# a copy of stderr) printed the child's "Fatal Python error" and stack as well, in every test run.


def test_a_crash_in_the_worker_leaves_the_callers_faulthandler_quiet() -> None:
    script = ("import faulthandler, os, sys\n"
              "from malgraf import worker\n"
              "faulthandler.enable(os.fdopen(os.dup(2), 'w'))\n"
              "try:\n"
              "    worker.run_in_worker(os.abort, timeout=10)\n"
              "except worker.Crashed as error:\n"
              "    print(error)\n")
    environment = {**os.environ, "PYTHONPATH": str(Path(malgraf.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment,
                          timeout=60, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "SIGABRT\n", "")


# Ctrl-C in the first fifth of a second, while the command line was still being imported, printed a
# Python traceback: the `malgraf` command now starts where an interrupt is handled from the first line.


class _InterruptingImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, *args: object) -> None:
        if name == "malgraf.cli":
            raise KeyboardInterrupt


def test_ctrl_c_while_importing_is_interrupted(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
                                               ) -> None:
    from malgraf.__main__ import run

    monkeypatch.delitem(sys.modules, "malgraf.cli")
    monkeypatch.setattr(sys, "meta_path", [_InterruptingImport(), *sys.meta_path])
    with pytest.raises(SystemExit) as exited:
        run()
    assert exited.value.code == 130
    assert capsys.readouterr().err == "Interrupted\n"


def test_the_malgraf_command_starts_at_the_interrupt_handling_entry_point() -> None:
    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"malgraf": "malgraf.__main__:run"}
