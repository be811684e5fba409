"""The web service: ``create_app(store, settings)`` serves the JSON API under ``/api/v1``, its
OpenAPI description at ``/api/docs`` and the web UI (server-rendered pages, one static JS file)."""

from __future__ import annotations

from blickwinkel.web.app import create_app
from blickwinkel.web.options import ServiceOptions, service_options

__all__ = ["ServiceOptions", "create_app", "service_options"]
