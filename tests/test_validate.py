"""``malgraf validate``: the shapes, the two engines agreeing, the report, exit codes and bad input."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from malgraf import validate as validation
from malgraf.cli import main
from malgraf.errors import NoDataError
from malgraf.namespaces import INSATS, NS, REGION, RUS, SDG, XSD
from malgraf.resources import QUERY_DIRECTORY
from malgraf.store import EmbeddedStore
from malgraf.validate import ENGINES, load_inputs, load_shapes, render, rules, validate

FIXTURES = Path(__file__).parent / "data" / "validate"
sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))

BROKEN_ONCE = {
    ("insats-no-goal", INSATS["v-01"], None),
    ("insats-goal-unresolved", INSATS["v-02"], None),
    ("insats-goal-unknown", INSATS["v-03"], SDG["9.99"]),
    ("insats-goal-other-region", INSATS["v-04"], RUS["09-tillvaxt"]),
    ("insats-region", INSATS["v-05"], None),
    ("insats-year", INSATS["v-06"], Literal("2023", datatype=XSD.string)),
    ("insats-name", INSATS["v-07"], Literal("  ", lang="sv")),
    ("insats-reported-under", INSATS["v-08"], NS["priority-1.3"]),
    ("rus-goal-no-crosswalk", RUS["10-service"], None),
    ("goal-statement-unresolved", INSATS["v-09"], Literal("Fler unga flyttar hem", lang="sv")),
}
"""What ``violates.ttl`` breaks: every rule once, nothing else."""


def fixture(name: str) -> Dataset:
    return EmbeddedStore(load_inputs([FIXTURES / name]))


def keys(dataset: Dataset, engine: str, region: URIRef | None = None,
         year: int | None = None) -> set[tuple[str, object, object]]:
    return {finding.key for finding in validate(dataset, engine, region=region, year=year).findings}


@pytest.mark.parametrize("engine", ENGINES)
def test_conforming_fixture_has_no_findings(engine: str) -> None:
    report = validate(fixture("conforms.ttl"), engine)
    assert report.conforms and report.findings == []


@pytest.mark.parametrize("engine", ENGINES)
def test_each_rule_broken_once_is_found_once(engine: str) -> None:
    assert keys(fixture("violates.ttl"), engine) == BROKEN_ONCE


def test_the_fixture_breaks_every_rule_and_every_rule_has_a_query_and_words() -> None:
    known = rules(load_shapes())
    assert [rule.id for rule in known] == [
        "insats-no-goal", "insats-goal-unresolved", "insats-goal-unknown", "insats-goal-other-region",
        "insats-region", "insats-year", "insats-name", "insats-reported-under", "rus-goal-no-crosswalk",
        "goal-statement-unresolved"]
    assert {rule.id for rule in known} == {rule for rule, _, _ in BROKEN_ONCE}
    assert {rule.query for rule in known} == {p.stem for p in QUERY_DIRECTORY.glob("validate_*.rq")}
    for rule in known:
        assert set(rule.title) == set(rule.message) == set(rule.fix) == {"sv", "en"}, rule.id
    warnings = {"rus-goal-no-crosswalk", "goal-statement-unresolved"}
    assert {rule.id for rule in known if rule.severity == "warning"} == warnings
    assert {rule.severity for rule in known if rule.id not in warnings} == {"violation"}


def test_engines_agree_on_synthetic_data_with_every_kind_of_flaw(tmp_path: Path) -> None:
    from synthetic import Rates, write_tables

    rates = Rates(no_goal=0.1, unresolved=0.1, dangling=0.1, other_region=0.1, rus_goals_per_region=3)
    with_flaws = write_tables(tmp_path / "2023", 60, seed=3, rates=rates)
    dataset = EmbeddedStore(load_inputs([with_flaws]))
    fast, reference = keys(dataset, "sparql"), keys(dataset, "shacl")
    assert fast == reference
    assert {rule for rule, _, _ in fast} >= {"insats-no-goal", "insats-goal-unresolved", "insats-goal-unknown",
                                             "rus-goal-no-crosswalk"}
    most_flawed = sorted(validate(dataset).summary, key=lambda c: -(c.no_goal + c.unresolved))[:3]
    for count in most_flawed:
        scoped = keys(dataset, "sparql", region=REGION[count.lanskod], year=2023)
        assert scoped == keys(dataset, "shacl", region=REGION[count.lanskod], year=2023)
        assert scoped and scoped < fast


def test_engines_agree_on_the_shipped_data(shipped: Dataset) -> None:
    report = validate(shipped, "sparql")
    assert {f.key for f in report.findings} == keys(shipped, "shacl")
    assert sum(count.insatser for count in report.summary) > 500
    no_goal = sum(count.no_goal for count in report.summary)
    assert no_goal == sum(1 for f in report.findings if f.rule.id == "insats-no-goal") > 0


def test_a_regions_findings_on_the_shipped_data_are_those_the_whole_report_places_in_it(shipped: Dataset) -> None:
    everything = validate(shipped)
    in_some_region = 0
    for count in everything.summary:
        scoped = validate(shipped, region=REGION[count.lanskod])
        assert {f.key for f in scoped.findings} == {f.key for f in everything.findings
                                                    if f.place.lanskod == count.lanskod}
        assert scoped.summary == [count]
        assert validate(shipped, region=REGION[count.lanskod], year=2023).findings == scoped.findings
        in_some_region += len(scoped.findings)
    assert in_some_region == len(everything.findings) > 0


def test_findings_say_which_insats_where_and_what_to_fix() -> None:
    report = validate(fixture("violates.ttl"))
    dangling = next(f for f in report.findings if f.rule.id == "insats-goal-unknown")
    place = dangling.place
    assert (place.name, place.lanskod, place.region_name) == ("Dinglande mål", "10", "Blekinge")
    assert (place.first_line, place.last_line, place.lines) == (30, 39, "30–39")
    assert dangling.message("sv") == "Målet sdg:9.99 finns inte i något målsystem som malgraf känner till."
    assert dangling.message("en") == "The goal sdg:9.99 exists in no goal system malgraf knows."
    assert dangling.fix("en").startswith("Correct the goal's id")
    unresolved = next(f for f in report.findings if f.rule.id == "insats-goal-unresolved")
    assert [(s.text, s.lines) for s in unresolved.unresolved] == [("Specifikt mål 9.9", "25")]


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *arguments])
    return result.exit_code, result.stdout, result.stderr


def test_exit_codes_0_conforms_1_violations() -> None:
    assert run(str(FIXTURES / "conforms.ttl"))[0] == 0
    assert run(str(FIXTURES / "violates.ttl"))[0] == 1
    assert run(str(FIXTURES / "csv-conforms"))[0] == 0
    assert run(str(FIXTURES / "csv-violates" / "goal_links.csv"))[0] == 1
    assert run(str(FIXTURES / "violates.ttl"), "--engine", "shacl")[0] == 1


def test_warnings_alone_conform(tmp_path: Path) -> None:
    only_warning = tmp_path / "warning.ttl"
    only_warning.write_text(
        (FIXTURES / "conforms.ttl").read_text(encoding="utf-8").replace(
            "mg:contributesTo ns:priority-1.3 .", "mg:contributesTo sdg:11 ."), encoding="utf-8")
    code, out, _ = run(str(only_warning), "--lang", "en")
    assert code == 0
    assert "Validated with sparql: 0 violations and 1 warning." in out


def test_other_unloadable_input_exits_2(tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing.ttl"))[2] == f"Error: {tmp_path / 'missing.ttl'}: no such file or directory\n"
    assert "no insatser.csv here" in run(str(tmp_path))[2]
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert run(str(tmp_path / "notes.txt"))[0] == 2
    code, _, err = run("--graph", str(tmp_path / "missing.nq"))
    assert code == 2 and "run `malgraf build` first" in err


def test_shapes_that_cannot_be_loaded_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<a> sh:path \n", encoding="utf-8")
    monkeypatch.setattr(validation, "SHAPES_FILE", shapes)
    code, _, err = run(str(FIXTURES / "conforms.ttl"))
    assert code == 2 and err.startswith(f"Error: {shapes}:")


def test_text_report_groups_by_region_then_rule() -> None:
    code, out, _ = run(str(FIXTURES / "violates.ttl"), "--lang", "en")
    assert code == 1
    assert out == (FIXTURES / "violates.en.txt").read_text(encoding="utf-8")


def test_text_report_in_swedish_by_default() -> None:
    out = run(str(FIXTURES / "csv-violates"))[1]
    assert out.startswith("Insatser utan mål per region\n\nregion         insatser  anger inget mål")
    assert "Validerat med sparql: 3 fel och 1 varning." in out
    assert ("  - Innovationsstöd (rad 9882–9890, insats:2023-3-10-01)\n"
            "    Angav: “Specifikt mål 9.9” (rad 9886–9887)\n") in out
    assert "  - (namn saknas) (rad 12001–12019, insats:2023-4-09-01)\n" in out


def test_json_and_csv_reports_hold_every_finding() -> None:
    code, out, _ = run(str(FIXTURES / "violates.ttl"), "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert code == 1 and (data["conforms"], data["violations"], data["warnings"]) == (False, 8, 2)
    dangling = next(f for f in data["findings"] if f["rule"] == "insats-goal-unknown")
    assert dangling == {
        "lanskod": "10", "region": "Blekinge", "rule": "insats-goal-unknown", "severity": "violation",
        "focus": str(INSATS["v-03"]), "name": "Dinglande mål", "first_line": 30, "last_line": 39,
        "value": str(SDG["9.99"]), "message": "The goal sdg:9.99 exists in no goal system malgraf knows.",
        "fix": dangling["fix"], "stated": []}
    rows = list(csv.DictReader(io.StringIO(run(str(FIXTURES / "violates.ttl"), "--format", "csv")[1])))
    assert [(r["rule"], r["focus"]) for r in rows] == [(f["rule"], f["focus"]) for f in data["findings"]]
    assert rows[0]["message"] == "Insatsen ska ha exakt ett redovisningsår (xsd:gYear)."


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_summary_counts_insatser_without_a_goal_per_region(fmt: str) -> None:
    code, out, _ = run(str(FIXTURES / "csv-violates"), "--summary", "--format", fmt, "--lang", "en")
    assert code == 1
    expected = {"text": "Interventions without a goal per region\n\n"
                        "region         insatser  state no goal  goals not resolved\n"
                        "Gotland (09)          1              0                   0\n"
                        "Blekinge (10)         3              1                   1\n"
                        "Total                 4              1                   1\n",
                "csv": "lanskod,region,insatser,no_goal,unresolved\n09,Gotland,1,0,0\n10,Blekinge,3,1,1\n"}
    if fmt == "json":
        assert json.loads(out) == {"summary": [
            {"lanskod": "09", "region": "Gotland", "insatser": 1, "no_goal": 0, "unresolved": 0},
            {"lanskod": "10", "region": "Blekinge", "insatser": 3, "no_goal": 1, "unresolved": 1}]}
    else:
        assert out == expected[fmt]


def test_no_warnings_lists_only_violations_but_counts_warnings() -> None:
    code, out, _ = run(str(FIXTURES / "violates.ttl"), "--no-warnings", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["warnings"] == 2
    assert {f["severity"] for f in data["findings"]} == {"violation"} and len(data["findings"]) == 8
    assert "rus-goal-no-crosswalk" not in run(str(FIXTURES / "violates.ttl"), "--no-warnings")[1]


def test_validate_checks_the_built_graph_by_default(shipped_graph_path: Path) -> None:
    by_default = CliRunner().invoke(main, ["validate", "--summary"], env={"MALGRAF_GRAPH": str(shipped_graph_path)})
    assert by_default.exit_code == 1
    assert "Blekinge (10)" in by_default.stdout and by_default.stdout.splitlines()[-1].startswith("Totalt")
    assert run("--graph", str(shipped_graph_path), "--summary")[1] == by_default.stdout


def test_paths_and_graph_together_are_a_usage_error(tmp_path: Path) -> None:
    assert run(str(FIXTURES / "conforms.ttl"), "--graph", str(tmp_path / "g.nq"))[0] == 2


def test_both_engines_render_the_same_report_and_insatser_without_region_come_last() -> None:
    dataset = fixture("violates.ttl")
    fast, reference = validate(dataset), validate(dataset, "shacl")
    assert render(fast, "csv") == render(reference, "csv")
    assert render(fast, "text", "en").replace("sparql", "shacl") == render(reference, "text", "en")
    assert fast.findings[-1].focus == URIRef(INSATS["v-05"])


BROKEN_EVERY_WAY = {
    ("insats-no-goal", INSATS["w-01"], None),
    ("insats-goal-unresolved", INSATS["w-02"], None),
    ("insats-goal-unknown", INSATS["w-03"], Literal("9.2", datatype=XSD.string)),
    ("insats-goal-unknown", INSATS["w-03"], REGION["10"]),
    ("insats-goal-other-region", INSATS["w-04"], RUS["xx-utan-region"]),
    ("insats-goal-other-region", INSATS["w-04"], RUS["09-tillvaxt"]),
    ("insats-region", INSATS["w-05"], None),
    ("insats-region", INSATS["w-06"], NS["area-1"]),
    ("insats-year", INSATS["w-07"], None),
    ("insats-year", INSATS["w-08"], None),
    ("insats-year", INSATS["w-09"], Literal("23", datatype=XSD.gYear)),
    ("insats-year", INSATS["w-10"], URIRef("https://example.org/2023")),
    ("insats-name", INSATS["w-11"], None),
    ("insats-name", INSATS["w-12"], Literal("", datatype=XSD.string)),
    ("insats-name", INSATS["w-13"], Literal(" \t\n\r", lang="sv")),
    ("insats-reported-under", INSATS["w-14"], None),
    ("insats-reported-under", INSATS["w-15"], SDG["9"]),
    ("rus-goal-no-crosswalk", RUS["xx-utan-region"], None),
}
"""What ``violates-every-way.ttl`` breaks: each rule in each way its query handles."""


@pytest.mark.parametrize("engine", ENGINES)
def test_each_rule_broken_every_way_is_found_by_both_engines(engine: str) -> None:
    assert keys(fixture("violates-every-way.ttl"), engine) == BROKEN_EVERY_WAY


def test_a_finding_shows_the_swedish_name_and_the_lowest_lanskod(tmp_path: Path) -> None:
    turtle = tmp_path / "two.ttl"
    turtle.write_text("""
        @prefix mg: <https://w3id.org/malgraf/ontology#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        <https://w3id.org/malgraf/id/insats/x> a mg:Insats ; dcterms:title "A name"@en , "Ett namn"@sv ;
            mg:region <https://w3id.org/malgraf/id/region/10> , <https://w3id.org/malgraf/id/region/09> ;
            mg:sourceFirstLine 7 .
        """, encoding="utf-8")
    places = validation.describe(EmbeddedStore(load_inputs([turtle])), [INSATS["x"]])
    assert places[INSATS["x"]] == validation.Place("Ett namn", "09", "Gotland", 7, None)


TWO_YEARS = {
    "no-goal": ("insats-no-goal", INSATS["y-01"], None),
    "unresolved": ("insats-goal-unresolved", INSATS["y-03"], None),
    "other-region": ("insats-goal-other-region", INSATS["y-05"], RUS["10-attraktivitet"]),
    "year": ("insats-year", INSATS["y-06"], Literal("2022", datatype=XSD.string)),
    "crosswalk": ("rus-goal-no-crosswalk", RUS["10-service"], None),
}
"""What ``two-years.ttl`` breaks: Blekinge 2022 no-goal, 2023 unresolved, its RUS goal of 2022 outside the
crosswalk; Gotland 2023 another region's goal, 2022 a year typed as text; Stockholm 2023 nothing."""


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("region", "year", "expected"), [
    (None, None, ["no-goal", "unresolved", "other-region", "year", "crosswalk"]),
    (REGION["10"], None, ["no-goal", "unresolved", "crosswalk"]),
    (REGION["09"], None, ["other-region", "year"]),
    (REGION["01"], None, []),
    (None, 2022, ["no-goal", "year", "crosswalk"]),
    (None, 2023, ["unresolved", "other-region"]),
    (REGION["10"], 2023, ["unresolved"]),
    (REGION["10"], 2022, ["no-goal", "crosswalk"]),
    (REGION["09"], 2022, ["year"]),
])
def test_region_and_year_keep_only_their_insatser_and_rus_goals(
        engine: str, region: URIRef | None, year: int | None, expected: list[str]) -> None:
    report = validate(fixture("two-years.ttl"), engine, region=region, year=year)
    assert {f.key for f in report.findings} == {TWO_YEARS[name] for name in expected}
    assert (report.region, report.year) == (region, year)


