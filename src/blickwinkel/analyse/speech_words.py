"""The words of attribution, shared by the speaker finder (analyse/speakers.py), the speaker kinds
(analyse/speaker_kinds.py) and the reported-speech reader (analyse/reported_speech.py): speech verbs,
the shapes of names and noun phrases that speak, and words that never do. Written for this project
from general knowledge of the languages."""

from __future__ import annotations

from dataclasses import dataclass

from blickwinkel.analyse import gazetteer as gz

# "&" joins the names of firms: "AT&T", "Lund & Hale" (the speaker was none: the name ended at "&").
CAP = r"[A-ZÄÖÜ][\w’'.\-&]*"
# "den" only after "van"/"von" ("van den Berg"): alone it opens a dative or accusative object, never a
# name's next part ("sagte ein Sprecher der Stadt den Journalisten" gave the speaker "… den Journalisten").
_PARTICLE = r"(?:(?:van|von)\s+de[nr]|von|van|de|del|der|zu|al|el|bin|ibn|la|le|da|di)"
NAME = rf"{CAP}(?:\s+(?:{_PARTICLE}\s+|&\s+)?{CAP}){{0,3}}"
DET_DE = r"(?i:der|die|das|dem|den|des|ein|eine|einem|einer|eines)"
ADJ = r"(?:[a-zäöüß\d][\w\-]*\s+)"  # (also "54-jährige")
# (not after a possessive: "nach Angaben des <Amts> von seinem <Arbeitgeber> entlassen" ran on into
# the agent of the passive)
_NO_POSSESSIVE = r"(?!(?:(?:mein|dein|sein|ihr|unser|euer|eur)(?:e|em|en|er|es)?|his|her|their|its|our)\s)"
GENITIVE = rf"(?:\s+(?:des|der|von|vom|of|of\s+the)\s+{_NO_POSSESSIVE}(?:{ADJ}){{0,2}}{NAME})?"
# A lower-case word after a possessive name is an adjective ("Hamburgs neuer Bürgermeister"), never a
# preposition: "berichtet <Agency> unter Bezugnahme auf …" read "<Agency> unter Bezugnahme" as one
# possessive phrase, and so as the speaker.
_NOT_A_PREPOSITION = (
    r"(?!(?:unter|auf|mit|nach|von|vom|vor|bei|beim|aus|in|im|am|an|zu|zur|zum|über|für|gegen|ohne|um|"
    r"durch|seit|bis|laut|trotz|wegen|und|oder)\s)"
)
# German noun phrases end in a capitalised noun; English ones may be all lower case ("a spokesman").
# A German possessive name stands where the article would, also before adjectives: "Hamburgs neuer
# Bürgermeister <Name>" (the name alone, "Hamburgs", was the speaker, and so the place).
NP = (
    rf"(?:{DET_DE}\s+(?:{ADJ}){{0,2}}{NAME}{GENITIVE}"
    rf"|(?i:the|a|an|one)\s+(?:[\w\-]+\s+){{0,3}}?[\w\-]+(?:\s+{NAME})?"
    rf"|[A-ZÄÖÜ][\w\-]*s\s+(?:{_NOT_A_PREPOSITION}{ADJ}){{1,2}}{NAME}{GENITIVE}"
    rf"|{NAME}{GENITIVE})"
)

