"""What ``malgraf import appendix`` says of an import: how its regional goal statements resolved."""

from __future__ import annotations

from pathlib import Path

from malgraf.i18n import message
from malgraf.importers.appendix.parse import Appendix
from malgraf.regions import REGIONS_BY_LANSKOD
from malgraf.text import visible


def resolution_warnings(appendix: Appendix, goals_directory: Path, lang: str) -> list[str]:
    """The regions without a goal vocabulary, and each statement no goal matched: region, line, text."""
    lines = []
    missing = appendix.regions_without_vocabulary()
    if missing:
        names = ", ".join(REGIONS_BY_LANSKOD[code].short_name for code in missing)
        lines.append(message("import.no_vocabulary", lang, regions=names, directory=goals_directory))
    unresolved = appendix.unresolved()
    if unresolved:
        lines.append(message("import.unresolved", lang, n=len(unresolved)))
        lines.extend(message("import.unresolved_line", lang, region=record.region, line=goal.first_line,
                             statement=visible(goal.statement)) for record, goal in unresolved)
    return lines


def resolution_summary(appendix: Appendix, goals_directory: Path, lang: str) -> str | None:
    """How many regional statements were tied to a goal of their region's vocabulary (None: no vocabulary)."""
    statements = appendix.regional_statements()
    if not statements:
        return None
    return message("import.resolved", lang, goals=len(statements) - len(appendix.unresolved()),
                   statements=len(statements), directory=goals_directory)
