"""A list of web addresses, one a line, is read as its addresses, not stored as an article whose text
is the list (invented addresses; nothing is fetched: the fetch is a stand-in)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from blickwinkel.errors import Errors, IngestError
from blickwinkel.ingest import read_inputs, read_text, sniff
from blickwinkel.ingest._sniff import format_for
from blickwinkel.ingest.url_list import listed_addresses
from blickwinkel.model import Article

LIST = """# lake ferry coverage
https://lake-post.example/ferry-aground

https://valley-courier.example/news/ferry?id=7
https://lake-post.example/ferry-aground
"""


def test_a_list_of_addresses_gives_each_address_once_in_order() -> None:
    assert listed_addresses(LIST) == [
        "https://lake-post.example/ferry-aground",
        "https://valley-courier.example/news/ferry?id=7",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry ran aground, the lake police said.\nhttps://lake-post.example/ferry-aground\n",
        "https://lake-post.example/a https://lake-post.example/b\n",
        "ftp://lake-post.example/ferry.txt\n",
        "# only a comment\n",
    ],
)
def test_an_article_or_anything_else_is_no_list(text: str) -> None:
    assert listed_addresses(text) is None


def test_a_text_file_of_addresses_is_read_as_a_list_whatever_its_ending() -> None:
    assert format_for("urls.txt", LIST) == "urls"
    assert format_for("urls", LIST) == "urls"
    assert sniff(LIST) == "urls"
    assert format_for("ferry.txt", "Ferry aground\n\nThe ferry ran aground on Tuesday.") == "text"


def test_without_a_fetch_each_address_is_refused_by_name_and_no_article_is_made(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text(LIST, encoding="utf-8")
    result = read_inputs([str(path)])
    assert result.articles == ()  # it was one article whose text was the addresses
    assert [f.source for f in result.failures] == listed_addresses(LIST)
    assert all(f.problem == Errors.I065 for f in result.failures)


def test_with_a_fetch_each_address_is_fetched_and_a_failed_one_named(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text(LIST, encoding="utf-8")
    asked: list[str] = []

    def fetch(url: str) -> Article:
        asked.append(url)
        if "valley" in url:
            raise IngestError(url, "[I040] host name cannot be resolved")
        text = "Ferry aground\n\nThe ferry ran aground near the harbour on Tuesday, the lake police said."
        return dataclasses.replace(read_text(text, source=url, fmt="text"), url=url)

    result = read_inputs([str(path), "https://lake-post.example/ferry-aground"], fetch=fetch)
    assert asked == listed_addresses(LIST)  # the address also given on its own is fetched once
    assert [a.url for a in result.articles] == ["https://lake-post.example/ferry-aground"]
    assert [f.source for f in result.failures] == ["https://valley-courier.example/news/ferry?id=7"]


def test_a_caller_that_fetches_itself_gets_the_addresses(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text(LIST, encoding="utf-8")
    result = read_inputs([str(path)], caller_fetches=True)
    assert result.articles == () and result.failures == ()
    (links,) = result.links
    assert links.listed and [link for link, _ in links.links] == listed_addresses(LIST)


def test_a_text_of_addresses_where_one_article_is_read_says_to_give_them_as_urls() -> None:
    # The web compare form and the API read one text each: a pasted address was compared as an
    # article of one line.
    with pytest.raises(IngestError) as caught:
        read_text("https://lake-post.example/ferry-aground\n", source="input-1")
    assert "[I081]" in str(caught.value) and "https://lake-post.example/ferry-aground" in str(caught.value)
