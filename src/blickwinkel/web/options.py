"""Settings of the service and the fetcher not yet declared in :mod:`blickwinkel.config`.

Each is read from ``Settings`` when it has the field, else from ``BLICKWINKEL_<NAME>``, else the
default here, so they move into ``config.SETTINGS`` without changing any caller.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from blickwinkel.config import Setting, Settings
from blickwinkel.errors import ConfigError

PENDING_SETTINGS: tuple[Setting, ...] = (
    Setting(
        "token",
        "",
        "Token the write endpoints require (Authorization: Bearer …); "
        "needed when the server listens on a non-loopback address.",
    ),
    Setting("max_request_mb", 5.0, "Request bodies and uploads larger than this many megabytes get 413."),
    Setting("compare_max_articles", 8, "Most articles one /api/v1/compare request may compare."),
    Setting(
        "fetch_allow_private",
        False,
        "Let URL fetching reach loopback, private, link-local and metadata "
        "addresses (for tests and intranets only).",
    ),
    Setting("fetch_timeout", 15.0, "Seconds before a URL fetch gives up."),
    Setting("fetch_max_mb", 10.0, "Fetched pages larger than this many megabytes are refused."),
    Setting("fetch_host_interval", 1.0, "Minimum seconds between two requests to the same host."),
)


@dataclass(frozen=True)
class ServiceOptions:
    token: str = ""
    max_request_mb: float = 5.0
    compare_max_articles: int = 8
    fetch_allow_private: bool = False
    fetch_timeout: float = 15.0
    fetch_max_mb: float = 10.0
    fetch_host_interval: float = 1.0


def _convert(name: str, raw: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off", ""):
            return False
        raise ConfigError(f"[C003] Setting {name!r} must be true or false, not {raw!r}.")
    try:
        return type(default)(raw)
    except (TypeError, ValueError):
        raise ConfigError(
            f"[C003] Setting {name!r} must be a {type(default).__name__}, not {raw!r}."
        ) from None


def service_options(settings: Settings | None = None, **overrides: Any) -> ServiceOptions:
    """The options from ``settings`` (when declared there), the environment and ``overrides``."""
    values: dict[str, Any] = {}
    for setting in PENDING_SETTINGS:
        raw: Any = setting.default
        if settings is not None and setting.name in type(settings).model_fields:
            raw = getattr(settings, setting.name)
        else:
            env = os.environ.get(f"BLICKWINKEL_{setting.name.upper()}")
            if env is not None:
                raw = env
        if overrides.get(setting.name) is not None:
            raw = overrides[setting.name]
        values[setting.name] = _convert(setting.name, raw, setting.default)
    return ServiceOptions(**values)
