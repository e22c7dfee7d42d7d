"""Follow-up reports: insatser (and the §8 money) per goal, per national area and priority, per region.

``facts`` reads what a report counts from the graph once, ``reach`` finds the goals each insats
reaches (all links, main links only, suggestions too), ``counts`` counts them per goal and region,
``tables`` and ``money`` make the tables, ``reports`` puts a report together (``make_report``);
``charts`` draws them, ``text``, ``workbook`` and ``page`` write them as text, XLSX and HTML.
"""

from malgraf.report.reports import BY, Report, make_report

__all__ = ["BY", "Report", "make_report"]
