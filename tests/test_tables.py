"""The tidy CSV files become RDF; malformed rows are named by file, row and field."""

from __future__ import annotations

import csv
import io
import os
import random
import re
import shutil
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from malgraf.cli import main
from malgraf.errors import InputError, LoadWarning
from malgraf.graph import add_triples
from malgraf.importers.tables import (
    CROSSWALK_COLUMNS,
    GOAL_LINK_COLUMNS,
    INSATS_COLUMNS,
    SOURCE_COLUMNS,
    load_year,
    year_triples,
)
from malgraf.namespaces import GRAPH, ID, INSATS, MG, NS, REGION, RUS, SDG, SOURCE

MINI = Path(__file__).parent / "data" / "mini"


def test_mini_fixture_becomes_insatser_goals_links_and_crosswalk() -> None:
    graph = load_year(MINI)
    insatser = set(graph.subjects(RDF.type, MG.Insats))
    assert len(insatser) == 4
    first = INSATS["2023-1-10-01"]
    assert (first, MG.region, REGION["10"]) in graph
    assert (first, MG.reportedUnder, NS["area-1"]) in graph
    assert set(graph.objects(first, MG.contributesTo)) == {RUS["10-attraktivitet"], SDG["11"]}
    links = list(graph.objects(first, MG.goalLink))
    assert len(links) == 2
    link = next(lk for lk in links if (lk, MG.goal, SDG["11"]) in graph)
    assert graph.value(link, MG.sourceFirstLine) == Literal(118)
    assert graph.value(link, MG.linkMethod) == MG.Stated
    assert (RUS["10-attraktivitet"], RDF.type, MG.RusGoal) in graph
    assert (RUS["10-attraktivitet"], SKOS.inScheme, RUS["10"]) in graph
    assert (RUS["10-attraktivitet"], MG.contributesTo, NS["priority-1.3"]) in graph
    inferred = next(lk for lk in graph.objects(INSATS["2023-3-09-01"], MG.goalLink)
                    if (lk, MG.goal, RUS["09-tillvaxtregion"]) in graph)
    assert graph.value(inferred, MG.linkMethod) == MG.Inferred


def test_reporting_theme_for_sections_5_to_7() -> None:
    graph = load_year(MINI)
    assert graph.value(INSATS["2023-7-09-01"], MG.reportedUnder) == URIRef(
        "https://w3id.org/malgraf/id/theme/miljo-och-klimat")