@pytest.mark.parametrize(("region", "year", "counts"), [
    (REGION["10"], None, [("10", 4, 1, 1)]),
    (None, 2022, [("09", 1, 0, 0), ("10", 2, 1, 0)]),
    (REGION["09"], 2023, [("09", 1, 0, 0)]),
])
def test_the_summary_counts_only_the_region_and_year_asked_for(
        region: URIRef | None, year: int | None, counts: list[tuple[str, int, int, int]]) -> None:
    summary = validate(fixture("two-years.ttl"), region=region, year=year).summary
    assert [(c.lanskod, c.insatser, c.no_goal, c.unresolved) for c in summary] == counts


def test_region_and_year_on_the_command_line() -> None:
    code, out, _ = run(str(FIXTURES / "two-years.ttl"), "--region", "Blekinge", "--year", "2023", "--lang", "en")
    assert code == 1
    assert out.startswith("Interventions without a goal per region\n\n"
                          "region         insatser  state no goal  goals not resolved\n"
                          "Blekinge (10)         2              0                   1\n"
                          "Total                 2              0                   1\n\n"
                          "Validated with sparql for Blekinge (10) in 2023: 1 violation and 0 warnings.\n")
    assert "insats:y-03" in out and "insats:y-01" not in out and "rus:10-service" not in out
    assert run(str(FIXTURES / "two-years.ttl"), "--region", "10", "--year", "2023", "--lang", "en")[1] == out
    code, out, _ = run(str(FIXTURES / "two-years.ttl"), "--region", "Stockholm")
    assert code == 0 and "Validerat med sparql för Stockholm (01): 0 fel och 0 varningar.\nInga fel" in out
    data = json.loads(run(str(FIXTURES / "two-years.ttl"), "--year", "2022", "--format", "json")[1])
    assert (data["region"], data["year"], data["violations"], data["warnings"]) == (None, 2022, 2, 1)


