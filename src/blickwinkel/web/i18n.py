"""The language of a page: ``?lang=de|en`` wins over the Accept-Language header. The words are the
reports' table (report/texts.py), one for the web pages, the HTML report and the terminal."""

from __future__ import annotations

from blickwinkel.report.texts import LANGUAGES, TEXTS

__all__ = ["LANGUAGES", "TEXTS", "choose_language"]


def choose_language(query: str | None, accept_language: str | None) -> str:
    """``query`` when it names a known language, else the best of Accept-Language, else English."""
    if query in LANGUAGES:
        return query
    best: tuple[float, str] | None = None
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        lang = tag.strip().lower()[:2]
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if lang in LANGUAGES and (best is None or quality > best[0]):
            best = (quality, lang)
    return best[1] if best else "en"
