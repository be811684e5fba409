"""Statements: sentences, with long sentences cut into clauses so that one unit carries about one fact."""

from __future__ import annotations

from blickwinkel.model import NON_CONTENT_BLOCK_KINDS, Article, Sentence, Token
from blickwinkel.text._sentences import split_sentences

LONG_SENTENCE_WORDS = 30
"""A sentence with more words than this is cut into clauses where it can be."""
MIN_CLAUSE_WORDS = 6
"""Both sides of a cut need at least this many words, so that no fragment becomes a statement."""
MAX_LIST_ITEM_WORDS = 3
"""A comma before "and"/"und" closes a list, not a clause, where the words since the comma before it
are at most this many: "A, B, 48, and C" is one list (English sets a comma before its last item)."""

# Conjunctions that open a clause after a comma. Coordinating ones ("und", "and") join main clauses;
# the subordinating ones listed here introduce clauses that carry their own fact (time, cause,
# contrast), unlike "dass"/"that", whose clause is the content of the main verb and stays with it.
_CLAUSE_CONJUNCTIONS = frozenset(
    {
        "und",
        "aber",
        "doch",
        "während",
        "wobei",
        "weil",
        "sodass",
        "als",
        "nachdem",
        "and",
        "but",
        "while",
        "which",
        "after",
    }
)
# The conjunctions that also join the last item of a list, and the pronouns that open a clause after them.
_LIST_CONJUNCTIONS = frozenset({"and", "und"})
_SUBJECT_PRONOUNS = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "ich", "du", "er", "sie", "es", "wir", "ihr"}
)
# The words that open a second content clause of the same verb after "and"/"und" ("…, and that …").
_COMPLEMENTISERS = frozenset({"that", "dass"})
# English auxiliaries and forms of "be"/"have": after them, "that" is the subject ("and that was …").
_AUXILIARIES = frozenset(
    "is was 's has had have will would can could may might must should shall does did".split()
)
# The English conjunction that opens a clause without a subject of its own before an "-ing" form, a
# circumstance of the clause before ("…, while clearing the quay"). Not "after": "…, after lifting off
# at 2:07 p.m." tells an event of its own (our own training story x-raumfahrt counts it as a fact).
_ING_CONJUNCTIONS = frozenset({"while"})
# Double quotes only: a lone ’ is as often an apostrophe ("Jones’") as a closing single quote.
_QUOTES = frozenset('"„“”«»')
_OPENING_BRACKETS = frozenset("([{")
_CLOSING_BRACKETS = frozenset(")]}")
_WHOLE_BLOCK_KINDS = frozenset({"headline", "subheading"})
_UNSPLIT_BLOCK_KINDS = frozenset({"headline", "subheading", "caption"})


def split_statements(article: Article) -> list[Sentence]:
    """The statement units of ``article``: its sentences, long ones cut into clauses.

    Headlines and subheadings stay one unit each; captions and short sentences are not cut; page
    furniture (polls, promotions, prompts, bylines, credits) is no statement at all.
    Cuts fall at ``;``, at ``:`` before a clause and at a comma before a clause conjunction
    (``, und``, ``, weil``, ``, which`` …), never inside quotation marks or brackets.
    """
    sentences = split_sentences(article)
    statements: list[Sentence] = []
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        kind = article.blocks[sentence.block].kind
        if kind in NON_CONTENT_BLOCK_KINDS:
            index += 1
            continue
        if kind in _WHOLE_BLOCK_KINDS:
            same_block = [s for s in sentences[index:] if s.block == sentence.block]
            statements.append(_join(article, same_block))
            index += len(same_block)
            continue
        if kind in _UNSPLIT_BLOCK_KINDS:
            statements.append(sentence)
        else:
            statements.extend(split_clauses(article.text, sentence))
        index += 1
    return statements


