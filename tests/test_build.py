"""``malgraf build`` and ``malgraf info`` end to end, and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from malgraf.cli import main
from malgraf.namespaces import GRAPH


def test_build_writes_named_graphs(tmp_path: Path) -> None:
    out = tmp_path / "out" / "graph.nq"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert out.is_file()
    text = out.read_text(encoding="utf-8")
    for graph in ("graph/ontology>", "graph/reference/sdg>", "graph/reference/eruf>", "graph/data/2023>"):
        assert graph in text
    header, *quads = text.splitlines()
    assert f"Wrote {len(quads)} quads to {out}" in result.output
    assert header.startswith(f"# malgraf built graph: {len(quads)} quads; on-disk store: graph.nq.oxigraph-")
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.nq", header.rsplit(" ", 1)[1]]


def test_info_counts_classes_and_schemes(tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--out", str(out)]).exit_code == 0
    result = runner.invoke(main, ["info", "--graph", str(out)])
    assert result.exit_code == 0, result.output
    assert "delmål i Agenda 2030                        169" in result.output
    assert "Begreppssystem" in result.output and "Insatser per region" in result.output
    english = runner.invoke(main, ["info", "--graph", str(out), "--lang", "en"])
    assert "Sustainable Development Goal target" in english.output and "Concept schemes" in english.output


def test_info_without_a_built_graph_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["info", "--graph", str(tmp_path / "missing.nq")])
    assert result.exit_code == 1
    assert "run `malgraf build` first" in result.output


def test_broken_turtle_names_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n',
                      encoding="utf-8")
    out = tmp_path / "graph.nq"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--turtle", str(broken)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {broken}:3: ")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [broken]


def test_built_graph_opens_from_its_on_disk_store_when_current(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from malgraf.graph import index_path, open_store

    out = tmp_path / "graph.nq"
    assert CliRunner().invoke(main, ["build", "--out", str(out)]).exit_code == 0
    index = index_path(out)
    assert index is not None and (index / "store").is_dir()
    on_disk = open_store(out)
    with pytest.raises((OSError, RuntimeError)):
        on_disk.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"),
                            ox.NamedNode("http://example.org/c")))
    assert len(on_disk) == int(out.read_text(encoding="utf-8").split()[4])


def test_commands_build_the_default_graph_once_when_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = tmp_path / "default.nq"
    monkeypatch.setenv("MALGRAF_GRAPH", str(graph))
    runner = CliRunner()
    first = runner.invoke(main, ["supports", "sdg:7", "--lang", "en"])
    assert first.exit_code == 0, first.output
    assert f"Built the graph first: {graph}" in first.output and graph.is_file()
    built_at = graph.stat().st_mtime_ns
    second = runner.invoke(main, ["supports", "sdg:7", "--lang", "en"])
    assert second.exit_code == 0 and "Built the graph first" not in second.output
    assert graph.stat().st_mtime_ns == built_at


@pytest.mark.parametrize("command", [["info"], ["view", "--region", "Gotland"], ["gaps", "--scheme", "eruf"],
                                     ["goals", "Kraftkommission"], ["validate", "--summary"]])
def test_every_command_reading_the_default_graph_builds_it_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    graph = tmp_path / "default.nq"
    monkeypatch.setenv("MALGRAF_GRAPH", str(graph))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, command)
    assert f"Byggde grafen först: {graph}" in result.output and graph.is_file(), result.output


TRIPLE = "<http://example.org/a> <http://example.org/b> {} .\n"


@pytest.mark.parametrize("name", ["my goals.ttl", "a>b.ttl", 'quote"d.ttl', "hash#1.ttl", "åäö %20.ttl"])
def test_an_extra_turtle_file_of_any_name_fills_a_graph_named_after_it(tmp_path: Path, name: str) -> None:
    turtle = tmp_path / name
    turtle.write_text(TRIPLE.format('"x"'), encoding="utf-8")
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--turtle", str(turtle)])
    assert result.exit_code == 0, result.output
    graphs = {row["graph"] for row in json.loads(CliRunner().invoke(
        main, ["sparql", "--graph", str(out), "--format", "json", "-"],
        input="SELECT DISTINCT ?graph WHERE { GRAPH ?graph { <http://example.org/a> ?p ?o } }").output)}
    assert graphs == {str(GRAPH["extra/" + quote(turtle.stem, safe="")])}


def test_two_extra_turtle_files_of_one_name_are_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "goals.ttl").write_text(TRIPLE.format('"x"'), encoding="utf-8")
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--turtle", str(tmp_path / "a" / "goals.ttl"),
                                       "--turtle", str(tmp_path / "b" / "goals.ttl")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'b' / 'goals.ttl'}: has the same name as")
    assert not out.exists()


def test_a_turtle_literal_longer_than_the_parser_reads_is_one_error_line(tmp_path: Path) -> None:
    turtle = tmp_path / "big.ttl"
    turtle.write_text(TRIPLE.format('"' + "x" * (17 << 20) + '"'), encoding="utf-8")
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--turtle", str(turtle)])
    assert result.exit_code == 1
    assert result.output == f"Error: {turtle}: a term is longer than the Turtle parser reads (16 MiB); " \
                            "shorten it or keep such text outside the graph\n"
    assert not out.exists()
