"""Vocabularies malgraf keeps as data: each region's reviewed goal vocabulary (``regional``)."""
