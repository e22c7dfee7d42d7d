"""Follow-up reports: insatser (and the §8 money) per goal, per national area and priority, per region.

``facts`` reads what a report counts from the graph once, ``reach`` finds the goals each insats
reaches (all links, main links only, suggestions too), ``counts`` counts them per goal and region,
``tables`` and ``money`` make the tables, ``reports`` puts a report together (``reports.make_report``);
``charts`` draws them, ``text``, ``workbook`` and ``page`` write them as text, XLSX and HTML.
"""

BY = ("national", "priority", "rus", "sdg", "eruf", "region", "section")
"""What a report is by: the national strategy's areas, its priorities, the region's own goals,
Agenda 2030, ERUF, regions (with the §8 money), report sections. Here, not in ``reports``, so that
the command line names them without importing pandas."""

__all__ = ["BY"]
