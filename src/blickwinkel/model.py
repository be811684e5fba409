"""Frozen data shared by every stage of the pipeline.

Offsets (``start``, ``end``) are always character offsets into ``Article.text``, so that
``article.text[s.start:s.end] == s.text`` holds for every block, sentence, statement and mention.

``to_json`` gives the documented comparison JSON (``docs/comparison-json.md``); ``from_json`` reads it
back, so that ``x.to_json() == type(x).from_json(x.to_json()).to_json()``. The JSON leaves out what
only the analysis needs (mention offsets, lemmas, article texts): those come back empty or 0, and
:meth:`Comparison.from_json` takes the full articles where the caller has them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

BlockKind = Literal[
    "headline",
    "lead",
    "paragraph",
    "subheading",
    "quote_block",
    "embedded_post",
    "caption",
    "boilerplate",
    "credit",
]
BLOCK_KINDS: tuple[BlockKind, ...] = get_args(BlockKind)
NON_CONTENT_BLOCK_KINDS: frozenset[BlockKind] = frozenset({"boilerplate", "credit"})
"""Page furniture kept in the text but never a statement: polls, promotions, prompts, bylines, credits."""

EntityType = Literal["PER", "ORG", "LOC", "OTH"]

StatementKind = Literal[
    "reporting",
    "quote",
    "reported_speech",
    "background",
    "caption",
    "headline",
    "commentary",
]


@dataclass(frozen=True)
class Block:
    """A visual unit of an article: headline, lead, paragraph, quote block, embedded post, caption.

    ``attribution`` is the speaker line of a quote block or embedded post (``— Name (@handle) date``)
    without the dash, kept apart from the quoted text.
    """

    kind: BlockKind
    start: int
    end: int
    attribution: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Article:
    """One article as every reader produces it.

    ``text`` is the normalised text: the blocks joined by blank lines. ``id`` is unique within a run
    (readers derive it from the file name; the pipeline makes it unique).
    """

    id: str
    text: str
    blocks: tuple[Block, ...]
    source: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    lead: str | None = None
    published: dt.date | None = None
    language: str | None = None
    author: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # A page behind a paywall: the text is only the part the site gives away (ingest/_paywall.py).
    paywalled: bool = False
    # What the reader noticed while reading and the user should hear of (front matter it could not
    # read whole): the commands print them as warnings; not stored.
    notes: tuple[str, ...] = field(default=(), compare=False, hash=False)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a clause of a long sentence) with offsets into ``Article.text``."""

    start: int
    end: int
    text: str
    block: int
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A named entity mention; ``key`` is shared by all mentions of one entity in a comparison."""

    text: str
    start: int
    end: int
    type: EntityType
    key: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "type": self.type, "key": self.key}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Mention:
        return cls(text=str(data["text"]), start=0, end=0, type=data["type"], key=str(data["key"]))


@dataclass(frozen=True)
class Quantity:
    """A number with its counted noun (lemmatised) and whether a hedge made it approximate."""

    text: str
    start: int
    end: int
    value: float
    unit: str | None = None
    approximate: bool = False
    upper: float | None = None  # the upper end of a range ("20 bis 30"), else None
    tally: float | None = None  # the other count of a tally ("34 zu 12 Stimmen": value 34, tally 12)
    # said in a negated clause ("did not pay 5 million", "keine 12 Häuser"): analyse/quantities.py
    negated: bool = False

    def label(self) -> str:
        """The quantity's label (JSON ``label``; the terminal shows it with the noun as written,
        ``report.labels.quantity_shown``): "2 million EUR" for "2 Millionen Euro" or "zwei Millionen
        Euro", "~2.5 million people", "20–30 Bus", "34 to 12 Stimme"; a vague amount with no figure
        ("Millions of people", "Tausende Fans") as the writer wrote it, since its value is only the
        lower end of a guess (it was shown as "~2000000")."""
        if self.upper is not None and self.approximate and not any(c.isdigit() for c in self.text):
            return self.text
        number = _number_label(self.value)
        if self.upper is not None:
            number = _range_label(self.value, self.upper)
        elif self.tally is not None:
            number = f"{number} to {_number_label(self.tally)}"
        return f"{'~' if self.approximate else ''}{number}{' ' + self.unit if self.unit else ''}"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "value": _json_number(self.value),
            "unit": self.unit,
            "approximate": self.approximate,
        }
        if self.upper is not None:
            out["upper"] = _json_number(self.upper)
        if self.tally is not None:
            out["tally"] = _json_number(self.tally)
        if self.negated:
            out["negated"] = True
        out["label"] = self.label()
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Quantity:
        return cls(
            text=str(data["text"]),
            start=0,
            end=0,
            value=data["value"],
            unit=data.get("unit"),
            approximate=bool(data.get("approximate", False)),
            upper=data.get("upper"),
            tally=data.get("tally"),
            negated=bool(data.get("negated", False)),
        )


def _json_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


# Scale words a round large figure is shown with (newspapers' "2.5 million", not "2500000").
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _scaled(value: float) -> tuple[str, str] | None:
    """``value`` as a short figure and its scale word when it is round at that scale (at most three
    decimals: 2_500_000 → ("2.5", "million")); None for a figure that is not (1_234_567)."""
    for size, word in _SCALES:
        if abs(value) >= size:
            short = value / size
            if abs(round(short, 3) - short) < 1e-9:
                return f"{round(short, 3):g}", word
            return None
    return None


def _digits(value: float) -> str:
    """Written digits: "2000", "1.5", never "2e+06" (``:g`` shows six digits)."""
    if float(value).is_integer() and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.15g}"


def _number_label(value: float) -> str:
    scaled = _scaled(value)
    return f"{scaled[0]} {scaled[1]}" if scaled else _digits(value)


def _range_label(low: float, high: float) -> str:
    """ "20–30", "2–3 million" (one scale word when both ends share it)."""
    a, b = _scaled(low), _scaled(high)
    if a and b and a[1] == b[1]:
        return f"{a[0]}–{b[0]} {a[1]}"
    return f"{_number_label(low)}–{_number_label(high)}"


@dataclass(frozen=True)
class DateMention:
    """A date phrase resolved to an ISO date (``value``); ``inferred`` when anchored on other articles."""

    text: str
    start: int
    end: int
    value: str | None
    inferred: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "inferred": self.inferred}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DateMention:
        return cls(
            text=str(data["text"]),
            start=0,
            end=0,
            value=data.get("value"),
            inferred=bool(data.get("inferred")),
        )


@dataclass(frozen=True)
class Statement:
    """The unit the comparison aligns: a sentence or clause with what the analysis found in it."""

    id: str
    article: str
    text: str
    start: int
    end: int
    block_kind: BlockKind = "paragraph"
    kind: StatementKind | None = None
    subjective: bool | None = None
    speaker: str | None = None
    # "person", "organisation" or "group" where the speaker's words or entity type say which
    speaker_kind: str | None = None
    entities: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    lemmas: tuple[str, ...] = ()
    language: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "subjective": self.subjective,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "entities": [m.to_json() for m in self.entities],
            "quantities": [q.to_json() for q in self.quantities],
            "dates": [d.to_json() for d in self.dates],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Statement:
        return cls(
            id=str(data["id"]),
            article=str(data["article"]),
            text=str(data["text"]),
            start=int(data["start"]),
            end=int(data["end"]),
            kind=data.get("kind"),
            subjective=data.get("subjective"),
            speaker=data.get("speaker"),
            speaker_kind=data.get("speaker_kind"),
            entities=tuple(Mention.from_json(m) for m in data.get("entities", ())),
            quantities=tuple(Quantity.from_json(q) for q in data.get("quantities", ())),
            dates=tuple(DateMention.from_json(d) for d in data.get("dates", ())),
        )


@dataclass(frozen=True)
class AnalysedArticle:
    """An article with its statements and the article-level results of the analysis."""

    article: Article
    statements: tuple[Statement, ...]
    cited_sources: tuple[str, ...] = ()
    subjective_share: float | None = None
    genre: str | None = None


@dataclass(frozen=True)
class Link:
    """Two statements of different articles that say the same thing, with the score that says so
    and its parts (``reasons``: meaning, wording, lemmas, names, numbers, dates, cross_lingual,
    mutual), so that every link can show why it was made."""

    a: str
    b: str
    score: float
    reasons: dict[str, float] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Fact:
    """Statements of one or more articles that state the same thing; ``canonical`` is the clearest."""

    id: str
    statements: tuple[str, ...]
    articles: tuple[str, ...]
    canonical: str
    earliest: str | None = None
    centrality: float = 0.0
    # A fact of one article that another article may state too: it holds a statement whose link
    # model probability with a statement of these articles is too low for a link but not negligible.
    # Such a fact is not listed as reported by its article only.
    perhaps_in: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "statements": list(self.statements),
            "articles": list(self.articles),
            "canonical": self.canonical,
            "earliest": self.earliest,
            "centrality": self.centrality,
            "perhaps_in": list(self.perhaps_in),
        }

    @property
    def only_one(self) -> bool:
        """Reported by one article, and no other article holds a statement close to stating it."""
        return len(self.articles) == 1 and not self.perhaps_in

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Fact:
        return cls(
            id=str(data["id"]),
            statements=tuple(data["statements"]),
            articles=tuple(data.get("articles", ())),
            canonical=str(data.get("canonical", "")),
            earliest=data.get("earliest"),
            centrality=float(data.get("centrality", 0.0)),
            perhaps_in=tuple(data.get("perhaps_in", ())),
        )


@dataclass(frozen=True)
class Conflict:
    id: str
    kind: str
    fact: str
    statements: tuple[str, ...]
    values: tuple[Any, ...]
    reason: str
    # Where each side states its value: (start, end) in the article of the statement at the same
    # position in ``statements``.
    spans: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "fact": self.fact,
            "statements": list(self.statements),
            "values": list(self.values),
            "spans": [list(span) for span in self.spans],
            "reason": self.reason,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Conflict:
        return cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            fact=str(data["fact"]),
            statements=tuple(data["statements"]),
            values=tuple(data.get("values", ())),
            reason=str(data.get("reason", "")),
            spans=tuple((int(start), int(end)) for start, end in data.get("spans", ())),
        )


@dataclass(frozen=True)
class Omission:
    """A fact an article does not report, with how many others report it and how central it is."""

    fact: str
    reported_by: int
    centrality: float

    def to_json(self) -> dict[str, Any]:
        return {"fact": self.fact, "reported_by": self.reported_by, "centrality": round(self.centrality, 3)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Omission:
        return cls(str(data["fact"]), int(data["reported_by"]), float(data["centrality"]))


@dataclass(frozen=True)
class OutletProfile:
    facts: int
    unique_facts: int
    conflicting_facts: int
    subjective_share: float | None
    quotes: int
    speakers: tuple[str, ...]
    ends_in_commentary: bool = False
    cited_sources: tuple[str, ...] = ()
    entities_named: tuple[str, ...] = ()
    entities_omitted: tuple[str, ...] = ()
    word_choice: tuple[str, ...] = ()
    copy_of: str | None = None
    # facts another article reports too; required (by name) so that no view falls back to a count of 0
    shared_facts: int = field(kw_only=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "ends_in_commentary": self.ends_in_commentary,
            "cited_sources": list(self.cited_sources),
            "entities_named": list(self.entities_named),
            "entities_omitted": list(self.entities_omitted),
            "word_choice": list(self.word_choice),
            "copy_of": self.copy_of,
            "facts": self.facts,
            "unique_facts": self.unique_facts,
            "shared_facts": self.shared_facts,
            "conflicting_facts": self.conflicting_facts,
            "subjective_share": self.subjective_share,
            "quotes": self.quotes,
            "speakers": list(self.speakers),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OutletProfile:
        return cls(
            facts=int(data["facts"]),
            unique_facts=int(data["unique_facts"]),
            conflicting_facts=int(data["conflicting_facts"]),
            subjective_share=data.get("subjective_share"),
            quotes=int(data["quotes"]),
            speakers=tuple(data.get("speakers", ())),
            ends_in_commentary=bool(data.get("ends_in_commentary", False)),
            cited_sources=tuple(data.get("cited_sources", ())),
            entities_named=tuple(data.get("entities_named", ())),
            entities_omitted=tuple(data.get("entities_omitted", ())),
            word_choice=tuple(data.get("word_choice", ())),
            copy_of=data.get("copy_of"),
            # a comparison stored before the field had only facts - unique_facts, which also counts
            # the facts "perhaps also" in another article
            shared_facts=int(data.get("shared_facts", int(data["facts"]) - int(data["unique_facts"]))),
        )


@dataclass(frozen=True)
class VoiceInArticle:
    """What one article gives of one speaker: its statements of them, quoted and in reported speech."""

    article: str
    statements: tuple[str, ...]
    quotes: int
    reported: int

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "statements": list(self.statements),
            "quotes": self.quotes,
            "reported": self.reported,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VoiceInArticle:
        return cls(
            article=str(data["article"]),
            statements=tuple(str(s) for s in data.get("statements", ())),
            quotes=int(data.get("quotes", 0)),
            reported=int(data.get("reported", 0)),
        )


VoiceWording = Literal["same", "different"]


@dataclass(frozen=True)
class VoiceInFact:
    """One fact that holds statements of one speaker: the articles that quote their words, those that
    give them only in reported speech, and, where two or more quote them, whether the words are the
    same (``wording``; None where fewer than two articles quote them) and which articles quote them in
    the same words (``same_words``: groups of two or more articles); ``without``: the articles that
    report the fact without this speaker (as their own statement, or said by someone else)."""

    fact: str
    quoted: tuple[str, ...]
    reported: tuple[str, ...]
    wording: VoiceWording | None = None
    same_words: tuple[tuple[str, ...], ...] = ()
    without: tuple[str, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        return (*self.quoted, *self.reported)

    @property
    def shared(self) -> bool:
        """Reported by two or more articles, with this speaker or without."""
        return len(self.articles) + len(self.without) > 1

    def to_json(self) -> dict[str, Any]:
        return {
            "fact": self.fact,
            "quoted": list(self.quoted),
            "reported": list(self.reported),
            "wording": self.wording,
            "same_words": [list(g) for g in self.same_words],
            "without": list(self.without),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VoiceInFact:
        wording = data.get("wording")
        return cls(
            fact=str(data["fact"]),
            quoted=tuple(str(a) for a in data.get("quoted", ())),
            reported=tuple(str(a) for a in data.get("reported", ())),
            wording=wording if wording in ("same", "different") else None,
            same_words=tuple(tuple(str(a) for a in g) for g in data.get("same_words", ())),
            without=tuple(str(a) for a in data.get("without", ())),
        )


@dataclass(frozen=True)
class Voice:
    """One speaker across the articles (``speaker``: their entity key, or an unnamed source as
    written, "police"): which articles quote them, how often, and in which facts."""

    speaker: str
    kind: str | None
    articles: tuple[VoiceInArticle, ...]
    facts: tuple[VoiceInFact, ...]

    @property
    def statements(self) -> int:
        return sum(len(a.statements) for a in self.articles)

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_kind": self.kind,
            "articles": [a.to_json() for a in self.articles],
            "facts": [f.to_json() for f in self.facts],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Voice:
        return cls(
            speaker=str(data["speaker"]),
            kind=data.get("speaker_kind"),
            articles=tuple(VoiceInArticle.from_json(a) for a in data.get("articles", ())),
            facts=tuple(VoiceInFact.from_json(f) for f in data.get("facts", ())),
        )


SCHEMA = "blickwinkel.comparison/1"


@dataclass(frozen=True)
class UnreadInput:
    """An input the comparison left out because it could not be read: the path, URL or record it was
    given as, the error's id in the table of ``errors.py`` (None for a message without one) and the
    whole message, as ``blickwinkel compare`` prints it."""

    input: str
    error: str | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"input": self.input, "error": self.error, "message": self.message}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> UnreadInput:
        error = data.get("error")
        shown = None if error is None else str(error)
        return cls(str(data.get("input", "")), shown, str(data.get("message", "")))


@dataclass(frozen=True)
class Comparison:
    """The result of comparing two or more articles: the public contract of ``--format json``."""

    articles: tuple[AnalysedArticle, ...]
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    links: tuple[Link, ...]
    outlets: dict[str, OutletProfile]
    embedder: str = ""
    coverage: dict[str, dict[str, str]] = field(default_factory=dict)
    omissions: dict[str, tuple[Omission, ...]] = field(default_factory=dict)
    # Article ids in groups that share no fact and that the story model scores as different events
    # (compare/events.py); empty when the articles report one event.
    different_events: tuple[tuple[str, ...], ...] = ()
    # Who is quoted by which articles (compare/voices.py), most quoted first; empty for a comparison
    # stored before the thirteenth session.
    voices: tuple[Voice, ...] = ()
    # The inputs left out because they could not be read (pipeline.compare_inputs), in the order given.
    unread: tuple[UnreadInput, ...] = ()

    @property
    def independent_sources(self) -> int:
        """Articles that are not copies of another article of the comparison."""
        return sum(1 for p in self.outlets.values() if p.copy_of is None)

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for a in self.articles for s in a.statements)

    def to_json(self) -> dict[str, Any]:
        # Only where it is so: the JSON of a comparison of one event, all of whose inputs were read,
        # is unchanged.
        rare: dict[str, Any] = {}
        if self.different_events:
            rare["different_events"] = [list(group) for group in self.different_events]
        if self.unread:
            rare["unread"] = [u.to_json() for u in self.unread]
        return {
            "schema": SCHEMA,
            "embedder": self.embedder,
            "articles": [
                {
                    "id": a.article.id,
                    "outlet": a.article.outlet,
                    "title": a.article.title,
                    "published": a.article.published.isoformat() if a.article.published else None,
                    "language": a.article.language,
                    "source": a.article.source,
                    "url": a.article.url,
                    "cited_sources": list(a.cited_sources),
                    "genre": a.genre,
                }
                # only where it is so: the JSON of the (far more) whole articles is unchanged
                | ({"paywalled": True} if a.article.paywalled else {})
                for a in self.articles
            ],
            "statements": [s.to_json() for s in self.statements],
            "facts": [f.to_json() for f in self.facts],
            "links": [
                {"a": k.a, "b": k.b, "score": round(k.score, 3), "reasons": dict(k.reasons)}
                for k in self.links
            ],
            "conflicts": [c.to_json() for c in self.conflicts],
            "outlets": {k: v.to_json() for k, v in self.outlets.items()},
            "coverage": self.coverage,
            "omissions": {k: [o.to_json() for o in v] for k, v in self.omissions.items()},
            "independent_sources": self.independent_sources,
            "voices": [v.to_json() for v in self.voices],
        } | rare

    @classmethod
    def from_json(cls, data: Mapping[str, Any], articles: Mapping[str, Article] | None = None) -> Comparison:
        """The comparison of its JSON form; ``articles`` (by id) supply the texts the JSON leaves out."""
        statements = [Statement.from_json(s) for s in data.get("statements", ())]
        analysed = []
        for a in data.get("articles", ()):
            aid = str(a["id"])
            article = (articles or {}).get(aid)
            if article is None:
                published = a.get("published")
                article = Article(
                    id=aid,
                    text="",
                    blocks=(),
                    source=str(a.get("source") or ""),
                    outlet=a.get("outlet"),
                    url=a.get("url"),
                    title=a.get("title"),
                    published=dt.date.fromisoformat(published) if published else None,
                    language=a.get("language"),
                    paywalled=a.get("paywalled") is True,
                )
            analysed.append(
                AnalysedArticle(
                    article=article,
                    statements=tuple(s for s in statements if s.article == aid),
                    cited_sources=tuple(a.get("cited_sources", ())),
                    genre=a.get("genre"),
                )
            )
        return cls(
            articles=tuple(analysed),
            facts=tuple(Fact.from_json(f) for f in data.get("facts", ())),
            conflicts=tuple(Conflict.from_json(c) for c in data.get("conflicts", ())),
            links=tuple(
                Link(
                    str(k["a"]),
                    str(k["b"]),
                    float(k["score"]),
                    {str(n): float(v) for n, v in dict(k.get("reasons", {})).items()},
                )
                for k in data.get("links", ())
            ),
            outlets={k: OutletProfile.from_json(v) for k, v in data.get("outlets", {}).items()},
            embedder=str(data.get("embedder", "")),
            coverage={k: dict(v) for k, v in data.get("coverage", {}).items()},
            omissions={
                k: tuple(Omission.from_json(o) for o in v) for k, v in data.get("omissions", {}).items()
            },
            different_events=tuple(
                tuple(str(aid) for aid in group) for group in data.get("different_events", ())
            ),
            voices=tuple(Voice.from_json(v) for v in data.get("voices", ())),
            unread=tuple(UnreadInput.from_json(u) for u in data.get("unread", ())),
        )
