"""Readers' comments printed under an article: a section of page furniture, never the article's words.

Blog themes and news sites print the comments below the text under a heading ("Kommentare", "12
Kommentare", "Leserkommentare", "Comments (4)", "3 Gedanken zu „…“", "2 thoughts on “…”") and open each
comment with the commenter's name and a verb ("Anna sagt:", "jane_d says:") or the time it was posted
("12. März 2031 um 10:15 Uhr", "March 12, 2031 at 10:15 am"). A capture that keeps them appends what
readers wrote to the article, and each comment became a statement listed as the article's own. The
patterns are written from how common blog themes and comment systems print these lines.

A heading alone proves nothing ("Kommentare" is also a button under the headline): the section starts
only where article text stands before the heading and a comment's opening line follows it within
:data:`COMMENT_LOOKAHEAD` pieces.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Pieces after the heading within which a comment's opening line must stand.
COMMENT_LOOKAHEAD = 3
MAX_HEADING_CHARS = 200

_COMMENTS_HEADING = re.compile(
    r"^(?:(?:\d+\s+)?(?:leser(?:innen)?-?)?(?:kommentare?|comments?|reader comments)"
    r"(?:\s*\(\d+\))?\s*:?|"
    r"\d+\s+(?:gedanken|thoughts|kommentare?|comments?|responses?|antworten|reaktionen)\s+(?:zu|on|to|auf)\b.*|"
    r"(?:leave a (?:reply|comment)|schreibe(?:n sie)? einen kommentar|kommentar (?:schreiben|verfassen)|"
    r"join the (?:discussion|conversation)|diskutieren sie mit)\b[^.!?]*)$",
    _I,
)
# "12. März 2031 um 10:15 Uhr", "12.03.2031 um 10:15", "March 12, 2031 at 10:15 am", "12 March 2031 at 10:15"
_POSTED_AT = (
    r"(?:\d{1,2}\.\s?(?:\d{1,2}\.|[A-Za-zäÄ]+)\s?\d{4}\s+um\s+\d{1,2}[:.]\d{2}(?:\s*uhr)?|"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]+)\s+\d{4}\s+at\s+\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?)"
)
# The whole line: "Anna sagt:", "jane_d says:", "Max Muster schreibt: 12. März 2031 um 10:15 Uhr" (a nickname
# may be lower case; one to four words). Nothing else after the colon, so "Der Bürgermeister sagt: Wir
# bauen neu." is no comment's opening.
_OPENING = re.compile(
    rf"^(?:[^\s:]{{1,40}}(?:\s+[^\s:]{{1,40}}){{0,3}}\s+(?:sagt|says|schreibt|writes|meint)\s*:\s*"
    rf"(?:{_POSTED_AT})?|{_POSTED_AT})\s*$",
    _I,
)


def is_comments_heading(text: str) -> bool:
    """The heading of a comments section ("Kommentare", "3 Gedanken zu „…“", "Leave a Reply")."""
    stripped = text.strip()
    return len(stripped) <= MAX_HEADING_CHARS and bool(_COMMENTS_HEADING.match(stripped))


def opens_a_comment(text: str) -> bool:
    """The line that opens one reader's comment: "Anna sagt:", "jane_d says:", the time it was posted."""
    stripped = text.strip()
    return bool(_OPENING.match(stripped))
