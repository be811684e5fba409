"""A small statistical tagger for German named entities: a linear-chain CRF (trained with python-crfsuite,
tagged by ``crf_model`` in numpy with the same arithmetic).

Each token is described by its word form, shape, affixes, HanTa's part-of-speech tags, the
licence-clean name lists in ``gazetteer`` (places, given names, organisations and the cue words
before them) and the same for its neighbours, and by its contextual vector from the lower layers
of multilingual-e5-small (``token_vectors``; standardised with the means and spreads in
``data/ner-de-vectors.json``). The weights in ``data/ner-de.crfsuite`` and that file are written
by ``scripts/train_ner.py`` from the tuning part of GermEval 2014 dev (CC BY 4.0; see
docs/data-sources.md); the held-out part is never used for training or any choice. The models
load once, lazily, on first use.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from blickwinkel.analyse import gazetteer as gz
from blickwinkel.analyse.crf_model import LinearChainCrf
from blickwinkel.analyse.lemmas import in_lexicon, word_tags
from blickwinkel.analyse.token_vectors import FloatArray, keep_states, shared_encoder, tagger_keeps

MODEL_RESOURCE = "data/ner-de.crfsuite"
VECTORS_RESOURCE = "data/ner-de-vectors.json"
_QUOTES = frozenset({'"', "„", "“", "”", "«", "»", "‚", "‘", "’", "'", "``", "''"})
_SHAPE_REPEAT = re.compile(r"(.)\1+")
_load_lock = threading.Lock()
_model: list[LinearChainCrf] = []

Features = dict[str, float]
MAX_TAGGED_NAME = 8


@dataclass(frozen=True)
class VectorSettings:
    """How contextual vectors enter the tagger: after how many e5 layers, and the per-dimension
    mean and spread (of the training words) that standardise them, times ``scale``."""

    layers: int
    scale: float
    mean: FloatArray
    spread: FloatArray

    def to_json(self) -> dict[str, Any]:
        return {
            "layers": self.layers,
            "scale": self.scale,
            "mean": [round(float(v), 5) for v in self.mean],
            "spread": [round(float(v), 5) for v in self.spread],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VectorSettings:
        return cls(
            layers=int(data["layers"]),
            scale=float(data["scale"]),
            mean=np.asarray(data["mean"], dtype=np.float32),
            spread=np.asarray(data["spread"], dtype=np.float32),
        )

    @classmethod
    def fitted(cls, vectors: Sequence[FloatArray], layers: int, scale: float) -> VectorSettings:
        stacked = np.concatenate(vectors)
        return cls(layers, scale, stacked.mean(axis=0), stacked.std(axis=0) + np.float32(1e-6))

    def standardised(self, vectors: FloatArray) -> FloatArray:
        return (vectors - self.mean) / self.spread * np.float32(self.scale)


@lru_cache(maxsize=100_000)
def word_shape(word: str) -> str:
    """``"Merkel"`` → ``"Xx"``, ``"NATO"`` → ``"X"``, ``"G20-Gipfel"`` → ``"Xd-Xx"`` (runs collapsed)."""
    shape = []
    for char in word:
        if char.isupper():
            shape.append("X")
        elif char.islower():
            shape.append("x")
        elif char.isdigit():
            shape.append("d")
        else:
            shape.append(char)
    return _SHAPE_REPEAT.sub(r"\1", "".join(shape))


def _pos(word: str) -> tuple[str, ...]:
    """HanTa's tags; a lowercase word HanTa does not know is ``UNK`` without asking it, since its
    analysis of an unknown word takes milliseconds (names are capitalised and still asked)."""
    if not word[:1].isalnum():
        return ("$.",)
    if word[:1].islower() and not in_lexicon(word, "de"):
        return ("UNK",)
    return word_tags(word, "de")


def _gazetteer_labels(tokens: Sequence[str]) -> list[str]:
    """Longest matches of the name lists: ``B-LOCcity``, ``I-ORG``, ``B-OTH`` ... or ``""``."""
    places, orgs, others = gz.places(), gz.organisations(), gz.other_names()
    labels = [""] * len(tokens)
    i = 0
    while i < len(tokens):
        found = ""
        size = 0
        if tokens[i][:1].isalpha():
            for size in range(min(gz.MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
                words = tuple(tokens[i : i + size])
                if words in orgs:
                    found = "ORG"
                elif words in others:
                    found = "OTH"
                elif words in places:
                    found = "LOC" + places[words].kind
                if found:
                    break
        if not found:
            i += 1
            continue
        labels[i] = "B-" + found
        for k in range(i + 1, i + size):
            labels[k] = "I-" + found
        i += size
    return labels


_FLAGS_FOR_NEIGHBOURS = ("given", "pcue", "ohead", "lcue", "wcue", "speech", "quote", "particle")


@lru_cache(maxsize=100_000)
def _word_features(word: str) -> tuple[str, ...]:
    """Features of a word form alone, as ``name=value`` strings (cached: news repeats its words)."""
    lower = word.lower()
    tags = _pos(word)
    feats = [
        f"w={lower}",
        f"shape={word_shape(word)}",
        f"p3={lower[:3]}",
        f"s2={lower[-2:]}",
        f"s3={lower[-3:]}",
        f"s4={lower[-4:]}",
        f"pos={tags[0]}",
    ]
    flags = {
        "ne": "NE" in tags,
        "short": len(word) <= 3,
        "given": word in gz.given_names(),
        "pcue": gz.is_person_cue(word),
        "ohead": word in gz.ORG_HEADS,
        "lcue": word in gz.PLACE_CUES,
        "wcue": word in gz.WORK_CUES,
        "speech": lower in gz.SPEECH_VERBS,
        "particle": word in gz.NAME_PARTICLES,
        "nprefix": word.startswith(gz.NAME_PREFIXES),
        "quote": word in _QUOTES,
    }
    feats.extend(name for name, on in flags.items() if on)
    if "-" in word.strip("-"):
        feats.append(f"hyph_s3={word.rsplit('-', 1)[1].lower()[-3:]}")
    return tuple(feats)


@lru_cache(maxsize=200_000)
def _neighbour_features(word: str, offset: int) -> tuple[str, ...]:
    """What a word says about the token ``offset`` places away: less than about itself."""
    own = _word_features(word)
    keep = ("w=", "pos=") if abs(offset) > 1 else ("w=", "pos=", "shape=", "s3=", *_FLAGS_FOR_NEIGHBOURS)
    return tuple(f"{offset}:{f}" for f in own if f.startswith(keep))


def _rule_labels(tokens: Sequence[str]) -> list[str]:
    """What the hand-written rules of ``entities`` say about each token (``B-PER``, ``I-ORG`` ... ``O``);
    a lone proper noun without evidence of its type is ``B-NAME``."""
    from blickwinkel.analyse.entity_rules import rule_spans

    labels = ["O"] * len(tokens)
    for span in rule_spans(tokens, "de"):
        kind = "NAME" if span.tentative else span.type
        labels[span.start] = "B-" + kind
        for i in range(span.start + 1, span.end):
            labels[i] = "I-" + kind
    return labels


def sentence_features(tokens: Sequence[str], vectors: FloatArray | None = None) -> list[Features]:
    """The features of each token: the word itself, its gazetteer label, what the rules say, the
    same for its neighbours, and its standardised contextual vector (``v0`` … ``v383``) if given."""
    gazetteer = _gazetteer_labels(tokens)
    rules = _rule_labels(tokens)
    n = len(tokens)
    result: list[Features] = []
    for i, token in enumerate(tokens):
        feats = ["bias", *_word_features(token)]
        if gazetteer[i]:
            feats.append("gz=" + gazetteer[i])
        if rules[i] != "O":
            feats.append("rule=" + rules[i])
        if i == 0:
            feats.append("first")
        for offset in (-2, -1, 1, 2):
            k = i + offset
            if not 0 <= k < n:
                feats.append(f"{offset}:edge")
                continue
            feats.extend(_neighbour_features(tokens[k], offset))
            if abs(offset) == 1:
                if gazetteer[k]:
                    feats.append(f"{offset}:gz={gazetteer[k]}")
                if rules[k] != "O":
                    feats.append(f"{offset}:rule={rules[k]}")
        result.append(dict.fromkeys(feats, 1.0))
    if vectors is not None:
        _add_vectors(result, vectors)
    return result


def _add_vectors(features: list[Features], vectors: FloatArray) -> None:
    """Each token's standardised contextual vector as features ``v0`` … (after its other features)."""
    for item, row in zip(features, vectors.tolist(), strict=True):
        item.update(zip(_VECTOR_NAMES, row, strict=False))


