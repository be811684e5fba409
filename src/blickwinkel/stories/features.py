"""Per-article features for same-story scoring: embeddings of title, lead and body, plus cheap sets.

A :class:`StoryDoc` is computed once per article and is all the scorer, the clusterer and the
near-duplicate finder need, so every pair score is a handful of dot products and set operations.
Entity keys, numbers and dates come from cheap surface patterns: they must stay fast enough for
the streaming path (≥ 50 articles/s with embedding) and work the same for German and English.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from blickwinkel.analyse.dates import SUPPORTED_LANGUAGES, find_dates
from blickwinkel.analyse.language import detect_language
from blickwinkel.embed import Embedder
from blickwinkel.model import Article, Block, BlockKind
from blickwinkel.stories.centres import Centres, shipped_centres
from blickwinkel.stories.lexical import term_weights
from blickwinkel.stories.weights import weights_for
from blickwinkel.text import content_hash
from blickwinkel.text.months import month_numbers
from blickwinkel.text.weekdays import weekday_numbers

Vector = npt.NDArray[np.float32]
Permutation = npt.NDArray[np.uint32]

# Characters of the article's start (title, lead, body as written) embedded as the document: about
# what e5 reads (512 tokens); news puts the event up front.
DOC_CHARS = 1500
# Characters scanned for body sentences that are embedded in chunks of about CHUNK_CHARS (at most
# MAX_CHUNKS): a body chunk that matches a chunk of the other article is a feature of its own.
CHUNK_SPAN = 1000
CHUNK_CHARS = 300
MAX_CHUNKS = 3
# Characters of text scanned for entities, numbers, dates and words (speed; the event is up front).
SCAN_CHARS = 3000
# Weights of title, lead and body in the combined document vector used for nearest-neighbour search.
PART_WEIGHTS = (0.3, 0.3, 0.4)
MINHASH_PERMUTATIONS = 64
MINHASH_SCHEME = "affine32"

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'“”»«]?\s+(?=[\"'„“»«(]?[A-ZÄÖÜ0-9])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_CAPITALISED_RUN = re.compile(
    r"\b[A-ZÄÖÜ][\w’'-]*(?:\s+(?:(?:de|von|van|der|al|bin|da|del|la|le)\s+)?[A-ZÄÖÜ][\w’'-]*)*"
)
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,  ]\d{3})+(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b")
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")

# German and English month and weekday names map to one key, so a German and an English report
# of the same event share their date tokens (names from the one tables, text/months.py and
# text/weekdays.py).
_MONTHS = {
    name: number
    for code in ("de", "en")
    for form in ("full", "short")
    for name, number in month_numbers(code, form).items()
}
_WEEKDAYS = {**weekday_numbers("de", "full"), **weekday_numbers("en", "full")}
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})\.?\s+([A-Za-zäÄ]{3,9})\b|\b([A-Za-z]{3,9})\s+(\d{1,2})(?:st|nd|rd|th)?\b"
)


def _word_list(text: str) -> list[str]:
    return text.split()


# Frequent capitalised words that are not names (sentence starters, German nouns that are too
# general to say anything about the event, English function words at sentence start), and the
# weekdays from the one table ("Sonnabend" was missing from the copy that stood here).
_NOT_NAMES = frozenset(_WEEKDAYS) | frozenset(
    _word_list(
        """
        der die das den dem des ein eine einer eines einem einen er sie es wir ihr ich man und oder aber
        doch auch noch nur nach vor bei mit von zu zum zur im in am an auf aus für wie was wer wo wann
        warum dass als wenn weil denn so da dies diese dieser dieses jetzt heute seit bis laut unter
        über nicht kein keine mehr viele alle andere zudem damit dabei dazu the a an and or but if in on
        at of for to by with from as is are was were be it its he she they we you i this that these
        those there here after before while when where what who why how his her their our not no yes mr
        mrs ms dr also however meanwhile according frau herr prozent uhr jahr jahre jahren euro dollar
        millionen milliarden menschen leute januar februar märz april mai juni juli
        august september oktober november dezember january february march may june july october december
        """
    )
)


@dataclass(frozen=True, eq=False)
class StoryDoc:
    """What the story stage knows about one article.

    ``doc_vec`` embeds the start of the article (title, lead, body); ``chunk_vecs`` the chunks of
    the body's first sentences; ``vector`` is the normalised
    weighted mix of ``title_vec``, ``lead_vec`` and ``doc_vec`` used for nearest-neighbour search;
    ``words`` are lower-cased word stems (first six letters) for the lexical overlap;
    ``signature`` is the MinHash of the word 3-grams for near-duplicate detection; ``content_hash`` breaks
    ties deterministically and finds exact copies; ``embedder`` names the backend of the vectors
    (the score uses the weights fitted for it); ``terms`` are the sublinear term frequencies of the
    scanned text for the clusterer's lexical channel (:mod:`blickwinkel.stories.lexical`);
    ``doc_centred`` and ``title_centred`` are ``doc_vec`` and ``title_vec`` with their language's mean
    vector taken away (:mod:`blickwinkel.stories.centres`; ``None`` for an embedder without means) and
    ``agreement`` their cosine: low where the text below a title is about something else (a cookie
    notice, a reader's question the page carried); ``headline_share`` is the share of the headline's
    words (:func:`headline_share`) that the text below it uses again (1 without a headline of its own).
    """

    id: str
    title: str
    published: dt.date | None
    outlet: str | None
    language: str | None
    title_vec: Vector
    lead_vec: Vector
    doc_vec: Vector
    vector: Vector
    entities: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]
    words: frozenset[str]
    signature: npt.NDArray[np.uint64]
    content_hash: str
    embedder: str
    chunk_vecs: Vector
    terms: Mapping[str, float] = field(default_factory=dict)
    doc_centred: Vector | None = None
    title_centred: Vector | None = None
    agreement: float = 1.0
    headline_share: float = 1.0

    @property
    def order_key(self) -> tuple[dt.date, str, str]:
        """Processing order: by date, then by content and id so equal dates never depend on input order."""
        return (self.published or dt.date.min, self.content_hash, self.id)


@dataclass(frozen=True)
class DocParts:
    """The texts of an article that are embedded, and the text scanned for sets."""

    title: str
    lead: str
    document: str
    scan: str
    chunks: tuple[str, ...] = ()


def split_sentences_cheap(text: str) -> list[str]:
    """Sentences by punctuation and a following capital; enough to pick the first few."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def doc_parts(article: Article) -> DocParts:
    """Title, lead and the first body sentences, from the blocks when there are any."""
    headline = ""
    lead = ""
    paragraphs: list[str] = []
    kept: list[str] = []
    for block in article.blocks:
        text = article.block_text(block).strip()
        if not text:
            continue
        if block.kind in ("headline", "lead", "paragraph", "quote_block", "subheading"):
            kept.append(text)
        if block.kind == "headline" and not headline:
            headline = text
        elif block.kind == "lead" and not lead:
            lead = text
        elif block.kind in ("paragraph", "quote_block", "subheading"):
            paragraphs.append(text)
    if not article.blocks:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", article.text) if p.strip()]
    title = (article.title or headline).strip()
    if not title and paragraphs:
        first = paragraphs[0]
        if len(first) <= 200 and len(paragraphs) > 1:
            title = paragraphs.pop(0)
        else:
            sentences = split_sentences_cheap(first)
            title = sentences[0] if sentences else first[:200]
            paragraphs[0] = first[len(title) :].strip()
    elif paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    body_sentences = [s for p in paragraphs for s in split_sentences_cheap(p)]
    lead = (article.lead or lead).strip()
    if not lead and body_sentences:
        lead = body_sentences.pop(0)
        if len(lead) < 120 and body_sentences:
            lead = f"{lead} {body_sentences.pop(0)}"
    scan = " \n".join([title, lead, *body_sentences])[:SCAN_CHARS]
    whole = "\n\n".join(kept) if article.blocks else article.text.strip()
    if article.title and not whole.startswith(article.title.strip()):
        whole = f"{article.title.strip()}\n\n{whole}"
    return DocParts(
        title=title,
        lead=lead,
        document=_cut(whole, DOC_CHARS),
        scan=scan,
        chunks=body_chunks(body_sentences, CHUNK_SPAN - len(title) - len(lead)),
    )


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a space when there is one near the end."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", limit - 100, limit)
    return text[: space if space > 0 else limit]


