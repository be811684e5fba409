"""Interface text in German and English; ``?lang=de|en`` wins over the Accept-Language header."""

from __future__ import annotations

LANGUAGES = ("en", "de")

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "app": "blickwinkel",
        "tagline": "What news articles about one event actually say",
        "stories": "Stories",
        "search": "Search",
        "compare": "Compare",
        "outlets": "Outlets",
        "articles": "articles",
        "articles_one": "article",
        "independent_outlets": "independent outlets",
        "independent_outlets_one": "independent outlet",
        "languages": "Languages",
        "conflicts": "conflicts",
        "conflicts_one": "conflict",
        "conflict_badge": "Contradictions",
        "not_compared": "not yet compared",
        "no_stories": "No stories yet. Store articles with: blickwinkel ingest PATH",
        "next_page": "Older stories",
        "side_by_side": "Articles side by side",
        "coverage": "Coverage",
        "fact": "Fact",
        "reported": "reported",
        "not_reported": "not reported",
        "conflicting": "conflicting",
        "contradictions": "Contradictions",
        "no_contradictions": "No contradictions found.",
        "omissions": "Omissions",
        "omits": "does not report",
        "omits_none": "reports every fact the others share.",
        "quotes": "Quotes by speaker",
        "no_quotes": "No attributed quotes.",
        "timeline": "Timeline",
        "published": "published",
        "subjective": "subjective passages",
        "legend": "Legend",
        "legend_shared": "shared by several outlets",
        "legend_unique": "only in this article",
        "legend_perhaps": "perhaps also in another article",
        "legend_conflict": "contradicted by another outlet",
        "legend_subj": "opinion or evaluation",
        "entities": "People, places and organisations",
        "entity": "Entity",
        "mentions": "Mentions",
        "in_stories": "Stories",
        "compare_title": "Compare these articles",
        "compare_help": "Paste two or more article texts (first line: headline) or article URLs. "
        "Nothing is stored.",
        "text": "Text",
        "url": "or URL",
        "outlet": "Outlet",
        "token": "Token",
        "submit_compare": "Compare",
        "search_placeholder": "Search articles…",
        "results": "results",
        "results_one": "result",
        "no_results": "Nothing found.",
        "story": "Story",
        "only_one": "This story has one article so far; there is nothing to compare yet.",
        "original": "original",
        "facts": "facts",
        "shared_facts": "shared facts",
        "error": "Error",
        "skip": "Skip to content",
        "api": "API",
        "language": "Deutsch",
    },
    "de": {
        "app": "blickwinkel",
        "tagline": "Was Nachrichtenartikel über ein Ereignis tatsächlich sagen",
        "stories": "Geschichten",
        "search": "Suche",
        "compare": "Vergleichen",
        "outlets": "Medien",
        "articles": "Artikel",
        "articles_one": "Artikel",
        "independent_outlets": "unabhängige Medien",
        "independent_outlets_one": "unabhängiges Medium",
        "languages": "Sprachen",
        "conflicts": "Widersprüche",
        "conflicts_one": "Widerspruch",
        "conflict_badge": "Widersprüche",
        "not_compared": "noch nicht verglichen",
        "no_stories": "Noch keine Geschichten. Artikel speichern mit: blickwinkel ingest PFAD",
        "next_page": "Ältere Geschichten",
        "side_by_side": "Artikel nebeneinander",
        "coverage": "Abdeckung",
        "fact": "Fakt",
        "reported": "berichtet",
        "not_reported": "nicht berichtet",
        "conflicting": "widersprüchlich",
        "contradictions": "Widersprüche",
        "no_contradictions": "Keine Widersprüche gefunden.",
        "omissions": "Auslassungen",
        "omits": "berichtet nicht",
        "omits_none": "berichtet alle Fakten, die die anderen teilen.",
        "quotes": "Zitate nach Sprecher",
        "no_quotes": "Keine zugeordneten Zitate.",
        "timeline": "Zeitleiste",
        "published": "veröffentlicht",
        "subjective": "wertende Passagen",
        "legend": "Legende",
        "legend_shared": "von mehreren Medien berichtet",
        "legend_unique": "nur in diesem Artikel",
        "legend_perhaps": "vielleicht auch in einem anderen Artikel",
        "legend_conflict": "von einem anderen Medium widersprochen",
        "legend_subj": "Meinung oder Wertung",
        "entities": "Personen, Orte und Organisationen",
        "entity": "Entität",
        "mentions": "Erwähnungen",
        "in_stories": "Geschichten",
        "compare_title": "Diese Artikel vergleichen",
        "compare_help": "Zwei oder mehr Artikeltexte (erste Zeile: Überschrift) oder Artikel-URLs einfügen. "
        "Nichts wird gespeichert.",
        "text": "Text",
        "url": "oder URL",
        "outlet": "Medium",
        "token": "Token",
        "submit_compare": "Vergleichen",
        "search_placeholder": "Artikel durchsuchen…",
        "results": "Treffer",
        "results_one": "Treffer",
        "no_results": "Nichts gefunden.",
        "story": "Geschichte",
        "only_one": "Zu dieser Geschichte gibt es bisher einen Artikel; noch nichts zu vergleichen.",
        "original": "Original",
        "facts": "Fakten",
        "shared_facts": "gemeinsame Fakten",
        "error": "Fehler",
        "skip": "Zum Inhalt springen",
        "api": "API",
        "language": "English",
    },
}


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
