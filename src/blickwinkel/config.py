"""Every setting declared once: name, default and help.

Precedence: defaults < settings file (``blickwinkel.toml`` in the user's config directory or the file
named by ``BLICKWINKEL_CONFIG``) < environment (``BLICKWINKEL_<NAME>``) < command-line options.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from blickwinkel.errors import ConfigError, Errors

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

REPORT_LANGUAGES = ("auto", "de", "en")
"""What the ``report_language`` setting and ``compare --lang`` take: the languages of the reports'
words (report/texts.py, a test checks they agree) and ``auto``, which chooses by the articles."""

WITH_WORDS = "+words"
"""A ``link_embedder`` setting ending in this (``auto+words``, ``e5+words``) adds the soft word
alignment (compare/soft_alignment.py)."""


def parse_networks(value: str | Iterable[str]) -> tuple[Network, ...]:
    """Networks from ``"127.0.0.0/8, ::1"`` or a list of such strings (the ``fetch_allow_networks``
    setting, which the fetcher reads); a bad one raises ValueError."""
    items = value.split(",") if isinstance(value, str) else list(value)
    out: list[Network] = []
    for item in items:
        text = item.strip()
        if not text:
            continue
        try:
            out.append(ipaddress.ip_network(text, strict=False))
        except ValueError:
            raise ValueError(f"{text!r} is not an IP network (write e.g. 127.0.0.0/8 or ::1/128)") from None
    return tuple(out)


class Settings(BaseModel):
    """The settings table: every setting once, with its default and help (one line each). Validated;
    build with :func:`load_settings`. :data:`SETTINGS` and the service options are derived from it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    embedder: str = Field(
        "use", description="Embedding backend: 'use' (fast, default) or 'e5' (better, slower)."
    )
    # 'similarity' embeds two articles, so it takes 'e5', which scores German and German-English pairs
    # better (10-fold CV Pearson on the SemEval-2022 dev pairs, 2026-11-29: de-de 0.780 / de-en 0.787
    # for the 'e5' model, against 0.633 / 0.684 for the 'use' model) and starts as quickly.
    pair_embedder: str = Field(
        "e5", description="Embedding backend of 'similarity', which scores one pair: 'e5' or 'use'."
    )
    # A second embedder for the link model: 'auto' runs e5 on the uncertain pairs in the languages of
    # SECOND_LANGUAGES (compare/align.py: English, chosen on the tuning half, docs/data-sources.md);
    # '+words' adds the soft word alignment (the default since the seventeenth session: on our own
    # examples links F1 0.832 -> 0.854, conflicts 0.737 -> 0.857, unique facts the same; README).
    link_embedder: str = Field(
        "auto+words",
        description="Second embedding backend the link model of 'compare' and 'eval compare' reads for "
        "the uncertain pairs of statements in one language ('auto': e5 for English pairs only; 'e5': "
        "for every language, slower; 'none': never); with '+words' ('auto+words') the link model also "
        "reads the soft word alignment of the pairs still uncertain after it, in any language (more "
        "links, more CPU).",
    )
    # The language of the words of a report (HTML and terminal): "auto" writes it in the language most
    # of the compared articles are in, German on a tie (report/texts.py report_language).
    report_language: str = Field(
        "auto",
        description="Language of the words of the terminal and HTML reports of 'compare': 'de', 'en' or "
        "'auto' (German when at least as many articles are in German as in English, else English).",
    )
    max_file_mb: float = Field(20.0, gt=0, description="Inputs larger than this many megabytes are refused.")
    align_threshold: float = Field(
        0.5, ge=0, le=1, description="Minimum alignment score for two statements to state one fact."
    )
    db: str = Field("", description="Database URL; empty means SQLite in the user's data directory.")
    token: str = Field(
        "",
        description="Token the write endpoints require (Authorization: Bearer …); needed when the "
        "server listens on a non-loopback address.",
    )
    max_request_mb: float = Field(
        5.0, description="Request bodies and uploads larger than this many megabytes get 413."
    )
    compare_max_articles: int = Field(8, description="Most articles one /api/v1/compare request may compare.")
    compare_max_chars: int = Field(
        200_000,
        ge=1,
        description="Longest text (characters) an article compared by `compare` or /api/v1/compare may "
        "have; longer ones are refused (413 in the API): analysis time grows with the text.",
    )
    compare_workers: int = Field(
        2, ge=1, description="Comparisons of /api/v1/compare that run at once, off the request threads."
    )
    compare_queue: int = Field(
        8, ge=0, description="Comparisons that may wait for a worker; more get 503 with Retry-After."
    )
    compare_processes: int = Field(
        2,
        ge=1,
        description="Processes of the service that analyse and compare (each loads the models, about "
        "0.5 GB), so that analysis never slows the reads the server answers.",
    )
    # The story clusterer's time window (stories/cluster.py WINDOW_DAYS reads this default): 5 since
    # the eleventh session (3 before), chosen on WikiNews dev (the reasons at WINDOW_DAYS).
    story_window_days: int = Field(
        5,
        ge=0,
        description="Days before and after an article in which 'stories' and 'ingest' look for its "
        "story ('batch' takes the default).",
    )
    processes: int = Field(
        0,
        ge=0,
        description="Processes that embed articles for 'stories' (0: one per CPU core; 1: none besides "
        "the command's own). Each loads the embedder (about 0.2 GB with 'use').",
    )
    fetch_allow_networks: str = Field(
        "",
        description="Comma-separated networks URL fetching may reach although they are loopback, private "
        "or special-purpose (e.g. 127.0.0.0/8 for tests, 10.0.0.0/8 for an intranet).",
    )
    fetch_timeout: float = Field(
        15.0, gt=0, description="Deadline in seconds of one whole URL fetch (connect, redirects, reads)."
    )
    fetch_max_concurrent: int = Field(
        16, ge=1, description="Most URL fetches that run at once; more are refused."
    )
    fetch_max_mb: float = Field(
        10.0, description="Fetched pages larger than this many megabytes are refused."
    )
    fetch_host_interval: float = Field(
        1.0, description="Minimum seconds between two requests to the same host."
    )

    # `watch` fetches a page that failed (a feed entry's) again at later polls, whether its feed changed
    # or not: after watch_retry_wait seconds, twice as long after each further failure, at most
    # watch_retries times (chosen from our own reasoning: half the default poll interval of 600 s, so
    # each next poll retries at first; five retries span about two and a half hours).
    watch_retries: int = Field(
        5,
        ge=0,
        description="Times `watch` fetches again a page that failed (a feed's entry, or an address given "
        "to `ingest`); after the last, only `ingest --retry` fetches it.",
    )
    watch_retry_wait: float = Field(
        300.0,
        ge=0,
        description="Seconds after a page failed before `watch` fetches it again; the wait doubles with "
        "each further failure.",
    )

    @field_validator("link_embedder")
    @classmethod
    def _second_embedder(cls, value: str) -> str:
        # The link model has a fitted model for e5 as the second embedder only (same_language_e5, which
        # reads its cosines on e5's scale): 'use' here gave links from a model fitted on other cosines,
        # and an unknown name failed only after the whole analysis.
        if value not in ("", "none", "auto", "e5", "auto" + WITH_WORDS, "e5" + WITH_WORDS):
            raise ValueError(
                "the link model reads 'e5' as a second embedder: 'auto', 'e5' or 'none' "
                f"('auto{WITH_WORDS}', 'e5{WITH_WORDS}': with the soft word alignment)"
            )
        return "" if value == "none" else value

    @field_validator("report_language")
    @classmethod
    def _report_language(cls, value: str) -> str:
        if value not in REPORT_LANGUAGES:
            raise ValueError("a report is written in 'de' or 'en', or 'auto' (by the articles)")
        return value

    @field_validator("fetch_allow_networks")
    @classmethod
    def _networks(cls, value: str) -> str:
        parse_networks(value)  # raises ValueError naming the bad network
        return value


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = tuple(
    Setting(name, field.default, field.description or "") for name, field in Settings.model_fields.items()
)


