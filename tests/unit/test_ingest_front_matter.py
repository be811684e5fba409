"""Front matter that is broken (a line no field, a block never closed) is read as far as it can be,
with a warning naming the file and the line; the article text is never swallowed. Invented articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blickwinkel.ingest import read_inputs, read_text
from blickwinkel.ingest.markdown import front_matter

BODY = (
    "The ferry between Kalmstedt and Oberhaven will not run on Saturday, the operator said.\n\n"
    "A storm is expected over the bay, and the harbour office has asked boats to stay in port.\n"
)


def test_a_line_that_is_no_field_is_left_out_with_a_warning_and_the_fields_are_read() -> None:
    text = "---\ntitle: Ferry stops\ndate: 2026-03-02\nthis line is broken\nauthor: Mara Lind\n---\n\n" + BODY
    article = read_text(text, source="ferry.md")
    assert (article.title, article.published, article.author) == (
        "Ferry stops",
        dt.date(2026, 3, 2),
        "Mara Lind",
    )
    assert article.text.startswith("Ferry stops\n\nThe ferry between") and "broken" not in article.text
    assert article.notes == (
        "ferry.md: [I060] line 4 of the front matter is no 'key: value' field ('this line is broken'): "
        "left out, the other fields were read",
    )


def test_a_toml_line_that_is_no_field_is_named_too() -> None:
    text = '+++\ntitle = "Ferry stops"\ndate = 2026-03-02\nbroken line\n+++\n\n' + BODY
    article = read_text(text, source="ferry.md")
    assert (article.title, article.published) == ("Ferry stops", dt.date(2026, 3, 2))
    assert len(article.notes) == 1 and "line 4" in article.notes[0] and "'key = value'" in article.notes[0]


@pytest.mark.parametrize("marker", ["---", "+++"])
def test_a_block_never_closed_gives_its_fields_and_leaves_the_text(marker: str) -> None:
    # The block swallowed the first paragraph (or became the lead) and the title and date were lost.
    fields = (
        "title: Ferry stops\ndate: 2026-03-02\n"
        if marker == "---"
        else 'title = "Ferry stops"\ndate = 2026-03-02\n'
    )
    article = read_text(f"{marker}\n{fields}\n" + BODY, source="ferry.md")
    assert (article.title, article.published) == ("Ferry stops", dt.date(2026, 3, 2))
    assert article.text == "Ferry stops\n\n" + BODY.strip()
    assert article.notes == (
        f"ferry.md: [I061] the front matter opened by '{marker}' on line 1 is never closed: its fields up "
        f"to line 3 were read and the text after them as the article; close the block with a '{marker}' line",
    )


@pytest.mark.parametrize(
    "text",
    [
        # a rule above a paragraph that starts like a field, and no field this reader knows
        "---\nUpdate: the ferry runs again from noon.\n\n" + BODY,
        # text between two rules with more plain lines than fields
        "---\nNote: the crossing\nwas calm\nthis morning\n---\n\n" + BODY,
    ],
)
def test_text_that_only_looks_like_front_matter_stays_text_without_a_warning(text: str) -> None:
    found = front_matter(text)
    assert found.fields == {} and found.text == text and found.problem is None


def test_whole_front_matter_gives_no_warning() -> None:
    found = front_matter("---\ntitle: Ferry stops\nauthor:\n  - Mara Lind\n---\n" + BODY)
    assert found.fields == {"title": "Ferry stops", "author": "Mara Lind"}
    assert found.text == BODY and found.problem is None


def test_read_inputs_keeps_the_warning_and_the_other_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Ferry stops\ndate: 2026-03-02\n\n" + BODY, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Ferry stops\n\n" + BODY, encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    assert result.failures == ()
    assert [len(a.notes) for a in result.articles] == [1, 0]
    assert result.articles[0].notes[0].startswith(f"{tmp_path / 'a.md'}: [I061]")


@pytest.mark.parametrize("value", ["2026-02-31", "31/02/2026 early", "Spring 2026"])
def test_a_date_field_that_is_no_date_is_named_and_the_article_read_undated(value: str) -> None:
    # "date: 2026-02-31" left the article undated without a word (the date stood in the file).
    text = f"---\ntitle: Ferry stops\ndate: {value}\nauthor: Mara Lind\n---\n\n" + BODY
    article = read_text(text, source="ferry.md")
    assert (article.title, article.published, article.author) == ("Ferry stops", None, "Mara Lind")
    assert article.notes == (
        f"ferry.md:3: [I066] field 'date' is no date blickwinkel reads: '{value}' (it reads 2026-03-02, "
        "2 March 2026, 02.03.2026, …); the article is read undated",
    )


def test_yaml_null_is_no_value() -> None:
    # "title: null" was the headline "null", "date: ~" a warning that '~' is no date.
    text = "---\ntitle: Ferry stops\ndate: ~\nauthor: null\noutlet: NULL\n---\n\n" + BODY
    article = read_text(text, source="ferry.md")
    assert (article.title, article.published, article.author, article.outlet, article.notes) == (
        "Ferry stops",
        None,
        None,
        None,
        (),
    )
    quoted = read_text('---\ntitle: "null"\n---\n\n' + BODY, source="ferry.md")
    assert quoted.title == "null"  # a quoted word is the word


def test_a_date_flag_is_no_date_and_says_nothing() -> None:
    text = "---\ntitle: Ferry stops\ndate: 2026-03-02\npublished: true\n---\n\n" + BODY
    article = read_text(text, source="ferry.md")
    assert article.published == dt.date(2026, 3, 2) and article.notes == ()


def test_a_front_matter_list_of_one_value_is_the_value() -> None:
    # "date: [2026-03-02]" (a site generator's list form) left the article undated without a word.
    text = "---\ntitle: ['Ferry stops']\ndate: [2026-03-02]\noutlet: [Harbour Post]\n---\n\n" + BODY
    article = read_text(text, source="ferry.md")
    assert (article.title, article.published, article.outlet, article.notes) == (
        "Ferry stops",
        dt.date(2026, 3, 2),
        "Harbour Post",
        (),
    )
    two = read_text("---\ntitle: Ferry stops\ndate: [2026-03-02, 2026-03-03]\n---\n\n" + BODY, source="f.md")
    assert two.published is None  # two dates: no one date


@pytest.mark.parametrize(
    ("lines", "url", "outlet"),
    [
        # a web clipper's page: its address under "source"; the host names the outlet
        (
            'source: "https://www.harbour-post.example/ferry"',
            "https://www.harbour-post.example/ferry",
            "harbour-post.example",
        ),
        (
            "url: https://harbour-post.example/ferry\noutlet: Harbour Post",
            "https://harbour-post.example/ferry",
            "Harbour Post",
        ),
        ("source: Bay Wire", None, "Bay Wire"),  # a source that is no address names the outlet
        ("url: /posts/ferry/", None, None),  # a site generator's path is no address
    ],
)
def test_front_matter_gives_the_address_and_its_host_the_outlet(
    lines: str, url: str | None, outlet: str | None
) -> None:
    # A clipped page's "source:" address was not read: the article had no address and no outlet.
    article = read_text(f"---\ntitle: Ferry stops\n{lines}\n---\n\n" + BODY, source="ferry.md")
    assert (article.url, article.outlet, article.title) == (url, outlet, "Ferry stops")