_VECTOR_NAMES = tuple(f"v{j}" for j in range(1024))


def vector_settings() -> VectorSettings:
    """The packaged settings for the contextual vectors (written with the model)."""
    return _vector_settings()


@lru_cache(maxsize=1)
def _vector_settings() -> VectorSettings:
    path = resources.files("blickwinkel.analyse").joinpath(VECTORS_RESOURCE)
    return VectorSettings.from_json(json.loads(path.read_text(encoding="utf-8")))


def contextual_vectors(sentences: Sequence[Sequence[str]], settings: VectorSettings) -> list[FloatArray]:
    """The standardised contextual vector of every word of each sentence."""
    return [settings.standardised(v) for v in raw_vectors(sentences, settings)]


def raw_vectors(
    sentences: Sequence[Sequence[str]], settings: VectorSettings, *, keep: bool | None = None
) -> list[FloatArray]:
    """The contextual vector of every word of each sentence before standardising; with ``keep``
    kept in this process (``token_vectors.keep_states``: the soft word alignment of the link score
    reads the same layer's rows of the statements it compares; default: while a comparison that
    reads it asks, ``token_vectors.tagger_keeps``)."""
    keep = tagger_keeps() if keep is None else keep
    return shared_encoder(settings.layers).word_vectors(sentences, settings.layers, keep=keep)


