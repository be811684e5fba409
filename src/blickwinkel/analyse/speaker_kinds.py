"""What kind of speaker a phrase names: a person, an organisation (the police, a ministry, "die
Feuerwehr") or a group (officials, witnesses, "Anwohner"), from the entity type or the head noun."""

from __future__ import annotations

import re
from itertools import pairwise

from blickwinkel.analyse.outlet_names import is_outlet_word, opens_a_persons_name
from blickwinkel.analyse.speech_words import DETERMINERS, GROUP_NOUNS_EN, ORGANISATION_NOUNS_EN, is_title

ORGANISATION_HEAD_EN = re.compile(
    rf"(?:{ORGANISATION_NOUNS_EN}|board|agency|company|office|service|department|court|hospital|"
    r"university|embassy|airline|operator|commission|committee|union|party|city|town|municipality|"
    r"county|city\s+hall|authority|club|team|school|firm|bank|airport|league|federation|association|"
    r"foundation|charity|organi[sz]ation|institute|network|newspaper|broadcaster)",
    re.IGNORECASE,
)
_GROUP_HEAD_EN = re.compile(rf"(?:{GROUP_NOUNS_EN})", re.IGNORECASE)
# French and Spanish heads ("la préfecture", "les pompiers", "los bomberos").
_ORGANISATION_HEAD_ROMANCE = re.compile(
    r"préfecture|gendarmerie|police|mairie|ministère|gouvernement|municipalité|commune|parquet|"
    r"tribunal|cour|syndicat|hôpital|entreprise|société|compagnie|armée|conseil|région|département|"
    r"policía|ayuntamiento|gobierno|ministerio|guardia\s+civil|alcaldía|consejería|junta|fiscalía|"
    r"juzgado|sindicato|hospital|empresa|compañía|ejército|consejo|región|diputación|"
    r"polizia|carabinieri|questura|prefettura|procura|comune|ministero|governo|regione|provincia|"
    r"protezione(?:\s+civile)?|"
    # Portuguese
    r"polícia|câmara|prefeitura|governo|ministério|proteção(?:\s+civil)?|guarda|"
    # Dutch
    r"politie|brandweer|gemeente|provincie|regering|kabinet|ministerie|justitie|veiligheidsregio|"
    r"marechaussee",
    re.IGNORECASE,
)
# French and Spanish persons by their role ("la directrice", "el portavoz", "la alcaldesa"), also
# before what they speak for ("la directrice de l'hôpital", "un portavoz de la Guardia Civil").
_PERSON_HEAD_ROMANCE = re.compile(
    r"porte-parole|directeur|directrice|maire|ministre|procureur|procureure|président|présidente|"
    r"capitaine|témoin|responsable|juge|médecin|secrétaire|préfet|préfète|délégué|déléguée|commissaire|"
    r"avocat|avocate|chef|cheffe|conseiller|conseillère|habitant|habitante|expert|experte|"
    r"portavoz|director|directora|alcalde|alcaldesa|ministro|ministra|fiscal|presidente|presidenta|"
    r"capitán|testigo|juez|jueza|médico|médica|secretario|secretaria|delegado|delegada|comisario|"
    r"comisaria|abogado|abogada|jefe|jefa|concejal|concejala|vecino|vecina|experto|experta",
    re.IGNORECASE,
)
_OF_ROMANCE = frozenset({"de", "du", "des", "del", "d'", "d’"})
_GROUP_HEAD_ROMANCE = re.compile(
    r"pompiers|secouristes|habitants|témoins|enquêteurs|autorités|responsables|médecins|"
    r"bomberos|vecinos|testigos|investigadores|autoridades|responsables|médicos|agentes|sanitarios|"
    # Italian
    r"pompieri|vigili|fuoco|soccorritori|abitanti|residenti|testimoni|investigatori|inquirenti|autorità|"
    r"medici|esperti|"
    # Portuguese
    r"bombeiros|moradores|testemunhas|investigadores|autoridades|médicos|agentes|socorristas|especialistas|"
    # Dutch
    r"bewoners|omwonenden|getuigen|hulpverleners|onderzoekers|deskundigen|artsen|agenten|autoriteiten",
    re.IGNORECASE,
)
# Italian, Portuguese and Dutch: someone who speaks for an organisation ("il portavoce della questura",
# "o presidente da câmara", "de woordvoerder van de politie"); the words Spanish shares ("presidente",
# "ministro") only before a joining word Spanish lacks ("da", "della"): Spanish's are read above.
_PERSON_OF_OTHERS = re.compile(
    r"(?:portavoce|sindaco|sindaca|direttore|direttrice|porta-voz|diretor|diretora|woordvoerder|"
    r"woordvoerster|burgemeester|voorzitter)\s+(?:del|dello|della|dei|degli|delle|di|dell['’]\S*|da|do|das|dos|de|van)"
    r"|(?:presidente|ministro|ministra|comandante)\s+(?:dello|della|dei|degli|delle|dell['’]\S*|da|do|das|dos)",
    re.IGNORECASE,
)
_PERSON_HEAD_EN = re.compile(
    r"spokes(?:man|woman|person)|official|officer|chief|head|director|manager|minister|mayor|"
    r"secretary|president|chairman|chairwoman|chair|leader|commander|captain|witness|resident|"
    r"passenger|doctor|lawyer|expert|analyst|engineer|teacher|worker|owner|driver",
    re.IGNORECASE,
)
# German heads, also as the end of a compound ("Landespolizei", "Kreisverwaltung", "Rettungskräfte").
_ORGANISATION_HEAD_DE = re.compile(
    r"\w*(?:polizei|feuerwehr|behörde|behörden|regierung|ministerium|staatsanwaltschaft|verwaltung|"
    r"stadt|gemeinde|rathaus|amt|gericht|dienst|bahn|unternehmen|konzern|firma|leitung|bundeswehr|"
    r"armee|verband|kommission|präsidium|direktion|agentur|institut|klinik|krankenhaus|veranstalter|"
    r"werke|betriebe|verein|schule|universität|bank|konzern|partei|sender|zeitung|gewerkschaft)",
    re.IGNORECASE,
)
_GROUP_HEAD_DE = re.compile(
    r"\w*(?:ermittler|zeugen|anwohner|bewohner|ärzte|experten|expertinnen|helfer|retter|kräfte|"
    r"beamte|beamten|fachleute|mitarbeiter|mitarbeitende|beschäftigte|passagiere|fahrgäste|"
    r"demonstranten|aktivisten|diplomaten|eltern|landwirte|forscher|wissenschaftler)",
    re.IGNORECASE,
)


