"""Every word a reader sees, in German and English: one table for the HTML report, the terminal
report and the web pages (``TEXTS``), the one plural rule (:func:`counted`) and the choice of the
language a report is written in (:func:`report_language`).

Each entry is ``key: (English, German)``, so no key can lack a language (a test checks the table
too). A count's noun has two keys, ``noun_one`` for one and ``noun`` for more (or none): German plurals
are no added s ("1 Artikel", "2 Artikel"; "1 Fakt", "2 Fakten").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

LANGUAGES = ("en", "de")
"""The languages of the interface; English where another is asked for."""


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` and its noun, singular for one: ``counted(1, "fact")`` is "1 fact", ``counted(2,
    "fact")`` "2 facts"; ``many`` where the plural is not the noun and an s ("story", "stories";
    "Fakt", "Fakten"). The one plural rule of the terminal, the HTML report, the web pages and the CLI
    summaries (they printed "1 statements", "1 new stories")."""
    return f"{count} {one if count == 1 else (many if many is not None else one + 's')}"


def report_language(languages: Iterable[str | None], chosen: str | None = "auto") -> str:
    """The language a report of articles in ``languages`` is written in: ``chosen`` when it is "de" or
    "en"; otherwise ("auto") German when at least as many of the articles are in German as in
    English and one is (blickwinkel is German first), English when more are in English, and English
    for articles in neither (a French pair is read more widely in English)."""
    if chosen in LANGUAGES:
        return chosen
    counts = Counter((code or "").lower()[:2] for code in languages)
    return "de" if counts["de"] and counts["de"] >= counts["en"] else "en"


def texts(language: str) -> Mapping[str, str]:
    """The words of ``language`` ("de" or "en"; English for any other), by key."""
    return TEXTS.get(language, TEXTS["en"])


def counted_in(count: int, key: str, language: str) -> str:
    """``count`` and the noun ``key`` names in ``language``: ``counted_in(2, "facts", "de")`` is "2
    Fakten", ``counted_in(1, "facts", "de")`` "1 Fakt"."""
    words = texts(language)
    return counted(count, words.get(key + "_one", words[key]), words[key])


