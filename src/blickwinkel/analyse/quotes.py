"""Who says what: direct quotes, reported speech, speakers, and the other roles of a statement.

Each sentence gets a role (``StatementRole``): a direct quote in any quotation-mark style with the
speaker from a speech verb nearby, reported speech (German Konjunktiv I, "laut X", "X zufolge",
English "said that", "according to"), block quotes and embedded posts with the speaker from their
attribution line, captions, headlines, background (cue-based, conservative) and plain reporting.
A single quoted word or a scare-quoted name is not a quote.

The parts live in their own modules: quotation marks (quote_marks), the words of attribution
(speech_words), who speaks (speakers), what kind of speaker (speaker_kinds), and reported speech and
background (reported_speech); this module gives each sentence its role.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from blickwinkel.analyse.pronoun_antecedents import acted_upon
from blickwinkel.analyse.quote_marks import (
    MIN_QUOTE_WORDS,
    WORD,
    find_quotations,
    looks_like_name,
    mask_quotations,
    named_as_title,
    open_quotation,
    opens_with_quotation,
)
from blickwinkel.analyse.reported_speech import is_background, is_reported, points_back
from blickwinkel.analyse.speaker_kinds import speaker_kind
from blickwinkel.analyse.speakers import (
    find_speaker,
    has_speech_verb,
    pronoun_speech_at,
    speaker_entity_key,
    speaker_from_attribution,
)
from blickwinkel.analyse.speech_words import (
    ADVERB_EN,
    ATTRIBUTION_WORDS,
    ROMANCE,
    SPEAKER_LANGUAGES,
    SPEECH,
    is_title,
)
from blickwinkel.model import Article, Block, Mention, Sentence, StatementKind


@dataclass(frozen=True)
class StatementRole:
    """What a sentence is in its article, who speaks in it and where the quoted words are."""

    kind: StatementKind
    speaker: str | None = None
    quote_spans: tuple[tuple[int, int], ...] = ()
    # "person", "organisation" (the police, a ministry, "die Feuerwehr") or "group" (officials,
    # witnesses, "Anwohner"); None where the words do not say
    speaker_kind: str | None = None


def _block_of(article: Article, sentence: Sentence) -> Block | None:
    if 0 <= sentence.block < len(article.blocks):
        return article.blocks[sentence.block]
    return None


def _language(article: Article, block: Block | None) -> str:
    lang = (block.language if block and block.language else None) or article.language or "de"
    code = lang.lower()[:2]
    return code if code in SPEAKER_LANGUAGES else "de"


# How many blocks after the one that named a person "he said" / "sagte sie" still means that person:
# the next paragraph, or the one after a paragraph between (a caption, a paragraph naming no one else).
_PRONOUN_REACH = 2


def classify_statements(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Sequence[Mention]] | None = None,
) -> list[StatementRole]:
    """One ``StatementRole`` per sentence, in order.

    ``mentions[i]`` are the entity mentions of ``sentences[i]``; a speaker whose name matches one is
    given as that mention's entity key. Quote spans are offsets into ``article.text``.
    """
    all_mentions: list[Mention] = [m for ms in (mentions or ()) for m in ms]
    # Quotations are found per block so that a quote running over several sentences is one quote.
    block_quotes: dict[int, list[tuple[int, int]]] = {}
    for index, b in enumerate(article.blocks):
        if b.kind in ("paragraph", "lead", "subheading"):
            found = find_quotations(article.block_text(b))
            block_quotes[index] = [(b.start + s, b.start + e) for s, e in found]

    continued, joined = _quotations_over_paragraphs(article, block_quotes)

    # The spans are sorted and apart, so their starts and ends are sorted too: each sentence looks only
    # at the spans that overlap it (checking every span of the block was quadratic in a long block).
    starts = {index: [s for s, _ in spans] for index, spans in block_quotes.items()}
    ends = {index: [e for _, e in spans] for index, spans in block_quotes.items()}

    roles: list[StatementRole] = []
    last_speaker: tuple[int, str, str | None] | None = None  # (block, speaker, kind) for pronoun speakers
    last_person: tuple[int, str] | None = None  # (block, speaker) of the person "he said" may mean
    quotations: list[set[tuple[int, int]]] = []  # the block's quotations each sentence overlaps
    carried: list[bool] = []  # the speaker came from an earlier sentence of the block
    for i, sentence in enumerate(sentences):
        own = mentions[i] if mentions is not None and i < len(mentions) else ()
        block = _block_of(article, sentence)
        spans = block_quotes.get(sentence.block, [])
        if spans:
            first = bisect.bisect_right(ends[sentence.block], sentence.start)
            spans = spans[first : bisect.bisect_left(starts[sentence.block], sentence.end, first)]
        role = _classify_one(
            article,
            sentence,
            block=block,
            quotes_in_block=spans,
            own=own,
            all_mentions=all_mentions,
        )
        carry = False
        persons = {m.key for m in own if m.type == "PER" and m.key}
        at = (
            pronoun_speech_at(
                sentence.text,
                [(s - sentence.start, e - sentence.start) for s, e in role.quote_spans],
                _language(article, block),
            )
            if role.kind in ("quote", "reported_speech") and role.speaker is None and last_person is not None
            else None
        )
        if (
            at is not None
            and last_person is not None
            and sentence.block - last_person[0] <= _PRONOUN_REACH
            # "<Name> said he would …": another person named before the pronoun may be "he"
            and not any(
                m.type == "PER" and m.key != last_person[1] and m.start < sentence.start + at for m in own
            )
        ):
            # '"…," she said.' in a paragraph after the one that named her: the person named last
            role = StatementRole(role.kind, last_person[1], role.quote_spans, "person")
        if role.speaker is not None and role.speaker_kind == "person":
            last_person = (sentence.block, role.speaker)
        elif len(persons) == 1 and (last_person is None or last_person[1] not in persons):
            # 'Mayor <Name> visited the site. "…," he said.': the one person a sentence names, where it
            # is the subject ("Police arrested <Name>." names no one "he said" can mean)
            named = next(m for m in own if m.type == "PER" and m.key)
            at_name = max(0, named.start - sentence.start)
            at_end = max(at_name, named.end - sentence.start)
            subject = not acted_upon(sentence.text, at_name, at_end, _language(article, block))
            last_person = (sentence.block, named.key) if subject else None
        elif last_person is not None and persons - {last_person[1]}:
            last_person = None  # another person named since: "he" may be either
        if role.kind in ("quote", "reported_speech"):
            if (
                role.speaker is None
                and last_speaker is not None
                and (
                    last_speaker[0] == sentence.block or _goes_on(last_speaker[0], sentence.block, continued)
                )
            ):
                role = StatementRole(role.kind, last_speaker[1], role.quote_spans, last_speaker[2])
                carry = True
            if role.speaker is not None:
                last_speaker = (sentence.block, role.speaker, role.speaker_kind)
        else:
            # A speaker goes on only into the quotes and reported sentences right after it: past a
            # sentence of the reporter's own the next unattributed quote is as likely someone else's
            # (a city's notice carried to every resident quoted further down the paragraph).
            last_speaker = None
        roles.append(role)
        quotations.append({joined.get(span, span) for span in spans} if role.kind == "quote" else set())
        carried.append(carry)
    roles = _roles_with_pointed_speakers(article, sentences, roles)
    roles = _roles_of_named_people(article, mentions or (), roles)
    # A quotation that runs over several sentences names its speaker after its last one ('"The hall
    # is gone. We start again," the mayor said.'), also in a later paragraph: its earlier sentences
    # had no speaker, or the one of an earlier quote in the paragraph.
    for i in range(len(roles) - 2, -1, -1):
        later = roles[i + 1]
        if (
            roles[i].kind == "quote"
            and (roles[i].speaker is None or carried[i])
            and later.kind == "quote"
            and later.speaker is not None
            and (
                sentences[i].block == sentences[i + 1].block
                or _goes_on(sentences[i].block, sentences[i + 1].block, continued)
            )
            and quotations[i] & quotations[i + 1]
        ):
            roles[i] = StatementRole("quote", later.speaker, roles[i].quote_spans, later.speaker_kind)
            carried[i] = carried[i + 1]
    return roles


# "the minister" / "der Minister" as a speaker: one or two words after an article, the last a title.
_WORD_OF_TITLE = r"[^\W\d_][\w\-]*"
# "the minister" / "der Minister" as a speaker: an article, one word that may qualify the title ("the
# transport minister", "the prime minister"), and the title.
_ROLE_SPEAKER = re.compile(
    rf"(?i:the|der|die|das)\s+(?:(?P<qualifier>{_WORD_OF_TITLE})\s+)?(?P<role>{_WORD_OF_TITLE})"
)
# "<Name>, the transport minister, …" / "<Name>, der Bürgermeister, …": the title after the name.
_APPOSED_TITLE = re.compile(
    rf",\s+(?i:the|der|die)\s+(?:{_WORD_OF_TITLE}\s+)??(?:(?P<qualifier>{_WORD_OF_TITLE})\s+)?"
    rf"(?P<role>{_WORD_OF_TITLE})\s*[,.;]"
)
_TITLE_BEFORE = re.compile(rf"(?:(?P<qualifier>{_WORD_OF_TITLE})\s+)?(?P<role>{_WORD_OF_TITLE})\s+$")
# A German title ends in the role the speaker names: "Verkehrsminister" is a "Minister".
MIN_ROLE_LETTERS = 4


def _title_phrases(qualifier: str | None, role: str) -> set[str]:
    """A title alone and with the word before it, casefolded: {"minister", "foreign minister"}."""
    phrases = {role.casefold()}
    if qualifier:
        phrases.add(f"{qualifier} {role}".casefold())
    return phrases


def _titles(article: Article, mention: Mention) -> set[str]:
    """The titles an article gives a person at one mention, casefolded, alone and with the word before
    them: in the name ("Minister <Name>" where the mention holds it), right before it, or apposed after
    it between commas."""
    words = mention.text.split()
    titles: set[str] = set()
    for i, word in enumerate(words[:-1]):
        if is_title(word):
            titles |= _title_phrases(words[i - 1] if i else None, word)
    before = _TITLE_BEFORE.search(article.text, max(0, mention.start - 60), mention.start)
    if before is not None and is_title(before.group("role")):
        titles |= _title_phrases(before.group("qualifier"), before.group("role"))
    after = _APPOSED_TITLE.match(article.text, mention.end)
    if after is not None and is_title(after.group("role")):
        titles |= _title_phrases(after.group("qualifier"), after.group("role"))
    return titles


def _holders(titled: dict[str, set[str]], qualifier: str | None, role: str) -> set[str]:
    """The people a title names: with a qualifier the same two words ("the prime minister" is no
    "Foreign Minister"), else the title, also as the end of a German compound."""
    if qualifier:
        return titled.get(f"{qualifier} {role}".casefold(), set())
    name = role.casefold()
    return set().union(
        *(
            found
            for title, found in titled.items()
            if " " not in title
            and (title == name or (len(name) >= MIN_ROLE_LETTERS and title.endswith(name)))
        )
    )


def _roles_with_pointed_speakers(
    article: Article, sentences: Sequence[Sentence], roles: list[StatementRole]
) -> list[StatementRole]:
    """``roles``, the sentence before a German pointer sentence of the same block ("Das teilte <X>
    mit.") given the pointer's speaker: reported speech where it was the reporter's own, the speaker
    of a quotation that named none. A sentence with a speaker of its own keeps it."""
    out = list(roles)
    for i in range(1, len(roles)):
        pointer, before = roles[i], roles[i - 1]
        if (
            pointer.speaker is None
            or before.speaker is not None
            or before.kind not in ("reporting", "background", "reported_speech", "quote")
            or sentences[i].block != sentences[i - 1].block
            or _language(article, _block_of(article, sentences[i])) != "de"
            or not points_back(sentences[i].text)
        ):
            continue
        kind: StatementKind = "quote" if before.kind == "quote" else "reported_speech"
        out[i - 1] = StatementRole(kind, pointer.speaker, before.quote_spans, pointer.speaker_kind)
    return out


def _roles_of_named_people(
    article: Article, mentions: Sequence[Sequence[Mention]], roles: list[StatementRole]
) -> list[StatementRole]:
    """``roles``, a speaker named by a title alone ("the minister said") given as the one person the
    article names with that title ("Transport Minister <Name>", "<Name>, the minister,"): the role and
    the name of one person were two voices. Where two people hold the title, nothing changes."""
    wanted = {r.speaker for r in roles if r.speaker and _ROLE_SPEAKER.fullmatch(r.speaker)}
    if not wanted:
        return roles
    titled: dict[str, set[str]] = {}
    for sentence in mentions:
        for m in sentence:
            if m.type == "PER" and m.key:
                for title in _titles(article, m):
                    titled.setdefault(title, set()).add(m.key)
    people: dict[str, str] = {}
    for speaker in wanted:
        role = _ROLE_SPEAKER.fullmatch(speaker)
        if role is None or not is_title(role.group("role")):
            continue
        keys = _holders(titled, role.group("qualifier"), role.group("role"))
        if len(keys) == 1:
            people[speaker] = next(iter(keys))
    return [
        StatementRole(r.kind, people[r.speaker], r.quote_spans, "person") if r.speaker in people else r
        for r in roles
    ]


_RUNNING_TEXT = ("paragraph", "lead")


def _quotations_over_paragraphs(
    article: Article, block_quotes: dict[int, list[tuple[int, int]]]
) -> tuple[set[int], dict[tuple[int, int], tuple[int, int]]]:
    """A quotation that runs over paragraphs, as news writing sets it: a paragraph ends inside it,
    unclosed, and the next paragraph opens with a quotation mark again ('<Name> said: "… .' / '"… ."').

    The open end of each such paragraph is added to its quotations (``block_quotes``, changed in
    place). Returns the blocks that go on with the quotation of the block before them, and for each
    quotation that goes on, the span of its first part (one quotation, however many paragraphs)."""
    continued: set[int] = set()
    tails: dict[int, tuple[int, int]] = {}
    for index, block in enumerate(article.blocks):
        spans = block_quotes.get(index)
        if spans is None or block.kind not in _RUNNING_TEXT:
            continue
        following = article.blocks[index + 1] if index + 1 < len(article.blocks) else None
        goes_on = (
            following is not None
            and following.kind in _RUNNING_TEXT
            and opens_with_quotation(article.block_text(following))
        )
        if not goes_on and index not in continued:
            continue
        opened = open_quotation(
            article.block_text(block), [(s - block.start, e - block.start) for s, e in spans]
        )
        if opened is None:
            continue
        tail = (block.start + opened, block.end)
        spans.append(tail)
        tails[index] = tail
        if goes_on:
            continued.add(index + 1)
    joined: dict[tuple[int, int], tuple[int, int]] = {}
    for index in sorted(continued):
        earlier = tails.get(index - 1)
        spans = block_quotes.get(index, [])
        if earlier is None or not spans:
            continue
        block = article.blocks[index]
        text = article.block_text(block)
        first = block.start + len(text) - len(text.lstrip()) + 1  # after its opening mark
        if spans[0][0] == first:
            joined[spans[0]] = joined.get(earlier, earlier)
    return continued, joined


def _goes_on(block: int, later: int, continued: set[int]) -> bool:
    """Whether block ``later`` goes on with a quotation that block ``block``, right before it, left open."""
    return later == block + 1 and later in continued


def _classify_one(
    article: Article,
    sentence: Sentence,
    *,
    block: Block | None,
    quotes_in_block: Sequence[tuple[int, int]],
    own: Sequence[Mention],
    all_mentions: Sequence[Mention],
) -> StatementRole:
    text = sentence.text
    if block is not None:
        if block.kind == "headline":
            return StatementRole("headline")
        if block.kind == "caption":
            return StatementRole("caption")
        if block.kind in ("quote_block", "embedded_post"):
            speaker = speaker_from_attribution(block.attribution)
            key = speaker_entity_key(speaker, None, own, all_mentions) if speaker else None
            stripped = text.strip()
            lead = len(text) - len(text.lstrip())
            span = (sentence.start + lead, sentence.start + lead + len(stripped))
            return StatementRole("quote", key, (span,) if stripped else (), _kind_of(key, None))

    # Quotations overlapping this sentence, clipped to it, in sentence-relative offsets.
    local: list[tuple[int, int]] = []
    for s, e in quotes_in_block:
        cs, ce = max(s, sentence.start), min(e, sentence.end)
        if cs < ce:
            local.append((cs - sentence.start, ce - sentence.start))
    if block is None:
        local = find_quotations(text)
    lang = _language(article, block)
    found = find_speaker(text, local, lang)
    speech = has_speech_verb(text, local, lang)
    full_quotes = [
        (s, e)
        for s, e in local
        if (len(WORD.findall(text[s:e])) >= MIN_QUOTE_WORDS and not looks_like_name(text[s:e]))
        or (
            speech
            and len(WORD.findall(text[s:e])) >= 1
            and (
                _adjacent_to_speech(text, s, e, name=looks_like_name(text[s:e]), lang=lang)
                or _speaker_between(text, e, found, lang)
            )
        )
    ]
    full_quotes = [
        (s, e)
        for s, e in full_quotes
        if not named_as_title(text, s) and not _named_in_the_speakers_phrase(text, s, e, found)
    ]
    if found is None and not speech:
        full_quotes = [(s, e) for s, e in full_quotes if not _title_after_dash(text, s, e)]
    # A sentence entirely inside a quote that runs over several sentences.
    whole = len(text.strip())
    if not full_quotes and any((e - s) >= 0.8 * whole for s, e in local) and len(WORD.findall(text)) >= 3:
        full_quotes = list(local)

    def speaker_key() -> str | None:
        if found is None:
            return None
        name, s, e = found
        return speaker_entity_key(name, (sentence.start + s, sentence.start + e), own, all_mentions)

    if full_quotes:
        spans = tuple((sentence.start + s, sentence.start + e) for s, e in full_quotes)
        key = speaker_key() or _introduced_by(text, full_quotes[0], sentence, own, article.text)
        return StatementRole("quote", key, spans, _kind_of(key, found))
    unquoted = mask_quotations(text, local)
    if is_reported(unquoted, lang):
        key = speaker_key()
        return StatementRole("reported_speech", key, speaker_kind=_kind_of(key, found))
    if lang in ROMANCE:
        return StatementRole("reporting")
    if is_background(unquoted, lang):
        return StatementRole("background")
    return StatementRole("reporting")


# A quotation after a dash that closes the sentence: "<Name>, <role> – „Title of a piece“". With no
# speech verb and no speaker in the sentence it is the title of a piece the article points to, not
# words someone said: a quote needs a speaker's shape. A title ends without a full stop or comma
# inside its marks ("„Wir machen weiter.“" after a dash stays a quotation).
_DASH_BEFORE = re.compile(r"(?:—|–|―|--?)\s*$")
_AFTER_TITLE = re.compile(r"^[“”\"«»‘’']?\s*[.!?]?\s*$")


def _title_after_dash(text: str, start: int, end: int) -> bool:
    return (
        bool(_DASH_BEFORE.search(text[max(0, start - 4) : start - 1] if start else ""))
        and bool(_AFTER_TITLE.match(text[end:]))
        and not text[start:end].rstrip().endswith((".", ","))
    )


def _kind_of(key: str | None, found: tuple[str, int, int] | None) -> str | None:
    """The speaker kind of an entity key ("per:…", "org:…") or of the speaker as written."""
    if key is None:
        return None
    prefix = key.split(":", 1)[0] if ":" in key else None
    mention_type = {"per": "PER", "org": "ORG"}.get(prefix or "")
    return speaker_kind(found[0] if found is not None else key, mention_type)


def _introduced_by(
    text: str, quote: tuple[int, int], sentence: Sentence, own: Sequence[Mention], article_text: str
) -> str | None:
    """The one person named before a colon that opens the quote: '<Name> hält die Schätzung für zu
    optimistisch: „…“', 'Was <Name> zu Kritik veranlasst: „…“' had no speaker (no verb of saying)."""
    before = text[: quote[0]].rstrip(" „“”\"»«‚‘'")
    if not before.endswith(":"):
        return None
    colon = sentence.start + len(before)
    people = {
        m.key
        for m in own
        if m.type == "PER" and m.end <= colon and not _named_as_object(article_text, m.start, m.end)
    }
    return people.pop() if len(people) == 1 else None


# Words before a name that make it the object of the clause, not who speaks: "The club's notice
# lashed out at <Name>, saying: …", "Kritik an <Name>: …". "by" and "von" are left out: "a
# statement by <Name>:" names the speaker.
_OBJECT_PREPOSITIONS = frozenset(
    {
        "on", "to", "about", "against", "for", "with", "at", "into", "over", "of", "from", "toward",
        "towards", "gegen", "über", "an", "auf", "für", "mit", "um", "gegenüber",
    }
)  # fmt: skip
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _named_as_object(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a possessive ("<Name>'s editor") or the object of a
    preposition ("lashed out at <Name>"): then the quote after the colon is not that person's."""
    if text[end : end + 2] in ("'s", "’s") or text[end : end + 1] in ("'", "’"):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).casefold() in _OBJECT_PREPOSITIONS


def _speaker_between(text: str, end: int, found: tuple[str, int, int] | None, lang: str) -> bool:
    """The speaker found stands between a short quotation that ends at ``end`` and its speech verb,
    however long its phrase: '"We will appeal," a spokesman for the port authority said.' (four
    words were allowed there, so a short quote with a longer speaker was no quote). The quotation ends
    an attribution's way, with a comma, "!" or "?" ("von „gut gelüfteten“ Räumen betont" is a word
    in quotation marks before a participle)."""
    if found is None or found[1] < end:
        return False
    between = text[end : found[1]]
    if text[end - 1 : end] not in (",", "!", "?") and "," not in between:
        return False
    verb = rf"(?:{SPEECH}|{ATTRIBUTION_WORDS[lang].speech})" if lang in ROMANCE else SPEECH
    return bool(
        re.fullmatch(r"[“”\"«»‘’']?\s*,?\s*[“”\"«»‘’']?\s*", between)
        and re.match(rf"\s*{ADVERB_EN}{verb}\b", text[found[2] :])
    )


# A quoted name after an article or a preposition, after the speaker and before the verb, is part of
# the speaker's noun phrase, nobody's words: in '<Name>, Vorsitzende des „<Verein>“, fordert …' the
# comma before the verb closes an apposition, and the name was read as a quote of the speaker's.
# Where the speaker follows the verb ('Der Umbau sei der „wichtigste Auftrag“, sagte <Name>') the words
# are the speaker's. Our own word list.
_IN_A_NOUN_PHRASE = re.compile(
    r"\b(?i:des|der|die|das|dem|den|eines|einer|einem|von|vom|im|am|beim|zum|zur|the|of|a|an)\s*[„“”\"»«‚‘']$"
)


def _named_in_the_speakers_phrase(
    text: str, start: int, end: int, found: tuple[str, int, int] | None
) -> bool:
    return (
        found is not None
        and found[2] <= start
        and looks_like_name(text[start:end])
        and bool(_IN_A_NOUN_PHRASE.search(text, max(0, start - 40), start))
    )


def _adjacent_to_speech(text: str, start: int, end: int, *, name: bool = False, lang: str = "de") -> bool:
    """A short quotation directly followed or preceded by a speech verb (`„Nein“, sagte er`).

    A quoted name needs the comma of an attribution before the verb: in 'Die Initiative „<Name>“
    fordert …' the name is the verb's subject, and the sentence was tagged a quote with no speaker."""
    after = text[end : end + 40]
    before = text[max(0, start - 40) : start]
    verb = rf"(?:{SPEECH}|{ATTRIBUTION_WORDS[lang].speech}|so)" if lang in ROMANCE else rf"(?:{SPEECH}|so)"
    if name:
        closed = text[end - 1 : end] in (",", "!", "?")  # „Brücke jetzt!“ sagte …
        attribution = r"[“”\"«»‘’']?\s*[,:]?\s*" if closed else r"[“”\"«»‘’']?\s*[,:]\s*"
    else:
        attribution = r"[“”\"«»‘’']?[,.!?]?\s*[,:]?\s*"
    # '"No comment," a police spokesman told reporters.': the speaker between the comma and the verb
    # (up to four words)
    if text[end - 1 : end] in (",", "!", "?") or re.match(r"^[“”\"«»‘’']?\s*,", after):
        attribution += r"(?:[\w\-’']+\s+){0,4}?"
    return bool(re.match(rf"^{attribution}{verb}\b", after) or re.search(rf"\b{verb}\s*:\s*\W?$", before))
