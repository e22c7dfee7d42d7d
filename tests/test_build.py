"""``malgraf build`` and ``malgraf info`` end to end, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from malgraf.cli import main


def test_build_writes_named_graphs(tmp_path: Path) -> None:
    out = tmp_path / "out" / "graph.nq"
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()
    text = out.read_text(encoding="utf-8")
    for graph in ("graph/ontology>", "graph/reference/sdg>", "graph/reference/eruf>", "graph/data/2023>"):
        assert graph in text
    assert f"Wrote {len(text.splitlines())} quads to {out}" in result.output
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


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
    assert (index_path(out) / "store").is_dir()
    on_disk = open_store(out)
    with pytest.raises((OSError, RuntimeError)):
        on_disk.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"),
                            ox.NamedNode("http://example.org/c")))
    count = len(on_disk)
    del on_disk
    out.write_text(out.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    in_memory = open_store(out)
    assert len(in_memory) == count - 1


def test_commands_build_the_default_graph_once_when_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = tmp_path / "default.nq"
    monkeypatch.setenv("MALGRAF_GRAPH", str(graph))
    runner = CliRunner()
    first = runner.invoke(main, ["supports", "sdg:7"])
    assert first.exit_code == 0, first.output
    assert f"Built the graph first: {graph}" in first.output and graph.is_file()
    built_at = graph.stat().st_mtime_ns
    second = runner.invoke(main, ["supports", "sdg:7"])
    assert second.exit_code == 0 and "Built the graph first" not in second.output
    assert graph.stat().st_mtime_ns == built_at