def split_clauses(text: str, sentence: Sentence) -> list[Sentence]:
    """``sentence`` cut into clauses if it is long, else the sentence itself."""
    tokens = sentence.tokens
    word_flags = [_is_word(t) for t in tokens]
    if sum(word_flags) <= LONG_SENTENCE_WORDS:
        return [sentence]
    words_before = [0] * (len(tokens) + 1)
    for i, is_word in enumerate(word_flags):
        words_before[i + 1] = words_before[i] + int(is_word)
    total = words_before[-1]

    pieces: list[tuple[int, int]] = []  # token index ranges [first, last)
    first = 0
    for cut_end, next_start in _cut_points(tokens):
        if cut_end <= first:
            continue
        left = words_before[cut_end] - words_before[first]
        right = total - words_before[next_start]
        if left >= MIN_CLAUSE_WORDS and right >= MIN_CLAUSE_WORDS:
            pieces.append((first, cut_end))
            first = next_start
    pieces.append((first, len(tokens)))
    return [_piece(text, sentence, tokens[a:b]) for a, b in pieces]


def _cut_points(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """(end of the left clause, start of the right clause) as token indices, outside quotes/brackets."""
    points: list[tuple[int, int]] = []
    quotes = 0
    brackets = 0
    comma = None  # the last comma of the clause, outside quotes and brackets
    for i, token in enumerate(tokens):
        if token.text in _QUOTES:
            quotes += 1
            continue
        if token.text in _OPENING_BRACKETS:
            brackets += 1
        elif token.text in _CLOSING_BRACKETS:
            brackets = max(brackets - 1, 0)
        if quotes % 2 or brackets or i == 0 or i + 1 >= len(tokens):
            continue
        following = tokens[i + 1]
        semicolon = token.text == ";"
        colon_before_clause = token.text == ":" and following.start > token.end and _is_word(following)
        comma_before_conjunction = (
            token.text == ","
            and following.text.lower() in _CLAUSE_CONJUNCTIONS
            and not _ends_a_list(tokens, comma, i, following.text.lower())
            and not _continues_the_clause(tokens, i + 1)
        )
        if semicolon or colon_before_clause or comma_before_conjunction:
            points.append((i, i + 1))
        if token.text == ",":
            comma = i
        elif semicolon or token.text == ":":
            comma = None
    return points


def _ends_a_list(tokens: tuple[Token, ...], comma: int | None, i: int, conjunction: str) -> bool:
    """Whether the comma at ``i`` before "and"/"und" closes a list: a comma before it in the clause
    with at most ``MAX_LIST_ITEM_WORDS`` words between ("the murders of A, 31, B, 48, and C, 56")."""
    if conjunction not in _LIST_CONJUNCTIONS or comma is None:
        return False
    if i + 2 < len(tokens) and tokens[i + 2].text.lower() in _SUBJECT_PRONOUNS:
        return False  # "…, <Town>, <Region>, and they will …": a clause of its own
    item = tokens[comma + 1 : i]
    # a list closes with one conjunction: after "…, B and C" the ", and" opens a clause of its own
    if any(t.text.lower() in _LIST_CONJUNCTIONS | {"or", "oder"} for t in item):
        return False
    return sum(_is_word(t) for t in item) <= MAX_LIST_ITEM_WORDS


def _continues_the_clause(tokens: tuple[Token, ...], conjunction: int) -> bool:
    """Whether what the conjunction at ``conjunction`` opens belongs to the clause before it, so that a
    cut there would leave a piece no one can read alone: a second "that"-clause of the same verb ("said
    …, and that it would …", "sagte …, und dass …") or a subjectless "-ing" clause after "while"
    ("…, while clearing the quay"), whose subject is the main clause's."""
    if conjunction + 1 >= len(tokens):
        return False
    word = tokens[conjunction].text.lower()
    following = tokens[conjunction + 1].text
    if word in _LIST_CONJUNCTIONS and following.lower() in _COMPLEMENTISERS:
        # "…, and that is why …": "that" the subject of its own clause, not a second "that"-clause
        after = tokens[conjunction + 2].text.lower() if conjunction + 2 < len(tokens) else ""
        return after not in _AUXILIARIES
    return word in _ING_CONJUNCTIONS and following.islower() and following.endswith("ing")


def _is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)


def _piece(text: str, sentence: Sentence, tokens: tuple[Token, ...]) -> Sentence:
    start, end = tokens[0].start, tokens[-1].end
    return Sentence(start=start, end=end, text=text[start:end], block=sentence.block, tokens=tokens)


def _join(article: Article, sentences: list[Sentence]) -> Sentence:
    start, end = sentences[0].start, sentences[-1].end
    tokens = tuple(t for s in sentences for t in s.tokens)
    return Sentence(
        start=start, end=end, text=article.text[start:end], block=sentences[0].block, tokens=tokens
    )