@pytest.mark.parametrize(("arguments", "message"), [
    (["--region", "Kalmar"], "Error: Inga insatser att validera för Kalmar (08)\n"),
    (["--year", "2019"], "Error: Inga insatser att validera för 2019\n"),
    (["--region", "Stockholm", "--year", "2022"], "Error: Inga insatser att validera för Stockholm (01) i 2022\n"),
    (["--region", "Stockholm", "--year", "2022", "--lang", "en"],
     "Error: No insatser to validate for Stockholm (01) in 2022\n"),
    (["--region", "01", "--year", "2022", "--engine", "shacl", "--summary"],
     "Error: Inga insatser att validera för Stockholm (01) i 2022\n"),
])
def test_a_region_or_year_without_insatser_says_so_and_exits_1(arguments: list[str], message: str) -> None:
    code, out, err = run(str(FIXTURES / "two-years.ttl"), *arguments)
    assert (code, out, err) == (1, "", message)


def test_an_unknown_region_is_a_lookup_error() -> None:
    code, out, err = run(str(FIXTURES / "two-years.ttl"), "--region", "Dalarnia")
    assert code == 2 and out == "" and err.startswith("Error: 'Dalarnia' matchar ingen region")
    code, out, err = run(str(FIXTURES / "two-years.ttl"), "--region", "Dalarnia", "--lang", "en")
    assert code == 2 and out == "" and err.startswith("Error: no region matches 'Dalarnia'")


