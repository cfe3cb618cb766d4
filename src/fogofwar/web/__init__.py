"""fogofwar's HTTP API and web page (``fogofwar serve``): JSON listings with filters and pagination, an article
upload behind a bearer token, and offline HTML pages (map, timeline, claims board, article view)."""

from __future__ import annotations

from fogofwar.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
