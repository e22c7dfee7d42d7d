"""malgraf: a knowledge graph of goals and results for Swedish regional development."""

from __future__ import annotations

__version__ = "0.1.0"