def body_chunks(sentences: Sequence[str], budget: int) -> tuple[str, ...]:
    """Consecutive sentences joined into chunks of about ``CHUNK_CHARS``, at most ``MAX_CHUNKS``,
    within ``budget`` characters (a sentence longer than a chunk is cut)."""
    chunks: list[str] = []
    current = ""
    used = 0
    for sentence in sentences:
        if len(chunks) == MAX_CHUNKS or used >= budget:
            break
        piece = sentence[: max(0, min(CHUNK_CHARS, budget - used))]
        if current and len(current) + 1 + len(piece) > CHUNK_CHARS:
            chunks.append(current)
            current = ""
            if len(chunks) == MAX_CHUNKS:
                break
        current = f"{current} {piece}" if current else piece
        used += len(piece) + 1
    if current and len(chunks) < MAX_CHUNKS:
        chunks.append(current)
    return tuple(c for c in chunks if c.strip())


def entity_keys(text: str) -> frozenset[str]:
    """Capitalised word runs that look like names, lower-cased; a stand-in for full NER."""
    keys: set[str] = set()
    for match in _CAPITALISED_RUN.finditer(text):
        words = [w for w in match.group(0).split() if w.lower() not in _NOT_NAMES]
        if not words:
            continue
        for word in words:
            w = word.lower().strip("’'-")
            # German genitive and English possessive endings ("Bagdads", "Baghdad's").
            w = re.sub(r"(?:’s|'s|s)$", "", w) if len(w) > 4 else w
            if len(w) >= 3:
                keys.add(w[:8])
    return frozenset(keys)


