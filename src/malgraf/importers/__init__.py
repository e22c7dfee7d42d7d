"""Importers: turn source documents and spreadsheets into tidy records and RDF."""
