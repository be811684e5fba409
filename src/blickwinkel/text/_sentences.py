"""Sentences and tokens of an article, with offsets into ``Article.text``."""

from __future__ import annotations

from blickwinkel.model import Article, Block, Sentence, Token
from blickwinkel.text._somajo import Span, sentence_spans


def block_language(article: Article, block: Block) -> str | None:
    """The language that picks the tokenizer model for a block: its own, else the article's."""
    return block.language or article.language


def tokenize(text: str, language: str | None) -> list[Token]:
    """Tokens of ``text`` with offsets into it (German model unless ``language`` says otherwise)."""
    return [_token(text, span) for sentence in sentence_spans(text, language) for span in sentence]


def split_sentences(article: Article) -> list[Sentence]:
    """Every block of ``article`` split into sentences; ``Sentence.block`` is the block's index.

    A sentence never crosses a block or a line break; ``article.text[s.start:s.end] == s.text``.
    """
    return [s for index in range(len(article.blocks)) for s in block_sentences(article, index)]


def block_sentences(article: Article, index: int) -> list[Sentence]:
    """The sentences of one block of ``article``."""
    block = article.blocks[index]
    start, end = _clamp(block, len(article.text))
    text = article.text[start:end]
    sentences: list[Sentence] = []
    previous_end = start
    for spans in sentence_spans(text, block_language(article, block)):
        tokens = [_token(article.text, (start + a, start + b)) for a, b in spans]
        tokens = [t for t in tokens if t.end > t.start and t.start >= previous_end]
        if not tokens:
            continue
        sentence_start, sentence_end = tokens[0].start, tokens[-1].end
        sentences.append(
            Sentence(
                start=sentence_start,
                end=sentence_end,
                text=article.text[sentence_start:sentence_end],
                block=index,
                tokens=tuple(tokens),
            )
        )
        previous_end = sentence_end
    return sentences


def _clamp(block: Block, length: int) -> Span:
    start = min(max(block.start, 0), length)
    return start, min(max(block.end, start), length)


def _token(text: str, span: Span) -> Token:
    """A token sliced from ``text``, with surrounding whitespace trimmed off its span."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Token(text=text[start:end], start=start, end=end)