@pytest.mark.parametrize(
    ("file", "find", "replace", "message"),
    [
        ("insatser.csv", ",Blekinge,10,Regionalt", ",Blekinge,99,Regionalt",
         "insatser.csv:2: lanskod: unknown region '99'"),
        ("insatser.csv", ",22,130", ",tjugotvå,130",
         "insatser.csv:2: source_first_line: 'tjugotvå' is not a whole number"),
        ("insatser.csv", "2023-3-10-01,2023,3", "2023-1-10-01,2023,3", "insatser.csv:3: id: duplicate id"),
        ("insatser.csv", "2023-3-09-01,2023,3", "2023-3-09-01,2023,9", "insatser.csv:4: section: section 9 is not 1–7"),
        ("goal_links.csv", "sdg:11", "sdg 11", "goal_links.csv:3: goal: 'sdg 11' is not a goal CURIE"),
        ("goal_links.csv", "2023-3-10-01,eruf", "2023-3-10-99,eruf",
         "goal_links.csv:4: insats_id: no insats with id '2023-3-10-99'"),
        ("goal_links.csv", ",agenda2030,Delmål", ",sdgs,Delmål", "goal_links.csv:6: kind: 'sdgs' is not one of"),
        ("crosswalk.csv", "ns:priority-1.3", "", "crosswalk.csv:2: contributes_to: is empty"),
        ("insatser.csv", "id,year,", "ident,year,", "insatser.csv:1: missing column(s) id"),
    ],
)
def test_malformed_rows_are_named(tmp_path: Path, file: str, find: str, replace: str, message: str) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    text = (data / file).read_text(encoding="utf-8")
    assert find in text
    (data / file).write_text(text.replace(find, replace, 1), encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_year(data)
    assert message in str(error.value)
    out = tmp_path / "graph.nq"
    result = CliRunner().invoke(main, ["build", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and message in result.output
    assert not out.exists()


def test_a_rus_goal_belongs_to_the_region_its_iri_names(tmp_path: Path) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    header, rest = (data / "goal_links.csv").read_text(encoding="utf-8").split("\n", 1)
    cited = "2023-3-09-01,rus,Stärkt attraktivitet,rus:10-attraktivitet,mål,marker,10207,10207"
    (data / "goal_links.csv").write_text(f"{header}\n{cited}\n{rest}", encoding="utf-8")
    graph = load_year(data)
    assert set(graph.objects(RUS["10-attraktivitet"], MG.region)) == {REGION["10"]}
    result = CliRunner().invoke(main, ["validate", str(data), "--format", "csv"])
    assert result.exit_code == 1
    assert "insats-goal-other-region" in result.output and "2023-3-09-01" in result.output


def test_section_8_records_become_allocation_and_answer_nodes() -> None:
    from decimal import Decimal

    from malgraf.namespaces import ID
    from malgraf.resources import DATA_DIRECTORY

    graph = load_year(DATA_DIRECTORY / "2023")
    allocations = set(graph.subjects(RDF.type, MG.Allocation))
    assert allocations and all(str(node).startswith(str(ID["allocation/2023-"])) for node in allocations)
    blekinge = {(str(graph.value(a, MG.allocationItem)), str(graph.value(a, MG.allocationMeasure)),
                 graph.value(a, MG.amountSek).toPython())
                for a in allocations if (a, MG.region, REGION["10"]) in graph}
    assert ("projektmedel", "planerat", Decimal(29_700_000)) in blekinge
    dalarna = [a for a in allocations if (a, MG.region, REGION["20"]) in graph]
    assert len(dalarna) == 1 and graph.value(dalarna[0], MG.amountSek) is None  # no amount, not 0
    answers = [a for a in graph.subjects(RDF.type, MG.ReportAnswer) if (a, MG.region, REGION["10"]) in graph]
    assert len(answers) == 6 and all(graph.value(a, MG.sourceFirstLine) is not None for a in answers)


# Hostile and malformed input: every case is an `Error: <file>:<row>: <field>: …`, never a traceback ----------

Edit = Callable[[Path], None]


def replace(name: str, find: str, new: str) -> Edit:
    def edit(data: Path) -> None:
        text = (data / name).read_text(encoding="utf-8")
        assert find in text, (name, find)
        (data / name).write_text(text.replace(find, new, 1), encoding="utf-8")
    return edit


def write(name: str, text: str) -> Edit:
    def edit(data: Path) -> None:
        (data / name).write_text(text, encoding="utf-8")
    return edit


def set_cell(name: str, row: int, column: str, value: str) -> Edit:
    """Write ``value`` into one cell, quoted as a CSV writer quotes it (``row`` counts the header as 1)."""
    def edit(data: Path) -> None:
        with (data / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        rows[row - 1][rows[0].index(column)] = value
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        (data / name).write_text(buffer.getvalue(), encoding="utf-8")
    return edit


def remove(name: str) -> Edit:
    def edit(data: Path) -> None:
        (data / name).unlink()
    return edit


def make_directory(name: str) -> Edit:
    def edit(data: Path) -> None:
        (data / name).unlink()
        (data / name).mkdir()
    return edit


def make_fifo(name: str) -> Edit:
    def edit(data: Path) -> None:
        (data / name).unlink()
        os.mkfifo(data / name)
    return edit


def remove_every_csv(data: Path) -> None:
    for path in data.glob("*.csv"):
        path.unlink()
    (data / "notes.txt").write_text("nothing here", encoding="utf-8")


def encode(name: str, encoding: str) -> Edit:
    def edit(data: Path) -> None:
        (data / name).write_bytes((data / name).read_text(encoding="utf-8").encode(encoding))
    return edit


def tabs_between_fields(data: Path) -> None:
    text = (data / "insatser.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\n").writerows(rows)
    (data / "insatser.csv").write_text(buffer.getvalue(), encoding="utf-8")


def repeat_a_column(data: Path) -> None:
    lines = (data / "insatser.csv").read_text(encoding="utf-8").splitlines()
    (data / "insatser.csv").write_text("\n".join([lines[0] + ",name"] + [line + "," for line in lines[1:]]) + "\n",
                                       encoding="utf-8")


ALLOCATION_HEADER = "region,lanskod,item,amount_sek,statement,source_line\n"
ANSWERS_HEADER = "region,lanskod,question,answer,source_first_line,source_last_line\n"
SOURCE_HEADER = "id,title,publisher,year,path\n"

MALFORMED: list[tuple[str, Edit, str, str | None]] = [
    # (case, edit of a copy of tests/data/mini in a folder named 2023, message, what validate says if different)
    ("insatser.csv missing", remove("insatser.csv"), "2023/insatser.csv: no such file", "no insatser.csv here"),
    ("insatser.csv a directory", make_directory("insatser.csv"), "2023/insatser.csv: is a directory, not a CSV file",
     "no insatser.csv here"),
    ("insatser.csv a fifo", make_fifo("insatser.csv"), "2023/insatser.csv: not a regular file", "no insatser.csv here"),
    ("goal_links.csv a directory", make_directory("goal_links.csv"),
     "2023/goal_links.csv: is a directory, not a CSV file", None),
    ("no CSV files at all", remove_every_csv, "2023: no CSV files here", "no insatser.csv here"),
    ("latin-1", encode("insatser.csv", "latin-1"),
     "insatser.csv:2: description: not UTF-8 (byte 0xf6); save the file as CSV UTF-8", None),
    ("cp1252", encode("goal_links.csv", "cp1252"), "goal_links.csv:2: statement: not UTF-8 (byte 0xe4)", None),
    ("UTF-16", encode("insatser.csv", "utf-16"), "insatser.csv: UTF-16 text (Excel's \"Unicode text\"), not UTF-8",
     None),
    ("a workbook", lambda data: (data / "insatser.csv").write_bytes(b"PK\x03\x04\x14\x00\x06\x00"),
     "insatser.csv: a spreadsheet workbook (.xlsx or .xls), not CSV", None),
    ("tab-separated", tabs_between_fields, "the header is separated by tabs: save as CSV UTF-8", None),
    ("column twice", repeat_a_column, "insatser.csv:1: column 'name' appears more than once", None),
    ("200 KB cell", set_cell("insatser.csv", 3, "description", "x" * 200_000),
     "insatser.csv:3: description: a cell of 200000 characters; at most 100000", None),
    ("1 MB cell", set_cell("insatser.csv", 3, "description", "å" * 1_048_576),
     "insatser.csv:3: description: a cell of 1048576 characters", None),
    ("NUL byte", set_cell("insatser.csv", 4, "name", "Inter\x00nationell"), "insatser.csv:4: name: holds a NUL byte",
     None),
    ("quote left open", replace("insatser.csv", ",Energiön Gotland,", ',"Energiön Gotland,'),
     "insatser.csv:5: unexpected end of data: a quote", None),
    ("quote not doubled", replace("insatser.csv", ',"Stöd till ""små"" företag"', ',"Stöd till "små" företag"'),
     "insatser.csv:3: ',' expected after '\"'", None),
    ("row cut short", replace("insatser.csv", ",,,10187,10212", ",,,10187"),
     "insatser.csv:4: 11 fields, fewer than the 12 the header has", None),
    *[(f"goal IRI {iri!r}", set_cell("goal_links.csv", 3, "goal", iri), "goal_links.csv:3: goal: ", None)
      for iri in ("http://ex.org/a b", "http://ex.org/a>b", "http://ex.org/a<b", 'http://ex.org/a"b',
                  "http://ex.org/a{b}", "http://ex.org/a\\b", "http://ex.org/a\x01b", "https://ex.org/a%zz",
                  "http:///no-host", "rus:10-a>b", "sdg:11\tx")],
    ("crosswalk IRI", set_cell("crosswalk.csv", 2, "contributes_to", "http://ex.org/a b"),
     "crosswalk.csv:2: contributes_to: 'http://ex.org/a b' is not a valid IRI", None),
    ("region misspelt", replace("insatser.csv", ",Blekinge,10,Regionalt", ",Dalarnia,20,Regionalt"),
     "insatser.csv:2: region: unknown region 'Dalarnia' (did you mean 'Dalarna'?); lanskod 20 is Dalarna", None),
    ("another region's name", replace("insatser.csv", ",Blekinge,10,Regionalt", ",Stockholm,20,Regionalt"),
     "insatser.csv:2: region: 'Stockholm' is region 01, but lanskod 20 is Dalarna", None),
    ("allocation region", write("allocation.csv", ALLOCATION_HEADER + "Gotland,10,totalt,1000,Text.,5\n"),
     "allocation.csv:2: region: 'Gotland' is region 09, but lanskod 10 is Blekinge", None),
    ("answers region", write("answers.csv", ANSWERS_HEADER + "Gotlnd,09,Fråga?,Svar.,5,6\n"),
     "answers.csv:2: region: unknown region 'Gotlnd' (did you mean 'Gotland'?)", None),
    *[(f"amount {amount}", write("allocation.csv", ALLOCATION_HEADER + f"Blekinge,10,totalt,{amount},Text.,5\n"),
       f"allocation.csv:2: amount_sek: '{amount}' is not an amount in kronor", None)
      for amount in ("NaN", "nan", "inf", "-inf", "Infinity", "1e999", "-5", "12345678901234567")],
    *[(f"whole number {number}", replace("insatser.csv", ",22,130", f",{number},130"),
       f"insatser.csv:2: source_first_line: '{number}' is not a whole number", None)
      for number in ("1_0", "-5", "١٢", "+7")],
    ("lines reversed", replace("insatser.csv", ",22,130", ",130,22"),
     "insatser.csv:2: source_last_line: 22 is before source_first_line 130", None),
    ("year in other digits", replace("insatser.csv", "2023-1-10-01,2023,", "2023-1-10-01,２０２３,"),
     "insatser.csv:2: year: '２０２３' is not a year", None),
    ("year of another folder", replace("insatser.csv", "2023-1-10-01,2023,", "2023-1-10-01,2022,"),
     "insatser.csv:2: year: 2022, but the data folder", None),
    ("source.csv two rows", write("source.csv", SOURCE_HEADER + "a,A,,2023,\nb,B,,2023,\n"),
     "source.csv:3: a second source", None),
    ("source.csv no row", write("source.csv", SOURCE_HEADER), "source.csv:2: no row", None),
    ("source.csv id", write("source.csv", SOURCE_HEADER + "min källa,A,,2023,\n"),
     "source.csv:2: id: 'min källa' has characters an id cannot have", None),
    ("source.csv year", write("source.csv", SOURCE_HEADER + "a,A,,2022,\n"),
     "source.csv:2: year: 2022, but the folder is named 2023", None),
]


@pytest.mark.parametrize(("edit", "message", "validate_message"), [case[1:] for case in MALFORMED],
                         ids=[case[0] for case in MALFORMED])
def test_hostile_input_is_one_error_line_naming_file_row_and_field(
    tmp_path: Path, edit: Edit, message: str, validate_message: str | None
) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    edit(data)
    with pytest.raises(InputError) as error:
        load_year(data)
    assert message in str(error.value)
    out = tmp_path / "graph.nq"
    built = CliRunner().invoke(main, ["build", "--data", str(data), "--out", str(out)])
    assert built.exit_code == 1
    assert built.output.startswith(f"Error: {data}") and message in built.output
    assert len(built.output.splitlines()) == 1
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".graph.nq")]
    validated = CliRunner().invoke(main, ["validate", str(data)])
    assert validated.exit_code == 2
    assert validated.stderr.startswith(f"Error: {data}") and (validate_message or message) in validated.stderr
    assert validated.stdout == ""


def test_a_file_that_cannot_be_read_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "goal_links.csv":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match=r"2023/goal_links\.csv: cannot be read: Permission denied$"):
        load_year(data)


def _triples(directory: Path) -> set[tuple[object, object, object]]:
    return set(load_year(directory))


ACCEPTED: list[tuple[str, Edit]] = [
    ("UTF-8 BOM", lambda data: [(p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())) for p in data.glob("*.csv")]),
    ("Excel, Swedish locale: ; CRLF BOM", lambda data: [
        p.write_bytes(b"\xef\xbb\xbf" + _semicolons(p.read_text(encoding="utf-8")).encode("utf-8"))
        for p in data.glob("*.csv")]),
    ("empty rows at the end", lambda data: [
        p.write_text(p.read_text(encoding="utf-8") + ",,,\n\n" + "," * 11 + "\n", encoding="utf-8")
        for p in data.glob("*.csv") if p.name != "source.csv"]),
    ("official and county names, any case", lambda data: [
        replace("insatser.csv", ",Blekinge,10,Regionalt", ",REGION BLEKINGE,10,Regionalt")(data),
        replace("insatser.csv", ",Gotland,09,Internationell", ",gotlands län,09,Internationell")(data),
        replace("insatser.csv", ",Gotland,09,Energiön", ",,09,Energiön")(data)]),
]