INSATSER_HEADER = (FIXTURES / "csv-conforms" / "insatser.csv").read_text(encoding="utf-8").splitlines()[0] + "\n"


@pytest.mark.parametrize("write", [
    pytest.param(lambda d: shutil.copy(FIXTURES / "goals-only.ttl", d), id="turtle-with-only-goals"),
    pytest.param(lambda d: (d / "empty.ttl").write_text("", encoding="utf-8"), id="empty-turtle"),
    pytest.param(lambda d: (d / "insatser.csv").write_text(INSATSER_HEADER, encoding="utf-8"), id="csv-header-only"),
])
@pytest.mark.parametrize("engine", ENGINES)
def test_data_without_insatser_says_so_and_exits_1(tmp_path: Path, write: Callable[[Path], object],
                                                   engine: str) -> None:
    write(tmp_path)
    given = next(tmp_path.iterdir())
    assert run(str(given), "--engine", engine) == (1, "", "Error: Inga insatser att validera\n")
    assert run(str(given), "--engine", engine, "--lang", "en") == (1, "", "Error: No insatser to validate\n")
    with pytest.raises(NoDataError):
        validate(EmbeddedStore(load_inputs([given])), engine)


def _unreadable(directory: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of csv-conforms whose goal_links.csv cannot be opened (as root, chmod would not stop it)."""
    copy = directory / "unreadable"
    shutil.copytree(FIXTURES / "csv-conforms", copy)
    opened = Path.open

    def refuse(self: Path, *arguments: object, **keywords: object) -> object:
        if self.name == "goal_links.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *arguments, **keywords)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    return copy


def _copy_with(directory: Path, name: str, content: bytes | None) -> Path:
    """A copy of csv-conforms with ``name`` replaced by ``content`` (None: by a directory)."""
    copy = directory / "copy"
    shutil.copytree(FIXTURES / "csv-conforms", copy)
    (copy / name).unlink()
    if content is None:
        (copy / name).mkdir()
    else:
        (copy / name).write_bytes(content)
    return copy


BINARY = bytes(range(256)) * 4
HUGE_FIELD = (INSATSER_HEADER + '"' + "x" * 200_000 + '"\n').encode()


@pytest.mark.parametrize(("make", "where", "what"), [
    (lambda d, m: FIXTURES / "broken.ttl", "broken.ttl:6", "Parser error"),
    (lambda d, m: FIXTURES / "csv-broken", "csv-broken/goal_links.csv:3", "kind: 'agenda' is not one of"),
    (lambda d, m: d / "missing.ttl", "missing.ttl", "no such file or directory"),
    (lambda d, m: d, "", "no insatser.csv here"),
    (lambda d, m: _copy_with(d, "insatser.csv", None) / "goal_links.csv", "copy/goal_links.csv",
     "no insatser.csv beside it"),
    (lambda d, m: _copy_with(d, "goal_links.csv", None), "copy/goal_links.csv", "is a directory, not a CSV file"),
    (lambda d, m: _unreadable(d, m), "unreadable/goal_links.csv", "Permission denied"),
    (lambda d, m: _copy_with(d, "insatser.csv", BINARY), "copy/insatser.csv:1", "holds a NUL byte"),
    (lambda d, m: _copy_with(d, "insatser.csv", HUGE_FIELD), "copy/insatser.csv:2", "id: a cell of 200000 characters"),
    (lambda d, m: (d / "binary.ttl").write_bytes(BINARY) and d / "binary.ttl", "binary.ttl:1", "Parser error"),
    (lambda d, m: (d / "picture.png").write_bytes(BINARY) and d / "picture.png", "picture.png", "not a Turtle file"),
], ids=["bad-turtle", "bad-csv", "missing-file", "directory-without-csv", "csv-without-insatser-csv",
        "csv-that-is-a-directory", "unreadable-csv", "binary-csv", "csv-field-too-large", "binary-turtle",
        "binary-other"])
def test_input_that_cannot_be_loaded_exits_2_with_one_error_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: Callable[[Path, pytest.MonkeyPatch], Path],
        where: str, what: str) -> None:
    given = make(tmp_path, monkeypatch)
    code, out, err = run(str(given))
    assert (code, out) == (2, "")
    assert err.startswith("Error: ") and err.endswith("\n") and "\n" not in err[:-1], err
    place, _, message = err[len("Error: "):].partition(": ")
    assert place.endswith(where.rstrip("/")) if where else place.startswith(str(tmp_path)), err
    assert what in message, err


@pytest.mark.parametrize(("content", "what"), [
    (b"<a> <b> .\n", "Parser error"),
    (BINARY, "Parser error"),
])
def test_a_built_graph_that_cannot_be_read_exits_2(tmp_path: Path, content: bytes, what: str) -> None:
    graph = tmp_path / "malgraf.nq"
    graph.write_bytes(content)
    code, out, err = run("--graph", str(graph))
    assert (code, out) == (2, "") and err.startswith(f"Error: {graph}:1: ") and what in err
    assert err.count("\n") == 1
