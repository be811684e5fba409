"""Function words of each language, in one place: articles, pronouns, prepositions, conjunctions,
auxiliary and modal verbs, and the small adverbs and quantifiers that carry no topic.

The wording features of the comparison leave them out (compare/similarity.py), the quantity reader
stops looking for a counted noun at one (analyse/units.py), French and Spanish capitalisation never
reads one as a name (analyse/gazetteer.py), and a title-cased outlet banner writes the small ones in
lower case (ingest/_text.py). Each of those read its own list before; the lists are written for this
project from general knowledge of the languages.
"""

from __future__ import annotations

_WORDS = {
    "de": """
        der die das den dem des ein eine einer eines einem einen dies diese dieser dieses
        er es sie sich wir ihr ihre sein seine
        in im ins an am auf aus bei mit nach von vom zu zum zur für fur über unter vor seit bis durch
        gegen um
        und oder aber als wie dass ob sowie
        ist sind war waren wird werden wurde wurden sei seien wäre hat haben habe hatte hatten hätten
        kann könne soll solle muss müsse
        auch nicht noch schon jetzt bereits so
    """,
    "en": """
        the a an this these those my your his her its our their he she it we they who whom whose which
        of in on at to for from with by as into onto over under about after before since until during
        against between among without per than
        and or but that while when where there here
        is are was were be been being has have had do does did will would can could may might should
        not no more less
    """,
    "fr": """
        le la les l' un une des du de d' au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre
        nos votre vos leur leurs
        il elle ils elles on nous vous je tu se en y qui quoi dont où que
        à dans sur sous avec sans pour par vers chez après avant depuis pendant contre entre lors selon
        et ou mais donc car ni
        ne pas plus moins aucun aucune tout toute tous toutes ainsi alors aussi encore déjà
    """,
    "es": """
        el la los las un una unos unas del al este esta estos estas ese esa esos esas aquel su sus
        nuestro nuestra él ella ellos ellas nosotros usted ustedes se que quien cuyo donde
        a de en con sin por para entre hacia desde hasta sobre tras durante ante bajo según
        y e o u pero porque ni cuando como
        no también ya además cada todo toda todos todas más menos
    """,
    "it": """
        il lo la i gli le l' un uno una un' del dello della dei degli delle al allo alla ai agli alle
        dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle
        col questo questa questi queste quello quella quelli quelle suo sua suoi sue loro nostro nostra
        lui lei essi esse noi voi io tu si ci ne che chi cui dove
        di a da in con su per tra fra verso dopo prima durante contro senza presso secondo
        e ed o ma però quindi perché se come anche
        essere avere è sono era erano fu furono stato stata stati state sarà saranno ha hanno aveva
        avevano avrà
        non più meno già ancora ogni tutto tutti tutte molto molti circa quasi oltre almeno
    """,
    "pt": """
        o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas num numa
        este esta estes estas esse essa esses essas aquele aquela isto isso seu sua seus suas
        ele ela eles elas nós vós eu tu se lhe lhes que quem cujo cuja onde
        de em com sem por para entre até desde sobre sob após durante contra perante depois antes
        e ou mas porque pois quando como se também
        ser estar ter haver é são foi foram era eram será serão está estão estava estavam tem têm tinha
        tinham havia há sido estado
        não já ainda mais menos cada todo toda todos todas muito muitos cerca quase
    """,
    "nl": """
        de het een die dat deze dit zijn haar hun ons onze mijn uw
        hij zij ze het wij we ik jij je u men er hem wie wat welke waar
        in op aan bij met van voor na naar uit over onder tegen tussen door tot sinds zonder om rond
        en of maar want dus als dan omdat toen terwijl
        is zijn was waren wordt worden werd werden zal zullen zou zouden heeft hebben had hadden kan
        kunnen moet moeten wil willen
        niet geen ook nog al wel meer minder elk elke alle veel ongeveer bijna ruim circa aldus volgens
    """,
}

FUNCTION_WORDS: dict[str, frozenset[str]] = {code: frozenset(text.split()) for code, text in _WORDS.items()}


def function_words(*languages: str) -> frozenset[str]:
    """The function words of the given languages together (lower case, as written)."""
    return frozenset().union(*(FUNCTION_WORDS[code] for code in languages))


# The articles, prepositions and conjunctions a title-cased banner writes in lower case ("The Times of
# India", "Stimme der Heimat", "El Diario del Sur"); pronouns and verbs keep their capital there.
TITLE_SMALL_WORDS = frozenset(
    """
    der die das den dem des ein eine am im in zum zur von vom und für fur auf an aus bei mit
    the a of and for on at to by la le les el los de du di del da il lo
    """.split()
)
