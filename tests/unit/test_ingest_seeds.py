"""The two seed articles in ../shared/seeds parse into the right block kinds (no seed text here)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from blickwinkel.ingest import read_inputs
from blickwinkel.model import Article

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
PLAIN_SEED = "000_1e5c758727753cda.txt"
MARKDOWN_SEED = "004_b6fc1d6442c6ffc6.txt"

pytestmark = pytest.mark.shared


def read_seed(name: str) -> Article:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    result = read_inputs([str(path)])
    assert result.failures == ()
    (article,) = result.articles
    texts = [article.text[b.start : b.end] for b in article.blocks]
    assert article.text == "\n\n".join(texts)
    return article


def kinds(article: Article) -> list[str]:
    return [b.kind for b in article.blocks]


def test_plain_text_seed() -> None:
    article = read_seed(PLAIN_SEED)
    found = kinds(article)
    assert found[:2] == ["headline", "lead"]
    assert found.count("subheading") == 1
    assert found[-1] == "caption"
    assert found.count("caption") == 1
    assert set(found[2:-1]) == {"paragraph", "subheading"}
    assert article.outlet is None and article.published is None
    assert article.title is not None and article.title == article.block_text(article.blocks[0])
    assert article.block_text(article.blocks[-1]).startswith("Foto:")


def test_markdown_seed() -> None:
    article = read_seed(MARKDOWN_SEED)
    found = kinds(article)
    assert found[0] == "headline"
    assert article.outlet == "Die Posaune"
    assert article.published == dt.date(2024, 1, 25)
    assert found.count("embedded_post") == 1
    # one block quote with its speaker line; the closing line, a dash and a quoted title, points to a piece
    # and is no speaker of the paragraph before it (fourteenth session)
    assert found.count("quote_block") == 1
    assert found[-1] == "boilerplate"
    assert found.count("headline") == 1
    post = next(b for b in article.blocks if b.kind == "embedded_post")
    assert post.attribution is not None
    assert re.fullmatch(r"Fuad Hussein \(@\w+\) January 24, 2024", post.attribution)
    speakers = [b.attribution for b in article.blocks if b.kind == "quote_block"]
    assert "Mohammed Shia al-Sudani" in speakers
    assert all(speakers)
    content = "".join(article.text[b.start : b.end] for b in article.blocks if b.kind != "boilerplate")
    for artefact in ("**", "(#)", "](", "\\", "##", "POSAUNE", "25.01.2024", "— "):
        assert artefact not in content