def number_keys(text: str) -> frozenset[str]:
    """Numbers ≥ 2 written with digits, normalised (thousands separators removed); years included."""
    out: set[str] = set()
    for match in _NUMBER.finditer(text):
        raw = re.sub(r"[  ]", "", match.group(0))
        digits = re.sub(r"[.,](?=\d{3}\b)", "", raw).replace(",", ".")
        try:
            value = float(digits)
        except ValueError:
            continue
        if value >= 2:
            out.add(f"{value:g}")
    return frozenset(out)


def date_keys(text: str) -> frozenset[str]:
    """Weekdays, months, day-month pairs and full dates as language-independent keys."""
    out: set[str] = set()
    lower = text.lower()
    for word in _WORD.findall(lower):
        if word in _WEEKDAYS:
            out.add(f"wd{_WEEKDAYS[word]}")
        elif word in _MONTHS and len(word) > 3:
            out.add(f"m{_MONTHS[word]}")
    for match in _DAY_MONTH.finditer(lower):
        day, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        if month in _MONTHS and 1 <= int(day) <= 31:
            out.add(f"d{_MONTHS[month]}-{int(day)}")
    for match in _NUMERIC_DATE.finditer(text):
        out.add(f"d{int(match.group(2))}-{int(match.group(1))}")
    for match in _ISO_DATE.finditer(text):
        out.add(f"d{int(match.group(2))}-{int(match.group(3))}")
    return frozenset(out)


def resolved_days(text: str, language: str | None, published: dt.date | None) -> frozenset[str]:
    """Days the text names, resolved against the publication date ("am Montag" → 2024-01-22)."""
    if language not in SUPPORTED_LANGUAGES:
        return frozenset()
    assert language is not None
    mentions = find_dates(text, language, anchor=published)
    return frozenset(m.value for m in mentions if m.value is not None and len(m.value) == 10)


def word_stems(text: str) -> frozenset[str]:
    """Lower-cased words of four letters or more cut to six letters: a cheap, language-free stem."""
    return frozenset(w[:6] for w in _WORD.findall(text.lower()) if len(w) >= 4)


def minhash_signature(text: str, size: int = 3) -> npt.NDArray[np.uint64]:
    """MinHash of the word n-grams of the whole text, the usual unit for near-duplicate detection.

    Bit for bit datasketch's ``MinHash(num_perm, seed=1, scheme="affine32")`` (a test checks it),
    computed here because importing datasketch imports scipy (0.5 s) and a comparison needs only this.
    """
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + size]).encode() for i in range(max(1, len(words) - size + 1))}
    # The first four bytes of each SHA-1, read little-endian, all at once.
    digests = b"".join([hashlib.sha1(gram).digest()[:4] for gram in sorted(grams)])
    hashed = np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1)
    a, b = _affine32_permutations(MINHASH_PERMUTATIONS)
    with np.errstate(over="ignore"):  # the wrap-around is the modulo 2**32 of the scheme
        mixed = hashed ^ (hashed >> np.uint32(16))
        mixed = mixed * np.uint32(0x85EBCA6B)
        mixed = mixed ^ (mixed >> np.uint32(13))
        mixed = mixed * np.uint32(0xC2B2AE35)
        mixed = mixed ^ (mixed >> np.uint32(16))
        permuted = mixed * a + b
    signature: npt.NDArray[np.uint64] = permuted.min(axis=0).astype(np.uint64)
    return signature


