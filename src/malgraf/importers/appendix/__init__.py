"""Import Tillväxtverket's table appendix of the regions' reports (seed 004) into tidy CSV files.

``layout`` finds sections and rows, ``regions`` the region each row starts with, ``goal_column`` and
``columns`` read a row's cells, ``section8`` reads §8's answers, ``parse`` puts them together into
an ``Appendix`` and ``write`` writes ``insatser.csv``, ``goal_links.csv`` and ``answers.csv``
atomically (``allocation.csv``, the §8 amounts, is read by hand: see ``section8``). Goal text itself
is read by ``malgraf.importers.goals``, which other importers share. Names, regions, sections, goal
links and source lines are what the importer is measured on (``benchmarks/appendix_accuracy.py``);
the description / outputs / effects split is approximate.
"""

from __future__ import annotations

from malgraf.importers.appendix.parse import Appendix, InsatsRecord, parse_appendix
from malgraf.importers.appendix.write import import_appendix, tables

__all__ = ["Appendix", "InsatsRecord", "import_appendix", "parse_appendix", "tables"]
