"""Stories stored without a title get the one a story gets now: that of its first article, or for an
untitled article the first sentence of its lead or text.

Before the ninth session a story took its first article's title alone, so a story of records without
a title (a JSONL line with text alone) was stored with none, and the API kept ``"title": null`` for it
until its members changed. This revision fills those titles once.

As in 0005, the rule is written out here, not imported (twelfth session; until then it called the
store's live :func:`blickwinkel.store._stories.story_title`): a later change of the store's title rule
or of the sentence splitter must not change what this migration does to a store. In place of the
pipeline's sentence splitter, the first sentence ends at a full stop, question or exclamation mark
before a capital letter, except after a number ("12. März"), an initial, a word with a dot inside
("U.S.") or a common title or abbreviation ("Dr.", "Nr."); a story filled here takes the live rule's
title at the next change of its members. There is no way back: the downgrade leaves the titles.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision: str | None = "0006"


# Characters of a title made from the text: one line of a listing.
TITLE_WIDTH = 120
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
# A sentence ends at . ! or ? (and closing quotes or brackets) before a space and a capital letter.
_SENTENCE_END = re.compile(r"(?P<word>\S*?)[.!?][\"'»“”’)]*\s+(?=[\"'„“«(]?[A-ZÄÖÜ])")
# Abbreviations that end in a dot inside a sentence (German and English).
_ABBREVIATIONS = frozenset(
    "dr prof nr st mr mrs ms jr sr bzw ca vgl abs art str gen col lt sgt no vol fig".split()
)
# Articles without a date sort first, as the store sorted them at this revision.
_NO_DATE = dt.date(1, 1, 1)


def title_from_text(text: str) -> str:
    """The first sentence of the first paragraph of ``text``, cut at a word boundary to
    :data:`TITLE_WIDTH` characters with " …"; empty for a text without words."""
    for paragraph in _PARAGRAPH.split(text):
        line = " ".join(paragraph.split())
        if line:
            break
    else:
        return ""
    for end in _SENTENCE_END.finditer(line):
        word = end.group("word").strip("\"'„“«(")
        if len(word) > 1 and not word.isdigit() and "." not in word and word.lower() not in _ABBREVIATIONS:
            line = line[: end.end()].rstrip()
            break
    if len(line) <= TITLE_WIDTH:
        return line
    short = textwrap.shorten(line, width=TITLE_WIDTH, placeholder=" …")
    return short if short.strip() != "…" else line[: TITLE_WIDTH - 2] + " …"


def first_member_title(conn: sa.Connection, story_id: int) -> str | None:
    """The title of the story's first article (the earliest published, then the first stored), else
    the first sentence of its lead or text."""
    articles = sa.table(
        "articles",
        sa.column("id", sa.Integer),
        sa.column("title", sa.Text),
        sa.column("lead", sa.Text),
        sa.column("text", sa.Text),
        sa.column("published", sa.Date),
    )
    memberships = sa.table(
        "memberships", sa.column("article_id", sa.Integer), sa.column("story_id", sa.Integer)
    )
    first = conn.execute(
        sa.select(articles.c.title, articles.c.lead, articles.c.text)
        .select_from(articles.join(memberships, memberships.c.article_id == articles.c.id))
        .where(memberships.c.story_id == story_id)
        .order_by(sa.func.coalesce(articles.c.published, _NO_DATE), articles.c.id)
        .limit(1)
    ).one_or_none()
    if first is None:
        return None
    if first.title:
        return str(first.title)
    return title_from_text(first.lead or "") or title_from_text(first.text or "") or None


def upgrade() -> None:
    conn = op.get_bind()
    stories = sa.table("stories", sa.column("id", sa.Integer), sa.column("title", sa.Text))
    untitled = list(conn.scalars(sa.select(stories.c.id).where(stories.c.title.is_(None))))
    for story_id in untitled:
        title = first_member_title(conn, story_id)
        if title:
            conn.execute(stories.update().where(stories.c.id == story_id).values(title=title))


def downgrade() -> None:
    """Nothing to undo: a title filled here is the one the story would get anyway."""