def default_of(name: str) -> Any:
    """The one default of setting ``name`` (for signatures and option classes derived from the table)."""
    return Settings.model_fields[name].default


DEFAULT_EMBEDDER: str = default_of("embedder")
DEFAULT_LINK_EMBEDDER: str = default_of("link_embedder")
DEFAULT_STORY_WINDOW_DAYS: int = default_of("story_window_days")
DEFAULT_MAX_FILE_BYTES: int = int(default_of("max_file_mb") * 1_000_000)


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
    # A file named by BLICKWINKEL_CONFIG must be there: a misspelt path used to be skipped without a
    # word, so every setting in it silently fell back to its default. The user's own file and a
    # ``path`` given by the caller are optional.
    named = path is None and bool(os.environ.get("BLICKWINKEL_CONFIG"))
    if named or file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(Errors.C004.format(file=file)) from exc
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(Errors.C001.format(file=file, exc=exc)) from exc
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
        # the list of settings helps with a misspelt name, not with a bad value of a known one
        known = (
            f" Known settings: {', '.join(s.name for s in SETTINGS)}."
            if first["type"] == "extra_forbidden"
            else ""
        )
        raise ConfigError(
            Errors.C002.format(
                name=name,
                where=where.get(name, "unknown"),
                problem="no such setting" if known else first["msg"],
                known=known,
            )
        ) from exc
