"""Story evaluations: each text is analysed once per run, progress is reported, nothing printed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import numpy.typing as npt
import pytest

from blickwinkel.stories.evaluate import SimilarityPair, evaluate_similarity, pair_article
from blickwinkel.stories.features import PART_FEATURES, doc_parts, embedded_parts, embedded_texts
from blickwinkel.stories.weights import weights_for
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
    # Document, title, lead and body chunks of each distinct text, each text once; the plain-cosine
    # column reuses the document vectors (these texts are shorter than a document), so nothing more.
    expected = {
        t
        for text in texts
        for p in pairs[:1]
        for t in embedded_texts(doc_parts(pair_article(p.pair_id, "1", text, p.lang1)))
    }
    assert sorted(embedder.texts) == sorted(expected)
    assert set(report.cosine) == set(report.pearson)
    assert seen[0] == ("features", 0, len(texts))
    assert ("features", len(texts), len(texts)) in seen
    assert seen[-1] == ("pairs", len(pairs), len(pairs))


def test_eval_similarity_cross_validates_ours_and_adds_the_other_embedders_cosine() -> None:
    once = _pairs()
    # enough pairs to cross-validate (evaluate.MIN_CROSS_VALIDATION_PAIRS, pairs that share no
    # article): the pairs again in turns, each pair's texts with a line of their own
    pairs = [
        replace(
            p,
            pair_id=f"{p.pair_id}/{n}",
            text1=f"{p.text1}\nAusgabe {n}-{k}.",
            text2=f"{p.text2}\nAusgabe {n}-{k}.",
            overall=1.0 + (k + n) % 4,
        )
        for n in range(-(-100 // len(once)))
        for k, p in enumerate(once)
    ]
    other = CountingEmbedder()
    report = evaluate_similarity(pairs, HashedWordsEmbedder(), other=other)
    assert set(report.cross_validated) == set(report.pearson) == set(report.other_cosine)
    assert report.other == other.name
    # The other embedder reads each distinct whole text once.
    assert sorted(other.texts) == sorted(
        {pair_article(p.pair_id, "1", t, "de").text for p in pairs for t in (p.text1, p.text2)}
    )
    assert "cross_validated_pearson" in report.to_json()
    assert "cross_validated_pearson" not in evaluate_similarity(pairs, HashedWordsEmbedder()).to_json()


def test_eval_similarity_names_why_pairs_sharing_their_articles_are_not_cross_validated() -> None:
    # 105 pairs of the same few texts: the folds keep pairs that share an article together, so there
    # are too few groups to cross-validate (a crash on an empty fold before).
    once = _pairs()
    pairs = [
        replace(p, pair_id=f"{p.pair_id}/{n}", overall=1.0 + (k + n) % 4)
        for n in range(5)
        for k, p in enumerate(once)
    ]
    assert len(pairs) >= 100
    report = evaluate_similarity(pairs, HashedWordsEmbedder(), other=HashedWordsEmbedder())
    assert report.cross_validated == {}
    assert "share no article" in report.cross_validation_skipped


@pytest.mark.parametrize("count", [1, 5, 12])
def test_eval_similarity_names_why_a_small_file_is_not_cross_validated(count: int) -> None:
    # A file of a few pairs ended in a singular matrix inside a fold's fit.
    pairs = [
        SimilarityPair(
            f"p{i}",
            "de",
            "de",
            f"Titel {i}\nDie Elbe steigt um {i} Meter.",
            "Flut\nDie Elbe steigt.",
            1.0 + i % 4,
        )
        for i in range(count)
    ]
    report = evaluate_similarity(pairs, HashedWordsEmbedder(), other=HashedWordsEmbedder())
    assert report.cross_validated == {}
    assert "100 pairs" in report.cross_validation_skipped
    assert set(report.other_cosine) == set(report.pearson)
    assert report.to_json()["cross_validation_skipped"] == report.cross_validation_skipped


def test_eval_similarity_embeds_a_text_longer_than_a_document_once_more_as_a_whole() -> None:
    body = " ".join(f"Satz {n} berichtet über das Hochwasser an der Elbe bei Dresden." for n in range(60))
    pairs = [
        SimilarityPair("a", "de", "de", f"Hochwasser\n{body}", "Hochwasser\nDie Elbe steigt.", 1.0),
        SimilarityPair("b", "de", "de", f"Hochwasser\n{body}", "Wahl\nDer Landtag wählt.", 4.0),
        SimilarityPair("c", "de", "de", "Wahl\nDer Landtag wählt.", "Hochwasser\nDie Elbe steigt.", 4.0),
    ]
    embedder = CountingEmbedder()
    long_article = pair_article("a", "1", pairs[0].text1, "de")
    assert doc_parts(long_article).document != long_article.text
    evaluate_similarity(pairs, embedder)
    # The long text's whole form is embedded once, after its document; nothing else twice.
    assert embedder.texts.count(long_article.text) == 1
    assert len(embedder.texts) == len(set(embedder.texts))


def test_only_the_parts_a_fitted_model_reads_are_embedded() -> None:
    article = pair_article("a", "1", "Hochwasser\nDie Elbe steigt. Dresden räumt die Altstadt.", "de")
    parts = doc_parts(article)
    for embedder in ("use", "e5"):
        used = weights_for(embedder).features
        embedded = embedded_parts(embedder)
        assert ("chunks" in embedded) == ("cos_chunks" in used)
        assert ("title" in embedded) == bool(PART_FEATURES["title"] & used)
        texts = embedded_texts(parts, embedded)
        assert texts[0] == parts.document
        assert len(texts) == 1 + ("title" in embedded) + ("lead" in embedded) + (
            len(parts.chunks) if "chunks" in embedded else 0
        )


def test_eval_similarity_prints_no_correlation_for_a_language_pair_of_one_or_two_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file with one de-de pair printed "de-de 0.000 0.000" beside the real figures.
    import json

    from typer.testing import CliRunner

    from blickwinkel.cli import stories_cmd
    from blickwinkel.cli.main import app
    from blickwinkel.stories import evaluate

    pairs = [SimilarityPair(f"p{i}", "en", "en", "A\nx.", "B\ny.", 1.0 + i % 4) for i in range(4)]
    pairs.append(SimilarityPair("d", "de", "de", "C\nz.", "D\nw.", 2.0))
    assert evaluate.pairs_by_language(pairs) == {"all": 5, "en-en": 4, "de-de": 1}
    report = evaluate.SimilarityReport(
        pearson={"all": 0.5, "de-de": 0.0, "en-en": 0.6},
        pairs=5,
        cosine={"all": 0.4, "de-de": 0.0, "en-en": 0.3},
        counts=evaluate.pairs_by_language(pairs),
    )
    monkeypatch.setattr(evaluate, "evaluate_similarity", lambda *args, **kwargs: report)
    monkeypatch.setattr(stories_cmd, "_embedder", lambda *args: None)
    path = tmp_path / "pairs.jsonl"
    fields = ("pair_id", "lang1", "lang2", "text1", "text2", "overall")
    lines = [json.dumps({f: getattr(p, f) for f in fields}) for p in pairs]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "similarity", str(path)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line[:1].isalpha()}
    assert rows["de-de"] == ["–", "–", "1"]
    assert rows["en-en"] == ["0.600", "0.300", "4"]
    json_result = CliRunner().invoke(app, ["eval", "similarity", str(path), "--format", "json"])
    assert json.loads(json_result.stdout)["pairs_by_language"]["de-de"] == 1
    crossed = replace(
        report,
        cross_validated={"all": 0.45, "de-de": 0.0, "en-en": 0.55},
        other="use",
        other_cosine={"all": 0.2, "de-de": 0.0, "en-en": 0.25},
    )
    monkeypatch.setattr(evaluate, "evaluate_similarity", lambda *args, **kwargs: crossed)
    monkeypatch.setattr(stories_cmd, "_embedder", lambda *args: SimpleNamespace(name="e5"))
    result = CliRunner().invoke(app, ["eval", "similarity", str(path), "--cross-validate"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line[:1].isalpha()}
    assert rows["pair"] == ["ours", "ours", "CV", "cosine", "use", "cos", "pairs"]
    assert rows["de-de"] == ["–", "–", "–", "–", "1"]
    assert rows["en-en"] == ["0.600", "0.550", "0.300", "0.250", "4"]
    small = replace(crossed, cross_validated={}, cross_validation_skipped="needs 100 pairs or more")
    monkeypatch.setattr(evaluate, "evaluate_similarity", lambda *args, **kwargs: small)
    result = CliRunner().invoke(app, ["eval", "similarity", str(path), "--cross-validate"])
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line[:1].isalpha()}
    assert rows["en-en"] == ["0.600", "–", "0.300", "0.250", "4"]
    assert "no cross-validation: it needs 100 pairs or more" in " ".join(result.stdout.split())


def test_the_stories_listing_names_an_untitled_story_and_counts_one_article_in_the_singular() -> None:
    # "Story 6: " with nothing after it, and "1 article(s)".
    from blickwinkel.report.story_list import story_lines
    from blickwinkel.stories.cluster import Story

    stories = [
        Story("a", ("a",), "", (), ("en",), None, None),
        Story("b", ("b", "c"), "Mill fire", ("Post",), ("en",), None, None),
    ]
    outlets: dict[str, str | None] = {"a": None, "b": "Post", "c": None}
    lines = story_lines(stories, {"a": "", "b": "Mill fire", "c": "Fire at the mill"}, outlets).splitlines()
    assert lines[0] == "Story 1: (no title)"
    assert lines[1].startswith("  1 article · ")
    assert lines[3] == "Story 2: Mill fire" and lines[4].startswith("  2 articles · ")
    # "outlets: –" for articles read from text files, as if they had no source
    assert lines[1] == "  1 article · outlets: unknown (1 article names none) · languages: en"
    assert lines[4] == "  2 articles · outlets: Post and 1 article of unknown outlet · languages: en"
    # a title-less record's first paragraph filled three lines of the listing
    long = "The old mill by the river burned down on Sunday night " * 8
    lines = story_lines([Story("d", ("d",), long, (), ("en",), None, None)], {"d": long}, {}).splitlines()
    assert lines[0].startswith("Story 1: The old mill") and lines[0].endswith(" …") and len(lines[0]) < 140
    assert lines[2].startswith("  - d: The old mill") and len(lines[2]) < 140


def test_an_untitled_article_is_listed_by_its_opening_words() -> None:
    # A text of one line has no title: the listing read "- kurz: " with nothing after it, and a story
    # it opens "Story 1: (no title)".
    from types import SimpleNamespace

    from blickwinkel.report.story_list import listed_titles, story_lines
    from blickwinkel.stories.cluster import Story

    text = "The ferry to the island sails again from Monday, the operator said. The pier is mended."
    articles = [SimpleNamespace(id="k", lead=None, text=text, language="en")]
    titles = listed_titles(articles, [SimpleNamespace(id="k", title="")])
    assert titles == {"k": "The ferry to the island sails again from Monday, the operator said."}
    lines = story_lines([Story("k", ("k",), "", (), ("en",), None, None)], titles, {"k": None}).splitlines()
    assert lines[0] == "Story 1: The ferry to the island sails again from Monday, the operator said."
    assert lines[2] == "  - k: The ferry to the island sails again from Monday, the operator said."


def test_the_stories_listing_in_german() -> None:
    # `stories --lang de` (or German articles with the report_language setting "auto"): the listing's
    # words, counts and days as a German reader writes them
    import datetime as dt

    from blickwinkel.report.story_list import story_lines
    from blickwinkel.stories.cluster import Story

    first, last = dt.date(2031, 3, 3), dt.date(2031, 3, 4)
    stories = [
        Story("a", ("a",), "", (), ("de",), first, first),
        Story("b", ("b", "c"), "Brand in der Mühle", ("Post",), ("de",), first, last, (("c", "b"),)),
    ]
    outlets: dict[str, str | None] = {"a": None, "b": "Post", "c": None}
    titles = {"a": "", "b": "Brand in der Mühle", "c": "Feuer in der Mühle"}
    lines = story_lines(stories, titles, outlets, "de").splitlines()
    assert lines[:2] == [
        "Geschichte 1: (ohne Titel)",
        "  1 Artikel · Medien: unbekannt (1 Artikel nennt kein Medium) · Sprachen: de · 03.03.2031",
    ]
    assert lines[3:5] == [
        "Geschichte 2: Brand in der Mühle",
        "  2 Artikel · Medien: Post und 1 Artikel ohne Medium · Sprachen: de · 03.03.2031 – 04.03.2031",
    ]
    assert lines[6] == "  - c: Feuer in der Mühle  (Kopie von b)"


def test_story_ids_give_publication_days() -> None:
    from blickwinkel.stories.evaluate import (
        STORY_ID_AT_DAY_ZERO,
        STORY_ID_DAY_ZERO,
        STORY_IDS_PER_DAY,
        story_id_day,
        with_days_from_ids,
    )

    assert story_id_day(str(STORY_ID_AT_DAY_ZERO)) == STORY_ID_DAY_ZERO
    later = story_id_day(str(STORY_ID_AT_DAY_ZERO + 10 * STORY_IDS_PER_DAY + 1))
    assert later is not None and (later - STORY_ID_DAY_ZERO).days == 10
    # Anything else is no story id: a row number, a word, a number far off the file's years.
    for other in ("7", "p1-2", "", "١٤٨٤٠٥٠٠٠٠", "-1484050000", "9" * 12):
        assert story_id_day(other) is None
    first = str(STORY_ID_AT_DAY_ZERO)
    second = str(STORY_ID_AT_DAY_ZERO + 3 * STORY_IDS_PER_DAY)
    pairs = [
        SimilarityPair(f"{first}_{second}", "de", "en", "Titel\nText.", "Title\nText.", 1.0),
        SimilarityPair("p7", "de", "de", "Titel\nText.", "Titel\nText.", 1.0),
    ]
    dated, undated = with_days_from_ids(pairs)
    assert dated.published1 is not None and dated.published2 is not None
    assert (dated.published2 - dated.published1).days == 3
    assert undated == pairs[1]


def test_eval_similarity_counts_the_pairs_with_both_publication_days() -> None:
    import datetime as dt

    pairs = _pairs()[:6]
    dated = [
        replace(p, published1=dt.date(2020, 3, 1), published2=dt.date(2020, 3, 1 + 4 * k))
        for k, p in enumerate(pairs)
    ]
    report = evaluate_similarity(dated, HashedWordsEmbedder())
    assert report.dated == len(dated) and report.to_json()["dated_pairs"] == len(dated)
    assert evaluate_similarity(pairs, HashedWordsEmbedder()).dated == 0