def speaker_kind(speaker: str, mention_type: str | None = None) -> str | None:
    """The kind of speaker ("person", "organisation" or "group") as written, from the type of the
    mention that names it or from its head noun; None where neither says (a bare name stays None:
    the entity tagger did not call it a person)."""
    if mention_type == "PER":
        return "person"
    if mention_type == "ORG":
        return "organisation"
    words = [w.strip(".,;:’'") for w in speaker.split()]
    if not words or not words[-1]:
        return None
    # "a spokeswoman for the city council", "ein Sprecher der Polizei": the person who speaks for it,
    # not the council
    for n, word in enumerate(words[:-1]):
        if words[n + 1].lower() in ("for", "of", "at", "with") and _PERSON_HEAD_EN.fullmatch(word):
            return "person"
        if words[n + 1].lower() in ("der", "des", "vom") and word[:1].isupper() and is_title(word):
            return "person"
        following = words[n + 1].lower()
        if (
            following in _OF_ROMANCE or following.startswith(("d'", "d’"))
        ) and _PERSON_HEAD_ROMANCE.fullmatch(word):
            return "person"
    if any(_PERSON_OF_OTHERS.fullmatch(f"{word} {following}") for word, following in pairwise(words)):
        return "person"
    tail = " ".join(words[-2:])
    head = words[-1]
    if ORGANISATION_HEAD_EN.fullmatch(tail) or ORGANISATION_HEAD_EN.fullmatch(head):
        return "organisation"
    if _GROUP_HEAD_EN.fullmatch(head):
        return "group"
    if _ORGANISATION_HEAD_ROMANCE.fullmatch(tail) or _ORGANISATION_HEAD_ROMANCE.fullmatch(head):
        return "organisation"
    if _GROUP_HEAD_ROMANCE.fullmatch(head):
        return "group"
    if _PERSON_HEAD_ROMANCE.fullmatch(head):
        return "person"
    if head[:1].isupper() and is_outlet_word(head) and not opens_a_persons_name(words, 0):
        return "organisation"  # "the Lakeside Herald", "der Marstaler Anzeiger"
    if _PERSON_HEAD_EN.fullmatch(head):
        return "person"
    if head[:1].isupper() and (len(words) == 1 or words[0].lower() in DETERMINERS):
        if _ORGANISATION_HEAD_DE.fullmatch(head):
            return "organisation"
        if _GROUP_HEAD_DE.fullmatch(head):
            return "group"
    if any(is_title(w) for w in words):
        return "person"
    return None