def load_vector_encoder() -> VectorSettings:
    """The vector settings, with the encoder they read loaded (a worker loads it before work comes)."""
    settings = vector_settings()
    shared_encoder(settings.layers)
    return settings


Key = tuple[tuple[str, ...], ...]
"""A batch of sentences as the tagger asks for their vectors: the words of each sentence."""


class VectorWorker(Protocol):
    """Computes the contextual vectors (:func:`raw_vectors`, not standardised) of the batches it is
    sent somewhere else (the ``compare`` command's child process, ``cli/_background.py``) while
    analysis goes on."""

    keys: list[Key]

    def send(self, keys: Sequence[Key]) -> bool: ...
    def vectors(self, key: Key) -> list[FloatArray] | None: ...
    def close(self) -> None: ...


VectorWorkers = Callable[[int, int], VectorWorker | None]
"""Starts a worker for at most ``max_words`` words of vectors of ``dim`` numbers, or gives None."""
_workers: list[VectorWorkers | None] = [None]
_started: list[VectorWorker] = []
_started_lock = threading.Lock()


def use_vector_workers(start: VectorWorkers | None) -> None:
    """Let the analysis in this process hand the tagger's vectors to workers that ``start`` starts
    (None: computed here, the default)."""
    _workers[0] = start


def spawn_vectors(max_words: int) -> VectorWorker | None:
    """A worker that loads the encoder now and computes the vectors of at most ``max_words`` words
    it is sent later (:func:`start_vectors`), where this process has workers
    (:func:`use_vector_workers`); else None."""
    start = _workers[0]
    return start(max_words, len(vector_settings().mean)) if start is not None else None


def start_vectors(
    batches: Sequence[Sequence[Sequence[str]]], child: VectorWorker | None = None
) -> Callable[[], None]:
    """Have the contextual vectors of each batch of sentences (e.g. one article's, as
    :func:`crf_tags_batch` will be given them) computed in a child process — ``child`` from
    :func:`spawn_vectors`, or one started now — where this process may, and return the function that
    ends it (call it when the batches have been tagged, or analysis failed). :func:`crf_tags_batch`
    takes a batch given exactly as here from the child, and computes any other batch itself."""
    keys = [tuple(tuple(tokens) for tokens in batch if tokens) for batch in batches]
    keys = [key for key in dict.fromkeys(keys) if key]
    if child is None and keys:
        child = spawn_vectors(sum(len(tokens) for key in keys for tokens in key))
    if child is None:
        return lambda: None
    started = child
    if not keys or not started.send(keys):
        started.close()
        return lambda: None
    with _started_lock:
        _started.append(started)

    def close() -> None:
        with _started_lock:
            if started in _started:
                _started.remove(started)
        started.close()

    return close


