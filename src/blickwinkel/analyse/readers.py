"""What the analysis reads in each language, taken from the readers' own language lists: the counts and
amounts (``analyse.quantities``), the dates (``analyse.dates``), the speakers (``analyse.speakers``)
and the opinion (``analyse.subjectivity``). The comparison's note on thinly read languages
(``report.labels.thin_languages_note``) and the README's table of languages say the same."""

from __future__ import annotations

from blickwinkel.analyse.dates import READ_LANGUAGES as DATE_LANGUAGES
from blickwinkel.analyse.quantities import SUPPORTED_LANGUAGES as COUNT_LANGUAGES
from blickwinkel.analyse.speech_words import SPEAKER_LANGUAGES
from blickwinkel.analyse.subjectivity import reads_opinion

# Each reader with the words the note uses for it, in the note's order.
READERS: tuple[str, ...] = ("speakers", "dates", "counts or amounts", "opinion")


def _code(language: str | None) -> str:
    return (language or "").strip().lower()[:2]


def reads(language: str | None) -> tuple[str, ...]:
    """The readers (``READERS``) that read text of ``language`` (a code such as "it" or "pt-BR")."""
    code = _code(language)
    found = {
        "speakers": code in SPEAKER_LANGUAGES,
        "dates": code in DATE_LANGUAGES,
        "counts or amounts": code in COUNT_LANGUAGES,
        "opinion": reads_opinion(code),
    }
    return tuple(reader for reader in READERS if found[reader])


def unread(language: str | None) -> tuple[str, ...]:
    """The readers that do not read ``language``: empty for German, English, French and Spanish."""
    read = set(reads(language))
    return tuple(reader for reader in READERS if reader not in read)
