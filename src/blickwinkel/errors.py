"""The one exception tree of blickwinkel.

Every message names the bad input (a file, a field, a setting) and, where there is one, the way out::

    BlickwinkelError
    ├── ConfigError          a setting has a bad value or name
    ├── IngestError          an input file, URL or record cannot be read as an article
    ├── EmbedderError        an embedding backend is unknown or cannot be loaded
    ├── EvaluationError      an evaluation file is missing or malformed
    └── ComparisonError      the inputs cannot be compared (for example fewer than two articles)

Only the CLI, the web app and batch jobs turn these into exit codes or error bodies.
"""

from __future__ import annotations


class BlickwinkelError(Exception):
    """Base of every error blickwinkel raises on purpose."""


class ConfigError(BlickwinkelError):
    """A setting is unknown or has a value of the wrong kind."""


class IngestError(BlickwinkelError):
    """An input cannot be read as an article; ``source`` names the file, URL or record."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class EmbedderError(BlickwinkelError):
    """An embedding backend is unknown or cannot be loaded."""


class EvaluationError(BlickwinkelError):
    """An evaluation file is missing or malformed."""


class ComparisonError(BlickwinkelError):
    """The given articles cannot be compared."""
