"""Importers: turn source documents and spreadsheets into tidy records and RDF.

``appendix`` reads Tillväxtverket's 2023 table appendix into the tidy CSV files; ``goals`` reads the
goals a text states (markers, SDG and ERUF resolution, each region's goal vocabulary), for the
appendix and any other importer; ``region_names`` and ``insats_ids`` say which region a text names
and what an insats is called; ``lines`` is a numbered source line; ``tables`` turns the CSV into RDF.
"""