_WORDS: dict[str, tuple[str, str]] = {
    # --- the web pages (web/templates) ---
    "app": ("blickwinkel", "blickwinkel"),
    "tagline": (
        "What news articles about one event actually say",
        "Was Nachrichtenartikel über ein Ereignis tatsächlich sagen",
    ),
    "stories": ("Stories", "Geschichten"),
    "search": ("Search", "Suche"),
    "compare": ("Compare", "Vergleichen"),
    "outlets": ("Outlets", "Medien"),
    "articles": ("articles", "Artikel"),
    "articles_one": ("article", "Artikel"),
    # the outlets the story's articles name (an article without one is not counted); "independent"
    # said more than this count knows: the comparison's independent sources are another figure
    "named_outlets": ("outlets", "Medien"),
    "named_outlets_one": ("outlet", "Medium"),
    "languages": ("Languages", "Sprachen"),
    "conflicts": ("conflicts", "Widersprüche"),
    "conflicts_one": ("conflict", "Widerspruch"),
    "conflict_badge": ("Contradictions", "Widersprüche"),
    "not_compared": ("not yet compared", "noch nicht verglichen"),
    "no_stories": (
        "No stories yet. Store articles with: blickwinkel ingest PATH",
        "Noch keine Geschichten. Artikel speichern mit: blickwinkel ingest PFAD",
    ),
    "no_outlets": (
        "No outlets yet. Store articles with: blickwinkel ingest PATH",
        "Noch keine Medien. Artikel speichern mit: blickwinkel ingest PFAD",
    ),
    "no_matching_stories": ("No stories match these filters.", "Keine Geschichten zu diesen Filtern."),
    "filtered_by": ("Only stories with", "Nur Geschichten mit"),
    "all_stories": ("all stories", "alle Geschichten"),
    "filter_outlet": ("outlet", "Medium"),
    "filter_language": ("language", "Sprache"),
    "filter_entity": ("entity", "Entität"),
    "filter_q": ("words", "Wörtern"),
    "filter_since": ("from", "ab"),
    "filter_until": ("until", "bis"),
    "filter_min_articles": ("at least this many articles", "mindestens so vielen Artikeln"),
    "compared_only": ("only stories of two or more articles", "nur Geschichten mit zwei oder mehr Artikeln"),
    "articles_column": ("Articles", "Artikel"),
    # the outlets page: figures across the stored comparisons (store/outlet_profiles.py)
    "compared_stories_column": ("Compared stories", "Verglichene Geschichten"),
    "facts_column": ("Facts", "Fakten"),
    "only_here_column": ("Only here", "Nur hier"),
    "conflicts_column": ("Conflicts", "Widersprüche"),
    "opinion_column": ("Opinion", "Meinung"),
    "profiles_note": (
        "Facts, conflicts and opinion from the {compared} compared stories.",
        "Fakten, Widersprüche und Meinung aus den {compared} verglichenen Geschichten.",
    ),
    "profiles_pending": (
        "{not_compared} stories of two or more articles are not compared yet (a story is compared when it "
        "is first opened).",
        "{not_compared} Geschichten aus zwei oder mehr Artikeln sind noch nicht verglichen (eine "
        "Geschichte wird verglichen, wenn sie zum ersten Mal geöffnet wird).",
    ),
    "next_page": ("Older stories", "Ältere Geschichten"),
    "first_page": ("Newest stories", "Neueste Geschichten"),
    "side_by_side": ("Articles side by side", "Artikel nebeneinander"),
    "coverage": ("Coverage", "Abdeckung"),
    "fact": ("Fact", "Fakt"),
    "reported": ("reported", "berichtet"),
    "not_reported": ("not reported", "nicht berichtet"),
    "perhaps_reported": (
        "perhaps reported: a similar statement was not linked",
        "vielleicht berichtet: eine ähnliche Aussage wurde nicht verknüpft",
    ),
    "conflicting": ("conflicting", "widersprüchlich"),
    "contradictions": ("Contradictions", "Widersprüche"),
    "no_contradictions": ("No contradictions found.", "Keine Widersprüche gefunden."),
    "omissions": ("Omissions", "Auslassungen"),
    "omits": ("does not report", "berichtet nicht"),
    "omits_none": ("reports every fact the others share.", "berichtet alle Fakten, die die anderen teilen."),
    "quotes": ("Quotes by speaker", "Zitate nach Sprecher"),
    "no_quotes": ("No attributed quotes.", "Keine zugeordneten Zitate."),
    "timeline": ("Timeline", "Zeitleiste"),
    "published": ("published", "veröffentlicht"),
    "subjective": ("subjective passages", "wertende Passagen"),
    "subjective_one": ("subjective passage", "wertende Passage"),
    "legend": ("Legend", "Legende"),
    "notes": ("Notes", "Hinweise"),
    # the inputs `compare` left out (Comparison.unread), above the report
    "unread_heading": (
        "Not in this comparison: {inputs} could not be read",
        "Nicht in diesem Vergleich: {inputs} nicht lesbar",
    ),
    # ... and those `stories` left out, above its listing
    "stories_unread_heading": (
        "Not in these stories: {inputs} could not be read",
        "Nicht in diesen Geschichten: {inputs} nicht lesbar",
    ),
    "unread_inputs": ("inputs", "Eingaben"),
    "unread_inputs_one": ("input", "Eingabe"),
    "legend_shared": ("shared by several outlets", "von mehreren Medien berichtet"),
    "legend_unique": ("only in this article", "nur in diesem Artikel"),
    "legend_perhaps": ("perhaps also in another article", "vielleicht auch in einem anderen Artikel"),
    "legend_conflict": ("contradicted by another outlet", "von einem anderen Medium widersprochen"),
    "legend_subj": ("opinion or evaluation", "Meinung oder Wertung"),
    "entities": ("People, places and organisations", "Personen, Orte und Organisationen"),
    "entity": ("Entity", "Entität"),
    "mentions": ("Mentions", "Erwähnungen"),
    "in_stories": ("Stories", "Geschichten"),
    "all_in_list": ("all in the story list", "alle in der Liste der Geschichten"),
    "compare_title": ("Compare these articles", "Diese Artikel vergleichen"),
    "compare_help": (
        "Paste two or more article texts (first line: headline) or article URLs; a saved RSS or Atom feed "
        "pasted into one box gives an article per entry with text. Nothing is stored.",
        "Zwei oder mehr Artikeltexte (erste Zeile: Überschrift) oder Artikel-URLs einfügen; ein "
        "gespeicherter RSS- oder Atom-Feed in einem Feld gibt einen Artikel je Eintrag mit Text. Nichts "
        "wird gespeichert.",
    ),
    "compare_limit": (
        "At most {limit} characters a text; a longer one is left out and named, the others are compared.",
        "Höchstens {limit} Zeichen je Text; ein längerer wird ausgelassen und genannt, die anderen werden "
        "verglichen.",
    ),
    "text": ("Text", "Text"),
    "url": ("or URL", "oder URL"),
    "outlet": ("Outlet", "Medium"),
    "token": ("Token", "Token"),
    "submit_compare": ("Compare", "Vergleichen"),
    "left_out": ("Left out, could not be read", "Nicht verglichen, weil nicht lesbar"),
    "search_placeholder": ("Search articles…", "Artikel durchsuchen…"),
    "results": ("results", "Treffer"),
    "results_one": ("result", "Treffer"),
    "no_results": ("Nothing found.", "Nichts gefunden."),
    "no_search_words": (
        "Give words to search for: every word must match; AND, OR, NOT and quotes are no operators here.",
        "Geben Sie Wörter ein, nach denen gesucht wird: jedes muss vorkommen; AND, OR, NOT und "
        "Anführungszeichen sind hier keine Operatoren.",
    ),
    "more_results": (
        "the first {n}; more articles match: narrow the search with more words",
        "die ersten {n}; weitere Artikel passen: grenzen Sie die Suche mit mehr Wörtern ein",
    ),
    "story": ("Story", "Geschichte"),
    "only_one": (
        "This story has one article so far; there is nothing to compare yet.",
        "Zu dieser Geschichte gibt es bisher einen Artikel; noch nichts zu vergleichen.",
    ),
    "being_compared": (
        "The articles of this story are being compared; this page reloads until the comparison is ready.",
        "Die Artikel dieser Geschichte werden gerade verglichen; die Seite lädt neu, bis der Vergleich "
        "fertig ist.",
    ),
    "original": ("original", "Original"),
    "facts": ("facts", "Fakten"),
    "facts_one": ("fact", "Fakt"),
    "shared_facts": ("shared facts", "gemeinsame Fakten"),
    "shared_facts_one": ("shared fact", "gemeinsamer Fakt"),
    "error": ("Error", "Fehler"),
    "skip": ("Skip to content", "Zum Inhalt springen"),
    "main_navigation": ("main", "Hauptnavigation"),
    "api": ("API", "API"),
    "language": ("Deutsch", "English"),
    # --- the HTML report (report/html.py, assets/report.html) ---
    "report_skip": ("Skip to the articles", "Zu den Artikeln springen"),
    "report_kicker": ("blickwinkel comparison", "blickwinkel-Vergleich"),
    "report_untitled": ("Comparison of news articles", "Vergleich von Nachrichtenartikeln"),
    # "3 articles from 2 outlets", "3 Artikel aus 2 Medien"
    "articles_from": ("{articles} from {outlets}", "{articles} aus {outlets}"),
    "languages_one": ("language", "Sprache"),
    "languages_many": ("languages", "Sprachen"),
    "independent_sources": ("independent sources", "unabhängige Quellen"),
    "independent_sources_one": ("independent source", "unabhängige Quelle"),
    "legend_shared_key": ("✓ shared", "✓ gemeinsam"),
    "legend_shared_text": ("reported by two or more articles", "von zwei oder mehr Artikeln berichtet"),
    "legend_unique_key": ("◆ unique", "◆ nur hier"),
    "legend_unique_text": ("only in one article", "nur in einem Artikel"),
    "legend_conflict_key": ("⚠ conflict", "⚠ Widerspruch"),
    "legend_conflict_text": (
        "articles disagree (numbers, dates, people, places, quotes)",
        "Artikel widersprechen sich (Zahlen, Daten, Personen, Orte, Zitate)",
    ),
    "legend_opinion_key": ("opinion", "Meinung"),
    "legend_opinion_text": (
        "dotted underline: opinion or commentary",
        "gepunktet unterstrichen: Meinung oder Kommentar",
    ),
    "sections": ("Sections", "Abschnitte"),
    "summary": ("Summary", "Überblick"),
    "voices": ("Voices", "Stimmen"),
    "left_out_heading": ("Left out", "Ausgelassen"),
    "articles_heading": ("Articles", "Artikel"),
    "profiles_heading": ("Outlet profiles", "Medienprofile"),
    # {n} and {esc} stand for the keys' marks
    "report_hint": (
        "Hover, focus or click a statement to highlight the same fact in every article; press {n} to "
        "jump to its next occurrence, {esc} to clear.",
        "Zeigen Sie auf eine Aussage, wählen Sie sie an oder klicken Sie sie an, um denselben Fakt in jedem "
        "Artikel hervorzuheben; {n} springt zur nächsten Stelle, {esc} hebt die Markierung auf.",
    ),
    "shared_facts_heading": ("Shared facts", "Gemeinsame Fakten"),
    "first_title": ("published it first", "hat es zuerst veröffentlicht"),
    "first_note": ("first", "zuerst"),
    "conflicting_values": ("conflicting values", "widersprüchliche Werte"),
    "no_shared_facts": (
        "No fact is reported by two or more articles.",
        "Kein Fakt wird von zwei oder mehr Artikeln berichtet.",
    ),
    "only_one_outlet": ("Only in one outlet", "Nur in einem Medium"),
    "perhaps_also_in": ("perhaps also in {outlets}", "vielleicht auch in {outlets}"),
    "no_unique_facts": (
        "Every fact is reported by more than one article.",
        "Jeder Fakt wird von mehr als einem Artikel berichtet.",
    ),
    "conflicts_heading": ("Conflicts", "Widersprüche"),
    "conflict_values": ("values", "Werte"),
    "versus": ("vs", "gegenüber"),
    "no_conflicts": (
        "No article contradicts another on the same fact.",
        "Kein Artikel widerspricht einem anderen im selben Fakt.",
    ),
    "voices_note": (
        "Who is quoted by which article (quoted: in their own words; reported: in reported speech), most "
        "quoted first; for a fact that holds one speaker's words in several articles, whether they are "
        "the same words.",
        "Wer in welchem Artikel zu Wort kommt (wörtlich: mit eigenen Worten; indirekt: in indirekter "
        "Rede), die am häufigsten Zitierten zuerst; bei einem Fakt, der die Worte eines Sprechers in "
        "mehreren Artikeln enthält, ob es dieselben Worte sind.",
    ),
    "speaker_column": ("Speaker", "Sprecher"),
    "in_shared_facts": ("In shared facts", "In gemeinsamen Fakten"),
    "coverage_note": (
        "✓ reported · ⚠ reported with a conflicting value · ? perhaps reported (a similar statement was "
        "not linked) · — not reported. Most central facts first.",
        "✓ berichtet · ⚠ mit widersprüchlichem Wert berichtet · ? vielleicht berichtet (eine ähnliche "
        "Aussage wurde nicht verknüpft) · — nicht berichtet. Die zentralsten Fakten zuerst.",
    ),
    "no_facts": ("No facts.", "Keine Fakten."),
    "left_out_note": (
        "Facts that other outlets report and this one does not, most reported first.",
        "Fakten, die andere Medien berichten und dieses Medium nicht, die am häufigsten berichteten zuerst.",
    ),
    "reported_by": ("reported by {outlets}", "berichtet von {outlets}"),
    # "reported by 2 outlets", "von 2 Medien berichtet"
    "reported_by_count": ("reported by {count}", "von {count} berichtet"),
    "and_more": ("and {count} more", "und {count} weitere"),
    "leaves_out_nothing": (
        "Leaves out nothing that two or more other outlets report.",
        "Lässt nichts aus, was zwei oder mehr andere Medien berichten.",
    ),
    "source": ("source", "Quelle"),
    "made_with": (
        "Made with blickwinkel {version}, embedder {embedder}",
        "Erstellt mit blickwinkel {version}, Embedder {embedder}",
    ),
    "unknown": ("unknown", "unbekannt"),
    # what the report's script says of the highlighted fact: "Fact f3: 2 statements in 2 articles"
    "status_fact": ("Fact", "Fakt"),
    "statements": ("statements", "Aussagen"),
    "statements_one": ("statement", "Aussage"),
    "in_articles": ("articles", "Artikeln"),  # "in 2 Artikeln": the dative
    "in_articles_one": ("article", "Artikel"),
    "pinned": ("pinned", "festgehalten"),
    # a statement's tooltip
    "title_conflict": ("conflict: {reasons}", "Widerspruch: {reasons}"),
    "title_conflict_plain": ("conflict with another article", "Widerspruch zu einem anderen Artikel"),
    "title_shared": ("shared: reported by {count} articles", "gemeinsam: in {count} Artikeln berichtet"),
    "title_linked": ("linked because: {why}", "verknüpft wegen: {why}"),
    "title_restates": (
        "restates another statement of this article (one fact)",
        "wiederholt eine andere Aussage dieses Artikels (ein Fakt)",
    ),
    "title_unique": ("unique: only in this article", "nur in diesem Artikel"),
    "title_perhaps": (
        "perhaps also in another article: a similar statement there was not linked",
        "vielleicht auch in einem anderen Artikel: eine ähnliche Aussage dort wurde nicht verknüpft",
    ),
    "title_opinion": ("opinion/commentary", "Meinung/Kommentar"),
    "title_speaker": ("speaker: {name}", "Sprecher: {name}"),
    # an article's badges and profile
    "copy_of": ("copy of {outlet}", "Kopie von {outlet}"),
    "ends_in_commentary": ("ends in commentary", "endet mit Kommentar"),
    "profile_facts": ("Facts", "Fakten"),
    "profile_shared": ("Shared facts", "Gemeinsame Fakten"),
    "profile_unique": ("Unique facts", "Nur hier"),
    "profile_conflicting": ("Conflicting facts", "Widersprüchliche Fakten"),
    "profile_subjective": ("Subjective share", "Meinungsanteil"),
    "profile_quotes": ("Quotes", "Zitate"),
    "profile_speakers": ("Speakers", "Sprecher"),
    "profile_cited": ("Cited sources", "Genannte Quellen"),
    "profile_genre": ("Genre", "Textsorte"),
    "profile_names": ("Names", "Nennt"),
    "profile_not_named": ("Does not name", "Nennt nicht"),
    "profile_own_words": ("Own words", "Eigene Wortwahl"),
    "profile_ends": ("Ends in commentary", "Endet mit Kommentar"),
    "profile_copy": ("Copy of", "Kopie von"),
    "yes": ("yes", "ja"),
    "no": ("no", "nein"),
    # an article's genre (analyse/subjectivity.py)
    "genre_report": ("report", "Bericht"),
    "genre_opinion": ("opinion", "meinungsbetont"),
    "genre_commentary": ("commentary", "Kommentar"),
    # a speaker's kind (analyse/speaker_kinds.py)
    "speaker_person": ("person", "Person"),
    "speaker_organisation": ("organisation", "Organisation"),
    "speaker_group": ("group", "Gruppe"),
    # a conflict's kind (model.Conflict.kind): its short name and its heading
    "kind_quantity": ("quantity", "Zahl"),
    "kind_date": ("date", "Datum"),
    "kind_actor": ("actor", "Akteur"),
    "kind_place": ("place", "Ort"),
    "kind_speaker": ("speaker", "Sprecher"),
    "kind_negation": ("negation", "Verneinung"),
    "kind_detail": ("detail", "Detail"),
    "conflict_quantity": ("Different numbers", "Andere Zahlen"),
    "conflict_date": ("Different dates", "Andere Daten"),
    "conflict_actor": ("Different person or organisation", "Andere Person oder Organisation"),
    "conflict_place": ("Different place", "Anderer Ort"),
    "conflict_speaker": ("Quote given to different people", "Zitat verschiedenen Personen zugeschrieben"),
    "conflict_negation": (
        "Stated on one side, negated on the other",
        "Auf einer Seite bejaht, auf der anderen verneint",
    ),
    "conflict_detail": ("Different detail", "Anderes Detail"),
    # report/labels.py: what every view says of an article and of a speaker
    "outlet_unknown": ("outlet unknown", "Medium unbekannt"),
    "paywall_mark": ("teaser only — paywalled", "nur der Anriss — hinter einer Bezahlschranke"),
    "opinion_not_read": ("opinion not read ({language})", "Meinung nicht gelesen ({language})"),
    "not_negated": ("not negated", "nicht verneint"),
    "negated": ("negated", "verneint"),
    "voice_quoted": ("quoted", "wörtlich"),
    "voice_reported": ("reported", "indirekt"),
    "voice_only": ("only {who} quotes them", "nur in {who}"),
    "voice_same": ("same words in {who}", "gleicher Wortlaut in {who}"),
    "voice_different": ("worded differently in {who}", "anders formuliert in {who}"),
    "voice_quoted_in": ("quoted in {who}", "wörtlich in {who}"),
    "voice_reported_in": ("reported in {who}", "indirekt in {who}"),
    "voice_only_reported": ("only reported in {who}", "nur indirekt in {who}"),
    "voice_without": ("without them in {who}", "ohne diese Quelle in {who}"),
    "and": ("and", "und"),
    # why two statements were linked (report/reasons.py); {value} is a score
    "link_probability": ("probability {value}", "Wahrscheinlichkeit {value}"),
    "link_meaning": ("meaning {value}", "Bedeutung {value}"),
    "link_across": ("across languages", "über Sprachgrenzen"),
    "link_e5_meaning": ("e5 meaning {value}", "Bedeutung nach e5 {value}"),
    "link_wording": ("wording {value}", "Wortlaut {value}"),
    "link_shared_words": ("shared words {value}", "gemeinsame Wörter {value}"),
    "link_same_names": ("same names", "gleiche Namen"),
    "link_different_names": ("different names", "andere Namen"),
    "link_same_numbers": ("same numbers", "gleiche Zahlen"),
    "link_numbers_differ": ("numbers differ", "Zahlen weichen ab"),
    "link_number_one_side": ("a number on one side only", "eine Zahl nur auf einer Seite"),
    "link_same_date": ("same date", "gleiches Datum"),
    "link_stands_out": ("stands out by {value}", "hebt sich um {value} ab"),
    "link_best_match": ("each the other's best match", "gegenseitig die beste Entsprechung"),
    "link_e5_stands_out": ("by e5 stands out by {value}", "hebt sich nach e5 um {value} ab"),
    "link_words_aligned": ("words aligned {value}", "Wörter zugeordnet {value}"),
    # the terminal report (report/terminal.py)
    "no_title": ("no title", "ohne Titel"),
    "quoted": ("“{text}”", "„{text}“"),
    "undated": ("undated", "ohne Datum"),
    "opinion_share": ("opinion {share}", "Meinung {share}"),
    "shared_facts_line": (
        "Shared facts ({count}) — reported by more than one article",
        "Gemeinsame Fakten ({count}) — von mehr als einem Artikel berichtet",
    ),
    "only_in_line": ("Only in {label} · {outlet} ({count})", "Nur in {label} · {outlet} ({count})"),
    "only_in_none": ("nothing that no other article reports", "nichts, was kein anderer Artikel berichtet"),
    "no_conflicts_terminal": (
        "No article contradicts another on a number or date of the same fact.",
        "Kein Artikel widerspricht einem anderen bei einer Zahl oder einem Datum desselben Fakts.",
    ),
    "tag_quote_by": ("quote {who}", "Zitat: {who}"),
    # "laut" would need the case a name with an article does not have ("laut das Ministerium")
    "tag_says": ("says {who}", "Quelle: {who}"),
    "tag_quote": ("quote", "Zitat"),
    "tag_unsourced": ("reported, no source named", "berichtet, ohne genannte Quelle"),
    "tag_opinion": ("opinion", "Meinung"),
    "inferred": ("inferred", "erschlossen"),
    "no_voices": (
        "Voices: no article quotes anyone by name or source",
        "Stimmen: kein Artikel zitiert jemanden mit Namen oder Quelle",
    ),
    "voices_line": (
        "Voices ({count}) — who is quoted, by which articles",
        "Stimmen ({count}) — wer in welchen Artikeln zitiert wird",
    ),
    "more_facts": ("more facts", "weitere Fakten"),
    "more_facts_one": ("more fact", "weiterer Fakt"),
    "more": ("{count} more", "{count} weitere"),
    "coverage_none": (
        "Coverage: no fact is reported by more than one article",
        "Abdeckung: kein Fakt wird von mehr als einem Artikel berichtet",
    ),
    "coverage_title": (
        "Coverage (✓ reported, ⚠ reported differently, — not reported)",
        "Abdeckung (✓ berichtet, ⚠ anders berichtet, — nicht berichtet)",
    ),
    "fact_column": ("fact", "Fakt"),
    "left_out_title": (
        "Left out (facts other outlets report, most reported and most central first)",
        "Ausgelassen (Fakten, die andere Medien berichten; die am häufigsten berichteten und zentralsten "
        "zuerst)",
    ),
    "nothing": ("nothing", "nichts"),
    "detail_quotes": ("quotes or cites", "zitiert oder nennt"),
    "detail_sources": ("sources", "Quellen"),
    "detail_copy": (
        "copy of {label} · {outlet} (counted as one source)",
        "Kopie von {label} · {outlet} (als eine Quelle gezählt)",
    ),
    "detail_own_words": ("own words", "eigene Wortwahl"),
    "detail_not_named": ("does not name", "nennt nicht"),
    # "2 independent sources of 3 articles", "2 unabhängige Quellen unter 3 Artikeln"
    "sources_of_articles": ("{sources} of {articles}", "{sources} unter {articles}"),
    "first_in": ("first in {label}", "zuerst in {label}"),
    "why": ("why", "Grund"),
    # a fact's statement that restates another statement of its own article (terminal report)
    "restates_own": (
        "restates another statement of {label} in this fact",
        "wiederholt eine andere Aussage von {label} in diesem Fakt",
    ),
    "outlets_title": ("Outlets", "Medien"),
    "col_outlet": ("outlet", "Medium"),
    "col_facts": ("facts", "Fakten"),
    "col_shared": ("shared", "gemeinsam"),
    "col_perhaps": ("perhaps", "vielleicht"),
    "col_only_here": ("only here", "nur hier"),
    "col_conflicts": ("conflicts", "Widersprüche"),
    "col_opinion": ("opinion", "Meinung"),
    "col_quotes": ("quotes", "Zitate"),
    # the table of `blickwinkel outlets` (report/outlet_totals.py); "Outlets across 2 compared stories"
    "col_stories": ("stories", "Geschichten"),
    "col_articles": ("articles", "Artikel"),
    "outlets_across": ("Outlets across {compared}", "Medien in {compared}"),
    "compared_stories": ("compared stories", "verglichenen Geschichten"),
    "compared_stories_one": ("compared story", "verglichenen Geschichte"),
    "story_count": ("stories", "Geschichten"),
    "story_count_one": ("story", "Geschichte"),
    "outlets_pending": (
        "; {not_compared} of two or more articles not compared yet (a story is compared when it is first "
        "viewed in `blickwinkel serve`)",
        "; {not_compared} aus zwei oder mehr Artikeln noch nicht verglichen (eine Geschichte wird "
        "verglichen, wenn sie in `blickwinkel serve` zum ersten Mal geöffnet wird)",
    ),
    "no_outlet_compared": (
        "No outlet has an article in a compared story.",
        "Kein Medium hat einen Artikel in einer verglichenen Geschichte.",
    ),
    "most_quoted": (
        "Most quoted (in how many of its articles)",
        "Am häufigsten zitiert (in wie vielen seiner Artikel)",
    ),
    # the listing of `blickwinkel stories` (report/story_list.py, report/labels.py story_outlets)
    "story_line": ("Story {number}: {name}", "Geschichte {number}: {name}"),
    "list_outlets": ("outlets", "Medien"),
    "list_languages": ("languages", "Sprachen"),
    "list_copy_of": ("copy of {id}", "Kopie von {id}"),
    "unknown_outlets_only": ("unknown ({count} {verb} none)", "unbekannt ({count} {verb} kein Medium)"),
    "names_none_one": ("names", "nennt"),
    "names_none": ("name", "nennen"),
    "and_unknown_outlets": ("{named} and {count} of unknown outlet", "{named} und {count} ohne Medium"),
    # the notes above a comparison (report/labels.py: many_articles_note, separate_events_note,
    # thin_languages_note)
    "many_articles_note": (
        "{count} articles compared as one event (more than {limit}): the lists are long, "
        "and a story this large may hold more than one event",
        "{count} Artikel als ein Ereignis verglichen (mehr als {limit}): die Listen sind lang, "
        "und eine so große Geschichte kann mehr als ein Ereignis enthalten",
    ),
    "separate_events_note": (
        "{groups}: these groups of articles share no fact; they may report different events "
        "(`blickwinkel stories` groups articles by event)",
        "{groups}: diese Gruppen von Artikeln teilen keinen Fakt; sie berichten vielleicht über "
        "verschiedene Ereignisse (`blickwinkel stories` ordnet Artikel nach Ereignissen)",
    ),
    "thin_languages_note": (
        "{who}: blickwinkel reads German and English, {languages} more thinly; {parts}",
        "{who}: blickwinkel liest Deutsch und Englisch, {languages} dünner; {parts}",
    ),
    "thin_unread_rest": (
        "and reads no speakers, no dates, no counts or amounts and no opinion, so facts are linked by "
        "meaning and wording alone, and a different number is a conflict only between two statements "
        "worded alike",
        "und liest keine Sprecher, keine Daten, keine Anzahlen oder Beträge und keine Meinung: Fakten "
        "werden nur nach Bedeutung und Wortlaut verknüpft, und eine andere Zahl ist nur zwischen zwei "
        "gleich formulierten Aussagen ein Widerspruch",
    ),
    "thin_unread_caseless": (
        "in {codes}, which is written without capitals, it can only guess names (its name finder "
        "learnt them from German text, where names are written with capitals: it misses many and "
        "takes some other words for names), {rest}",
        "in {codes}, das ohne Großbuchstaben geschrieben wird, kann es Namen nur raten (sein "
        "Namensfinder lernte sie an deutschen Texten, in denen Namen groß geschrieben werden: er "
        "übersieht viele und hält manches Wort für einen Namen), {rest}",
    ),
    "thin_unread_by_capitals": (
        "in {codes} it finds names by their capitals only, as written (one person in two "
        "grammatical cases is two names), {rest}",
        "in {codes} findet es Namen nur an ihren Großbuchstaben, so wie sie geschrieben stehen "
        "(eine Person in zwei grammatischen Fällen sind zwei Namen), {rest}",
    ),
    "thin_articles_get_no": (
        "articles in {codes} get no {readers}",
        "Artikel in {codes} erhalten keine {readers}",
    ),
    "thin_and_no": ("and no", "und keine"),
    "thin_reads_no": ("and reads no {readers}", "und liest keine {readers}"),
}

TEXTS: dict[str, dict[str, str]] = {
    language: {key: pair[n] for key, pair in _WORDS.items()} for n, language in enumerate(LANGUAGES)
}
"""The words of each language by key (``TEXTS["de"]["facts"]`` is "Fakten")."""