def _semicolons(text: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(csv.reader(io.StringIO(text)))
    return buffer.getvalue()


@pytest.mark.parametrize("edit", [case[1] for case in ACCEPTED], ids=[case[0] for case in ACCEPTED])
def test_what_spreadsheets_write_loads_as_the_same_graph(tmp_path: Path, edit: Edit) -> None:
    data, pristine = tmp_path / "2023", tmp_path / "pristine" / "2023"
    shutil.copytree(MINI, data)
    shutil.copytree(MINI, pristine)
    edit(data)
    assert _triples(data) == _triples(pristine)


CELLS = [("insatser.csv", c) for c in INSATS_COLUMNS] + [("goal_links.csv", c) for c in GOAL_LINK_COLUMNS] + [
    ("crosswalk.csv", c) for c in CROSSWALK_COLUMNS] + [("source.csv", c) for c in SOURCE_COLUMNS]


def _loads_or_input_error(data: Path) -> None:
    """Load ``data`` into an Oxigraph store and write it as N-Quads; only an ``InputError`` may stop it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LoadWarning)
            triples = year_triples(data)
    except InputError:
        return
    store = ox.Store()
    add_triples(store, triples, URIRef("https://example.org/graph"))
    ox.parse(store.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)


CELL_TEXT = st.one_of(
    st.text(max_size=60),
    st.builds(str.__add__, st.sampled_from(["sdg:", "rus:10-", "eruf:", "http://ex.org/", "https://", "2023"]),
              st.text(max_size=20)),
)
"""Any text, and text that starts like a goal, an IRI or a year so that it gets past the first check."""


@settings(max_examples=300, deadline=None)
@given(cell=st.sampled_from(CELLS), row=st.integers(2, 3), text=CELL_TEXT)
def test_any_text_in_any_cell_loads_or_is_an_input_error(cell: tuple[str, str], row: int, text: str) -> None:
    name, column = cell
    with tempfile.TemporaryDirectory() as temporary:
        data = Path(temporary) / "2023"
        shutil.copytree(MINI, data)
        set_cell(name, min(row, 2) if name == "source.csv" else row, column, text)(data)
        _loads_or_input_error(data)


@settings(max_examples=100, deadline=None)
@example(name="insatser.csv", where=0.0, junk=b"\r")
@given(name=st.sampled_from(["insatser.csv", "goal_links.csv", "crosswalk.csv", "source.csv"]),
       where=st.floats(0, 1), junk=st.binary(min_size=1, max_size=12))
def test_any_bytes_anywhere_in_a_file_load_or_are_an_input_error(name: str, where: float, junk: bytes) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        data = Path(temporary) / "2023"
        shutil.copytree(MINI, data)
        content = (data / name).read_bytes()
        at = int(where * len(content))
        (data / name).write_bytes(content[:at] + junk + content[at:])
        _loads_or_input_error(data)


# Data folders: the year is the folder's name or source.csv's; no two folders share a name -------------------

def test_a_folder_not_named_as_a_year_takes_the_year_of_its_insatser_with_a_warning(tmp_path: Path) -> None:
    data = tmp_path / "abc"
    shutil.copytree(MINI, data)
    (data / "source.csv").unlink()
    write("allocation.csv", ALLOCATION_HEADER + "Blekinge,10,totalt,1000,Text.,5\n")(data)
    no_year = (r"abc: the folder's name 'abc' is not a year and no source\.csv gives one: 2023 is taken from "
               r"insatser\.csv \(rename the folder 2023 or add source\.csv\)")
    with pytest.warns(LoadWarning, match=no_year):
        graph = load_year(data)
    allocation = next(graph.subjects(RDF.type, MG.Allocation))
    assert str(allocation).startswith(str(ID["allocation/2023-10-"]))
    assert graph.value(SOURCE["data/abc"], MG.year) == Literal("2023", datatype=XSD.gYear)
    replace("insatser.csv", "2023-3-09-01,2023,", "2023-3-09-01,2022,")(data)
    two_years = r"abc/insatser\.csv:4: year: 2022, but row 2 says 2023; a data folder holds one year$"
    with pytest.raises(InputError, match=two_years):
        load_year(data)
    (data / "insatser.csv").write_text(",".join(INSATS_COLUMNS) + "\n", encoding="utf-8")
    (data / "goal_links.csv").unlink()
    (data / "crosswalk.csv").unlink()
    unknown = r"abc/allocation\.csv:2: the year is not known"
    with pytest.raises(InputError, match=unknown):
        load_year(data)
    result = CliRunner().invoke(main, ["build", "--data", str(data), "--out", str(tmp_path / "g.nq")])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {data}/allocation.csv:2: the year is not known")
    (data / "source.csv").write_text(SOURCE_HEADER + "region-blekinge-2023,Region Blekinge,,2023,\n",
                                     encoding="utf-8")
    graph = load_year(data)
    assert (next(graph.subjects(RDF.type, MG.Allocation)), PROV.wasDerivedFrom, SOURCE["region-blekinge-2023"]) in graph


def test_two_data_folders_of_one_name_are_an_error(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "2023", tmp_path / "b" / "2023"
    shutil.copytree(MINI, first)
    shutil.copytree(MINI, second)
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["build", "--data", str(first), "--data", str(second), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output == (f"Error: {second}: a second data folder named '2023' (the first is {first}); each "
                             "data folder becomes the named graph of its name, so give them different names\n")
    assert not out.exists()
    assert CliRunner().invoke(main, ["validate", str(first), str(second)]).exit_code == 2
    again = CliRunner().invoke(main, ["build", "--data", str(first), "--data", str(first), "--out", str(out)])
    assert again.exit_code == 0, again.output


def test_a_data_folder_given_as_dot_is_named_by_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from malgraf.graph import build_store
    from malgraf.importers.tables import year_triples

    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    monkeypatch.chdir(data)
    store = build_store([Path(".")], data_loader=year_triples)
    assert {g.value for g in store.named_graphs()} >= {str(GRAPH["data/2023"])}


def test_shipped_folders_not_named_as_a_year_are_read_not_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import malgraf.graph

    shutil.copytree(MINI, tmp_path / "2023")
    shutil.copytree(MINI, tmp_path / "abc")
    (tmp_path / "abc" / "source.csv").unlink()
    (tmp_path / "reference").mkdir()
    monkeypatch.setattr(malgraf.graph, "DATA_DIRECTORY", tmp_path)
    assert malgraf.graph.default_data_directories() == [tmp_path / "2023", tmp_path / "abc"]
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "g.nq")])
    assert result.exit_code == 0, result.output
    assert f"Warning: {tmp_path / 'abc'}: the folder's name 'abc' is not a year" in result.stderr
    assert "graph/data/abc " in result.stdout


# Provenance: source.csv says which document a folder was read from ----------------------------------------

def test_source_csv_names_the_source_of_every_row() -> None:
    graph = load_year(MINI)
    source = SOURCE["malgraf-test-mini"]
    assert (source, RDF.type, MG.SourceDocument) in graph
    assert str(graph.value(source, DCTERMS.title)) == "Handskrivet testdata, inte riktiga uppgifter"
    assert graph.value(source, MG.year) == Literal("2023", datatype=XSD.gYear)
    assert (INSATS["2023-1-10-01"], PROV.wasDerivedFrom, source) in graph
    assert not list(graph.subjects(PROV.wasDerivedFrom, SOURCE["tillvaxtverket-tabellbilaga-2023"]))


def test_the_shipped_data_cites_the_appendix_it_was_imported_from() -> None:
    from malgraf.resources import DATA_DIRECTORY

    graph = load_year(DATA_DIRECTORY / "2023")
    source = SOURCE["tillvaxtverket-tabellbilaga-2023"]
    assert str(graph.value(source, DCTERMS.publisher)) == "Tillväxtverket"
    assert str(graph.value(source, DCTERMS.title)) == "Tillväxtverket: Regionernas återrapportering 2023, tabellbilaga"
    assert (DATA_DIRECTORY.parent / str(graph.value(source, DCTERMS.identifier))).is_file()
    insatser = set(graph.subjects(RDF.type, MG.Insats))
    assert insatser and all((insats, PROV.wasDerivedFrom, source) in graph for insats in insatser)


def test_a_year_folder_without_source_csv_cites_the_folder(tmp_path: Path) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    (data / "source.csv").unlink()
    graph = load_year(data)
    assert str(graph.value(SOURCE["data/2023"], DCTERMS.title)) == "Datamapp 2023"
    assert graph.value(SOURCE["data/2023"], MG.year) == Literal("2023", datatype=XSD.gYear)
    assert (INSATS["2023-1-10-01"], PROV.wasDerivedFrom, SOURCE["data/2023"]) in graph


def test_a_csv_file_malgraf_does_not_read_is_named(tmp_path: Path) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    (data / "goal_links.csv").rename(data / "goal-links.csv")
    with pytest.warns(LoadWarning, match=r"goal-links\.csv: not a file malgraf reads, ignored; did you mean "
                      r"goal_links\.csv\?"):
        load_year(data)


# Stable IRIs: minted from what a row says, not where it stands ----------------------------------------------

def _shuffle_rows(path: Path, seed: int) -> None:
    header, *rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    random.Random(seed).shuffle(rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_shuffling_the_rows_gives_the_same_graph(tmp_path: Path) -> None:
    from malgraf.resources import DATA_DIRECTORY

    data = tmp_path / "2023"
    shutil.copytree(DATA_DIRECTORY / "2023", data)
    for name in ("goal_links.csv", "allocation.csv", "answers.csv", "insatser.csv"):
        _shuffle_rows(data / name, seed=len(name))
    original = _triples(DATA_DIRECTORY / "2023")
    assert _triples(data) == original
    links = {str(o) for _, p, o in original if p == MG.goalLink}
    rows = (DATA_DIRECTORY / "2023" / "goal_links.csv").read_text(encoding="utf-8").count("\n") - 1
    assert len(links) == rows and all(re.search(r"/link/[0-9a-f]{16}$", link) for link in links)


def test_inserting_a_link_renames_no_other(tmp_path: Path) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    header, rest = (data / "goal_links.csv").read_text(encoding="utf-8").split("\n", 1)
    new = "2023-1-10-01,agenda2030,Delmål 11.2,sdg:11.2,delmål,marker,117,117"
    (data / "goal_links.csv").write_text(f"{header}\n{new}\n{rest}", encoding="utf-8")
    before, after = load_year(MINI), load_year(data)
    goals = {link: after.value(link, MG.goal) for link in after.objects(None, MG.goalLink)}
    assert {link: before.value(link, MG.goal) for link in before.objects(None, MG.goalLink)}.items() < goals.items()
    assert len(goals) == len(set(before.objects(None, MG.goalLink))) + 1 and SDG["11.2"] in goals.values()


def test_crosswalk_links_keep_their_iris_in_any_row_order(tmp_path: Path) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    header, first, second = (data / "crosswalk.csv").read_text(encoding="utf-8").splitlines()
    (data / "crosswalk.csv").write_text(f"{header}\n{second}\n{first}\n", encoding="utf-8")
    crosswalk = {s for s in load_year(MINI).subjects(RDF.type, MG.GoalLink) if "/crosswalk/" in s}
    assert len(crosswalk) == 2
    assert {s for s in load_year(data).subjects(RDF.type, MG.GoalLink) if "/crosswalk/" in s} == crosswalk


def test_links_alike_but_for_one_cell_stay_two_in_any_order_and_a_repeated_row_is_one(tmp_path: Path) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    twin = "2023-3-09-01,agenda2030,Delmål 8.3,sdg:8.3,mål,marker,10200,10202"
    original = (data / "goal_links.csv").read_text(encoding="utf-8")
    (data / "goal_links.csv").write_text(original + twin + "\n", encoding="utf-8")
    links = set(load_year(data).objects(INSATS["2023-3-09-01"], MG.goalLink))
    assert len(links) == 3
    _shuffle_rows(data / "goal_links.csv", seed=3)
    assert set(load_year(data).objects(INSATS["2023-3-09-01"], MG.goalLink)) == links
    (data / "goal_links.csv").write_text(original + original.split("\n")[1] + "\n", encoding="utf-8")
    with pytest.warns(LoadWarning, match=r"goal_links\.csv:8: repeats row 2 in every cell; read once"):
        assert set(load_year(data).objects(None, MG.goalLink)) == set(load_year(MINI).objects(None, MG.goalLink))
