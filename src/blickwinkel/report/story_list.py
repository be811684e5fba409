"""The terminal listing of ``blickwinkel stories``: each story with its articles, outlets, languages
and days, and each article by its title (or its opening words when it has none)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from blickwinkel.model import Article, UnreadInput
from blickwinkel.report.labels import date_shown, story_outlets, unread_count_heading
from blickwinkel.report.texts import counted_in, report_language, texts
from blickwinkel.stories.cluster import Story
from blickwinkel.stories.features import StoryDoc
from blickwinkel.text.titles import TITLE_WIDTH, title_from_text


def listed_title(text: str) -> str:
    """``text`` on one line of the listing: a whole paragraph of a record without a title filled
    three lines of it."""
    return textwrap.shorten(" ".join(text.split()), width=TITLE_WIDTH, placeholder=" …")


def listed_titles(articles: Sequence[Article], docs: Sequence[StoryDoc]) -> dict[str, str]:
    """Each article's title in the listing: its story title, or the opening words of an article with
    none (a text of one line has no title: "- kurz: " was listed with nothing after it)."""
    by_id = {a.id: a for a in articles}
    return {
        d.id: d.title
        or (title_from_text(a.lead or a.text, language=a.language) if (a := by_id.get(d.id)) else "")
        for d in docs
    }


def story_lines(
    stories: Sequence[Story],
    titles: Mapping[str, str],
    outlets: Mapping[str, str | None],
    language: str = "en",
) -> str:
    """The listing of ``stories``; ``titles`` gives each article's title (:func:`listed_titles`),
    ``outlets`` its outlet (None: it names none); its words in ``language`` ("de" or "en")."""
    words = texts(language)
    lines: list[str] = []
    for number, story in enumerate(stories, start=1):
        span = ""
        if story.first is not None:
            first, last = date_shown(story.first, language), date_shown(story.last or story.first, language)
            span = first if first == last else f"{first} – {last}"
        # A story whose first article has no title is named by that article's opening words.
        name = (
            listed_title(story.title) or listed_title(titles.get(story.articles[0], ""))
            if story.articles
            else ""
        )
        lines.append(words["story_line"].format(number=number, name=name or f"({words['no_title']})"))
        unnamed = sum(1 for a in story.articles if not outlets.get(a))
        details = [
            counted_in(len(story.articles), "articles", language),
            f"{words['list_outlets']}: {story_outlets(story.outlets, unnamed, language)}",
            f"{words['list_languages']}: {', '.join(story.languages) or '–'}",
        ]
        if span:
            details.append(span)
        lines.append("  " + " · ".join(details))
        copies = dict(story.copies)
        for article_id in story.articles:
            note = (
                f"  ({words['list_copy_of'].format(id=copies[article_id])})" if article_id in copies else ""
            )
            lines.append(f"  - {article_id}: {listed_title(titles.get(article_id, ''))}{note}")
    return "\n".join(lines)


def render_story_list(
    stories: Sequence[Story],
    articles: Sequence[Article],
    docs: Sequence[StoryDoc],
    language: str | None = "en",
    unread: Sequence[UnreadInput] = (),
) -> str:
    """The listing of the stories found among ``articles`` (``docs`` their story features), in
    ``language`` ("de" or "en"; "auto" or None: the language most of the articles are in), below the
    inputs that could not be read (``unread``), each with its message, as ``compare`` names them."""
    chosen = report_language((d.language for d in docs), language)
    listing = story_lines(stories, listed_titles(articles, docs), {a.id: a.outlet for a in articles}, chosen)
    heading = unread_count_heading(len(unread), chosen, "stories_unread_heading")
    if heading is None:
        return listing
    return "\n".join([heading, *(f"  • {u.message}" for u in unread), "", listing])
