"""The options of the service and the fetcher, taken from the settings declared in
:mod:`blickwinkel.config` (defaults < file < ``BLICKWINKEL_*`` < command line)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from blickwinkel.config import Settings, load_settings


@dataclass(frozen=True)
class ServiceOptions:
    token: str = ""
    max_request_mb: float = 5.0
    compare_max_articles: int = 8
    fetch_allow_private: bool = False
    fetch_timeout: float = 15.0
    fetch_max_mb: float = 10.0
    fetch_host_interval: float = 1.0


def service_options(settings: Settings | None = None, **overrides: Any) -> ServiceOptions:
    """The options from ``settings`` (loaded when not given) with ``overrides`` on top; a bad value
    raises :class:`~blickwinkel.errors.ConfigError` naming the setting."""
    names = [f.name for f in fields(ServiceOptions)]
    given = {k: v for k, v in overrides.items() if k in names and v is not None}
    if settings is None or given:
        base = settings.model_dump() if settings is not None else {}
        settings = load_settings({**{k: v for k, v in base.items() if k in names}, **given})
    return ServiceOptions(**{name: getattr(settings, name) for name in names})