def _started_vectors(sentences: Sequence[Sequence[str]]) -> list[FloatArray] | None:
    """The vectors of ``sentences`` from a child started by :func:`start_vectors`, or None."""
    if not _started:
        return None
    key = tuple(tuple(tokens) for tokens in sentences)  # (crf_tags_batch gives no empty sentence)
    with _started_lock:
        running = list(_started)
    for started in running:
        if key in started.keys:
            return started.vectors(key)
    return None


def model_path() -> Path:
    """Where the packaged model file lives."""
    return Path(str(resources.files("blickwinkel.analyse").joinpath(MODEL_RESOURCE)))


def _crf() -> LinearChainCrf:
    if not _model:
        with _load_lock:
            if not _model:
                _model.append(LinearChainCrf.read(model_path()))
    return _model[0]


def _spans(tags: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start, current = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == current
        if current and not continues:
            spans.append((start, i))
            current = ""
        if prefix in {"B", "I"} and not continues:
            start, current = i, kind
    return spans


def _implausible(words: Sequence[str]) -> bool:
    """A span no name can be: only titles or roles ("Sprecherin", "Frau Dr."), or longer than any
    name or title of a work (the tagger can run on through a clause)."""
    return len(words) > MAX_TAGGED_NAME or all(gz.is_title(w) for w in words)


def _listed_place(word: str) -> bool:
    """A single word the place list knows (also in the German genitive, "Bagdads") and that is no
    given name."""
    if word in gz.given_names():
        return False
    return (word,) in gz.places() or (word.endswith("s") and (word[:-1],) in gz.places())


def clean_tags(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """The tagger's tags without spans that cannot be names (see ``_implausible``); a lone word
    tagged as a person that the place list knows is a place."""
    cleaned = list(tags)
    for start, end in _spans(tags):
        if _implausible(tokens[start:end]):
            cleaned[start:end] = ["O"] * (end - start)
        elif end - start == 1 and cleaned[start].endswith("-PER") and _listed_place(tokens[start]):
            cleaned[start] = "B-LOC"
    return cleaned


def crf_tags(tokens: Sequence[str]) -> list[str]:
    """BIO tags (``B-PER``, ``I-LOC``, ``O``) for one German sentence from the packaged model."""
    return crf_tags_batch([tokens])[0]


def crf_tags_batch(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """``crf_tags`` for many sentences; their contextual vectors are computed together (faster)."""
    result: list[list[str]] = [[] for _ in sentences]
    busy = [i for i, tokens in enumerate(sentences) if tokens]
    if not busy:
        return result
    # The features other than the vectors first: vectors started by ``start_vectors`` are computed
    # in another process meanwhile.
    features = [sentence_features(sentences[i]) for i in busy]
    wanted = [sentences[i] for i in busy]
    settings = vector_settings()
    started = _started_vectors(wanted)  # (raw: standardised here, as contextual_vectors does)
    if started is not None:
        if tagger_keeps():
            keep_states(settings.layers, wanted, started)
        vectors = [settings.standardised(v) for v in started]
    else:
        vectors = contextual_vectors(wanted, settings)
    # Every token's scores at once (crf_model: CRFsuite's arithmetic and tags, without naming each
    # of a token's 384 vector numbers to it)
    crf = _crf()
    items = [item for sentence in features for item in sentence]
    scores = crf.state_scores(items, np.concatenate(vectors))
    bounds = itertools.accumulate((len(sentence) for sentence in features), initial=0)
    tagged = crf.best_paths([scores[a:b] for a, b in itertools.pairwise(bounds)])
    for i, tags in zip(busy, tagged, strict=True):
        result[i] = clean_tags(sentences[i], tags)
    return result
