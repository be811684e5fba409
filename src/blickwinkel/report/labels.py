"""How every view names an article's outlet and links to a statement (terminal, HTML report and web),
marks an article behind a paywall, and what it notes of a comparison (groups that share no fact,
articles in a language the analysis reads only thinly, very many articles)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from blickwinkel.errors import Errors
from blickwinkel.model import (
    AnalysedArticle,
    Article,
    Comparison,
    Fact,
    Link,
    Quantity,
    Statement,
    Voice,
    VoiceInArticle,
    VoiceInFact,
)
from blickwinkel.report.texts import TEXTS, counted, counted_in, texts

UNKNOWN_OUTLET = TEXTS["en"]["outlet_unknown"]
"""What views say of an article that names no outlet: a plain text file names none (a front matter
``outlet:`` line, a record's ``outlet`` or the host of its ``url`` give one). No outlet is made up for
it (a folder's name is as often the story's as the outlet's), so its label is its own id, which is its
file's name, and says the outlet is unknown."""


def unnamed_outlet(article: Article, language: str = "en") -> str:
    """The label of an article that names no outlet: "ferry-report (outlet unknown)". Labelled by its
    id alone, it read as an outlet called "ferry-report"; `stories` said "outlets: –". In
    ``language`` (a web page's; English unless given)."""
    return f"{article.id} ({texts(language)['outlet_unknown']})"


def outlet_labels(
    articles: Iterable[Article], *, untitled: Callable[[Article], str] = unnamed_outlet
) -> dict[str, str]:
    """A label per article id: its outlet, with the article id added when two articles share the
    outlet; ``untitled(article)`` (:func:`unnamed_outlet` unless given) when it names no outlet."""
    items = list(articles)
    counts = Counter(a.outlet for a in items if a.outlet)
    return {
        a.id: (a.outlet if counts[a.outlet] == 1 else f"{a.outlet} ({a.id})") if a.outlet else untitled(a)
        for a in items
    }


PAYWALL_MARK = TEXTS["en"]["paywall_mark"]
"""Beside an article read from a page behind a paywall (``Article.paywalled``): the comparison holds
only the part the site gives away, so what it "leaves out" may stand behind the paywall. The JSON
said so (``paywalled``); the terminal and HTML reports did not."""


def article_marks(article: Article, language: str = "en") -> tuple[str, ...]:
    """What every view says beside an article about how much of it was read (in ``language``, the
    web page's; English unless given)."""
    return (texts(language)["paywall_mark"],) if article.paywalled else ()


MANY_ARTICLES = 50
"""More articles than this in one comparison are named in a note: its time grows with their number
(bench/compare.py: 50 articles took 18.9 s warm on an idle machine) and its lists with it."""


def opinion_not_read(analysed: AnalysedArticle, language: str = "en") -> str | None:
    """Said beside an article in whose language no opinion is scored (Italian, Portuguese, Dutch …:
    ``analyse.subjectivity.reads_opinion``), or None. Such an article was shown as a "report" with
    no subjective statement, as if its opinion had been read and none found. In ``language`` (the
    page's: "de" or English)."""
    if analysed.subjective_share is not None or analysed.genre is not None:
        return None
    code = (analysed.article.language or "?").lower()[:2]
    return texts(language)["opinion_not_read"].format(language=code)


def negation_value(negated: bool, language: str = "en") -> str:
    """A negation conflict's value on one side (its JSON value is true where the statement is
    negated) as a reader says it, in ``language`` (the page's: "de" or English). The web page
    showed "True" and "False"."""
    return texts(language)["negated" if negated else "not_negated"]


def many_articles_note(count: int, language: str = "en") -> str | None:
    """The note on a comparison of more than :data:`MANY_ARTICLES` articles (a story the clusterer
    grew that large), or None; in ``language`` (the page's: "de" or English)."""
    if count <= MANY_ARTICLES:
        return None
    return texts(language)["many_articles_note"].format(count=count, limit=MANY_ARTICLES)


def story_outlets(outlets: Iterable[str], unnamed: int, language: str = "en") -> str:
    """A story's outlets as a listing names them, with the articles that name none counted:
    "Kurier Ost, Tagesblatt", "Kurier Ost and 2 articles of unknown outlet", "unknown (3 articles name
    none)" (German: "Kurier Ost und 2 Artikel ohne Medium"). A story of text files read "outlets: –", as
    if its articles had no source at all."""
    named = ", ".join(outlets)
    if not unnamed:
        return named or "–"
    words, count = texts(language), counted_in(unnamed, "articles", language)
    if not named:
        verb = words["names_none_one" if unnamed == 1 else "names_none"]
        return words["unknown_outlets_only"].format(count=count, verb=verb)
    return words["and_unknown_outlets"].format(named=named, count=count)


def unnamed_outlets_note(sources: Sequence[str]) -> str | None:
    """The hint, once per run, for the articles read from ``sources`` that name no outlet: where an
    outlet can be given."""
    if not sources:
        return None
    shown = ", ".join(sources[:3]) + (f" and {len(sources) - 3} more" if len(sources) > 3 else "")
    return (
        f"{shown}: {counted(len(sources), 'article')} {'names' if len(sources) == 1 else 'name'} no outlet; "
        "give it in a front matter block (an 'outlet: Name' line between '---' lines at the top of the "
        "file) or as a JSON record's 'outlet' or 'url'"
    )


_FOLDED = str.maketrans("äöüÄÖÜ", "aouAOU")


def quantity_shown(quantity: Quantity, language: str = "en") -> str:
    """How the terminal shows a quantity beside its statement: its label (:meth:`Quantity.label`: "2
    million EUR" for "zwei Millionen Euro") with the counted noun as the article writes it. The label
    names the noun by its lemma, so "230 passengers" read "230 passenger" and "20 bis 30 Busse" "20–30
    Bus"; the noun is the text's last word when that word begins as the lemma does (umlauts aside:
    "Bäume" for "Baum"), else the lemma stays (a code such as "EUR" for "Euro", "%" for "Prozent").
    In German its figure is written as German writes it: "2,5 Millionen", not "2.5 million"."""
    label, unit = _german_figure(quantity.label()) if language == "de" else quantity.label(), quantity.unit
    if not unit or not label.endswith(" " + unit):
        return label
    written = re.findall(r"[^\W\d_]+", quantity.text)
    if not written:
        return label
    noun: str = written[-1]
    stem = min(3, len(unit))
    if noun.lower().translate(_FOLDED)[:stem] != unit.lower().translate(_FOLDED)[:stem]:
        return label
    return label[: -len(unit)] + noun


# The scale words of a quantity's label (model.py ``_SCALES``) in German, for one and for more.
_SCALES_DE = {
    "million": ("Million", "Millionen"),
    "billion": ("Milliarde", "Milliarden"),
    "trillion": ("Billion", "Billionen"),
}
_SCALED = re.compile(
    r"(?P<figure>\d+(?:\.\d+)?)(?:–(?P<upper>\d+(?:\.\d+)?))? (?P<scale>million|billion|trillion)\b"
)


def _german_figure(label: str) -> str:
    """A quantity's label with German figures: a decimal comma and German scale words ("2.5 million
    EUR" → "2,5 Millionen EUR", "1 million" → "1 Million", "34 to 12" → "34 zu 12", "12500" → "12.500")."""

    def scaled(m: re.Match[str]) -> str:
        one, many = _SCALES_DE[m["scale"]]
        word = one if m.group().startswith("1 ") else many
        return f"{m['figure']}{'–' + m['upper'] if m['upper'] else ''} {word}"

    german = re.sub(r"(?<=\d) to (?=\d)", " zu ", _SCALED.sub(scaled, label))  # a tally: "34 zu 12"
    german = re.sub(r"(?<=\d)\.(?=\d)", ",", german)
    # thousands marked from five digits, as German papers print them ("12.500"; "3000" stays)
    return re.sub(r"(?<![\d,])\d{5,}", lambda m: f"{int(m.group()):,}".replace(",", "."), german)


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_shown(value: dt.date | str, language: str = "en") -> str:
    """A day as a reader of ``language`` writes it: ISO in English, as the JSON has it ("2025-03-11"),
    day.month.year in German ("11.03.2025"); a month or a year alone ("2025-03", "2025") as it is."""
    text = value.isoformat() if isinstance(value, dt.date) else value
    day = _ISO_DAY.fullmatch(text)
    return f"{day[3]}.{day[2]}.{day[1]}" if language == "de" and day else text


def german_days(text: str) -> str:
    """Every ISO day in ``text`` written as German writes it ("(2025-03-10)" → "(10.03.2025)")."""
    return _ISO_DAY.sub(lambda day: f"{day[3]}.{day[2]}.{day[1]}", text)


def idsafe(value: str) -> str:
    """An id attribute value: HTML ids may hold anything but whitespace."""
    return re.sub(r"\s", "_", value)


def split_at_span(statement: Statement, span: tuple[int, int]) -> tuple[str, str, str] | None:
    """A statement's text before, at and after a span (article offsets), to mark a conflict's value;
    None when the span does not lie inside the statement."""
    start, end = span[0] - statement.start, span[1] - statement.start
    if not 0 <= start < end <= len(statement.text):
        return None
    return statement.text[:start], statement.text[start:end], statement.text[end:]


def statement_anchor(statement_id: str) -> str:
    """The HTML id of a statement's span (``#st-…`` links to it)."""
    return "st-" + idsafe(statement_id)


# A value a conflict reason quotes (Python's repr of a string): opens after a space or a bracket and
# closes before one (or a colon: "share of the same '…': …"), so the apostrophe of "Berg's" opens nothing.
QUOTED_VALUE = re.compile(r"""(?<![^\s(])(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")(?=[\s),;:]|$)""")


def labelled_reason(reason: str, labels: Mapping[str, str]) -> str:
    """A conflict's reason with each article id the view labels shown by its label ("in a0" becomes
    "in A"); ids inside the quoted values are left as they are."""
    if not labels:
        return reason
    ids = "|".join(re.escape(aid) for aid in sorted(labels, key=len, reverse=True))
    article = re.compile(rf"(?<![\w'\"#-])(?:{ids})(?![\w'\"#-])")
    out, at = [], 0
    for quoted in QUOTED_VALUE.finditer(reason):
        out.append(article.sub(lambda m: labels[m.group()], reason[at : quoted.start()]))
        out.append(quoted.group())
        at = quoted.end()
    out.append(article.sub(lambda m: labels[m.group()], reason[at:]))
    return "".join(out)


def strongest_links(links: Iterable[Link]) -> dict[str, Link]:
    """The strongest link of each linked statement."""
    best: dict[str, Link] = {}
    for link in links:
        for sid in (link.a, link.b):
            if sid not in best or link.score > best[sid].score:
                best[sid] = link
    return best


def restatements_in_facts(facts: Iterable[Fact], links: Iterable[Link]) -> frozenset[str]:
    """The statements that stand in their fact as a restatement of another statement of their own
    article: linked to no other statement of the fact (a fact joins statements by links and by an
    article's own restatements, nothing else). A fact of one article holds several statements only
    as restatements; a fact of several articles whose statements no link joins comes without its
    links (a comparison read back without them) and says nothing."""
    linked: dict[str, set[str]] = {}
    for link in links:
        linked.setdefault(link.a, set()).add(link.b)
        linked.setdefault(link.b, set()).add(link.a)
    out: set[str] = set()
    for fact in facts:
        if len(fact.statements) < 2:
            continue
        members = set(fact.statements)
        alone = {sid for sid in fact.statements if not linked.get(sid, set()) & members}
        if len(fact.articles) == 1 or len(alone) < len(members):
            out |= alone
    return frozenset(out)


def comparison_labels(comparison: Comparison, language: str = "en") -> dict[str, str]:
    """The articles' labels as a report or note in ``language`` names them (an article of no outlet:
    "ferry-report (Medium unbekannt)" in German)."""
    return outlet_labels(
        (a.article for a in comparison.articles), untitled=lambda article: unnamed_outlet(article, language)
    )


def unread_heading(comparison: Comparison, language: str = "en") -> str | None:
    """The line above the inputs the comparison left out because they could not be read
    (:attr:`Comparison.unread`), or None when every input was read. The terminal and the HTML report
    name each input under it with its message; a saved report lost them (they were only printed on
    standard error)."""
    return unread_count_heading(len(comparison.unread), language)


def unread_count_heading(count: int, language: str = "en", heading: str = "unread_heading") -> str | None:
    """The line above ``count`` inputs a comparison (or, with ``heading`` "stories_unread_heading",
    a listing of stories) left out because they could not be read; None for none."""
    if not count:
        return None
    return texts(language)[heading].format(inputs=counted_in(count, "unread_inputs", language))


def separate_events_note(comparison: Comparison, language: str = "en") -> str | None:
    """The groups of articles that share no fact with each other and that the story model scores as
    different events (:attr:`Comparison.different_events`, compare/events.py), or None. Articles of
    two events given to one comparison gave shared facts, omissions and "left out" lists of each
    event against the other without a word. In ``language`` (the page's: "de" or English)."""
    if len(comparison.different_events) < 2:
        return None
    names = comparison_labels(comparison, language)
    shown = " | ".join(", ".join(names.get(i, i) for i in group) for group in comparison.different_events)
    return texts(language)["separate_events_note"].format(groups=shown)


def thin_languages_note(comparison: Comparison, language: str = "en") -> str | None:
    """What the comparison could not read in articles of languages read thinly (``analyse.readers``),
    or None when there are none. A Polish or Turkish pair was compared with no word of it: the names
    came out in each grammatical case, no speaker was found and no opinion was read. In ``language``
    (the page's: "de" or English)."""
    from blickwinkel.analyse.readers import READERS, unread

    names = comparison_labels(comparison, language)
    by_language: dict[str, list[str]] = {}
    texts_of: dict[str, list[str]] = {}  # to tell a script without capitals
    for a in comparison.articles:
        code = (a.article.language or "").lower()[:2]
        if code and unread(code):
            by_language.setdefault(code, []).append(names[a.article.id])
            texts_of.setdefault(code, []).append(getattr(a.article, "text", ""))
    if not by_language:
        return None
    who = "; ".join(f"{', '.join(names)} ({code})" for code, names in sorted(by_language.items()))
    by_gap: dict[tuple[tuple[str, ...], bool], list[str]] = {}
    for code in sorted(by_language):
        by_gap.setdefault((unread(code), _without_capitals(texts_of.get(code, []))), []).append(code)
    german = language == "de"
    words = texts(language)
    parts = []
    for (gap, caseless), languages in by_gap.items():
        codes = ", ".join(languages)
        if len(gap) == len(READERS):
            key = "thin_unread_caseless" if caseless else "thin_unread_by_capitals"
            parts.append(words[key].format(codes=codes, rest=words["thin_unread_rest"]))
        else:
            readers = _listed([_READERS_DE[g] for g in gap] if german else list(gap), words["thin_and_no"])
            if caseless:  # Arabic reads counts since the eighteenth session: its names are still guessed
                rest = words["thin_reads_no"].format(readers=readers)
                parts.append(words["thin_unread_caseless"].format(codes=codes, rest=rest))
            else:
                parts.append(words["thin_articles_get_no"].format(codes=codes, readers=readers))
    return words["thin_languages_note"].format(
        who=who, languages=_thin_languages(german=german), parts="; ".join(parts)
    )


# The readers (``analyse.readers.READERS``) as a German note names them.
_READERS_DE = {
    "speakers": "Sprecher",
    "dates": "Daten",
    "counts or amounts": "Anzahlen oder Beträge",
    "opinion": "Meinung",
}


def _without_capitals(texts: Sequence[str]) -> bool:
    """Whether these texts are written in a script without capitals (Arabic, Hebrew, Chinese, …): most
    of their letters are neither capital nor small. False when there is no text to tell by."""
    letters = [c for text in texts for c in text if c.isalpha()]
    cased = sum(c.isupper() or c.islower() for c in letters)
    return bool(letters) and cased * 2 < len(letters)


def _listed(items: Sequence[str], joiner: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {joiner} {items[-1]}"


def _thin_languages(*, german: bool = False) -> str:
    """The languages read besides German and English, by name ("French, Spanish and Italian";
    "Französisch, Spanisch und Italienisch" with ``german``)."""
    from blickwinkel.analyse.readers import reads

    names = {
        "fr": ("French", "Französisch"),
        "es": ("Spanish", "Spanisch"),
        "it": ("Italian", "Italienisch"),
        "pt": ("Portuguese", "Portugiesisch"),
        "nl": ("Dutch", "Niederländisch"),
    }
    return _listed(
        [pair[1] if german else pair[0] for code, pair in names.items() if reads(code)],
        "und" if german else "and",
    )


# The readers' note on a paywalled page (I062, ``ingest/html.py``) as a German page says it; the other
# readers' notes name a problem of the input by its id in the error table, which is English everywhere
# (as on the command line), and stay as they are.
# The id is read from the table (no id is written outside errors.py), and the count of words
# read is kept from the English note.
_PAYWALL_NOTE_ID = Errors.I062.partition(" ")[0]
_PAYWALL_WORDS = re.compile(r"\((\d[\d,.]*) words\)")
_PAYWALL_NOTE_DE = (
    "eine Seite hinter einer Bezahlschranke: nur der frei lesbare Teil wurde gelesen{words}; als Abonnent "
    "gespeichert oder als Text gegeben wird der ganze Artikel verglichen"
)


def _reader_note(note: str, language: str) -> str:
    where, found, problem = note.partition(_PAYWALL_NOTE_ID)
    if language != "de" or not found:
        return note
    words = _PAYWALL_WORDS.search(problem)
    counted = f" ({words[1]} Wörter)" if words else ""
    return f"{where}{_PAYWALL_NOTE_DE.format(words=counted)} ({_PAYWALL_NOTE_ID[1:-1]})"


def comparison_notes(
    articles: Iterable[Article], comparison: Comparison | None, language: str = "en"
) -> tuple[str, ...]:
    """What to know before reading a comparison, once each: groups of articles that share no fact,
    languages read thinly, very many articles, and what the readers noticed in the articles
    (``Article.notes``). The terminal prints them as warnings; the HTML report and the web pages
    showed none of them. In ``language``, the page's ("de" or English): a German web page showed
    them in English."""
    items = list(articles)
    own = (
        ()
        if comparison is None
        else (separate_events_note(comparison, language), thin_languages_note(comparison, language))
    )
    notes = [
        *own,
        many_articles_note(len(items), language),
        *(_reader_note(note, language) for article in items for note in article.notes),
    ]
    return tuple(dict.fromkeys(note for note in notes if note))


def voice_count(found: VoiceInArticle, language: str = "en") -> str:
    """How one article gives a speaker: "2 quoted, 1 reported" (German: "2 wörtlich, 1 indirekt")."""
    words = texts(language)
    return ", ".join(
        f"{n} {words[key]}"
        for n, key in ((found.quotes, "voice_quoted"), (found.reported, "voice_reported"))
        if n
    )


def voice_only(voice: Voice, labels: Mapping[str, str], language: str = "en") -> str | None:
    """ "only B quotes them" (German "nur in B") for a speaker one article alone quotes, else None."""
    if len(voice.articles) != 1:
        return None
    aid = voice.articles[0].article
    return texts(language)["voice_only"].format(who=labels.get(aid, aid))


def voice_counts(voice: Voice, labels: Mapping[str, str], language: str = "en") -> str:
    """What each article gives of a speaker: "A 2 quoted, 1 reported · B 1 quoted"; for a speaker
    only one article quotes, it says so: "only B quotes them: 1 reported". In ``language`` ("de" or
    English). The one wording of the terminal report, the HTML report and the web's story page."""
    only = voice_only(voice, labels, language)
    if only is not None:
        return f"{only}: {voice_count(voice.articles[0], language)}"
    return " · ".join(
        f"{labels.get(a.article, a.article)} {voice_count(a, language)}" for a in voice.articles
    )


def voice_wording(fact: VoiceInFact, labels: Mapping[str, str], language: str = "en") -> str:
    """Whether the articles of a fact give a speaker's words alike: "same words in A and B", "worded
    differently in A, B and C (same words in A and B)", "quoted in A, only reported in B", "reported in
    A and B"; and the articles that report the fact without the speaker: "reported in A, without them
    in B and C". In ``language`` ("de" or English)."""
    words = texts(language)

    def who(ids: Sequence[str]) -> str:
        return _listed([labels.get(a, a) for a in ids], words["and"])

    if fact.wording == "different" and fact.same_words:
        alike = ", ".join(words["voice_same"].format(who=who(g)) for g in fact.same_words)
        parts = [f"{words['voice_different'].format(who=who(fact.quoted))} ({alike})"]
    elif fact.wording is not None:
        parts = [words["voice_" + fact.wording].format(who=who(fact.quoted))]
    elif fact.quoted:
        parts = [words["voice_quoted_in"].format(who=who(fact.quoted))]
    else:
        parts = [words["voice_reported_in"].format(who=who(fact.reported))]
    if fact.quoted and fact.reported:
        parts.append(words["voice_only_reported"].format(who=who(fact.reported)))
    if fact.without:
        parts.append(words["voice_without"].format(who=who(fact.without)))
    return ", ".join(parts)
