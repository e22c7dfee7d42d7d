"""A row's region written another way (case, official name, invisible or odd spaces, NFD) keeps its insats.

Each case mutates the region line of one real row of the shipped text: the import still reads all 525
insatser and warns, naming the line; a region it cannot tell stops with an error naming the line.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from malgraf.cli import main
from malgraf.errors import InputError
from malgraf.importers.appendix import Appendix, parse_appendix
from malgraf.importers.region_names import region_at_start
from malgraf.resources import APPENDIX_2023, DATA_DIRECTORY

SHIPPED_LINES = APPENDIX_2023.read_text(encoding="utf-8").split("\n")
INSATSER = (DATA_DIRECTORY / "2023" / "insatser.csv").read_text(encoding="utf-8").count("\n") - 1
"""As many insatser as the shipped data holds (525), read from the unchanged text."""


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def mutated(tmp_path: Path, number: int, region: str, written: str) -> Path:
    """The shipped text with line ``number``'s leading ``region`` written as ``written``."""
    lines = list(SHIPPED_LINES)
    line = lines[number - 1]
    indent = " " if line.startswith(" ") else ""
    assert line[len(indent):].startswith(region + " ")
    lines[number - 1] = indent + written + line[len(indent) + len(region):]
    path = tmp_path / "appendix.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped() -> Appendix:
    return parse_appendix(APPENDIX_2023)


def test_the_shipped_text_imports_without_warnings(shipped: Appendix) -> None:
    assert len(shipped.insatser) == INSATSER
    assert shipped.warnings == []


@pytest.mark.parametrize(
    ("number", "region", "written", "says"),
    [
        pytest.param(452, "Dalarna", "DALARNA", "letter case", id="capitals"),
        pytest.param(452, "Dalarna", "dalarna", "letter case", id="lower case"),
        pytest.param(452, "Dalarna", "Region Dalarna", "official name", id="official name"),
        pytest.param(452, "Dalarna", "REGION DALARNA", "official name, letter case", id="official name in capitals"),
        pytest.param(1579, "Jönköping", "Region Jönköpings län", "official name", id="official name with län"),
        pytest.param(3882, "Västra Götaland", "Västra Götalandsregionen", "official name", id="regionen"),
        pytest.param(452, "Dalarna", "Dalarnas län", "county name", id="county name"),
        pytest.param(452, "Dalarna", "Dalarna\u200b", "U+200B ZERO WIDTH SPACE", id="zero-width space after"),
        pytest.param(452, "Dalarna", "Dal\u200barna", "U+200B ZERO WIDTH SPACE", id="zero-width space inside"),
        pytest.param(452, "Dalarna", "\ufeffDalarna", "U+FEFF ZERO WIDTH NO-BREAK SPACE", id="byte-order mark"),
        pytest.param(727, "Gävleborg", "Gävleborg\u2060", "U+2060 WORD JOINER", id="word joiner"),
        pytest.param(727, "Gävleborg", "Gäv\u00adleborg", "U+00AD SOFT HYPHEN", id="soft hyphen"),
        pytest.param(3882, "Västra Götaland", "Västra\u00a0Götaland", "U+00A0 NO-BREAK SPACE", id="no-break space"),
        pytest.param(1434, "Jämtland Härjedalen", "Jämtland\u202fHärjedalen", "U+202F NARROW NO-BREAK SPACE",
                     id="narrow no-break space"),
        pytest.param(1434, "Jämtland Härjedalen", "Jämtland  Härjedalen", "spacing", id="two spaces"),
        pytest.param(727, "Gävleborg", nfd("Gävleborg"), "NFC", id="decomposed"),
        pytest.param(4298, "Östergötland", nfd("Östergötland"), "NFC", id="decomposed on a page start"),
        pytest.param(4298, "Östergötland", "ÖSTERGÖTLAND", "letter case", id="capitals on a page start"),
    ],
)
def test_a_region_written_another_way_keeps_its_insats_and_warns(
    tmp_path: Path, shipped: Appendix, number: int, region: str, written: str, says: str
) -> None:
    appendix = parse_appendix(mutated(tmp_path, number, region, written))
    assert len(appendix.insatser) == INSATSER
    before = next(r for r in shipped.insatser if r.first_line == number)
    after = next(r for r in appendix.insatser if r.first_line == number)
    assert (after.region, after.name, after.section) == (region, before.name, before.section)
    assert [(w.line, w.path) for w in appendix.warnings] == [(number, str(tmp_path / "appendix.txt"))]
    assert says in appendix.warnings[0].message


@pytest.mark.parametrize(
    ("written", "says"),
    [
        pytest.param("D\u0430larna", "unknown region 'D\u0430larna' (did you mean 'Dalarna'?)", id="Cyrillic a"),
        pytest.param("Dalarnaa", "unknown region 'Dalarnaa' (did you mean 'Dalarna'?)", id="misspelt"),
    ],
)
def test_a_region_it_cannot_tell_stops_with_the_line(tmp_path: Path, written: str, says: str) -> None:
    path = mutated(tmp_path, 452, "Dalarna", written)
    with pytest.raises(InputError) as raised:
        parse_appendix(path)
    assert str(raised.value) == f"{path}:452: Region: {says}"


def test_import_appendix_prints_the_warning_on_stderr(tmp_path: Path) -> None:
    path = mutated(tmp_path, 452, "Dalarna", "Region Dalarna")
    result = CliRunner().invoke(main, ["import", "appendix", str(path), "--out", str(tmp_path / "out"),
                                       "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"Warning: {path}:452: Region: 'Region Dalarna' read as 'Dalarna' "
                                    "(official name)\nWarning: ")
    assert f"Read {INSATSER} insatser" in result.stdout


@pytest.mark.parametrize(
    ("text", "region", "written"),
    [
        ("Region Dalarna", "Dalarna", "Region Dalarna"),
        ("Västra Götalandsregionen", "Västra Götaland", "Västra Götalandsregionen"),
        ("gotlands län Ett projekt", "Gotland", "gotlands län"),
        ("Dalarnas utveckling", None, None),
        ("Gotlandsleden Xyz", None, None),
        ("Regionen Dalarna", None, None),
        ("Västra Götalands Xyz", None, None),
    ],
)
def test_a_region_is_a_whole_name_not_the_start_of_a_longer_word(text: str, region: str | None,
                                                                  written: str | None) -> None:
    found = region_at_start(text)
    assert ((found.region, found.written) if found else (None, None)) == (region, written)
