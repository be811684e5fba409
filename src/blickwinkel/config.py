"""Every setting declared once: name, default and help.

Precedence: defaults < settings file (``blickwinkel.toml`` in the user's config directory or the file
named by ``BLICKWINKEL_CONFIG``) < environment (``BLICKWINKEL_<NAME>``) < command-line options.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, ValidationError

from blickwinkel.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("embedder", "use", "Embedding backend: 'use' (fast, default) or 'e5' (better, slower)."),
    Setting("max_file_mb", 20.0, "Inputs larger than this many megabytes are refused."),
    Setting("align_threshold", 0.5, "Minimum alignment score for two statements to state one fact."),
    Setting("db", "", "Database URL; empty means SQLite in the user's data directory."),
    Setting(
        "token",
        "",
        "Token the write endpoints require (Authorization: Bearer …); needed when the server listens "
        "on a non-loopback address.",
    ),
    Setting("max_request_mb", 5.0, "Request bodies and uploads larger than this many megabytes get 413."),
    Setting("compare_max_articles", 8, "Most articles one /api/v1/compare request may compare."),
    Setting(
        "fetch_allow_private",
        False,
        "Let URL fetching reach loopback, private, link-local and metadata addresses (tests, intranets).",
    ),
    Setting("fetch_timeout", 15.0, "Seconds before a URL fetch gives up."),
    Setting("fetch_max_mb", 10.0, "Fetched pages larger than this many megabytes are refused."),
    Setting("fetch_host_interval", 1.0, "Minimum seconds between two requests to the same host."),
)


class Settings(BaseModel):
    """Validated settings; build with :func:`load_settings`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    embedder: str = "use"
    max_file_mb: float = 20.0
    align_threshold: float = 0.5
    db: str = ""
    token: str = ""
    max_request_mb: float = 5.0
    compare_max_articles: int = 8
    fetch_allow_private: bool = False
    fetch_timeout: float = 15.0
    fetch_max_mb: float = 10.0
    fetch_host_interval: float = 1.0


def settings_file() -> Path:
    env = os.environ.get("BLICKWINKEL_CONFIG")
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir("blickwinkel")) / "blickwinkel.toml"


def load_settings(overrides: dict[str, Any] | None = None, *, path: Path | None = None) -> Settings:
    """Merge defaults, the settings file, ``BLICKWINKEL_*`` variables and ``overrides``."""
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    where: dict[str, str] = {s.name: "default" for s in SETTINGS}
    file = path or settings_file()
    if file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"[C001] Settings file {file} cannot be read: {exc}") from exc
        for key, value in data.items():
            values[key] = value
            where[key] = str(file)
    for s in SETTINGS:
        env = os.environ.get(f"BLICKWINKEL_{s.name.upper()}")
        if env is not None:
            values[s.name] = env
            where[s.name] = f"BLICKWINKEL_{s.name.upper()}"
    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = value
            where[key] = "command line"
    try:
        return Settings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "?"
        known = ", ".join(s.name for s in SETTINGS)
        raise ConfigError(
            f"[C002] Setting {name!r} (from {where.get(name, 'unknown')}): {first['msg']}. "
            f"Known settings: {known}."
        ) from exc
