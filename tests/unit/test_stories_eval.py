"""Story evaluations: each text is analysed once per run, progress is reported, nothing printed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from blickwinkel.stories.evaluate import SimilarityPair, evaluate_similarity, pair_article
from blickwinkel.stories.features import doc_parts, embedded_texts
from tests.unit.test_stories_props import EVENTS, HashedWordsEmbedder


class CountingEmbedder(HashedWordsEmbedder):
    """Counts the texts it embeds."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.texts.extend(texts)
        return super().encode(texts)


def _pairs() -> list[SimilarityPair]:
    reports = [f"{title}\n{text}" for event in EVENTS.values() for title, text in event]
    # every report is paired with every other: each text occurs in several pairs
    return [
        SimilarityPair(f"p{i}-{j}", "de", "de", reports[i], reports[j], 1.0 + (i + j) % 4)
        for i in range(len(reports))
        for j in range(i + 1, len(reports))
    ]


def test_eval_similarity_embeds_each_text_once_and_reports_progress() -> None:
    pairs = _pairs()
    texts = {p.text1 for p in pairs} | {p.text2 for p in pairs}
    embedder = CountingEmbedder()
    seen: list[tuple[str, int, int]] = []
    report = evaluate_similarity(pairs, embedder, lambda what, done, total: seen.append((what, done, total)))
    assert report.pairs == len(pairs)
    # Title, lead, document and body chunks of each distinct text, each text once.
    expected = sum(
        len(embedded_texts(doc_parts(pair_article(p.pair_id, "1", text, p.lang1))))
        for text in texts
        for p in pairs[:1]
    )
    # Then the whole texts once more for the plain-cosine column (a caching embedder has most of them).
    assert len(embedder.texts) == expected + 2 * len(pairs)
    assert set(report.cosine) == set(report.pearson)
    assert seen[0] == ("features", 0, len(texts))
    assert ("features", len(texts), len(texts)) in seen
    assert seen[-1] == ("pairs", len(pairs), len(pairs))