@functools.lru_cache(maxsize=4)
def _affine32_permutations(
    count: int, seed: int = 1
) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
    """datasketch's affine32 parameters: odd multipliers and offsets drawn from ``RandomState(seed)``."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, count, dtype=np.uint32)
    return a, b


def _unit(vector: npt.NDArray[np.float32]) -> Vector:
    norm = float(np.linalg.norm(vector))
    out: Vector = (vector / norm if norm > 0 else vector).astype(np.float32)
    return out


# The parts of an article embedded besides its document, and the pair features that read each: an
# embedder whose fitted model reads none of a part's features does not embed that part (with e5 the
# three body chunks cost about as much as the document itself).
PART_FEATURES: dict[str, frozenset[str]] = {
    "title": frozenset(
        {"cos_title", "cos_cross", "cos_title_c", "cos_cross_c", "agreement", "cos_doc_c_agreement"}
    ),
    "lead": frozenset({"cos_lead"}),
    "chunks": frozenset({"cos_chunks"}),
}
ALL_PARTS = frozenset(PART_FEATURES)


def parts_read_by(features: frozenset[str]) -> frozenset[str]:
    """The parts (of :data:`PART_FEATURES`) whose vectors some of ``features`` read."""
    return frozenset(part for part, reading in PART_FEATURES.items() if reading & features)


def embedded_parts(embedder: str) -> frozenset[str]:
    """The parts whose vectors the story model fitted for ``embedder`` reads."""
    return parts_read_by(weights_for(embedder).features)


def embedded_texts(parts: DocParts, embedded: frozenset[str] = ALL_PARTS) -> list[str]:
    """The texts embedded for an article: the document, then the title and the lead when ``embedded``
    names them (each of the three falls back to another) and the body chunks when it names them."""
    document = parts.document or parts.title or parts.lead
    texts = [document]
    if "title" in embedded:
        texts.append(parts.title or parts.lead or document)
    if "lead" in embedded:
        texts.append(parts.lead or parts.title or document)
    if "chunks" in embedded:
        texts.extend(parts.chunks)
    return texts


def headline_share(headline: str, text: str) -> float:
    """Share of the headline's words (four letters or more, not a stop word, cut to six letters)
    that ``text`` uses again; 1 for a headline without such words. A report repeats the words of its
    headline; a text that uses none of them is not the article under it (see stories/cluster.py)."""
    words = {w[:6] for w in _WORD.findall(headline.lower()) if len(w) >= 4 and w not in _NOT_NAMES}
    if not words:
        return 1.0
    return len(words & word_stems(text)) / len(words)


def headline_terms(title: str) -> dict[str, float]:
    """The terms of a headline, weighted as an article's ``terms`` are."""
    return term_weights(title, _NOT_NAMES)


