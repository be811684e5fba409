"""Entity keys: one key per entity within an article, and the same key across the articles compared.

A person's key is the slug of the longest form of the name (``per:karim-yunus-al-mansar``); a
shorter mention joins it when its name parts are a subset ending in the same surname ("al-Mansar",
"Mansar", "Karim al-Mansar"), also in the genitive ("Mansars Plan", "al-Mansar's"); a title
before the name is no part of it, also inflected ("des Ministers Müller"). Places carry their
gazetteer key (``loc:iq`` for "Irak" and "Iraq"), so they already agree across languages; other
names get ``<type>:<slug>``, one per name whatever the case ending of a German adjective opening it
("Alte Brücke", "der Alten Brücke").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from blickwinkel.analyse.gazetteer import (
    NAME_PARTICLES,
    NAME_PREFIXES,
    POST_NOMINALS,
    given_names,
    is_inflected_title,
    is_title,
    one_spelling,
    organisations,
    places,
    slug,
)
from blickwinkel.model import Mention

_PARTICLE_SLUGS = frozenset(slug(p) for p in NAME_PARTICLES) | {
    slug(p) for p in NAME_PREFIXES
}  # "al", "el", "von", "bin" ...


# Articles that may open a role written before a name in French, English or German.
_ARTICLES = frozenset({"le", "la", "les", "l'", "the", "der", "die", "das"})


def _title(word: str) -> bool:
    return is_title(word) or is_inflected_title(word)


def _lowercase_role(word: str) -> bool:
    """A lowercase word before a name: a role ("capitaine") or article ("le"); particles such as
    "von" add nothing to a key either, but a prefix such as "al-" starts the name."""
    return word[:1].islower() and not word.startswith(NAME_PREFIXES)


def _place_owner(words: Sequence[str], given: frozenset[str]) -> bool:
    """The first of ``words`` is a German genitive of a known place before at least two more words:
    "Hamburgs Ole Brandt" (the tagger's one person) is Ole Brandt, not a person "Hamburgs Ole"."""
    first = words[0]
    return (
        len(words) > 2
        and first.endswith("s")
        and first not in given
        and places().get((first,)) is None  # "Paris" is no genitive of "Pari"
        and places().get((first[:-1],)) is not None
    )


def name_parts(name: str) -> tuple[str, ...]:
    """Slugs of a name's parts without particles, titles or roles: "Karim Yunus al-Mansar" →
    (karim, yunus, mansar); "Ms. Anna Berg", "Frau Dr. Anna Berg" and "Mme Anna Berg" → (anna, berg).

    Slugs are casefolded and accent-folded, so "Léa Dubois" and "Lea Dubois" share a key."""
    words = name.split()
    if (
        len(words) > 2
        and words[0].casefold() in _ARTICLES
        and (_title(words[1]) or _lowercase_role(words[1]))
    ):
        words.pop(0)  # "Le président Emmanuel Macron"; "Le Pen" keeps its "Le"
    while words and (_title(words[0]) or _lowercase_role(words[0]) or _place_owner(words, given_names())):
        words.pop(0)  # titles and roles come first: "Frau Dr. Anna Berg", "le capitaine Jan Berger"
    # A title after other words of a longer one ends it: "Prime Minister Boris Johnson", "Labour MP
    # Sarah Cole", "Police Lt Col Somchai Rattanakul". The last word is never a title here ("Martin
    # Luther King").
    # Nor does a title after a given name ("Yves Saint Laurent").
    given = next((i for i, word in enumerate(words) if word in given_names()), len(words))
    last = max((i for i, word in enumerate(words[: min(given, len(words) - 1)]) if _title(word)), default=-1)
    words = words[last + 1 :]
    while words and words[-1].rstrip(".").casefold() in POST_NOMINALS:
        words.pop()  # "Sarah Cole MP"
    parts: list[str] = []
    for word in words:
        prefix = next((p for p in NAME_PREFIXES if word.startswith(p) and len(word) > len(p)), "")
        part = slug(word[len(prefix) :])
        if part and part not in _PARTICLE_SLUGS:
            parts.append(part)
    return tuple(parts)


def _joins(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` names the same person as ``full``: same surname, and every part occurs in ``full``."""
    return bool(short) and len(short) < len(full) and short[-1] == full[-1] and set(short) <= set(full)


def _person_keys(names: Sequence[str]) -> dict[str, str]:
    """Map each person-name form to the key of the longest form it joins (unambiguously)."""
    forms = sorted(set(names), key=lambda n: (-len(name_parts(n)), n))
    keys: dict[str, str] = {}
    full_forms: list[tuple[tuple[str, ...], str]] = []
    for name in forms:
        parts = name_parts(name)
        candidates = {key for full, key in full_forms if _joins(parts, full)}
        if len(candidates) == 1:
            keys[name] = candidates.pop()
            continue
        key = "per:" + ("-".join(parts) or slug(name))
        same = [k for full, k in full_forms if full == parts]
        keys[name] = same[0] if same else key
        full_forms.append((parts, keys[name]))
    # A name in the genitive ("Bergs Plan", "Berg's plan") joins the one person of that surname.
    for name in forms:
        target = _genitive_target(name_parts(name), keys[name], full_forms)
        if target is not None:
            keys.update({n: target for n, k in keys.items() if k == keys[name]})
    return keys


def _without_genitive(parts: tuple[str, ...]) -> tuple[str, ...] | None:
    """The name parts without a genitive ending on the surname ("bergs", "berg-s" of "Berg's")."""
    last = parts[-1] if parts else ""
    for ending in ("-s", "s"):
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            return (*parts[:-1], last[: -len(ending)])
    return None


def _genitive_target(
    parts: tuple[str, ...], own: str, others: Sequence[tuple[tuple[str, ...], str]]
) -> str | None:
    """The key of the one other person whose name ``parts`` give in the genitive; None when no
    other name ends in that surname, when two do, or when another name ends in the word as written
    (a surname that ends in s: "Niels")."""
    stem = _without_genitive(parts)
    if stem is None or any(full[-1:] == parts[-1:] and full != parts for full, _ in others):
        return None
    targets = {key for full, key in others if key != own and (full == stem or _joins(stem, full))}
    return targets.pop() if len(targets) == 1 else None


def _default_key(mention: Mention) -> str:
    return f"{mention.type.lower()}:{one_spelling(slug(mention.text))}"


def assign_keys(sentences: Sequence[Sequence[tuple[Mention, str | None]]]) -> list[tuple[Mention, ...]]:
    """Give every mention its within-article key; a given key (from a gazetteer) is kept."""
    people = _person_keys([m.text for sentence in sentences for m, _ in sentence if m.type == "PER"])
    result: list[tuple[Mention, ...]] = []
    for sentence in sentences:
        keyed: list[Mention] = []
        for mention, given in sentence:
            if given:
                key = given
            elif mention.type == "PER":
                key = people[mention.text]
            else:
                key = _default_key(mention)
            keyed.append(replace(mention, key=key))
        result.append(tuple(keyed))
    return result


# Two spellings of one name part across languages ("Wladimir"/"Vladimir", "Putin"/"Poutine",
# "Selenskyj"/"Zelensky") are alike in at least this share of their letters (difflib ratio). Set by
# hand for a transliteration that changes a letter or two, not measured on any data set.
TRANSLITERATION_MIN_RATIO = 0.75


def unify_entity_keys(
    per_article: Sequence[Sequence[tuple[Mention, ...]]],
    languages: Sequence[str | None] | None = None,
    *,
    one_story: bool = False,
) -> list[list[tuple[Mention, ...]]]:
    """Give one entity the same key in every article: a surname-only key joins a full name's key,
    and with ``languages`` (one per article) a person's name spelled the way another language
    spells it ("Wladimir Putin", "Vladimir Putin", "Vladimir Poutine") joins one key. With
    ``one_story`` (the articles report one story: a comparison), a surname misspelt by one letter
    joins the other spelling (:func:`_misspelt_surnames`)."""
    person_keys = {
        m.key for article in per_article for sentence in article for m in sentence if m.type == "PER"
    }
    spelling = _spelling_variants(per_article, languages) if languages is not None else {}
    parts = {key: _key_parts(key) for key in person_keys if key not in spelling}
    mapping: dict[str, str] = dict(spelling)
    for key, key_parts in parts.items():
        longer = {other for other, other_parts in parts.items() if _joins(key_parts, other_parts)}
        # only the longest names are targets, so "mansar" → "karim-yunus-mansar", not "yunus-mansar"
        maximal = {k for k in longer if not any(_joins(parts[k], parts[o]) for o in longer)}
        if len(maximal) == 1:
            mapping[key] = maximal.pop()
    mapping.update(_adjective_forms(per_article))
    for short, long in _acronyms(per_article).items():
        mapping.setdefault(short, mapping.get(long, long))
    joined = [(key_parts, mapping.get(key, key)) for key, key_parts in parts.items()]
    for key, key_parts in parts.items():
        if key not in mapping:
            target = _genitive_target(key_parts, key, joined)
            if target is not None:
                mapping[key] = target
    if one_story:
        for key, target in _misspelt_surnames(per_article, mapping).items():
            mapping.update({k: target for k, v in mapping.items() if v == key})
            mapping[key] = target
    return [
        [tuple(replace(m, key=mapping.get(m.key, m.key)) for m in sentence) for sentence in article]
        for article in per_article
    ]


# Two spellings of one name ("Organisation"/"Organization", "Rattanakul"/"Ratanakul") are alike in at
# least this share of their letters (difflib ratio); two different names of people rarely are. Set by
# hand for a letter or two in a ten-letter name, then checked on the tuning half of the gold. Read by
# the comparison too (compare/actors.py: two names in one role, two speakers of one quote).
NAME_VARIANT_MIN_RATIO = 0.8


# A surname misspelt in one article of a story ("Kowalsky" for "Kowalski") kept two keys, and the one
# person two rows in every table. Joined only where a slip of one letter is much likelier than a
# second person: surnames of at least this many letters, one edit apart (a letter changed, added or
# dropped), the same first letter, first names that agree where both give one and at least one
# giving one, and never two names of one sentence ("Anna Schmid and Anna Schmidt" are two people).
# Short surnames are left apart: "Meier" and "Meyer", "Maier" and "Mayer" are common names of
# different families, and so would be pairs of bare surnames ("Schmid", "Schmidt"). Our own rule.
MIN_MISSPELT_SURNAME = 6


def _misspelt_surnames(
    per_article: Sequence[Sequence[tuple[Mention, ...]]], mapping: dict[str, str]
) -> dict[str, str]:
    """Person keys (after ``mapping``) whose surname is a one-letter slip of another key's, mapped to
    the spelling the story uses more often (see MIN_MISSPELT_SURNAME)."""
    counts: Counter[str] = Counter()
    together: set[tuple[str, str]] = set()
    for article in per_article:
        for sentence in article:
            keys = {mapping.get(m.key, m.key) for m in sentence if m.type == "PER"}
            counts.update(mapping.get(m.key, m.key) for m in sentence if m.type == "PER")
            together.update((a, b) for a in keys for b in keys if a != b)
    split = {key: _key_parts(key) for key in counts if key.startswith("per:")}
    ranked = sorted((k for k in split if split[k]), key=lambda k: (-counts[k], -len(split[k]), k))
    result: dict[str, str] = {}
    for n, key in enumerate(ranked):
        if key in result:
            continue
        for other in ranked[n + 1 :]:
            if other not in result and (key, other) not in together and _one_slip(split[key], split[other]):
                result[other] = key
    return result


def _key_parts(key: str) -> tuple[str, ...]:
    """The parts of a person's key without its type and name particles: ``per:karim-al-mansar`` →
    ``("karim", "mansar")``."""
    return tuple(p for p in key.split(":", 1)[-1].split("-") if p and p not in _PARTICLE_SLUGS)


def surname_spelled_apart(x: str, y: str) -> bool:
    """Whether two person keys name one person with the surname spelled two ways: the first names
    agree (where both give them, and at least one does), the surnames differ but are alike in
    ``NAME_VARIANT_MIN_RATIO`` of their letters (``per:warrick-brannigar``, ``per:warrick-branigar``).
    Two speakers of one quote so named are one person (``compare/actors.py``); joining two keys
    everywhere asks more of them (:func:`_one_slip`)."""
    return _spelled_apart(_key_parts(x), _key_parts(y))


def _spelled_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    first_a, first_b = a[:-1], b[:-1]
    if not (first_a or first_b) or (first_a and first_b and first_a != first_b):
        return False
    x, y = a[-1], b[-1]
    return x != y and SequenceMatcher(None, x, y).ratio() >= NAME_VARIANT_MIN_RATIO


def _one_slip(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names of one person but for a slip of one letter in the surname (their last parts): two
    spellings (:func:`_spelled_apart`) one letter apart, of at least MIN_MISSPELT_SURNAME letters, with
    the same first letter."""
    x, y = a[-1:], b[-1:]
    return (
        _spelled_apart(a, b)
        and min(len(x[0]), len(y[0])) >= MIN_MISSPELT_SURNAME
        and x[0][0] == y[0][0]
        and _one_edit(x[0], y[0])
    )


def _one_edit(x: str, y: str) -> bool:
    """Whether ``y`` is ``x`` with one letter changed, added or dropped."""
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y, strict=True)) == 1
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# Case endings of a German adjective that opens a name: "Alte Brücke", "der Alten Brücke", "Neuer
# Markt", "am Neuen Markt", "Vereinigte/Vereinigten Staaten".
_ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")


def _uninflected(key: str) -> str | None:
    """The slug of a name of two or more words without the case ending of its first word
    (``loc:alten-brucke`` → ``alt-brucke``); None for a name of one word."""
    words = key.split(":", 1)[-1].split("-")
    if len(words) < 2:
        return None
    first = words[0]
    for ending in _ADJECTIVE_ENDINGS:
        if first.endswith(ending) and len(first) - len(ending) >= 3:
            first = first[: -len(ending)]
            break
    return "-".join((first, *words[1:]))


def _adjective_forms(per_article: Sequence[Sequence[tuple[Mention, ...]]]) -> dict[str, str]:
    """Keys of names other than people's that differ only in the case ending of a German adjective
    opening them (and perhaps in the type the tagger gave each form), mapped to the form most
    mentions use."""
    counts: Counter[str] = Counter(
        m.key for article in per_article for sentence in article for m in sentence if m.type != "PER"
    )
    groups: dict[str, list[str]] = {}
    for key in counts:
        form = _uninflected(key)
        if form is not None:
            groups.setdefault(form, []).append(key)
    mapping: dict[str, str] = {}
    for keys in groups.values():
        if len(keys) > 1:
            target = max(keys, key=lambda k: (counts[k], k))
            mapping.update({k: target for k in keys if k != target})
    return mapping


# Small words an acronym often leaves out ("Bank for International Settlements" is BIS); acronyms that
# keep them ("Verband der Automobilindustrie", VDA) are tried with every word as well. Written from our
# own knowledge of how English, German and French acronyms are formed.
_ACRONYM_SKIPS = frozenset(
    {"of", "the", "for", "and", "on", "in", "to", "&", "und", "für", "fur", "von", "zur", "zum", "im"}
    | {"de", "du", "des", "la", "le", "les", "et", "pour", "d'"}
)


def _initials(words: Sequence[str], skip_small: bool) -> str:
    return "".join(w[0] for w in words if w and not (skip_small and w.lower() in _ACRONYM_SKIPS)).upper()


def _acronyms(per_article: Sequence[Sequence[tuple[Mention, ...]]]) -> dict[str, str]:
    """Keys of acronyms ("FMC") that the story spells out once ("Freeland Medical Council"), mapped to
    the spelled-out name's key: the acronym written in capitals (2–6 letters), the name of two or
    more words whose initials are its letters (small words such as "of", "für", "de" left out, or all
    words kept), neither a person, and only when one name of the story fits (the gazetteer already
    gives the organisations it lists one key: "WHO" and "World Health Organization")."""
    shorts: dict[str, str] = {}
    longs: dict[str, list[str]] = {}
    for article in per_article:
        for sentence in article:
            for m in sentence:
                if m.type == "PER" or not m.key:
                    continue
                text = m.text.strip()
                if 2 <= len(text) <= 6 and text.isalpha() and text.isupper():
                    if not _listed((text,)):  # "US", "EU": the gazetteers' key stands
                        shorts.setdefault(m.key, text.upper())
                    continue
                words = text.replace("-", " ").split()
                if len(words) >= 2:
                    for skip_small in (True, False):
                        letters = _initials(words, skip_small)
                        if 2 <= len(letters) <= 6:
                            longs.setdefault(letters, [])
                            if m.key not in longs[letters]:
                                longs[letters].append(m.key)
    mapping: dict[str, str] = {}
    for short, letters in shorts.items():
        found = [k for k in longs.get(letters, ()) if k != short]
        if len(found) == 1:
            mapping[short] = found[0]
    return mapping


def _listed(tokens: tuple[str, ...]) -> bool:
    """Whether the gazetteers know the name (a place or an organisation with a key of its own)."""
    return tokens in places() or tokens in organisations()


def _spelling_variants(
    per_article: Sequence[Sequence[tuple[Mention, ...]]], languages: Sequence[str | None]
) -> dict[str, str]:
    """Person keys of two or more name parts that are another language's spelling of a key used in
    more articles: every part alike, never both in one article or in articles of one language."""
    articles: dict[str, set[int]] = {}
    for n, article in enumerate(per_article):
        for sentence in article:
            for m in sentence:
                if m.type == "PER":
                    articles.setdefault(m.key, set()).add(n)
    langs = {key: {languages[n] for n in found} for key, found in articles.items()}
    split = {key: tuple(key[4:].split("-")) for key in articles}
    ranked = sorted(articles, key=lambda k: (-len(articles[k]), k))
    mapping: dict[str, str] = {}
    for i, key in enumerate(ranked):
        if key in mapping or len(split[key]) < 2:
            continue
        group = [key]
        for other in ranked[i + 1 :]:
            if other in mapping or len(split[other]) != len(split[key]) or split[other] == split[key]:
                continue
            if any(articles[g] & articles[other] or langs[g] & langs[other] for g in group):
                continue
            if None not in langs[other] and all(
                _alike(x, y) for x, y in zip(split[key], split[other], strict=True)
            ):
                group.append(other)
        if len(group) == 1:
            continue
        # The spelling most of the group shares part by part ("Vladimir Putin" between "Wladimir
        # Putin" and "Vladimir Poutine"), so that a bare "Putin" joins it too.
        shared = Counter(part for g in group for part in split[g])
        target = max(group, key=lambda g: (sum(shared[part] for part in split[g]), len(articles[g]), g))
        mapping.update({g: target for g in group if g != target})
    return mapping


def _alike(x: str, y: str) -> bool:
    """Two spellings of one name part: the same first letter (or one of v/w, s/z: "Wladimir",
    "Selenskyj") and most letters alike."""
    if x == y:
        return True
    first = x[:1] == y[:1] or {x[:1], y[:1]} in ({"v", "w"}, {"s", "z"})
    return first and SequenceMatcher(None, x, y).ratio() >= TRANSLITERATION_MIN_RATIO
