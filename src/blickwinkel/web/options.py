"""The options of the service and the fetcher: a part of the settings table in
:mod:`blickwinkel.config` (defaults < file < ``BLICKWINKEL_*`` < command line), defaults taken from it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from blickwinkel.config import Settings, default_of, load_settings
from blickwinkel.ingest.fetch import FetchPolicy


@dataclass(frozen=True)
class ServiceOptions:
    token: str = default_of("token")
    max_request_mb: float = default_of("max_request_mb")
    compare_max_articles: int = default_of("compare_max_articles")
    compare_max_chars: int = default_of("compare_max_chars")
    compare_workers: int = default_of("compare_workers")
    compare_queue: int = default_of("compare_queue")
    compare_processes: int = default_of("compare_processes")
    fetch_allow_networks: str = default_of("fetch_allow_networks")
    fetch_timeout: float = default_of("fetch_timeout")
    fetch_max_concurrent: int = default_of("fetch_max_concurrent")
    fetch_max_mb: float = default_of("fetch_max_mb")
    fetch_host_interval: float = default_of("fetch_host_interval")


def service_options(settings: Settings | None = None, **overrides: Any) -> ServiceOptions:
    """The options from ``settings`` (loaded when not given) with ``overrides`` on top; a bad value
    raises :class:`~blickwinkel.errors.ConfigError` naming the setting."""
    names = [f.name for f in fields(ServiceOptions)]
    given = {k: v for k, v in overrides.items() if k in names and v is not None}
    if settings is None or given:
        base = settings.model_dump() if settings is not None else {}
        settings = load_settings({**{k: v for k, v in base.items() if k in names}, **given})
    return ServiceOptions(**{name: getattr(settings, name) for name in names})


def fetch_policy(options: ServiceOptions) -> FetchPolicy:
    """The fetcher's limits from the options."""
    return FetchPolicy(
        timeout=options.fetch_timeout,
        max_bytes=int(options.fetch_max_mb * 1_000_000),
        host_interval=options.fetch_host_interval,
        allow_networks=tuple(n.strip() for n in options.fetch_allow_networks.split(",") if n.strip()),
        max_concurrent=options.fetch_max_concurrent,
    )