def story_docs(
    articles: Sequence[Article], embedder: Embedder, parts: frozenset[str] | None = None
) -> list[StoryDoc]:
    """Features of many articles with one batched embedding call (much faster than one by one).

    ``parts`` are the parts embedded besides the document (default: those the embedder's fitted model
    reads; the fitting script asks for those its candidate sets read). Each distinct text is embedded
    once (an article's title is often its lead's fallback, repeated articles share all their texts).
    Both built-in backends pack the tokens of a batch into one matrix without padding, so the order of
    the texts does not change the work.
    """
    embedded = embedded_parts(embedder.name) if parts is None else parts
    article_parts = [doc_parts(a) for a in articles]
    per_article = [embedded_texts(p, embedded) for p in article_parts]
    unique = list(dict.fromkeys(t for texts in per_article for t in texts))
    encoded = embedder.encode(unique) if unique else np.zeros((0, embedder.dim), dtype=np.float32)
    row = {t: i for i, t in enumerate(unique)}
    docs: list[StoryDoc] = []
    for article, p, texts in zip(articles, article_parts, per_article, strict=True):
        language = article.language or detect_language(article.text)
        vectors = encoded[[row[t] for t in texts]]
        doc_vec = vectors[0]
        n = 1
        title_vec = lead_vec = doc_vec
        if "title" in embedded:
            title_vec, n = vectors[n], n + 1
        if "lead" in embedded:
            lead_vec, n = vectors[n], n + 1
        # Without body chunks the document stands for them.
        chunk_vecs = np.asarray(vectors[n:] if len(vectors) > n else vectors[:1])
        mix = PART_WEIGHTS[0] * title_vec + PART_WEIGHTS[1] * lead_vec + PART_WEIGHTS[2] * doc_vec
        docs.append(
            StoryDoc(
                id=article.id,
                title=p.title,
                published=article.published,
                outlet=article.outlet,
                language=language,
                title_vec=title_vec,
                lead_vec=lead_vec,
                doc_vec=doc_vec,
                vector=_unit(mix),
                entities=entity_keys(p.scan),
                numbers=number_keys(p.scan),
                dates=date_keys(p.scan) | resolved_days(p.scan, language, article.published),
                words=word_stems(p.scan),
                # Without the headline: wire copies often get a headline of their own.
                signature=minhash_signature(
                    article.text.replace(p.title, "", 1) if p.title else article.text
                ),
                content_hash=content_hash(article.text),
                embedder=embedder.name,
                chunk_vecs=chunk_vecs,
                terms=term_weights(p.scan, _NOT_NAMES),
                headline_share=headline_share(p.title, p.scan[len(p.title) :]) if _titled(article) else 1.0,
            )
        )
    centres = shipped_centres(embedder.name)
    # Means of another width (a plugin that took a built-in embedder's name) cannot apply.
    if centres is None or centres.document.shape[1] != encoded.shape[1]:
        return docs
    return with_centres(docs, centres)


def _titled(article: Article) -> bool:
    """True when the article has a headline of its own (not one taken from its first paragraph)."""
    return bool(article.title) or any(b.kind == "headline" for b in article.blocks)


def with_centres(docs: Sequence[StoryDoc], centres: Centres) -> list[StoryDoc]:
    """``docs`` with their centred vectors and title agreement computed from ``centres``."""
    out = []
    for doc in docs:
        centred = centres.centre(doc.doc_vec, doc.language)
        title = centres.centre(doc.title_vec, doc.language, title=True)
        out.append(
            replace(doc, doc_centred=centred, title_centred=title, agreement=float(np.dot(centred, title)))
        )
    return out


def unique_in_order(docs: Iterable[StoryDoc]) -> list[StoryDoc]:
    """Docs sorted by processing order with repeated ids dropped (the first in that order is kept)."""
    seen: set[str] = set()
    out: list[StoryDoc] = []
    for doc in sorted(docs, key=lambda d: d.order_key):
        if doc.id not in seen:
            seen.add(doc.id)
            out.append(doc)
    return out


def story_doc(article: Article, embedder: Embedder) -> StoryDoc:
    """Features of one article (see :func:`story_docs` for many)."""
    return story_docs([article], embedder)[0]


def article_from_text(
    id: str,
    text: str,
    *,
    title: str | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
    language: str | None = None,
    source: str = "",
    url: str | None = None,
) -> Article:
    """An :class:`Article` from a title and plain text (paragraphs split at line breaks).

    Evaluation records (SemEval pairs, WikiNews events) come as bare strings; this builds the same
    shape the readers produce so they take the same path as real input.
    """
    paragraphs = [p.strip() for p in re.split(r"\n+", text) if p.strip()]
    pieces: list[tuple[BlockKind, str]] = []
    if title and title.strip():
        pieces.append(("headline", title.strip()))
    pieces.extend(("paragraph", p) for p in paragraphs)
    blocks: list[Block] = []
    offset = 0
    for kind, piece in pieces:
        blocks.append(Block(kind=kind, start=offset, end=offset + len(piece)))
        offset += len(piece) + 2
    return Article(
        id=id,
        text="\n\n".join(piece for _, piece in pieces),
        blocks=tuple(blocks),
        source=source or id,
        outlet=outlet,
        url=url,
        title=title.strip() if title else None,
        published=published,
        language=language,
    )