# Finite speech verbs; the separable ones ("teilte ... mit") are matched on their finite part.
SPEECH_DE = (
    r"sagte|sagten|sagt|sagen|erklärte|erklärten|erklärt|betonte|betonten|betont|teilte|teilten|teilt|"
    r"kündigte|kündigten|meinte|meint|ergänzte|ergänzt|unterstrich|warnte|warnt|forderte|fordert|"
    r"kritisierte|kritisiert|bekräftigte|versicherte|räumte|schrieb|schreibt|twitterte|berichtete|"
    r"berichtet|verkündete|bestätigte|bestätigt|dementierte|behauptete|behauptet|argumentierte|mahnte|"
    r"erläuterte|antwortete|fragte|fügte|sprach|zitierte|äußerte|hob|stellte|gesagt|erklärt|betont|"
    r"mitgeteilt|angekündigt|geschrieben|erzählte|erzählten|erzählt|schilderte|schildert|"
    r"ließ\s+mitteilen|ließen\s+mitteilen|ließ\s+erklären|"
    # "führte aus" only before what was said ("Er führte aus, dass …", "<Name> führte weiter aus: …"):
    # "führte die Gäste aus dem Saal", "führte über den Fluss", "führte den Auftrag aus." are no speech
    r"führte(?=\s+(?:[\w\-]+\s+){0,4}?aus\s*[,:])|führten(?=\s+(?:[\w\-]+\s+){0,4}?aus\s*[,:])|"
    # French and Spanish verbs after a quote ("», a déclaré <Name>", '", declaró <Name>'): their
    # quotes were found but never had a speaker
    r"déclaré|indiqué|affirmé|expliqué|précisé|ajouté|souligné|assuré|declaró|dijo|afirmó|explicó|"
    r"señaló|añadió|indicó|aseguró|precisó"
)
SPEECH_EN = (
    r"said|says|say|told|tells|added|stated|states|announced|wrote|writes|tweeted|explained|noted|"
    r"warned|claimed|claims|argued|argues|insisted|asked|replied|confirmed|declared|recalled|urged|"
    r"posted|reported"
)
SPEECH = rf"(?:{SPEECH_DE}|{SPEECH_EN})"
# What may stand between an English speaker and the speech verb without being a word of the speaker:
# "The ministry later said", "<Name> also said", "Police on Monday said", "The council has also said"
# (the speaker was "the ministry later", beside "the ministry" of the other articles, or none at all).
ADVERB_EN = (
    r"(?:(?:also|later|earlier|previously|initially|originally|first|again|separately|subsequently|"
    r"repeatedly|often|still|then|now|too|already|recently|meanwhile|publicly|privately|once)\s+"
    r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+){0,2}"
)
PRONOUNS = frozenset(
    {"er", "sie", "es", "man", "wir", "ich", "he", "she", "they", "it", "we", "i", "this", "dies", "das"}
    # after "according to", "zufolge", "selon", "según" a pronoun is the object form: "Ihm zufolge"
    # gave the speaker "Ihm", "according to him" a voice called "him"
    | {"ihm", "ihr", "ihnen", "him", "her", "them", "lui", "elle", "eux", "él", "ella", "lei", "loro"}
)
DETERMINERS = frozenset(
    {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einer", "eines", "the", "a", "an"}
    | {"le", "la", "les", "une", "el", "los", "las", "una"}
)
NOT_SPEAKERS = frozenset(
    {
        "am", "im", "in", "an", "auf", "bei", "nach", "vor", "seit", "damals", "dann", "zuvor", "später",
        "außerdem", "zudem", "auch", "on", "at", "after", "before", "later", "then", "also", "and", "und",
        "aber", "but", "wie", "as", "dass", "that", "so", "es", "sich", "dennoch", "jedoch", "dessen",
        "deren", "daraufhin", "deshalb", "darauf", "dazu", "hier", "dort", "their", "his", "her", "its",
        "this", "these", "those", "there", "here", "when", "while", "if",
        # German adverbs that open a sentence before its verb, the speaker after it ("Gestern erklärte
        # <Role> <Name>, …" gave the speaker "Gestern")
        "gestern", "vorgestern", "heute", "morgen", "mittlerweile", "inzwischen", "nun", "jetzt",
        "zuletzt", "zunächst", "anschließend", "danach", "kürzlich", "jüngst", "ebenfalls", "allerdings",
        "trotzdem", "dabei", "daher", "zugleich", "gleichzeitig", "indes", "hingegen", "erst", "zuerst",
        "schließlich", "weiter", "weiterhin", "ferner", "vielmehr", "derweil", "unterdessen", "bislang",
        "bisher", "erneut", "nochmals", "abends", "morgens", "nachts", "mittags", "seither", "seitdem",
        "demnach", "deswegen", "somit", "zwar", "immerhin", "vorher", "bereits", "schon", "ebenso",
        "damit", "hierzu", "darüber", "offenbar", "wohl", "ausdrücklich", "wörtlich", "öffentlich",
        # prepositions that open a phrase before the verb, the speaker after it ("Zur Erklärung sagte
        # das Bauamt, …" gave the speaker "Zur Erklärung"); not "von", which opens names, nor "um", the
        # Portuguese article of a speaker ("…”, conta um morador")
        "zur", "zum", "beim", "vom", "mit", "für", "über", "unter", "gegenüber", "während", "wegen",
        "trotz", "ohne", "gegen", "durch", "aus", "for", "with", "from", "during", "under", "over",
        "despite", "about",
    }
)  # fmt: skip

# "Berichten zufolge", "laut Medienberichten": reported speech without a named source.
UNNAMED_SOURCES = frozenset(
    {
        "berichten", "medienberichten", "angaben", "informationen", "quellen", "kreisen", "insidern",
        "schätzungen", "reports", "sources", "media reports", "estimates",
    }
)  # fmt: skip

# Speakers that are an office or a group, in lower case without an article: '…, police said.',
# '…," state officials said on Monday.', '…," said investigators.'. Only these head nouns (our own
# list, written from general knowledge): a bare lower-case word before "said" is too often
# something else.
ORGANISATION_NOUNS_EN = (
    r"police|authorities|government|ministry|military|army|navy|coastguard|coast\s+guard|"
    r"fire\s+service|fire\s+department|council|management"
)
GROUP_NOUNS_EN = (
    r"officials|prosecutors|investigators|officers|firefighters|rescuers|paramedics|medics|doctors|"
    r"witnesses|residents|neighbou?rs|organi[sz]ers|experts|analysts|researchers|scientists|lawyers|"
    r"spokespeople|employees|workers|staff|passengers|protesters|activists|diplomats|engineers|"
    r"inspectors|teachers|parents|farmers|lawmakers|legislators|economists|traders|observers|locals|"
    r"councillors|councilors|critics|opponents|campaigners|relatives|volunteers|survivors"
)

# French and Spanish: '…, a déclaré le maire, <Name>.', '…, declaró la alcaldesa, <Name>.', '<Name>,
# maire de la commune, a expliqué que …', 'Selon les pompiers, …', '…, según la Guardia Civil.'. Used
# for French and Spanish sentences only (their articles and auxiliaries are words in other languages).

SPEECH_ROMANCE = (
    r"déclaré|indiqué|affirmé|expliqué|précisé|ajouté|souligné|assuré|annoncé|confirmé|estimé|"
    r"raconté|dit|confié|promis|rappelé|reconnu|répondu|averti|insisté|commenté|martelé|"
    r"déclare|indique|affirme|explique|précise|souligne|assure|ajoute|estime|raconte|confie|promet|"
    r"rappelle|reconnaît|répond|avertit|insiste|"
    r"declaró|dijo|afirmó|explicó|señaló|añadió|indicó|aseguró|precisó|informó|confirmó|anunció|"
    r"contó|relató|prometió|recordó|reconoció|respondió|advirtió|insistió|subrayó|apuntó|comentó|"
    r"manifestó|sostuvo|"
    r"declara|dice|afirma|explica|señala|asegura|indica|añade|cuenta|relata|promete|recuerda|"
    r"reconoce|responde|advierte|insiste|subraya|apunta|sostiene|"
    # Italian ('…», ha detto il sindaco', '<Name> ha spiegato che …', 'come ha riferito la polizia')
    r"detto|dichiarato|spiegato|affermato|aggiunto|sottolineato|precisato|annunciato|confermato|"
    r"raccontato|riferito|assicurato|ribadito|osservato|commentato|scritto|riportato|"
    r"dichiara|spiega|aggiunge|sottolinea|conferma|racconta|riferisce|disse|dichiarò|spiegò|"
    r"affermò|aggiunse|sottolineò|precisò|annunciò|confermò|raccontò|riferì"
)
# A French or Spanish noun phrase that speaks ("le maire", "la directrice de l'hôpital", "un
# portavoz de la Guardia Civil", "la ministre Claire Dubois"); its words may hold an elided article.
ROMANCE_NP = (
    r"(?:(?i:le|la|les|un|une|el|los|las|una|un|il|i|gli)\s+|(?i:l['’]))(?:[\w\-'’]+\s+){0,3}?[\w\-'’]+"
    rf"(?:\s+{NAME})?|{NAME}"
)
# What completes a French or Spanish speaker's noun phrase after its head noun: "de l'hôpital", "del
# hospital", "de la gendarmerie", "de los bomberos" (read up to the next punctuation, three words at
# most). "Selon un porte-parole de la gendarmerie" gave the speaker "un porte-parole".
ROMANCE_COMPLEMENT = (
    r"\s+(?:(?i:de\s+la|de\s+los|de\s+las|del|des|du|de|della|dello|delle|degli|dei|di)\s+|(?i:de\s+l['’]|dell['’]|d['’]))"
    r"[\w\-'’]+(?:\s+[\w\-'’]+){0,2}?(?=\s*(?:[,.;:!?«»“”\"]|$))"
)
ROMANCE_AUX = r"(?:a|ont|avait|avaient|ha|han|había|habían|hanno|aveva|avevano)"

# Portuguese: '…», disse o presidente da câmara, <Name>.', '<Name> afirmou que …', 'Segundo a polícia,
# …'. Its articles ("a", "o") are words of another kind in French and Spanish, so it has its own lists.
SPEECH_PT = (
    r"disse|disseram|afirmou|afirmaram|declarou|declararam|explicou|explicaram|informou|informaram|"
    r"contou|contaram|acrescentou|destacou|sublinhou|ressaltou|confirmou|confirmaram|anunciou|relatou|"
    r"garantiu|assegurou|adiantou|referiu|revelou|escreveu|diz|dizem|afirma|declara|explica|conta|"
    r"informa|acrescenta|destaca|sublinha|confirma|garante|adianta|refere"
)
PT_NP = (
    r"(?:(?i:o|a|os|as|um|uma)\s+)(?:[\w\-]+\s+){0,3}?[\w\-]+(?:\s+(?:do|da|dos|das|de)\s+[\w\-]+)?"
    rf"(?:\s+{NAME})?|{NAME}"
)
PT_AUX = r"(?:tinha|tinham|havia|tem|têm)"
# Dutch has the same shapes: '…", zei de burgemeester, <Name>.', '<Name> zei dat …', 'Volgens de
# politie …', '…, aldus de brandweer.'
SPEECH_NL = (
    r"zei|zeiden|zegt|zeggen|verklaarde|verklaarden|verklaart|meldde|meldden|meldt|vertelde|vertelden|"
    r"vertelt|benadrukte|benadrukt|bevestigde|bevestigden|bevestigt|schreef|schrijft|stelde|stelt|"
    r"waarschuwde|waarschuwt|liet\s+weten|lieten\s+weten|laat\s+weten|gezegd|verklaard|gemeld|"
    r"bevestigd|laten\s+weten"
)
NL_NP = (
    r"(?:(?i:de|het|een)\s+)(?:[\w\-]+\s+){0,3}?[\w\-]+(?:\s+van\s+(?:de\s+|het\s+)?[\w\-]+)?"
    rf"(?:\s+{NAME})?|{NAME}"
)
NL_AUX = r"(?:heeft|hebben|had|hadden)"


@dataclass(frozen=True)
class AttributionWords:
    """The words of the attribution shapes French, Spanish, Italian, Portuguese and Dutch share: speech verbs,
    the noun phrase that speaks, auxiliaries, the words of "according to" and the words after which a
    speech verb names its speaker after it ("según informó …", "come ha riferito …")."""

    speech: str
    noun_phrase: str
    auxiliary: str
    according: str
    inversion: str
    pronouns: frozenset[str]


# French, Spanish and Italian share one list (French "il" is a pronoun: the pronoun lists are apart).
_FR_ES_IT = (SPEECH_ROMANCE, ROMANCE_NP, ROMANCE_AUX, r"selon|d['’]après|según|de\s+acuerdo\s+con|secondo")
_FR_ES_IT_INVERSION = r"según|como|tal\s+como|comme\s+l['’]|ainsi\s+que\s+l['’]|come"
# Pronouns, and the words that open an attribution before its verb ("Según informó la Guardia Civil",
# "Comme l'a indiqué …": the speaker follows the verb there, it was "Según").
_FR_ES_PRONOUNS = frozenset(
    {"il", "elle", "ils", "elles", "on", "nous", "je", "él", "ella", "ellos", "ellas"}
    | {"según", "selon", "como", "comme", "ainsi", "tal"}
)
ATTRIBUTION_WORDS = {
    "fr": AttributionWords(*_FR_ES_IT, _FR_ES_IT_INVERSION, _FR_ES_PRONOUNS),
    "es": AttributionWords(*_FR_ES_IT, _FR_ES_IT_INVERSION, _FR_ES_PRONOUNS),
    "it": AttributionWords(
        *_FR_ES_IT,
        _FR_ES_IT_INVERSION,
        frozenset({"lui", "lei", "loro", "egli", "essi", "esse", "io", "noi", "come", "secondo"}),
    ),
    "pt": AttributionWords(
        SPEECH_PT,
        PT_NP,
        PT_AUX,
        r"segundo|de\s+acordo\s+com|conforme",
        r"segundo|como|conforme",
        frozenset({"ele", "ela", "eles", "elas", "eu", "nós", "você", "como", "segundo"}),
    ),
    "nl": AttributionWords(
        SPEECH_NL,
        NL_NP,
        NL_AUX,
        r"volgens|aldus",
        r"zoals|aldus",
        frozenset({"hij", "zij", "ze", "het", "wij", "we", "ik", "men", "zoals", "dat", "dit", "er"}),
    ),
}
# The words that open a relative clause after a comma ("<Name>, who met <Other>, said"), per language
# whose speakers are read: such a clause between a speaker and the speech verb names no speaker.
RELATIVE_PRONOUNS = {
    "de": r"der|die|das|dem|den|deren|dessen|welche|welcher|welches",
    "en": r"who|whom|whose|which",
    "fr": r"qui|que|qu['’]|dont|lequel|laquelle",
    "es": r"que|quien|quienes|cuyo|cuya|el\s+cual|la\s+cual",
    "it": r"che|cui|il\s+quale|la\s+quale",
    "pt": r"que|quem|cujo|cuja|o\s+qual|a\s+qual",
    "nl": r"die|dat|wie|welke",
}
# (The name is older than Dutch: the languages read with these shapes.)
ROMANCE = frozenset(ATTRIBUTION_WORDS)
# The languages whose speakers are read: German and English, and these (analyse/readers.py).
SPEAKER_LANGUAGES = frozenset({"de", "en"}) | ROMANCE

# "St." and "Saint" begin the names of places and institutions ("St. Mary's Hospital said").
_NOT_TITLES_HERE = frozenset({"st", "saint"})


def is_title(word: str) -> bool:
    return gz.is_title(word) and word.rstrip(".").casefold() not in _NOT_TITLES_HERE
