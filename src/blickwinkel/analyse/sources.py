"""News agencies and media an article names as its sources ("berichtet Reuters", "(dpa)", "told the AP")."""

from __future__ import annotations

import re
from functools import cache

from blickwinkel.model import Article

# Canonical name -> the ways articles write it. Names that are also common words (Welt, Bild, Zeit,
# Stern, Focus) count only in quotation marks or in their distinctive spelling.
KNOWN_SOURCES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters",),
    "dpa": ("dpa", "Deutsche Presse-Agentur", "Deutschen Presse-Agentur", "DPA"),
    "AP": ("AP", "Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "KNA": ("KNA", "Katholische Nachrichten-Agentur", "Katholischen Nachrichten-Agentur"),
    "epd": (
        "epd",
        "Evangelischer Pressedienst",
        "Evangelischen Pressedienst",
        "Evangelischen Pressedienstes",
    ),
    "APA": ("APA", "Austria Presse Agentur"),
    "SDA": ("SDA", "Keystone-SDA"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Xinhua": ("Xinhua",),
    "TASS": ("TASS", "Tass"),
    "Interfax": ("Interfax",),
    "RIA Nowosti": ("RIA Nowosti", "RIA Novosti"),
    "Anadolu": ("Anadolu",),
    "IRNA": ("IRNA",),
    "Yonhap": ("Yonhap",),
    "Kyodo": ("Kyodo",),
    "Bloomberg": ("Bloomberg",),
    "BBC": ("BBC",),
    "CNN": ("CNN",),
    "NBC": ("NBC", "NBC News"),
    "CBS": ("CBS", "CBS News"),
    "ABC News": ("ABC News",),
    "Fox News": ("Fox News",),
    "Sky News": ("Sky News",),
    "NPR": ("NPR",),
    "Axios": ("Axios",),
    "Politico": ("Politico", "POLITICO"),
    "The New York Times": ("New York Times", "NYT"),
    "The Washington Post": ("Washington Post",),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "Financial Times": ("Financial Times", "FT"),
    "The Guardian": ("Guardian",),
    "The Times": ("The Times",),
    "The Economist": ("Economist",),
    "Al Jazeera": ("Al Jazeera", "Al-Jazeera", "Al Dschasira"),
    "Al Arabiya": ("Al Arabiya", "Al-Arabija"),
    "Haaretz": ("Haaretz",),
    "Times of Israel": ("Times of Israel",),
    "Le Monde": ("Le Monde",),
    "Le Figaro": ("Le Figaro",),
    "El País": ("El País", "El Pais"),
    "Corriere della Sera": ("Corriere della Sera",),
    "La Repubblica": ("La Repubblica", "Repubblica"),
    "Der Spiegel": ("Spiegel", "SPIEGEL", "Spiegel Online"),
    "tagesschau": ("tagesschau", "Tagesschau", "tagesschau.de"),
    "ARD": ("ARD",),
    "ZDF": ("ZDF",),
    "Deutschlandfunk": ("Deutschlandfunk", "DLF"),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "MDR": ("MDR",),
    "NDR": ("NDR",),
    "WDR": ("WDR",),
    "SWR": ("SWR",),
    "RBB": ("RBB", "rbb"),
    "Bayerischer Rundfunk": ("Bayerischer Rundfunk", "Bayerischen Rundfunk"),
    "ORF": ("ORF",),
    "SRF": ("SRF",),
    "RTL": ("RTL",),
    "n-tv": ("n-tv", "ntv"),
    "Euronews": ("Euronews",),
    "FAZ": ("FAZ", "Frankfurter Allgemeine", "F.A.Z."),
    "Süddeutsche Zeitung": ("Süddeutsche Zeitung", "Süddeutschen Zeitung", "SZ"),
    "Die Zeit": ("Zeit Online", "ZEIT", "„Zeit“", "„Die Zeit“"),
    "Die Welt": ("Welt am Sonntag", "WELT", "„Welt“", "„Die Welt“"),
    "Bild": ("Bild-Zeitung", "BILD", "„Bild“", "Bild am Sonntag"),
    "Stern": ("„Stern“", "STERN"),
    "Focus": ("„Focus“", "FOCUS"),
    "Handelsblatt": ("Handelsblatt",),
    "taz": ("taz",),
    "Tagesspiegel": ("Tagesspiegel",),
    "RND": ("RND", "RedaktionsNetzwerk Deutschland", "Redaktionsnetzwerk Deutschland"),
    "NZZ": ("NZZ", "Neue Zürcher Zeitung", "Neuen Zürcher Zeitung"),
    "Der Standard": ("Standard",),
    "Kyiv Independent": ("Kyiv Independent",),
    "Ukrajinska Prawda": ("Ukrajinska Prawda", "Ukrainska Pravda"),
}

# Words that, near a source's name, show it is cited as the origin of information.
_CUE = re.compile(
    r"\b(?:berichte\w*|berichtet|meldete\w*|meldet|laut|zufolge|Angaben|Bericht\w*|gegenüber|"
    r"sagte\w*|sagt|erklärte\w*|Interview|zitiert\w*|Nachrichtenagentur|Agentur|Quelle|Informationen|"
    r"according|reported|reports|reporting|told|tells|said|interview|quoted|cited|citing|news\s+agency|"
    r"wire|source)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:Foto|Bild|Photo|Image|Grafik|Video|Quelle\s*Bild)\s*:\s*[^\n]*$|©\s*[^\n]*$", re.IGNORECASE
)
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 40


@cache
def _alias_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    canonical: dict[str, str] = {}
    for name, aliases in KNOWN_SOURCES.items():
        for alias in aliases:
            canonical[alias] = name
    alternatives = "|".join(re.escape(a) for a in sorted(canonical, key=len, reverse=True))
    return re.compile(rf"(?<![\w@#.-])(?:{alternatives})(?![\w-])"), canonical


def opens_with_known_source(phrase: str) -> bool:
    """Whether ``phrase`` begins with the name of a known agency or medium ("dpa", "Deutschen
    Presse-Agentur", "New York Times …")."""
    return _alias_pattern()[0].match(phrase) is not None


def find_cited_sources(article: Article) -> tuple[str, ...]:
    """Canonical names of the agencies and media the article cites, sorted and unique.

    A name counts when it stands as a dateline or credit in parentheses ("(dpa)", "(AFP/Reuters)")
    or near a citing word in the same sentence ("berichtet Reuters", "laut dpa", "told the AP").
    Photo credits ("Foto: dpa") do not count: they credit a picture, not the information.
    """
    pattern, canonical = _alias_pattern()
    text = article.text
    found: set[str] = set()
    for m in pattern.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _CREDIT.search(text[line_start : m.start()] + "x"):
            continue
        before = text[max(line_start, m.start() - _WINDOW_BEFORE) : m.start()]
        line_end = text.find("\n", m.end())
        after = text[m.end() : min(m.end() + _WINDOW_AFTER, line_end if line_end >= 0 else len(text))]
        # Keep to the sentence around the name.
        before = re.split(r"[.!?]\s+", before)[-1]
        after = re.split(r"(?<=[.!?])\s", after)[0]
        in_parentheses = bool(re.search(r"\(\s*(?:[\w.-]+\s*/\s*)*$", before)) and bool(
            re.match(r"^\s*(?:/\s*[\w.-]+\s*)*\)", after)
        )
        if in_parentheses or _CUE.search(before) or _CUE.search(after):
            found.add(canonical[m.group(0)])
    return tuple(sorted(found, key=str.lower))
